import { useMemo, useState } from 'react'
import { useT } from '../../app/useT'
import type { ConflictResolution, Draft, DraftConflict } from '@shared/ipc'
import { Dialog } from '../../components/Dialog'
import { toast } from '../../components/toast-store'
import { useUiStore } from '../../app/ui-store'
import { ConflictView } from './ConflictView'
import { followPublished } from './outcome'
import type { NameLookups } from './FieldValue'
import { useDraftsStore } from './store'
import { useCachedList } from '../../app/queries'
import { draftTitle } from './title'

function hasConflict(row: Draft | undefined): row is Draft & { conflict: DraftConflict } {
  return row !== undefined && row.state === 'conflict' && row.conflict !== null
}

/** The conflict view in a dialog, for the row the drafts panel (or an editor) opened. */
export function ConflictDialog(): React.JSX.Element | null {
  const conflictId = useUiStore((store) => store.conflictId)
  const row = useDraftsStore((store) => store.items.find((item) => item.id === conflictId))
  if (!conflictId || !hasConflict(row)) return null
  return <ConflictDialogBody key={`${row.id}:${row.conflict.detected_at}`} row={row} />
}

function ConflictDialogBody({ row }: { row: Draft & { conflict: DraftConflict } }): React.JSX.Element {
  const t = useT()
  const close = useUiStore((store) => store.closeConflict)
  const resolve = useDraftsStore((store) => store.resolve)
  const [busy, setBusy] = useState<ConflictResolution | null>(null)
  const ladders = useCachedList('ladders:list')
  const catalog = useCachedList('catalog:list')
  const lookups = useMemo<NameLookups>(
    () => ({
      ladders: new Map(ladders.items.map((ladder) => [ladder.id, ladder.name])),
      rkDiscounts: new Map(catalog.items.map((discount) => [discount.id, discount.name])),
    }),
    [ladders.items, catalog.items],
  )

  const onResolve = async (resolution: ConflictResolution, merged?: Record<string, unknown>) => {
    setBusy(resolution)
    const result = await resolve(row.id, resolution, merged)
    setBusy(null)
    if (!result.ok) {
      toast.ipcError(result.error)
      return
    }
    // Keep mine and a merge go out again: follow them (sent, refused, or a new conflict); take theirs is done.
    if (result.data.draft) followPublished(result.data.draft)
    else toast.success(t('conflict.resolvedTheirs'))
    close()
  }

  return (
    <Dialog open size="xl" title={t('conflict.title', { title: draftTitle(row, t) })} onClose={close}>
      <ConflictView
        row={row}
        lookups={lookups}
        busy={busy}
        onResolve={(resolution, merged) => void onResolve(resolution, merged)}
      />
    </Dialog>
  )
}
