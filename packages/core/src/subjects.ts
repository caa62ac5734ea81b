import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { MAX_CHECKSUM_FILE_BYTES, parseChecksumFile } from './checksums.js';
import { type DigestAlgorithm, digestFile } from './digest.js';
import { CoreError, fileError } from './error.js';
import { compareNames, expandPaths, subjectName } from './files.js';
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

/**
 * Subjects for files, directories (recursed, sorted) and globs; names must be unique. The
 * subjects of `collectArtifacts({ paths })`, without the paths.
 */
export async function subjectsFromPaths(
  paths: readonly string[],
  options: SubjectOptions = {},
): Promise<Subject[]> {
  const artifacts = await collectArtifacts({ paths }, options);
  return artifacts.map(({ name, digest }) => ({ name, digest }));
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

/** Where the artifacts of a run are: paths (files, directories, globs), or a flat directory. */
export interface ArtifactSource {
  /** Files, directories (every file below, named by its path there) and globs. */
  paths?: readonly string[];
  /** A flat directory whose every regular file is an artifact (the reusable workflow's layout). */
  directory?: string;
  /**
   * A `sha256sum` file of `directory`, already checked against the build's digests: the files
   * it lists are the artifacts, each hashed again and compared (the gap between check and use).
   */
  checksums?: string;
  /**
   * A `sha256sum`/`sha512sum` file whose entries are subjects as they are, without their files
   * (the files were hashed elsewhere); added to what `paths` finds.
   */
  digests?: string;
}

/** An artifact found and hashed once: its subject name, where it is, its digests. */
export interface CollectedArtifact {
  name: string;
  /** Absent for a subject known only by its digest (`digests`). */
  path?: string;
  digest: Subject['digest'];
}

/**
 * The artifacts of a run, each hashed once, with the names their subjects get: the one
 * collector of the CLI, the actions and the demo. Names are unique; at most `limit`.
 */
export async function collectArtifacts(
  source: ArtifactSource,
  options: SubjectOptions = {},
): Promise<CollectedArtifact[]> {
  const algorithms = options.algorithms ?? ['sha256'];
  const concurrency = options.concurrency ?? 4;
  const hash = async (name: string, path: string): Promise<CollectedArtifact> => ({
    name,
    path,
    digest: (await digestFile(path, algorithms)) as Subject['digest'],
  });
  let found: { name: string; path: string }[];
  if (source.checksums !== undefined) {
    if (source.directory === undefined)
      throw new CoreError({
        code: 'INVALID_CHECKSUM_FILE',
        message: `${source.checksums}: a checksums file needs the directory it lists`,
      });
    const text = await readRegularFileText(source.checksums, {
      maxBytes: MAX_CHECKSUM_FILE_BYTES,
      what: 'a checksums file',
    });
    // Counted before any file is hashed, as paths are below.
    const entries = checked(parseChecksumFile(text, source.checksums), options);
    const artifacts = await mapConcurrent(entries, concurrency, async (e) => {
      if (/[/\\]/.test(e.path) || e.path === '.' || e.path === '..')
        throw new CoreError({
          code: 'INVALID_CHECKSUM_FILE',
          message: `${source.checksums}: ${e.path} is not a plain file name`,
        });
      const path = join(source.directory!, e.path);
      const digest = await digestFile(path, [...new Set([...algorithms, e.algorithm])]);
      if (digest[e.algorithm] !== e.hex)
        throw new CoreError({
          code: 'DIGEST_MISMATCH',
          message: `${path}: ${e.algorithm} ${digest[e.algorithm]} differs from ${source.checksums}'s ${e.hex}`,
        });
      const kept = Object.fromEntries(algorithms.map((a) => [a, digest[a]!]));
      return { name: e.path, path, digest: kept as Subject['digest'] };
    });
    return dedupeSubjects(artifacts) as CollectedArtifact[];
  }
  const listed = source.digests !== undefined ? await subjectsFromChecksumFile(source.digests) : [];
  if (source.directory !== undefined) {
    let names: string[];
    try {
      names = (await readdir(source.directory, { withFileTypes: true }))
        .filter((d) => d.isFile())
        .map((d) => d.name)
        .sort(compareNames);
    } catch (err) {
      throw fileError(source.directory, err);
    }
    found = names.map((name) => ({ name, path: join(source.directory!, name) }));
  } else {
    found = (await expandPaths(source.paths ?? [])).map((f) => ({
      name: subjectName(f),
      path: f.path,
    }));
  }
  if (found.length + listed.length === 0) {
    const paths = source.paths ?? [];
    const where =
      source.directory !== undefined
        ? `${source.directory}: no regular file in it`
        : paths.length > 0
          ? `no files in ${paths.join(', ')}`
          : 'no paths given';
    throw new CoreError({ code: 'NO_SUBJECTS', message: `${where}: no artifacts to attest` });
  }
  checked([...found, ...listed], options);
  const artifacts: CollectedArtifact[] = await mapConcurrent(found, concurrency, (f) =>
    hash(f.name, f.path),
  );
  return dedupeSubjects([...artifacts, ...listed] as Subject[]) as CollectedArtifact[];
}

function checked<T>(items: T[], options: SubjectOptions): T[] {
  const limit = options.limit ?? MAX_SUBJECTS;
  if (items.length > limit)
    throw new CoreError({
      code: 'TOO_MANY_SUBJECTS',
      message: `${items.length} files found: at most ${limit} subjects are allowed`,
    });
  return items;
}
