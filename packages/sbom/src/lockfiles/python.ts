import { malformed } from '../errors.js';
import type { Inventory, Package } from '../model.js';
import { gitVcsUrl, pep503, pypiPurl } from '../purl.js';
import { parseJson } from './json.js';
import { isRecord, parseToml, str, toText } from './toml.js';

/*
 * Python lockfiles list several files (wheels, sdist) per package, each with its own SHA-256: none
 * of them is "the" component's hash, so they stay out of `hashes` (see the README).
 */

function pyPackage(
  name: string,
  version: string,
  key: string,
  qualifiers?: Record<string, string>,
): Package {
  return {
    key,
    ecosystem: 'pypi',
    name,
    version,
    purl: pypiPurl(name, version, qualifiers),
    dependencies: [],
  };
}

const FILE_LIST = /^(?:wheels|files) = \[\n/gm;
const FILE_ITEM = / {4}\{[^\n]*\},?\n/y;
const SDIST = /^sdist = \{[^\n]*\}$/gm;

/**
 * uv.lock, poetry.lock and pdm.lock spend most of their bytes on per-file lists (`wheels = [`,
 * `files = [`, one inline table per line) that the inventory does not read. Where they have
 * exactly that shape, their lines (and uv's one-line `sdist = {...}`) are blanked before the
 * TOML parser runs, kept as empty lines so that a TOML error still names the right line: parsing
 * is then several times faster. Nothing is blanked in a file with multi-line strings, where such
 * a line could be inside a string, or with CR LF line ends.
 */
export function withoutFileLists(text: string): string {
  if (text.includes('"""') || text.includes("'''") || text.includes('\r')) return text;
  const parts: string[] = [];
  let kept = 0; // start of the text not yet copied
  FILE_LIST.lastIndex = 0;
  for (let m = FILE_LIST.exec(text); m !== null; m = FILE_LIST.exec(text)) {
    // One inline table per line up to a `]` line.
    let at = m.index + m[0].length;
    let lines = 1;
    FILE_ITEM.lastIndex = at;
    while (FILE_ITEM.test(text)) {
      at = FILE_ITEM.lastIndex;
      lines++;
    }
    if (text[at] !== ']' || (at + 1 < text.length && text[at + 1] !== '\n')) continue;
    parts.push(text.slice(kept, m.index), '\n'.repeat(lines));
    kept = at + 1;
    FILE_LIST.lastIndex = kept;
  }
  parts.push(text.slice(kept));
  // uv's one-line `sdist = { url, hash, size, ... }`: not read either.
  return parts.join('').replace(SDIST, '');
}

/** Breadth-first reach over `edges` from `roots`. */
function reach(roots: Iterable<string>, edges: Map<string, string[]>): Set<string> {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length > 0) {
    const k = stack.pop()!;
    if (seen.has(k)) continue;
    seen.add(k);
    for (const d of edges.get(k) ?? []) stack.push(d);
  }
  return seen;
}

/** Scope by what first-party code reaches: required, else only through extras, else only dev. */
function applyScopes(
  packages: Package[],
  edges: Map<string, string[]>,
  prod: string[],
  optional: string[],
  dev: string[],
): void {
  const p = reach(prod, edges);
  const o = reach(optional, edges);
  const d = reach(dev, edges);
  for (const pkg of packages) {
    if (pkg.firstParty || p.has(pkg.key)) continue;
    if (o.has(pkg.key)) pkg.scope = 'optional';
    else if (d.has(pkg.key)) pkg.scope = 'excluded';
  }
}

function gitQualifier(source: Record<string, unknown>): Record<string, string> | undefined {
  const git = str(source.git);
  if (git) return { vcs_url: gitVcsUrl(git) };
  const url = str(source.url);
  if (url) return { download_url: url };
  return undefined;
}

