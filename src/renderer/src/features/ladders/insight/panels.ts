// The insight panels as the ladder editor's tabs (insight-slots.ts): the simulator, the impact preview and the
// history of the ladder as edited. The chart is not a tab: it sits under the steps, where the typing is.
import type { LadderInsightPanel } from '../insight-slots'
import { HistoryPanel, ImpactPanel, SimulatorPanel } from './panel-adapters'

export const INSIGHT_PANELS: readonly LadderInsightPanel[] = [
  { id: 'simulator', label: (t) => t('ladders.insight.simulator'), Component: SimulatorPanel },
  { id: 'impact', label: (t) => t('ladders.insight.impact'), Component: ImpactPanel },
  { id: 'history', label: (t) => t('ladders.insight.history'), Component: HistoryPanel },
]
