import { malformed } from '../errors.js';
import { sriToHashes } from '../hashes.js';
import type { Inventory, Package } from '../model.js';
import { jsOrigin, npmOriginPurl } from './npm.js';
import { scanPnpmLock, UNREAD_FIELDS } from './pnpmscan.js';
import { entriesOf, isRecord, str, toText } from './toml.js';
import { parseYaml } from './yamlfile.js';

/** `name@version(peers)` -> [name, version], for v9 keys and v6 keys without the leading `/`. */
function splitKey(key: string): [string, string] {
  const base = key.split('(')[0]!;
  const at = base.indexOf('@', 1);
  return at > 0 ? [base.slice(0, at), base.slice(at + 1)] : [base, ''];
}

/** v5 keys: `/name/1.2.3_peer@1` or `/@scope/name/1.2.3`. */
function splitV5Key(key: string): [string, string] {
  const k = key.replace(/^\//, '');
  const parts = k.split('/');
  const scoped = k.startsWith('@');
  const name = scoped ? `${parts[0]}/${parts[1]}` : parts[0]!;
  const version = (scoped ? parts[2] : parts[1]) ?? '';
  return [name, version.split('_')[0]!];
}

const stripPeers = (key: string): string => key.split('(')[0]!;

/** A git resolution (`{type: git, repo, commit}`) as the git URL npm would write for it. */
function gitSpec(resolution: Record<string, unknown>): string | undefined {
  const repo = str(resolution.repo);
  if (repo === undefined) return undefined;
  const commit = str(resolution.commit);
  return `${/^git\+/i.test(repo) ? '' : 'git+'}${repo}${commit ? `#${commit}` : ''}`;
}

/** pnpm-lock.yaml lockfileVersion 5.x, 6.0, 7.0, 9.0. */
export function parsePnpmLock(text: string, file: string): Inventory {
  // The scanner reads the layout pnpm writes, faster; anything else goes to the YAML reader.
  return pnpmInventory(scanPnpmLock(text) ?? readPnpmYaml(text, file), file);
}

/** The lockfile as the YAML reader gives it: what the scanner's answer must equal. */
export function readPnpmYaml(text: string, file: string): unknown {
  return parseYaml(text, file, UNREAD_FIELDS);
}

/** The inventory of a lockfile's document, from the scanner or the YAML reader. */
export function pnpmInventory(doc: unknown, file: string): Inventory {
  if (!isRecord(doc)) throw malformed(file, 'not a YAML mapping');
  const lockVersion = toText(doc.lockfileVersion ?? '');
  const major = Number.parseFloat(lockVersion);
  if (!(major >= 5)) throw malformed(file, `unsupported lockfileVersion "${lockVersion}"`);
  const v9 = major >= 9;
  const v5 = major < 6;
  const pkgs = entriesOf(doc.packages) ?? [];
  const snaps = v9 ? (entriesOf(doc.snapshots) ?? []) : pkgs;

  // The package key (peer suffix removed) of a dependency written as `name: version`, as pnpm's
  // refToRelative finds it.
  const depKey = (name: string, value: string): string | undefined => {
    if (value.startsWith('link:')) return undefined;
    if (v9) {
      // A reference with an `@` before any `:` or `(` (`obug@1.0.2`) is a key; another
      // (`1.0.2`, `https://…`, `git+ssh://git@…`) is the version of `name`.
      const at = value.indexOf('@');
      const colon = value.indexOf(':');
      const paren = value.indexOf('(');
      const whole =
        value.startsWith('@') || (at > 0 && (colon < 0 || at < colon) && (paren < 0 || at < paren));
      return stripPeers(whole ? value : `${name}@${value}`);
    }
    // v5 and v6: a reference with a `/` before its peers (`/name@1.0.0`, `github.com/o/r/<sha>`,
    // `file:…`) is a key; a bare version is one of `name` from the registry.
    const slash = value.indexOf('/');
    const paren = value.indexOf('(');
    const whole = value.startsWith('file:') || (slash >= 0 && (paren < 0 || slash < paren));
    if (whole) return v5 ? value.split('_')[0] : stripPeers(value);
    return v5 ? `/${name}/${value.split('_')[0]}` : stripPeers(`/${name}@${value}`);
  };

  const packages = new Map<string, Package>();
  for (const [key, raw] of pkgs) {
    if (!isRecord(raw)) throw malformed(file, `packages["${key}"] is not a mapping`);
    const pkey = v9 ? stripPeers(key) : v5 ? key.split('_')[0]! : stripPeers(key);
    if (packages.has(pkey)) continue;
    let [name, version] = v9
      ? splitKey(key)
      : v5
        ? splitV5Key(key)
        : splitKey(key.replace(/^\//, ''));
    const resolution = isRecord(raw.resolution) ? raw.resolution : {};
    // A registry package's key is its name and version (a tarball in its resolution is only
    // where that registry keeps it); another's holds its source.
    const fromRegistry = v9 ? !/[:/]/.test(version) : key.startsWith('/');
    const origin = fromRegistry
      ? undefined
      : resolution.type === 'git'
        ? jsOrigin(gitSpec(resolution))
        : jsOrigin(str(resolution.tarball), true);
    // The source is no version: pnpm writes a git or URL package's version as a field.
    if (typeof origin === 'object') version = '';
    if (str(raw.name)) name = str(raw.name)!;
    if (str(raw.version)) version = str(raw.version)!;
    const local =
      resolution.type === 'directory' ||
      str(resolution.directory) !== undefined ||
      origin === 'local';
    const pkg: Package = {
      key: pkey,
      ecosystem: 'npm',
      name,
      version,
      purl: npmOriginPurl(name, version, origin),
      dependencies: [],
    };
    if (local) {
      // A folder of the workspace: its "version" is a path, not something a purl can name.
      pkg.firstParty = true;
      delete pkg.purl;
      pkg.properties = { 'build-artifact:pnpm.key': key };
    }
    const hashes = sriToHashes(resolution.integrity);
    if (hashes) pkg.hashes = hashes;
    if (!v9) {
      if (raw.dev === true) pkg.scope = 'excluded';
      else if (raw.optional === true) pkg.scope = 'optional';
    }
    packages.set(pkey, pkg);
  }
  const edges = new Map<string, Set<string>>();
  const addEdges = (from: string, deps: unknown): void => {
    const entries = entriesOf(deps);
    if (entries === undefined) return;
    let set = edges.get(from);
    if (!set) {
      set = new Set();
      edges.set(from, set);
    }
    for (const [name, spec] of entries) {
      const value = isRecord(spec)
        ? str(spec.version)
        : typeof spec === 'string'
          ? spec
          : toText(spec);
      if (value === undefined) continue;
      const k = depKey(name, value);
      if (k !== undefined && packages.has(k)) set.add(k);
    }
  };
  const optionalSnap = new Set<string>();
  for (const [key, raw] of snaps) {
    if (!isRecord(raw)) throw malformed(file, `snapshots["${key}"] is not a mapping`);
    const pkey = v5 ? key.split('_')[0]! : stripPeers(key);
    if (!packages.has(pkey)) continue;
    addEdges(pkey, raw.dependencies);
    addEdges(pkey, raw.optionalDependencies);
    if (v9 && raw.optional === true) optionalSnap.add(pkey);
  }

  // Importers are the workspace's own folders: first-party, with their direct dependencies.
  const importerEntries = entriesOf(doc.importers);
  const importers: [string, Record<string, unknown>][] = importerEntries
    ? Array.from(importerEntries, ([p, v]) => [p, isRecord(v) ? v : {}])
    : [['.', doc]];
  const prodRoots: string[] = [];
  const devRoots: string[] = [];
  const firstParty: Package[] = [];
  for (const [path, imp] of importers) {
    const key = `importer:${path}`;
    addEdges(key, imp.dependencies);
    addEdges(key, imp.optionalDependencies);
    const prod = [...(edges.get(key) ?? [])];
    addEdges(key, imp.devDependencies);
    prodRoots.push(...prod);
    for (const k of edges.get(key) ?? []) if (!prod.includes(k)) devRoots.push(k);
    firstParty.push({
      key,
      ecosystem: 'npm',
      name: path,
      version: '',
      firstParty: true,
      dependencies: [...(edges.get(key) ?? [])],
    });
  }
  for (const [k, pkg] of packages) pkg.dependencies = [...(edges.get(k) ?? [])];
  if (v9) {
    // v9 dropped the per-package dev flag: a package only reachable from devDependencies is dev.
    const reach = (roots: string[]): Set<string> => {
      const seen = new Set<string>();
      const stack = [...roots];
      while (stack.length > 0) {
        const k = stack.pop()!;
        if (seen.has(k)) continue;
        seen.add(k);
        for (const d of edges.get(k) ?? []) stack.push(d);
      }
      return seen;
    };
    const prod = reach(prodRoots);
    const dev = reach(devRoots);
    for (const [k, pkg] of packages) {
      if (!prod.has(k) && dev.has(k)) pkg.scope = 'excluded';
      else if (optionalSnap.has(k)) pkg.scope = 'optional';
    }
  }
  return {
    source: file,
    format: 'pnpm-lock.yaml',
    packages: [...firstParty, ...packages.values()],
    hasGraph: true,
    completeness: 'complete',
    warnings: [],
  };
}
