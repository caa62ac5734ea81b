import * as core from '@actions/core';
import {
  ActionError,
  group,
  info,
  logProgress,
  output,
  reportVerified,
  requireIdToken,
} from '@build-artifact/actions-common';
import { safeText } from '@build-artifact/core';
import {
  attachSummaries,
  type FlowContext,
  PipelineError,
  reportTargets,
  type SummaryWriteRequest,
  summaryWriter,
  type TargetResult,
  type VerifyRequest,
} from '@build-artifact/pipeline';
import { VerifyError } from '@build-artifact/verify';

export interface VerifyInputs {
  request: VerifyRequest;
  /** A GitHub token for ghcr.io references (GITHUB_TOKEN), sent to no other registry. */
  token: string;
  /** Write verification summaries of the artifacts that verified (and attach them in OCI). */
  write?: { request: SummaryWriteRequest; attach: boolean };
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
  if (r.summary)
    return `verification summary by ${r.summary.verifier}${r.summary.timeVerified ? ` (${r.summary.timeVerified})` : ''}${level}`;
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
  if (inputs.write?.request.signing) requireIdToken(env);
  const writer = inputs.write ? await summaryWriter(inputs.write.request, context) : undefined;
  const outcome = await group('Verifying', () =>
    reportTargets(inputs.request, context, { generator: 'build-artifact verify' }).catch((err) => {
      // The policy's messages name the CLI's flags; here they are inputs of the same names.
      if (
        (err instanceof VerifyError && err.code === 'INVALID_POLICY') ||
        (err instanceof PipelineError && err.code === 'INVALID_REQUEST')
      )
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
  info(`policy: ${outcome.policy.name} (sha256:${outcome.policy.digest.sha256})`);
  output('policy-digest', outcome.policy.digest.sha256);
  const notes = [`Policy ${outcome.policy.name}: sha256:${outcome.policy.digest.sha256}`];
  if (writer && inputs.write) {
    const written = await writer.write(outcome);
    info(
      `wrote ${written.summaries.length} verification summaries (verifier ${written.verifier}) to ${inputs.write.request.out}`,
    );
    output('vsa-file', written.file ?? '');
    notes.push(
      `${written.summaries.length} verification summar${written.summaries.length === 1 ? 'y' : 'ies'} by ${written.verifier}${written.signedWith ? ', signed' : ''}`,
    );
    if (inputs.write.attach) {
      const referrers = await group('Attaching the verification summaries', () =>
        attachSummaries(written, context),
      );
      for (const r of referrers) info(`attached ${r.digest} to ${r.subject}`);
      output('vsa-referrers', referrers.map((r) => r.digest).join('\n'));
    }
  }
  await reportVerified(
    { ...outcome, model: { ...outcome.model, notes: [...outcome.model.notes, ...notes] } },
    inputs.report,
  );
  const failed = outcome.results.filter((r) => !r.verified);
  if (failed.length > 0)
    throw new ActionError({
      code: 'VERIFICATION_FAILED',
      message: `${failed.length} of ${outcome.results.length} artifacts failed verification: ${failed.map((r) => r.target).join(', ')}`,
    });
  return outcome.results;
}
