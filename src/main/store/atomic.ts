// Durable JSON files. A record is written to a temp file in the same directory, fsynced, renamed over the
// target, and the directory is fsynced: when `writeRecord` resolves the data is on disk. Every file is
// `{"format":1,"sha256":"<hash of data>","data":…}`; a file whose hash does not match (a torn write on a
// filesystem that reorders) is never returned as data. Temp files are never read and are swept on open.

import { createHash, randomBytes } from 'node:crypto'
import { promises as fs } from 'node:fs'
import { basename, dirname, join } from 'node:path'

export const STORE_FORMAT = 1
const PREFIX = `{"format":${STORE_FORMAT},"sha256":"`
const MIDDLE = '","data":'
const HASH_LENGTH = 64
const TEMP_MARK = '.tmp-'

export function encodeRecord(data: unknown): string {
  const body = JSON.stringify(data)
  if (body === undefined) throw new TypeError('Not JSON-serializable')
  return `${PREFIX}${sha256(body)}${MIDDLE}${body}}\n`
}

/** The data of a record file, or undefined when the text is not a complete, intact record of this format. */
export function decodeRecord(text: string): { data: unknown } | undefined {
  const trimmed = text.endsWith('\n') ? text.slice(0, -1) : text
  if (!trimmed.startsWith(PREFIX) || !trimmed.endsWith('}')) return undefined
  const hash = trimmed.slice(PREFIX.length, PREFIX.length + HASH_LENGTH)
  const bodyStart = PREFIX.length + HASH_LENGTH + MIDDLE.length
  if (trimmed.slice(PREFIX.length + HASH_LENGTH, bodyStart) !== MIDDLE) return undefined
  const body = trimmed.slice(bodyStart, -1)
  if (sha256(body) !== hash) return undefined
  try {
    return { data: JSON.parse(body) }
  } catch {
    return undefined
  }
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex')
}

export function isTempFile(name: string): boolean {
  return name.includes(TEMP_MARK)
}

/** Writes `data` to `path` atomically and durably. */
export async function writeRecord(path: string, data: unknown): Promise<void> {
  await writeTextDurably(path, encodeRecord(data))
}

export async function writeTextDurably(path: string, text: string): Promise<void> {
  const dir = dirname(path)
  const temp = join(dir, `.${basename(path)}${TEMP_MARK}${process.pid}-${randomBytes(6).toString('hex')}`)
  const handle = await fs.open(temp, 'w', 0o600)
  try {
    await handle.writeFile(text, 'utf8')
    await handle.sync()
  } finally {
    await handle.close()
  }
  try {
    await fs.rename(temp, path)
  } catch (error) {
    await fs.rm(temp, { force: true })
    throw error
  }
  await syncDir(dir)
}

/** Reads a record; undefined when the file is missing, torn or of another format. */
export async function readRecord(path: string): Promise<{ data: unknown } | undefined> {
  let text: string
  try {
    text = await fs.readFile(path, 'utf8')
  } catch (error) {
    if (isMissing(error)) return undefined
    throw error
  }
  return decodeRecord(text)
}

/** Removes a file; `durable` also fsyncs the directory so the removal survives a power cut. */
export async function removeFile(path: string, durable = true): Promise<void> {
  try {
    await fs.unlink(path)
  } catch (error) {
    if (!isMissing(error)) throw error
    return
  }
  if (durable) await syncDir(dirname(path))
}

export async function syncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Deletes temp files left by a crash in `dir`. */
export async function sweepTempFiles(dir: string): Promise<void> {
  const names = await fs.readdir(dir)
  await Promise.all(names.filter(isTempFile).map((name) => fs.rm(join(dir, name), { force: true })))
}

export function isMissing(error: unknown): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === 'ENOENT'
}
