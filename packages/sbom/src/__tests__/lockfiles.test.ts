import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { generateSbom, validateBom } from '../index.js';
import { assertGraphResolvable, type Cdx, LOCKFILES, purlSet } from './helpers.js';

const read = (dir: string, file: string) => readFileSync(join(LOCKFILES, dir, file), 'utf8');

async function sbom(dir: string, warnings: string[] = []): Promise<Cdx> {
  const r = await generateSbom([join(LOCKFILES, dir)], {
    sourceDateEpoch: 1_700_000_000,
    onProgress: (e) => {
      if (e.level === 'warning') warnings.push(e.message);
    },
  });
  await validateBom(r.json);
  const doc = JSON.parse(r.json) as Cdx;
  assertGraphResolvable(doc);
  expect(r.componentCount).toBeGreaterThan(0);
  return doc;
}

/** `[[package]]` blocks of a TOML lockfile as plain text records, read without a TOML parser. */
function tomlPackages(text: string): Record<string, string>[] {
  return text
    .split(/^\[\[package\]\]$/m)
    .slice(1)
    .map((block) => {
      const rec: Record<string, string> = {};
      for (const m of block.matchAll(/^(name|version|source|checksum) = (.*)$/gm))
        rec[m[1]!] = m[2]!;
      rec.name = rec.name?.replace(/^"|"$/g, '') ?? '';
      rec.version = rec.version?.replace(/^"|"$/g, '') ?? '';
      return rec;
    });
}

const pep503 = (n: string) => n.toLowerCase().replace(/[-_.]+/g, '-');

