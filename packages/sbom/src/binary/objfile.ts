import { detectBinaryFormat } from '@build-artifact/core';
import type { BinaryFormat } from '../model.js';

/** The container format from the first bytes, or undefined. */
/** The format the first bytes of a file say (core's sniffer, shared with the OCI client). */
export const detectFormat: (buf: Uint8Array) => BinaryFormat | undefined = detectBinaryFormat;

export class SectionError extends RangeError {}

function check(cond: boolean, what: string): void {
  if (!cond) throw new SectionError(what);
}

/**
 * Longest section or symbol name read. Names are compared, never searched for: a string table
 * without NUL bytes must not make each name a scan to the end of the file (that made a 14 MB
 * ELF with 65,535 sections take minutes).
 */
const MAX_NAME = 256;

/** A section of an ELF, Mach-O or PE file. */
export interface ObjectSection {
  /** Undefined when longer than we read (no name we look for is). */
  name: string | undefined;
  /** Where it is loaded (0 for sections that are not). */
  addr: number;
  /** Its bytes in the file: [offset, offset + size); size 0 when it has none (.bss). */
  offset: number;
  size: number;
  writable: boolean;
  /** Its header claims file bytes past the end of the file. */
  pastEnd: boolean;
}

interface SymbolTable {
  /** File offset and count of the entries. */
  offset: number;
  count: number;
  /** The string table the entries' names point into. */
  strOffset: number;
  strSize: number;
}

/** What the readers need of a native binary: its sections, pointer size and symbols. */
export interface ObjectFile {
  format: 'elf' | 'macho' | 'pe';
  ptrSize: 4 | 8;
  littleEndian: boolean;
  sections: ObjectSection[];
  /** PE: addresses in the file are the image base plus a section's relative address. */
  imageBase: number;
  symtab?: SymbolTable;
}

/** The NUL-terminated name at `start` (at most MAX_NAME bytes, not past `limit`). */
function nameAt(buf: Buffer, start: number, limit: number): string | undefined {
  const end = Math.min(limit, start + MAX_NAME, buf.length);
  if (start >= end) return start === limit ? '' : undefined;
  const nul = buf.subarray(start, end).indexOf(0);
  if (nul >= 0) return buf.toString('latin1', start, start + nul);
  return end === limit ? buf.toString('latin1', start, end) : undefined;
}

/** Whether the NUL-terminated string at `at` (before `limit`) is exactly `name`. */
function nameIs(buf: Buffer, at: number, limit: number, name: Buffer): boolean {
  const end = at + name.length;
  if (end > limit) return false;
  if (end < limit && buf[end] !== 0) return false;
  return buf.compare(name, 0, name.length, at, end) === 0;
}

const toNumber = (v: bigint): number =>
  v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);

/**
 * Reads the section table (and where the symbol table is) of an ELF, 64-bit Mach-O or PE file.
 * Undefined for formats not read here (32-bit and big-endian Mach-O, fat files). Throws
 * SectionError when the headers point outside the file.
 */
export function readObjectFile(buf: Buffer, format: BinaryFormat): ObjectFile | undefined {
  switch (format) {
    case 'elf':
      return readElf(buf);
    case 'macho':
      return readMacho(buf);
    case 'pe':
      return readPe(buf);
    default:
      return undefined;
  }
}

