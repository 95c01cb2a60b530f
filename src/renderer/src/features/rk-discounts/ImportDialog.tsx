import type { TFunction } from 'i18next'
import { useEffect, useRef, useState } from 'react'
import { useT } from '../../app/useT'
import type { CodedIssue, RkDiscountImportItem } from '@shared/api'
import {
  IPC_MAX_IMPORT_INPUT_BYTES,
  type CatalogImportMode,
  type CatalogImportPreview,
  type IpcError,
  type IpcFieldError,
} from '@shared/ipc'
import { currentLanguage } from '../../app/i18n'
import { fieldMessage } from '../../app/messages'
import { Button } from '../../components/Button'
import { Dialog } from '../../components/Dialog'
import { Icon } from '../../components/Icon'
import { Banner, LoadingState } from '../../components/states'
import { toast } from '../../components/toast-store'
import { invoke } from '../../ipc/client'
import { useOnline } from '../sync/store'
import { formatDiscountValue } from './format'
import {
  readImportFile,
  type FileProblem,
  type ImportEncoding,
  type ImportField,
  type ImportRow,
  type RowError,
  type RowProblem,
} from './import-file'
import './rk-discounts.css'

const ENCODING_KEY = {
  'utf-8': 'utf8',
  'utf-8-bom': 'utf8Bom',
  'utf-16le': 'utf16le',
  'windows-1251': 'windows1251',
} as const satisfies Record<ImportEncoding, string>

/** Rows listed per section of the preview and of the errors; the rest is counted. */
const SHOWN_ROWS = 100

type Step =
  | { kind: 'choose' }
  | { kind: 'reading'; file: string }
  | { kind: 'file-error'; file: string; problem: FileProblem }
  | { kind: 'row-errors'; file: string; total: number; errors: RowError[] }
  | { kind: 'checking'; file: string; rows: ImportRow[] }
  | { kind: 'check-failed'; file: string; rows: ImportRow[]; error: IpcError }
  | {
      kind: 'preview'
      file: string
      rows: ImportRow[]
      preview: CatalogImportPreview
      error: IpcError | null
    }

function payloadBytes(items: readonly RkDiscountImportItem[]): number {
  return new TextEncoder().encode(JSON.stringify({ discounts: items })).length
}

/** Errors main or the server put at `['discounts', i, field]` (or at the row `i` of a preview) → file rows. */
function rowErrorsFrom(
  rows: readonly ImportRow[],
  errors: readonly (Pick<IpcFieldError, 'path' | 'message' | 'code' | 'params'> & { index: number })[],
): RowError[] {
  return errors.map(({ index, path, message, code, params }) => {
    const key = path[0]
    const field =
      (['rk_code', 'name', 'kind', 'value', 'active'] as const).find((name) => name === key) ?? null
    const issue = {
      code: (code ?? 'invalid') as CodedIssue['code'],
      params: (params ?? {}) as CodedIssue['params'],
    }
    return {
      row: rows[index]?.row ?? index + 1,
      field,
      problem: { code: 'schema', message, issue, path: [...path] },
    }
  })
}

