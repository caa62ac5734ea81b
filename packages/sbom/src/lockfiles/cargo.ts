import { malformed } from '../errors.js';
import { hexHash } from '../hashes.js';
import type { Inventory, Package } from '../model.js';
import { cargoPurl } from '../purl.js';
import { isRecord, parseToml, str } from './toml.js';

const CRATES_IO = 'registry+https://github.com/rust-lang/crates.io-index';
const CRATES_IO_SPARSE = 'sparse+https://index.crates.io/';

function sourceQualifiers(source: string | undefined): Record<string, string> | undefined {
  if (source === undefined || source === CRATES_IO || source === CRATES_IO_SPARSE) return undefined;
  if (source.startsWith('git+')) return { vcs_url: source };
  const plus = source.indexOf('+');
  return { repository_url: plus >= 0 ? source.slice(plus + 1) : source };
}

/**
 * Cargo.lock v1-v4. Packages without `source` are path packages: workspace members and local
 * crates, first-party. v1 keeps checksums in `[metadata]` as `checksum <name> <version> (<source>)`.
 */
export function parseCargoLock(text: string, file: string): Inventory {
  const doc = parseToml(text, file);
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
      const m = /^(\S+)(?: (\S+))?(?: \((.+)\))?$/.exec(dep.trim());
      const candidates = (m && byName.get(m[1]!)) || [];
      const match = candidates.filter(
        (c) =>
          (m![2] === undefined || c.version === m![2]) &&
          (m![3] === undefined || sources.get(c) === m![3]),
      );
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
