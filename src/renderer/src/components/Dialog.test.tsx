// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/react'
import { useState } from 'react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderUi } from '../testing/render'
import { Dialog } from './Dialog'

afterEach(cleanup)

/** A panel whose row opens a dialog; finishing in the dialog removes the row (a resolved conflict). */
function PanelWithRow({ onClosePanel }: { onClosePanel: () => void }): React.JSX.Element {
  const [rowShown, setRowShown] = useState(true)
  const [inner, setInner] = useState(false)
  return (
    <Dialog open variant="panel" title="Панель" onClose={onClosePanel}>
      {rowShown && <button onClick={() => setInner(true)}>Разобрать</button>}
      <Dialog open={inner} title="Конфликт" onClose={() => setInner(false)}>
        <button
          onClick={() => {
            setRowShown(false)
            setInner(false)
          }}
        >
          Готово
        </button>
      </Dialog>
    </Dialog>
  )
}

describe('Dialog focus', () => {
  it('returns focus to the dialog underneath when what opened it is gone, and Esc still closes that one', async () => {
    const onClosePanel = vi.fn()
    await renderUi(<PanelWithRow onClosePanel={onClosePanel} />)
    const open = screen.getByRole('button', { name: 'Разобрать' })
    open.focus()
    fireEvent.click(open)
    expect(screen.getByRole('dialog', { name: 'Конфликт' }).contains(document.activeElement)).toBe(true)
    fireEvent.click(screen.getByRole('button', { name: 'Готово' }))
    const panel = screen.getByRole('dialog', { name: 'Панель' })
    expect(document.activeElement).toBe(panel)
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Escape' })
    expect(onClosePanel).toHaveBeenCalledTimes(1)
  })
})
