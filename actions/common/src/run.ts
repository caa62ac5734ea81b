import * as core from '@actions/core';
import { isBaseError, safeText } from '@build-artifact/core';
import { ActionError } from './error.js';

/**
 * The one top-level of every action: read the inputs, run, and on any error call
 * `core.setFailed` once (an error annotation and exit code 1). Errors of our packages carry
 * their own clear message; anything else is shown with its stack in the debug log.
 */
export async function runAction<I>(
  read: () => I,
  run: (inputs: I) => Promise<void>,
): Promise<void> {
  try {
    await run(read());
  } catch (err) {
    if (isBaseError(err)) {
      core.setFailed(safeText(err.message));
    } else {
      core.debug((err as Error)?.stack ?? String(err));
      core.setFailed(safeText(`internal error: ${(err as Error)?.message ?? String(err)}`));
    }
  }
}

/**
 * Fails before any work when the job cannot get an OIDC token, with the fix (as actions/attest
 * does): the runner only sets these variables when the job has `id-token: write`.
 */
export function requireIdToken(env: NodeJS.ProcessEnv = process.env): void {
  if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
    throw new ActionError({
      code: 'MISSING_ID_TOKEN_PERMISSION',
      message:
        'missing "id-token: write" permission: signing needs an OIDC token. Add to the job:\n' +
        '  permissions:\n    id-token: write # Needed to sign with Sigstore\n' +
        '    contents: read',
    });
  }
}

/** Runs `fn` inside a collapsible log group. */
export async function group<T>(title: string, fn: () => Promise<T>): Promise<T> {
  return core.group(safeText(title), fn);
}
