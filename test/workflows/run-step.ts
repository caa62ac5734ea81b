// Runs a workflow's `run:` script as the runner runs a `shell: bash` step
// (`bash --noprofile --norc -eo pipefail FILE`), with the step's env, RUNNER_TEMP, GITHUB_OUTPUT
// and GITHUB_ENV files, and reads back the outputs it wrote.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseOutputFile } from '../actions/runner.ts';

export interface StepRun {
  status: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
}

interface Step {
  id?: string;
  name?: string;
  run?: string;
}

/** The step of `job` whose id or name is `idOrName`, from a parsed workflow. */
export function findStep(workflow: unknown, job: string, idOrName: string): Step {
  const steps = (workflow as { jobs: Record<string, { steps?: Step[] }> }).jobs[job]?.steps ?? [];
  const step = steps.find((s) => s.id === idOrName || s.name === idOrName);
  if (!step?.run) throw new Error(`no run: step "${idOrName}" in job ${job}`);
  return step;
}

export async function runStep(
  script: string,
  env: Record<string, string>,
  cwd: string,
): Promise<StepRun> {
  const dir = await mkdtemp(path.join(tmpdir(), 'step-'));
  const file = path.join(dir, 'step.sh');
  const output = path.join(dir, 'output');
  await writeFile(file, script);
  await writeFile(output, '');
  // Async: a server the script calls may run in this process.
  const child = spawn('bash', ['--noprofile', '--norc', '-eo', 'pipefail', file], {
    cwd,
    env: {
      PATH: process.env.PATH!,
      HOME: dir,
      RUNNER_TEMP: dir,
      GITHUB_OUTPUT: output,
      GITHUB_ENV: path.join(dir, 'env'),
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  const outputs = parseOutputFile(await readFile(output, 'utf8'));
  // The step's own folder (its script, output file, HOME and default RUNNER_TEMP) ends with it.
  await rm(dir, { recursive: true, force: true });
  return { status, stdout, stderr, outputs };
}