/** uv.lock (version 1). */
export function parseUvLock(text: string, file: string): Inventory {
  const doc = parseToml(withoutFileLists(text), file);
  const raw = doc.package;
  if (raw !== undefined && !Array.isArray(raw))
    throw malformed(file, '`package` is not an array of tables');
  const entries = (raw ?? []) as unknown[];
  const packages: Package[] = [];
  const byName = new Map<string, Package[]>();
  const sources = new Map<Package, string>();
  entries.forEach((entry, i) => {
    if (!isRecord(entry)) throw malformed(file, `package #${i + 1} is not a table`);
    const name = str(entry.name);
    if (!name) throw malformed(file, `package #${i + 1} has no name`);
    const source = isRecord(entry.source) ? entry.source : {};
    const kind = Object.keys(source)[0] ?? 'registry';
    const local = ['editable', 'virtual', 'directory'].includes(kind);
    const version = str(entry.version) ?? '';
    if (!local && !version) throw malformed(file, `${name}: no version`);
    const pkg = pyPackage(
      name,
      version,
      `${pep503(name)}@${version}@${JSON.stringify(source)}`,
      gitQualifier(source),
    );
    if (local) {
      pkg.firstParty = true;
      delete pkg.purl;
      pkg.properties = { 'build-artifact:python.source': `${kind}:${toText(source[kind])}` };
    }
    packages.push(pkg);
    sources.set(pkg, JSON.stringify(source));
    const n = pep503(name);
    const list = byName.get(n);
    if (list) list.push(pkg);
    else byName.set(n, [pkg]);
  });
  const resolveDeps = (deps: unknown): string[] => {
    const out: string[] = [];
    if (!Array.isArray(deps)) return out;
    for (const d of deps) {
      if (!isRecord(d) || !str(d.name)) continue;
      let cands = byName.get(pep503(str(d.name)!)) ?? [];
      if (str(d.version)) cands = cands.filter((c) => c.version === d.version);
      if (isRecord(d.source))
        cands = cands.filter((c) => sources.get(c) === JSON.stringify(d.source));
      for (const c of cands) if (!out.includes(c.key)) out.push(c.key);
    }
    return out;
  };
  const groupDeps = (groups: unknown): string[] =>
    isRecord(groups) ? Object.values(groups).flatMap((g) => resolveDeps(g)) : [];
  const edges = new Map<string, string[]>();
  const prod: string[] = [];
  const optional: string[] = [];
  const dev: string[] = [];
  entries.forEach((entry, i) => {
    const e = entry as Record<string, unknown>;
    const pkg = packages[i]!;
    const direct = resolveDeps(e.dependencies);
    const extras = groupDeps(e['optional-dependencies']);
    const devs = groupDeps(e['dev-dependencies']);
    if (pkg.firstParty) {
      prod.push(...direct);
      optional.push(...extras);
      dev.push(...devs);
    }
    pkg.dependencies = [...new Set([...direct, ...extras, ...devs])];
    edges.set(pkg.key, pkg.firstParty ? direct : pkg.dependencies);
  });
  for (const pkg of packages) if (pkg.firstParty) prod.push(pkg.key);
  applyScopes(packages, edges, prod, optional, dev);
  return {
    source: file,
    format: 'uv.lock',
    packages,
    hasGraph: true,
    completeness: 'complete',
    warnings: [],
  };
}

/** poetry.lock (1.x `category`, 2.x `groups`). */
export function parsePoetryLock(text: string, file: string): Inventory {
  const doc = parseToml(withoutFileLists(text), file);
  const raw = doc.package;
  if (raw !== undefined && !Array.isArray(raw))
    throw malformed(file, '`package` is not an array of tables');
  const entries = (raw ?? []) as unknown[];
  const packages: Package[] = [];
  const byName = new Map<string, Package[]>();
  entries.forEach((entry, i) => {
    if (!isRecord(entry)) throw malformed(file, `package #${i + 1} is not a table`);
    const name = str(entry.name);
    const version = str(entry.version);
    if (!name || !version) throw malformed(file, `package #${i + 1} has no name or version`);
    const source = isRecord(entry.source) ? entry.source : {};
    const type = str(source.type);
    const qualifiers: Record<string, string> | undefined =
      type === 'git'
        ? {
            vcs_url: gitVcsUrl(
              str(source.url) ?? '',
              str(source.resolved_reference) ?? str(source.reference),
            ),
          }
        : type === 'url'
          ? { download_url: str(source.url) ?? '' }
          : type === 'legacy' && str(source.url)
            ? { repository_url: str(source.url)! }
            : undefined;
    const pkg = pyPackage(name, version, `${pep503(name)}@${version}`, qualifiers);
    if (type === 'directory') pkg.firstParty = true;
    const groups = Array.isArray(entry.groups)
      ? entry.groups.map(String)
      : [str(entry.category) ?? 'main'];
    if (!groups.includes('main')) pkg.scope = 'excluded';
    else if (entry.optional === true) pkg.scope = 'optional';
    packages.push(pkg);
    const list = byName.get(pep503(name));
    if (list) list.push(pkg);
    else byName.set(pep503(name), [pkg]);
  });
  entries.forEach((entry, i) => {
    const deps = (entry as Record<string, unknown>).dependencies;
    if (!isRecord(deps)) return;
    const pkg = packages[i]!;
    for (const n of Object.keys(deps)) {
      for (const c of byName.get(pep503(n)) ?? [])
        if (!pkg.dependencies!.includes(c.key)) pkg.dependencies!.push(c.key);
    }
  });
  return {
    source: file,
    format: 'poetry.lock',
    packages,
    hasGraph: true,
    completeness: 'complete',
    warnings: [],
  };
}

