// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { Screen } from '../components/Screen'
import { useSyncStore } from '../features/sync/store'
import { renderUi } from '../testing/render'
import { formatDataTime } from './format'
import { StatusBar } from './StatusBar'

afterEach(cleanup)

describe('the age of the data', () => {
  it('is the same in the offline banner and in the status bar', async () => {
    // Main synced a row a minute ago, but the list on the screen was fetched yesterday.
    const now = Date.now()
    const lastSync = new Date(now - 60_000).toISOString()
    const listFetched = new Date(now - 26 * 3600_000).toISOString()
    useSyncStore.setState({
      status: {
        online: false,
        checked_at: lastSync,
        last_sync_at: lastSync,
        paused: false,
        paused_reason: null,
        next_attempt_at: null,
      } as never,
    })
    await renderUi(
      <>
        <Screen title="Лестницы" fetchedAt={listFetched}>
          <p>rows</p>
        </Screen>
        <StatusBar />
      </>,
    )
    const time = formatDataTime(listFetched, 'ru')
    expect(screen.getByText(/Нет связи с сервером — показаны данные на/).textContent).toContain(time)
    expect(screen.getByTestId('status-connection').textContent).toContain(`данные на ${time}`)
  })
})
