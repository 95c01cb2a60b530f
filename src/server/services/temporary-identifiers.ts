import { randomInt } from 'node:crypto'
import type { TemporaryIdentifier } from '@shared/api'
import type { ServerContext } from '../context'
import { conflict, notFound } from '../errors'
import { execute, valueOf } from './sql'
import { getSettings } from './settings'

// Temporary identifiers: `length` random digits, unique among the codes still alive, valid for `ttl_minutes`.

const MINUTE_MS = 60_000

/** Issues a code for the account (admin); 409 while the settings have temporary identifiers off. */
export function issueTemporaryIdentifier(
  ctx: ServerContext,
  accountId: number,
  actor: string | null,
): TemporaryIdentifier {
  return ctx.db.tx(() => {
    const { temporary_identifiers: rules } = getSettings(ctx)
    if (!rules.enabled) {
      throw conflict(
        'temporary_identifiers_off',
        {},
        'Temporary identifiers are turned off in the program settings',
      )
    }
    if (valueOf(ctx, 'SELECT 1 FROM accounts WHERE id = ?', accountId) === undefined)
      throw notFound('account', accountId, `Account ${accountId} not found`)
    const now = ctx.nowIso()
    let value = ''
    // 10^4 codes at the shortest: a few tries find a free one unless thousands are alive at once.
    for (let attempt = 0; attempt < 100; attempt++) {
      const candidate = Array.from({ length: rules.length }, () => randomInt(10)).join('')
      if (liveAccountOf(ctx, candidate) === undefined) {
        value = candidate
        break
      }
    }
    if (value === '')
      throw conflict(
        'temporary_identifiers_exhausted',
        {},
        'No free temporary identifier: too many are alive at once',
      )
    const expiresAt = new Date(ctx.now() + rules.ttl_minutes * MINUTE_MS).toISOString()
    execute(
      ctx,
      `INSERT INTO temporary_identifiers (value, account_id, expires_at, created_at, created_by)
       VALUES (?, ?, ?, ?, ?)`,
      value,
      accountId,
      expiresAt,
      now,
      actor,
    )
    return { value, expires_at: expiresAt }
  })
}

/** The account a live temporary identifier stands for, if any. */
export const liveAccountOf = (ctx: ServerContext, value: string): number | undefined =>
  valueOf<number>(
    ctx,
    'SELECT account_id FROM temporary_identifiers WHERE value = ? AND expires_at > ? ORDER BY id DESC LIMIT 1',
    value,
    ctx.nowIso(),
  )
