// The IPC channels of a guest's discount level set by hand (API.md, accounts, "A discount level set by hand").
// Online only, never a draft: it changes what the till credits the moment it is set, `until` is read against the
// server's business day of now, and a level set offline and published later could land on a guest who meanwhile
// changed group or whose ladder lost the step. A failed write is shown at once and nothing is queued.
import { z } from 'zod'
import { account, id, stepOverrideRequest, version } from '../api'

export const stepOverrideContract = {
  /**
   * Admin, marketing; online only. Sets or replaces the level (`override.version`: the account's). Errors come
   * coded: `index` (a step the ladder lacks), `until` (a day already over), a stale version (`conflict`).
   * Emits `entities:changed` for the account.
   */
  'accounts:set-step-override': {
    input: z.strictObject({ id, override: stepOverrideRequest }),
    output: account,
  },
  /** Admin, marketing; online only. Removes it (the account's `version`); emits `entities:changed`. */
  'accounts:remove-step-override': { input: z.strictObject({ id, version }), output: account },
} as const
