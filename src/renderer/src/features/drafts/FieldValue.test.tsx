// @vitest-environment happy-dom
import { cleanup, screen } from '@testing-library/react'
import { afterEach, describe, expect, it } from 'vitest'
import { renderUi } from '../../testing/render'
import { FieldValue } from './FieldValue'

afterEach(cleanup)

const lookups = { ladders: new Map([[1, 'Гостевая']]), rkDiscounts: new Map<number, string>() }

describe('a field value in the conflict view', () => {
  it('names a ladder by its name, without its internal «#1»', async () => {
    await renderUi(<FieldValue field="ladder_id" value={1} lookups={lookups} />)
    expect(screen.getByText('Гостевая').textContent).toBe('Гостевая')
    expect(document.body.textContent).not.toContain('#')
  })

  it('says when the ladder is not in the list', async () => {
    await renderUi(<FieldValue field="ladder_id" value={7} lookups={lookups} />)
    expect(document.body.textContent).toBe('нет в списке (код 7)')
  })

  it('says a group of settings part by part, and the required fields by their names', async () => {
    await renderUi(
      <FieldValue field="bonus_payment_limits" value={{ per_day: 500, per_week: null, per_month: 3000 }} />,
    )
    expect(document.body.textContent).toBe('в день: 500 · в неделю: — · в месяц: 3 000')
    cleanup()
    await renderUi(<FieldValue field="required_account_fields" value={['phone', 'email']} />)
    expect(document.body.textContent).toBe('Телефон, E-mail')
  })
})
