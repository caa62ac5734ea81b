import { readUleb } from './leb.js';

export const WASM_MAGIC = Buffer.from([0x00, 0x61, 0x73, 0x6d]);
export const CORE_VERSION = Buffer.from([0x01, 0x00, 0x00, 0x00]);
export const COMPONENT_VERSION = Buffer.from([0x0d, 0x00, 0x01, 0x00]);

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
const CORE_ORDER: Record<number, number> = {
  1: 1,
  2: 2,
  3: 3,
  4: 4,
  5: 5,
  13: 6,
  6: 7,
  7: 8,
  8: 9,
  9: 10,
  12: 11,
  10: 12,
  11: 13,
};

/** Custom section names a search accepts: what toolchains write is short, printable ASCII. */
const MAX_SEARCH_NAME = 64;

function readName(buf: Uint8Array, pos: number, end: number): [string, number] {
  const [len, p] = readUleb(buf, pos, end);
  if (p + len > end) throw new RangeError('name past the section end');
  return [Buffer.from(buf.buffer, buf.byteOffset + p, len).toString('utf8'), p + len];
}

/**
 * Walks the sections of the wasm module or component at `offset`, handing each to `visit` (the
 * walk keeps none: a file of millions of tiny sections costs no memory). With `strict`, anything
 * malformed throws; without it (searching a module embedded in another file, which has no length
 * header) the walk stops at the first byte that cannot continue a well-formed module, and `end` is
 * where the module most likely ends. It also stops after `maxSections`.
 */
export function walkWasm(
  buf: Uint8Array,
  offset: number,
  limit: number,
  strict: boolean,
  visit?: (section: WasmSection) => void,
  maxSections = Number.POSITIVE_INFINITY,
): WasmWalk {
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
  let pos = offset + 8;
  let order = 0;
  while (pos < limit) {
    if (walk.sections >= maxSections) {
      walk.stoppedAtMax = true;
      break;
    }
    let section: WasmSection;
    try {
      const id = buf[pos]!;
      if (kind === 'module' ? id !== 0 && CORE_ORDER[id] === undefined : id > 11) {
        throw new RangeError(`unknown section id ${id}`);
      }
      const [size, start] = readUleb(buf, pos + 1, limit);
      const end = start + size;
      if (end > limit) throw new RangeError(`section ${id} of ${size} bytes runs past the end`);
      section = { id, start, end };
      if (id === 0) {
        if (!strict) {
          // A "custom section" whose name is not short printable ASCII is the next file's bytes;
          // the length is checked before anything is decoded.
          const [len, p] = readUleb(buf, start, end);
          if (len < 1 || len > MAX_SEARCH_NAME || p + len > end)
            throw new RangeError('not a custom section');
        }
        const [name, after] = readName(buf, start, end);
        if (!strict && !/^[\x20-\x7e]+$/.test(name)) throw new RangeError('not a custom section');
        section.name = name;
        section.start = after;
      } else {
        if (kind === 'module') {
          const o = CORE_ORDER[id]!;
          if (o <= order) throw new RangeError(`section ${id} out of order`);
          order = o;
        }
        walk.endOfLastNonCustom = end;
      }
    } catch (err) {
      if (strict) throw err;
      break;
    }
    walk.sections++;
    walk.ids |= 1 << section.id;
    pos = section.end;
    // Outside the try: what the visitor throws is its own error, never the end of the walk.
    visit?.(section);
  }
  walk.end = pos;
  return walk;
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