/** Import of an R-Keeper export: choose or drop a file, see its errors or what would change, then confirm. */
export function ImportDialog({
  open,
  onClose,
}: {
  open: boolean
  onClose: () => void
}): React.JSX.Element | null {
  const t = useT()
  const [step, setStep] = useState<Step>({ kind: 'choose' })
  const [importing, setImporting] = useState(false)
  const [dragging, setDragging] = useState(false)
  const [encoding, setEncoding] = useState<ImportEncoding | null>(null)
  const [mode, setMode] = useState<CatalogImportMode>('full')
  const inputRef = useRef<HTMLInputElement>(null)
  const chooseRef = useRef<HTMLButtonElement>(null)
  const online = useOnline()
  const runRef = useRef(0)
  const resultRef = useRef<HTMLDivElement>(null)

  // The control that had focus (the choose button) goes away as the file is read: keep focus in the dialog, on
  // the result, so Esc and Tab go on working and screen readers hear what happened.
  useEffect(() => {
    const result = resultRef.current
    const dialog = result?.closest('[role="dialog"]')
    if (result && dialog && !dialog.contains(document.activeElement)) result.focus()
  }, [step.kind])

  const close = () => {
    if (importing) return
    runRef.current++
    setStep({ kind: 'choose' })
    setDragging(false)
    onClose()
  }

  const check = async (file: string, rows: ImportRow[], run: number) => {
    setStep({ kind: 'checking', file, rows })
    const result = await invoke('catalog:import-preview', { discounts: rows.map((row) => row.item) })
    if (runRef.current !== run) return
    if (!result.ok) {
      setStep({ kind: 'check-failed', file, rows, error: result.error })
      return
    }
    if (result.data.errors.length > 0) {
      const errors = rowErrorsFrom(
        rows,
        result.data.errors.map(({ row, ...error }) => ({ index: row, ...error })),
      )
      setStep({ kind: 'row-errors', file, total: rows.length, errors })
      return
    }
    setStep({ kind: 'preview', file, rows, preview: result.data, error: null })
  }

  const load = async (file: File | undefined) => {
    if (!file || importing) return
    const run = ++runRef.current
    setStep({ kind: 'reading', file: file.name })
    setEncoding(null)
    setMode('full')
    const parsed = await readImportFile(file)
    if (runRef.current !== run) return
    setEncoding(parsed.ok ? parsed.encoding : null)
    if (!parsed.ok) setStep({ kind: 'file-error', file: file.name, problem: parsed.problem })
    else if (parsed.errors.length > 0) {
      setStep({ kind: 'row-errors', file: file.name, total: parsed.total, errors: parsed.errors })
    } else {
      const bytes = payloadBytes(parsed.rows.map((row) => row.item))
      if (bytes > IPC_MAX_IMPORT_INPUT_BYTES) {
        setStep({
          kind: 'file-error',
          file: file.name,
          problem: { code: 'tooBig', bytes, maxBytes: IPC_MAX_IMPORT_INPUT_BYTES },
        })
      } else await check(file.name, parsed.rows, run)
    }
  }

  const confirm = async () => {
    if (step.kind !== 'preview') return
    setImporting(true)
    const result = await invoke('catalog:import', { discounts: step.rows.map((row) => row.item), mode })
    setImporting(false)
    if (result.ok) {
      toast.success(t('rkDiscounts.import.done', result.data))
      runRef.current++
      setStep({ kind: 'choose' })
      onClose()
      return
    }
    const fields = result.error.fields ?? []
    const rowFields = fields.filter(
      (field) => field.path[0] === 'discounts' && typeof field.path[1] === 'number',
    )
    if (result.error.code === 'validation' && rowFields.length > 0) {
      const errors = rowErrorsFrom(
        step.rows,
        rowFields.map((field) => ({
          ...field,
          index: field.path[1] as number,
          path: field.path.slice(2),
        })),
      )
      setStep({ kind: 'row-errors', file: step.file, total: step.rows.length, errors })
    } else setStep({ ...step, error: result.error })
  }

  const chooseAnother = () => inputRef.current?.click()
  const fileName = step.kind === 'choose' ? null : step.file
  const canConfirm =
    step.kind === 'preview' &&
    online &&
    step.preview.created.length +
      step.preview.updated.length +
      (mode === 'full' ? step.preview.deactivated.length : 0) >
      0

  return (
    <Dialog
      open={open}
      size="xl"
      title={t('rkDiscounts.import.title')}
      description={t('rkDiscounts.import.description')}
      onClose={close}
      initialFocus={chooseRef}
      className="import-dialog"
      footer={
        <>
          {step.kind !== 'choose' && step.kind !== 'reading' && (
            <Button icon="upload" onClick={chooseAnother} disabled={importing}>
              {t('rkDiscounts.import.another')}
            </Button>
          )}
          <span className="spacer" />
          <Button onClick={close} disabled={importing}>
            {t('common.cancel')}
          </Button>
          {step.kind === 'preview' && (
            <Button
              variant="primary"
              icon="check"
              loading={importing}
              disabled={!canConfirm}
              onClick={() => void confirm()}
              data-testid="import-confirm"
            >
              {importing ? t('rkDiscounts.import.importing') : t('rkDiscounts.import.confirm')}
            </Button>
          )}
        </>
      }
    >
      <input
        ref={inputRef}
        type="file"
        hidden
        accept=".csv,.json,.txt,text/csv,application/json,text/plain"
        data-testid="import-file-input"
        onChange={(event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          void load(file)
        }}
      />
      <div
        className={['import-drop', dragging && 'is-dragging', step.kind !== 'choose' && 'import-drop--result']
          .filter(Boolean)
          .join(' ')}
        data-testid="import-drop"
        onDragEnter={(event) => {
          event.preventDefault()
          setDragging(true)
        }}
        onDragOver={(event) => {
          event.preventDefault()
          event.dataTransfer.dropEffect = 'copy'
        }}
        onDragLeave={(event) => {
          if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false)
        }}
        onDrop={(event) => {
          event.preventDefault()
          setDragging(false)
          void load(event.dataTransfer.files[0])
        }}
      >
        {step.kind === 'choose' ? (
          <div className="import-drop__choose">
            <Icon name="upload" size={28} className="import-drop__icon" />
            <p className="import-drop__title">{t('rkDiscounts.import.drop')}</p>
            <p className="muted">{t('rkDiscounts.import.or')}</p>
            <Button
              ref={chooseRef}
              variant="primary"
              icon="upload"
              onClick={chooseAnother}
              data-testid="import-choose"
            >
              {t('rkDiscounts.import.choose')}
            </Button>
            <p className="import-drop__formats muted">{t('rkDiscounts.import.formats')}</p>
          </div>
        ) : (
          <div
            ref={resultRef}
            className="import-result"
            tabIndex={-1}
            data-testid="import-result"
            data-step={step.kind}
          >
            {fileName && (
              <p className="import-result__file muted">
                <Icon name="drafts" /> {t('rkDiscounts.import.file', { name: fileName })}
                {encoding && (
                  <span data-testid="import-encoding">
                    {' · '}
                    {t('rkDiscounts.import.encoding', {
                      encoding: t(`rkDiscounts.import.encodings.${ENCODING_KEY[encoding]}`),
                    })}
                  </span>
                )}
              </p>
            )}
            <StepContent
              step={step}
              mode={mode}
              onMode={setMode}
              onRetry={(rows) => void check(step.file, rows, ++runRef.current)}
            />
          </div>
        )}
      </div>
    </Dialog>
  )
}

