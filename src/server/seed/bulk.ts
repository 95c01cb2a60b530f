import type BetterSqlite3 from 'better-sqlite3'

// Bulk loading for seeds: multi-row INSERTs through prepared statements (a statement per 100 rows halves the cost
// per row against one per row), and secondary indexes rebuilt once after a large load instead of updated per row.

const ROWS_PER_STATEMENT = 100

/**
 * Buffers rows of one table and writes them `ROWS_PER_STATEMENT` at a time; call `flush()` at the end. Rows that
 * reference another table's buffered rows name it in `parents`: those are written first (foreign keys).
 */
export class BulkInsert {
  private readonly width: number
  private readonly statements = new Map<number, BetterSqlite3.Statement>()
  private readonly buffer: unknown[] = []

  constructor(
    private readonly sqlite: BetterSqlite3.Database,
    private readonly table: string,
    private readonly columns: readonly string[],
    private readonly parents: readonly BulkInsert[] = [],
  ) {
    this.width = columns.length
  }

  private statement(rows: number): BetterSqlite3.Statement {
    let statement = this.statements.get(rows)
    if (!statement) {
      const row = `(${this.columns.map(() => '?').join(', ')})`
      const values = Array.from({ length: rows }, () => row).join(', ')
      statement = this.sqlite.prepare(
        `INSERT INTO ${this.table} (${this.columns.join(', ')}) VALUES ${values}`,
      )
      this.statements.set(rows, statement)
    }
    return statement
  }

  /** One row: exactly one value per column, in column order. */
  row(...values: unknown[]): void {
    if (values.length !== this.width)
      throw new Error(`${this.table}: ${values.length} values for ${this.width} columns`)
    for (const value of values) this.buffer.push(value)
    if (this.buffer.length === this.width * ROWS_PER_STATEMENT) this.flush()
  }

  /** Rows given one after another in a flat list (`columns.length` values each). */
  rows(values: readonly unknown[]): void {
    for (let start = 0; start < values.length; start += this.width) {
      for (let i = start; i < start + this.width; i++) this.buffer.push(values[i])
      if (this.buffer.length === this.width * ROWS_PER_STATEMENT) this.flush()
    }
  }

  flush(): void {
    if (this.buffer.length === 0) return
    for (const parent of this.parents) parent.flush()
    this.statement(this.buffer.length / this.width).run(this.buffer)
    this.buffer.length = 0
  }
}

/** The schema objects of one kind on these tables, with the SQL that recreates them. */
function schemaObjects(
  sqlite: BetterSqlite3.Database,
  type: 'index' | 'trigger',
  tables: readonly string[],
): { name: string; sql: string }[] {
  return sqlite
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = ? AND sql IS NOT NULL
       AND tbl_name IN (${tables.map(() => '?').join(', ')}) ORDER BY name`,
    )
    .all(type, ...tables) as { name: string; sql: string }[]
}

/**
 * Runs `load` with the triggers and secondary indexes of `tables` dropped, then `rebuild()` (which must redo, set
 * based, what the triggers maintain) and recreates them all from their own stored SQL: a sorted build per index is
 * far cheaper than an index insert and a trigger per row. Indexes behind UNIQUE and PRIMARY KEY constraints stay.
 * Run inside a transaction: a failure leaves the schema as it was.
 */
export function bulkLoad<T>(
  sqlite: BetterSqlite3.Database,
  tables: readonly string[],
  load: () => T,
  rebuild: () => void,
): T {
  const triggers = schemaObjects(sqlite, 'trigger', tables)
  const indexes = schemaObjects(sqlite, 'index', tables)
  for (const trigger of triggers) sqlite.exec(`DROP TRIGGER "${trigger.name}"`)
  for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`)
  const result = load()
  for (const index of indexes) sqlite.exec(index.sql)
  rebuild()
  for (const trigger of triggers) sqlite.exec(trigger.sql)
  return result
}
