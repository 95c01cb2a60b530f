import type {
  ActiveListQuery,
  IdentifierCheckErrorCode,
  IdentifierCheckResult,
  IdentifierType,
  IdentifierTypeCreate,
  IdentifierTypeUpdate,
  ListEnvelope,
} from '@shared/api'
import { identifierValueProblems as valueProblems, type IdentifierValueProblem } from '@shared/domain'
import type { ServerContext } from '../context'
import { bool } from '../db/database'
import type { IdentifierTypesTable } from '../db/schema'
import { assertVersion, conflict, notFound } from '../errors'
import { countAll, listPage, withListFilters } from './lists'
import { firstVersion, insertedId, nextVersion } from './versioned'

type IdentifierTypeRow = Omit<IdentifierTypesTable, 'id'> & { id: number }

const COLUMNS = [
  'id',
  'code',
  'name',
  'kind',
  'pattern',
  'min_length',
  'max_length',
  'unique_values',
  'active',
  'version',
  'created_at',
  'updated_at',
  'updated_by',
] as const

export function identifierTypeFromRow(row: IdentifierTypeRow): IdentifierType {
  const { unique_values, active, ...rest } = row
  return { ...rest, unique: bool(unique_values), active: bool(active) }
}

export function findIdentifierType(ctx: ServerContext, id: number): IdentifierType | undefined {
  const row = ctx.db.first(ctx.db.q.selectFrom('identifier_types').select(COLUMNS).where('id', '=', id))
  return row ? identifierTypeFromRow(row) : undefined
}

export function getIdentifierType(ctx: ServerContext, id: number): IdentifierType {
  const found = findIdentifierType(ctx, id)
  if (!found) throw notFound('identifier_type', id, `Identifier type ${id} not found`)
  return found
}

export function listIdentifierTypes(
  ctx: ServerContext,
  query: ActiveListQuery,
): ListEnvelope<IdentifierType> {
  const base = withListFilters(ctx.db.q.selectFrom('identifier_types'), query, ['code', 'name'])
  const rows = base.select(COLUMNS).orderBy('id').limit(query.limit).offset(query.offset)
  return listPage(ctx.db, { count: base.select(countAll), rows }, identifierTypeFromRow, query)
}

/**
 * What is wrong with `value` as an identifier of `type`, leaving out `taken` (which needs the database): the
 * shared rules (inactive type, length in code points, the whole value against the pattern). Part 2 validates
 * account identifiers with it (422 at `['body', 'identifiers', i, 'value']`).
 */
export function identifierValueProblems(
  type: Pick<IdentifierType, 'name' | 'pattern' | 'min_length' | 'max_length' | 'active'>,
  value: string,
): IdentifierValueProblem[] {
  return valueProblems(type, value)
}

/** The account holding `value` of type `typeId`, if any (other than `exceptAccountId`). */
export function identifierHolder(
  ctx: ServerContext,
  typeId: number,
  value: string,
  exceptAccountId?: number,
): number | null {
  let query = ctx.db.q
    .selectFrom('account_identifiers')
    .select('account_id')
    .where('type_id', '=', typeId)
    .where('value', '=', value)
  if (exceptAccountId !== undefined) query = query.where('account_id', '<>', exceptAccountId)
  return ctx.db.first(query.orderBy('account_id').limit(1))?.account_id ?? null
}

/** The "test scan": would `value` be accepted as an identifier of this type. */
export function checkIdentifier(ctx: ServerContext, id: number, value: string): IdentifierCheckResult {
  const type = getIdentifierType(ctx, id)
  const errors: { code: IdentifierCheckErrorCode; message: string }[] = identifierValueProblems(
    type,
    value,
  ).map(({ code, message }) => ({ code, message }))
  const holder = identifierHolder(ctx, id, value)
  if (type.unique && holder !== null) {
    errors.push({ code: 'taken', message: `The value is already held by account ${holder}` })
  }
  return { valid: errors.length === 0, errors, taken_by_account_id: type.unique ? holder : null }
}

function assertCodeFree(ctx: ServerContext, code: string, exceptId?: number): void {
  let query = ctx.db.q.selectFrom('identifier_types').select(['id']).where('code', '=', code)
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId)
  const other = ctx.db.first(query)
  if (other)
    throw conflict(
      'code_taken',
      { code },
      `An identifier type with code "${code}" already exists (id ${other.id})`,
    )
}

const typeFields = (input: IdentifierTypeCreate) => ({
  code: input.code,
  name: input.name,
  kind: input.kind,
  pattern: input.pattern ?? null,
  min_length: input.min_length ?? null,
  max_length: input.max_length ?? null,
  unique_values: input.unique ? 1 : 0,
  active: input.active ? 1 : 0,
})

export function createIdentifierType(
  ctx: ServerContext,
  input: IdentifierTypeCreate,
  actor: string | null,
): IdentifierType {
  const { db } = ctx
  return db.tx(() => {
    assertCodeFree(ctx, input.code)
    const values = { ...typeFields(input), ...firstVersion(ctx, actor) }
    const inserted = db.first(db.q.insertInto('identifier_types').values(values).returning('id'))
    return getIdentifierType(ctx, insertedId(inserted, 'identifier_types'))
  })
}

export function updateIdentifierType(
  ctx: ServerContext,
  id: number,
  input: IdentifierTypeUpdate,
  actor: string | null,
): IdentifierType {
  const { db } = ctx
  return db.tx(() => {
    const current = getIdentifierType(ctx, id)
    assertVersion(current.version, input.version, () => current)
    assertCodeFree(ctx, input.code, id)
    if (input.unique && !current.unique) {
      const shared = db.first(
        db.q
          .selectFrom('account_identifiers')
          .select('value')
          .where('type_id', '=', id)
          .groupBy('value')
          .having((eb) => eb.fn.countAll(), '>', 1)
          .limit(1),
      )
      if (shared) {
        throw conflict(
          'identifier_values_shared',
          { value: shared.value },
          `Cannot make the type unique: the value "${shared.value}" is held by several accounts`,
        )
      }
    }
    const values = { ...typeFields(input), ...nextVersion(ctx, current, actor) }
    db.run(db.q.updateTable('identifier_types').set(values).where('id', '=', id))
    return getIdentifierType(ctx, id)
  })
}

export function deleteIdentifierType(ctx: ServerContext, id: number, version: number): void {
  const { db } = ctx
  db.tx(() => {
    const current = getIdentifierType(ctx, id)
    assertVersion(current.version, version, () => current)
    const used = db.first(
      db.q.selectFrom('account_identifiers').select('account_id').where('type_id', '=', id).limit(1),
    )
    if (used) {
      throw conflict(
        'identifier_type_in_use',
        { type: current.name },
        `The identifier type «${current.name}» is used by accounts; deactivate it instead of deleting.`,
      )
    }
    db.run(db.q.deleteFrom('identifier_types').where('id', '=', id))
  })
}
