export * from './channels'
export * from './contract'
export * from './client'
export type { ProbonusBridge } from './bridge'
