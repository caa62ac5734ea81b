import * as core from '@actions/core';
import {
  ActionError,
  group,
  output,
  type SummaryVerification,
  writeSummary,
} from '@build-artifact/actions-common';
import {
  type ArtifactInput,
  loadTrustedRoot,
  readEvidence,
  type VerificationResult,
  type VerifyPolicy,
  verifyArtifact,
} from '@build-artifact/verify';

export interface VerifyInputs {
  artifacts: string[];
  bundle: string;
  trustedRoot: string;
  policy: VerifyPolicy;
  token: string;
}

/** Where the evidence of an `oci://` reference comes from; the OCI half plugs in here. */
export type OciResolver = (ref: string, token: string) => Promise<ArtifactInput>;

function describe(r: VerificationResult): string {
  if (!r.verified) {
    const f = r.failure;
    return f ? `${f.reason}: ${f.message}` : 'no bundle verified';
  }
  const who = r.certificate?.subjectAlternativeName ?? 'a trusted key';
  return `signed by ${who}${r.statement?.builderId ? `, built by ${r.statement.builderId}` : ''}`;
}

export async function run(
  inputs: VerifyInputs,
  resolveOci?: OciResolver,
): Promise<VerificationResult[]> {
  if (inputs.artifacts.length === 0) {
    throw new ActionError({
      code: 'INVALID_INPUT',
      message: 'input "artifacts" lists nothing to verify',
    });
  }
  const trust = await loadTrustedRoot(
    inputs.trustedRoot ? { trustedRootPath: inputs.trustedRoot } : {},
  );
  const shared = inputs.bundle ? await readEvidence(inputs.bundle) : undefined;
  const results: VerificationResult[] = [];
  for (const artifact of inputs.artifacts) {
    const result = await group(`Verifying ${artifact}`, async () => {
      let input: ArtifactInput;
      if (artifact.startsWith('oci://') || artifact.startsWith('oci-layout:')) {
        if (!resolveOci) {
          throw new ActionError({
            code: 'INVALID_INPUT',
            message: `${artifact}: OCI references are not supported here`,
          });
        }
        input = await resolveOci(artifact, inputs.token);
      } else {
        input = { path: artifact };
      }
      if (shared) input = { ...input, evidence: shared };
      const r = await verifyArtifact(input, inputs.policy, trust);
      for (const w of r.warnings) core.warning(`${artifact}: ${w}`);
      console.log(`${artifact}: ${r.verified ? 'verified' : 'FAILED'} (${describe(r)})`);
      return r;
    });
    if (!result.verified) core.error(`${artifact}: ${describe(result)}`);
    results.push(result);
  }
  const verifications: SummaryVerification[] = results.map((r) => ({
    artifact: r.artifact,
    verified: r.verified,
    detail: describe(r),
  }));
  output('results', JSON.stringify(results));
  const failed = results.filter((r) => !r.verified);
  output('verified', failed.length === 0);
  await writeSummary({ title: 'Verification', verifications });
  if (failed.length > 0) {
    throw new ActionError({
      code: 'VERIFICATION_FAILED',
      message: `${failed.length} of ${results.length} artifacts failed verification: ${failed.map((r) => r.artifact).join(', ')}`,
    });
  }
  return results;
}
