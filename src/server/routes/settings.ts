import { settings, settingsUpdate } from '@shared/api'
import type { ServerContext } from '../context'
import { ADMIN_ONLY, ANY_ROLE, caller, errors, PROTECTED_ERRORS, SECURITY, type ZodApp } from '../http'
import { getSettings, updateSettings } from '../services/settings'

const tags = ['settings']

/** The program's settings: one document per server, read by every role, written by admin with its version. */
export function settingsRoutes(app: ZodApp, ctx: ServerContext): void {
  app.get(
    '/settings',
    {
      config: { access: ANY_ROLE },
      schema: {
        tags,
        summary:
          'The program settings: business day (day_change_time in timezone), required account fields, limits ' +
          'of paying with bonus per business day/week/month, deferred accruals, temporary identifiers',
        security: SECURITY,
        response: { 200: settings, ...errors(...PROTECTED_ERRORS) },
      },
    },
    async () => getSettings(ctx),
  )

  app.put(
    '/settings',
    {
      config: { access: ADMIN_ONLY },
      schema: {
        tags,
        summary:
          'Replace the program settings (admin): send the version they were based on; stale is 409 with current',
        security: SECURITY,
        body: settingsUpdate,
        response: { 200: settings, ...errors(...PROTECTED_ERRORS, 409) },
      },
    },
    async (request) => updateSettings(ctx, request.body, caller(request).user.login),
  )
}
