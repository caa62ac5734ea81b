import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { digestBytes, digestFile, openRegularFile } from '@build-artifact/core';

/** Content to upload: bytes in memory or a file read in ranges when sent. */
export type BlobSource = { data: Uint8Array } | { path: string };

/** A blob with its digest and size known before any upload (so a HEAD can skip it). */
export interface Blob {
  digest: string;
  size: number;
  source: BlobSource;
}

export function blobFromBytes(data: Uint8Array | string): Blob {
  const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
  return { digest: `sha256:${digestBytes(bytes)}`, size: bytes.length, source: { data: bytes } };
}

/**
 * A file's blob: its size, and its digest, which takes a while for a large file. `meanwhile`,
 * started once the file is known to be there, runs during the hashing (a push readies its
 * connection); it must not reject.
 */
export async function blobFromFile(path: string, meanwhile?: () => Promise<void>): Promise<Blob> {
  const size = await regularFileSize(path);
  const concurrent = meanwhile?.();
  const digest = await digestFile(path, ['sha256']);
  await concurrent;
  return { digest: `sha256:${digest.sha256}`, size, source: { path } };
}

/**
 * A file's blob when its digest is already known (hashed earlier in the same flow): only its
 * size is read. A registry checks the digest of what it receives, so a file changed since
 * cannot be stored under the old digest.
 */
export async function blobFromKnownFile(path: string, digest: string): Promise<Blob> {
  return { digest, size: await regularFileSize(path), source: { path } };
}

/**
 * The size of a regular file; anything else (a directory, a FIFO, a device) is an error naming
 * it and saying what it is.
 */
async function regularFileSize(path: string): Promise<number> {
  const { handle, stats } = await openRegularFile(path);
  await handle.close();
  return stats.size;
}

/**
 * A stream of bytes `[start, end)` of a blob, reporting how many bytes have gone out, so
 * uploads can show progress inside one request. Called once per try: a new stream each time.
 */
export function blobBody(
  blob: Blob,
  start: number,
  end: number,
  onBytes?: (n: number) => void,
): Readable | Uint8Array {
  if ('data' in blob.source) {
    // Bytes in memory go out in one write, with the headers.
    const data = blob.source.data.subarray(start, end);
    onBytes?.(data.length);
    return data;
  }
  if (end <= start) return counted(Readable.from([]), onBytes);
  const file = createReadStream(blob.source.path, {
    start,
    end: end - 1,
    highWaterMark: 1 << 20,
  });
  return counted(file, onBytes);
}

function counted(stream: Readable, onBytes?: (n: number) => void): Readable {
  if (onBytes) stream.on('data', (chunk: Buffer) => onBytes(chunk.length));
  return stream;
}
