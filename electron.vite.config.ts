import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'
import { aliases } from './aliases'

const resolveAliases = { alias: aliases }

export default defineConfig({
  main: {
    resolve: resolveAliases,
    build: {
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/main/index.ts') },
      },
    },
  },
  preload: {
    resolve: resolveAliases,
    build: {
      // A sandboxed preload must be a single CommonJS file whose only require is 'electron'.
      externalizeDeps: false,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(import.meta.dirname, 'src/renderer'),
    resolve: resolveAliases,
    build: {
      // electron-vite leaves the renderer unminified; the initial JS budget (bench/renderer-bundle) needs it minified.
      minify: true,
      rolldownOptions: {
        input: { index: resolve(import.meta.dirname, 'src/renderer/index.html') },
      },
    },
    plugins: [react()],
  },
})
