import type { IpcHandlers } from '../registry'
import { discountUsage, previewImport } from './catalog-import'
import type { HandlerContext } from './context'
import { online, readList } from './reads'

export function catalogHandlers(
  ctx: HandlerContext,
): Pick<IpcHandlers, 'catalog:list' | 'catalog:usage' | 'catalog:import-preview' | 'catalog:import'> {
  const catalog = (refresh?: boolean) =>
    readList(ctx, 'rk_discount', (api) => api.rkDiscounts.listAll(), refresh)

  return {
    'catalog:list': (input) => catalog(input?.refresh),
    'catalog:usage': async (input) => {
      const ladders = await readList(ctx, 'ladder', (api) => api.ladders.listAll(), input?.refresh)
      return { items: discountUsage(ladders.items), fetched_at: ladders.fetched_at, stale: ladders.stale }
    },
    'catalog:import-preview': async ({ discounts }) => {
      const current = await catalog(true)
      return previewImport(discounts, current.items)
    },
    'catalog:import': async (body) => {
      const result = await online(ctx, (api) => api.rkDiscounts.import(body))
      await catalog(true).catch(() => undefined)
      ctx.events.emit('entities:changed', { entity: 'rk_discount', ids: [], reason: 'imported' })
      return result
    },
  }
}
