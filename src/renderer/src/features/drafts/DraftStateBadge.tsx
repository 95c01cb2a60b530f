import { useT } from '../../app/useT'
import type { DraftState } from '@shared/ipc'
import { Badge, type BadgeTone } from '../../components/Badge'
import type { IconName } from '../../components/Icon'

const look: Record<DraftState, { tone: BadgeTone; icon: IconName }> = {
  draft: { tone: 'neutral', icon: 'drafts' },
  queued: { tone: 'info', icon: 'sync' },
  syncing: { tone: 'info', icon: 'sync' },
  failed: { tone: 'danger', icon: 'alert' },
  conflict: { tone: 'warning', icon: 'conflict' },
}

/** «черновик / ожидает синхронизации / отправляется / ошибка / конфликт». */
export function DraftStateBadge({ state }: { state: DraftState }): React.JSX.Element {
  const t = useT()
  return (
    <Badge tone={look[state].tone} icon={look[state].icon}>
      <span data-draft-state={state}>{t(`drafts.state.${state}`)}</span>
    </Badge>
  )
}