function readElf(buf: Buffer): ObjectFile {
  check(buf.length >= 52, 'ELF header truncated');
  const is64 = buf[4] === 2;
  const le = buf[5] !== 2;
  // Out-of-range reads throw Node's ERR_OUT_OF_RANGE, a RangeError: reported as malformed.
  const u16 = (o: number) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  // Sizes of sections with no file bytes (.bss) can be anything: clamp, check where used.
  const word = (o: number): number =>
    is64 ? toNumber(le ? buf.readBigUInt64LE(o) : buf.readBigUInt64BE(o)) : u32(o);
  const obj: ObjectFile = {
    format: 'elf',
    ptrSize: is64 ? 8 : 4,
    littleEndian: le,
    sections: [],
    imageBase: 0,
  };
  const shoff = word(is64 ? 0x28 : 0x20);
  const shentsize = u16(is64 ? 0x3a : 0x2e);
  const shnum = u16(is64 ? 0x3c : 0x30);
  const shstrndx = u16(is64 ? 0x3e : 0x32);
  if (shoff === 0 || shnum === 0) return obj;
  check(shentsize >= (is64 ? 64 : 40), 'ELF section header size too small');
  check(shoff + shnum * shentsize <= buf.length, 'ELF section headers past the end of the file');
  check(shstrndx < shnum, 'ELF string table index out of range');
  const header = (i: number) => {
    const o = shoff + i * shentsize;
    return {
      name: u32(o),
      type: u32(o + 4),
      flags: word(o + 8),
      addr: word(o + (is64 ? 0x10 : 0x0c)),
      offset: word(o + (is64 ? 0x18 : 0x10)),
      size: word(o + (is64 ? 0x20 : 0x14)),
      link: u32(o + (is64 ? 0x28 : 0x18)),
    };
  };
  const strtab = header(shstrndx);
  check(strtab.offset + strtab.size <= buf.length, 'ELF string table past the end of the file');
  const strEnd = strtab.offset + strtab.size;
  const headers = Array.from({ length: shnum }, (_, i) => header(i));
  for (const h of headers) {
    const noBits = h.type === 8; // SHT_NOBITS
    const inFile = !noBits && h.offset + h.size <= buf.length;
    obj.sections.push({
      name: h.name < strtab.size ? nameAt(buf, strtab.offset + h.name, strEnd) : undefined,
      addr: h.flags & 2 ? h.addr : 0, // SHF_ALLOC: loaded at addr
      offset: inFile ? h.offset : 0,
      size: inFile ? h.size : 0,
      writable: (h.flags & 1) !== 0,
      pastEnd: !noBits && !inFile,
    });
    if (h.type === 2 && h.link < shnum) {
      // SHT_SYMTAB, its names in the section sh_link names.
      const str = headers[h.link]!;
      const entry = is64 ? 24 : 16;
      if (h.offset + h.size <= buf.length && str.offset + str.size <= buf.length) {
        obj.symtab = {
          offset: h.offset,
          count: Math.floor(h.size / entry),
          strOffset: str.offset,
          strSize: str.size,
        };
      }
    }
  }
  return obj;
}

function readMacho(buf: Buffer): ObjectFile | undefined {
  check(buf.length >= 32, 'Mach-O header truncated');
  if (buf.readUInt32LE(0) !== 0xfeedfacf) return undefined; // 32-bit, big-endian, fat: not read
  const obj: ObjectFile = {
    format: 'macho',
    ptrSize: 8,
    littleEndian: true,
    sections: [],
    imageBase: 0,
  };
  const ncmds = buf.readUInt32LE(16);
  check(ncmds < 65536, 'Mach-O load command count implausible');
  let pos = 32;
  for (let i = 0; i < ncmds; i++) {
    check(pos + 8 <= buf.length, 'Mach-O load commands truncated');
    const cmd = buf.readUInt32LE(pos);
    const size = buf.readUInt32LE(pos + 4);
    check(size >= 8 && pos + size <= buf.length, 'Mach-O load command size out of range');
    if (cmd === 0x19) {
      // LC_SEGMENT_64
      check(size >= 72, 'Mach-O segment command truncated');
      const writable = (buf.readUInt32LE(pos + 60) & 2) !== 0; // initprot has VM_PROT_WRITE
      const nsects = buf.readUInt32LE(pos + 64);
      check(72 + nsects * 80 <= size, 'Mach-O section count past its command');
      for (let s = 0; s < nsects; s++) {
        const o = pos + 72 + s * 80;
        const addr = toNumber(buf.readBigUInt64LE(o + 32));
        const bytes = toNumber(buf.readBigUInt64LE(o + 40));
        const offset = buf.readUInt32LE(o + 48);
        const type = buf.readUInt32LE(o + 64) & 0xff;
        const zerofill = type === 0x1 || type === 0xc || type === 0x12;
        const inFile = !zerofill && offset + bytes <= buf.length;
        obj.sections.push({
          name: nameAt(buf, o, o + 16),
          addr,
          offset: inFile ? offset : 0,
          size: inFile ? bytes : 0,
          writable,
          pastEnd: !zerofill && !inFile,
        });
      }
    } else if (cmd === 0x2 && size >= 24) {
      // LC_SYMTAB
      const symoff = buf.readUInt32LE(pos + 8);
      const nsyms = buf.readUInt32LE(pos + 12);
      const stroff = buf.readUInt32LE(pos + 16);
      const strsize = buf.readUInt32LE(pos + 20);
      if (symoff + nsyms * 16 <= buf.length && stroff + strsize <= buf.length)
        obj.symtab = { offset: symoff, count: nsyms, strOffset: stroff, strSize: strsize };
    }
    pos += size;
  }
  return obj;
}

