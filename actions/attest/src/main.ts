import {
  type AttestInputs,
  attestRequest,
  group,
  logProgress,
  reportAttested,
  requireIdToken,
} from '@build-artifact/actions-common';
import { type AttestResult, attest, type FlowContext } from '@build-artifact/pipeline';

export async function run(
  inputs: AttestInputs,
  env: NodeJS.ProcessEnv = process.env,
): Promise<AttestResult> {
  // Before any work: without id-token: write there is nothing to sign with.
  requireIdToken(env);
  const context: FlowContext = { cwd: process.cwd(), env, onProgress: logProgress };
  const result = await group('SBOMs, provenance and signatures', () =>
    attest(attestRequest(inputs), context),
  );
  await reportAttested(result);
  return result;
}
