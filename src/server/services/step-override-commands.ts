// `PUT/DELETE accounts/{id}/step_override`: set, change or remove a discount level set by hand. Each is a write
// of the account: it checks and raises the account's version, and answers the account as it now is.
import type { Account, StepOverrideRequest } from '@shared/api'
import type { ServerContext } from '../context'
import { assertVersion, fieldError } from '../errors'
import { getAccount, getAccountRow } from './accounts'
import { nextVersion } from './versioned'
import { businessToday, liveOverridesOf } from './step-overrides'
import { execute, valueOf } from './sql'

function bumpAccount(ctx: ServerContext, id: number, version: number, actor: string | null): void {
  const next = nextVersion(ctx, { version }, actor)
  execute(
    ctx,
    'UPDATE accounts SET version = ?, updated_at = ?, updated_by = ? WHERE id = ?',
    next.version,
    next.updated_at,
    next.updated_by,
    id,
  )
}

/**
 * Sets (or replaces) the account's override: `index` must be a step of the ladder of its group (422 at `index`)
 * and `until` not a business day already over (422 at `until`).
 */
export function setStepOverride(
  ctx: ServerContext,
  id: number,
  input: StepOverrideRequest,
  actor: string | null,
): Account {
  return ctx.db.tx(() => {
    const row = getAccountRow(ctx, id)
    assertVersion(row.version, input.version, () => getAccount(ctx, id))
    const ladderId =
      valueOf<number | null>(ctx, 'SELECT ladder_id FROM account_groups WHERE id = ?', row.group_id) ?? null
    const steps =
      ladderId === null
        ? 0
        : (valueOf<number>(ctx, 'SELECT count(*) FROM ladder_steps WHERE ladder_id = ?', ladderId) ?? 0)
    if (ladderId === null || input.index >= steps) {
      throw fieldError(
        ['body', 'index'],
        'step_not_in_ladder',
        { index: input.index, steps },
        ladderId === null
          ? "The account's group has no ladder"
          : `The ladder of the account's group has no step ${input.index} (it has ${steps})`,
      )
    }
    const today = businessToday(ctx)
    const until = input.until ?? null
    if (until !== null && until < today) {
      throw fieldError(['body', 'until'], 'date_in_past', { today }, `The business day ${until} is over`)
    }
    execute(
      ctx,
      `INSERT INTO account_step_overrides (account_id, ladder_id, idx, mode, until, reason, set_by, set_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (account_id) DO UPDATE SET ladder_id = excluded.ladder_id, idx = excluded.idx,
         mode = excluded.mode, until = excluded.until, reason = excluded.reason, set_by = excluded.set_by,
         set_at = excluded.set_at`,
      id,
      ladderId,
      input.index,
      input.mode,
      until,
      input.reason,
      actor,
      ctx.nowIso(),
    )
    bumpAccount(ctx, id, row.version, actor)
    return getAccount(ctx, id)
  })
}

/**
 * Removes the account's override. Without one that holds (none, or it has ended) nothing changes and the
 * account is answered as it is — the version is still checked.
 */
export function removeStepOverride(
  ctx: ServerContext,
  id: number,
  version: number,
  actor: string | null,
): Account {
  return ctx.db.tx(() => {
    const row = getAccountRow(ctx, id)
    assertVersion(row.version, version, () => getAccount(ctx, id))
    const held = liveOverridesOf(ctx, [id]).has(id)
    execute(ctx, 'DELETE FROM account_step_overrides WHERE account_id = ?', id)
    if (held) bumpAccount(ctx, id, row.version, actor)
    return getAccount(ctx, id)
  })
}
