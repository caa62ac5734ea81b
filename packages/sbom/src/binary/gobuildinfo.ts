import type { GoBuildInfo, GoModule } from '../model.js';
import { readUvarint } from './leb.js';

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
 */
export function findModinfo(
  buf: Buffer,
  from: number,
  to: number,
  exclude: readonly [number, number][] = [],
): Omit<GoBuildInfo, 'goVersion'> | undefined {
  let pos = from;
  for (let tries = 0; tries < 64; tries++) {
    const s = buf.indexOf(INFO_START, pos);
    if (s < 0 || s + 16 > to) return undefined;
    pos = s + 1;
    if (exclude.some(([a, b]) => s >= a && s < b)) continue;
    const e = buf.indexOf(INFO_END, s + 16);
    if (e < 0 || e > to || e - s > MAX_MODINFO) continue;
    try {
      const info = parseModinfo(buf.subarray(s + 16, e).toString('utf8'));
      if (info.path !== undefined || info.main !== undefined) return info;
    } catch {
      // Not module info after all; keep looking.
    }
  }
  return undefined;
}

/**
 * The Go version from the `\xff Go buildinf:` header of ELF, Mach-O and PE binaries (Go >= 1.18
 * inlines the version string after the 32-byte header). Older layouts hold pointers: undefined.
 */
export function findGoVersion(
  buf: Buffer,
  exclude: readonly [number, number][] = [],
): string | undefined {
  let pos = 0;
  for (let tries = 0; tries < 64; tries++) {
    const s = buf.indexOf(BUILDINFO_MAGIC, pos);
    if (s < 0) return undefined;
    pos = s + 1;
    if (s % 16 !== 0 || s + 32 > buf.length || exclude.some(([a, b]) => s >= a && s < b)) continue;
    const flags = buf[s + 15]!;
    if ((flags & 0x2) === 0) continue;
    try {
      const [len, p] = readUvarint(buf, s + 32, buf.length);
      if (len > 256 || p + len > buf.length) continue;
      const v = buf.subarray(p, p + len).toString('utf8');
      if (/^(go\d|devel)/.test(v)) return v;
    } catch {
      // truncated: not a header
    }
  }
  return undefined;
}
