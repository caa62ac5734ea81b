/** Unsigned LEB128 of at most `maxBytes` bytes (5 for u32); throws RangeError when truncated or too long. */
export function readUleb(
  buf: Uint8Array,
  pos: number,
  end: number,
  maxBytes = 5,
): [value: number, next: number] {
  let value = 0;
  let mul = 1;
  for (let i = 0; i < maxBytes; i++) {
    if (pos >= end) throw new RangeError('truncated LEB128');
    const b = buf[pos++]!;
    value += (b & 0x7f) * mul;
    if ((b & 0x80) === 0) return [value, pos];
    mul *= 128;
  }
  throw new RangeError('LEB128 too long');
}

/** Go's uvarint (same encoding, at most 10 bytes, but we refuse values past 2^53). */
export function readUvarint(
  buf: Uint8Array,
  pos: number,
  end: number,
): [value: number, next: number] {
  return readUleb(buf, pos, end, 8);
}