describe('Cargo.lock', () => {
  for (const dir of ['cargo-ripgrep', 'cargo-wasmcloud']) {
    it(`${dir}: exactly the registry packages, with SHA-256 checksums and a full graph`, async () => {
      const pkgs = tomlPackages(read(dir, 'Cargo.lock'));
      const thirdParty = pkgs.filter((p) => p.source?.startsWith('"registry+'));
      const doc = await sbom(dir);
      expect(purlSet(doc.components, 'cargo')).toEqual(
        new Set(thirdParty.map((p) => `${p.name}@${p.version}`)),
      );
      expect(doc.components).toHaveLength(thirdParty.length);
      // Workspace members (no source) are first-party: under the root component, not dependencies.
      const members = pkgs.filter((p) => p.source === undefined).map((p) => p.name);
      expect(doc.metadata.component.components!.map((c) => c.name).sort()).toEqual(members.sort());
      const withSum = thirdParty.find((p) => p.checksum)!;
      const c = doc.components.find(
        (x) => x.purl === `pkg:cargo/${withSum.name}@${withSum.version}`,
      )!;
      expect(c.hashes).toEqual([{ alg: 'SHA-256', content: withSum.checksum!.replace(/"/g, '') }]);
      // Every package has a dependency entry: the lockfile's graph is complete.
      expect(doc.dependencies.length).toBe(pkgs.length + 1);
      expect(
        doc.compositions.some(
          (x) => x.aggregate === 'complete' && (x.dependencies?.length ?? 0) > 0,
        ),
      ).toBe(true);
    });
  }

  it('resolves `name version` dependencies when a crate appears twice', async () => {
    const doc = await sbom('cargo-wasmcloud');
    const text = read('cargo-wasmcloud', 'Cargo.lock');
    const m =
      /^name = "([^"]+)"\nversion = "([^"]+)"\nsource = "registry[^"]*"\nchecksum = "[^"]+"\ndependencies = \[\n((?: ".*",\n)+)\]/m.exec(
        text,
      )!;
    const dep = doc.dependencies.find((d) => d.ref === `pkg:cargo/${m[1]}@${m[2]}`)!;
    const expected = [...m[3]!.matchAll(/"([^" ]+)(?: ([^"]+))?"/g)].map((x) => x[1]!);
    expect(dep.dependsOn!.map((r) => /pkg:cargo\/([^@]+)@/.exec(r)?.[1]).sort()).toEqual(
      expected.sort(),
    );
  });
});

describe('go.mod + go.sum', () => {
  for (const dir of ['golang-nats-server', 'golang-cosign']) {
    it(`${dir}: every require, no h1: as a hash, main module first-party`, async () => {
      const gomod = read(dir, 'go.mod');
      const requires = [
        ...gomod.matchAll(
          /^\s*(?:require\s+)?([a-z0-9.-]+\.[a-z]+\/\S+|[a-z0-9.-]+\.[a-z]+)\s+(v\d\S*)(?:\s*\/\/.*)?$/gm,
        ),
      ].map((m) => `${m[1]}@${m[2]}`);
      const doc = await sbom(dir);
      expect(purlSet(doc.components, 'golang')).toEqual(new Set(requires));
      expect(doc.components.every((c) => c.hashes === undefined)).toBe(true);
      const main = /^module (\S+)/m.exec(gomod)![1]!;
      expect(doc.metadata.component.components!.map((c) => c.name)).toEqual([main]);
      // Only the main module's direct requirements are known: said so in compositions.
      expect(doc.compositions.some((c) => c.aggregate === 'incomplete_first_party_only')).toBe(
        true,
      );
      const direct = [...gomod.matchAll(/^\t(\S+) (v\S+)$/gm)].length;
      const mainRef = doc.metadata.component.components![0]!['bom-ref'];
      expect(doc.dependencies.find((d) => d.ref === mainRef)!.dependsOn).toHaveLength(direct);
    });
  }
});

describe('npm package-lock.json v3', () => {
  for (const dir of ['npm-sigstore-js-package-lock', 'npm-actions-attest-package-lock']) {
    it(`${dir}: entries under node_modules/ that are not links, with hex integrity and dev scope`, async () => {
      const lock = JSON.parse(read(dir, 'package-lock.json')) as {
        packages: Record<string, Record<string, unknown>>;
      };
      const expected = new Set<string>();
      for (const [path, e] of Object.entries(lock.packages)) {
        if (!path.includes('node_modules/') || e.link) continue;
        expected.add(`${(e.name as string) ?? path.split('node_modules/').pop()}@${e.version}`);
      }
      const doc = await sbom(dir);
      expect(purlSet(doc.components, 'npm')).toEqual(expected);
      const [path, entry] = Object.entries(lock.packages).find(
        ([p, e]) => p.startsWith('node_modules/@') && e.integrity,
      )!;
      const [alg, b64] = (entry.integrity as string).split('-');
      const name = path.slice('node_modules/'.length);
      const c = doc.components.find((x) => x.name === name && x.version === entry.version)!;
      expect(c.purl).toBe(`pkg:npm/${name.replace('@', '%40')}@${entry.version}`);
      expect(c.hashes).toContainEqual({
        alg: alg!.toUpperCase().replace('SHA', 'SHA-'),
        content: Buffer.from(b64!, 'base64').toString('hex'),
      });
      const dev = Object.entries(lock.packages).find(
        ([p, e]) =>
          p.startsWith('node_modules/') && e.dev === true && !p.slice(13).includes('node_modules'),
      )!;
      expect(
        doc.components.find((x) => x.name === dev[0].slice(13) && x.version === dev[1].version)!
          .scope,
      ).toBe('excluded');
    });
  }
});

describe('pnpm-lock.yaml v9', () => {
  it('npm-vite-pnpm: every registry package; importers and file: packages first-party', async () => {
    const text = read('npm-vite-pnpm', 'pnpm-lock.yaml');
    const section = text.slice(text.indexOf('\npackages:\n'), text.indexOf('\nsnapshots:\n'));
    const keys = [...section.matchAll(/^ {2}'?([^\s'][^']*?)'?:$/gm)].map((m) => m[1]!);
    const expected = new Set(keys.filter((k) => !k.includes('@file:') && !k.includes('@link:')));
    const doc = await sbom('npm-vite-pnpm');
    expect(purlSet(doc.components, 'npm')).toEqual(expected);
    const importers = [
      ...text
        .slice(text.indexOf('\nimporters:\n'), text.indexOf('\npackages:\n'))
        .matchAll(/^ {2}\S/gm),
    ].length;
    expect(doc.metadata.component.components!.length).toBe(importers + keys.length - expected.size);
    // Something reachable only from devDependencies is dev: vitest is a devDependency of the root.
    const vitest = doc.components.find((c) => c.name === 'vitest')!;
    expect(vitest.scope).toBe('excluded');
  });
});

describe('yarn.lock', () => {
  it('npm-excalidraw-yarn-v1: one component per resolved name@version', async () => {
    const text = read('npm-excalidraw-yarn-v1', 'yarn.lock');
    const expected = new Set<string>();
    for (const m of text.matchAll(/^"?([^",\n]+?)"?(?:, [^\n]*)?:\n {2}version "([^"]+)"/gm)) {
      const spec = m[1]!;
      const at = spec.indexOf('@', 1);
      const alias = /^npm:((?:@[^/@]+\/)?[^@]+)@/.exec(spec.slice(at + 1));
      expected.add(`${alias ? alias[1] : spec.slice(0, at)}@${m[2]}`);
    }
    const doc = await sbom('npm-excalidraw-yarn-v1');
    expect(purlSet(doc.components, 'npm')).toEqual(expected);
    expect(doc.components.filter((c) => c.hashes?.[0]?.alg === 'SHA-512').length).toBeGreaterThan(
      expected.size * 0.9,
    );
  });

  it('npm-jest-yarn-berry: npm resolutions third-party, workspaces first-party, no Yarn checksum as a hash', async () => {
    const text = read('npm-jest-yarn-berry', 'yarn.lock');
    const expected = new Set(
      [...text.matchAll(/^ {2}resolution: "((?:@[^/@"]+\/)?[^@"]+)@npm:([^"]+)"$/gm)].map(
        (m) => `${m[1]}@${m[2]}`,
      ),
    );
    const workspaces = [...text.matchAll(/^ {2}resolution: "[^"]+@workspace:[^"]+"$/gm)].length;
    const doc = await sbom('npm-jest-yarn-berry');
    expect(purlSet(doc.components, 'npm')).toEqual(expected);
    expect(doc.metadata.component.components!.length).toBe(workspaces);
    expect(doc.components.every((c) => c.hashes === undefined)).toBe(true);
  });
});

describe('Python', () => {
  it('pypi-pydantic-ai-uv: registry and git packages, PEP 503 names, editables first-party', async () => {
    const pkgs = tomlPackages(read('pypi-pydantic-ai-uv', 'uv.lock'));
    const third = pkgs.filter((p) => /^\{ (registry|git) =/.test(p.source ?? ''));
    const doc = await sbom('pypi-pydantic-ai-uv');
    expect(purlSet(doc.components, 'pypi')).toEqual(
      new Set(third.map((p) => `${pep503(p.name)}@${p.version}`)),
    );
    expect(doc.metadata.component.components!.length).toBe(pkgs.length - third.length);
    expect(doc.components.find((c) => c.name === 'strict-no-cover')!.purl).toMatch(
      /^pkg:pypi\/strict-no-cover@0\.1\.1\?vcs_url=git%2Bhttps/,
    );
  });

  it('pypi-textual-poetry: every package; dev-only group excluded', async () => {
    const text = read('pypi-textual-poetry', 'poetry.lock');
    const pkgs = tomlPackages(text);
    const doc = await sbom('pypi-textual-poetry');
    expect(purlSet(doc.components, 'pypi')).toEqual(
      new Set(pkgs.map((p) => `${pep503(p.name)}@${p.version}`)),
    );
    const devOnly = /^name = "([^"]+)"\n(?:.*\n){0,4}groups = \["dev"\]/m.exec(text)![1]!;
    expect(doc.components.find((c) => c.name === devOnly)!.scope).toBe('excluded');
  });

  it('pypi-pipenv-pipfile: default and develop, develop-only excluded', async () => {
    const lock = JSON.parse(read('pypi-pipenv-pipfile', 'Pipfile.lock')) as Record<
      string,
      Record<string, { version?: string }>
    >;
    const expected = new Set<string>();
    for (const s of ['default', 'develop'])
      for (const [n, e] of Object.entries(lock[s]!))
        expected.add(`${pep503(n)}@${e.version!.slice(2)}`);
    const doc = await sbom('pypi-pipenv-pipfile');
    expect(purlSet(doc.components, 'pypi')).toEqual(expected);
    const devOnly = Object.keys(lock.develop!).find((n) => !(n in lock.default!))!;
    expect(doc.components.find((c) => c.name === devOnly)!.scope).toBe('excluded');
  });

  it('pypi-sigstore-conformance-requirements: every pin', async () => {
    const text = read('pypi-sigstore-conformance-requirements', 'requirements.txt');
    const expected = new Set(
      [...text.matchAll(/^([A-Za-z0-9._-]+)==(\S+)/gm)].map((m) => `${pep503(m[1]!)}@${m[2]}`),
    );
    const warnings: string[] = [];
    const doc = await sbom('pypi-sigstore-conformance-requirements', warnings);
    expect(purlSet(doc.components, 'pypi')).toEqual(expected);
    expect(warnings).toEqual([]);
    // requirements.in is not a requirements*.txt file: not read.
    expect(doc.compositions.find((c) => c.assemblies)!.aggregate).toBe('complete');
  });
});

describe('merging and determinism', () => {
  it('several paths merge into one BOM; the same input gives byte-identical output', async () => {
    const paths = ['cargo-ripgrep', 'golang-nats-server', 'pypi-textual-poetry'].map((d) =>
      join(LOCKFILES, d),
    );
    const a = await generateSbom(paths, { sourceDateEpoch: 1_700_000_000 });
    const b = await generateSbom(paths, { sourceDateEpoch: 1_700_000_000 });
    expect(a.json).toBe(b.json);
    await validateBom(a.json);
    expect(a.ecosystems).toEqual({ cargo: 52, golang: 11, npm: 0, pypi: 111 });
    const doc = JSON.parse(a.json) as Cdx;
    expect(doc.metadata.timestamp).toBe('2023-11-14T22:13:20.000Z');
    expect(doc.serialNumber).toMatch(
      /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    const c = await generateSbom(paths.slice(0, 2), { sourceDateEpoch: 1_700_000_000 });
    expect(JSON.parse(c.json).serialNumber).not.toBe(doc.serialNumber);
  });

  it('without SOURCE_DATE_EPOCH, the serial number is a random version 4 UUID each time', async () => {
    const dir = join(LOCKFILES, 'golang-nats-server');
    const serials = new Set<string>();
    vi.stubEnv('SOURCE_DATE_EPOCH', '');
    try {
      for (let i = 0; i < 3; i++) serials.add(String((await generateSbom([dir])).bom.serialNumber));
    } finally {
      vi.unstubAllEnvs();
    }
    expect(serials.size).toBe(3);
    for (const s of serials)
      expect(s).toMatch(
        /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
  });

  it('writes CycloneDX 1.7 on request, valid against its schema', async () => {
    const r = await generateSbom([join(LOCKFILES, 'npm-sigstore-js-package-lock')], {
      specVersion: '1.7',
    });
    expect(r.bom.specVersion).toBe('1.7');
    await validateBom(r.json);
  });
});
