import { malformed } from '../errors.js';
import { hexHash } from '../hashes.js';
import type { Inventory, Package } from '../model.js';
import { cargoPurl, gitVcsUrl } from '../purl.js';
import { isRecord, parseToml, str } from './toml.js';

const CRATES_IO = 'registry+https://github.com/rust-lang/crates.io-index';
const CRATES_IO_SPARSE = 'sparse+https://index.crates.io/';

function sourceQualifiers(source: string | undefined): Record<string, string> | undefined {
  if (source === undefined || source === CRATES_IO || source === CRATES_IO_SPARSE) return undefined;
  if (source.startsWith('git+')) return { vcs_url: gitVcsUrl(source) };
  const plus = source.indexOf('+');
  return { repository_url: plus >= 0 ? source.slice(plus + 1) : source };
}

const WHITESPACE = /\s/;
const PACKAGE_KEYS = new Set(['name', 'version', 'source', 'checksum', 'dependencies']);
// `key = "string"` as Cargo writes it: a basic string without escapes or control characters.
const STRING_FIELD = /^([a-z]+) = "([^"\\\x00-\x1f\x7f]*)"$/;
const ARRAY_ITEM = /^ "([^"\\\x00-\x1f\x7f]*)",$/;

/**
 * Reads a Cargo.lock as smol-toml would, for the layout Cargo writes (v2-v4): a `version = N`
 * line, then `[[package]]` tables of `key = "string"` lines and a `dependencies = [` array with
 * one ` "item",` per line. Anything else (a `[metadata]` table, an escape, another spacing, a
 * duplicate key, a comment after a value) returns undefined and the TOML parser reads the file.
 * It is several times faster than the general parser on a lockfile of a thousand crates.
 */
export function scanCargoLock(text: string): Record<string, unknown> | undefined {
  const doc: Record<string, unknown> = {};
  const packages: Record<string, unknown>[] = [];
  let entry: Record<string, unknown> | undefined;
  let array: string[] | undefined; // the dependencies array being read
  const n = text.length;
  for (let pos = 0; pos < n; ) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = n;
    const line = text.charCodeAt(end - 1) === 13 ? text.slice(pos, end - 1) : text.slice(pos, end);
    pos = end + 1;
    if (array !== undefined) {
      if (line === ']') {
        array = undefined;
        continue;
      }
      const m = ARRAY_ITEM.exec(line);
      if (m === null) return undefined;
      array.push(m[1]!);
      continue;
    }
    if (line === '' || (line.charCodeAt(0) === 35 && entry === undefined)) continue;
    if (line === '[[package]]') {
      entry = {};
      packages.push(entry);
      continue;
    }
    if (entry === undefined) {
      // Before the first table: only `version = N`.
      const m = /^version = ([1-9][0-9]?)$/.exec(line);
      if (m === null || 'version' in doc) return undefined;
      doc.version = Number(m[1]);
      continue;
    }
    if (line === 'dependencies = [') {
      if ('dependencies' in entry) return undefined;
      array = [];
      entry.dependencies = array;
      continue;
    }
    const m = STRING_FIELD.exec(line);
    if (m === null || !PACKAGE_KEYS.has(m[1]!) || m[1]! in entry) return undefined;
    entry[m[1]!] = m[2]!;
  }
  if (array !== undefined) return undefined;
  if (packages.length > 0) doc.package = packages;
  return doc;
}

/**
 * Cargo.lock v1-v4. Packages without `source` are path packages: workspace members and local
 * crates, first-party. v1 keeps checksums in `[metadata]` as `checksum <name> <version> (<source>)`.
 */
export function parseCargoLock(text: string, file: string): Inventory {
  const doc = scanCargoLock(text) ?? parseToml(text, file);
  const raw = doc.package;
  if (raw !== undefined && !Array.isArray(raw))
    throw malformed(file, '`package` is not an array of tables');
  const entries = (raw ?? []) as unknown[];
  const v1Checksums = isRecord(doc.metadata) ? doc.metadata : {};
  const packages: Package[] = [];
  const byName = new Map<string, Package[]>();
  const sources = new Map<Package, string | undefined>();
  entries.forEach((entry, i) => {
    if (!isRecord(entry)) throw malformed(file, `package #${i + 1} is not a table`);
    const name = str(entry.name);
    const version = str(entry.version);
    if (!name || !version) throw malformed(file, `package #${i + 1} has no name or version`);
    const source = str(entry.source);
    const checksum =
      str(entry.checksum) ??
      str(v1Checksums[`checksum ${name} ${version}${source ? ` (${source})` : ''}`]);
    const pkg: Package = {
      key: `${name} ${version}${source ? ` (${source})` : ''}`,
      ecosystem: 'cargo',
      name,
      version,
      purl: cargoPurl(name, version, sourceQualifiers(source)),
      dependencies: [],
    };
    const hashes = hexHash('SHA-256', checksum);
    if (hashes) pkg.hashes = hashes;
    if (source === undefined) pkg.firstParty = true;
    packages.push(pkg);
    sources.set(pkg, source);
    const list = byName.get(name);
    if (list) list.push(pkg);
    else byName.set(name, [pkg]);
  });
  // Dependencies are `name`, `name version` or (v1) `name version (source)`: resolve each.
  entries.forEach((entry, i) => {
    const pkg = packages[i]!;
    const deps = (entry as Record<string, unknown>).dependencies;
    if (deps === undefined) return;
    if (!Array.isArray(deps))
      throw malformed(file, `${pkg.name} ${pkg.version}: dependencies is not an array`);
    for (const dep of deps) {
      if (typeof dep !== 'string')
        throw malformed(file, `${pkg.name} ${pkg.version}: bad dependency`);
      let match: Package[];
      if (!WHITESPACE.test(dep)) {
        // The common form, a bare name: every package of that name.
        match = byName.get(dep) ?? [];
      } else {
        const m = /^(\S+)(?: (\S+))?(?: \((.+)\))?$/.exec(dep.trim());
        const candidates = (m && byName.get(m[1]!)) || [];
        match = candidates.filter(
          (c) =>
            (m![2] === undefined || c.version === m![2]) &&
            (m![3] === undefined || sources.get(c) === m![3]),
        );
      }
      if (match.length !== 1) {
        throw malformed(
          file,
          `${pkg.name} ${pkg.version}: dependency "${dep}" matches ${match.length} packages`,
        );
      }
      pkg.dependencies!.push(match[0]!.key);
    }
  });
  return {
    source: file,
    format: 'Cargo.lock',
    packages,
    hasGraph: true,
    completeness: 'complete',
    warnings: [],
  };
}
