// The screens of the sidebar, in order. A screen exists here only when it is built: no placeholders.
// Each screen's code loads when it is first opened (React.lazy, its own chunk): the initial renderer JS stays small
// (bench/renderer-bundle). Add a screen as `component: screen(() => import('…/XScreen'), (m) => m.XScreen)`.
import { type ComponentType, createElement, lazy } from 'react'
import type { TFunction } from 'i18next'
import type { Role } from '@shared/api'
import type { DraftEntity } from '@shared/ipc'
import type { CachedListChannel } from './queries'
import type { IconName } from '../components/Icon'

export interface ScreenComponentProps {
  /** The hash path after the screen id: `#/identifier-types/12` → ['12']. */
  params: string[]
}

export interface ScreenDefinition {
  /** The hash segment: `#/ladders`. */
  id: string
  title: (t: TFunction) => string
  icon: IconName
  /**
   * Drafts of this entity open here. The drafts panel's "Open" goes to `#/<id>/<entity_id>` for an existing
   * entity and to `#/<id>/new/<draft id>` for a create (see `draftRoute`).
   */
  entity?: DraftEntity
  component: ScreenComponent
  /**
   * The cached lists the screen shows on opening: opened from the address bar, they are asked for as soon as the
   * session is known, alongside the screen's code (preload.ts).
   */
  reads?: readonly CachedListChannel[]
  /** Only these roles see it in the sidebar (default: every role). */
  roles?: readonly Role[]
}

/** A screen's component, and the load of its code ahead of its first render. */
export type ScreenComponent = ComponentType<ScreenComponentProps> & { preload: () => Promise<unknown> }

/**
 * A screen component loaded on demand from its module (`pick` names the export). Once the code is there (opened
 * before, or preloaded) it renders at once: no Suspense fallback, no wait for React to reveal it.
 */
function screen<M>(
  load: () => Promise<M>,
  pick: (module: M) => ComponentType<ScreenComponentProps>,
): ScreenComponent {
  let loaded: ComponentType<ScreenComponentProps> | null = null
  let loading: Promise<ComponentType<ScreenComponentProps>> | null = null
  const preload = () => {
    loading ??= load().then(
      (module) => (loaded = pick(module)),
      (error: unknown) => {
        // A failed load is tried again on the next opening (the error boundary shows this one).
        loading = null
        throw error
      },
    )
    return loading
  }
  const Lazy = lazy(async () => ({ default: await preload() }))
  const Screen = (props: ScreenComponentProps) => createElement(loaded ?? Lazy, props)
  return Object.assign(Screen, { preload })
}

export const SCREENS: readonly ScreenDefinition[] = [
  {
    id: 'ladders',
    title: (t) => t('ladders.title'),
    icon: 'ladder',
    entity: 'ladder',
    reads: ['ladders:list', 'account-groups:list'],
    component: screen(
      () => import('../features/ladders/LaddersScreen'),
      (m) => m.LaddersScreen,
    ),
  },
  {
    id: 'rk-discounts',
    title: (t) => t('rkDiscounts.title'),
    icon: 'discount',
    reads: ['catalog:list', 'catalog:usage'],
    component: screen(
      () => import('../features/rk-discounts/RkDiscountsScreen'),
      (m) => m.RkDiscountsScreen,
    ),
  },
  {
    id: 'account-groups',
    title: (t) => t('accountGroups.title'),
    icon: 'group',
    entity: 'account_group',
    reads: ['account-groups:list', 'ladders:list'],
    component: screen(
      () => import('../features/account-groups/AccountGroupsScreen'),
      (m) => m.AccountGroupsScreen,
    ),
  },
  {
    id: 'identifier-types',
    title: (t) => t('identifierTypes.title'),
    icon: 'identifier',
    entity: 'identifier_type',
    reads: ['identifier-types:list'],
    component: screen(
      () => import('../features/identifier-types/IdentifierTypesScreen'),
      (m) => m.IdentifierTypesScreen,
    ),
  },
  {
    id: 'accounts',
    title: (t) => t('accounts.title'),
    icon: 'user',
    entity: 'account',
    component: screen(
      () => import('../features/accounts/AccountsScreen'),
      (m) => m.AccountsScreen,
    ),
  },
  {
    id: 'group-operations',
    title: (t) => t('operations.group.title'),
    icon: 'coins',
    component: screen(
      () => import('../features/operations/GroupOperationsScreen'),
      (m) => m.GroupOperationsScreen,
    ),
  },
  {
    id: 'reports',
    title: (t) => t('reports.title'),
    icon: 'chart',
    component: screen(
      () => import('../features/reports/ReportsScreen'),
      (m) => m.ReportsScreen,
    ),
  },
  {
    id: 'settings',
    title: (t) => t('settingsScreen.title'),
    icon: 'sliders',
    entity: 'settings',
    component: screen(
      () => import('../features/settings/SettingsScreen'),
      (m) => m.SettingsScreen,
    ),
  },
  {
    id: 'users',
    title: (t) => t('users.title'),
    icon: 'user',
    roles: ['admin'],
    component: screen(
      () => import('../features/users/UsersScreen'),
      (m) => m.UsersScreen,
    ),
  },
]

export function screenForEntity(entity: DraftEntity): ScreenDefinition | undefined {
  return SCREENS.find((screen) => screen.entity === entity)
}

/** Where a draft or outbox row opens: its entity's screen with the id, or `new/<draft id>` for a create. */
export function draftRoute(row: {
  entity: DraftEntity
  entity_id: number | null
  id: string
  draft_id?: string | null
}): { screen: string; params: string[] } | null {
  const screen = screenForEntity(row.entity)
  if (!screen) return null
  return row.entity_id !== null
    ? { screen: screen.id, params: [String(row.entity_id)] }
    : { screen: screen.id, params: ['new', row.id] }
}
