import { useT } from '../../app/useT'
import type { IpcError } from '@shared/ipc'
import { messageFor } from '../../app/messages'
import { Banner } from '../../components/states'

/** Why a money operation was not done — or, when its answer was lost, that retrying it is safe. */
export function FailedAttempt({ error, unknown }: { error: IpcError; unknown: boolean }): React.JSX.Element {
  const t = useT()
  return (
    <div data-testid="operation-error">
      {unknown ? (
        <Banner tone="warning" icon="alert">
          {t('operations.dialog.unknownOutcome')}
        </Banner>
      ) : (
        <Banner tone="danger" icon="alert">
          {t('operations.dialog.failed', { message: messageFor(error) })}
        </Banner>
      )}
    </div>
  )
}
