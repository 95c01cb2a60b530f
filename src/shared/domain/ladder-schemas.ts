// The ladder request schemas with the DOMAIN.md rules on top, so that the server's 422 `loc` and the forms' field
// errors come from validateLadder, the one place the rules live. Catalog rules (the RK discount exists and is
// active) need the database: the server runs validateLadder with its catalog for those.
import type { z } from 'zod'
import { ladderCreate, ladderPreviewRequest, ladderUpdate } from '../api/ladders'
import { validateLadder } from './ladder-rules'

const isPrefix = (prefix: readonly PropertyKey[], path: readonly PropertyKey[]) =>
  prefix.length <= path.length && prefix.every((key, i) => key === path[i])

/**
 * A zod `.superRefine` that adds every ERROR of `validateLadder(value, undefined, 'publish')` as a custom issue at
 * its path (params `{ code, ...issue.params }`). Where zod already reported a problem at the same path (or the
 * value there has the wrong type) the domain issue is left out, so one field never gets two messages.
 */
export function ladderRefinement(value: unknown, ctx: z.core.$RefinementCtx): void {
  const existing = ctx.issues.map((issue) => ({ path: issue.path ?? [], code: issue.code }))
  for (const issue of validateLadder(value, undefined, 'publish')) {
    if (issue.severity !== 'error') continue
    const covered = existing.some(
      (other) =>
        (other.path.length === issue.path.length && isPrefix(other.path, issue.path)) ||
        (other.code === 'invalid_type' && isPrefix(other.path, issue.path)),
    )
    if (covered) continue
    ctx.addIssue({
      code: 'custom',
      path: issue.path,
      message: issue.message,
      params: { code: issue.code, ...issue.params },
    })
  }
}

/** Run the refinement even when zod found other problems, so a form sees all of them at once. */
export const ladderRefinementParams = {
  when: (payload: z.core.ParsePayload) =>
    typeof payload.value === 'object' && payload.value !== null && !Array.isArray(payload.value),
}

/** `POST /ladders/create` body with every DOMAIN.md rule. */
export const ladderCreateChecked = ladderCreate.superRefine(ladderRefinement, ladderRefinementParams)
/** `PUT /ladders/{id}` body with every DOMAIN.md rule. */
export const ladderUpdateChecked = ladderUpdate.superRefine(ladderRefinement, ladderRefinementParams)
/** `POST /ladders/preview` body with every DOMAIN.md rule. */
export const ladderPreviewChecked = ladderPreviewRequest.superRefine(ladderRefinement, ladderRefinementParams)
