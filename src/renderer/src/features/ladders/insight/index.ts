// The ladder editor's insight panels. Each takes the ladder as edited (null while the form does not parse) and
// the ladder's server id (null for a new one).
export { LadderChart } from './LadderChart'
export { LadderSimulator } from './LadderSimulator'
export { LadderImpact } from './LadderImpact'
export { LadderHistory, LadderDiffView } from './LadderHistory'
export { ladderBody, type InsightProps } from './model'
