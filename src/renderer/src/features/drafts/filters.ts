import type { Draft } from '@shared/ipc'
import type { DraftsFilter } from '../../app/ui-store'

/** Which rows each list of the drafts panel shows. */
export function matchesFilter(row: Draft, filter: DraftsFilter): boolean {
  switch (filter) {
    case 'all':
      return true
    case 'drafts':
      return row.state === 'draft'
    case 'queued':
      return row.state === 'queued' || row.state === 'syncing'
    case 'failed':
      return row.state === 'failed'
    case 'conflicts':
      return row.state === 'conflict'
  }
}
