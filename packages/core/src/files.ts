import { glob, lstat, readdir, stat } from 'node:fs/promises';
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
function compareNames(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every regular file below `dir`, recursing in sorted order; symlinks to files are followed. */
export async function walkDirectory(
  dir: string,
  skip: ReadonlySet<string> = new Set(),
): Promise<string[]> {
  const out: string[] = [];
  const visit = async (current: string): Promise<void> => {
    let entries: string[];
    try {
      entries = (await readdir(current)).sort(compareNames);
    } catch (err) {
      throw fileError(current, err);
    }
    for (const name of entries) {
      if (skip.has(name)) continue;
      const full = join(current, name);
      let info: Awaited<ReturnType<typeof stat>>;
      try {
        info = await stat(full);
      } catch (err) {
        // A dangling symlink inside a tree is skipped, as `sha256sum` over `find -type f` would.
        if ((await lstat(full).catch(() => undefined))?.isSymbolicLink()) continue;
        throw fileError(full, err);
      }
      if (info.isDirectory()) await visit(full);
      else if (info.isFile()) out.push(full);
    }
  };
  await visit(dir);
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
