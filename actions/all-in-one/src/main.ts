import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { type AttestInputs, run as attest } from '@build-artifact/action-attest/main';
import { run as push } from '@build-artifact/action-push/main';
import { ActionError, group, output, requireIdToken } from '@build-artifact/actions-common';

export interface AllInOneInputs extends AttestInputs {
  buildCommand: string;
  workingDirectory: string;
  ociRepository: string;
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
  if (status !== 0) {
    throw new ActionError({
      code: 'BUILD_FAILED',
      message: `build-command failed (exit ${status})`,
    });
  }
}

export async function run(
  inputs: AllInOneInputs,
  env: NodeJS.ProcessEnv = process.env,
): Promise<void> {
  // Fail before building when signing cannot work.
  requireIdToken(env);
  process.chdir(inputs.workingDirectory);
  if (inputs.buildCommand) {
    await group('Build', () => runBuild(inputs.buildCommand, process.cwd(), env));
  }
  const attested = await attest(inputs, env);
  if (inputs.ociRepository) {
    const pushed = await push(
      {
        repository: inputs.ociRepository,
        subjectsDirectory: '',
        paths: attested.artifacts.map((a) => a.path),
        attestationsDirectory: inputs.outputDirectory,
        tag: '',
        token: inputs.registryToken,
        username: inputs.registryUsername,
      },
      env,
    );
    output('oci-reference', pushed[0]!.reference);
    output('oci-references', pushed.map((p) => p.reference).join('\n'));
  }
}
