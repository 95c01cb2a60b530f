import type { AccountGroup } from '@shared/api'
import type { ServerContext } from '../context'
import { createAccountGroup } from '../services/account-groups'
import type { DemoLadders } from './ladders'

export interface DemoAccountGroups {
  guests: AccountGroup
  regulars: AccountGroup
  vip: AccountGroup
  staff: AccountGroup
}

/** One group per demo ladder, and staff without a ladder (their discount is applied at the till). */
export function seedAccountGroups(ctx: ServerContext, ladders: DemoLadders): DemoAccountGroups {
  const group = (name: string, description: string, ladderId: number | null) =>
    createAccountGroup(ctx, { name, description, ladder_id: ladderId, active: true }, 'admin')
  return {
    guests: group('Гости', 'Все гости с картой лояльности', ladders.guest.id),
    regulars: group('Постоянные гости', 'Гости, которые приходят чаще раза в месяц', ladders.regular.id),
    vip: group('VIP', 'Крупные и корпоративные гости', ladders.vip.id),
    staff: group('Сотрудники', 'Персонал сети: скидка сотрудника применяется на кассе', null),
  }
}
