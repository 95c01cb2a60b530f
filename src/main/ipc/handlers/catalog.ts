import { MAX } from '@shared/api'
import { rkDiscountImport } from '@shared/resources'
import { IpcFailure } from '../errors'
import type { IpcHandlers } from '../registry'
import { discountUsage, keptAsTheyAre, previewImport } from './catalog-import'
import type { HandlerContext } from './context'
import { online, readList } from './reads'

export function catalogHandlers(
  ctx: HandlerContext,
): Pick<IpcHandlers, 'catalog:usage' | 'catalog:import-preview' | 'catalog:import'> {
  const catalog = (refresh?: boolean) => readList(ctx, 'rk_discount', refresh)
  const usage = async (refresh?: boolean) => {
    const ladders = await readList(ctx, 'ladder', refresh)
    return { items: discountUsage(ladders.items), fetched_at: ladders.fetched_at, stale: ladders.stale }
  }

  return {
    'catalog:usage': (input) => usage(input?.refresh),
    'catalog:import-preview': async ({ discounts }) => {
      const current = await catalog(true)
      return previewImport(discounts, current.items, (await usage(true)).items)
    },
    'catalog:import': async ({ discounts, mode }) => {
      let body = { discounts }
      if (mode === 'add_update') {
        const current = await catalog(true)
        if (current.stale) throw new IpcFailure('offline', 'The catalog cannot be read from the server')
        body = { discounts: [...discounts, ...keptAsTheyAre(discounts, current.items)] }
        if (body.discounts.length > MAX.importRows) {
          throw new IpcFailure(
            'bad_request',
            `With the kept discounts the import has ${body.discounts.length} rows (at most ${MAX.importRows})`,
          )
        }
      }
      const result = await online(ctx, (api) => api.command(rkDiscountImport, body))
      await catalog(true).catch(() => undefined)
      ctx.events.emit('entities:changed', { entity: 'rk_discount', ids: [], reason: 'imported' })
      return result
    },
  }
}
