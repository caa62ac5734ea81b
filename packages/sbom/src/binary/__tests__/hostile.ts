/**
 * Generators of hostile binaries: each builds, byte by byte, an input whose naive reading costs
 * quadratic time or unbounded memory. Sizes are parameters so tests and benchmarks share them:
 * bench/sbom-hostile.mjs imports this file as it is (Node strips the types), so it imports
 * nothing but Node's own modules.
 */
import { deflateSync } from 'node:zlib';

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    const b = n & 0x7f;
    n = Math.floor(n / 128);
    out.push(n === 0 ? b : b | 0x80);
  } while (n !== 0);
  return out;
}

function section(id: number, payload: number[]): number[] {
  return [id, ...uleb(payload.length), ...payload];
}

function custom(name: string, payload: Uint8Array): Buffer {
  const n = Buffer.from(name, 'latin1');
  const body = Buffer.concat([Buffer.from(uleb(n.length)), n, payload]);
  return Buffer.concat([Buffer.from([0, ...uleb(body.length)]), body]);
}

const WASM_CORE = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const WASM_COMPONENT = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00]);

/** A 64-bit little-endian ELF header with no sections: a host for embedded bytes. */
export function elfHost(payload: Buffer): Buffer {
  const head = Buffer.alloc(64);
  head.write('\x7fELF', 0, 'latin1');
  head[4] = 2; // 64-bit
  head[5] = 1; // little-endian
  head[6] = 1;
  return Buffer.concat([head, payload]);
}

/**
 * An ELF with `sections` section headers whose section-name string table is `strtabBytes` bytes
 * without a single NUL, each header naming an offset in it. Reading each name up to its NUL scans
 * to the end of the table once per section.
 */
export function elfStrtabWithoutNul(sections: number, strtabBytes: number): Buffer {
  const shoff = 64;
  const strtabOff = shoff + sections * 64;
  const b = Buffer.alloc(strtabOff + strtabBytes, 0x41); // 'A' everywhere in the table
  b.fill(0, 0, strtabOff);
  b.write('\x7fELF', 0, 'latin1');
  b[4] = 2;
  b[5] = 1;
  b[6] = 1;
  b.writeBigUInt64LE(BigInt(shoff), 0x28);
  b.writeUInt16LE(64, 0x3a);
  b.writeUInt16LE(sections, 0x3c);
  b.writeUInt16LE(1, 0x3e); // section 1 is the string table
  for (let i = 0; i < sections; i++) {
    const o = shoff + i * 64;
    b.writeUInt32LE(i % 1024, o); // sh_name: somewhere near the table's start
    b.writeUInt32LE(i === 1 ? 3 : 1, o + 4); // SHT_STRTAB / SHT_PROGBITS
    b.writeBigUInt64LE(BigInt(strtabOff), o + 0x18);
    b.writeBigUInt64LE(BigInt(i === 1 ? strtabBytes : 0), o + 0x20);
  }
  return b;
}

/** A thin 64-bit Mach-O of `commands` LC_SEGMENT_64 commands of one section each. */
export function machoManyCommands(commands: number): Buffer {
  const cmdSize = 72 + 80;
  const b = Buffer.alloc(32 + commands * cmdSize);
  b.writeUInt32LE(0xfeedfacf, 0);
  b.writeUInt32LE(commands, 16);
  b.writeUInt32LE(commands * cmdSize, 20);
  for (let i = 0; i < commands; i++) {
    const o = 32 + i * cmdSize;
    b.writeUInt32LE(0x19, o);
    b.writeUInt32LE(cmdSize, o + 4);
    b.writeUInt32LE(1, o + 64);
    b.write('__text', o + 72, 'latin1');
  }
  return b;
}

/** A PE of `sections` section headers (the COFF maximum is 65,535). */
export function peManySections(sections: number): Buffer {
  const table = 0x40 + 24;
  const b = Buffer.alloc(table + sections * 40);
  b.write('MZ', 0, 'latin1');
  b.writeUInt32LE(0x40, 0x3c);
  b.write('PE\0\0', 0x40, 'latin1');
  b.writeUInt16LE(sections, 0x40 + 6);
  for (let i = 0; i < sections; i++) b.write('.text', table + i * 40, 'latin1');
  return b;
}

/** The smallest custom section: a one-letter name, no payload (4 bytes). */
const TINY_CUSTOM = Buffer.from([0, 2, 1, 0x61]);

/**
 * A core module candidate whose code does not validate, followed by enough tiny custom sections
 * to fill `bytes`: trying each section end as the module's end validates once per section.
 */
export function invalidModuleThenCustoms(bytes: number): Buffer {
  const head = Buffer.concat([
    WASM_CORE,
    Buffer.from(section(1, [1, 0x60, 0, 0])),
    Buffer.from(section(3, [1, 0])),
    Buffer.from(section(10, [1, 2, 0, 0xff])), // a body that does not end: invalid
  ]);
  const count = Math.max(0, Math.floor((bytes - head.length) / TINY_CUSTOM.length));
  return Buffer.concat([head, Buffer.alloc(count * TINY_CUSTOM.length)]).fill(
    TINY_CUSTOM,
    head.length,
  );
}

/**
 * `depth` wasm magics, each inside a custom section of the one before, all of those sections
 * ending where a chain of tiny custom sections filling `tailBytes` starts: every candidate walks
 * the whole chain again.
 */
export function nestedCandidates(depth: number, tailBytes: number): Buffer {
  let inner: Buffer = Buffer.from(WASM_CORE);
  for (let i = 1; i < depth; i++) inner = Buffer.concat([WASM_CORE, custom('n', inner)]);
  const count = Math.floor(tailBytes / TINY_CUSTOM.length);
  const tail = Buffer.alloc(count * TINY_CUSTOM.length).fill(TINY_CUSTOM);
  return Buffer.concat([inner, tail]);
}

/** A core module of `count` tiny custom sections (what a walk that keeps every section fills memory with). */
export function moduleOfTinyCustoms(count: number): Buffer {
  return Buffer.concat([WASM_CORE, Buffer.alloc(count * TINY_CUSTOM.length).fill(TINY_CUSTOM)]);
}

/**
 * A component of `modules` core modules, each with a `.dep-v0` that inflates to just under the
 * per-section cap (valid JSON padded with spaces): small on disk, ~1000 times that inflated.
 */
export function componentOfDepV0Bombs(modules: number, inflatedBytes: number): Buffer {
  const json = Buffer.alloc(inflatedBytes, 0x20);
  json.write('{"packages":[]}', 0, 'latin1');
  const bomb = deflateSync(json, { level: 9 });
  const core = Buffer.concat([WASM_CORE, custom('.dep-v0', bomb)]);
  const one = Buffer.concat([Buffer.from([1, ...uleb(core.length)]), core]);
  return Buffer.concat([WASM_COMPONENT, ...Array.from({ length: modules }, () => one)]);
}

export const INFO_START = Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex');
export const INFO_END = Buffer.from('f932433186182072008242104116d8f2', 'hex');

/** `starts` module-info start sentinels, each followed by `gap` bytes of junk, then real module info. */
export function manyModinfoStarts(starts: number, gap: number, modinfo: string): Buffer {
  const junk = Buffer.concat([INFO_START, Buffer.alloc(gap, 0x78)]);
  return Buffer.concat([
    ...Array.from({ length: starts }, () => junk),
    INFO_START,
    Buffer.from(modinfo),
    INFO_END,
  ]);
}
