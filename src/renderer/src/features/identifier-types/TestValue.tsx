import { useId, useMemo, useState } from 'react'
import { useWatch, type Control } from 'react-hook-form'
import { useT } from '../../app/useT'
import type { IdentifierCheckResult, IdentifierType } from '@shared/api'
import { Icon } from '../../components/Icon'
import type { IpcResult } from '../../ipc/client'
import { ipcErrorOf, useIpcQuery } from '../../app/queries'
import { useDebouncedValue } from '../../app/useDebouncedValue'
import { useOnline } from '../sync/store'
import type { IdentifierTypeForm } from './form'
import './identifier-types.css'
import { checkValueLocally, codePointLength, rulesDiffer, type LocalProblem } from './identifier-check'
import { identifierProblemText, useHolderNumber } from './problem-text'

/** How long typing must pause before the server is asked. */
const SERVER_CHECK_DEBOUNCE_MS = 350

/**
 * "Test a value": as you type, the value is checked against the pattern and lengths in the form, then (after a
 * pause) by the server against the saved type, which also knows whether an account already holds it.
 */
export function TestValue({
  control,
  saved,
}: {
  control: Control<IdentifierTypeForm>
  /** The type as the server has it; null for a new one (the server cannot check it yet). */
  saved: IdentifierType | null
}): React.JSX.Element {
  const t = useT()
  const ids = useId()
  const online = useOnline()
  const [value, setValue] = useState('')
  const [pattern, minLength, maxLength] = useWatch({
    control,
    name: ['pattern', 'min_length', 'max_length'],
  })
  const local = useMemo(
    () => checkValueLocally(value, { pattern, min_length: minLength, max_length: maxLength }),
    [value, pattern, minLength, maxLength],
  )

  // The server is asked once typing pauses; a check superseded by more typing is cancelled. A change of the type
  // (`entities:changed`) re-asks.
  const settled = useDebouncedValue(value, SERVER_CHECK_DEBOUNCE_MS)
  const asking = saved !== null && online && value !== '' && settled === value
  const check = useIpcQuery('identifier-types:check', asking ? { id: saved.id, value } : null)
  const current: IpcResult<IdentifierCheckResult> | null = !asking
    ? null
    : check.data
      ? { ok: true, data: check.data }
      : check.error
        ? { ok: false, error: ipcErrorOf(check.error) ?? { code: 'internal', message: '' } }
        : null
  const takenBy = current?.ok ? current.data.taken_by_account_id : null
  const holder = useHolderNumber(takenBy)
  const stale =
    saved !== null && rulesDiffer({ pattern, min_length: minLength, max_length: maxLength }, saved)

  const problemText = (problem: LocalProblem | { code: string }, server: boolean): string =>
    identifierProblemText(t, problem.code, {
      length: codePointLength(value),
      min: 'min' in problem ? problem.min : saved?.min_length,
      max: 'max' in problem ? problem.max : saved?.max_length,
      holder: server ? holder : null,
    })

  let serverLine: React.JSX.Element | null = null
  if (value !== '') {
    if (!saved) serverLine = <p className="test-value__note muted">{t('identifierTypes.test.serverNew')}</p>
    else if (!online)
      serverLine = <p className="test-value__note muted">{t('identifierTypes.test.serverOffline')}</p>
    else if (!current)
      serverLine = (
        <p className="test-value__result" data-testid="test-server" data-state="checking">
          <span className="spinner spinner--sm" aria-hidden="true" />
          {t('identifierTypes.test.serverChecking')}
        </p>
      )
    else if (!current.ok)
      serverLine = (
        <p className="test-value__result is-bad" data-testid="test-server" data-state="error">
          <Icon name="alert" />
          {t('identifierTypes.test.serverError', { message: current.error.message })}
        </p>
      )
    else {
      const { valid, errors } = current.data
      serverLine = (
        <div
          className={valid ? 'test-value__result is-good' : 'test-value__result is-bad'}
          data-testid="test-server"
          data-state={valid ? 'valid' : 'invalid'}
        >
          <Icon name={valid ? 'check' : 'alert'} />
          <div>
            <span>
              {valid ? t('identifierTypes.test.serverValid') : t('identifierTypes.test.serverInvalid')}
            </span>
            {errors.length > 0 && (
              <ul className="test-value__problems">
                {errors.map((error, index) => (
                  <li key={index}>{problemText(error, true)}</li>
                ))}
              </ul>
            )}
          </div>
        </div>
      )
    }
  }

  return (
    <section className="test-value" aria-labelledby={`${ids}-title`} data-testid="test-value">
      <h3 id={`${ids}-title`} className="test-value__title">
        {t('identifierTypes.test.title')}
      </h3>
      <div className="field">
        <label className="field__label" htmlFor={`${ids}-input`}>
          {t('identifierTypes.test.label')}
        </label>
        <input
          id={`${ids}-input`}
          className="input mono"
          value={value}
          maxLength={1000}
          autoComplete="off"
          spellCheck={false}
          aria-describedby={`${ids}-hint ${ids}-local`}
          onChange={(event) => setValue(event.target.value)}
          data-testid="test-value-input"
        />
        <p className="field__hint" id={`${ids}-hint`}>
          {t('identifierTypes.test.hint')}
        </p>
      </div>
      <div aria-live="polite" className="test-value__results">
        <div id={`${ids}-local`}>
          {local.status === 'empty' && <p className="muted">{t('identifierTypes.test.empty')}</p>}
          {local.status === 'broken-pattern' && (
            <p className="test-value__result is-bad" data-testid="test-local" data-state="broken">
              <Icon name="alert" />
              <span>
                {t('identifierTypes.test.patternBroken')}
                <span className="test-value__detail mono">{local.message}</span>
              </span>
            </p>
          )}
          {local.status === 'checked' && (
            <div
              className={local.valid ? 'test-value__result is-good' : 'test-value__result is-bad'}
              data-testid="test-local"
              data-state={local.valid ? 'match' : 'mismatch'}
            >
              <Icon name={local.valid ? 'check' : 'close'} />
              <div>
                <span>
                  {local.valid
                    ? t('identifierTypes.test.localMatch')
                    : t('identifierTypes.test.localMismatch')}
                </span>
                {local.problems.length > 0 && (
                  <ul className="test-value__problems">
                    {local.problems.map((problem) => (
                      <li key={problem.code}>{problemText(problem, false)}</li>
                    ))}
                  </ul>
                )}
              </div>
            </div>
          )}
        </div>
        {serverLine}
        {value !== '' && saved && online && stale && (
          <p className="test-value__note muted">{t('identifierTypes.test.serverStale')}</p>
        )}
      </div>
    </section>
  )
}
