import type { DraftState } from '@shared/ipc'
import { DraftStateBadge } from '../drafts/DraftStateBadge'
import type { DataTableColumn } from '../../components/data-table-model'

/** The column with each entity's draft badge («черновик / ожидает синхронизации / конфликт»). */
export function syncStateColumn<T extends { id: number }>(
  header: string,
  states: ReadonlyMap<number, DraftState>,
): DataTableColumn<T> {
  return {
    id: 'sync',
    header,
    value: (item) => states.get(item.id) ?? null,
    cell: (item) => {
      const state = states.get(item.id)
      return state ? <DraftStateBadge state={state} /> : null
    },
    filterText: false,
    width: 'minmax(150px, 1fr)',
  }
}
