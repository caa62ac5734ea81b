import { readUleb128 } from '@build-artifact/core';
import type { GoBuildInfo, GoModule } from '../model.js';
import { type ObjectFile, offsetOfAddress, readWord, symbolAddress } from './objfile.js';

export const INFO_START = Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex');
export const INFO_END = Buffer.from('f932433186182072008242104116d8f2', 'hex');
const BUILDINFO_MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const MAX_MODINFO = 4 * 1024 * 1024;

/** Go's strconv.Quote'd values in `build` lines. */
function unquoteGo(value: string): string {
  if (!value.startsWith('"')) return value;
  try {
    return JSON.parse(value) as string;
  } catch {
    return value.slice(1, -1);
  }
}

/** The module info text cmd/go writes between the sentinels. */
export function parseModinfo(text: string): Omit<GoBuildInfo, 'goVersion'> {
  const info: Omit<GoBuildInfo, 'goVersion'> = { deps: [], settings: {} };
  let last: GoModule | undefined;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const f = line.split('\t');
    const mod = (): GoModule => {
      if (f.length < 3 || !f[1]) throw new RangeError(`bad module line "${line.slice(0, 80)}"`);
      const m: GoModule = { path: f[1], version: f[2] ?? '' };
      if (f[3]) m.sum = f[3];
      return m;
    };
    switch (f[0]) {
      case 'path':
        info.path = f[1] ?? '';
        break;
      case 'mod':
        last = info.main = mod();
        break;
      case 'dep':
        last = mod();
        info.deps.push(last);
        break;
      case '=>':
        if (!last) throw new RangeError('replacement before any module');
        last.replace = mod();
        last = undefined;
        break;
      case 'build': {
        const kv = f.slice(1).join('\t');
        const eq = kv.startsWith('"') ? kv.indexOf('=', kv.indexOf('"', 1) + 1) : kv.indexOf('=');
        if (eq > 0) info.settings[unquoteGo(kv.slice(0, eq))] = unquoteGo(kv.slice(eq + 1));
        break;
      }
      default:
        throw new RangeError(`unknown build info line "${line.slice(0, 80)}"`);
    }
  }
  return info;
}

/**
 * Finds the sentinel-wrapped module info in `buf[from, to)`, skipping `exclude` ranges (modules
 * embedded in this file carry their own). Returns the first that parses.
 *
 * Linear in the bytes searched, however many sentinels a file holds: module info is UTF-8 text,
 * which cannot contain the start sentinel (0xaf cannot follow an ASCII byte), so of several
 * starts before one end only the last can open real module info, and it alone is parsed. The
 * search then resumes after that end.
 */
export function findModinfo(
  buf: Buffer,
  from: number,
  to: number,
  exclude: readonly [number, number][] = [],
): Omit<GoBuildInfo, 'goVersion'> | undefined {
  for (const [lo, hi] of partsOutside(from, to, exclude)) {
    // Searched through a view ending at the part's end: a search that finds nothing in the
    // part stops there, not at the end of the file (once per part, once per embedded module).
    const view = buf.subarray(0, hi);
    let pos = lo;
    while (pos < hi) {
      const first = view.indexOf(INFO_START, pos);
      if (first < 0 || first + 32 > hi) break;
      const e = view.indexOf(INFO_END, first + 16);
      if (e < 0 || e + 16 > hi) break;
      const s = view.lastIndexOf(INFO_START, e - 16);
      pos = e + 16;
      if (e - s - 16 > MAX_MODINFO) continue;
      try {
        const info = parseModinfo(buf.subarray(s + 16, e).toString('utf8'));
        if (info.path !== undefined || info.main !== undefined) return info;
      } catch {
        // Not module info after all; keep looking.
      }
    }
  }
  return undefined;
}

/** The parts of [from, to) outside the excluded ranges, in order. */
function partsOutside(
  from: number,
  to: number,
  exclude: readonly [number, number][],
): [number, number][] {
  const parts: [number, number][] = [];
  let at = from;
  for (const [a, b] of [...exclude].sort((x, y) => x[0] - y[0])) {
    if (a > at) parts.push([at, Math.min(a, to)]);
    at = Math.max(at, b);
  }
  if (at < to) parts.push([at, to]);
  return parts;
}

