// `npm run dev` without the Electron runtime: the renderer from Vite (with hot reload) inside the browser host's
// own HTTP server, so the page, its HMR socket and the bridge's WebSocket share one origin. Development only.
import type { Server } from 'node:http'
import type { DevMiddleware } from './host'

export async function viteDevRenderer(
  server: Server,
): Promise<{ middleware: DevMiddleware; close(): Promise<void> }> {
  const { createServer, mergeConfig } = await import('vite')
  const { default: electronViteConfig } = await import('../../electron.vite.config')
  const { build: _build, ...renderer } = electronViteConfig.renderer ?? {}
  const vite = await createServer(
    mergeConfig(renderer, {
      configFile: false,
      appType: 'spa',
      clearScreen: false,
      server: { middlewareMode: true, hmr: { server } },
    }),
  )
  return {
    middleware: (req, res, next) => vite.middlewares(req, res, next),
    close: () => vite.close(),
  }
}
