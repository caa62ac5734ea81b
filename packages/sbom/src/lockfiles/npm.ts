import { malformed } from '../errors.js';
import { sriToHashes } from '../hashes.js';
import type { Inventory, Package } from '../model.js';
import { npmPurl } from '../purl.js';
import { parseJson } from './json.js';
import { isRecord, str } from './toml.js';

interface Entry {
  path: string;
  name: string;
  version: string;
  link: boolean;
  resolved?: string;
  integrity?: string;
  dev: boolean;
  optional: boolean;
  devOptional: boolean;
  deps: string[];
  optionalDeps: Set<string>;
}

const NM = 'node_modules/';

function nameFromPath(path: string): string {
  const i = path.lastIndexOf(NM);
  return i >= 0 ? path.slice(i + NM.length) : (path.split('/').pop() ?? path);
}

function depNames(entry: Record<string, unknown>, ...fields: string[]): string[] {
  const out: string[] = [];
  for (const f of fields) {
    const v = entry[f];
    if (isRecord(v)) out.push(...Object.keys(v));
  }
  return out;
}

/** `npm:real-name@1.2.3` alias versions (v1 lockfiles) to the real name and version. */
function unalias(name: string, version: string): [string, string] {
  if (!version.startsWith('npm:')) return [name, version];
  const spec = version.slice(4);
  const at = spec.lastIndexOf('@');
  return at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [name, version];
}

/** package-lock.json / npm-shrinkwrap.json, lockfileVersion 1, 2 and 3. */
export function parsePackageLock(text: string, file: string): Inventory {
  const doc = parseJson(text, file);
  if (!isRecord(doc)) throw malformed(file, 'not a JSON object');
  const entries = new Map<string, Entry>();
  const rootName = str(doc.name) ?? '';
  if (isRecord(doc.packages)) {
    for (const [path, raw] of Object.entries(doc.packages)) {
      if (!isRecord(raw)) throw malformed(file, `packages["${path}"] is not an object`);
      const [name, version] = unalias(
        str(raw.name) ?? (path === '' ? rootName : nameFromPath(path)),
        str(raw.version) ?? '',
      );
      entries.set(path, {
        path,
        name,
        version,
        link: raw.link === true,
        resolved: str(raw.resolved),
        integrity: str(raw.integrity),
        dev: raw.dev === true,
        optional: raw.optional === true,
        devOptional: raw.devOptional === true,
        deps: depNames(raw, 'dependencies', 'optionalDependencies', 'peerDependencies'),
        optionalDeps: new Set([
          ...depNames(raw, 'optionalDependencies'),
          ...Object.entries(isRecord(raw.peerDependenciesMeta) ? raw.peerDependenciesMeta : {})
            .filter(([, m]) => isRecord(m) && m.optional === true)
            .map(([n]) => n),
        ]),
      });
    }
  } else if (isRecord(doc.dependencies) || doc.dependencies === undefined) {
    // v1: a nested tree; flatten it into node_modules paths.
    entries.set('', {
      path: '',
      name: rootName,
      version: str(doc.version) ?? '',
      link: false,
      dev: false,
      optional: false,
      devOptional: false,
      deps: Object.keys(isRecord(doc.dependencies) ? doc.dependencies : {}),
      optionalDeps: new Set(),
    });
    const walk = (deps: Record<string, unknown>, prefix: string): void => {
      for (const [key, raw] of Object.entries(deps)) {
        if (!isRecord(raw)) throw malformed(file, `dependencies["${key}"] is not an object`);
        const path = `${prefix}${NM}${key}`;
        const rawVersion = str(raw.version) ?? '';
        const [name, version] = unalias(key, rawVersion);
        const local = rawVersion.startsWith('file:');
        entries.set(path, {
          path,
          name,
          version: local ? '' : version,
          link: local,
          resolved: str(raw.resolved),
          integrity: str(raw.integrity),
          dev: raw.dev === true,
          optional: raw.optional === true,
          devOptional: false,
          deps: depNames(raw, 'requires'),
          optionalDeps: new Set(),
        });
        if (isRecord(raw.dependencies)) walk(raw.dependencies, `${path}/`);
      }
    };
    if (isRecord(doc.dependencies)) walk(doc.dependencies, '');
  } else {
    throw malformed(file, 'neither `packages` nor `dependencies` is an object');
  }

  // Node's resolution: from a package's folder upwards, the first node_modules/<name>.
  const resolve = (from: string, name: string): Entry | undefined => {
    let base = from;
    for (;;) {
      const hit = entries.get(base === '' ? `${NM}${name}` : `${base}/${NM}${name}`);
      if (hit) return hit;
      if (base === '') return undefined;
      const i = base.lastIndexOf(`/${NM}`);
      base = i >= 0 ? base.slice(0, i) : '';
    }
  };
  const target = (e: Entry): Entry =>
    e.link && e.resolved !== undefined ? (entries.get(e.resolved) ?? e) : e;

  const packages: Package[] = [];
  for (const e of entries.values()) {
    if (e.link) continue; // the link's target is listed under its own path
    const firstParty = !e.path.includes(NM) || e.resolved?.startsWith('file:') === true;
    const pkg: Package = {
      key: e.path,
      ecosystem: 'npm',
      name: e.name,
      version: e.version,
      purl: npmPurl(e.name || 'unnamed', e.version),
      dependencies: [],
    };
    if (firstParty) pkg.firstParty = true;
    const hashes = sriToHashes(e.integrity);
    if (hashes && !firstParty) pkg.hashes = hashes;
    if (e.dev) pkg.scope = 'excluded';
    else if (e.optional || e.devOptional) pkg.scope = 'optional';
    for (const dep of e.deps) {
      const hit = resolve(e.path, dep);
      if (hit) pkg.dependencies!.push(target(hit).path);
    }
    packages.push(pkg);
  }
  return {
    source: file,
    format: file.endsWith('npm-shrinkwrap.json') ? 'npm-shrinkwrap.json' : 'package-lock.json',
    packages,
    hasGraph: true,
    completeness: 'complete',
    warnings: [],
  };
}