/** Where `needle` starts in `buf` outside the excluded ranges, in order (it may run into one). */
function* hitsOutside(
  buf: Buffer,
  needle: Buffer,
  exclude: readonly [number, number][],
): Generator<number> {
  for (const [lo, hi] of partsOutside(0, buf.length, exclude)) {
    // A view ending where a match starting before `hi` ends: the search stops there.
    const view = buf.subarray(0, Math.min(buf.length, hi + needle.length - 1));
    for (let s = view.indexOf(needle, lo); s >= 0 && s < hi; s = view.indexOf(needle, s + 1))
      yield s;
  }
}

/**
 * Whether an offset falls in one of `ranges` (embedded modules, whose contents are theirs): the
 * ranges merged and sorted once, each question a binary search. Searches ask once per hit, and
 * a file can hold millions of hits and over a hundred embedded modules.
 */
function inRanges(ranges: readonly [number, number][]): (offset: number) => boolean {
  if (ranges.length === 0) return () => false;
  const merged: [number, number][] = [];
  for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return (offset) => {
    let lo = 0;
    let hi = merged.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const [a, b] = merged[mid]!;
      if (offset < a) hi = mid - 1;
      else if (offset >= b) lo = mid + 1;
      else return true;
    }
    return false;
  };
}

/** How the Go version of a binary was found (the BOM says which). */
export type GoVersionSource = NonNullable<GoBuildInfo['goVersionSource']>;

/** What `runtime.buildVersion` holds: `go1.23.5`, `go1.24rc1`, `devel go1.25-abc...`, ` X:...`. */
const VERSION_RE =
  /^(?:go1\.\d+(?:\.\d+)?(?:(?:rc|beta)\d+)?|devel [\x21-\x7e]+(?: [\x21-\x7e]+)*?)(?: X:[\x21-\x7e]+)?$/;
const MAX_VERSION = 128;

/** A Go string header `{ptr, len}` at a file offset, as the version it points at. */
function versionAt(obj: ObjectFile, buf: Buffer, headerOffset: number): string | undefined {
  const ptr = readWord(obj, buf, headerOffset);
  const len = readWord(obj, buf, headerOffset + obj.ptrSize);
  if (ptr === undefined || len === undefined || len === 0 || len > MAX_VERSION) return undefined;
  const at = offsetOfAddress(obj, ptr, len);
  if (at === undefined) return undefined;
  const v = buf.toString('latin1', at, at + len);
  return VERSION_RE.test(v) ? v : undefined;
}

/**
 * The Go version from the `\xff Go buildinf:` header that `go version` reads (section
 * `.go.buildinfo` / `__go_buildinfo`, or near the start of the data). Go >= 1.18 inlines the
 * version string after the 32-byte header; older releases put the addresses of the
 * `runtime.buildVersion` and `runtime.modinfo` variables there, read through `obj`.
 */
export function findGoVersion(
  buf: Buffer,
  exclude: readonly [number, number][] = [],
  obj?: ObjectFile,
): string | undefined {
  // Every occurrence outside the excluded ranges is tried (each costs a constant beyond the
  // search, which moves forward): decoys placed before the real header cannot hide it. The
  // excluded ranges (embedded modules, most of a CLI that embeds one) are not searched at all.
  for (const s of hitsOutside(buf, BUILDINFO_MAGIC, exclude)) {
    if (s % 16 !== 0 || s + 32 > buf.length) continue;
    const flags = buf[s + 15]!;
    if ((flags & 0x2) === 0) {
      // Pointers: to the runtime.buildVersion string header (endianness in bit 0).
      const ptrSize = buf[s + 14];
      if (!obj || ptrSize !== obj.ptrSize || (flags & 1) !== (obj.littleEndian ? 0 : 1)) continue;
      const addr = readWord(obj, buf, s + 16);
      const header = addr === undefined ? undefined : offsetOfAddress(obj, addr, 2 * obj.ptrSize);
      const v = header === undefined ? undefined : versionAt(obj, buf, header);
      if (v) return v;
      continue;
    }
    try {
      // Go's uvarint: LEB128 of up to 10 bytes; values past 2^53 are refused (8 bytes here).
      const [len, p] = readUleb128(buf, s + 32, buf.length, 8);
      if (len > 256 || p + len > buf.length) continue;
      const v = buf.subarray(p, p + len).toString('utf8');
      if (/^(go\d|devel)/.test(v)) return v;
    } catch {
      // truncated: not a header
    }
  }
  return undefined;
}

