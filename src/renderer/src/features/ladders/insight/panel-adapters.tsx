// The panels with the props the ladder editor gives its tabs (insight-slots.ts): the ladder as edited, the
// saved ladder (its id), whether the role may edit, and how to put a body into the editor.
import type { LadderInsightProps } from '../insight-slots'
import { LadderHistory } from './LadderHistory'
import { LadderImpact } from './LadderImpact'
import { LadderSimulator } from './LadderSimulator'

export function SimulatorPanel({ ladder, saved }: LadderInsightProps): React.JSX.Element {
  return <LadderSimulator ladder={ladder} ladderId={saved?.id ?? null} />
}

export function ImpactPanel({ ladder, saved }: LadderInsightProps): React.JSX.Element {
  return <LadderImpact ladder={ladder} ladderId={saved?.id ?? null} />
}

export function HistoryPanel({ ladder, saved, readOnly, restore }: LadderInsightProps): React.JSX.Element {
  return (
    <LadderHistory ladder={ladder} ladderId={saved?.id ?? null} onRestore={readOnly ? undefined : restore} />
  )
}
