/**
 * `attest sbom` on binaries built by others: Go CLIs shipped as npm platform packages (fetched by
 * version, checked by digest: see npm-binaries.ts), and a Go program from Debian. Compared with
 * `go version -m` where it can read them, and with independent readers where it cannot.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheDir, findGo, requireToolchain } from '../../../../test/helpers/toolchains.js';
import { generateSbom, inspectBinary, validateBom } from '../index.js';
import { assertGraphResolvable, type Cdx, type CdxComponent } from './helpers.js';
import { npmPackageFile, type PinnedPackage } from './npm-binaries.js';

const run = promisify(execFile);
const FETCH_TIMEOUT_MS = 300_000;

// Pinned: exact versions, and the registry's sha512 of each tarball when this test was written.
const ESBUILD_LINUX: PinnedPackage = {
  name: '@esbuild/linux-x64',
  version: '0.28.2',
  integrity:
    'sha512-4xTZr1FUmSoQW4XIWmit3tzQrUTZM+N3P0XV8xROKYF50XfI7xeO90+1bZvNwxIufQ9hDQVRJH5YhgPVF8A/HQ==',
};
const ESBUILD_DARWIN: PinnedPackage = {
  name: '@esbuild/darwin-arm64',
  version: '0.28.2',
  integrity:
    'sha512-n4KqkOQrraxHJcgjM1RvwbigfQKIKJVpM7xp+KsxiyUSrRdIXnt73VhrPAx0fV44hgfmIVKjxMN9J1t5jySVkw==',
};
const ESBUILD_WINDOWS: PinnedPackage = {
  name: '@esbuild/win32-x64',
  version: '0.28.2',
  integrity:
    'sha512-5ebpxr3nWMzrL/rnUI755Jkuee0bHL/Gq0WTF9lvcpv73wAp5eu8MfBUgWK9bhWvZjj7yX8etf/8tI8Ney695g==',
};
const ESBUILD_WASM: PinnedPackage = {
  name: 'esbuild-wasm',
  version: '0.28.2',
  integrity:
    'sha512-GccVwhv3mmOUVQHCQm2Ox/rby8n/EqUwvZxE6Pjfikrq/lWw9g9WX/u9EykWnpot3Ko6j426DgQdea2xWKIAQA==',
};
const BUILDIFIER: PinnedPackage = {
  name: '@bazel/buildifier-linux_x64',
  version: '0.29.0',
  integrity:
    'sha512-sXXY0gP4oC1nC1G8Baqd7kyBL/y9/qOqftKSkDe2Y7gBoc9GslwyexwDxTSxK0Gun/4Vcvc2eRu7b83hMOxuag==',
};
const LEFTHOOK: PinnedPackage = {
  name: 'lefthook-linux-x64',
  version: '2.2.2',
  integrity:
    'sha512-N/OlQyAhcU6RAXjrwFxLsh70sn96rBoi+XkuLJ8CVBkk9Ci3VDXQayDZTNz5B1xML8RwoMcV8Wblniy1xFOmSA==',
};

const goEnv = () => ({ ...process.env, GOTOOLCHAIN: 'local', GOFLAGS: '', GOPROXY: 'off' });

/** `go version -m`, parsed; `readable: false` when it cannot read the file. */
function goVersionM(file: string) {
  const r = spawnSync(findGo()!.bin, ['version', '-m', file], { encoding: 'utf8', env: goEnv() });
  const out = `${r.stdout}${r.stderr}`;
  const lines = r.stdout.split('\n');
  const field = (tag: string) =>
    lines.filter((l) => l.startsWith(`\t${tag}\t`)).map((l) => l.split('\t').slice(2));
  return {
    // Files it cannot read get an error, or (no build info at all, Go 1.12) no line.
    readable: r.status === 0 && /^[^\n]*: (go1|devel)/.test(r.stdout),
    output: out,
    go: lines[0]?.split(': ')[1]?.trim(),
    path: field('path')[0]?.[0],
    deps: field('dep').map((f) => `${f[0]}@${f[1]}`),
    settings: Object.fromEntries(
      field('build').map((f) => {
        const kv = f.join('\t');
        const eq = kv.indexOf('=');
        return [kv.slice(0, eq), kv.slice(eq + 1)];
      }),
    ),
  };
}

async function bomOf(path: string): Promise<Cdx> {
  const r = await generateSbom([path], { sourceDateEpoch: 0 });
  await validateBom(r.json);
  const doc = JSON.parse(r.json) as Cdx;
  assertGraphResolvable(doc);
  return doc;
}

