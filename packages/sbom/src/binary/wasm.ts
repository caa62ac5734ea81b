import {
  readUleb128 as readUleb,
  WASM_COMPONENT_HEADER,
  WASM_MODULE_HEADER,
} from '@build-artifact/core';

/** The wasm magic, and the version words of a core module and a component: core's headers. */
export const WASM_MAGIC = Buffer.from(WASM_MODULE_HEADER.subarray(0, 4));
export const CORE_VERSION = Buffer.from(WASM_MODULE_HEADER.subarray(4, 8));
export const COMPONENT_VERSION = Buffer.from(WASM_COMPONENT_HEADER.subarray(4, 8));

export interface WasmSection {
  id: number;
  /** Payload range (after the id and size). */
  start: number;
  end: number;
  /** Custom sections: their name; `start` then points past the name. */
  name?: string;
}

export interface WasmWalk {
  kind: 'module' | 'component';
  /** Where the last well-formed section ends. */
  end: number;
  /** Where the last section that is not a custom one ends. */
  endOfLastNonCustom: number;
  /** How many sections were walked. */
  sections: number;
  /** The ids of the sections seen, as bits: `ids & (1 << 10)` for a code section. */
  ids: number;
  /** The walk stopped at `maxSections`, not at the end or at a malformed section. */
  stoppedAtMax: boolean;
}

// Order of the non-custom sections of a core module (datacount 12 sits before code 10, tag 13
// between memory and global).
const CORE_ORDER: readonly number[] = [0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 11, 6];

/** Custom section names a search accepts: what toolchains write is short, printable ASCII. */
const MAX_SEARCH_NAME = 64;

function readName(buf: Uint8Array, pos: number, end: number): [string, number] {
  const [len, p] = readUleb(buf, pos, end);
  if (p + len > end) throw new RangeError('name past the section end');
  return [Buffer.from(buf.buffer, buf.byteOffset + p, len).toString('utf8'), p + len];
}

/** Which sections a walk hands to its visitor (all, without this). */
export interface WasmVisitFilter {
  /** Non-custom sections with these ids, as bits (`1 << 11` for data). */
  ids: number;
  /** Custom sections with these names. */
  customNames: readonly string[];
}

/**
 * Walks the sections of the wasm module or component at `offset`, handing those `filter` names
 * to `visit` (the walk keeps none: a file of millions of tiny sections costs no memory, and
 * sections nobody asked for cost no object). With `strict`, anything malformed throws; without it
 * (searching a module embedded in another file, which has no length header) the walk stops at the
 * first byte that cannot continue a well-formed module, and `end` is where the module most likely
 * ends. It also stops after `maxSections`.
 */
