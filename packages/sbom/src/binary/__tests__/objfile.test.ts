import { describe, expect, it } from 'vitest';
import { findSection, inspectBytes, readObjectFile, symbolAddress } from '../../index.js';
import { elfStrtabWithoutNul, machoManyCommands, peManySections } from './hostile.js';

/**
 * Section tables are read in time linear in the file. Bounds here are wall time, generous (over
 * 10x what the readers need on a busy 2-core machine) and named with their input's size; the
 * readers' own speed is measured in bench/sbom-hostile.mjs.
 */
function seconds(f: () => unknown): number {
  const start = performance.now();
  f();
  return (performance.now() - start) / 1000;
}

describe('section tables of hostile object files', () => {
  it('an ELF of 65,000 sections whose 10 MiB name table has no NUL (14 MB): under 5 s', () => {
    // Reading each name up to its NUL scanned to the end of the table once per section: this
    // input took minutes (152 s at 14 MB); names are now compared, never searched for.
    const elf = elfStrtabWithoutNul(65_000, 10 * 1024 * 1024);
    expect(elf.length).toBeGreaterThan(14_000_000);
    let info: ReturnType<typeof inspectBytes> | undefined;
    expect(seconds(() => (info = inspectBytes(elf, 'strtab.elf')))).toBeLessThan(5);
    expect(info?.format).toBe('elf');
    expect(findSection(elf, 'elf', '.dep-v0')).toBeUndefined();
  });

  it('section names are read only up to their bound: a long one matches nothing, short ones still match', () => {
    const elf = elfStrtabWithoutNul(4, 4096);
    // Section 3 names offset 3 in a table of 'A's with no NUL: a 4093-byte name, past the bound.
    const obj = readObjectFile(elf, 'elf')!;
    expect(obj.sections).toHaveLength(4);
    expect(obj.sections[3]!.name).toBeUndefined();
    // A NUL placed in the table ends the name there.
    const strtab = 64 + 4 * 64;
    elf[strtab + 3 + 7] = 0;
    elf.write('.dep-v0', strtab + 3, 'latin1');
    expect(readObjectFile(elf, 'elf')!.sections[3]!.name).toBe('.dep-v0');
  });

  it('a Mach-O of 65,535 segment commands (10 MB): under 5 s', () => {
    const macho = machoManyCommands(65_535);
    expect(seconds(() => inspectBytes(macho, 'many.macho'))).toBeLessThan(5);
    expect(readObjectFile(macho, 'macho')!.sections).toHaveLength(65_535);
  });

  it('a PE of 65,535 sections (2.6 MB): under 5 s', () => {
    const pe = peManySections(65_535);
    expect(seconds(() => inspectBytes(pe, 'many.exe'))).toBeLessThan(5);
    expect(readObjectFile(pe, 'pe')!.sections).toHaveLength(65_535);
  });

  it('a symbol table of 400,000 entries naming one 4 MB string without NUL: under 5 s, and no match', () => {
    // An ELF with a .symtab (section 2) whose names all point at the start of a .strtab (section 3)
    // of 'A's: a lookup compares each entry's name, it never reads one to its end.
    const count = 400_000;
    const strBytes = 4 * 1024 * 1024;
    const shoff = 64;
    const symOff = shoff + 4 * 64;
    const strOff = symOff + count * 24;
    const b = Buffer.alloc(strOff + strBytes, 0x41);
    b.fill(0, 0, strOff);
    b.write('\x7fELF', 0, 'latin1');
    b[4] = 2;
    b[5] = 1;
    b.writeBigUInt64LE(BigInt(shoff), 0x28);
    b.writeUInt16LE(64, 0x3a);
    b.writeUInt16LE(4, 0x3c);
    b.writeUInt16LE(1, 0x3e); // section 1: an empty name table
    const header = (i: number, type: number, offset: number, size: number, link = 0) => {
      const o = shoff + i * 64;
      b.writeUInt32LE(type, o + 4);
      b.writeBigUInt64LE(BigInt(offset), o + 0x18);
      b.writeBigUInt64LE(BigInt(size), o + 0x20);
      b.writeUInt32LE(link, o + 0x28);
    };
    header(1, 3, 0, 0);
    header(2, 2, symOff, count * 24, 3);
    header(3, 3, strOff, strBytes);
    const obj = readObjectFile(b, 'elf')!;
    let addr: number | undefined = 1;
    expect(
      seconds(() => {
        addr = symbolAddress(obj, b, 'runtime.buildVersion');
      }),
    ).toBeLessThan(5);
    expect(addr).toBeUndefined();
    // The same table with one entry naming `runtime.buildVersion`: found, with its address.
    b.write('runtime.buildVersion\0', strOff + 100, 'latin1');
    b.writeUInt32LE(100, symOff + 7 * 24);
    b.writeBigUInt64LE(0x401000n, symOff + 7 * 24 + 8);
    expect(symbolAddress(readObjectFile(b, 'elf')!, b, 'runtime.buildVersion')).toBe(0x401000);
  });
});
