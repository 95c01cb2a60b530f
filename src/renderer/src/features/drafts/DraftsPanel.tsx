import { useState } from 'react'
import { useT } from '../../app/useT'
import type { Draft } from '@shared/ipc'
import { Button } from '../../components/Button'
import { ConfirmDialog, Dialog } from '../../components/Dialog'
import { EmptyState } from '../../components/states'
import { toast } from '../../components/toast-store'
import { formatDataTime } from '../../app/format'
import { currentLanguage } from '../../app/i18n'
import { navigate } from '../../app/router'
import { draftRoute } from '../../app/screens'
import { useUiStore, type DraftsFilter } from '../../app/ui-store'
import { useSyncStore } from '../sync/store'
import { DraftStateBadge } from './DraftStateBadge'
import { matchesFilter } from './filters'
import { followPublished, refusalReason } from './outcome'
import { useDraftsStore } from './store'
import { fieldMessage, rowMessage } from '../../app/messages'
import { draftTitle } from './title'

const FILTERS: DraftsFilter[] = ['all', 'drafts', 'queued', 'failed', 'conflicts']

/** Every local draft and outbox row, with its state badge and what can be done with it. */
export function DraftsPanel(): React.JSX.Element | null {
  const t = useT()
  const filter = useUiStore((store) => store.draftsPanel)
  const openDrafts = useUiStore((store) => store.openDrafts)
  const close = useUiStore((store) => store.closeDrafts)
  const items = useDraftsStore((store) => store.items)
  const counts = useDraftsStore((store) => store.counts)
  const retry = useSyncStore((store) => store.retry)
  if (filter === null) return null

  const shown = items.filter((row) => matchesFilter(row, filter))
  const countOf: Record<DraftsFilter, number> = {
    all: items.length,
    drafts: counts.drafts,
    queued: counts.queued + counts.syncing,
    failed: counts.failed,
    conflicts: counts.conflicts,
  }
  const label: Record<DraftsFilter, string> = {
    all: t('drafts.filterAll'),
    drafts: t('drafts.filterDrafts'),
    queued: t('drafts.filterQueued'),
    failed: t('drafts.filterFailed'),
    conflicts: t('drafts.filterConflicts'),
  }

  return (
    <Dialog
      open
      variant="panel"
      size="md"
      title={t('drafts.title')}
      description={t('drafts.description')}
      onClose={close}
      className="drafts-panel"
    >
      <div className="segmented" role="group" aria-label={t('drafts.filterLabel')}>
        {FILTERS.map((option) => (
          <button
            key={option}
            type="button"
            className={option === filter ? 'segmented__item is-active' : 'segmented__item'}
            aria-pressed={option === filter}
            onClick={() => openDrafts(option)}
          >
            {label[option]}
            <span className="segmented__count">{countOf[option]}</span>
          </button>
        ))}
      </div>
      {filter === 'failed' && counts.failed > 1 && (
        <div className="row">
          <Button
            size="sm"
            icon="refresh"
            onClick={() => {
              const failed = items.filter((row) => row.state === 'failed')
              void retry().then((result) => {
                // Each refused row goes out again: its toast says how it ends this time.
                if (result.ok) failed.forEach((row) => followPublished(row))
                else toast.ipcError(result.error)
              })
            }}
          >
            {t('drafts.retryAll')}
          </Button>
        </div>
      )}
      {shown.length === 0 ? (
        <EmptyState icon="drafts" title={filter === 'all' ? t('drafts.empty') : t('drafts.emptyFiltered')} />
      ) : (
        <ul className="draft-list" aria-label={label[filter]}>
          {shown.map((row) => (
            <DraftRow key={row.id} row={row} />
          ))}
        </ul>
      )}
    </Dialog>
  )
}

function FieldErrors({ row }: { row: Draft }): React.JSX.Element | null {
  const t = useT()
  if (row.fields.length === 0) return null
  return (
    <>
      {row.kind === 'outbox' && <p>{t('drafts.fieldErrors')}</p>}
      <ul>
        {row.fields.map((field, index) => (
          <li key={index}>
            <code>{field.path.join('.')}</code>: {fieldMessage(field)}
          </li>
        ))}
      </ul>
    </>
  )
}