export function walkWasm(
  buf: Uint8Array,
  offset: number,
  limit: number,
  strict: boolean,
  visit?: (section: WasmSection) => void,
  options: { maxSections?: number; filter?: WasmVisitFilter } = {},
): WasmWalk {
  const maxSections = options.maxSections ?? Number.POSITIVE_INFINITY;
  const filter = options.filter;
  const wantedNames = filter?.customNames.map((n) => Buffer.from(n, 'utf8'));
  if (limit - offset < 8 || !WASM_MAGIC.equals(buf.subarray(offset, offset + 4))) {
    throw new RangeError('no wasm magic');
  }
  const ver = buf.subarray(offset + 4, offset + 8);
  const kind = CORE_VERSION.equals(ver)
    ? 'module'
    : COMPONENT_VERSION.equals(ver)
      ? 'component'
      : undefined;
  if (!kind) throw new RangeError('unknown wasm version');
  const walk: WasmWalk = {
    kind,
    end: offset + 8,
    endOfLastNonCustom: offset + 8,
    sections: 0,
    ids: 0,
    stoppedAtMax: false,
  };
  // The hot loop of a search through a file of millions of sections: no exceptions, no objects
  // unless a visitor wants them, one-byte LEB128s read inline.
  const core = kind === 'module';
  let pos = offset + 8;
  let order = 0;
  let stop: string | undefined;
  while (pos < limit) {
    if (walk.sections >= maxSections) {
      walk.stoppedAtMax = true;
      break;
    }
    const id = buf[pos]!;
    if (core ? id !== 0 && !(CORE_ORDER[id]! > 0) : id > 11) {
      stop = `unknown section id ${id}`;
      break;
    }
    let size: number;
    let start: number;
    if (pos + 2 <= limit && buf[pos + 1]! < 0x80) {
      size = buf[pos + 1]!;
      start = pos + 2;
    } else {
      const leb = tryUleb(buf, pos + 1, limit);
      if (typeof leb === 'string') {
        stop = leb;
        break;
      }
      [size, start] = leb;
    }
    const end = start + size;
    if (end > limit) {
      stop = `section ${id} of ${size} bytes runs past the end`;
      break;
    }
    let nameAt = start;
    let nameLen = 0;
    if (id === 0) {
      const leb =
        start < end && buf[start]! < 0x80 ? [buf[start]!, start + 1] : tryUleb(buf, start, end);
      if (typeof leb === 'string') {
        stop = leb;
        break;
      }
      [nameLen, nameAt] = leb;
      if (nameAt + nameLen > end) {
        stop = 'name past the section end';
        break;
      }
      // Searching, a "custom section" whose name is not short printable ASCII is the next
      // file's bytes.
      if (
        !strict &&
        (nameLen < 1 || nameLen > MAX_SEARCH_NAME || !printable(buf, nameAt, nameLen))
      ) {
        stop = 'not a custom section';
        break;
      }
    } else {
      if (core) {
        const o = CORE_ORDER[id]!;
        if (o <= order) {
          stop = `section ${id} out of order`;
          break;
        }
        order = o;
      }
      walk.endOfLastNonCustom = end;
    }
    walk.sections++;
    walk.ids |= 1 << id;
    pos = end;
    if (!visit) continue;
    if (filter) {
      if (id !== 0 ? (filter.ids & (1 << id)) === 0 : !wanted(buf, nameAt, nameLen, wantedNames!))
        continue;
    }
    const section: WasmSection = { id, start, end };
    if (id === 0) {
      section.name = Buffer.from(buf.buffer, buf.byteOffset + nameAt, nameLen).toString('utf8');
      section.start = nameAt + nameLen;
    }
    visit(section);
  }
  if (stop !== undefined && strict) throw new RangeError(stop);
  walk.end = pos;
  return walk;
}

/** readUleb, with what is wrong as a string instead of an exception. */
function tryUleb(buf: Uint8Array, pos: number, end: number): [number, number] | string {
  try {
    return readUleb(buf, pos, end);
  } catch (err) {
    return (err as Error).message;
  }
}

function wanted(buf: Uint8Array, at: number, length: number, names: readonly Buffer[]): boolean {
  for (const n of names) {
    if (n.length !== length) continue;
    let i = 0;
    while (i < length && buf[at + i] === n[i]) i++;
    if (i === length) return true;
  }
  return false;
}

function printable(buf: Uint8Array, at: number, length: number): boolean {
  for (let i = at; i < at + length; i++) if (buf[i]! < 0x20 || buf[i]! > 0x7e) return false;
  return true;
}

/** The `producers` custom section: field -> (name -> version). */
export function parseProducers(
  buf: Uint8Array,
  start: number,
  end: number,
): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  let [fields, pos] = readUleb(buf, start, end);
  if (fields > 64) throw new RangeError('too many producers fields');
  while (fields-- > 0) {
    const [field, p1] = readName(buf, pos, end);
    let [count, p2] = readUleb(buf, p1, end);
    if (count > 1024) throw new RangeError('too many producers values');
    const values: Record<string, string> = {};
    pos = p2;
    while (count-- > 0) {
      const [name, p3] = readName(buf, pos, end);
      const [version, p4] = readName(buf, p3, end);
      values[name] = version;
      pos = p4;
    }
    out[field] = values;
  }
  return out;
}
