import { execFile, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { deflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUILD_TIMEOUT_MS,
  buildEmbeddingCli,
  buildNatsLinux,
  buildNatsWasm,
  cacheDir,
  examplesDir,
  findGo,
  requireToolchain,
} from '../../../../test/helpers/toolchains.js';
import {
  findGoVersion,
  generateSbom,
  inspectBinary,
  inspectBytes,
  type SbomError,
  validateBom,
} from '../index.js';
import { assertGraphResolvable, type Cdx, type CdxComponent } from './helpers.js';
import { custom, module, producers, section } from './wasm-builder.js';

const run = promisify(execFile);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sbom-binary-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** `go version -m` as {goVersion, path, main, deps[path@version]}. */
function goVersionM(file: string): { go: string; path: string; main: string; deps: string[] } {
  const out = execFileSync(findGo()!.bin, ['version', '-m', file], {
    encoding: 'utf8',
    env: { ...process.env, GOTOOLCHAIN: 'local' },
  });
  const lines = out.split('\n');
  return {
    go: lines[0]!.split(': ')[1]!.trim(),
    path: lines.find((l) => l.startsWith('\tpath\t'))!.split('\t')[2]!,
    main: lines
      .find((l) => l.startsWith('\tmod\t'))!
      .split('\t')
      .slice(2, 4)
      .join('@'),
    deps: lines
      .filter((l) => l.startsWith('\tdep\t'))
      .map((l) => l.split('\t').slice(2, 4).join('@')),
  };
}

async function bomOf(path: string): Promise<Cdx> {
  const r = await generateSbom([path], { sourceDateEpoch: 0 });
  await validateBom(r.json);
  const doc = JSON.parse(r.json) as Cdx;
  assertGraphResolvable(doc);
  return doc;
}

const golangDeps = (components: CdxComponent[]) =>
  components
    .filter((c) => c.purl?.startsWith('pkg:golang/') && c.name !== 'stdlib')
    .map((c) => `${c.name}@${c.version}`)
    .sort();
const prop = (c: CdxComponent, n: string) => c.properties?.find((p) => p.name === n)?.value;

describe.skipIf(!requireToolchain('go'))('Go build info from ELF, Mach-O, PE and wasm', () => {
  const targets = [
    ['linux', 'amd64', 'elf'],
    ['darwin', 'arm64', 'macho'],
    ['windows', 'amd64', 'pe'],
    ['wasip1', 'wasm', 'wasm'],
  ] as const;
  const built: Record<string, string> = {};
  beforeAll(async () => {
    // A program with one real dependency, vendored as links into Debian's Go sources (offline).
    const src = join(dir, 'goprog');
    await mkdir(join(src, 'vendor', 'github.com', 'nats-io'), { recursive: true });
    await writeFile(
      join(src, 'go.mod'),
      'module example.com/sbomprobe\n\ngo 1.21\n\nrequire github.com/nats-io/nuid v1.0.1\n',
    );
    await writeFile(
      join(src, 'main.go'),
      'package main\n\nimport "github.com/nats-io/nuid"\n\nfunc main() { println(nuid.Next()) }\n',
    );
    await writeFile(
      join(src, 'vendor', 'modules.txt'),
      '# github.com/nats-io/nuid v1.0.1\n## explicit\ngithub.com/nats-io/nuid\n',
    );
    await symlink(
      '/usr/share/gocode/src/github.com/nats-io/nuid',
      join(src, 'vendor', 'github.com', 'nats-io', 'nuid'),
    );
    for (const [goos, goarch, kind] of targets) {
      const out = join(dir, `prog-${kind}`);
      await run(findGo()!.bin, ['build', '-mod=vendor', '-trimpath', '-o', out, '.'], {
        cwd: src,
        env: {
          ...process.env,
          GOOS: goos,
          GOARCH: goarch,
          CGO_ENABLED: '0',
          GOTOOLCHAIN: 'local',
          GOPROXY: 'off',
          GOFLAGS: '',
          GOCACHE: process.env.GOCACHE ?? join(cacheDir(), 'go-build'),
        },
      });
      built[kind] = out;
    }
  }, BUILD_TIMEOUT_MS);

  for (const [goos, , kind] of targets.slice(0, 3)) {
    it(`${kind} (${goos}): what \`go version -m\` says`, async () => {
      const expected = goVersionM(built[kind]!);
      const info = await inspectBinary(built[kind]!);
      expect(info.format).toBe(kind);
      expect(info.go?.goVersion).toBe(expected.go);
      expect(info.go?.path).toBe(expected.path);
      expect(`${info.go?.main?.path}@${info.go?.main?.version}`).toBe(expected.main);
      expect(info.go?.deps.map((d) => `${d.path}@${d.version}`)).toEqual(expected.deps);
      expect(info.go?.settings.GOOS).toBe(goos);
      const doc = await bomOf(built[kind]!);
      expect(golangDeps(doc.components)).toEqual(expected.deps.sort());
      expect(doc.components.find((c) => c.name === 'stdlib')?.purl).toBe(
        `pkg:golang/stdlib@${expected.go.slice(2)}`,
      );
      expect(doc.metadata.component.hashes?.[0]).toEqual({
        alg: 'SHA-256',
        content: sha256(await readFile(built[kind]!)),
      });
    });
  }

  it('wasm (wasip1): `go version -m` cannot read it; we can, with the Go version from `producers`', async () => {
    expect(() => goVersionM(built.wasm!)).toThrow();
    const linux = goVersionM(built.elf!);
    const info = await inspectBinary(built.wasm!);
    expect(info.format).toBe('wasm');
    expect(info.go?.goVersion).toBe(linux.go);
    expect(info.producers?.language?.Go).toBe(linux.go);
    expect(info.go?.deps.map((d) => `${d.path}@${d.version}`)).toEqual(linux.deps);
    expect(info.go?.settings.GOOS).toBe('wasip1');
    const doc = await bomOf(built.wasm!);
    expect(doc.metadata.component.components?.map((c) => c.name)).toEqual([
      'example.com/sbomprobe',
    ]);
    expect(doc.compositions).toContainEqual({
      aggregate: 'complete',
      assemblies: [doc.metadata.component['bom-ref']],
    });
  });
});

describe.skipIf(!requireToolchain('go'))('a Go module replaced by a local directory', () => {
  let exe: string;
  beforeAll(async () => {
    const src = join(dir, 'replaced');
    await mkdir(join(src, 'lib'), { recursive: true });
    await writeFile(
      join(src, 'go.mod'),
      'module example.com/app\n\ngo 1.21\n\nrequire example.com/lib v0.0.0\n\nreplace example.com/lib => ./lib\n',
    );
    await writeFile(
      join(src, 'main.go'),
      'package main\n\nimport "example.com/lib"\n\nfunc main() { println(lib.Name) }\n',
    );
    await writeFile(join(src, 'lib', 'go.mod'), 'module example.com/lib\n\ngo 1.21\n');
    await writeFile(join(src, 'lib', 'lib.go'), 'package lib\n\nconst Name = "lib"\n');
    exe = join(dir, 'replaced-app');
    await run(findGo()!.bin, ['build', '-trimpath', '-o', exe, '.'], {
      cwd: src,
      env: {
        ...process.env,
        CGO_ENABLED: '0',
        GOTOOLCHAIN: 'local',
        GOPROXY: 'off',
        GOFLAGS: '',
        GOCACHE: process.env.GOCACHE ?? join(cacheDir(), 'go-build'),
      },
    });
  }, BUILD_TIMEOUT_MS);

  it('`dep example.com/lib v0.0.0 => ./lib`: the component is the module, the directory a property', async () => {
    const said = execFileSync(findGo()!.bin, ['version', '-m', exe], {
      encoding: 'utf8',
      env: { ...process.env, GOTOOLCHAIN: 'local' },
    });
    expect(said).toMatch(/\tdep\texample\.com\/lib\tv0\.0\.0\t?\n\t=>\t\.\/lib\t/);
    const doc = await bomOf(exe);
    const lib = doc.metadata.component.components?.find((c) => c.name === 'example.com/lib');
    expect(lib?.version).toBe('v0.0.0');
    expect(lib?.purl).toBe('pkg:golang/example.com/lib@v0.0.0');
    expect(prop(lib!, 'build-artifact:go.replacement.dir')).toBe('./lib');
    expect(JSON.stringify(doc)).not.toContain('pkg:golang/.');
  });
});

describe.skipIf(!requireToolchain('go', 'nats-sources'))('the NATS server for wasip1', () => {
  let wasm: Awaited<ReturnType<typeof buildNatsWasm>>;
  let linux: Awaited<ReturnType<typeof buildNatsLinux>>;
  beforeAll(async () => {
    wasm = await buildNatsWasm();
    linux = await buildNatsLinux();
  }, BUILD_TIMEOUT_MS);

  it('lists the Go version, the main module and every dep module with its version', async () => {
    const doc = await bomOf(wasm.path);
    const root = doc.metadata.component;
    expect(prop(root, 'build-artifact:go.version')).toBe(wasm.goVersion);
    expect(root.components?.map((c) => `${c.name}@${c.version}`)).toEqual([
      `github.com/nats-io/nats-server/v2@${wasm.natsVersion}`,
    ]);
    const fromLinux = goVersionM(linux.path);
    expect(fromLinux.main).toBe(`github.com/nats-io/nats-server/v2@${wasm.natsVersion}`);
    const wasmDeps = golangDeps(doc.components);
    // Same modules as the linux build, except those that contribute no package to wasip1.
    const dropped = fromLinux.deps.filter((d) => !wasmDeps.includes(d));
    expect(wasmDeps.filter((d) => !fromLinux.deps.includes(d))).toEqual([]);
    expect(dropped.map((d) => d.split('@')[0])).toEqual(['golang.org/x/sys']);
    expect(wasmDeps.length).toBeGreaterThanOrEqual(7);
    for (const c of doc.components) expect(c.purl).toMatch(/^pkg:golang\//);
  });
});

/** A `.dep-v0` payload as cargo-auditable writes it. */
function depV0(packages: object[]): Buffer {
  return deflateSync(Buffer.from(JSON.stringify({ packages })));
}
const AUDIT = [
  { name: 'embedder', version: '0.3.0', source: 'local', dependencies: [1, 2], root: true },
  { name: 'anyhow', version: '1.0.98', source: 'crates.io' },
  { name: 'cc', version: '1.2.0', source: 'crates.io', kind: 'build' },
];

describe('cargo-auditable .dep-v0', () => {
  it('in a wasm custom section: crates with a graph, build deps excluded, producers read', async () => {
    const wasm = module({
      customs: [
        custom('.dep-v0', depV0(AUDIT)),
        producers({ language: { Rust: '' }, 'processed-by': { rustc: '1.95.0' } }),
      ],
    });
    const info = inspectBytes(wasm, 'm.wasm');
    expect(info.auditable?.map((p) => p.name)).toEqual(['embedder', 'anyhow', 'cc']);
    expect(info.producers).toEqual({ language: { Rust: '' }, 'processed-by': { rustc: '1.95.0' } });
    const path = join(dir, 'auditable.wasm');
    await writeFile(path, wasm);
    const doc = await bomOf(path);
    expect(doc.components.map((c) => c.purl).sort()).toEqual([
      'pkg:cargo/anyhow@1.0.98',
      'pkg:cargo/cc@1.2.0',
    ]);
    expect(doc.components.find((c) => c.name === 'cc')?.scope).toBe('excluded');
    const embedder = doc.metadata.component.components!.find((c) => c.name === 'embedder')!;
    expect(doc.dependencies.find((d) => d.ref === embedder['bom-ref'])?.dependsOn?.length).toBe(2);
  });

  describe.skipIf(!requireToolchain('cargo', 'go', 'nats-sources'))(
    'in an ELF section, next to an embedded Go wasm module',
    () => {
      let exe: string;
      let natsWasm: Awaited<ReturnType<typeof buildNatsWasm>>;
      beforeAll(async () => {
        natsWasm = await buildNatsWasm();
        const payload = depV0(AUDIT);
        const rs = [
          '#[used]',
          '#[unsafe(link_section = ".dep-v0")]',
          `static AUDITABLE: [u8; ${payload.length}] = [${[...payload].join(',')}];`,
          `static WASM: &[u8] = include_bytes!(${JSON.stringify(natsWasm.path)});`,
          'fn main() { println!("{}", std::hint::black_box(WASM).len()); }',
        ].join('\n');
        await writeFile(join(dir, 'embed.rs'), rs);
        exe = join(dir, 'embed');
        await run(
          'rustc',
          ['--edition', '2024', '-C', 'opt-level=1', '-o', exe, join(dir, 'embed.rs')],
          { timeout: 600_000 },
        );
      }, BUILD_TIMEOUT_MS);

      it('gives the crates, and the wasm module as a nested component holding its Go modules', async () => {
        const info = await inspectBinary(exe);
        expect(info.format).toBe('elf');
        expect(info.auditable?.length).toBe(3);
        expect(info.go).toBeUndefined(); // the Go build info belongs to the embedded module
        expect(info.embedded).toHaveLength(1);
        expect(info.embedded[0]!.sha256).toBe(natsWasm.sha256);
        const doc = await bomOf(exe);
        const nested = doc.components.find((c) => c.type === 'application')!;
        expect(nested.hashes).toEqual([{ alg: 'SHA-256', content: natsWasm.sha256 }]);
        const names = nested.components!.map((c) => c.name);
        expect(names).toContain('github.com/nats-io/nats-server/v2');
        expect(names).toContain('github.com/nats-io/nkeys');
        expect(names).toContain('stdlib');
        expect(doc.components.filter((c) => c.purl?.startsWith('pkg:cargo/')).length).toBe(2);
      });
    },
  );
});

describe('cargo-auditable .dep-v0 in Mach-O and PE sections', () => {
  const payload = depV0(AUDIT);
  it('a 64-bit Mach-O: the __DATA,.dep-v0 section', () => {
    const cmdSize = 72 + 80;
    const dataOff = 32 + cmdSize;
    const b = Buffer.alloc(dataOff + payload.length);
    b.writeUInt32LE(0xfeedfacf, 0);
    b.writeUInt32LE(1, 16); // ncmds
    b.writeUInt32LE(cmdSize, 20);
    b.writeUInt32LE(0x19, 32); // LC_SEGMENT_64
    b.writeUInt32LE(cmdSize, 36);
    b.write('__DATA', 40, 'latin1');
    b.writeUInt32LE(1, 32 + 64); // nsects
    const sect = 32 + 72;
    b.write('.dep-v0', sect, 'latin1');
    b.write('__DATA', sect + 16, 'latin1');
    b.writeBigUInt64LE(BigInt(payload.length), sect + 40);
    b.writeUInt32LE(dataOff, sect + 48);
    payload.copy(b, dataOff);
    const info = inspectBytes(b, 'mac');
    expect(info.format).toBe('macho');
    expect(info.auditable?.map((p) => `${p.name}@${p.version}`)).toEqual([
      'embedder@0.3.0',
      'anyhow@1.0.98',
      'cc@1.2.0',
    ]);
  });
  it('a PE: the .dep-v0 section, its raw size padded to the file alignment', () => {
    const table = 0x40 + 24;
    const dataOff = 0x200;
    const raw = Math.ceil(payload.length / 0x200) * 0x200;
    const b = Buffer.alloc(dataOff + raw);
    b.write('MZ', 0, 'latin1');
    b.writeUInt32LE(0x40, 0x3c);
    b.write('PE\0\0', 0x40, 'latin1');
    b.writeUInt16LE(1, 0x40 + 6); // one section
    b.writeUInt16LE(0, 0x40 + 20); // no optional header
    b.write('.dep-v0', table, 'latin1');
    b.writeUInt32LE(payload.length, table + 8); // VirtualSize: the real length
    b.writeUInt32LE(raw, table + 16);
    b.writeUInt32LE(dataOff, table + 20);
    payload.copy(b, dataOff);
    const info = inspectBytes(b, 'app.exe');
    expect(info.format).toBe('pe');
    expect(info.auditable).toHaveLength(3);
  });
});

describe.skipIf(
  !existsSync(join(examplesDir, 'embedding-cli')) ||
    !requireToolchain('cargo', 'go', 'nats-sources'),
)('the embedding CLI example', () => {
  it(
    'has the NATS module as a nested component with its Go modules',
    async () => {
      const wasm = await buildNatsWasm();
      const cli = await buildEmbeddingCli(wasm.path);
      const doc = await bomOf(cli.path);
      const nested = doc.components.find((c) =>
        c.hashes?.some((h) => h.content === cli.wasmSha256),
      );
      expect(nested).toBeDefined();
      expect(nested!.components!.map((c) => c.name)).toContain('github.com/nats-io/nats-server/v2');
      expect(prop(nested!, 'build-artifact:go.version')).toBe(wasm.goVersion);
    },
    BUILD_TIMEOUT_MS,
  );
});

describe('hostile binaries are bounded and reported', () => {
  const code = (f: () => unknown): string | undefined => {
    try {
      f();
      return undefined;
    } catch (err) {
      return (err as SbomError).code;
    }
  };
  it('a section declaring 4 GiB', () => {
    const b = Buffer.from([
      0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff, 0x0f, 1, 0x61,
    ]);
    expect(code(() => inspectBytes(b, 'big.wasm'))).toBe('MALFORMED_BINARY');
  });
  it('a truncated LEB128', () => {
    const b = Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 1, 0x80, 0x80]);
    expect(code(() => inspectBytes(b, 't.wasm'))).toBe('MALFORMED_BINARY');
  });
  it('a zip bomb in .dep-v0 stops at 8 MiB', () => {
    const bomb = deflateSync(Buffer.alloc(256 * 1024 * 1024), { level: 9 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const start = process.memoryUsage().rss;
    expect(
      code(() => inspectBytes(module({ customs: [custom('.dep-v0', bomb)] }), 'bomb.wasm')),
    ).toBe('LIMIT_EXCEEDED');
    expect(process.memoryUsage().rss - start).toBeLessThan(200 * 1024 * 1024);
  });
  it('an ELF whose section headers point past the end', () => {
    const b = Buffer.alloc(64);
    b.write('\x7fELF', 0, 'latin1');
    b[4] = 2;
    b[5] = 1;
    b.writeBigUInt64LE(0xffffffffn, 0x28);
    b.writeUInt16LE(64, 0x3a);
    b.writeUInt16LE(0xffff, 0x3c);
    expect(code(() => inspectBytes(b, 'bad.elf'))).toBe('MALFORMED_BINARY');
  });
  it('a module cut short', () => {
    const m = module({ customs: [producers({ language: { Go: 'go1.23.5' } })] });
    expect(code(() => inspectBytes(m.subarray(0, m.length - 3), 'cut.wasm'))).toBe(
      'MALFORMED_BINARY',
    );
  });
  it('an embedded module is cut where its sections end, and its own data read', () => {
    const inner = module({ customs: [custom('.dep-v0', depV0(AUDIT))] });
    // What follows in the host file: a custom-section-like header with an unprintable name.
    const outer = Buffer.concat([
      Buffer.from('padding', 'latin1'),
      inner,
      Buffer.from([0, 5, 3, 0xff, 0xfe, 0xfd, 0, 9]),
    ]);
    // A minimal PE: DOS header pointing at a PE header with no sections.
    const pe = Buffer.alloc(0x40 + 24);
    pe.write('MZ', 0, 'latin1');
    pe.writeUInt32LE(0x40, 0x3c);
    pe.write('PE\0\0', 0x40, 'latin1');
    const info = inspectBytes(Buffer.concat([pe, outer]), 'x.exe');
    expect(info.embedded).toHaveLength(1);
    expect(info.embedded[0]!.sha256).toBe(sha256(inner));
    expect(info.embedded[0]!.auditable).toHaveLength(3);
  });
  it('a module inside a found module is its own, and the search goes on after it', () => {
    const inner = module({ customs: [producers({ language: { Rust: '1.80.0' } })] });
    // Module A carries a whole module in a custom section (its bytes, not a second module of
    // the host file); module B follows A.
    const a = module({ customs: [custom('blob', inner)] });
    const b = module({ customs: [producers({ language: { Go: 'go1.23.5' } })] });
    const pe = Buffer.alloc(0x40 + 24);
    pe.write('MZ', 0, 'latin1');
    pe.writeUInt32LE(0x40, 0x3c);
    pe.write('PE\0\0', 0x40, 'latin1');
    const info = inspectBytes(Buffer.concat([pe, a, Buffer.from('gap'), b]), 'x.exe');
    expect(info.embedded.map((e) => e.sha256)).toEqual([sha256(a), sha256(b)]);
    expect(info.embedded[1]!.producers?.language?.Go).toBe('go1.23.5');
  });
  it("a Go build info header inside an excluded range is not the host's, one outside is", () => {
    // A Go >= 1.18 header: magic, pointer size, flags (bit 1: inline strings), the version.
    const header = (v: string) => {
      const h = Buffer.alloc(32);
      h.write('\xff Go buildinf:', 0, 'latin1');
      h[14] = 8;
      h[15] = 2;
      return Buffer.concat([h, Buffer.from([v.length]), Buffer.from(v), Buffer.alloc(15)]);
    };
    const inner = header('go1.21.0');
    const outer = header('go1.23.5');
    // Headers sit at 16-byte aligned offsets: 64 and 144.
    const file = Buffer.concat([Buffer.alloc(64), inner, Buffer.alloc(24), outer]);
    const embedded: [number, number][] = [[64, 64 + inner.length]];
    expect(findGoVersion(file, embedded)).toBe('go1.23.5');
    expect(findGoVersion(file)).toBe('go1.21.0');
    // The only header inside the range: none for the host, even one cut by the range's end.
    expect(findGoVersion(file.subarray(0, 144), embedded)).toBeUndefined();
    expect(findGoVersion(file, [[64, 70]])).toBe('go1.23.5');
    expect(findGoVersion(file, [[70, 80]])).toBe('go1.21.0');
  });
  it('unknown formats are refused', () => {
    expect(code(() => inspectBytes(Buffer.from('hello world, not a binary'), 'x.txt'))).toBe(
      'UNSUPPORTED_INPUT',
    );
    expect(section(0, [])).toEqual([0, 0]);
  });
});
