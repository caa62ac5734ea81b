import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { type FileHandle, open } from 'node:fs/promises';
import { CoreError, fileError } from './error.js';

/**
 * Opening never waits: O_NONBLOCK makes open(2) of a FIFO with no writer return at once (it is
 * then refused as not a regular file), and O_NOCTTY keeps a terminal from becoming ours. On a
 * regular file neither flag changes anything. Windows has neither.
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);

/** How much a read grows its buffer by at least, when a file turns out longer than it said. */
const MIN_GROWTH = 64 * 1024;

/** A PEM key is a few hundred bytes: a file near this size is not one. */
export const MAX_KEY_FILE_BYTES = 64 * 1024;

/** `64 MiB` for whole mebibytes, else the byte count. */
export function formatByteLimit(bytes: number): string {
  const mib = bytes / (1024 * 1024);
  return Number.isInteger(mib) ? `${mib} MiB` : `${bytes} bytes`;
}

function whatItIs(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'something else';
}

function notRegular(path: string, what: string, cause?: unknown): CoreError {
  return new CoreError({
    code: 'NOT_REGULAR_FILE',
    message: `${path}: is ${what}, not a regular file`,
    cause,
  });
}

/** An open(2) failure, named: a Unix socket or a device with no driver behind it gives ENXIO. */
function openFailure(path: string, err: unknown): CoreError {
  if ((err as NodeJS.ErrnoException).code === 'ENXIO')
    return notRegular(path, 'a socket or a device', err);
  return fileError(path, err);
}

/** An open regular file and what fstat said of it when opened (its size can still change). */
export interface OpenedFile {
  handle: FileHandle;
  stats: Stats;
}

/**
 * Opens `path` for reading if, once open, it is a regular file (symlinks followed). The type is
 * taken from the open handle (`fstat`), not from the path beforehand, which could be swapped
 * in between; the open itself never blocks (see OPEN_FLAGS). Errors are CoreErrors naming the
 * file: FILE_NOT_FOUND, NOT_REGULAR_FILE, FILE_UNREADABLE.
 */
export async function openRegularFile(path: string): Promise<OpenedFile> {
  let handle: FileHandle;
  try {
    handle = await open(path, OPEN_FLAGS);
  } catch (err) {
    throw openFailure(path, err);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw notRegular(path, whatItIs(stats));
    return { handle, stats };
  } catch (err) {
    await handle.close().catch(() => undefined);
    if (err instanceof CoreError) throw err;
    throw fileError(path, err);
  }
}

function tooLarge(path: string, message: string): CoreError {
  return new CoreError({ code: 'FILE_TOO_LARGE', message: `${path}: ${message}` });
}

/**
 * The buffer to read on into once `buffer` is full: twice as large (at least MIN_GROWTH), up
 * to one byte past the limit, so that reading that byte shows the file grew past it.
 */
function grown(
  buffer: Buffer<ArrayBuffer>,
  path: string,
  maxBytes: number,
  limit: string,
): Buffer<ArrayBuffer> {
  if (buffer.length > maxBytes) throw tooLarge(path, `grew while being read, past the ${limit}`);
  const next = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(buffer.length * 2, MIN_GROWTH)));
  buffer.copy(next);
  return next;
}

export interface ReadRegularFileOptions {
  /** The most bytes the file may hold; a larger one is refused, not truncated. */
  maxBytes: number;
  /** What the file is, for errors: `an evidence file`, `a trusted root`. */
  what?: string;
}

/**
 * The whole content of a regular file of at most `maxBytes`: refused before reading if its size
 * says more, and while reading if it grows past that (the cap holds whatever the size said).
 * FIFOs, devices (a symlink to /dev/zero), sockets and directories are refused without reading
 * a byte. Errors are CoreErrors naming the file (FILE_TOO_LARGE, and those of openRegularFile).
 */
export async function readRegularFile(
  path: string,
  options: ReadRegularFileOptions,
): Promise<Buffer> {
  const { maxBytes, what = 'this file' } = options;
  const { handle, stats } = await openRegularFile(path);
  const { size } = stats;
  try {
    const limit = `${formatByteLimit(maxBytes)} allowed for ${what}`;
    if (size > maxBytes) throw tooLarge(path, `${size} bytes, more than the ${limit}`);
    // One byte more than the size: reading it means the file grew.
    let buffer = Buffer.allocUnsafe(size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) buffer = grown(buffer, path, maxBytes, limit);
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.subarray(0, length);
  } catch (err) {
    if (err instanceof CoreError) throw err;
    throw fileError(path, err);
  } finally {
    await handle.close();
  }
}

/** readRegularFile as UTF-8 text. */
export async function readRegularFileText(
  path: string,
  options: ReadRegularFileOptions,
): Promise<string> {
  return (await readRegularFile(path, options)).toString('utf8');
}

/**
 * readRegularFileText for synchronous readers (the lockfile parsers read companions such as
 * Cargo.toml mid-parse): the same checks, the same errors, the same bound. A FIFO named like a
 * lockfile is refused, not waited on.
 */
export function readRegularFileTextSync(path: string, options: ReadRegularFileOptions): string {
  const { maxBytes, what = 'this file' } = options;
  let fd: number;
  try {
    fd = openSync(path, OPEN_FLAGS);
  } catch (err) {
    throw openFailure(path, err);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw notRegular(path, whatItIs(stats));
    const limit = `${formatByteLimit(maxBytes)} allowed for ${what}`;
    if (stats.size > maxBytes) throw tooLarge(path, `${stats.size} bytes, more than the ${limit}`);
    let buffer = Buffer.allocUnsafe(stats.size + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) buffer = grown(buffer, path, maxBytes, limit);
      const bytesRead = readSync(fd, buffer, length, buffer.length - length, length);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return buffer.toString('utf8', 0, length);
  } catch (err) {
    if (err instanceof CoreError) throw err;
    throw fileError(path, err);
  } finally {
    closeSync(fd);
  }
}
