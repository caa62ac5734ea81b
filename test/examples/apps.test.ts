// The small Python and Node examples, run for real: their own test suites, and their lockfiles
// checked against what they declare (Node: installed from the lockfile with npm ci).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplesDir, findPython, requireToolchain } from '../helpers/toolchains.js';

const execFileP = promisify(execFile);

describe.skipIf(!requireToolchain('python'))('examples/python-app', () => {
  const app = join(examplesDir, 'python-app');

  it('passes its own tests', async () => {
    const { stderr } = await execFileP(
      findPython()!.bin,
      ['-m', 'unittest', 'discover', '-s', 'tests'],
      {
        cwd: app,
        env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
        timeout: 120_000,
      },
    );
    expect(stderr).toMatch(/Ran [1-9]\d* tests?[\s\S]*\nOK/);
  });

  it('pins every requirement exactly, covering what pyproject.toml declares', async () => {
    const lines = (await readFile(join(app, 'requirements.txt'), 'utf8'))
      .split('\n')
      .filter((l) => l.trim() !== '' && !/^\s*#/.test(l));
    const pins = new Map<string, string>();
    for (const line of lines) {
      const m = /^([A-Za-z0-9._-]+)==([0-9][^\s;]*)(\s*;\s*.+)?$/.exec(line);
      expect(m, line).not.toBeNull();
      pins.set(m![1]!.toLowerCase(), m![2]!);
    }
    const pyproject = await readFile(join(app, 'pyproject.toml'), 'utf8');
    const deps = /dependencies = \[([^\]]*)\]/.exec(pyproject)![1]!;
    for (const name of deps.matchAll(/"([A-Za-z0-9._-]+)/g)) {
      expect(pins.has(name[1]!.toLowerCase()), name[1]).toBe(true);
    }
  });
});

describe('examples/node-app', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'node-app-'));
    await cp(join(examplesDir, 'node-app'), dir, {
      recursive: true,
      filter: (src) => !src.includes('node_modules'),
    });
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('installs exactly its lockfile with npm ci and passes its own tests', async () => {
    const npmBeside = join(dirname(process.execPath), 'npm');
    const npm = existsSync(npmBeside) ? npmBeside : 'npm';
    await execFileP(
      npm,
      ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--workspaces=false'],
      {
        cwd: dir,
        timeout: 180_000,
      },
    );
    const lock = JSON.parse(await readFile(join(dir, 'package-lock.json'), 'utf8'));
    expect(lock.lockfileVersion).toBe(3);
    const locked = Object.entries(lock.packages as Record<string, { version?: string }>).filter(
      ([path]) => path.startsWith('node_modules/'),
    );
    expect(locked.length).toBeGreaterThan(0);
    for (const [path, entry] of locked) {
      const installed = JSON.parse(await readFile(join(dir, path, 'package.json'), 'utf8'));
      expect(installed.version, path).toBe(entry.version);
    }
    const { stdout } = await execFileP(process.execPath, ['--test', '--test-reporter=tap'], {
      cwd: dir,
      timeout: 120_000,
    });
    expect(stdout).toMatch(/# fail 0/);
    expect(stdout).toMatch(/# pass [1-9]/);
  }, 300_000);
});
