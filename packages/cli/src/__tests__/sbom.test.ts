import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateBom } from '@build-artifact/sbom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attestBin } from '../../../../test/helpers/attest-cli.js';
import { main } from '../index.js';
import { captureIO } from './io.js';

const LOCKFILES = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  '..',
  'shared',
  'testdata',
  'lockfiles',
);

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cli-sbom-'));
  await mkdir(join(dir, 'tree', 'node_modules', 'dep'), { recursive: true });
  await mkdir(join(dir, 'tree', 'py'), { recursive: true });
  await writeFile(join(dir, 'tree', 'py', 'requirements.txt'), 'six==1.17.0\nrequests>=2\n');
  // Lockfiles inside node_modules are never read.
  await writeFile(join(dir, 'tree', 'node_modules', 'dep', 'requirements.txt'), 'evil==6.6.6\n');
  await writeFile(join(dir, 'truncated-package-lock.json'), '');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('attest sbom', () => {
  it('writes the BOM to stdout and warnings about unpinned lines to stderr', async () => {
    const io = captureIO({}, join(dir, 'tree'));
    expect(await main(['sbom'], io)).toBe(0);
    const doc = JSON.parse(io.out());
    expect(doc.bomFormat).toBe('CycloneDX');
    expect(doc.components.map((c: { purl: string }) => c.purl)).toEqual(['pkg:pypi/six@1.17.0']);
    expect(io.err()).toMatch(/warning: .*requirements\.txt:2: requests >=2 is not pinned/);
    await validateBom(io.out());
  });

  it('is byte-identical under SOURCE_DATE_EPOCH, with -o and --spec-version 1.7', async () => {
    const out1 = join(dir, 'a.json');
    const out2 = join(dir, 'b.json');
    const args = [
      join(LOCKFILES, 'cargo-ripgrep'),
      join(LOCKFILES, 'npm-vite-pnpm'),
      '--spec-version',
      '1.7',
    ];
    expect(
      await main(['sbom', ...args, '-o', out1], captureIO({ SOURCE_DATE_EPOCH: '1700000000' })),
    ).toBe(0);
    expect(
      await main(['sbom', ...args, '-o', out2], captureIO({ SOURCE_DATE_EPOCH: '1700000000' })),
    ).toBe(0);
    const a = await readFile(out1, 'utf8');
    expect(a).toBe(await readFile(out2, 'utf8'));
    expect(JSON.parse(a).specVersion).toBe('1.7');
    expect(JSON.parse(a).metadata.timestamp).toBe('2023-11-14T22:13:20.000Z');
  });

  it('writes SPDX 2.3 with --format spdx-json: byte-identical under SOURCE_DATE_EPOCH', async () => {
    const out1 = join(dir, 'a.spdx.json');
    const out2 = join(dir, 'b.spdx.json');
    const args = [join(LOCKFILES, 'cargo-ripgrep'), '--format', 'spdx-json'];
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    expect(await main(['sbom', ...args, '-o', out1], captureIO(env))).toBe(0);
    expect(await main(['sbom', ...args, '-o', out2], captureIO(env))).toBe(0);
    const text = await readFile(out1, 'utf8');
    expect(text).toBe(await readFile(out2, 'utf8'));
    const doc = JSON.parse(text);
    expect([doc.spdxVersion, doc.creationInfo.created]).toEqual([
      'SPDX-2.3',
      '2023-11-14T22:13:20Z',
    ]);
    // The same packages as the CycloneDX output: its components, the root and its members.
    const io = captureIO(env);
    expect(await main(['sbom', join(LOCKFILES, 'cargo-ripgrep')], io)).toBe(0);
    const cdx = JSON.parse(io.out());
    expect(doc.packages).toHaveLength(
      cdx.components.length + 1 + cdx.metadata.component.components.length,
    );
    const stdout = captureIO(env);
    expect(await main(['sbom', ...args], stdout)).toBe(0);
    expect(stdout.out()).toBe(text);
  });

  it('exits 2 for an unknown --format, and for --spec-version with SPDX', async () => {
    const io = captureIO();
    expect(await main(['sbom', '--format', 'spdx', dir], io)).toBe(2);
    expect(io.err()).toContain('--format must be cyclonedx-json or spdx-json, not "spdx"');
    const both = captureIO();
    expect(await main(['sbom', '--format', 'spdx-json', '--spec-version', '1.6', dir], both)).toBe(
      2,
    );
    expect(both.err()).toContain('--spec-version is a CycloneDX version');
  });

  it('exits 2 naming a malformed lockfile and its line, with no stack and no partial -o file', async () => {
    const bad = join(dir, 'bad');
    await mkdir(bad, { recursive: true });
    await writeFile(
      join(bad, 'Cargo.lock'),
      '[[package]]\nname = "x"\nversion = "1.0.0"\ndependencies = [\n "y",\n',
    );
    const out = join(dir, 'never.json');
    const io = captureIO();
    expect(await main(['sbom', bad, '-o', out], io)).toBe(2);
    expect(io.err()).toMatch(/Cargo\.lock:\d+: invalid TOML/);
    expect(io.err()).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('never'))).toEqual([]);
  });

  it('exits 2 for an empty package-lock.json, a manifest, a missing path, a bad flag', async () => {
    const io = captureIO();
    expect(await main(['sbom', join(dir, 'truncated-package-lock.json')], io)).toBe(2);
    expect(await main(['sbom', join(LOCKFILES, 'cargo-ripgrep', 'Cargo.toml')], captureIO())).toBe(
      2,
    );
    const missing = captureIO();
    expect(await main(['sbom', join(dir, 'missing')], missing)).toBe(2);
    expect(missing.err()).toContain('no such file or directory');
    expect(await main(['sbom', '--spec-version', '1.5', dir], captureIO())).toBe(2);
    expect(await main(['sbom', dir], captureIO({ SOURCE_DATE_EPOCH: 'yesterday' }))).toBe(2);
  });

  it('reads a binary that is not one as exit 2', async () => {
    const f = join(dir, 'notes.bin');
    await writeFile(f, 'just text');
    const io = captureIO();
    expect(await main(['sbom', f], io)).toBe(2);
    expect(io.err()).toContain('notes.bin: not an ELF, Mach-O, PE or wasm file');
  });

  it('runs as the installed binary', () => {
    const r = spawnSync(
      process.execPath,
      [attestBin, 'sbom', join(LOCKFILES, 'golang-nats-server')],
      {
        encoding: 'utf8',
      },
    );
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).components).toHaveLength(11);
  });

  it("writes the same bytes whatever the machine's locale", () => {
    // Lithuanian collation puts `y` between `i` and `j`, Danish puts `aa` after `z`: a BOM
    // sorted by the locale comes out in another order there (vite's `…-dynamic-import` Babel
    // plugin moves ahead of `…-dotall-regex` under lt_LT).
    const run = (locale: string): string => {
      const r = spawnSync(process.execPath, [attestBin, 'sbom', join(LOCKFILES, 'npm-vite-pnpm')], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, LC_ALL: locale, LANG: locale, SOURCE_DATE_EPOCH: '1700000000' },
      });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout;
    };
    const plain = run('C.UTF-8');
    expect(run('lt_LT.UTF-8')).toBe(plain);
    expect(run('da_DK.UTF-8')).toBe(plain);
    // Code-unit order: a capital before any lower-case letter, which no locale's collation does.
    const refs = JSON.parse(plain).components.map((c: { 'bom-ref': string }) => c['bom-ref']);
    expect(refs).toEqual([...refs].sort());
  });
});
