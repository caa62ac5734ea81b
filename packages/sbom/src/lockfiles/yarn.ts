import { malformed } from '../errors.js';
import { sriToHashes } from '../hashes.js';
import type { Inventory, Package } from '../model.js';
import { npmPurl } from '../purl.js';
import { isRecord, str } from './toml.js';
import { parseYaml } from './yamlfile.js';

/** `name@range` -> [name, range]; the name may be scoped. */
function splitSpec(spec: string): [string, string] {
  const at = spec.indexOf('@', 1);
  return at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, ''];
}

/** The package a spec really installs: `alias@npm:real@^1` installs `real`. */
function realName(name: string, range: string): string {
  const m = /^npm:((?:@[^/@]+\/)?[^@]+)@/.exec(range);
  return m ? m[1]! : name;
}

function unquote(s: string): string {
  const t = s.trim();
  if (t.startsWith('"') && t.endsWith('"') && t.length >= 2) {
    try {
      return JSON.parse(t) as string;
    } catch {
      return t.slice(1, -1);
    }
  }
  return t;
}

/** yarn.lock: v1 (its own format) or berry (YAML with `__metadata`). */
export function parseYarnLock(text: string, file: string): Inventory {
  return /^__metadata:/m.test(text) ? parseBerry(text, file) : parseYarnV1(text, file);
}

interface V1Entry {
  specs: string[];
  fields: Record<string, string>;
  deps: Record<string, string>;
  line: number;
}

function parseYarnV1(text: string, file: string): Inventory {
  const entries: V1Entry[] = [];
  let current: V1Entry | undefined;
  let section: string | undefined;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.replace(/\r$/, '');
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    const indent = raw.length - raw.trimStart().length;
    const line = raw.trim();
    if (indent === 0) {
      if (!line.endsWith(':'))
        throw malformed(file, `expected "<spec>:" but found "${line.slice(0, 60)}"`, i + 1);
      const specs = line
        .slice(0, -1)
        .split(/,\s*/)
        .map(unquote)
        .filter((s) => s !== '');
      if (specs.length === 0) throw malformed(file, 'entry without a spec', i + 1);
      current = { specs, fields: {}, deps: {}, line: i + 1 };
      entries.push(current);
      section = undefined;
    } else if (!current) {
      throw malformed(file, 'indented line outside an entry', i + 1);
    } else if (indent <= 2) {
      if (line.endsWith(':')) {
        section = line.slice(0, -1);
        continue;
      }
      section = undefined;
      const m = /^("(?:[^"\\]|\\.)*"|\S+)\s+(.+)$/.exec(line);
      if (!m) throw malformed(file, `bad field "${line.slice(0, 60)}"`, i + 1);
      current.fields[unquote(m[1]!)] = unquote(m[2]!);
    } else {
      if (section === undefined) throw malformed(file, 'unexpected indentation', i + 1);
      if (section !== 'dependencies' && section !== 'optionalDependencies') continue;
      const m = /^("(?:[^"\\]|\\.)*"|\S+)\s+(.+)$/.exec(line);
      if (!m) throw malformed(file, `bad dependency "${line.slice(0, 60)}"`, i + 1);
      current.deps[unquote(m[1]!)] = unquote(m[2]!);
    }
  }
  const bySpec = new Map<string, Package>();
  const packages = new Map<string, Package>();
  const pending: [Package, Record<string, string>][] = [];
  for (const e of entries) {
    const version = e.fields.version;
    if (version === undefined) throw malformed(file, `${e.specs[0]}: no version`, e.line);
    const [name0, range0] = splitSpec(e.specs[0]!);
    const name = realName(name0, range0);
    const local = /^(file|link):/.test(range0);
    const key = `${name}@${version}${local ? `#${range0}` : ''}`;
    let pkg = packages.get(key);
    if (!pkg) {
      pkg = {
        key,
        ecosystem: 'npm',
        name,
        version,
        purl: npmPurl(name, version),
        dependencies: [],
      };
      if (local) pkg.firstParty = true;
      const hashes = sriToHashes(e.fields.integrity);
      if (hashes) pkg.hashes = hashes;
      packages.set(key, pkg);
    }
    for (const s of e.specs) bySpec.set(s, pkg);
    pending.push([pkg, e.deps]);
  }
  for (const [pkg, deps] of pending) {
    for (const [n, r] of Object.entries(deps)) {
      const hit = bySpec.get(`${n}@${r}`);
      if (hit && !pkg.dependencies!.includes(hit.key)) pkg.dependencies!.push(hit.key);
    }
  }
  return {
    source: file,
    format: 'yarn.lock v1',
    packages: [...packages.values()],
    hasGraph: true,
    completeness: 'complete',
    warnings: [],
  };
}

function parseBerry(text: string, file: string): Inventory {
  const doc = parseYaml(text, file);
  if (!isRecord(doc)) throw malformed(file, 'not a YAML mapping');
  const bySpec = new Map<string, Package>();
  const packages = new Map<string, Package>();
  const pending: [Package, Record<string, unknown>][] = [];
  for (const [keys, raw] of Object.entries(doc)) {
    if (keys === '__metadata') continue;
    if (!isRecord(raw)) throw malformed(file, `"${keys}" is not a mapping`);
    const resolution = str(raw.resolution);
    const version = raw.version === undefined ? undefined : String(raw.version);
    if (!resolution || version === undefined)
      throw malformed(file, `"${keys}": no resolution or version`);
    const [resName, resRange] = splitSpec(resolution);
    const protocol = /^([a-z]+):/.exec(resRange)?.[1] ?? '';
    // Workspaces, links and portals are the project's own folders.
    const local = ['workspace', 'link', 'portal', 'file'].includes(protocol);
    // A patched package is still that package: same purl, so it merges with the unpatched one.
    const name = resName;
    let pkg = packages.get(resolution);
    if (!pkg) {
      pkg = {
        key: resolution,
        ecosystem: 'npm',
        name,
        version: local ? '' : version,
        dependencies: [],
      };
      if (local) {
        pkg.firstParty = true;
        pkg.properties = { 'build-artifact:yarn.resolution': resolution };
      } else {
        pkg.purl = npmPurl(name, version);
      }
      // Berry's checksum is over Yarn's repacked zip, not the npm tarball: not a package hash.
      packages.set(resolution, pkg);
    }
    for (const s of keys.split(/,\s*/)) bySpec.set(s.trim(), pkg);
    pending.push([pkg, isRecord(raw.dependencies) ? raw.dependencies : {}]);
    if (isRecord(raw.optionalDependencies)) pending.push([pkg, raw.optionalDependencies]);
  }
  for (const [pkg, deps] of pending) {
    for (const [n, r] of Object.entries(deps)) {
      const hit = bySpec.get(`${n}@${String(r)}`);
      if (hit && hit !== pkg && !pkg.dependencies!.includes(hit.key))
        pkg.dependencies!.push(hit.key);
    }
  }
  return {
    source: file,
    format: 'yarn.lock berry',
    packages: [...packages.values()],
    hasGraph: true,
    completeness: 'complete',
    warnings: [],
  };
}
