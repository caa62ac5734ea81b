import * as core from '@actions/core';
import {
  ActionError,
  group,
  info,
  logProgress,
  reportVerified,
} from '@build-artifact/actions-common';
import { safeText } from '@build-artifact/core';
import {
  type FlowContext,
  reportTargets,
  type TargetResult,
  type VerifyRequest,
} from '@build-artifact/pipeline';
import { VerifyError } from '@build-artifact/verify';

export interface VerifyInputs {
  request: VerifyRequest;
  /** A GitHub token for ghcr.io references (GITHUB_TOKEN), sent to no other registry. */
  token: string;
  /** Where to write the HTML report (empty: none). */
  report?: string;
}

/** One line per verdict: who signed (from the certificate only), or the failed check. */
export function describe(r: TargetResult): string {
  if (!r.verified) {
    const f = r.failure;
    return f ? `${f.reason}: ${f.message}` : 'no bundle verified';
  }
  const who = r.certificate?.buildSignerURI ?? r.certificate?.subjectAlternativeName;
  const level = r.slsa ? `, SLSA Build L${r.slsa.level}` : '';
  return `${who ? `signed by ${who}` : 'signed with the given key'}${level}`;
}

export async function run(
  inputs: VerifyInputs,
  env: NodeJS.ProcessEnv = process.env,
): Promise<TargetResult[]> {
  // The token is a GitHub credential: the OCI client gives it to ghcr.io only.
  const context: FlowContext = {
    cwd: process.cwd(),
    env: inputs.token ? { ...env, GITHUB_TOKEN: inputs.token } : env,
    onProgress: logProgress,
  };
  const outcome = await group('Verifying', () =>
    reportTargets(inputs.request, context, { generator: 'build-artifact verify' }).catch((err) => {
      // The policy's messages name the CLI's flags; here they are inputs of the same names.
      if (err instanceof VerifyError && err.code === 'INVALID_POLICY')
        throw new ActionError({
          code: 'INVALID_INPUT',
          message: err.message.replace(/--([a-z-]+)(?: [A-Z/]+)?/g, 'input "$1"'),
        });
      throw err;
    }),
  );
  for (const r of outcome.results) {
    for (const w of r.warnings) core.warning(safeText(`${r.target}: ${w}`));
    info(`${r.target}: ${r.verified ? 'verified' : 'FAILED'} (${describe(r)})`);
    for (const d of r.dependencies ?? [])
      info(
        `  dependency ${d.name ?? d.uri ?? d.sha256}: ${d.verified ? 'verified' : `FAILED (${d.error ?? 'see results'})`}`,
      );
    if (!r.verified) core.error(safeText(`${r.target}: ${describe(r)}`));
  }
  await reportVerified(outcome, inputs.report);
  const failed = outcome.results.filter((r) => !r.verified);
  if (failed.length > 0)
    throw new ActionError({
      code: 'VERIFICATION_FAILED',
      message: `${failed.length} of ${outcome.results.length} artifacts failed verification: ${failed.map((r) => r.target).join(', ')}`,
    });
  return outcome.results;
}
