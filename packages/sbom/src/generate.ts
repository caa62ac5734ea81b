import { statSync } from 'node:fs';
import { basename, dirname, relative, resolve, sep } from 'node:path';
import {
  fileError,
  type ProgressCallback,
  sourceDateEpoch,
  walkDirectory,
} from '@build-artifact/core';
import type { Assembly } from './assembly.js';
import { buildBom } from './bom.js';
import { lockfileKind, MANIFESTS, SKIP_DIRS } from './detect.js';
import { SbomError } from './errors.js';
import {
  DEFAULT_SBOM_FORMAT,
  isSbomFormat,
  SBOM_FORMATS,
  type SbomFormat,
  type SbomResult,
} from './format.js';
import { inventoryFromLockfile } from './inventory.js';
import type { Inventory } from './model.js';
import { buildSpdx } from './spdx.js';

export interface SbomOptions {
  /** `cyclonedx-json` (the default) or `spdx-json`. */
  format?: SbomFormat;
  /** The CycloneDX version: 1.6 (the default) or 1.7; only for `cyclonedx-json`. */
  specVersion?: '1.6' | '1.7';
  /** Seconds since the epoch; defaults to `SOURCE_DATE_EPOCH` from the environment when set. */
  sourceDateEpoch?: number;
  onProgress?: ProgressCallback;
}

/** The lockfiles below a directory, in sorted order, the skipped folders left out. */
export async function findLockfiles(dir: string): Promise<string[]> {
  const found = await walkDirectory(dir, SKIP_DIRS, (name) => lockfileKind(name) !== undefined);
  // npm ignores package-lock.json when npm-shrinkwrap.json sits beside it.
  const shrinkwrapDirs = new Set(
    found.filter((f) => basename(f) === 'npm-shrinkwrap.json').map(dirname),
  );
  return found.filter(
    (f) => !(basename(f) === 'package-lock.json' && shrinkwrapDirs.has(dirname(f))),
  );
}

/**
 * One SBOM, CycloneDX (the default) or SPDX 2.3 as `options.format` says, for any mix of
 * directories (every lockfile in them), lockfiles and binaries (ELF, Mach-O, PE, wasm). Several
 * paths merge into one document.
 */
export async function generateSbom(
  paths: string[],
  options: SbomOptions = {},
): Promise<SbomResult> {
  const format: unknown = options.format ?? DEFAULT_SBOM_FORMAT;
  if (!isSbomFormat(format)) {
    throw new SbomError({
      code: 'UNSUPPORTED_INPUT',
      message: `unknown SBOM format "${String(format)}": ${Object.keys(SBOM_FORMATS).join(' or ')}`,
    });
  }
  if (format !== 'cyclonedx-json' && options.specVersion !== undefined) {
    throw new SbomError({
      code: 'UNSUPPORTED_INPUT',
      message: `a CycloneDX spec version (${options.specVersion}) was given for ${format}`,
    });
  }
  if (paths.length === 0) throw new SbomError({ code: 'NO_INPUTS', message: 'no paths given' });
  const progress = options.onProgress ?? (() => {});
  const inventories: Inventory[] = [];
  const binaries: Assembly[] = [];
  const names: string[] = [];
  for (const path of paths) {
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch (err) {
      throw fileError(path, err);
    }
    if (isDir) {
      names.push(basename(resolve(path)));
      const files = await findLockfiles(path);
      progress({ step: 'sbom', message: `${path}: ${files.length} lockfile(s)`, level: 'debug' });
      if (files.length === 0) {
        progress({
          step: 'sbom',
          message: `${path}: no supported lockfile found`,
          level: 'warning',
        });
      }
      for (const f of files) {
        let inv: Inventory;
        try {
          inv = await inventoryFromLockfile(f);
        } catch (err) {
          // `docs/hw_requirements.txt` may be prose: a file found only by the wide pattern
          // (the word anywhere in its name) that does not parse is passed over, not fatal.
          const wide = lockfileKind(f) === 'requirements' && !/^requirements/i.test(basename(f));
          if (!wide || !(err instanceof SbomError) || err.code !== 'MALFORMED_LOCKFILE') throw err;
          progress({
            step: 'sbom',
            message: `${f}: not read as a requirements file (${err.message}); left out`,
            level: 'warning',
          });
          continue;
        }
        // Paths in the BOM are relative to the argument, so the output does not depend on
        // where the tree sits on disk.
        inv.source = relative(path, f).split(sep).join('/');
        inventories.push(inv);
      }
      continue;
    }
    names.push(basename(path));
    if (lockfileKind(path)) {
      const inv = await inventoryFromLockfile(path);
      inv.source = basename(path);
      inventories.push(inv);
      continue;
    }
    const manifest = MANIFESTS[basename(path)];
    if (manifest) {
      throw new SbomError({
        code: 'UNSUPPORTED_INPUT',
        file: path,
        message: `a manifest, not a lockfile: give ${manifest} (or its directory)`,
      });
    }
    progress({ step: 'sbom', message: `${path}: reading as a binary`, level: 'debug' });
    // Loaded only for binaries: the object-file readers and zlib (cargo-auditable).
    const [{ inspectBinary }, { binaryAssembly }] = await Promise.all([
      import('./binary/inspect.js'),
      import('./assembly.js'),
    ]);
    binaries.push(binaryAssembly(await inspectBinary(path), basename(path)));
  }
  for (const inv of inventories) {
    for (const w of inv.warnings) progress({ step: 'sbom', message: w, level: 'warning' });
  }
  for (const b of binaries) {
    const walk = (a: Assembly): void => {
      for (const inv of a.inventories)
        for (const w of inv.warnings) progress({ step: 'sbom', message: w, level: 'warning' });
      if (a.inventories.length === 0) {
        progress({
          step: 'sbom',
          message: `${a.name}: no Go build info or cargo-auditable data: its own dependencies are not listed${a.children.length ? ' (only those of the modules embedded in it)' : ''}`,
          level: 'warning',
        });
      }
      a.children.forEach(walk);
    };
    walk(b);
  }

  let root: Assembly;
  if (binaries.length === 1 && inventories.length === 0) {
    root = binaries[0]!;
  } else {
    const parts = [
      ...inventories.map((i) => i.completeness),
      ...binaries.map((b) => b.completeness),
    ];
    root = {
      name: names.join('+'),
      type: 'application',
      properties: {},
      inventories,
      children: binaries,
      completeness:
        parts.includes('unknown') || parts.length === 0
          ? 'unknown'
          : parts.includes('incomplete')
            ? 'incomplete'
            : 'complete',
    };
  }
  const epoch = options.sourceDateEpoch ?? sourceDateEpoch(process.env);
  const times = epoch === undefined ? {} : { sourceDateEpoch: epoch };
  if (format === 'spdx-json') return buildSpdx(root, times);
  return buildBom(root, { specVersion: options.specVersion ?? '1.6', ...times });
}
