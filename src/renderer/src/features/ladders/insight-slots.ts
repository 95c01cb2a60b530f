// Where the ladder insight panels (chart, simulator, impact preview, history: `./insight/`) plug into the ladder
// editor. Each panel is one line in LADDER_INSIGHT_PANELS; the editor shows a tab per panel next to its «Ступени»
// tab, and none at all while the list is empty. A panel gets the ladder as edited (see `useEditedLadder`).
import type { ComponentType } from 'react'
import type { TFunction } from 'i18next'
import type { Ladder, LadderCreate, RkDiscount } from '@shared/api'
import { INSIGHT_PANELS } from './insight/panels'

export interface LadderInsightProps {
  /**
   * The ladder as edited: the form's values as the shared `LadderCreate` when they pass the checked schema
   * (`ladderCreateChecked`: shape and every DOMAIN.md rule), else the last values that did; null until some did
   * (a new ladder not filled in yet). A new object on every valid change, the same object otherwise.
   */
  ladder: LadderCreate | null
  /** The ladder as the server (or main's cache) has it; null for a new ladder. */
  saved: Ladder | null
  /** The RK discount catalog as main has it. */
  rkDiscounts: readonly RkDiscount[]
  /** The role may not edit ladders (a viewer): a panel offers nothing that would change the ladder. */
  readOnly: boolean
  /** Puts `body` into the editor (it autosaves as the draft): History's «restore this version». */
  restore: (body: LadderCreate) => void
}

export interface LadderInsightPanel {
  /** Stable id: the tab's and panel's DOM ids and test ids derive from it (`ladder-tab-<id>`). */
  id: string
  /** The tab's text (`t('ladders.insight.chart')`: «График», «Симулятор», «Влияние», «История» exist). */
  label: (t: TFunction) => string
  Component: ComponentType<LadderInsightProps>
}

/** The panels, in tab order. One line each, e.g. `{ id: 'chart', label: (t) => t('ladders.insight.chart'), Component: LadderChart },`. */
export const LADDER_INSIGHT_PANELS: readonly LadderInsightPanel[] = INSIGHT_PANELS
