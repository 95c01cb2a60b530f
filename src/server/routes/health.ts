import { health } from '@shared/api'
import { SERVER_VERSION } from '../context'
import type { ZodApp } from '../http'

export function healthRoutes(app: ZodApp): void {
  app.get(
    '/health',
    {
      config: { access: 'public' },
      schema: { tags: ['health'], summary: 'Is the server up', response: { 200: health } },
    },
    async () => ({ status: 'ok' as const, version: SERVER_VERSION }),
  )
}