const prop = (c: CdxComponent | undefined, n: string) =>
  c?.properties?.find((p) => p.name === n)?.value;

/**
 * The Go version in a wasm module's `producers` section, read through V8
 * (WebAssembly.Module.customSections) and decoded here: a reader independent of ours.
 */
async function producersGoVersion(file: string): Promise<string | undefined> {
  const wasm = globalThis as unknown as {
    WebAssembly: {
      Module: {
        new (b: Uint8Array): object;
        customSections(m: object, name: string): ArrayBuffer[];
      };
    };
  };
  const mod = new wasm.WebAssembly.Module(await readFile(file));
  const [section] = wasm.WebAssembly.Module.customSections(mod, 'producers');
  if (!section) return undefined;
  const b = new Uint8Array(section);
  let pos = 0;
  const uleb = () => {
    let v = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = b[pos++]!;
      v |= (byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return v;
    }
  };
  const str = () => {
    const n = uleb();
    pos += n;
    return Buffer.from(b.subarray(pos - n, pos)).toString('utf8');
  };
  for (let fields = uleb(); fields > 0; fields--) {
    const field = str();
    for (let values = uleb(); values > 0; values--) {
      const name = str();
      const version = str();
      if (field === 'language' && name === 'Go') return version;
    }
  }
  return undefined;
}

let scratch: string | undefined;
afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});
async function fetchFile(pkg: PinnedPackage, path: string): Promise<string> {
  scratch ??= await mkdtemp(join(tmpdir(), 'third-party-binaries-'));
  return npmPackageFile(pkg, path, scratch);
}

describe('esbuild 0.28.2: Go binaries linked without .go.buildinfo', () => {
  const files: Record<string, string> = {};
  let wasmGo: string | undefined;
  beforeAll(async () => {
    files.elf = await fetchFile(ESBUILD_LINUX, 'package/bin/esbuild');
    files.macho = await fetchFile(ESBUILD_DARWIN, 'package/bin/esbuild');
    files.pe = await fetchFile(ESBUILD_WINDOWS, 'package/esbuild.exe');
    files.wasm = await fetchFile(ESBUILD_WASM, 'package/esbuild.wasm');
    wasmGo = await producersGoVersion(files.wasm);
  }, FETCH_TIMEOUT_MS);

  it('the same release built the js/wasm module: its producers section names the Go version', () => {
    expect(wasmGo).toMatch(/^go1\.\d+\.\d+$/);
  });

  for (const format of ['elf', 'macho', 'pe'] as const) {
    it(`${format}: \`go version -m\` gives up; we read the modules and recover the Go version`, async () => {
      if (requireToolchain('go')) {
        const said = goVersionM(files[format]!);
        expect(said.readable).toBe(false);
        expect(said.output).toContain('not a Go executable');
      }
      const info = await inspectBinary(files[format]!);
      expect(info.format).toBe(format);
      expect(info.go?.path).toBe('github.com/evanw/esbuild/cmd/esbuild');
      expect(info.go?.main?.path).toBe('github.com/evanw/esbuild');
      expect(info.go?.goVersion).toBe(wasmGo);
      expect(info.go?.goVersionSource).toBe('runtime-data');
      const doc = await bomOf(files[format]!);
      const root = doc.metadata.component;
      expect(prop(root, 'build-artifact:go.version')).toBe(wasmGo);
      expect(prop(root, 'build-artifact:go.version.source')).toBe('runtime-data');
      const stdlib = doc.components.find((c) => c.name === 'stdlib');
      expect(stdlib?.purl).toBe(`pkg:golang/stdlib@${wasmGo!.slice(2)}`);
      expect(prop(stdlib, 'build-artifact:go.version.source')).toBe('runtime-data');
    });
  }

  it('ELF and Mach-O list the same modules (golang.org/x/sys for the Unix system calls)', async () => {
    const elf = await inspectBinary(files.elf!);
    const macho = await inspectBinary(files.macho!);
    const deps = (i: typeof elf) => i.go?.deps.map((d) => `${d.path}@${d.version}`);
    expect(deps(elf)).toEqual(deps(macho));
    expect(deps(elf)?.map((d) => d.split('@')[0])).toEqual(['golang.org/x/sys']);
  });

  it('the js/wasm module: `go version -m` cannot read it; we give its modules and version', async () => {
    if (requireToolchain('go')) expect(goVersionM(files.wasm!).readable).toBe(false);
    const info = await inspectBinary(files.wasm!);
    expect(info.go?.path).toBe('github.com/evanw/esbuild/cmd/esbuild');
    expect(info.go?.goVersion).toBe(wasmGo);
    expect(info.go?.goVersionSource).toBe('producers');
  });
});

