import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BUILD_TIMEOUT_MS,
  cacheDir,
  findGo,
  requireToolchain,
} from '../../../../../test/helpers/toolchains.js';
import { findGoVersion, findModinfo, inspectBytes, readObjectFile } from '../../index.js';
import { findRuntimeVersion } from '../gobuildinfo.js';
import { INFO_END, INFO_START, manyModinfoStarts } from './hostile.js';

const run = promisify(execFile);
const MODINFO = 'path\tex.com/m\nmod\tex.com/m\t(devel)\t\ndep\tgithub.com/a/b\tv1.0.0\th1:x=\n';

function seconds(f: () => unknown): number {
  const start = performance.now();
  f();
  return (performance.now() - start) / 1000;
}

describe('module info sentinels', () => {
  it('100 decoy start sentinels before the real module info do not hide it', () => {
    // The search gave up after 64 starts; each start before an end is now not even parsed.
    const b = manyModinfoStarts(100, 10, MODINFO);
    expect(findModinfo(b, 0, b.length)?.main?.path).toBe('ex.com/m');
  });

  it('200,000 start sentinels before one end (3.6 MB) parse only the last: under 5 s', () => {
    const b = manyModinfoStarts(200_000, 2, MODINFO);
    let path: string | undefined;
    expect(seconds(() => (path = findModinfo(b, 0, b.length)?.path))).toBeLessThan(5);
    expect(path).toBe('ex.com/m');
  });

  it('module info inside an excluded range (an embedded module) is not the host’s', () => {
    const host = Buffer.concat([Buffer.alloc(100), INFO_START, Buffer.from(MODINFO), INFO_END]);
    expect(findModinfo(host, 0, host.length, [[90, host.length]])).toBeUndefined();
    expect(findModinfo(host, 0, host.length, [[0, 50]])?.path).toBe('ex.com/m');
  });
});

