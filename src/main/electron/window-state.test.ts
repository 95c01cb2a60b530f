import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  DEFAULT_WINDOW_STATE,
  MIN_WINDOW_SIZE,
  clampWindowState,
  loadWindowState,
  saveWindowState,
} from './window-state'

const laptop = { x: 0, y: 0, width: 1920, height: 1050 }
const rightMonitor = { x: 1920, y: 0, width: 2560, height: 1410 }

describe('clampWindowState', () => {
  it('keeps a state that fits', () => {
    const saved = { format: 1, x: 100, y: 80, width: 1400, height: 900, maximized: true }
    expect(clampWindowState(saved, [laptop])).toEqual({
      x: 100,
      y: 80,
      width: 1400,
      height: 900,
      maximized: true,
    })
  })

  it('drops the position when its display is gone (window would be off screen)', () => {
    const saved = { format: 1, x: 2200, y: 100, width: 1400, height: 900, maximized: false }
    expect(clampWindowState(saved, [laptop, rightMonitor])).toMatchObject({ x: 2200, y: 100 })
    const onLaptopOnly = clampWindowState(saved, [laptop])
    expect(onLaptopOnly).toEqual({ width: 1400, height: 900, maximized: false })
  })

  it('drops a position whose title bar is above the screen', () => {
    const saved = { format: 1, x: 100, y: -500, width: 1200, height: 800, maximized: false }
    expect(clampWindowState(saved, [laptop])).not.toHaveProperty('y')
  })

  it('shrinks a window larger than every display and grows one below the minimum', () => {
    const huge = clampWindowState({ format: 1, width: 5000, height: 4000, maximized: false }, [laptop])
    expect(huge).toEqual({ width: 1920, height: 1050, maximized: false })
    const tiny = clampWindowState({ format: 1, width: 10, height: 10 }, [laptop])
    expect(tiny).toEqual({ ...MIN_WINDOW_SIZE, maximized: false })
    const smallScreen = { x: 0, y: 0, width: 800, height: 500 }
    expect(clampWindowState({ format: 1, width: 10, height: 10 }, [smallScreen])).toMatchObject({
      width: 800,
      height: 500,
    })
  })

  it.each([null, 'x', { width: 'wide' }, { format: 2, width: 1000, height: 700 }, { format: 1, width: NaN }])(
    'falls back to the defaults for %j',
    (saved) => {
      expect(clampWindowState(saved, [laptop])).toEqual(DEFAULT_WINDOW_STATE)
    },
  )
})

describe('the window state file', () => {
  let dir = ''
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true })
  })

  it('round-trips and survives a damaged file', async () => {
    dir = await mkdtemp(join(tmpdir(), 'window-state-'))
    const file = join(dir, 'window-state.json')
    expect(await loadWindowState(file, [laptop])).toEqual(DEFAULT_WINDOW_STATE)
    await saveWindowState(file, { x: 10.4, y: 20, width: 1300.6, height: 850 }, false)
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({ format: 1, x: 10, width: 1301 })
    expect(await loadWindowState(file, [laptop])).toEqual({
      x: 10,
      y: 20,
      width: 1301,
      height: 850,
      maximized: false,
    })
    await writeFile(file, '{"format":1,"wid')
    expect(await loadWindowState(file, [laptop])).toEqual(DEFAULT_WINDOW_STATE)
  })
})
