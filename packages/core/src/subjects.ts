import { MAX_CHECKSUM_FILE_BYTES, parseChecksumFile } from './checksums.js';
import { type DigestAlgorithm, digestFile } from './digest.js';
import { CoreError } from './error.js';
import { expandPaths, subjectName } from './files.js';
import { readRegularFileText } from './regular-file.js';
import { MAX_SUBJECTS, type Subject } from './statement.js';

export interface SubjectOptions {
  algorithms?: readonly DigestAlgorithm[];
  /** At most this many subjects (default 1024, the in-toto/GitHub practical limit). */
  limit?: number;
  /** Files hashed at once. */
  concurrency?: number;
}

/** Runs `fn` over `items` with at most `limit` promises in flight, keeping the order of results. */
export async function mapConcurrent<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  // After a failure no new item starts: the call is failing, and (an upload, a hash) the rest
  // would be work for nothing. Items under way finish or fail on their own.
  let failed = false;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length && !failed) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!, i);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  });
  await Promise.all(workers);
  return results;
}

/** Subjects for files, directories (recursed, sorted) and globs; names must be unique. */
export async function subjectsFromPaths(
  paths: readonly string[],
  options: SubjectOptions = {},
): Promise<Subject[]> {
  const files = await expandPaths(paths);
  const limit = options.limit ?? MAX_SUBJECTS;
  if (files.length > limit) {
    throw new CoreError({
      code: 'TOO_MANY_SUBJECTS',
      message: `${files.length} files found: at most ${limit} subjects are allowed`,
    });
  }
  const algorithms = options.algorithms ?? ['sha256'];
  const subjects = await mapConcurrent(files, options.concurrency ?? 4, async (f) => ({
    name: subjectName(f),
    digest: (await digestFile(f.path, algorithms)) as Subject['digest'],
  }));
  return dedupeSubjects(subjects);
}

/** Subjects listed in a `sha256sum`/`sha512sum` style checksums file. */
export async function subjectsFromChecksumFile(path: string): Promise<Subject[]> {
  const text = await readRegularFileText(path, {
    maxBytes: MAX_CHECKSUM_FILE_BYTES,
    what: 'a checksums file',
  });
  const entries = parseChecksumFile(text, path);
  return dedupeSubjects(
    entries.map((e) => ({ name: e.path, digest: { [e.algorithm]: e.hex } as Subject['digest'] })),
  );
}

/**
 * One subject per name: the same name with the same digest (a file given twice, or both as a
 * path and in a checksums file) is kept once; with another digest it is an error.
 */
export function dedupeSubjects(subjects: Subject[]): Subject[] {
  const byName = new Map<string, Subject>();
  for (const s of subjects) {
    const seen = byName.get(s.name);
    if (seen && JSON.stringify(seen.digest) !== JSON.stringify(s.digest)) {
      throw new CoreError({
        code: 'DUPLICATE_SUBJECT',
        message: `two different files would both be named "${s.name}"`,
      });
    }
    if (!seen) byName.set(s.name, s);
  }
  return [...byName.values()];
}
