import { type Dirent, readdirSync, statSync } from 'node:fs';
import { glob, stat } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileError } from './error.js';

/** A regular file found from a path argument, with the name it should be known by. */
export interface FoundFile {
  /** Where to read it: the argument itself, or the argument joined with the relative path. */
  path: string;
  /** The argument it was found from. */
  from: string;
}

const GLOB_CHARS = /[*?[{]/;

// Byte-wise ordering, as `LC_ALL=C sort` and `find | sort` give: independent of the locale.
export function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every regular file below `dir` (that `accept` takes, by name), recursing in sorted order;
 * symlinks to files and folders are followed, dangling ones skipped as `find -type f` would.
 * The walk is synchronous, on the entry types `readdir` already returns: one call per folder,
 * a stat only for links, no round trips through the thread pool (a large tree costs a
 * fraction of a stat per file, and a command that only walks does not load node:fs/promises).
 */
export async function walkDirectory(
  dir: string,
  skip: ReadonlySet<string> = new Set(),
  accept: (name: string) => boolean = () => true,
): Promise<string[]> {
  const out: string[] = [];
  const visit = (current: string): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(current, { withFileTypes: true }).sort((a, b) =>
        compareNames(a.name, b.name),
      );
    } catch (err) {
      throw fileError(current, err);
    }
    for (const entry of entries) {
      if (skip.has(entry.name)) continue;
      const full = join(current, entry.name);
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        try {
          const info = statSync(full);
          isDirectory = info.isDirectory();
          isFile = info.isFile();
        } catch (err) {
          // Dangling (or a loop of links): skipped, as find -type f does. Anything else (no
          // permission to follow it) is an error that names the link.
          const code = (err as NodeJS.ErrnoException).code;
          if (code === 'ENOENT' || code === 'ELOOP') continue;
          throw fileError(full, err);
        }
      }
      if (isDirectory) visit(full);
      else if (isFile && accept(entry.name)) out.push(full);
    }
  };
  visit(dir);
  return out;
}

/**
 * Expands path arguments into regular files: a file is itself, a directory is every file below
 * it in sorted order, and an argument with glob characters that names no existing file is
 * expanded as a glob (sorted).
 */
export async function expandPaths(
  args: readonly string[],
  options: { skip?: ReadonlySet<string> } = {},
): Promise<FoundFile[]> {
  const found: FoundFile[] = [];
  for (const arg of args) {
    let info: Awaited<ReturnType<typeof stat>> | undefined;
    try {
      info = await stat(arg);
    } catch (err) {
      if (!GLOB_CHARS.test(arg)) throw fileError(arg, err);
    }
    if (info?.isDirectory()) {
      for (const path of await walkDirectory(arg, options.skip)) found.push({ path, from: arg });
    } else if (info) {
      found.push({ path: arg, from: arg });
    } else {
      const matches: string[] = [];
      for await (const match of glob(arg)) matches.push(match);
      const files: string[] = [];
      for (const m of matches.sort(compareNames)) {
        if ((await stat(m)).isFile()) files.push(m);
      }
      if (files.length === 0)
        throw fileError(arg, Object.assign(new Error('no match'), { code: 'ENOENT' }));
      for (const path of files) found.push({ path, from: arg });
    }
  }
  return found;
}

/** The name a found file gets as an in-toto subject: its path below the directory it came from, else its base name. */
export function subjectName(file: FoundFile): string {
  if (file.path === file.from) return file.path.split(sep).pop()!;
  const rel = relative(file.from, file.path);
  return rel.startsWith('..') ? file.path.split(sep).pop()! : rel.split(sep).join('/');
}
