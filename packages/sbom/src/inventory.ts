import { CoreError, readRegularFileTextSync } from '@build-artifact/core';
import { type LockfileKind, lockfileKind } from './detect.js';
import { SbomError } from './errors.js';
import { parseLockfile, type ReadCompanion } from './lockfiles/index.js';
import { loadYamlParser, YamlParserNeeded } from './lockfiles/yamlfile.js';
import type { Inventory } from './model.js';

const MAX_LOCKFILE_BYTES = 256 * 1024 * 1024;

/**
 * A lockfile or a file it names (go.sum beside go.mod, a requirements file's `-r` include): a
 * regular file of at most 256 MiB, read without waiting on a FIFO or a device of that name.
 */
function readText(path: string): string {
  try {
    return readRegularFileTextSync(path, { maxBytes: MAX_LOCKFILE_BYTES, what: 'a lockfile' });
  } catch (err) {
    if (err instanceof CoreError && err.code === 'FILE_TOO_LARGE') {
      throw new SbomError({
        code: 'LIMIT_EXCEEDED',
        file: path,
        message: 'larger than the 256 MiB a lockfile may be',
        cause: err,
      });
    }
    throw err;
  }
}

function readOptional(path: string): string | undefined {
  try {
    return readText(path);
  } catch (err) {
    if (err instanceof CoreError && err.code === 'FILE_NOT_FOUND') return undefined;
    throw err;
  }
}

const READ: ReadCompanion = { required: readText, optional: readOptional };

function kindOf(path: string): LockfileKind {
  const kind = lockfileKind(path);
  if (!kind)
    throw new SbomError({
      code: 'UNSUPPORTED_INPUT',
      file: path,
      message: 'not a supported lockfile',
    });
  return kind;
}

/** Parses one lockfile, by its name. */
export async function inventoryFromLockfile(path: string): Promise<Inventory> {
  const kind = kindOf(path);
  const text = readText(path);
  try {
    return parseLockfile(kind, text, path, READ);
  } catch (err) {
    // A YAML file outside the fast reader's subset, in a bundle: load the full parser, again.
    if (!(err instanceof YamlParserNeeded)) throw err;
    await loadYamlParser();
    return parseLockfile(kind, text, path, READ);
  }
}