function StepContent({
  step,
  mode,
  onMode,
  onRetry,
}: {
  step: Exclude<Step, { kind: 'choose' }>
  mode: CatalogImportMode
  onMode: (mode: CatalogImportMode) => void
  onRetry: (rows: ImportRow[]) => void
}): React.JSX.Element {
  const t = useT()
  const online = useOnline()
  switch (step.kind) {
    case 'reading':
      return <LoadingState label={t('rkDiscounts.import.reading')} />
    case 'checking':
      return <LoadingState label={t('rkDiscounts.import.checking')} />
    case 'file-error':
      return (
        <Banner tone="danger" icon="alert">
          <span data-testid="import-file-error">{fileProblemText(step.problem, t)}</span>
        </Banner>
      )
    case 'check-failed':
      return (
        <Banner
          tone="danger"
          icon="alert"
          action={
            <Button size="sm" icon="refresh" onClick={() => onRetry(step.rows)}>
              {t('common.retry')}
            </Button>
          }
        >
          {t(`errors.${step.error.code}`, { seconds: step.error.retryAfterSeconds ?? 0 })}
        </Banner>
      )
    case 'row-errors':
      return <RowErrors total={step.total} errors={step.errors} />
    case 'preview':
      return (
        <>
          {step.error && (
            <Banner tone="danger" icon="alert">
              {t('rkDiscounts.import.failed', {
                message: t(`errors.${step.error.code}`, { seconds: step.error.retryAfterSeconds ?? 0 }),
              })}
            </Banner>
          )}
          {!online && (
            <Banner tone="warning" icon="offline">
              {t('rkDiscounts.import.offline')}
            </Banner>
          )}
          <PreviewView rows={step.rows} preview={step.preview} mode={mode} onMode={onMode} />
        </>
      )
  }
}

type T = TFunction

function fileProblemText(problem: FileProblem, t: T): string {
  const mb = (bytes: number) =>
    `${(bytes / 1024 / 1024).toLocaleString(currentLanguage(), { maximumFractionDigits: 1 })} MB`
  switch (problem.code) {
    case 'tooBig':
      return t('rkDiscounts.import.fileError.tooBig', { size: mb(problem.bytes), max: mb(problem.maxBytes) })
    case 'json':
      return t('rkDiscounts.import.fileError.json', { message: problem.message })
    case 'tooManyRows':
      return t('rkDiscounts.import.fileError.tooManyRows', { count: problem.count, max: problem.max })
    case 'missingColumns':
      return t('rkDiscounts.import.fileError.missingColumns', {
        columns: problem.columns.map((column) => `«${t(`rkDiscounts.import.column.${column}`)}»`).join(', '),
      })
    case 'unclosedQuote':
      return t('rkDiscounts.import.fileError.unclosedQuote', { row: problem.row })
    default:
      return t(`rkDiscounts.import.fileError.${problem.code}`)
  }
}

