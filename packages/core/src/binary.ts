// What kind of binary a file is, from its first bytes, and the LEB128 numbers its containers
// (wasm, Go build info) are written in: read once here for the SBOM inspectors and the OCI
// client alike.

/** The executable and WebAssembly formats the toolkit reads. */
export type BinaryFormat = 'elf' | 'macho' | 'pe' | 'wasm' | 'wasm-component';

/** The first bytes of a wasm core module (magic, version 1) and of a component (layer 1). */
export const WASM_MODULE_HEADER = Uint8Array.of(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);
export const WASM_COMPONENT_HEADER = Uint8Array.of(0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00);

/** The format the first 8 bytes of a file say, or undefined. */
export function detectBinaryFormat(head: Uint8Array): BinaryFormat | undefined {
  if (head.length < 8) return undefined;
  const b = Buffer.from(head.buffer, head.byteOffset, 8);
  if (b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46) return 'elf';
  const m = b.readUInt32LE(0);
  if (m === 0xfeedfacf || m === 0xfeedface || m === 0xcefaedfe || m === 0xcffaedfe) return 'macho';
  if (m === 0xbebafeca) return 'macho'; // universal (fat) binary
  if (b[0] === 0x4d && b[1] === 0x5a) return 'pe';
  if (b[0] === 0 && b[1] === 0x61 && b[2] === 0x73 && b[3] === 0x6d)
    return b[4] === 0x0d ? 'wasm-component' : 'wasm';
  return undefined;
}

/**
 * An unsigned LEB128 of at most `maxBytes` bytes (5 for a u32) at `pos`, before `end`; the
 * value and the position after it. Throws RangeError when truncated or too long. LEB128 may be
 * non-minimal (Go writes 5-byte sizes).
 */
export function readUleb128(
  buf: Uint8Array,
  pos: number,
  end: number = buf.length,
  maxBytes = 5,
): [value: number, next: number] {
  let value = 0;
  let mul = 1;
  for (let i = 0; i < maxBytes; i++) {
    if (pos >= end) throw new RangeError('truncated LEB128');
    const byte = buf[pos++]!;
    value += (byte & 0x7f) * mul;
    if ((byte & 0x80) === 0) return [value, pos];
    mul *= 128;
  }
  throw new RangeError('LEB128 too long');
}
