import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ProfilesList } from '@shared/ipc'
import { createCore, type Core } from '../core'
import { defaultProfilesFromEnv, ensureLaunchProfile, SANDBOX_PROFILE_NAME } from './launch-config'

describe('defaultProfilesFromEnv', () => {
  it('makes the sandbox profile from PROBONUS_URL', () => {
    expect(defaultProfilesFromEnv({ PROBONUS_URL: 'http://127.0.0.1:8777/' })).toEqual([
      { name: SANDBOX_PROFILE_NAME, baseUrl: 'http://127.0.0.1:8777' },
    ])
    expect(
      defaultProfilesFromEnv({ PROBONUS_URL: 'https://pb.example/root/', PROBONUS_PROFILE_NAME: ' Офис ' }),
    ).toEqual([{ name: 'Офис', baseUrl: 'https://pb.example/root' }])
  })

  it.each([undefined, '', 'not a url', 'file:///etc/passwd', 'javascript:alert(1)', 'http://user:pw@host/'])(
    'makes none from %j',
    (url) => {
      expect(defaultProfilesFromEnv({ PROBONUS_URL: url })).toEqual([])
    },
  )
})

describe('ensureLaunchProfile', () => {
  let dir = ''
  let core: Core
  const log: string[] = []
  const options = (select: boolean) => ({ select, log: (message: string) => log.push(message) })

  async function profiles(): Promise<ProfilesList> {
    const result = await core.registry.invoke('profiles:list', undefined)
    if (!result.ok) throw new Error(result.error.message)
    return result.data as ProfilesList
  }

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'launch-profile-'))
    core = await createCore({ dataDir: dir, log: () => {} })
  })
  afterEach(async () => {
    await core.close()
    await rm(dir, { recursive: true, force: true })
  })

  it('adds and selects the profile in an app that has none', async () => {
    await ensureLaunchProfile(
      core.registry,
      { name: SANDBOX_PROFILE_NAME, baseUrl: 'http://127.0.0.1:8777' },
      options(false),
    )
    const { items, selected_id } = await profiles()
    expect(items).toEqual([
      expect.objectContaining({ name: SANDBOX_PROFILE_NAME, base_url: 'http://127.0.0.1:8777' }),
    ])
    expect(selected_id).toBe(items[0]?.id)
    expect(log).toEqual([])
  })

  it('moves the sandbox profile to the new address instead of adding another', async () => {
    await ensureLaunchProfile(
      core.registry,
      { name: SANDBOX_PROFILE_NAME, baseUrl: 'http://127.0.0.1:8777' },
      options(false),
    )
    await ensureLaunchProfile(
      core.registry,
      { name: SANDBOX_PROFILE_NAME, baseUrl: 'http://127.0.0.1:9999' },
      options(false),
    )
    const { items } = await profiles()
    expect(items).toEqual([
      expect.objectContaining({ name: SANDBOX_PROFILE_NAME, base_url: 'http://127.0.0.1:9999' }),
    ])
  })

  it('keeps the user’s selection unless the user named the server', async () => {
    const saved = await core.registry.invoke('profiles:save', {
      name: 'Офис',
      base_url: 'https://pb.example',
    })
    if (!saved.ok) throw new Error(saved.error.message)
    const office = (saved.data as { id: string }).id
    await core.registry.invoke('profiles:select', { id: office })

    await ensureLaunchProfile(
      core.registry,
      { name: SANDBOX_PROFILE_NAME, baseUrl: 'http://127.0.0.1:8777' },
      options(false),
    )
    expect((await profiles()).selected_id).toBe(office)
    expect((await profiles()).items).toHaveLength(2)

    await ensureLaunchProfile(
      core.registry,
      { name: 'Тест', baseUrl: 'http://127.0.0.1:7000/' },
      options(true),
    )
    const after = await profiles()
    expect(after.items.find((profile) => profile.id === after.selected_id)?.base_url).toBe(
      'http://127.0.0.1:7000',
    )
    expect(after.items).toHaveLength(3)
  })
})