/** The distribution name at the start of a PEP 508 requirement string. */
export function requirementName(spec: string): string | undefined {
  return /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/.exec(spec)?.[1];
}

/** pdm.lock. */
export function parsePdmLock(text: string, file: string): Inventory {
  const doc = parseToml(withoutFileLists(text), file);
  const raw = doc.package;
  if (raw !== undefined && !Array.isArray(raw))
    throw malformed(file, '`package` is not an array of tables');
  const entries = (raw ?? []) as unknown[];
  const packages: Package[] = [];
  const byName = new Map<string, Package[]>();
  entries.forEach((entry, i) => {
    if (!isRecord(entry)) throw malformed(file, `package #${i + 1} is not a table`);
    const name = str(entry.name);
    const version = str(entry.version) ?? '';
    if (!name) throw malformed(file, `package #${i + 1} has no name`);
    const local = entry.editable === true || str(entry.path) !== undefined;
    if (!local && !version) throw malformed(file, `${name}: no version`);
    const git = str(entry.git);
    const pkg = pyPackage(
      name,
      version,
      `${pep503(name)}@${version}`,
      git ? { vcs_url: gitVcsUrl(git, str(entry.revision)) } : undefined,
    );
    if (local) {
      pkg.firstParty = true;
      delete pkg.purl;
    }
    const groups = Array.isArray(entry.groups) ? entry.groups.map(String) : ['default'];
    if (!groups.includes('default')) pkg.scope = 'excluded';
    packages.push(pkg);
    const list = byName.get(pep503(name));
    if (list) list.push(pkg);
    else byName.set(pep503(name), [pkg]);
  });
  entries.forEach((entry, i) => {
    const deps = (entry as Record<string, unknown>).dependencies;
    if (!Array.isArray(deps)) return;
    const pkg = packages[i]!;
    for (const d of deps) {
      const n = typeof d === 'string' ? requirementName(d) : undefined;
      for (const c of (n && byName.get(pep503(n))) || [])
        if (!pkg.dependencies!.includes(c.key)) pkg.dependencies!.push(c.key);
    }
  });
  return {
    source: file,
    format: 'pdm.lock',
    packages,
    hasGraph: true,
    completeness: 'complete',
    warnings: [],
  };
}

/** Pipfile.lock: `default` and `develop` maps; no graph. */
export function parsePipfileLock(text: string, file: string): Inventory {
  const doc = parseJson(text, file);
  if (!isRecord(doc)) throw malformed(file, 'not a JSON object');
  const packages = new Map<string, Package>();
  const warnings: string[] = [];
  for (const section of ['default', 'develop'] as const) {
    const group = doc[section];
    if (group === undefined) continue;
    if (!isRecord(group)) throw malformed(file, `"${section}" is not an object`);
    for (const [name, raw] of Object.entries(group)) {
      if (!isRecord(raw)) throw malformed(file, `${section}.${name} is not an object`);
      const spec = str(raw.version);
      const local =
        raw.editable === true || str(raw.path) !== undefined || str(raw.file) !== undefined;
      const git = str(raw.git);
      const version = spec?.startsWith('==') ? spec.replace(/^===?/, '') : undefined;
      // default and develop may pin different versions of one name: both are listed.
      const key = `${pep503(name)}@${version ?? str(raw.ref) ?? ''}`;
      const existing = packages.get(key);
      if (existing) {
        if (section === 'default') delete existing.scope;
        continue;
      }
      if (local) {
        packages.set(key, {
          key,
          ecosystem: 'pypi',
          name,
          version: version ?? '',
          firstParty: true,
        });
        continue;
      }
      if (version === undefined && !git) {
        warnings.push(
          `${file}: ${section}.${name} is not pinned (${spec ?? 'no version'}); left out`,
        );
        continue;
      }
      const pkg = pyPackage(
        name,
        version ?? '',
        key,
        git ? { vcs_url: gitVcsUrl(git, str(raw.ref)) } : undefined,
      );
      delete pkg.dependencies;
      if (version === undefined) {
        warnings.push(`${file}: ${section}.${name} is a git requirement without a version`);
      }
      if (str(raw.markers)) pkg.properties = { 'build-artifact:python.markers': str(raw.markers)! };
      if (section === 'develop') pkg.scope = 'excluded';
      packages.set(key, pkg);
    }
  }
  return {
    source: file,
    format: 'Pipfile.lock',
    packages: [...packages.values()],
    hasGraph: false,
    completeness: warnings.length > 0 ? 'incomplete' : 'complete',
    warnings,
  };
}
