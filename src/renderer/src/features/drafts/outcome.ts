// What became of a published edit, said in one toast that follows it: "sending…" (or "will be sent when the
// connection is back"), then "saved on the server", "changed on the server meanwhile — resolve", or "the server
// refused it" with the reason. A green check only for what the server has accepted.
import type { Draft } from '@shared/ipc'
import { i18n } from '../../app/i18n'
import { reasonMessage } from '../../app/messages'
import { useUiStore } from '../../app/ui-store'
import { useToastStore, type ToastContent } from '../../components/toast-store'
import { useSyncStore } from '../sync/store'
import { invoke } from '../../ipc/client'
import { useDraftsStore } from './store'
import { draftTitle } from './title'

export type PublishOutcome = 'pending' | 'sent' | 'conflict' | 'refused'

/**
 * The outcome of outbox row `id` as `items` show it. `attempts`: the row's attempts when following started —
 * a row that was failed or in conflict before (a retry) counts only once it has been tried again.
 */
export function publishOutcome(
  id: string,
  items: readonly Draft[],
  attempts = 0,
): { outcome: PublishOutcome; row: Draft | null } {
  const row = items.find((item) => item.id === id) ?? null
  if (!row) return { outcome: 'sent', row }
  const settled = row.attempts > attempts
  if (row.state === 'conflict' && settled) return { outcome: 'conflict', row }
  if (row.state === 'failed' && settled) return { outcome: 'refused', row }
  return { outcome: 'pending', row }
}

/** Why the server refused a row, in the UI language: by the server's code when it sent one, else generic. */
export function refusalReason(row: Pick<Draft, 'error_code' | 'error_reason'>): string {
  const specific = row.error_reason ? reasonMessage(row.error_reason) : null
  if (specific !== null) return specific
  const code = row.error_code
  const known = code === 'validation' || code === 'conflict' || code === 'forbidden'
  return i18n.t(known ? `drafts.refusedReason.${code}` : 'drafts.refusedReason.other')
}

export interface FollowOptions {
  /** Say nothing when it went through (the screen says it another way, e.g. a delete closes the editor). */
  quietWhenSent?: boolean
}

const following = new Set<() => void>()

/** Shows what happens to the outbox row `row` until it is sent, refused or in conflict. Returns a stop function. */
export function followPublished(row: Draft, options: FollowOptions = {}): () => void {
  const t = i18n.t
  const title = draftTitle(row, t)
  const toasts = useToastStore.getState()
  const online = useSyncStore.getState().status?.online ?? true
  let toastId = toasts.show({
    tone: 'info',
    message: online ? t('drafts.outcome.sending', { title }) : t('drafts.outcome.offline', { title }),
  })
  const startAttempts = row.attempts

  const settle = (content: ToastContent | null) => {
    stop()
    if (content) toastId = useToastStore.getState().update(toastId, content)
    else useToastStore.getState().dismiss(toastId)
  }
  // Gone counts as sent only once the row has been seen (the store may not list it yet).
  let seen = false
  const check = (items: readonly Draft[]) => {
    const { outcome, row: now } = publishOutcome(row.id, items, startAttempts)
    if (now) seen = true
    if (outcome === 'pending' || (outcome === 'sent' && !seen)) return
    if (outcome === 'sent') {
      // A list read before the publish may answer late and miss the row: ask main whether it is really gone.
      void invoke('drafts:get', { id: row.id }).then((result) => {
        if (!following.has(stop)) return
        if (result.ok) check([...useDraftsStore.getState().items.filter((i) => i.id !== row.id), result.data])
        else if (result.error.code === 'not_found') {
          settle(
            options.quietWhenSent ? null : { tone: 'success', message: t('drafts.outcome.sent', { title }) },
          )
        }
      })
    } else if (outcome === 'conflict' && now) {
      const ui = useUiStore.getState()
      // Published from the drafts drawer: the row moved to the conflicts list — show that list.
      if (ui.draftsPanel !== null) ui.openDrafts('conflicts')
      settle({
        tone: 'warning',
        message: t('drafts.outcome.conflict', { title }),
        action: { label: t('drafts.resolve'), run: () => useUiStore.getState().openConflict(now.id) },
      })
    } else if (now) {
      settle({ tone: 'error', message: t('drafts.outcome.refused', { title }), detail: refusalReason(now) })
    }
  }
  const unsubscribe = useDraftsStore.subscribe((state, previous) => {
    if (state.items !== previous.items) check(state.items)
  })
  function stop() {
    unsubscribe()
    following.delete(stop)
  }
  following.add(stop)
  check(useDraftsStore.getState().items)
  return stop
}

/** Stops following every row (a logout: the next session does not hear about this one's edits). */
export function stopFollowingAll(): void {
  for (const stop of [...following]) stop()
}