function rowProblemText(problem: RowProblem, t: T): string {
  switch (problem.code) {
    case 'schema':
      return fieldMessage({ path: problem.path, ...problem.issue })
    case 'columns':
      return t('rkDiscounts.import.rowError.columns', { found: problem.found, expected: problem.expected })
    case 'duplicate':
      return t('rkDiscounts.import.rowError.duplicate', { code: problem.rkCode, row: problem.firstRow })
    default:
      return t(`rkDiscounts.import.rowError.${problem.code}`, { value: problem.value ?? '' })
  }
}

function RowErrors({ total, errors }: { total: number; errors: readonly RowError[] }): React.JSX.Element {
  const t = useT()
  const shown = errors.slice(0, SHOWN_ROWS)
  const fieldName = (field: ImportField | null) => (field ? t(`rkDiscounts.import.column.${field}`) : '—')
  return (
    <div className="stack" data-testid="import-errors">
      <Banner tone="danger" icon="alert">
        <strong data-testid="import-errors-title">
          {t('rkDiscounts.import.errorsTitle', { count: errors.length })}
        </strong>{' '}
        {t('rkDiscounts.import.errorsHint')}
      </Banner>
      <p className="muted">{t('rkDiscounts.import.rows', { count: total })}</p>
      <div className="import-table-scroll">
        <table className="simple-table">
          <caption className="visually-hidden">{t('rkDiscounts.import.errorsTable')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('rkDiscounts.import.colRow')}</th>
              <th scope="col">{t('rkDiscounts.import.colField')}</th>
              <th scope="col">{t('rkDiscounts.import.colProblem')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((error, index) => (
              <tr
                key={index}
                data-testid="import-error-row"
                data-row={error.row}
                data-field={error.field ?? ''}
              >
                <th scope="row">{error.row}</th>
                <td>{fieldName(error.field)}</td>
                <td>{rowProblemText(error.problem, t)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {errors.length > shown.length && (
        <p className="muted">{t('rkDiscounts.import.errorsMore', { count: errors.length - shown.length })}</p>
      )}
    </div>
  )
}

/** What to do with the discounts missing from the file: deactivate them (a full sync) or keep them. */
function ModeChoice({
  missing,
  mode,
  onMode,
}: {
  missing: number
  mode: CatalogImportMode
  onMode: (mode: CatalogImportMode) => void
}): React.JSX.Element {
  const t = useT()
  return (
    <fieldset className="import-mode" data-testid="import-mode">
      <legend>{t('rkDiscounts.import.mode.legend', { count: missing })}</legend>
      {(['full', 'add_update'] as const).map((value) => (
        <label key={value} className="import-mode__option">
          <input
            type="radio"
            name="import-mode"
            value={value}
            checked={mode === value}
            onChange={() => onMode(value)}
          />
          <span>
            <strong>{t(`rkDiscounts.import.mode.${value}`)}</strong>
            <span className="muted"> — {t(`rkDiscounts.import.mode.${value}Hint`, { count: missing })}</span>
          </span>
        </label>
      ))}
    </fieldset>
  )
}

/** The discounts ladder steps use that this import would deactivate: their ladders and steps, named. */
function InUseWarning({ items }: { items: CatalogImportPreview['deactivated_in_use'] }): React.JSX.Element {
  const t = useT()
  return (
    <Banner tone="warning" icon="alert">
      <div className="stack import-in-use" data-testid="import-in-use">
        <strong>{t('rkDiscounts.import.inUse.title', { count: items.length })}</strong>
        <ul>
          {items.map((item) => (
            <li key={item.rk_discount_id} data-testid="import-in-use-item" data-code={item.rk_code}>
              {t(`rkDiscounts.import.inUse.${item.reason}`, { name: item.name, code: item.rk_code })}{' '}
              {item.ladders
                .map((ladder) =>
                  t('rkDiscounts.import.inUse.ladder', {
                    ladder: ladder.name,
                    steps: ladder.steps
                      .map((step) => t('rkDiscounts.import.inUse.step', { name: step.name }))
                      .join(', '),
                    count: ladder.steps.length,
                  }),
                )
                .join('; ')}
            </li>
          ))}
        </ul>
        <span>{t('rkDiscounts.import.inUse.hint')}</span>
      </div>
    </Banner>
  )
}

function PreviewView({
  rows,
  preview,
  mode,
  onMode,
}: {
  rows: readonly ImportRow[]
  preview: CatalogImportPreview
  mode: CatalogImportMode
  onMode: (mode: CatalogImportMode) => void
}): React.JSX.Element {
  const t = useT()
  const language = currentLanguage()
  const deactivated = mode === 'full' ? preview.deactivated : []
  const inUse = preview.deactivated_in_use.filter((item) => mode === 'full' || item.reason !== 'missing')
  const nothing = preview.created.length + preview.updated.length + deactivated.length === 0
  const more = (count: number) =>
    count > SHOWN_ROWS ? (
      <p className="muted">{t('rkDiscounts.import.moreRows', { count: count - SHOWN_ROWS })}</p>
    ) : null
  const changeText = (field: string, value: unknown, kind: 'percent' | 'amount') => {
    if (field === 'value' && typeof value === 'number') return formatDiscountValue({ kind, value }, language)
    if (field === 'kind' && (value === 'percent' || value === 'amount'))
      return t(`rkDiscounts.kindValue.${value}`)
    if (field === 'active') return value === false ? t('common.no') : t('common.yes')
    return String(value ?? '—')
  }
  return (
    <div className="stack" data-testid="import-preview">
      <p className="muted">{t('rkDiscounts.import.rows', { count: rows.length })}</p>
      {inUse.length > 0 && <InUseWarning items={inUse} />}
      {preview.deactivated.length > 0 && (
        <ModeChoice missing={preview.deactivated.length} mode={mode} onMode={onMode} />
      )}
      <h3 className="import-preview__title">{t('rkDiscounts.import.summary')}</h3>
      <ul className="import-stats">
        <li className="import-stat import-stat--created" data-testid="import-created">
          <span className="import-stat__count">{preview.created.length}</span>
          <span>{t('rkDiscounts.import.created')}</span>
        </li>
        <li className="import-stat import-stat--updated" data-testid="import-updated">
          <span className="import-stat__count">{preview.updated.length}</span>
          <span>{t('rkDiscounts.import.updated')}</span>
        </li>
        <li className="import-stat import-stat--deactivated" data-testid="import-deactivated">
          <span className="import-stat__count">{deactivated.length}</span>
          <span>{t('rkDiscounts.import.deactivated')}</span>
        </li>
        <li className="import-stat" data-testid="import-unchanged">
          <span className="import-stat__count">{preview.unchanged}</span>
          <span>{t('rkDiscounts.import.unchanged')}</span>
        </li>
      </ul>
      {nothing && (
        <Banner tone="info" icon="info">
          {t('rkDiscounts.import.nothing')}
        </Banner>
      )}
      {preview.created.length > 0 && (
        <details className="import-section" open>
          <summary>
            {t('rkDiscounts.import.created')} · {preview.created.length}
          </summary>
          <div className="import-section__scroll">
            <table className="simple-table">
              <tbody>
                {preview.created.slice(0, SHOWN_ROWS).map((item) => (
                  <tr key={item.rk_code}>
                    <td className="mono">{item.rk_code}</td>
                    <th scope="row">{item.name}</th>
                    <td className="num">{formatDiscountValue(item, language)}</td>
                    <td>{item.active === false ? t('common.inactive') : t('common.active')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more(preview.created.length)}
        </details>
      )}
      {preview.updated.length > 0 && (
        <details className="import-section" open>
          <summary>
            {t('rkDiscounts.import.updated')} · {preview.updated.length}
          </summary>
          <div className="import-section__scroll">
            <table className="simple-table">
              <tbody>
                {preview.updated.slice(0, SHOWN_ROWS).map(({ before, after, changes }) => (
                  <tr key={after.rk_code}>
                    <td className="mono">{after.rk_code}</td>
                    <th scope="row">{after.name}</th>
                    <td>
                      <ul className="import-changes">
                        {changes.map((field) => (
                          <li key={field}>
                            <span className="muted">
                              {t(`rkDiscounts.import.column.${field as ImportField}`)}:
                            </span>{' '}
                            <del>{changeText(field, before[field as keyof typeof before], before.kind)}</del>{' '}
                            →{' '}
                            <ins>
                              {changeText(
                                field,
                                field === 'active'
                                  ? (after.active ?? true)
                                  : after[field as keyof typeof after],
                                after.kind,
                              )}
                            </ins>
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more(preview.updated.length)}
        </details>
      )}
      {deactivated.length > 0 && (
        <details className="import-section" open>
          <summary>
            {t('rkDiscounts.import.deactivated')} · {deactivated.length}
          </summary>
          <p className="muted">{t('rkDiscounts.import.deactivatedHint')}</p>
          <div className="import-section__scroll">
            <table className="simple-table">
              <tbody>
                {deactivated.slice(0, SHOWN_ROWS).map((discount) => (
                  <tr key={discount.id}>
                    <td className="mono">{discount.rk_code}</td>
                    <th scope="row">{discount.name}</th>
                    <td className="num">{formatDiscountValue(discount, language)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {more(deactivated.length)}
        </details>
      )}
    </div>
  )
}