describe.skipIf(!requireToolchain('go'))(
  'buildifier 0.29.0 (Bazel, Go 1.12): no .go.buildinfo, no module info, a symbol table',
  () => {
    let file: string;
    let oracle: string;
    beforeAll(async () => {
      file = await fetchFile(BUILDIFIER, 'package/buildifier');
      // Go's own debug/elf reads the runtime.buildVersion variable through the symbol table.
      const dir = await mkdtemp(join(tmpdir(), 'buildversion-'));
      try {
        const bin = join(dir, 'buildversion');
        await run(findGo()!.bin, ['build', '-o', bin, 'main.go'], {
          cwd: join(import.meta.dirname, '__fixtures__', 'buildversion'),
          env: { ...goEnv(), GOCACHE: process.env.GOCACHE ?? join(cacheDir(), 'go-build') },
        });
        oracle = (await run(bin, [file])).stdout.trim();
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }, FETCH_TIMEOUT_MS);

    it('the version from the runtime.buildVersion symbol, as debug/elf reads it', async () => {
      expect(goVersionM(file).readable).toBe(false);
      expect(oracle).toMatch(/^go1\.12\./);
      const info = await inspectBinary(file);
      expect(info.go?.goVersion).toBe(oracle);
      expect(info.go?.goVersionSource).toBe('symtab');
      expect(info.go?.main).toBeUndefined();
    });

    it('the BOM says the toolchain, how it was found, and that the modules are not known', async () => {
      const doc = await bomOf(file);
      const root = doc.metadata.component;
      expect(prop(root, 'build-artifact:go.version.source')).toBe('symtab');
      expect(doc.components.map((c) => c.purl)).toEqual([`pkg:golang/stdlib@${oracle.slice(2)}`]);
      expect(doc.compositions).toContainEqual({
        aggregate: 'incomplete',
        assemblies: [root['bom-ref']],
      });
    });
  },
);

const DEBIAN_REGISTRY = '/usr/bin/docker-registry';
describe.skipIf(
  !requireToolchain('go') || (!existsSync(DEBIAN_REGISTRY) && process.env.CI !== 'true'),
)("Debian's docker-registry: built in GOPATH mode, no modules recorded", () => {
  it('what `go version -m` says: version, path and settings, and not a module', async () => {
    const said = goVersionM(DEBIAN_REGISTRY);
    expect(said.readable).toBe(true);
    expect(said.deps).toEqual([]);
    const info = await inspectBinary(DEBIAN_REGISTRY);
    expect(info.go?.goVersion).toBe(said.go);
    expect(info.go?.goVersionSource).toBe('buildinfo');
    expect(info.go?.path).toBe(said.path);
    expect(info.go?.settings).toEqual(said.settings);
    expect(info.go?.main).toBeUndefined();
    expect(info.go?.deps).toEqual([]);
  });

  it('the BOM does not call the dependencies complete, and warns why', async () => {
    const messages: string[] = [];
    const r = await generateSbom([DEBIAN_REGISTRY], {
      sourceDateEpoch: 0,
      onProgress: (e) => messages.push(e.message),
    });
    const doc = JSON.parse(r.json) as Cdx;
    expect(doc.compositions.find((c) => c.assemblies)?.aggregate).toBe('incomplete');
    expect(messages.join('\n')).toContain('records no modules');
  });
});

describe.skipIf(!requireToolchain('go'))(
  'lefthook 2.2.2 (linux-x64): exactly what `go version -m` says',
  () => {
    let file: string;
    beforeAll(async () => {
      file = await fetchFile(LEFTHOOK, 'package/bin/lefthook');
    }, FETCH_TIMEOUT_MS);

    it('the Go version, the main package, every module with its version', async () => {
      const said = goVersionM(file);
      expect(said.readable).toBe(true);
      const info = await inspectBinary(file);
      expect(info.go?.goVersion).toBe(said.go);
      expect(info.go?.goVersionSource).toBe('buildinfo');
      expect(info.go?.path).toBe(said.path);
      expect(info.go?.deps.map((d) => `${d.path}@${d.version}`)).toEqual(said.deps);
      expect(info.go?.settings).toEqual(said.settings);
      const doc = await bomOf(file);
      const golang = doc.components
        .filter((c) => c.purl?.startsWith('pkg:golang/') && c.name !== 'stdlib')
        .map((c) => `${c.name}@${c.version}`)
        .sort();
      expect(golang).toEqual([...said.deps].sort());
    });
  },
);