function readPe(buf: Buffer): ObjectFile {
  check(buf.length >= 0x40, 'PE header truncated');
  const pe = buf.readUInt32LE(0x3c);
  check(pe + 24 <= buf.length && buf.readUInt32BE(pe) === 0x50450000, 'no PE signature');
  const nsects = buf.readUInt16LE(pe + 6);
  const symoff = buf.readUInt32LE(pe + 12);
  const nsyms = buf.readUInt32LE(pe + 16);
  const optSize = buf.readUInt16LE(pe + 20);
  const opt = pe + 24;
  check(opt + optSize <= buf.length, 'PE optional header past the end of the file');
  const magic = optSize >= 2 ? buf.readUInt16LE(opt) : 0;
  const pe32plus = magic === 0x20b;
  let imageBase = 0;
  if (pe32plus && optSize >= 32) imageBase = toNumber(buf.readBigUInt64LE(opt + 24));
  else if (magic === 0x10b && optSize >= 32) imageBase = buf.readUInt32LE(opt + 28);
  const obj: ObjectFile = {
    format: 'pe',
    ptrSize: magic === 0x10b ? 4 : 8,
    littleEndian: true,
    sections: [],
    imageBase,
  };
  const table = opt + optSize;
  check(table + nsects * 40 <= buf.length, 'PE section table past the end of the file');
  for (let i = 0; i < nsects; i++) {
    const o = table + i * 40;
    const virtualSize = buf.readUInt32LE(o + 8);
    const rva = buf.readUInt32LE(o + 12);
    const rawSize = buf.readUInt32LE(o + 16);
    const offset = buf.readUInt32LE(o + 20);
    // The raw size is padded to the file alignment; the virtual size is the real length.
    const size = virtualSize > 0 ? Math.min(virtualSize, rawSize) : rawSize;
    const inFile = offset + size <= buf.length;
    obj.sections.push({
      name: nameAt(buf, o, o + 8),
      addr: imageBase + rva,
      offset: inFile ? offset : 0,
      size: inFile ? size : 0,
      writable: (buf.readUInt32LE(o + 36) & 0x80000000) !== 0,
      pastEnd: !inFile,
    });
  }
  // The COFF symbol table; its string table follows it, starting with its own size.
  const strOffset = symoff + nsyms * 18;
  if (symoff > 0 && nsyms > 0 && strOffset + 4 <= buf.length) {
    const strSize = buf.readUInt32LE(strOffset);
    if (strOffset + strSize <= buf.length)
      obj.symtab = { offset: symoff, count: nsyms, strOffset, strSize };
  }
  return obj;
}

/** A section's file range, by name, in an ELF, Mach-O (thin, 64-bit) or PE file. */
export function findSection(
  buf: Buffer,
  format: BinaryFormat,
  name: string,
): [number, number] | undefined {
  const obj = readObjectFile(buf, format);
  return obj && sectionRange(obj, buf, name);
}

/** The file range of the first section named `name` (undefined when it has no file bytes). */
export function sectionRange(
  obj: ObjectFile,
  buf: Buffer,
  name: string,
): [number, number] | undefined {
  const s = obj.sections.find((x) => x.name === name);
  if (!s) return undefined;
  check(
    !s.pastEnd && s.offset + s.size <= buf.length,
    `${label(obj)} section ${name} past the end of the file`,
  );
  return s.size === 0 ? undefined : [s.offset, s.offset + s.size];
}

