// The main window's size and position, remembered in a small JSON file in userData. Pure apart from the file
// reads and writes: the clamp to the displays that exist now is unit-tested under Node.
import { readFile } from 'node:fs/promises'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'

export interface Rectangle {
  x: number
  y: number
  width: number
  height: number
}

export interface WindowState {
  /** Absent: let the OS centre the window. */
  x?: number
  y?: number
  width: number
  height: number
  maximized: boolean
}

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1280, height: 820, maximized: false }
export const MIN_WINDOW_SIZE = { width: 960, height: 600 }
/** How much of the title bar must be on a display for a saved position to be kept. */
const MIN_VISIBLE = { width: 120, height: 40 }

const coordinate = z.number().int().min(-100_000).max(100_000)
const savedWindowState = z.object({
  format: z.literal(1),
  x: coordinate.optional(),
  y: coordinate.optional(),
  width: z.number().int().min(1).max(100_000),
  height: z.number().int().min(1).max(100_000),
  maximized: z.boolean().default(false),
})

function visibleArea(a: Rectangle, b: Rectangle): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return { width: Math.max(0, width), height: Math.max(0, height) }
}

/**
 * The saved state made to fit the displays of today: unreadable → defaults; size clamped to the largest work
 * area (and the minimum); a position kept only when the window's top strip is visible on some display.
 */
export function clampWindowState(saved: unknown, workAreas: readonly Rectangle[]): WindowState {
  const parsed = savedWindowState.safeParse(saved)
  if (!parsed.success || workAreas.length === 0) return { ...DEFAULT_WINDOW_STATE }
  const state = parsed.data
  const maxWidth = Math.max(...workAreas.map((area) => area.width))
  const maxHeight = Math.max(...workAreas.map((area) => area.height))
  const width = Math.max(Math.min(state.width, maxWidth), Math.min(MIN_WINDOW_SIZE.width, maxWidth))
  const height = Math.max(Math.min(state.height, maxHeight), Math.min(MIN_WINDOW_SIZE.height, maxHeight))
  const result: WindowState = { width, height, maximized: state.maximized }
  if (state.x === undefined || state.y === undefined) return result

  const titleStrip: Rectangle = { x: state.x, y: state.y, width, height: MIN_VISIBLE.height }
  const onSomeDisplay = workAreas.some((area) => {
    const visible = visibleArea(titleStrip, area)
    return visible.width >= Math.min(MIN_VISIBLE.width, width) && visible.height >= MIN_VISIBLE.height
  })
  return onSomeDisplay ? { ...result, x: state.x, y: state.y } : result
}

export async function loadWindowState(
  filePath: string,
  workAreas: readonly Rectangle[],
): Promise<WindowState> {
  let saved: unknown = null
  try {
    saved = JSON.parse(await readFile(filePath, 'utf8'))
  } catch {
    // Missing or damaged: the defaults will do.
  }
  return clampWindowState(saved, workAreas)
}

export async function saveWindowState(
  filePath: string,
  bounds: Rectangle,
  maximized: boolean,
): Promise<void> {
  const state = {
    format: 1,
    x: Math.round(bounds.x),
    y: Math.round(bounds.y),
    width: Math.round(bounds.width),
    height: Math.round(bounds.height),
    maximized,
  }
  await writeFileAtomic(filePath, `${JSON.stringify(state)}\n`)
}
