import { describe, expect, it } from 'vitest';
import {
  type BinaryInfo,
  binaryAssembly,
  binaryInventories,
  buildBom,
  type GoBuildInfo,
  validateBom,
} from '../index.js';
import type { Cdx, CdxComponent } from './helpers.js';

const elf = (go: GoBuildInfo): BinaryInfo => ({
  format: 'elf',
  size: 1,
  sha256: 'a'.repeat(64),
  go,
  embedded: [],
});
const prop = (c: CdxComponent | undefined, n: string) =>
  c?.properties?.find((p) => p.name === n)?.value;

async function bom(info: BinaryInfo): Promise<Cdx> {
  const r = buildBom(binaryAssembly(info, 'prog'), { specVersion: '1.6', sourceDateEpoch: 0 });
  await validateBom(r.json);
  return JSON.parse(r.json) as Cdx;
}

describe('Go modules replaced by a local directory', () => {
  const go: GoBuildInfo = {
    goVersion: 'go1.23.5',
    goVersionSource: 'buildinfo',
    path: 'example.com/app',
    main: { path: 'example.com/app', version: '(devel)' },
    deps: [
      { path: 'example.com/lib', version: 'v0.0.0', replace: { path: './lib', version: '' } },
      {
        path: 'example.com/win',
        version: 'v1.2.0',
        replace: { path: '..\\forks\\win', version: '' },
      },
      {
        path: 'github.com/old/mod',
        version: 'v1.0.0',
        replace: { path: 'github.com/new/mod', version: 'v1.1.0', sum: 'h1:new=' },
      },
    ],
    settings: {},
  };

  it('keep the module path and the recorded version; the directory is a property', async () => {
    const doc = await bom(elf(go));
    const parts = doc.metadata.component.components ?? [];
    const lib = parts.find((c) => c.name === 'example.com/lib');
    expect(lib?.version).toBe('v0.0.0');
    expect(lib?.purl).toBe('pkg:golang/example.com/lib@v0.0.0');
    expect(prop(lib, 'build-artifact:go.replacement.dir')).toBe('./lib');
    const win = parts.find((c) => c.name === 'example.com/win');
    expect(win?.purl).toBe('pkg:golang/example.com/win@v1.2.0');
    expect(prop(win, 'build-artifact:go.replacement.dir')).toBe('..\\forks\\win');
    // Nothing is named after a directory.
    const all = JSON.stringify(doc);
    expect(all).not.toContain('pkg:golang/.');
    expect(all).not.toMatch(/"name": "\.\.?[/\\]/);
  });

  it('a replacement by another module is still that module, saying what it replaces', async () => {
    const doc = await bom(elf(go));
    const mod = doc.components.find((c) => c.name === 'github.com/new/mod');
    expect(mod?.purl).toBe('pkg:golang/github.com/new/mod@v1.1.0');
    expect(prop(mod, 'build-artifact:go.replaces')).toBe('github.com/old/mod@v1.0.0');
    expect(prop(mod, 'build-artifact:go.replacement.dir')).toBeUndefined();
  });
});

describe('how the Go version was found', () => {
  for (const source of ['buildinfo', 'producers', 'symtab', 'runtime-data'] as const) {
    it(`${source}: a property of the binary and of its stdlib component`, async () => {
      const doc = await bom(
        elf({
          goVersion: 'go1.26.5',
          goVersionSource: source,
          main: { path: 'example.com/app', version: 'v1.0.0' },
          deps: [],
          settings: {},
        }),
      );
      expect(prop(doc.metadata.component, 'build-artifact:go.version')).toBe('go1.26.5');
      expect(prop(doc.metadata.component, 'build-artifact:go.version.source')).toBe(source);
      const stdlib = doc.components.find((c) => c.name === 'stdlib');
      expect(stdlib?.purl).toBe('pkg:golang/stdlib@1.26.5');
      expect(prop(stdlib, 'build-artifact:go.version.source')).toBe(source);
    });
  }

  it('a version with experiments (` X:...`) gives the release as the stdlib version', async () => {
    const doc = await bom(
      elf({
        goVersion: 'go1.23.5 X:nocoverageredesign',
        main: { path: 'example.com/app', version: 'v1.0.0' },
        deps: [],
        settings: {},
      }),
    );
    expect(doc.components.find((c) => c.name === 'stdlib')?.purl).toBe('pkg:golang/stdlib@1.23.5');
  });
});

describe('Go binaries whose build info records no modules', () => {
  it('a GOPATH-mode build (a path, settings, no modules): incomplete, with a warning', () => {
    const [inv] = binaryInventories(
      elf({
        goVersion: 'go1.19.8',
        path: 'github.com/docker/distribution/cmd/registry',
        deps: [],
        settings: { CGO_ENABLED: '0' },
      }),
      'registry',
    );
    expect(inv?.completeness).toBe('incomplete');
    expect(inv?.warnings.join('\n')).toContain('records no modules');
    expect(inv?.packages.map((p) => p.name)).toEqual(['stdlib']);
  });

  it('no module info at all, only the version (a Bazel build): incomplete too', () => {
    const [inv] = binaryInventories(
      elf({ goVersion: 'go1.12.5', goVersionSource: 'symtab', deps: [], settings: {} }),
      'buildifier',
    );
    expect(inv?.completeness).toBe('incomplete');
  });

  it('a command of the Go distribution (cmd/...) has only the standard library: complete', () => {
    const [inv] = binaryInventories(
      elf({ goVersion: 'go1.23.5', path: 'cmd/gofmt', deps: [], settings: { CGO_ENABLED: '0' } }),
      'gofmt',
    );
    expect(inv?.completeness).toBe('complete');
    expect(inv?.warnings).toEqual([]);
  });
});
