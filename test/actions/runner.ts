// Runs an action the way the GitHub runner does: `node <runs.main>` (resolved from the folder of
// the action's action.yml, e.g. actions/hash/../dist/hash.js) in a fresh process, inputs as INPUT_<NAME> (upper-cased, hyphens kept), the GITHUB_* variables, and the
// GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files it reads back afterwards.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';

export const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface ActionRun {
  code: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  /** `::error::` lines the runner would turn into annotations. */
  errors: string[];
}

/** Parses GITHUB_OUTPUT: `name=value` lines and `name<<DELIM` heredocs. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]!);
      out[name!] = value.join('\n');
    } else {
      const eq = line.indexOf('=');
      out[line.slice(0, eq)] = line.slice(eq + 1);
    }
  }
  return out;
}

export interface RunOptions {
  inputs?: Record<string, string>;
  env?: Record<string, string>;
  cwd?: string;
  timeoutMs?: number;
  /** The file to run instead of the action's `runs.main` (a copy of actions/dist elsewhere). */
  entry?: string;
}

/** The file the runner runs for an action: its action.yml's `runs.main`, from its folder. */
export function actionMain(action: string): string {
  const dir = action === '.' ? repoRoot : path.join(repoRoot, 'actions', action);
  const meta = parse(readFileSync(path.join(dir, 'action.yml'), 'utf8'));
  if (meta?.runs?.using !== 'node24' || typeof meta.runs.main !== 'string') {
    throw new Error(`${dir}/action.yml: expected runs.using node24 and a runs.main`);
  }
  return path.resolve(dir, meta.runs.main);
}

/** `action` is a folder under actions/, or '.' for the root action.yml. */
export async function runAction(action: string, options: RunOptions = {}): Promise<ActionRun> {
  const entry = options.entry ?? actionMain(action);
  const dir = await mkdtemp(path.join(tmpdir(), `action-${action.replace(/\W/g, '')}-`));
  const outputFile = path.join(dir, 'output');
  const summaryFile = path.join(dir, 'summary');
  await writeFile(outputFile, '');
  await writeFile(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_WORKSPACE: options.cwd ?? dir,
    RUNNER_TEMP: dir,
    GITHUB_REPOSITORY: 'example/nats-wasm',
    GITHUB_REPOSITORY_OWNER: 'example',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'https://api.github.com',
    GITHUB_SHA: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
    GITHUB_REF: 'refs/heads/main',
    GITHUB_ACTOR: 'octocat',
    ...options.env,
  };
  for (const [name, value] of Object.entries(options.inputs ?? {})) {
    env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  const child = spawn(process.execPath, [entry], { cwd: options.cwd ?? dir, env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => {
    stdout += d;
  });
  child.stderr.on('data', (d) => {
    stderr += d;
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  clearTimeout(timer);
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputFile(await readFile(outputFile, 'utf8')),
    summary: await readFile(summaryFile, 'utf8'),
    errors: stdout
      .split('\n')
      .filter((l) => l.startsWith('::error'))
      .map((l) => l.replace(/^::error[^:]*::/, '')),
  };
}
