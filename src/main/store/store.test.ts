import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { tempDir } from '../testing/harness'
import { decodeRecord, encodeRecord, readRecord, writeRecord } from './atomic'
import { CoalescingWriter } from './coalescing-writer'
import { RecordDir } from './record-dir'

const dirs: { remove(): void }[] = []
const newDir = () => {
  const dir = tempDir('probonus-store-')
  dirs.push(dir)
  return dir.path
}
afterEach(() => dirs.splice(0).forEach((dir) => dir.remove()))

describe('record files', () => {
  it('round-trips data with a format version', () => {
    const data = { a: [1, 'два', null], b: { c: true } }
    const text = encodeRecord(data)
    expect(JSON.parse(text)).toMatchObject({ format: 1, data })
    expect(decodeRecord(text)).toEqual({ data })
  })

  it('never accepts a truncated file, at any length', () => {
    const text = encodeRecord({ name: 'Золото', steps: [{ threshold: 0 }, { threshold: 30000.5 }] })
    for (let length = 0; length < text.length - 1; length++) {
      expect(decodeRecord(text.slice(0, length))).toBeUndefined()
    }
  })

  it('rejects a file whose data does not match its checksum', () => {
    const text = encodeRecord({ value: 1 })
    expect(decodeRecord(text.replace('"value":1', '"value":2'))).toBeUndefined()
  })

  it('writes atomically and reads back; a missing file is undefined', async () => {
    const dir = newDir()
    await writeRecord(join(dir, 'x.json'), { n: 1 })
    await writeRecord(join(dir, 'x.json'), { n: 2 })
    expect(await readRecord(join(dir, 'x.json'))).toEqual({ data: { n: 2 } })
    expect(await readRecord(join(dir, 'missing.json'))).toBeUndefined()
    expect((await fs.readdir(dir)).sort()).toEqual(['x.json'])
  })
})

describe('RecordDir', () => {
  const parse = (data: unknown) =>
    typeof data === 'object' && data !== null && 'n' in data ? (data as { n: number }) : undefined

  it('loads intact records, sweeps temp files and sets damaged ones aside', async () => {
    const dir = newDir()
    const records = await RecordDir.open(dir, parse)
    await records.put('a', { n: 1 })
    await records.put('b', { n: 2 })
    await fs.writeFile(join(dir, '.c.json.tmp-1-abc'), '{"format":1')
    await fs.writeFile(join(dir, 'd.json'), encodeRecord({ n: 4 }).slice(0, 30))
    await fs.writeFile(join(dir, 'e.json'), encodeRecord({ other: true }))
    const bad: string[] = []
    const reopened = await RecordDir.open(dir, parse, (file) => bad.push(file))
    expect(reopened.values().sort((x, y) => x.n - y.n)).toEqual([{ n: 1 }, { n: 2 }])
    expect(bad.map((file) => file.slice(dir.length + 1)).sort()).toEqual(['d.json', 'e.json'])
    expect((await fs.readdir(dir)).sort()).toEqual(['a.json', 'b.json', 'd.json.bad', 'e.json.bad'])
  })

  it('refuses ids that could escape the directory', async () => {
    const records = await RecordDir.open(newDir(), parse)
    expect(() => records.put('../x', { n: 1 })).toThrow(/Unsafe/)
  })

  it('removes records durably', async () => {
    const dir = newDir()
    const records = await RecordDir.open(dir, parse)
    await records.put('a', { n: 1 })
    await records.remove('a')
    expect((await RecordDir.open(dir, parse)).size).toBe(0)
  })
})

describe('CoalescingWriter', () => {
  it('runs the first write and then only the newest of those that piled up', async () => {
    const writer = new CoalescingWriter()
    const ran: number[] = []
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const first = writer.write('k', async () => {
      await gate
      ran.push(1)
    })
    const rest = [2, 3, 4].map((n) => writer.write('k', async () => void ran.push(n)))
    release()
    await Promise.all([first, ...rest])
    expect(ran).toEqual([1, 4])
  })

  it('reports a failed write to every waiter of that write only', async () => {
    const writer = new CoalescingWriter()
    const failing = writer.write('k', async () => {
      throw new Error('disk full')
    })
    await expect(failing).rejects.toThrow('disk full')
    await expect(writer.write('k', async () => {})).resolves.toBeUndefined()
  })
})