describe('embedded modules do not multiply the searches', () => {
  /** The fastest of a few runs: the ratio compares work, not the machine's load. */
  const fastest = (f: () => unknown) => Math.min(...Array.from({ length: 5 }, () => seconds(f)));
  // 256 embedded modules (about as many as a search finds) over the first pages of the host,
  // as inspectBytes excludes them.
  const MiB = 1024 * 1024;
  const ranges = Array.from({ length: 256 }, (_, i): [number, number] => [
    64 * i + 16,
    64 * i + 34,
  ]);

  it('module info: each part between them is searched, not the rest of the file', () => {
    // A search that found nothing in a part ran on to the end of the file: 257 scans of it,
    // hundreds of times one.
    const b = Buffer.alloc(32 * MiB);
    let found: unknown = 'unset';
    const slow = fastest(() => (found = findModinfo(b, 0, b.length, ranges)));
    const base = fastest(() => findModinfo(b, 0, b.length));
    expect(found).toBeUndefined();
    expect(slow / base).toBeLessThan(20);
  });

  it('buildinfo headers: the ranges are sorted once, not walked once per header', () => {
    // Each of 4,096 aligned headers was compared with every range: a million reads of them.
    const b = Buffer.alloc(64 * 1024);
    for (let o = 0; o < b.length; o += 16) b.write('\xff Go buildinf:\x08\x02', o, 'latin1');
    let reads = 0;
    const counted = new Proxy(ranges, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    expect(findGoVersion(b, counted)).toBeUndefined();
    expect(reads).toBeLessThan(4 * ranges.length);
  });
});

describe('the buildinfo header', () => {
  it('100 decoy headers before the real one do not hide it', () => {
    const header = (version: string) => {
      const h = Buffer.alloc(48);
      h.write('\xff Go buildinf:', 0, 'latin1');
      h[14] = 8;
      h[15] = 2; // inline strings
      h[32] = version.length;
      h.write(version, 33, 'latin1');
      return h;
    };
    const b = Buffer.concat([
      ...Array.from({ length: 100 }, () => header('xx')),
      header('go1.23.5'),
    ]);
    expect(findGoVersion(b)).toBe('go1.23.5');
  });
});

/** A small ELF: .rodata at 0x400000, .data at 0x500000, optionally a section named `extra`. */
function tinyElf(rodata: Buffer, data: Buffer, extra?: string): Buffer {
  const names = Buffer.from(`\0.shstrtab\0.rodata\0.data\0${extra ?? 'x'}\0`, 'latin1');
  const shoff = 64;
  const count = extra ? 5 : 4;
  const namesOff = shoff + count * 64;
  const rodataOff = namesOff + names.length + 16 - ((namesOff + names.length) % 16);
  const dataOff = rodataOff + rodata.length + 16 - ((rodataOff + rodata.length) % 16);
  const b = Buffer.alloc(dataOff + data.length);
  b.write('\x7fELF', 0, 'latin1');
  b[4] = 2;
  b[5] = 1;
  b.writeBigUInt64LE(BigInt(shoff), 0x28);
  b.writeUInt16LE(64, 0x3a);
  b.writeUInt16LE(count, 0x3c);
  b.writeUInt16LE(1, 0x3e);
  const header = (
    i: number,
    name: number,
    type: number,
    flags: number,
    addr: number,
    off: number,
    size: number,
  ) => {
    const o = shoff + i * 64;
    b.writeUInt32LE(name, o);
    b.writeUInt32LE(type, o + 4);
    b.writeBigUInt64LE(BigInt(flags), o + 8);
    b.writeBigUInt64LE(BigInt(addr), o + 0x10);
    b.writeBigUInt64LE(BigInt(off), o + 0x18);
    b.writeBigUInt64LE(BigInt(size), o + 0x20);
  };
  header(1, 1, 3, 0, 0, namesOff, names.length);
  header(2, 11, 1, 2, 0x400000, rodataOff, rodata.length);
  header(3, 19, 1, 3, 0x500000, dataOff, data.length);
  if (extra) header(4, 25, 1, 2, 0, 0, 0);
  names.copy(b, namesOff);
  rodata.copy(b, rodataOff);
  data.copy(b, dataOff);
  return b;
}

/** A `{ptr, len}` string header for the string at `offset` of .rodata. */
function stringHeader(offset: number, len: number): Buffer {
  const h = Buffer.alloc(16);
  h.writeBigUInt64LE(BigInt(0x400000 + offset));
  h.writeBigUInt64LE(BigInt(len), 8);
  return h;
}

describe('the Go version where the runtime keeps it (no buildinfo header)', () => {
  const rodata = Buffer.from('xxgo1.22.7gopark...go1.21somethingelse', 'latin1');
  const data = Buffer.concat([Buffer.alloc(8), stringHeader(2, 8), Buffer.alloc(8)]);

  it('a file with a Go-only section and one string header pointing at a version: that version', () => {
    const elf = tinyElf(rodata, data, '.gopclntab');
    expect(findRuntimeVersion(elf, readObjectFile(elf, 'elf')!, [], false)).toEqual({
      version: 'go1.22.7',
      source: 'runtime-data',
    });
  });

  it('no evidence of Go (no Go section, no module info): nothing is claimed', () => {
    const elf = tinyElf(rodata, data);
    expect(findRuntimeVersion(elf, readObjectFile(elf, 'elf')!, [], false)).toBeUndefined();
    expect(inspectBytes(elf, 'not-go').go).toBeUndefined();
  });

  it('two different versions pointed at: ambiguous, nothing is claimed', () => {
    const two = Buffer.concat([data, stringHeader(19, 6)]);
    const elf = tinyElf(rodata, two, '.gopclntab');
    expect(findRuntimeVersion(elf, readObjectFile(elf, 'elf')!, [], false)).toBeUndefined();
  });

  it('a header whose length does not make a version (`go1.22.7go`): not counted', () => {
    const elf = tinyElf(
      rodata,
      Buffer.concat([Buffer.alloc(8), stringHeader(2, 10)]),
      '.gopclntab',
    );
    expect(findRuntimeVersion(elf, readObjectFile(elf, 'elf')!, [], false)).toBeUndefined();
  });
});

describe.skipIf(!requireToolchain('go'))('Go builds without the buildinfo header', () => {
  // What `go version -m` says of each build before its header is taken away: the oracle.
  const expected: Record<string, string> = {};
  const built: Record<string, string> = {};
  let dir: string;
  const targets = [
    ['linux-amd64', 'linux', 'amd64', []],
    ['linux-amd64-pie', 'linux', 'amd64', ['-buildmode=pie']],
    ['linux-386', 'linux', '386', []],
    ['darwin-arm64', 'darwin', 'arm64', []],
    ['windows-amd64', 'windows', 'amd64', []],
  ] as const;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sbom-goversion-'));
    await writeFile(join(dir, 'go.mod'), 'module example.com/noheader\n\ngo 1.21\n');
    await writeFile(
      join(dir, 'main.go'),
      'package main\n\nimport "runtime"\n\nfunc main() { println(runtime.Version()) }\n',
    );
    const env = {
      ...process.env,
      CGO_ENABLED: '0',
      GOTOOLCHAIN: 'local',
      GOPROXY: 'off',
      GOFLAGS: '',
      GOCACHE: process.env.GOCACHE ?? join(cacheDir(), 'go-build'),
    };
    for (const [name, goos, goarch, flags] of targets) {
      for (const strip of [false, true]) {
        const out = join(dir, `${name}${strip ? '-s' : ''}`);
        const ldflags = strip ? ['-ldflags=-s -w'] : [];
        await run(findGo()!.bin, ['build', '-trimpath', ...flags, ...ldflags, '-o', out, '.'], {
          cwd: dir,
          env: { ...env, GOOS: goos, GOARCH: goarch },
        });
        built[`${name}${strip ? '-s' : ''}`] = out;
        expected[out] = execFileSync(findGo()!.bin, ['version', out], {
          encoding: 'utf8',
          env,
        })
          .split(': ')[1]!
          .trim();
      }
    }
  }, BUILD_TIMEOUT_MS);
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** The file with every `\xff Go buildinf:` header wiped: what a linker that omits it leaves. */
  async function withoutHeader(path: string): Promise<Buffer> {
    const b = await readFile(path);
    const magic = Buffer.from('\xff Go buildinf:', 'latin1');
    for (let i = b.indexOf(magic); i >= 0; i = b.indexOf(magic, i + 1)) b.fill(0, i, i + 16);
    return b;
  }

  for (const [name] of targets) {
    it(`${name}: from the runtime.buildVersion symbol, and stripped from the data`, async () => {
      for (const [variant, source] of [
        [name, 'symtab'],
        [`${name}-s`, 'runtime-data'],
      ] as const) {
        const path = built[variant]!;
        const b = await withoutHeader(path);
        const info = inspectBytes(b, variant);
        expect(info.go?.goVersion, variant).toBe(expected[path]);
        expect(info.go?.goVersionSource, variant).toBe(source);
        expect(info.go?.path).toBe('example.com/noheader');
        // Untouched, the header answers, as `go version` does.
        const whole = inspectBytes(await readFile(path), variant);
        expect(whole.go?.goVersionSource).toBe('buildinfo');
        expect(whole.go?.goVersion).toBe(expected[path]);
      }
    });
  }

  it('linux-amd64 with .go.buildinfo removed by objcopy: `go version` gives up, we do not', async () => {
    // binutils' objcopy (in the machine image) takes the section out, as a patched linker would
    // leave it out; the module info stays in the read-only data, where runtime.modinfo points.
    const src = built['linux-amd64']!;
    const out = join(dir, 'objcopied');
    await run('objcopy', ['--remove-section', '.go.buildinfo', src, out]);
    await run('objcopy', ['--remove-section', '.go.buildinfo', '--strip-all', src, `${out}-s`]);
    for (const [file, source] of [
      [out, 'symtab'],
      [`${out}-s`, 'runtime-data'],
    ] as const) {
      const said = spawnSync(findGo()!.bin, ['version', '-m', file], { encoding: 'utf8' });
      expect(said.stdout + said.stderr).toContain('not a Go executable');
      const bytes = await readFile(file);
      expect(readObjectFile(bytes, 'elf')!.sections.map((s) => s.name)).not.toContain(
        '.go.buildinfo',
      );
      const info = inspectBytes(bytes, file);
      expect(info.go?.goVersion).toBe(expected[src]);
      expect(info.go?.goVersionSource).toBe(source);
      expect(info.go?.main?.path).toBe('example.com/noheader');
    }
  });
});