const label = (obj: ObjectFile) =>
  obj.format === 'elf' ? 'ELF' : obj.format === 'macho' ? 'Mach-O' : 'PE';

const byAddress = new WeakMap<ObjectFile, ObjectSection[]>();

/**
 * The file offset of a loaded address, when a section with file bytes holds it. A binary search
 * over the loaded sections by address (sorted once per file): callers may ask once per candidate
 * in a file of many sections. Sections of honest files do not overlap; of overlapping ones only
 * the one starting last before the address is looked at.
 */
export function offsetOfAddress(obj: ObjectFile, addr: number, length = 1): number | undefined {
  let sorted = byAddress.get(obj);
  if (!sorted) {
    sorted = obj.sections.filter((s) => s.addr !== 0 && s.size > 0).sort((a, b) => a.addr - b.addr);
    byAddress.set(obj, sorted);
  }
  let lo = 0;
  let hi = sorted.length - 1;
  let best = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]!.addr <= addr) {
      best = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const s = sorted[best];
  if (!s || addr + length > s.addr + s.size) return undefined;
  return s.offset + (addr - s.addr);
}

/** A pointer-sized word at a file offset, or undefined past the end or past 2^53. */
export function readWord(obj: ObjectFile, buf: Buffer, offset: number): number | undefined {
  if (offset < 0 || offset + obj.ptrSize > buf.length) return undefined;
  if (obj.ptrSize === 4)
    return obj.littleEndian ? buf.readUInt32LE(offset) : buf.readUInt32BE(offset);
  // Two 32-bit reads: no BigInt for each word when the data sections are scanned.
  const lo = obj.littleEndian ? buf.readUInt32LE(offset) : buf.readUInt32BE(offset + 4);
  const hi = obj.littleEndian ? buf.readUInt32LE(offset + 4) : buf.readUInt32BE(offset);
  return hi > 0x1fffff ? undefined : hi * 0x100000000 + lo;
}

/**
 * The address of a symbol from the symbol table (ELF .symtab, Mach-O LC_SYMTAB, PE COFF
 * symbols), or undefined: no table (stripped), or no such symbol. One pass over the table, each
 * entry's name compared (not read) against the one wanted.
 */
export function symbolAddress(obj: ObjectFile, buf: Buffer, name: string): number | undefined {
  const t = obj.symtab;
  if (!t) return undefined;
  const strEnd = t.strOffset + t.strSize;
  if (obj.format === 'pe') {
    const want = Buffer.from(name, 'latin1');
    for (let i = 0; i < t.count; i++) {
      const o = t.offset + i * 18;
      let match: boolean;
      if (buf.readUInt32LE(o) === 0) {
        match = nameIs(buf, t.strOffset + buf.readUInt32LE(o + 4), strEnd, want);
      } else {
        match = want.length <= 8 && nameIs(buf, o, o + 8, want);
      }
      if (match) {
        const section = buf.readInt16LE(o + 12);
        const s = obj.sections[section - 1];
        return s ? s.addr + buf.readUInt32LE(o + 8) : undefined;
      }
      i += buf[o + 17]!; // auxiliary records
    }
    return undefined;
  }
  // Mach-O names C-level symbols with a leading underscore; Go's are written that way too.
  const want = Buffer.from(obj.format === 'macho' ? `_${name}` : name, 'latin1');
  const is64 = obj.ptrSize === 8;
  const entry = obj.format === 'macho' ? 16 : is64 ? 24 : 16;
  const le = obj.littleEndian;
  for (let i = 0; i < t.count; i++) {
    const o = t.offset + i * entry;
    const strx = le ? buf.readUInt32LE(o) : buf.readUInt32BE(o);
    if (strx >= t.strSize || !nameIs(buf, t.strOffset + strx, strEnd, want)) continue;
    if (obj.format === 'macho') return toNumber(buf.readBigUInt64LE(o + 8));
    if (!is64) return le ? buf.readUInt32LE(o + 4) : buf.readUInt32BE(o + 4);
    return toNumber(le ? buf.readBigUInt64LE(o + 8) : buf.readBigUInt64BE(o + 8));
  }
  return undefined;
}
