import type { BinaryFormat } from '../model.js';

/** The container format from the first bytes, or undefined. */
export function detectFormat(buf: Uint8Array): BinaryFormat | undefined {
  if (buf.length < 8) return undefined;
  const b = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.length, 8));
  if (b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46) return 'elf';
  const m = b.readUInt32LE(0);
  if (m === 0xfeedfacf || m === 0xfeedface || m === 0xcefaedfe || m === 0xcffaedfe) return 'macho';
  if (m === 0xbebafeca) return 'macho'; // universal (fat) binary
  if (b[0] === 0x4d && b[1] === 0x5a) return 'pe';
  if (b[0] === 0 && b[1] === 0x61 && b[2] === 0x73 && b[3] === 0x6d) {
    return b[4] === 0x0d ? 'wasm-component' : 'wasm';
  }
  return undefined;
}

export class SectionError extends RangeError {}

function check(cond: boolean, what: string): void {
  if (!cond) throw new SectionError(what);
}

/** A section's file range, by name, in an ELF, Mach-O (thin, 64-bit) or PE file. */
export function findSection(
  buf: Buffer,
  format: BinaryFormat,
  name: string,
): [number, number] | undefined {
  switch (format) {
    case 'elf':
      return elfSection(buf, name);
    case 'macho':
      return machoSection(buf, name);
    case 'pe':
      return peSection(buf, name);
    default:
      return undefined;
  }
}

function elfSection(buf: Buffer, name: string): [number, number] | undefined {
  check(buf.length >= 52, 'ELF header truncated');
  const is64 = buf[4] === 2;
  const le = buf[5] !== 2;
  // Out-of-range reads throw Node's ERR_OUT_OF_RANGE, a RangeError: reported as malformed.
  const u16 = (o: number) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const addr = (o: number): number => {
    if (!is64) return u32(o);
    const v = le ? buf.readBigUInt64LE(o) : buf.readBigUInt64BE(o);
    // Sizes of sections with no file bytes (.bss) can be anything: clamp, check where used.
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
  };
  const shoff = addr(is64 ? 0x28 : 0x20);
  const shentsize = u16(is64 ? 0x3a : 0x2e);
  const shnum = u16(is64 ? 0x3c : 0x30);
  const shstrndx = u16(is64 ? 0x3e : 0x32);
  if (shoff === 0 || shnum === 0) return undefined;
  check(shentsize >= (is64 ? 64 : 40), 'ELF section header size too small');
  check(shoff + shnum * shentsize <= buf.length, 'ELF section headers past the end of the file');
  const header = (i: number) => {
    const o = shoff + i * shentsize;
    return {
      name: u32(o),
      offset: addr(o + (is64 ? 0x18 : 0x10)),
      size: addr(o + (is64 ? 0x20 : 0x14)),
      type: u32(o + 4),
    };
  };
  check(shstrndx < shnum, 'ELF string table index out of range');
  const strtab = header(shstrndx);
  check(strtab.offset + strtab.size <= buf.length, 'ELF string table past the end of the file');
  for (let i = 0; i < shnum; i++) {
    const h = header(i);
    const nameOff = strtab.offset + h.name;
    if (h.name >= strtab.size) continue;
    const nul = buf.indexOf(0, nameOff);
    const secName = buf.toString('latin1', nameOff, nul < 0 ? strtab.offset + strtab.size : nul);
    if (secName !== name) continue;
    if (h.type === 8) return undefined; // SHT_NOBITS: no bytes in the file
    check(h.offset + h.size <= buf.length, `ELF section ${name} past the end of the file`);
    return [h.offset, h.offset + h.size];
  }
  return undefined;
}

function machoSection(buf: Buffer, name: string): [number, number] | undefined {
  check(buf.length >= 32, 'Mach-O header truncated');
  const magic = buf.readUInt32LE(0);
  if (magic !== 0xfeedfacf) return undefined; // 32-bit, big-endian and fat files: not read here
  const ncmds = buf.readUInt32LE(16);
  let pos = 32;
  check(ncmds < 65536, 'Mach-O load command count implausible');
  for (let i = 0; i < ncmds; i++) {
    check(pos + 8 <= buf.length, 'Mach-O load commands truncated');
    const cmd = buf.readUInt32LE(pos);
    const size = buf.readUInt32LE(pos + 4);
    check(size >= 8 && pos + size <= buf.length, 'Mach-O load command size out of range');
    if (cmd === 0x19) {
      const nsects = buf.readUInt32LE(pos + 64);
      check(72 + nsects * 80 <= size, 'Mach-O section count past its command');
      for (let s = 0; s < nsects; s++) {
        const o = pos + 72 + s * 80;
        const sect = buf.toString('latin1', o, o + 16).replace(/\0.*$/, '');
        if (sect !== name) continue;
        const bytes = Number(buf.readBigUInt64LE(o + 40));
        const offset = buf.readUInt32LE(o + 48);
        check(offset + bytes <= buf.length, `Mach-O section ${name} past the end of the file`);
        return [offset, offset + bytes];
      }
    }
    pos += size;
  }
  return undefined;
}

function peSection(buf: Buffer, name: string): [number, number] | undefined {
  check(buf.length >= 0x40, 'PE header truncated');
  const pe = buf.readUInt32LE(0x3c);
  check(pe + 24 <= buf.length && buf.readUInt32BE(pe) === 0x50450000, 'no PE signature');
  const nsects = buf.readUInt16LE(pe + 6);
  const optSize = buf.readUInt16LE(pe + 20);
  const table = pe + 24 + optSize;
  check(table + nsects * 40 <= buf.length, 'PE section table past the end of the file');
  for (let i = 0; i < nsects; i++) {
    const o = table + i * 40;
    const sect = buf.toString('latin1', o, o + 8).replace(/\0.*$/, '');
    if (sect !== name) continue;
    const virtualSize = buf.readUInt32LE(o + 8);
    const rawSize = buf.readUInt32LE(o + 16);
    const offset = buf.readUInt32LE(o + 20);
    const size = virtualSize > 0 ? Math.min(virtualSize, rawSize) : rawSize;
    check(offset + size <= buf.length, `PE section ${name} past the end of the file`);
    return [offset, offset + size];
  }
  return undefined;
}
