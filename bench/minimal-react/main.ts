// The renderer benches' baseline: the least a React page does (React and ReactDOM, one element), built and served
// as the renderer is (minified, through the browser host).
import { createElement, StrictMode } from 'react'
import { createRoot } from 'react-dom/client'

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    createElement(StrictMode, null, createElement('h1', { 'data-testid': 'minimal-ready' }, 'Готово')),
  )
}
