// The cache of server lists for offline reading: one file per kind, `{fetched_at, items}`. Writes are debounced
// (a cache may lag memory by a second; losing it in a crash only means a refetch).

import { promises as fs } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { timestamp } from '@shared/api/common'
import { CACHED_KINDS, CACHED_RESOURCES, type CachedKind, type EntityOf } from '@shared/resources'
import { DocumentFile } from './document-file'

/** The cached kinds are the descriptors with `cached: true` (shared/resources). */
export type CacheKind = CachedKind
export type CacheTypes = { [K in CacheKind]: EntityOf<K> }

export const CACHE_KINDS: readonly CacheKind[] = CACHED_KINDS

const SAVE_DELAY_MS = 3000

interface Collection<T> {
  byId: Map<number, T>
  /** Sorted by id; rebuilt lazily after a change so reads hand out one shared array. */
  sorted: readonly T[] | null
  fetchedAt: string | null
  file: DocumentFile<{ fetched_at: string | null; items: T[] }>
}

export class EntityCache {
  private constructor(private readonly collections: { [K in CacheKind]: Collection<CacheTypes[K]> }) {}

  static async open(dir: string): Promise<EntityCache> {
    await fs.mkdir(dir, { recursive: true })
    const entries = await Promise.all(
      CACHE_KINDS.map(async (kind) => {
        const schema = CACHED_RESOURCES[kind].entity as z.ZodType<{ id: number }>
        return [kind, await loadCollection(join(dir, `${kind}.json`), schema)] as const
      }),
    )
    return new EntityCache(Object.fromEntries(entries) as { [K in CacheKind]: Collection<CacheTypes[K]> })
  }

  list<K extends CacheKind>(kind: K): { items: readonly CacheTypes[K][]; fetchedAt: string | null } {
    const collection = this.collection(kind)
    if (!collection.sorted) collection.sorted = [...collection.byId.values()].sort(byId)
    return { items: collection.sorted, fetchedAt: collection.fetchedAt }
  }

  get<K extends CacheKind>(kind: K, id: number): CacheTypes[K] | undefined {
    return this.collection(kind).byId.get(id)
  }

  fetchedAt(kind: CacheKind): string | null {
    return this.collection(kind).fetchedAt
  }

  replaceAll<K extends CacheKind>(kind: K, items: CacheTypes[K][], fetchedAt: string): void {
    const collection = this.collection(kind)
    collection.byId = new Map(items.map((item) => [item.id, item]))
    collection.sorted = null
    collection.fetchedAt = fetchedAt
    this.persist(kind)
  }

  upsert<K extends CacheKind>(kind: K, item: CacheTypes[K]): void {
    const collection = this.collection(kind)
    collection.byId.set(item.id, item)
    collection.sorted = null
    this.persist(kind)
  }

  remove(kind: CacheKind, id: number): void {
    const collection = this.collection(kind)
    if (collection.byId.delete(id)) {
      collection.sorted = null
      this.persist(kind)
    }
  }

  async flush(): Promise<void> {
    await Promise.all(CACHE_KINDS.map((kind) => this.collection(kind).file.flush()))
  }

  private collection<K extends CacheKind>(kind: K): Collection<CacheTypes[K]> {
    return this.collections[kind] as Collection<CacheTypes[K]>
  }

  private persist(kind: CacheKind): void {
    const collection = this.collection(kind)
    // Built when the write happens: a burst of upserts (an outbox drain) costs one copy, not one per row.
    collection.file.saveSoon(
      () => ({ fetched_at: collection.fetchedAt, items: [...collection.byId.values()] }),
      SAVE_DELAY_MS,
    )
  }
}

async function loadCollection<T extends { id: number }>(
  path: string,
  item: z.ZodType<T>,
): Promise<Collection<T>> {
  const file = new DocumentFile<{ fetched_at: string | null; items: T[] }>(path)
  const schema = z.object({ fetched_at: timestamp.nullable(), items: z.array(item) })
  const doc = await file.load((data) => {
    const parsed = schema.safeParse(data)
    return parsed.success ? parsed.data : undefined
  })
  return {
    byId: new Map((doc?.items ?? []).map((entry) => [entry.id, entry])),
    sorted: null,
    fetchedAt: doc?.fetched_at ?? null,
    file,
  }
}

function byId(a: { id: number }, b: { id: number }): number {
  return a.id - b.id
}
