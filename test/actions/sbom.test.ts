import { cp, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, runAction } from './runner.ts';

const lockfiles = path.resolve(repoRoot, '../shared/testdata/lockfiles');

describe('actions/sbom (its bundled entry under node)', () => {
  it('writes one CycloneDX SBOM for a Rust and a Go lockfile, with per-ecosystem counts', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sbom-action-'));
    const out = path.join(dir, 'wash.cdx.json');
    const run = await runAction('sbom', {
      inputs: {
        paths: `${path.join(lockfiles, 'cargo-wasmcloud')}\n${path.join(lockfiles, 'golang-nats-server')}\n`,
        output: out,
        'spec-version': '1.6',
      },
    });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    const bom = JSON.parse(await readFile(out, 'utf8'));
    expect(bom.bomFormat).toBe('CycloneDX');
    expect(bom.specVersion).toBe('1.6');
    expect(run.outputs['sbom-path']).toBe(out);
    const count = Number(run.outputs['component-count']);
    expect(count).toBeGreaterThanOrEqual(bom.components.length);
    const ecosystems = JSON.parse(run.outputs.ecosystems!);
    expect(ecosystems.cargo).toBeGreaterThan(100);
    expect(ecosystems.golang).toBeGreaterThan(5);
    expect(run.summary).toMatch(/\| SBOM of \| components \| cargo \| golang \|/);
    expect(run.summary).toContain(`| ${count} | ${ecosystems.cargo} | ${ecosystems.golang} |`);
  });

  it('reads a pnpm-lock.yaml the fast reader declines, run from a copy with no node_modules', async () => {
    // A document marker sends the file to the full YAML parser, which must come from the
    // bundle: an action runs without node_modules anywhere around it.
    const dir = await mkdtemp(path.join(tmpdir(), 'sbom-action-'));
    await cp(path.join(repoRoot, 'actions', 'dist'), path.join(dir, 'dist'), { recursive: true });
    await writeFile(
      path.join(dir, 'pnpm-lock.yaml'),
      "---\nlockfileVersion: '9.0'\nimporters:\n  .:\n    dependencies:\n      left-pad:\n        specifier: ^1.3.0\n        version: 1.3.0\npackages:\n  left-pad@1.3.0:\n    resolution: {integrity: sha512-XI5MPzVNApjAyhQzphX8BkmKsKUxD4LdyK24iZeQEw4pZ2T/qhPTTHHh0n5wOhlXgZYemLIA6CMWL6Sp2jKzA==}\nsnapshots:\n  left-pad@1.3.0: {}\n",
    );
    const out = path.join(dir, 'bom.cdx.json');
    const run = await runAction('sbom', {
      entry: path.join(dir, 'dist', 'sbom.js'),
      inputs: { paths: path.join(dir, 'pnpm-lock.yaml'), output: out },
    });
    expect(run.errors).toEqual([]);
    expect(run.code).toBe(0);
    const bom = JSON.parse(await readFile(out, 'utf8'));
    expect(bom.components.map((c: { purl?: string }) => c.purl)).toContain(
      'pkg:npm/left-pad@1.3.0',
    );
  });

  it('fails naming the path when it does not exist, writing nothing', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'sbom-action-'));
    const out = path.join(dir, 'x.cdx.json');
    const run = await runAction('sbom', {
      inputs: { paths: path.join(dir, 'missing'), output: out },
    });
    expect(run.code).toBe(1);
    expect(run.errors.join('\n')).toContain(path.join(dir, 'missing'));
    await expect(readFile(out)).rejects.toThrow();
  });

  it('rejects an unknown spec version before any work', async () => {
    const run = await runAction('sbom', { inputs: { paths: lockfiles, 'spec-version': '1.5' } });
    expect(run.code).toBe(1);
    expect(run.errors).toEqual(['input "spec-version" must be one of 1.6, 1.7, got "1.5"']);
  });
});
