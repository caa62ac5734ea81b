import { readdirSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUILD_TIMEOUT_MS,
  buildEmbeddingCli,
  buildNatsWasm,
  requireToolchain,
} from '../../../../test/helpers/toolchains.js';
import {
  type Assembly,
  buildSpdx,
  generateSbom,
  type Package,
  type SbomError,
  validateBom,
} from '../index.js';
import {
  type Cdx,
  cdxPackageSet,
  LOCKFILES,
  type Spdx,
  type SpdxPackage as SpdxPkg,
  spdxPackageSet,
  validateSpdx,
} from './helpers.js';
import { custom, module, producers } from './wasm-builder.js';

const EPOCH = 1_700_000_000;

async function spdxOf(paths: string[]): Promise<{ doc: Spdx; json: string }> {
  const r = await generateSbom(paths, { format: 'spdx-json', sourceDateEpoch: EPOCH });
  expect(r.format).toBe('spdx-json');
  return { doc: validateSpdx(r.json), json: r.json };
}

async function cdxOf(paths: string[]): Promise<Cdx> {
  const r = await generateSbom(paths, { sourceDateEpoch: EPOCH });
  await validateBom(r.json);
  return JSON.parse(r.json) as Cdx;
}

const label = (name: string, version: string | undefined) => `${name}@${version ?? ''}`;

/** `from -> to` of every dependency edge, by name@version, in a CycloneDX BOM (`-> NONE` for a
 * component listed with no dependencies: its edges are known, and there are none). */
function cdxEdges(doc: Cdx): Set<string> {
  const byRef = new Map<string, string>();
  const walk = (c: Cdx['metadata']['component']): void => {
    byRef.set(c['bom-ref'], label(c.name, c.version));
    for (const n of c.components ?? []) walk(n);
  };
  walk(doc.metadata.component);
  for (const c of doc.components) walk(c);
  return new Set(
    doc.dependencies.flatMap((d) =>
      d.dependsOn?.length
        ? d.dependsOn.map((t) => `${byRef.get(d.ref)} -> ${byRef.get(t)}`)
        : [`${byRef.get(d.ref)} -> NONE`],
    ),
  );
}

/** The same of the DEPENDS_ON relationships of an SPDX document. */
function spdxEdges(doc: Spdx, type = 'DEPENDS_ON'): Set<string> {
  const byId = new Map(doc.packages.map((p) => [p.SPDXID, label(p.name, p.versionInfo)]));
  return new Set(
    doc.relationships
      .filter((r) => r.relationshipType === type)
      .map(
        (r) =>
          `${byId.get(r.spdxElementId)} -> ${byId.get(r.relatedSpdxElement) ?? r.relatedSpdxElement}`,
      ),
  );
}

/** name@version -> its hashes as `SHA256:hex`, sorted, in either format. */
function cdxHashes(doc: Cdx): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (c: Cdx['metadata']['component']): void => {
    const h = (c.hashes ?? []).map((x) => `${x.alg.replace('-', '')}:${x.content}`).sort();
    if (h.length > 0) out.set(label(c.name, c.version), h.join(' '));
    for (const n of c.components ?? []) walk(n);
  };
  walk(doc.metadata.component);
  for (const c of doc.components) walk(c);
  return out;
}
function spdxHashes(doc: Spdx): Map<string, string> {
  const out = new Map<string, string>();
  for (const p of doc.packages) {
    const h = (p.checksums ?? []).map((x) => `${x.algorithm}:${x.checksumValue}`).sort();
    if (h.length > 0) out.set(label(p.name, p.versionInfo), h.join(' '));
  }
  return out;
}

const byName = (doc: Spdx, name: string) => doc.packages.filter((p) => p.name === name);
const contained = (doc: Spdx, id: string) =>
  doc.relationships
    .filter((r) => r.spdxElementId === id && r.relationshipType === 'CONTAINS')
    .map((r) => doc.packages.find((p) => p.SPDXID === r.relatedSpdxElement)!);

