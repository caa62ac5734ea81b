import { malformed } from '../errors.js';
import { sriToHashes } from '../hashes.js';
import type { Inventory, Package } from '../model.js';
import { inlineValue, mappingKey, plainScalar, Unsupported } from './fastyaml.js';
import { type JsOrigin, jsOrigin, npmOriginPurl } from './npm.js';
import { entriesOf, isRecord, str, toText } from './toml.js';
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
  return isBerry(text) ? parseBerry(text, file) : parseYarnV1(text, file);
}

/** Whether a line starts with `__metadata:` (as /^__metadata:/m says, without trying every index). */
function isBerry(text: string): boolean {
  for (let i = text.indexOf('__metadata:'); i >= 0; i = text.indexOf('__metadata:', i + 1)) {
    if (i === 0 || /[\n\r\u2028\u2029]/.test(text[i - 1]!)) return true;
  }
  return false;
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
    // What was asked for says whether it came from a registry: a semver range, a dist-tag or
    // `npm:` did, wherever `resolved` points (a mirror's URLs have any layout); a URL or a git
    // spec did not.
    const requested = range0.startsWith('npm:') || !/[:/]/.test(range0) ? 'registry' : 'url';
    const origin =
      local || requested === 'registry' ? undefined : jsOrigin(e.fields.resolved, true);
    // A git or URL package is another package than the registry's of that name and version.
    const key = `${name}@${version}${local ? `#${range0}` : originSuffix(origin)}`;
    let pkg = packages.get(key);
    if (!pkg) {
      pkg = {
        key,
        ecosystem: 'npm',
        name,
        version,
        purl: npmOriginPurl(name, version, origin),
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

/** `#<vcs_url>` or `#<download_url>`, to tell a package's key from the registry one's. */
function originSuffix(origin: JsOrigin): string {
  if (origin === undefined || origin === 'local') return '';
  return `#${'vcs_url' in origin ? origin.vcs_url : origin.download_url}`;
}

// The protocols of the project's own folders, at the start of a resolution's reference.
const LOCAL_PROTOCOL = /^(?:workspace|link|portal|file):/;

/** The origin of a berry resolution's reference (what follows `name@`). */
function berryOrigin(reference: string): JsOrigin {
  if (LOCAL_PROTOCOL.test(reference)) return 'local';
  if (reference.startsWith('npm:')) return undefined;
  if (reference.startsWith('patch:')) {
    // `patch:<the patched package's locator, URL-encoded>#<patch files>`: a patched package
    // comes from where the package it patches comes from.
    const hash = reference.indexOf('#');
    let inner: string;
    try {
      inner = decodeURIComponent(reference.slice('patch:'.length, hash < 0 ? undefined : hash));
    } catch {
      return undefined;
    }
    const at = inner.indexOf('@', 1);
    return at > 0 ? berryOrigin(inner.slice(at + 1)) : undefined;
  }
  // `::` parameters (the locator a relative path is bound to) are Yarn's, not the source's.
  const params = reference.indexOf('::');
  return jsOrigin(params < 0 ? reference : reference.slice(0, params));
}

/**
 * Where Yarn bound a descriptor to the package that asked for it (`portal:./x::locator=…`, and
 * `?locator=…` before Yarn 3): the lockfile's key is bound, the dependency that asked is not.
 */
function boundAt(spec: string): number {
  const at = spec.indexOf('::locator=');
  return at >= 0 ? at : spec.indexOf('?locator=');
}

/** The fields of a berry entry that say what it installs and what it depends on. */
const BERRY_FIELDS = new Set(['version', 'resolution', 'dependencies', 'optionalDependencies']);
const INDEX_LIKE = /^(?:0|[1-9][0-9]*)$/;
// A dependency line as Yarn writes it, read in place (sticky): a plain name (letters, digits,
// `-._`, no indicator first) or a double-quoted one, then a double-quoted value; neither with an
// escape or a control character, nothing after the value but the line's end.
const DEPENDENCY =
  /(?:([a-zA-Z0-9][a-zA-Z0-9._-]*)|"([^"\\\x00-\x1f]*)"): "([^"\\\x00-\x1f]*)"\r?$/my;
// An entry's key line: a double-quoted key (no escape, no control character) and its colon.
const ENTRY_KEY = /"([^"\\\x00-\x1f]*)":\r?$/my;
// `version` or `resolution` with a double-quoted value (no escape, no control character) or a
// plain one made of letters, digits and `._+-` (no indicator, space, comment or colon in it).
const SCALAR_FIELD =
  /(version|resolution): (?:"([^"\\\x00-\x1f]*)"|([A-Za-z0-9][A-Za-z0-9._+-]*))\r?$/my;
// The other fields Yarn writes, recognised without reading the line.
const SKIPPED =
  /(?:checksum|languageName|linkType|bin|conditions|peerDependencies|peerDependenciesMeta|dependenciesMeta):/y;

/**
 * Reads the entries of a berry lockfile as `parseYaml` would, but only the fields the inventory
 * uses (BERRY_FIELDS); the other fields (checksum, bin, peerDependencies, ...) are skipped
 * without building them, which is most of the file. The fields read go through the same scalar
 * and key rules as the YAML reader (`inlineValue`, `mappingKey`). Anything unusual (another
 * indentation, a nested value under a dependency, a duplicate key, a key JavaScript would
 * reorder) returns undefined, and the whole file goes to the YAML reader instead. Dependencies
 * come as Maps: as objects, thousands of them with different keys would make V8 build a hidden
 * class for each.
 */
export function scanBerry(text: string): Map<string, Record<string, unknown>> | undefined {
  const doc = new Map<string, Record<string, unknown>>();
  let entry: Record<string, unknown> | undefined; // the entry being read; none in __metadata
  let fields = 0; // lines at indent 2 of the current top-level key
  let deps: Map<string, unknown> | undefined; // the dependency map being read
  let depsField: string | undefined; // its field name, until its first line creates it
  let mode: 'field' | 'deps' | 'skip' | 'scalar' = 'field'; // what deeper lines are
  let started = false;
  /** A new top-level key: an entry, or __metadata (skipped); false where the reader must decide. */
  const startEntry = (key: string): boolean => {
    if (doc.has(key) || INDEX_LIKE.test(key)) return false;
    started = true;
    fields = 0;
    mode = 'field';
    deps = undefined;
    if (key === '__metadata') {
      entry = undefined;
      mode = 'skip';
      fields = 1;
      return true;
    }
    entry = {};
    doc.set(key, entry);
    return true;
  };
  const n = text.length;
  try {
    for (let pos = 0; pos < n; ) {
      let end = text.indexOf('\n', pos);
      if (end < 0) end = n;
      const next = end + 1;
      let i = pos;
      while (text.charCodeAt(i) === 32) i++;
      const indent = i - pos;
      pos = next;
      // Lines inside a skipped field, whatever they hold.
      if (indent > 2 && mode === 'skip') continue;
      const c = text.charCodeAt(i);
      // Blank lines and comments, as the YAML reader skips them.
      if (i >= end || c === 35 || (c === 13 && i === end - 1)) continue;
      if (c === 9) return undefined;
      if (indent === 2 && entry !== undefined) {
        SKIPPED.lastIndex = i;
        if (SKIPPED.test(text)) {
          // A field the inventory does not read (its key cannot be one it reads).
          fields++;
          mode = 'skip';
          deps = undefined;
          continue;
        }
        SCALAR_FIELD.lastIndex = i;
        const m = SCALAR_FIELD.exec(text);
        if (m !== null) {
          // `version: 1.2.3` or `resolution: "name@npm:1.2.3"` as Yarn writes them: what the
          // YAML reader gives (a plain scalar through the same typing), without its steps.
          const key = m[1]!;
          if (Object.hasOwn(entry, key)) return undefined;
          fields++;
          deps = undefined;
          mode = 'scalar';
          depsField = undefined;
          entry[key] = m[2] ?? plainScalar(m[3]!);
          continue;
        }
      }
      if (indent === 4 && mode === 'deps' && deps !== undefined) {
        DEPENDENCY.lastIndex = i;
        const m = DEPENDENCY.exec(text);
        if (m !== null) {
          // `name: "value"` or `"@scope/name": "value"` without escapes: what the YAML reader
          // gives, without its steps.
          const name = m[1] ?? m[2]!;
          if (deps.has(name) || INDEX_LIKE.test(name)) return undefined;
          deps.set(name, m[3]);
          continue;
        }
      }
      if (indent === 0) {
        ENTRY_KEY.lastIndex = i;
        const m = ENTRY_KEY.exec(text);
        if (m !== null) {
          // `"name@npm:^1, name@npm:^1.2":` as Yarn writes it (no escape): the YAML reader's key.
          if (started && entry !== undefined && fields === 0) return undefined; // a null entry
          if (!startEntry(m[1]!)) return undefined;
          continue;
        }
      }
      const body = text.slice(i, end).trimEnd();
      if (body === '') continue;
      if (indent === 0) {
        if (started && entry !== undefined && fields === 0) return undefined; // a null entry
        if (body.startsWith('---') || body === '...') return undefined;
        const [key, at] = mappingKey(body);
        const rest = body.slice(at).trim();
        if (rest !== '' && !rest.startsWith('#')) return undefined;
        if (!startEntry(key)) return undefined;
        continue;
      }
      if (!started) return undefined;
      if (indent === 2 && entry === undefined) continue; // __metadata's own fields
      if (indent === 2) {
        fields++;
        const [key, at] = mappingKey(body);
        const rest = body.slice(at).trim();
        const wanted = BERRY_FIELDS.has(key);
        if (wanted && Object.hasOwn(entry!, key)) return undefined;
        deps = undefined;
        if (rest === '' || rest.startsWith('#')) {
          // A nested block (or null when nothing deeper follows).
          if (!wanted) {
            mode = 'skip';
            continue;
          }
          entry![key] = null;
          mode = key === 'dependencies' || key === 'optionalDependencies' ? 'deps' : 'scalar';
          depsField = key;
          continue;
        }
        if (body.charCodeAt(at) !== 32) return undefined;
        mode = wanted ? 'scalar' : 'skip';
        if (wanted) {
          entry![key] = inlineValue(rest);
          depsField = undefined;
        }
        continue;
      }
      // Deeper lines.
      if (mode === 'skip') continue;
      if (mode !== 'deps' || indent !== 4) return undefined;
      if (deps === undefined) {
        if (body === '-' || body.startsWith('- ')) return undefined;
        deps = new Map();
        entry![depsField!] = deps;
      }
      const [name, at] = mappingKey(body);
      const rest = body.slice(at).trim();
      if (rest === '' || rest.startsWith('#') || body.charCodeAt(at) !== 32) return undefined;
      if (deps.has(name) || INDEX_LIKE.test(name)) return undefined;
      deps.set(name, inlineValue(rest));
      // The next line must not be deeper than this one (no multi-line value).
    }
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
  if (!started || (entry !== undefined && fields === 0)) return undefined;
  return doc;
}

/**
 * The packages of berry's entry keys (`name@range` specs), found by name and range: what a map
 * of the whole `${name}@${range}` strings gives, without writing such a string for each of the
 * tens of thousands of lookups. Specs with no `@` after their first character cannot be split
 * that way and stay whole (a lookup reaches them only through an unusual name).
 */
class SpecMap {
  private readonly byName = new Map<string, Map<string, Package>>();
  private readonly whole = new Map<string, Package>();

  set(spec: string, pkg: Package): void {
    const at = spec.indexOf('@', 1);
    if (at < 0) {
      this.whole.set(spec, pkg);
      return;
    }
    const name = spec.slice(0, at);
    let ranges = this.byName.get(name);
    if (!ranges) {
      ranges = new Map();
      this.byName.set(name, ranges);
    }
    ranges.set(spec.slice(at + 1), pkg);
  }

  /** The package of the spec `${name}@${range}`. */
  lookup(name: string, range: string): Package | undefined {
    // The `@` joining them is the spec's first after its first character.
    if (name !== '' && name.indexOf('@', 1) < 0) return this.byName.get(name)?.get(range);
    const spec = `${name}@${range}`;
    const at = spec.indexOf('@', 1);
    if (at < 0) return this.whole.get(spec);
    return this.byName.get(spec.slice(0, at))?.get(spec.slice(at + 1));
  }
}

function parseBerry(text: string, file: string): Inventory {
  let entries: Iterable<[string, unknown]> | undefined = scanBerry(text);
  if (entries === undefined) {
    const doc = parseYaml(text, file);
    if (!isRecord(doc)) throw malformed(file, 'not a YAML mapping');
    entries = Object.entries(doc);
  }
  const bySpec = new SpecMap();
  // Bound specs without their binding (null where two packages share one).
  const unbound = new Map<string, Package | null>();
  const addSpec = (spec: string, pkg: Package): void => {
    bySpec.set(spec, pkg);
    const at = spec.indexOf('locator=') < 0 ? -1 : boundAt(spec);
    if (at < 0) return;
    const plain = spec.slice(0, at);
    const seen = unbound.get(plain);
    unbound.set(plain, seen === undefined || seen === pkg ? pkg : null);
  };
  /** The package of a dependency Yarn bound to the package that asked for it. */
  const boundLookup = (parent: string, name: string, range: string): Package | undefined => {
    const params = `locator=${encodeURIComponent(parent)}`;
    // A bare path is a `file:` range, which Yarn writes so in the key.
    const ranges = /^\.{0,2}\//.test(range) ? [range, `file:${range}`] : [range];
    for (const r of ranges) {
      const hit =
        bySpec.lookup(name, `${r}::${params}`) ??
        bySpec.lookup(name, `${r}?${params}`) ??
        unbound.get(`${name}@${r}`);
      if (hit) return hit;
    }
    return undefined;
  };
  const packages = new Map<string, Package>();
  const pending: [Package, Iterable<[string, unknown]>][] = [];
  for (const [keys, raw] of entries) {
    if (keys === '__metadata') continue;
    if (!isRecord(raw)) throw malformed(file, `"${keys}" is not a mapping`);
    const resolution = str(raw.resolution);
    const version = raw.version === undefined ? undefined : toText(raw.version);
    if (!resolution || version === undefined)
      throw malformed(file, `"${keys}": no resolution or version`);
    // `name@range`, the name possibly scoped (splitSpec, without its array).
    const at = resolution.indexOf('@', 1);
    // A patched package is still that package: same purl, so it merges with the unpatched one.
    const name = at > 0 ? resolution.slice(0, at) : resolution;
    let pkg = packages.get(resolution);
    if (!pkg) {
      // Registry packages (most of them) need no look at their reference.
      const origin =
        at > 0 && !resolution.startsWith('npm:', at + 1)
          ? berryOrigin(resolution.slice(at + 1))
          : undefined;
      // Workspaces, links, portals and files are the project's own folders.
      const local = origin === 'local';
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
        pkg.purl = npmOriginPurl(name, version, origin);
      }
      // Berry's checksum is over Yarn's repacked zip, not the npm tarball: not a package hash.
      packages.set(resolution, pkg);
    }
    // Most keys are one spec: no need to split them.
    if (keys.indexOf(',') < 0) addSpec(keys.trim(), pkg);
    else for (const s of keys.split(/,\s*/)) addSpec(s.trim(), pkg);
    for (const deps of [raw.dependencies, raw.optionalDependencies]) {
      const entries = entriesOf(deps);
      if (entries) pending.push([pkg, entries]);
    }
  }
  for (const [pkg, deps] of pending) {
    const list = pkg.dependencies!;
    for (const [n, r] of deps) {
      const range = toText(r);
      const hit =
        bySpec.lookup(n, range) ?? (unbound.size > 0 ? boundLookup(pkg.key, n, range) : undefined);
      if (hit && hit !== pkg && !list.includes(hit.key)) list.push(hit.key);
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
