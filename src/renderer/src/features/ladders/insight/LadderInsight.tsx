// The editor's insight panel: chart, simulator, impact preview and history of the ladder as edited, as tabs
// (arrow keys move between them, as WAI-ARIA's tabs pattern says). Each panel is also usable on its own.
import { memo, useId, useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { LadderChart } from './LadderChart'
import { LadderHistory, type LadderHistoryProps } from './LadderHistory'
import { LadderImpact } from './LadderImpact'
import { LadderSimulator } from './LadderSimulator'
import { INSIGHT_TABS, type InsightTab } from './model'
import './insight.css'

export type LadderInsightProps = LadderHistoryProps & { initialTab?: InsightTab }

export const LadderInsight = memo(function LadderInsight({
  ladder,
  ladderId,
  onRestored,
  initialTab = 'chart',
}: LadderInsightProps): React.JSX.Element {
  const { t } = useTranslation()
  const [tab, setTab] = useState<InsightTab>(initialTab)
  const base = useId()
  const buttons = useRef(new Map<InsightTab, HTMLButtonElement>())

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = INSIGHT_TABS.indexOf(tab)
    const next =
      event.key === 'ArrowRight'
        ? INSIGHT_TABS[(at + 1) % INSIGHT_TABS.length]
        : event.key === 'ArrowLeft'
          ? INSIGHT_TABS[(at + INSIGHT_TABS.length - 1) % INSIGHT_TABS.length]
          : event.key === 'Home'
            ? INSIGHT_TABS[0]
            : event.key === 'End'
              ? INSIGHT_TABS[INSIGHT_TABS.length - 1]
              : undefined
    if (!next) return
    event.preventDefault()
    setTab(next)
    buttons.current.get(next)?.focus()
  }

  return (
    <section className="insight" aria-label={t('ladderInsight.panelLabel')} data-testid="ladder-insight">
      <div
        className="segmented insight__tabs"
        role="tablist"
        aria-label={t('ladderInsight.panelLabel')}
        onKeyDown={onKeyDown}
      >
        {INSIGHT_TABS.map((name) => (
          <button
            key={name}
            ref={(node) => {
              if (node) buttons.current.set(name, node)
              else buttons.current.delete(name)
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${name}`}
            aria-controls={`${base}-panel-${name}`}
            aria-selected={tab === name}
            tabIndex={tab === name ? 0 : -1}
            className={`segmented__item${tab === name ? ' is-active' : ''}`}
            onClick={() => setTab(name)}
            data-testid={`insight-tab-${name}`}
          >
            {t(`ladderInsight.tabs.${name}`)}
          </button>
        ))}
      </div>
      <div
        className="insight__panel"
        role="tabpanel"
        id={`${base}-panel-${tab}`}
        aria-labelledby={`${base}-tab-${tab}`}
      >
        {tab === 'chart' && <LadderChart ladder={ladder} ladderId={ladderId} />}
        {tab === 'simulator' && <LadderSimulator ladder={ladder} ladderId={ladderId} />}
        {tab === 'impact' && <LadderImpact ladder={ladder} ladderId={ladderId} />}
        {tab === 'history' && <LadderHistory ladder={ladder} ladderId={ladderId} onRestored={onRestored} />}
      </div>
    </section>
  )
})