describe('SPDX 2.3 for every lockfile of the shared test data', () => {
  const dirs = readdirSync(LOCKFILES).sort();
  it('has the test data', () => {
    expect(dirs.length).toBeGreaterThanOrEqual(13);
  });
  for (const dir of dirs) {
    it(`${dir}: valid, reproducible, and the same packages, hashes and edges as CycloneDX`, async () => {
      const path = join(LOCKFILES, dir);
      const first = await spdxOf([path]);
      const again = await spdxOf([path]);
      expect(again.json).toBe(first.json);
      const cdx = await cdxOf([path]);
      const spdx = first.doc;
      expect(spdxPackageSet(spdx)).toEqual(cdxPackageSet(cdx));
      expect(spdx.packages.length).toBeGreaterThan(1);
      expect(spdxHashes(spdx)).toEqual(cdxHashes(cdx));
      expect(spdxEdges(spdx)).toEqual(cdxEdges(cdx));
      // The root, described, contains every package its lockfiles list.
      const root = spdx.relationships.find((r) => r.relationshipType === 'DESCRIBES')!;
      expect(contained(spdx, root.relatedSpdxElement)).toHaveLength(spdx.packages.length - 1);
      // Third-party packages carry their purl as the package manager's reference.
      const third = spdx.packages.filter((p) => p.primaryPackagePurpose === 'LIBRARY');
      expect(third.length).toBeGreaterThan(0);
      for (const p of third)
        expect(p.externalRefs).toEqual([
          expect.objectContaining({ referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl' }),
        ]);
    });
  }

  it('a dev-only package keeps its scope as an annotation; Go sums stay annotations, not checksums', async () => {
    const npm = (await spdxOf([join(LOCKFILES, 'npm-sigstore-js-package-lock')])).doc;
    const cdx = await cdxOf([join(LOCKFILES, 'npm-sigstore-js-package-lock')]);
    const devOnly = cdx.components.filter((c) => c.scope === 'excluded');
    expect(devOnly.length).toBeGreaterThan(0);
    for (const c of devOnly) {
      const p = npm.packages.find((x) =>
        x.externalRefs?.some((r) => r.referenceLocator === c.purl),
      )!;
      expect(p.annotations?.map((a) => a.comment)).toContain('build-artifact:scope=excluded');
    }
    const go = (await spdxOf([join(LOCKFILES, 'golang-cosign')])).doc;
    const withSum = go.packages.filter((p) =>
      p.annotations?.some((a) => a.comment.startsWith('build-artifact:go.sum=h1:')),
    );
    expect(withSum.length).toBeGreaterThan(10);
    for (const p of withSum) expect(p.checksums).toBeUndefined();
  });
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sbom-spdx-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('SPDX 2.3 for binaries', () => {
  let path: string;
  beforeAll(async () => {
    const payload = deflateSync(
      JSON.stringify({
        packages: [
          { name: 'embedder', version: '0.3.0', source: 'local', dependencies: [1, 2], root: true },
          { name: 'anyhow', version: '1.0.98', source: 'crates.io' },
          { name: 'cc', version: '1.2.0', source: 'crates.io', kind: 'build' },
        ],
      }),
    );
    path = join(dir, 'auditable.wasm');
    await writeFile(
      path,
      module({ customs: [custom('.dep-v0', payload), producers({ language: { Rust: '' } })] }),
    );
  });

  it('cargo-auditable crates in a wasm module: DEPENDS_ON from their graph, build-only scope kept', async () => {
    const { doc } = await spdxOf([path]);
    expect(spdxEdges(doc)).toEqual(
      new Set([
        'auditable.wasm@ -> embedder@0.3.0',
        'embedder@0.3.0 -> anyhow@1.0.98',
        'embedder@0.3.0 -> cc@1.2.0',
        'anyhow@1.0.98 -> NONE',
        'cc@1.2.0 -> NONE',
      ]),
    );
    expect(byName(doc, 'cc')[0]!.annotations?.map((a) => a.comment)).toEqual([
      'build-artifact:scope=excluded',
    ]);
    expect(byName(doc, 'embedder')[0]!.primaryPackagePurpose).toBe('APPLICATION');
    expect(spdxPackageSet(doc)).toEqual(cdxPackageSet(await cdxOf([path])));
  });

  it('several paths in one document: the lockfiles and the binary under one described root', async () => {
    const paths = [join(LOCKFILES, 'cargo-ripgrep'), path];
    const { doc, json } = await spdxOf(paths);
    expect((await spdxOf(paths)).json).toBe(json);
    const cdx = await cdxOf(paths);
    expect(spdxPackageSet(doc)).toEqual(cdxPackageSet(cdx));
    expect(spdxEdges(doc)).toEqual(cdxEdges(cdx));
    const rootId = doc.relationships.find(
      (r) => r.relationshipType === 'DESCRIBES',
    )!.relatedSpdxElement;
    expect(byName(doc, 'cargo-ripgrep+auditable.wasm')[0]!.SPDXID).toBe(rootId);
    const binary = contained(doc, rootId).find((p) => p.name === 'auditable.wasm')!;
    expect(
      contained(doc, binary.SPDXID)
        .map((p) => p.name)
        .sort(),
    ).toEqual(['anyhow', 'cc', 'embedder']);
  });

  describe.skipIf(!requireToolchain('go', 'nats-sources'))('the NATS server for wasip1', () => {
    let wasm: Awaited<ReturnType<typeof buildNatsWasm>>;
    beforeAll(async () => {
      wasm = await buildNatsWasm();
    }, BUILD_TIMEOUT_MS);

    it('valid and reproducible; the module, hashed, CONTAINS its Go modules and the stdlib', async () => {
      const { doc, json } = await spdxOf([wasm.path]);
      expect((await spdxOf([wasm.path])).json).toBe(json);
      const root = doc.packages.find(
        (p) =>
          p.SPDXID ===
          doc.relationships.find((r) => r.relationshipType === 'DESCRIBES')!.relatedSpdxElement,
      )!;
      expect(root.checksums).toContainEqual({ algorithm: 'SHA256', checksumValue: wasm.sha256 });
      const names = contained(doc, root.SPDXID).map((p) => p.name);
      expect(names).toContain('github.com/nats-io/nats-server/v2');
      expect(names).toContain('github.com/nats-io/nkeys');
      expect(names).toContain('stdlib');
      expect(names).toHaveLength(doc.packages.length - 1);
      const cdx = await cdxOf([wasm.path]);
      expect(spdxPackageSet(doc)).toEqual(cdxPackageSet(cdx));
      expect(spdxEdges(doc)).toEqual(cdxEdges(cdx));
      expect(root.annotations?.map((a) => a.comment)).toContain(
        `build-artifact:go.version=${wasm.goVersion}`,
      );
    });
  });

  describe.skipIf(!requireToolchain('cargo', 'go', 'nats-sources'))(
    'the embedding CLI (Rust) with the NATS module inside',
    () => {
      it(
        'valid and reproducible; the CLI CONTAINS the module, which CONTAINS its Go modules',
        async () => {
          const wasm = await buildNatsWasm();
          const cli = await buildEmbeddingCli(wasm.path);
          const { doc, json } = await spdxOf([cli.path]);
          expect((await spdxOf([cli.path])).json).toBe(json);
          const rootId = doc.relationships.find(
            (r) => r.relationshipType === 'DESCRIBES',
          )!.relatedSpdxElement;
          const [module] = contained(doc, rootId);
          expect(contained(doc, rootId)).toHaveLength(1);
          expect(module!.checksums).toEqual([
            { algorithm: 'SHA256', checksumValue: cli.wasmSha256 },
          ]);
          const goModules = contained(doc, module!.SPDXID);
          expect(goModules.map((p) => p.name)).toContain('github.com/nats-io/nats-server/v2');
          for (const p of goModules)
            expect(p.externalRefs?.[0]?.referenceLocator).toMatch(/^pkg:golang\//);
          expect(spdxPackageSet(doc)).toEqual(cdxPackageSet(await cdxOf([cli.path])));
        },
        BUILD_TIMEOUT_MS,
      );
    },
  );
});

function assembly(packages: Package[], name = 'synthetic'): Assembly {
  return {
    name,
    type: 'application',
    properties: {},
    inventories: [
      {
        source: 'x.lock',
        format: 'test',
        packages,
        hasGraph: true,
        completeness: 'complete',
        warnings: [],
      },
    ],
    children: [],
    completeness: 'complete',
  };
}

const pkg = (name: string, extra: Partial<Package> = {}): Package => ({
  key: name,
  ecosystem: 'npm',
  name,
  version: '1.0.0',
  purl: `pkg:npm/${encodeURIComponent(name).replace('%2F', '/')}@1.0.0`,
  dependencies: [],
  ...extra,
});

describe('buildSpdx', () => {
  it('gives names that sanitise alike distinct identifiers', () => {
    const r = buildSpdx(assembly([pkg('@a/b'), pkg('a-b'), pkg('a.b')]), {
      sourceDateEpoch: 0,
    });
    const doc = validateSpdx(r.json);
    expect(doc.packages.map((p) => p.SPDXID)).toEqual([
      'SPDXRef-Application-synthetic',
      'SPDXRef-Package-npm-a-b-1.0.0',
      'SPDXRef-Package-npm-a-b-1.0.0-2',
      'SPDXRef-Package-npm-a.b-1.0.0',
    ]);
    expect(doc.creationInfo.created).toBe('1970-01-01T00:00:00Z');
  });

  it('checksums: every algorithm any input gave, spelled the SPDX way', () => {
    const asm = assembly([
      pkg('p', {
        hashes: [
          { alg: 'SHA-512', content: 'a'.repeat(128) },
          { alg: 'SHA-1', content: 'b'.repeat(40) },
        ],
      }),
    ]);
    asm.inventories.push({
      ...asm.inventories[0]!,
      source: 'y.lock',
      packages: [pkg('p', { hashes: [{ alg: 'SHA-384', content: 'c'.repeat(96) }] })],
    });
    const doc = validateSpdx(buildSpdx(asm, { sourceDateEpoch: 0 }).json);
    expect(byName(doc, 'p')).toHaveLength(1);
    expect(byName(doc, 'p')[0]!.checksums).toEqual([
      { algorithm: 'SHA1', checksumValue: 'b'.repeat(40) },
      { algorithm: 'SHA384', checksumValue: 'c'.repeat(96) },
      { algorithm: 'SHA512', checksumValue: 'a'.repeat(128) },
    ]);
  });

  it('sorts by code point, not by UTF-16 unit nor by locale', () => {
    // U+1F600 (a surrogate pair in UTF-16, D83D DE00) is after U+FF21 by code point, before it
    // by UTF-16 unit.
    const props = { 'x:\u{1F600}': '1', 'x:\uFF21': '2', 'x:z': '3' };
    const doc = validateSpdx(
      buildSpdx(assembly([pkg('p', { properties: props })]), { sourceDateEpoch: 0 }).json,
    );
    expect(byName(doc, 'p')[0]!.annotations?.map((a) => a.comment)).toEqual([
      'x:z=3',
      'x:\uFF21=2',
      'x:\u{1F600}=1',
    ]);
  });

  it('the checks are real: what the schema or the specification refuses is refused', () => {
    const good = JSON.parse(buildSpdx(assembly([pkg('p')]), { sourceDateEpoch: 0 }).json);
    expect(() => validateSpdx(JSON.stringify(good))).not.toThrow();
    const broken = (change: (d: Spdx) => void) => {
      const d = structuredClone(good) as Spdx;
      change(d);
      return () => validateSpdx(JSON.stringify(d));
    };
    expect(broken((d) => delete (d.packages[0] as Partial<SpdxPkg>).SPDXID)).toThrow(/SPDX 2.3/);
    expect(broken((d) => delete (d as Partial<Spdx>).creationInfo)).toThrow(/SPDX 2.3/);
    expect(
      broken((d) => {
        d.packages[1]!.checksums = [{ algorithm: 'SHA-256', checksumValue: 'ab' }];
      }),
    ).toThrow(/SPDX 2.3/);
    expect(broken((d) => (d.packages[1]!.SPDXID = 'SPDXRef-a/b'))).toThrow(/SPDXID/);
    expect(broken((d) => (d.relationships[0]!.relatedSpdxElement = 'SPDXRef-x'))).toThrow();
    expect(broken((d) => (d.documentNamespace = 'https://x/y#z'))).toThrow(/documentNamespace/);
    expect(broken((d) => (d.creationInfo.created = '1970-01-01T00:00:00.000Z'))).toThrow(/created/);
    expect(broken((d) => d.relationships.splice(0, 2))).toThrow(/reachable|described/);
  });

  it('derives the namespace from the content when reproducible, a random one otherwise', () => {
    const a = buildSpdx(assembly([pkg('p')]), { sourceDateEpoch: 0 });
    const b = buildSpdx(assembly([pkg('q')]), { sourceDateEpoch: 0 });
    const ns = (r: { json: string }) => validateSpdx(r.json).documentNamespace;
    expect(ns(a)).toMatch(/^https:\/\/spdx\.org\/spdxdocs\/synthetic-[0-9a-f-]{36}$/);
    expect(JSON.parse(a.json)).toEqual(a.bom);
    expect(ns(a)).not.toContain('00000000-0000');
    expect(ns(buildSpdx(assembly([pkg('p')]), { sourceDateEpoch: 0 }))).toBe(ns(a));
    expect(ns(b)).not.toBe(ns(a));
    const r1 = buildSpdx(assembly([pkg('p')]));
    const r2 = buildSpdx(assembly([pkg('p')]));
    expect(ns(r1)).not.toBe(ns(r2));
  });

  it('refuses a time SPDX cannot write, and a document over 16 MiB', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as SbomError).code;
      }
      return undefined;
    };
    expect(code(() => buildSpdx(assembly([pkg('p')]), { sourceDateEpoch: 999_999_999_999 }))).toBe(
      'UNSUPPORTED_INPUT',
    );
    const big = 'x'.repeat(2048);
    const many = Array.from({ length: 9000 }, (_, i) =>
      pkg(`p${i}`, { properties: { 'build-artifact:padding': big } }),
    );
    expect(code(() => buildSpdx(assembly(many), { sourceDateEpoch: 0 }))).toBe('BOM_TOO_LARGE');
  });
});

describe('generateSbom format option', () => {
  const lock = join(LOCKFILES, 'cargo-ripgrep', 'Cargo.lock');
  it('refuses an unknown format and a CycloneDX version for SPDX', async () => {
    const err = (p: Promise<unknown>) =>
      p.then(
        () => undefined,
        (e: SbomError) => e.code,
      );
    expect(await err(generateSbom([lock], { format: 'spdx' as never }))).toBe('UNSUPPORTED_INPUT');
    expect(await err(generateSbom([lock], { format: 'spdx-json', specVersion: '1.6' }))).toBe(
      'UNSUPPORTED_INPUT',
    );
  });
  it('reads SOURCE_DATE_EPOCH from the environment', async () => {
    const saved = process.env.SOURCE_DATE_EPOCH;
    process.env.SOURCE_DATE_EPOCH = '86400';
    try {
      const r = await generateSbom([lock], { format: 'spdx-json' });
      expect(validateSpdx(r.json).creationInfo.created).toBe('1970-01-02T00:00:00Z');
      expect((await generateSbom([lock], { format: 'spdx-json' })).json).toBe(r.json);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });
});
