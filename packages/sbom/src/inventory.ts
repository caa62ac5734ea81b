import { readFileSync, statSync } from 'node:fs';
import { fileError } from '@build-artifact/core';
import { type LockfileKind, lockfileKind } from './detect.js';
import { SbomError } from './errors.js';
import { parseLockfile, type ReadCompanion } from './lockfiles/index.js';
import { loadYamlParser, YamlParserNeeded } from './lockfiles/yamlfile.js';
import type { Inventory } from './model.js';

const MAX_LOCKFILE_BYTES = 256 * 1024 * 1024;

function readText(path: string): string {
  try {
    if (statSync(path).size > MAX_LOCKFILE_BYTES) {
      throw new SbomError({
        code: 'LIMIT_EXCEEDED',
        file: path,
        message: 'lockfile larger than 256 MiB',
      });
    }
    return readFileSync(path, 'utf8');
  } catch (err) {
    if (err instanceof SbomError) throw err;
    throw fileError(path, err);
  }
}

function readOptional(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw fileError(path, err);
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
