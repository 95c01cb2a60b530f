import type { Page } from '@playwright/test'

/**
 * What does not fit on the page now: the document scrolling sideways, a grid or an editor wider than its box,
 * a grid's column header whose title is cut, the status bar's items running past its edge.
 * Each finding is one line naming the element and by how many pixels it overflows.
 */
export async function overflowFindings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = []
    const name = (element: Element): string => {
      const testId = element.getAttribute('data-testid')
      const label = element.getAttribute('aria-label')
      return `${element.tagName.toLowerCase()}${testId ? `[data-testid=${testId}]` : ''}${label ? `[${label}]` : ''}.${element.className}`
    }
    const wider = (element: Element, what: string): void => {
      const extra = element.scrollWidth - element.clientWidth
      if (extra > 1) found.push(`${what} ${name(element)} overflows by ${extra}px`)
    }
    wider(document.documentElement, 'the document')
    wider(document.body, 'the body')
    for (const grid of document.querySelectorAll('[role="grid"]')) {
      wider(grid, 'the grid')
      for (const header of grid.querySelectorAll('[role="columnheader"]')) {
        const title = header.querySelector('span') ?? header
        if (title.scrollWidth - title.clientWidth > 1) {
          found.push(`a cut header «${header.textContent ?? ''}» in ${name(grid)}`)
        }
      }
    }
    for (const editor of document.querySelectorAll('.editor, .editor__body, .detail-pane, .workspace')) {
      wider(editor, 'the pane')
    }
    const bar = document.querySelector('.statusbar')
    if (bar) {
      wider(bar, 'the status bar')
      const box = bar.getBoundingClientRect()
      for (const item of bar.children) {
        const rect = item.getBoundingClientRect()
        if (rect.right > box.right + 1 || rect.left < box.left - 1 || rect.right > window.innerWidth + 1) {
          found.push(
            `the status bar item ${name(item)} sticks out (${Math.round(rect.left)}–${Math.round(rect.right)} of ${Math.round(box.left)}–${Math.round(box.right)})`,
          )
        }
        if (item.scrollWidth - item.clientWidth > 1) found.push(`the status bar item ${name(item)} is cut`)
      }
    }
    return found
  })
}
