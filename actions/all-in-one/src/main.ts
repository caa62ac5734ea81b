import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  ActionError,
  type AttestInputs,
  attestRequest,
  group,
  logProgress,
  output,
  reportAttested,
  reportPublished,
  requireIdToken,
} from '@build-artifact/actions-common';
import { attachmentsOf, attest, type FlowContext, publishAttested } from '@build-artifact/pipeline';

export interface AllInOneInputs extends AttestInputs {
  buildCommand: string;
  workingDirectory: string;
  registryToken: string;
  registryUsername: string;
}

/**
 * Runs the build with workflow commands off (a random token turns them back on), so nothing the
 * build prints can set outputs or env for the signing that follows in the same job.
 */
export async function runBuild(
  command: string,
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  const token = randomBytes(32).toString('hex');
  process.stdout.write(`::stop-commands::${token}\n`);
  const status = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('bash', ['-euo', 'pipefail', '-c', command], {
      cwd,
      env,
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('close', (code) => resolve(code));
  }).finally(() => process.stdout.write(`::${token}::\n`));
  if (status !== 0)
    throw new ActionError({
      code: 'BUILD_FAILED',
      message: `build-command failed (exit ${status})`,
    });
}

/**
 * Build, then the attest flow (with the destination, so the signed statements name the
 * manifests), then the publish flow on what attest returned, in memory.
 */
export async function run(
  inputs: AllInOneInputs,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  // Fail before building when signing cannot work.
  requireIdToken(env);
  process.chdir(inputs.workingDirectory);
  if (inputs.buildCommand)
    await group('Build', () => runBuild(inputs.buildCommand, process.cwd(), env));
  const context: FlowContext = { cwd: process.cwd(), env, onProgress: logProgress };
  const attested = await group('SBOMs, provenance and signatures', () =>
    attest(attestRequest(inputs), context),
  );
  // With a push, its summary says everything the attest summary would, and where it went.
  await reportAttested(attested, { summary: !inputs.ociRepository });
  if (!inputs.ociRepository) return;
  const credentials = inputs.registryToken
    ? {
        username: inputs.registryUsername || env.GITHUB_ACTOR || 'token',
        password: inputs.registryToken,
      }
    : undefined;
  const published = await group(`Pushing to ${inputs.ociRepository}`, () =>
    publishAttested(attested, context, credentials ? { credentials } : {}),
  );
  await reportPublished(published, attachmentsOf(attested));
  output('oci-reference', published.artifacts[0]!.reference);
  output('oci-references', published.artifacts.map((a) => a.reference).join('\n'));
}
