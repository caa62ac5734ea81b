import { describe, expect, it } from 'vitest';
import {
  type Assembly,
  buildBom,
  MAX_BOM_BYTES,
  type Package,
  type SbomError,
  validateBom,
} from '../index.js';

function assembly(packages: Package[], graph = true): Assembly {
  return {
    name: 'synthetic',
    type: 'application',
    properties: {},
    inventories: [
      {
        source: 'x.lock',
        format: 'test',
        packages,
        hasGraph: graph,
        completeness: 'complete',
        warnings: [],
      },
    ],
    children: [],
    completeness: 'complete',
  };
}

const pkg = (i: number, extra: Partial<Package> = {}): Package => ({
  key: String(i),
  ecosystem: 'npm',
  name: `p${i}`,
  version: '1.0.0',
  purl: `pkg:npm/p${i}@1.0.0`,
  dependencies: [],
  ...extra,
});

describe('buildBom', () => {
  it('refuses a BOM over 16 MiB with a clear error', () => {
    const big = 'x'.repeat(2048);
    const packages = Array.from({ length: 9000 }, (_, i) =>
      pkg(i, { properties: { 'build-artifact:padding': big } }),
    );
    let err: SbomError | undefined;
    try {
      buildBom(assembly(packages), { specVersion: '1.6', sourceDateEpoch: 0 });
    } catch (e) {
      err = e as SbomError;
    }
    expect(err?.code).toBe('BOM_TOO_LARGE');
    expect(err?.message).toMatch(/MiB, over the 16 MiB GitHub accepts/);
    expect(MAX_BOM_BYTES).toBe(16 * 1024 * 1024);
  });

  it('merges a package seen twice: one component, the widest scope, every hash algorithm', async () => {
    const a = pkg(1, {
      scope: 'excluded',
      hashes: [{ alg: 'SHA-512', content: 'a'.repeat(128) }],
      dependencies: ['2'],
    });
    const b = pkg(2);
    const inv2 = {
      ...pkg(1, {
        key: 'k',
        scope: 'optional',
        hashes: [{ alg: 'SHA-1' as const, content: 'b'.repeat(40) }],
      }),
    };
    const asm = assembly([a, b]);
    asm.inventories.push({
      source: 'y.lock',
      format: 'test',
      packages: [inv2],
      hasGraph: false,
      completeness: 'complete',
      warnings: [],
    });
    const r = buildBom(asm, { specVersion: '1.6', sourceDateEpoch: 0 });
    await validateBom(r.json);
    const doc = r.bom as {
      components: { name: string; scope?: string; hashes: unknown[] }[];
      dependencies: { ref: string; dependsOn: string[] }[];
    };
    expect(doc.components.filter((c) => c.name === 'p1')).toHaveLength(1);
    const p1 = doc.components.find((c) => c.name === 'p1')!;
    expect(p1.scope).toBe('optional');
    expect(p1.hashes).toHaveLength(2);
    expect(doc.dependencies).toContainEqual({
      ref: 'pkg:npm/p1@1.0.0',
      dependsOn: ['pkg:npm/p2@1.0.0'],
    });
    expect(doc.dependencies).toContainEqual({ ref: 'pkg:npm/p2@1.0.0', dependsOn: [] });
    expect(r.ecosystems.npm).toBe(2);
  });

  it('lists no dependency entries where the input has no edges', () => {
    const r = buildBom(assembly([pkg(1), pkg(2)], false), { specVersion: '1.6' });
    expect((r.bom as { dependencies: unknown[] }).dependencies).toEqual([]);
    expect(r.json).toMatch(/"timestamp": "\d{4}-/);
  });
});
