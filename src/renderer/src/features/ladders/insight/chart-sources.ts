// What the ladder chart draws besides the ladder: the RK catalog and the guests on each step of the saved ladder.
import { useMemo } from 'react'
import type { RkDiscount } from '@shared/api'
import type { IpcError } from '@shared/ipc'
import { ipcErrorOf, useIpcQuery } from '../../../app/queries'
import { useDiscountMap } from './model'

/** Guests per step index of the saved ladder (`reports/ladder_steps`); null while unknown. */
function useStepCounts(ladderId: number | null) {
  const query = useIpcQuery('reports:ladder-steps', ladderId === null ? null : { ladder_id: ladderId })
  const counts = useMemo(() => {
    const items = query.data?.items
    if (!items) return null
    const byIndex: number[] = []
    for (const item of items) byIndex[item.index] = item.accounts
    return byIndex
  }, [query.data])
  const error = useMemo(() => ipcErrorOf(query.error), [query.error])
  return { counts, error }
}

/** What the chart draws besides the ladder: the RK catalog and the guests per saved step (with why they are missing). */
export interface ChartSources {
  discounts: ReadonlyMap<number, RkDiscount>
  counts: number[] | null
  error: IpcError | null
}

/**
 * The chart's sources, read where they change, not where the ladder does: a component that renders on every
 * keystroke (the ladder as typed) would run both queries' hooks again each time.
 */
export function useChartSources(ladderId: number | null): ChartSources {
  const discounts = useDiscountMap()
  const { counts, error } = useStepCounts(ladderId)
  return { discounts, counts, error }
}
