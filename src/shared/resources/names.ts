// The IPC channels of each resource kind, with no imports at all: the sandboxed preload bundles this file (through
// ipc/channels.ts) as is. The descriptors (./index.ts) take their channel names from here.

/** Per kind: the channel prefix and the generic channels main serves for it (`<prefix>:<verb>`). */
export const RESOURCE_CHANNELS = {
  ladder: { prefix: 'ladders', verbs: ['list', 'get', 'delete'] },
  account_group: { prefix: 'account-groups', verbs: ['list', 'get', 'delete'] },
  identifier_type: { prefix: 'identifier-types', verbs: ['list', 'get', 'delete'] },
  rk_discount: { prefix: 'catalog', verbs: ['list'] },
  // A singleton: `settings:get` takes no id (its one document).
  settings: { prefix: 'settings', verbs: ['get'] },
  // Paged and searched on the server (accounts:list / accounts:get are channels of their own): no generic verbs.
  account: { prefix: 'accounts', verbs: [] },
} as const

type Channels = typeof RESOURCE_CHANNELS
export type ChannelKind = keyof Channels
export type ResourceVerb = 'list' | 'get' | 'delete'

/** `ladders:list`, `account-groups:delete`, … for the kinds that serve `verb`. */
export type ResourceChannelOf<
  K extends ChannelKind,
  V extends ResourceVerb,
> = V extends Channels[K]['verbs'][number] ? `${Channels[K]['prefix']}:${V}` : never

export type ResourceChannel = { [K in ChannelKind]: ResourceChannelOf<K, ResourceVerb> }[ChannelKind]

export function resourceChannel<K extends ChannelKind, V extends ResourceVerb>(
  kind: K,
  verb: V,
): ResourceChannelOf<K, V> {
  return `${RESOURCE_CHANNELS[kind].prefix}:${verb}` as ResourceChannelOf<K, V>
}

export const RESOURCE_CHANNEL_NAMES: readonly ResourceChannel[] = (
  Object.keys(RESOURCE_CHANNELS) as ChannelKind[]
).flatMap((kind) =>
  (RESOURCE_CHANNELS[kind].verbs as readonly ResourceVerb[]).map(
    (verb) => `${RESOURCE_CHANNELS[kind].prefix}:${verb}` as ResourceChannel,
  ),
)

/** The delete channel of `kind`, or null when it has none (accounts are not deleted here). */
export function deleteChannelOf(kind: ChannelKind): Extract<ResourceChannel, `${string}:delete`> | null {
  const verbs: readonly ResourceVerb[] = RESOURCE_CHANNELS[kind].verbs
  return verbs.includes('delete')
    ? (`${RESOURCE_CHANNELS[kind].prefix}:delete` as Extract<ResourceChannel, `${string}:delete`>)
    : null
}
