import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  digestFile,
  formatChecksumLine,
  mapConcurrent,
  parseChecksumFile,
} from '@build-artifact/core';
import { PipelineError } from './errors.js';

export interface HashedFile {
  name: string;
  sha256: string;
}

/**
 * Decodes the digests the build legs passed on as job outputs: whitespace-separated base64 of
 * sha256sum text, one per leg (empty legs are blank).
 */
export function decodeExpected(base64List: string): string {
  return base64List
    .split(/\s+/)
    .filter((chunk) => chunk !== '')
    .map((chunk) => {
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(chunk)) {
        throw new PipelineError({
          code: 'INVALID_REQUEST',
          message: 'expected-base64: not base64-encoded sha256sum output',
        });
      }
      const text = Buffer.from(chunk, 'base64').toString('utf8');
      return text.endsWith('\n') ? text : `${text}\n`;
    })
    .join('');
}

export function formatSums(files: readonly HashedFile[]): string {
  return files.map((f) => `${formatChecksumLine(f.sha256, f.name)}\n`).join('');
}

/**
 * Re-hashes every file of a downloaded directory against the digests that crossed the job
 * boundary as outputs, and fails closed: a digest that differs, a file that is missing, or a
 * file nobody hashed (something added after the build) all fail.
 */
export async function rehashDirectory(
  directory: string,
  expectedText: string,
): Promise<HashedFile[]> {
  const expected = parseChecksumFile(expectedText, 'expected digests');
  if (expected.length === 0) {
    throw new PipelineError({ code: 'INVALID_REQUEST', message: 'no expected digests were given' });
  }
  const byName = new Map<string, string>();
  for (const e of expected) {
    if (e.algorithm !== 'sha256') {
      throw new PipelineError({
        code: 'INVALID_REQUEST',
        message: `${e.path}: only sha256 digests are expected`,
      });
    }
    if (e.path.includes('/') || e.path.includes('\\') || e.path === '.' || e.path === '..') {
      throw new PipelineError({
        code: 'INVALID_REQUEST',
        message: `${e.path}: expected a plain file name`,
      });
    }
    if (byName.has(e.path) && byName.get(e.path) !== e.hex) {
      throw new PipelineError({
        code: 'INVALID_REQUEST',
        message: `${e.path}: listed twice with different digests`,
      });
    }
    byName.set(e.path, e.hex);
  }
  let present: string[];
  try {
    present = (await readdir(directory, { withFileTypes: true }))
      .map((d) => {
        if (!d.isFile()) {
          throw new PipelineError({
            code: 'UNEXPECTED_FILE',
            message: `${join(directory, d.name)}: not a regular file; only the built files are expected`,
          });
        }
        return d.name;
      })
      .sort();
  } catch (err) {
    if (err instanceof PipelineError) throw err;
    throw new PipelineError({
      code: 'MISSING_FILE',
      message: `${directory}: cannot read the directory`,
      cause: err,
    });
  }
  const unexpected = present.filter((n) => !byName.has(n));
  if (unexpected.length > 0) {
    throw new PipelineError({
      code: 'UNEXPECTED_FILE',
      message: `${directory}: ${unexpected.join(', ')} ${unexpected.length === 1 ? 'was' : 'were'} not hashed by the build job`,
    });
  }
  const names = [...byName.keys()].sort();
  const missing = names.filter((n) => !present.includes(n));
  if (missing.length > 0) {
    throw new PipelineError({
      code: 'MISSING_FILE',
      message: `${directory}: ${missing.join(', ')} hashed by the build job but not downloaded`,
    });
  }
  const hashed = await mapConcurrent(names, 4, async (name) => ({
    name,
    sha256: (await digestFile(join(directory, name))).sha256!,
  }));
  for (const file of hashed) {
    if (file.sha256 !== byName.get(file.name)) {
      throw new PipelineError({
        code: 'DIGEST_MISMATCH',
        message: `${join(directory, file.name)}: sha256 ${file.sha256} differs from the build job's ${byName.get(file.name)}`,
      });
    }
  }
  return hashed;
}