function DraftRow({ row }: { row: Draft }): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  const discard = useDraftsStore((store) => store.discard)
  const publish = useDraftsStore((store) => store.publish)
  const retry = useSyncStore((store) => store.retry)
  const openConflict = useUiStore((store) => store.openConflict)
  const closeDrafts = useUiStore((store) => store.closeDrafts)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState<'discard' | 'publish' | 'retry' | null>(null)
  const title = draftTitle(row, t)
  const route = draftRoute(row)
  const isDraft = row.kind === 'draft'

  const run = async (action: 'discard' | 'publish' | 'retry') => {
    setBusy(action)
    // What each action leaves to say: a discard is done; a publish or a retry is followed until it is sent,
    // refused or in conflict (a retry is the same row sent again, followed from its current attempts).
    const result =
      action === 'discard'
        ? await discard(row.id).then((r) => (r.ok ? { ok: true as const, data: null } : r))
        : action === 'publish'
          ? await publish(row.id)
          : await retry(row.id).then((r) => (r.ok ? { ok: true as const, data: row } : r))
    setBusy(null)
    if (!result.ok) toast.ipcError(result.error)
    else if (result.data) followPublished(result.data)
    else toast.success(t('drafts.discarded', { title }))
  }

  return (
    <li className={`draft-row draft-row--${row.state}`} data-testid="draft-row" data-draft-id={row.id}>
      <div className="draft-row__head">
        <span className="draft-row__entity muted">
          {t(`entities.${row.entity}`)} · {t(`drafts.action.${row.action}`)}
        </span>
        <DraftStateBadge state={row.state} />
      </div>
      <p className="draft-row__title">{title}</p>
      <p className="draft-row__meta muted">
        {t('drafts.updatedAt', { time: formatDataTime(row.updated_at, language) })}
        {row.attempts > 0 && <> · {t('drafts.attempts', { count: row.attempts })}</>}
        {row.next_attempt_at && row.state === 'queued' && (
          <> · {t('drafts.nextAttempt', { time: formatDataTime(row.next_attempt_at, language) })}</>
        )}
      </p>
      {row.state === 'conflict' && <p className="draft-row__note">{t('errors.conflict')}</p>}
      {row.state === 'failed' && (
        <div className="draft-row__error" role="note">
          <p className="draft-row__error-title">{t('drafts.refusedTitle')}</p>
          <p>{refusalReason(row)}</p>
          <FieldErrors row={row} />
        </div>
      )}
      {row.state === 'draft' && row.fields.length > 0 && (
        <div className="draft-row__error" role="note">
          <p className="draft-row__error-title">{t('errors.validation')}</p>
          <FieldErrors row={row} />
        </div>
      )}
      {row.error && (row.state === 'queued' || row.state === 'syncing') && (
        // A transient failure (offline, server error, throttled): it is tried again by itself.
        <div className="draft-row__error" role="note">
          {row.error_code && <p className="draft-row__error-title">{rowMessage(row)}</p>}
        </div>
      )}
      <div className="draft-row__actions">
        {row.state === 'conflict' && (
          <Button size="sm" variant="primary" icon="conflict" onClick={() => openConflict(row.id)}>
            {t('drafts.resolve')}
          </Button>
        )}
        {isDraft && (
          <Button
            size="sm"
            variant="primary"
            loading={busy === 'publish'}
            onClick={() => void run('publish')}
          >
            {t('drafts.publish')}
          </Button>
        )}
        {row.state === 'failed' && (
          <Button size="sm" icon="refresh" loading={busy === 'retry'} onClick={() => void run('retry')}>
            {t('drafts.retry')}
          </Button>
        )}
        {route && row.action !== 'delete' && (
          <Button
            size="sm"
            variant="ghost"
            title={t('drafts.openTitle')}
            onClick={() => {
              closeDrafts()
              navigate(route.screen, ...route.params)
            }}
          >
            {t('drafts.open')}
          </Button>
        )}
        {row.state !== 'syncing' && (
          <Button
            size="sm"
            variant="ghost"
            icon="trash"
            loading={busy === 'discard'}
            onClick={() => setConfirming(true)}
            data-testid="draft-discard"
          >
            {isDraft ? t('drafts.discard') : t('drafts.discardRow')}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('drafts.discardTitle', { title })}
        message={t('drafts.discardText')}
        confirmLabel={isDraft ? t('drafts.discard') : t('drafts.discardRow')}
        danger
        onConfirm={() => {
          setConfirming(false)
          void run('discard')
        }}
        onCancel={() => setConfirming(false)}
      />
    </li>
  )
}