/** Sections Go's linker writes: a file with one of them is a Go program. */
const GO_SECTIONS = new Set([
  '.gopclntab',
  '.data.rel.ro.gopclntab',
  '.go.module',
  '.note.go.buildid',
  '__gopclntab',
]);

/** More "go1." strings than this in one file: not a binary whose version we can tell. */
const MAX_VERSION_CANDIDATES = 4096;

/**
 * The Go version of a binary without the buildinfo header (a linker that leaves out
 * `.go.buildinfo`: `go version` then says "not a Go executable"), from where the runtime keeps it
 * for `runtime.Version()`: the string variable `runtime.buildVersion`, which the linker sets
 * (cmd/link: addstrdata1 "runtime.buildVersion=...") to a `{ptr, len}` header in the data
 * pointing at the version's bytes.
 *
 * With a symbol table, the symbol gives the variable's address (`symtab`). Stripped, the data
 * sections are searched for string headers pointing at a version-shaped string (`runtime-data`),
 * in files that are Go programs (module info found, or a section only Go's linker writes); the
 * answer counts only if exactly one distinct version is pointed at. One pass over the loaded
 * read-only bytes for candidates and one over the writable words for headers: linear.
 */
export function findRuntimeVersion(
  buf: Buffer,
  obj: ObjectFile,
  exclude: readonly [number, number][],
  isGo: boolean,
): { version: string; source: GoVersionSource } | undefined {
  const sym = symbolAddress(obj, buf, 'runtime.buildVersion');
  if (sym !== undefined) {
    const header = offsetOfAddress(obj, sym, 2 * obj.ptrSize);
    const v = header === undefined ? undefined : versionAt(obj, buf, header);
    if (v) return { version: v, source: 'symtab' };
  }
  if (!isGo && !obj.sections.some((s) => s.name !== undefined && GO_SECTIONS.has(s.name)))
    return undefined;
  const excluded = inRanges(exclude);
  // Loaded sections by file offset; bytes covered by an earlier one are not searched twice.
  const loaded = obj.sections
    .filter((s) => s.addr !== 0 && s.size > 0)
    .sort((a, b) => a.offset - b.offset);
  const candidates = new Map<number, number>(); // address -> file offset
  let covered = 0;
  for (const s of loaded) {
    const from = Math.max(s.offset, covered);
    const end = s.offset + s.size;
    covered = Math.max(covered, end);
    if (s.writable || from >= end) continue;
    const bytes = buf.subarray(from, end);
    for (const prefix of ['go1.', 'devel go1']) {
      for (let i = bytes.indexOf(prefix, 0, 'latin1'); i >= 0; i = bytes.indexOf(prefix, i + 1)) {
        const hit = from + i;
        if (!excluded(hit)) candidates.set(s.addr + (hit - s.offset), hit);
        if (candidates.size > MAX_VERSION_CANDIDATES) return undefined;
      }
    }
  }
  if (candidates.size === 0) return undefined;
  const found = new Set<string>();
  const w = obj.ptrSize;
  covered = 0;
  for (const s of loaded) {
    let at = Math.max(s.offset, covered);
    const end = s.offset + s.size;
    covered = Math.max(covered, end);
    if (!s.writable) continue;
    // Go aligns pointers: headers sit at pointer-aligned addresses.
    at += (w - ((s.addr + (at - s.offset)) % w)) % w;
    for (; at + 2 * w <= end; at += w) {
      const str = candidates.get(readWord(obj, buf, at) ?? -1);
      if (str === undefined) continue;
      const len = readWord(obj, buf, at + w);
      if (len === undefined || len === 0 || len > MAX_VERSION || str + len > buf.length) continue;
      const v = buf.toString('latin1', str, str + len);
      if (VERSION_RE.test(v)) found.add(v);
    }
  }
  if (found.size !== 1) return undefined;
  return { version: [...found][0]!, source: 'runtime-data' };
}
