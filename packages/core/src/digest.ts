import { createHash, type Hash } from 'node:crypto';
import { CoreError, fileError } from './error.js';
import { openRegularFile } from './regular-file.js';

export type DigestAlgorithm = 'sha256' | 'sha512';
export const DIGEST_ALGORITHMS: readonly DigestAlgorithm[] = ['sha256', 'sha512'];

/** Hex digests keyed by algorithm, the shape of an in-toto `DigestSet`. */
export type DigestSet = Partial<Record<DigestAlgorithm, string>>;

// Reads are large so that the per-call overhead disappears next to hashing, and two buffers
// alternate so that the next read runs in the thread pool while this chunk is hashed. 1 MiB,
// not more: a chunk the hash reads while it is still in the CPU's cache hashes a 25 MB file
// some 20% faster than 4 MiB chunks do.
const CHUNK_SIZE = 1024 * 1024;

export function assertAlgorithm(value: string): DigestAlgorithm {
  if ((DIGEST_ALGORITHMS as readonly string[]).includes(value)) return value as DigestAlgorithm;
  throw new CoreError({
    code: 'INVALID_ALGORITHM',
    message: `unsupported digest algorithm "${value}" (expected one of: ${DIGEST_ALGORITHMS.join(', ')})`,
  });
}

/** Hashes bytes already in memory. */
export function digestBytes(
  data: Uint8Array | string,
  algorithm: DigestAlgorithm = 'sha256',
): string {
  return createHash(algorithm).update(data).digest('hex');
}

/**
 * Hashes a file with one or more algorithms in a single pass, streaming: memory use is two
 * chunks whatever the file size.
 */
export async function digestFile(
  path: string,
  algorithms: readonly DigestAlgorithm[] = ['sha256'],
  onProgress?: (bytesRead: number) => void,
): Promise<DigestSet> {
  // A regular file only: a FIFO would block the open (and the process) until a writer came,
  // a device would never end.
  const { handle, stats } = await openRegularFile(path);
  try {
    const hashes: Hash[] = algorithms.map((a) => createHash(a));
    const size = stats.size;
    const buffers = [
      Buffer.allocUnsafe(Math.min(CHUNK_SIZE, Math.max(size, 1))),
      Buffer.allocUnsafe(0),
    ];
    let position = 0;
    let current = 0;
    let pending = handle.read(buffers[0]!, 0, buffers[0]!.length, position);
    for (;;) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) break;
      position += bytesRead;
      const chunk = buffers[current]!.subarray(0, bytesRead);
      current ^= 1;
      if (buffers[current]!.length === 0) buffers[current] = Buffer.allocUnsafe(buffers[0]!.length);
      const next = buffers[current]!;
      pending = handle.read(next, 0, next.length, position);
      for (const h of hashes) h.update(chunk);
      onProgress?.(position);
    }
    const result: DigestSet = {};
    algorithms.forEach((a, i) => {
      result[a] = hashes[i]!.digest('hex');
    });
    return result;
  } catch (err) {
    if (err instanceof CoreError) throw err;
    throw fileError(path, err);
  } finally {
    await handle.close();
  }
}

/** `sha256:<hex>` as OCI and container tooling write digests. */
export function formatDigest(algorithm: DigestAlgorithm, hex: string): string {
  return `${algorithm}:${hex}`;
}

/** Splits `sha256:<hex>` into its parts, checking the hex length for the algorithm. */
export function parseDigest(value: string): { algorithm: DigestAlgorithm; hex: string } {
  const match = /^(sha256|sha512):([0-9a-f]+)$/.exec(value);
  const expected = match?.[1] === 'sha512' ? 128 : 64;
  if (!match || match[2]!.length !== expected) {
    throw new CoreError({
      code: 'INVALID_ALGORITHM',
      message: `not a sha256 or sha512 digest: "${value}"`,
    });
  }
  return { algorithm: match[1] as DigestAlgorithm, hex: match[2]! };
}
