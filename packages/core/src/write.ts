import { close, open, rename, rm, writeFile } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { fileError } from './error.js';

// The callback API of node:fs, which every process has loaded already: node:fs/promises would
// cost a command that only writes its output file a few ms to load.
const openFile = promisify(open);
const writeAll = promisify(writeFile);
const closeFile = promisify(close);
const renameFile = promisify(rename);
const remove = promisify(rm);

let written = 0;

/**
 * A temporary name beside `path`. It needs to be unlikely to collide, not unguessable: the file
 * is created exclusively (`wx`), so a name that exists already fails the write and is never
 * written through. (node:crypto for a random name would cost every command a few ms to load.)
 */
function temporaryName(path: string): string {
  const unique = `${process.pid.toString(36)}${(written++).toString(36)}${Math.random().toString(36).slice(2, 10)}`;
  return join(dirname(path), `.${basename(path)}.${unique}.tmp`);
}

/**
 * Writes a file so that readers see either the old content or all of the new: the data goes to
 * a temporary file beside it, which is then renamed over the target. Nothing half-written is
 * ever left at `path`.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  mode?: number,
): Promise<void> {
  const tmp = temporaryName(path);
  let created = false;
  try {
    const fd = await openFile(tmp, 'wx', mode);
    created = true;
    try {
      await writeAll(fd, data);
    } finally {
      await closeFile(fd);
    }
    await renameFile(tmp, path);
  } catch (err) {
    if (created) await remove(tmp, { force: true });
    throw fileError(path, err);
  }
}
