import { closeSync, openSync, readSync } from 'node:fs';

/** `8-4-4-4-12` hex groups of 16 bytes. */
function format(h: string): string {
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}

/**
 * A random (version 4) UUID. Node's crypto module takes some 8 ms to load, a tenth of a small
 * `attest sbom` run that needs nothing else from it: the 16 random bytes come from the kernel's
 * random source where there is one, from crypto elsewhere (Windows).
 */
export function randomUuid(): string {
  const bytes = Buffer.alloc(16);
  let fd: number | undefined;
  try {
    fd = openSync('/dev/urandom', 'r');
    if (readSync(fd, bytes, 0, 16, null) !== 16) throw new Error('short read');
  } catch {
    return process.getBuiltinModule('node:crypto').randomUUID();
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  return format(bytes.toString('hex'));
}

/**
 * A UUID (version 8 layout) from the SHA-256 of a text: the same document gives the same
 * UUID on every machine, which is what a reproducible (`SOURCE_DATE_EPOCH`) SBOM needs.
 */
export function contentUuid(text: string): string {
  const { createHash } = process.getBuiltinModule('node:crypto');
  const h = createHash('sha256').update(text).digest('hex');
  const variant = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
  return format(`${h.slice(0, 12)}8${h.slice(13, 16)}${variant}${h.slice(17, 32)}`);
}
