import { malformed } from '../errors.js';
import { sriToHashes } from '../hashes.js';
import type { Inventory, Package } from '../model.js';
import { gitVcsUrl, npmPurl, withoutSecrets } from '../purl.js';
import { parseJson } from './json.js';
import { isRecord, str } from './toml.js';

/**
 * Where a JS package came from when the lockfile says it did not come from a registry: a
 * project folder or local tarball (`local`), a git commit, or a tarball URL (the qualifiers its
 * purl gets). Undefined for a registry package, and for what a lockfile leaves unsaid.
 */
export type JsOrigin = 'local' | { vcs_url: string } | { download_url: string } | undefined;

// Hosts of the shorthands npm, Yarn and pnpm accept (`github:o/r`), whose ssh, git and https
// URLs name one repository: one form for them all gives one purl per commit, whichever form the
// package manager chose to write (npm saves `git+ssh://git@github.com/...` for `github:o/r`,
// Yarn and pnpm fetch the same commit from codeload.github.com).
const HOSTED: Record<string, string> = {
  github: 'github.com',
  gitlab: 'gitlab.com',
  bitbucket: 'bitbucket.org',
};
const HOSTED_HOSTS = new Set(Object.values(HOSTED));
// Registries whose tarball URLs do not all follow the `<name>/-/<file>.tgz` layout.
const REGISTRY_HOSTS = new Set([
  'registry.npmjs.org',
  'registry.yarnpkg.com',
  'npm.pkg.github.com',
]);
// The layout of a registry's tarball URLs (npm, Verdaccio, Artifactory, Nexus, GitLab, Azure).
const REGISTRY_TARBALL = /\/-\/.+\.tgz$/;
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;

/**
 * The origin of a package as a lockfile writes it: npm's `resolved` (or a v1 `version` that is
 * a URL), yarn v1's `resolved`, a berry resolution's reference, a pnpm tarball.
 * `requestedAsUrl`: the lockfile says the package was asked for by URL, not from a registry.
 */
export function jsOrigin(spec: string | undefined, requestedAsUrl = false): JsOrigin {
  if (spec === undefined || spec === '') return undefined;
  // Most packages, in every lockfile that writes where they came from: no URL to parse.
  if (spec.startsWith('https://registry.npmjs.org/')) return undefined;
  if (spec.startsWith('https://registry.yarnpkg.com/')) return undefined;
  if (spec.startsWith('file:')) return 'local';
  const git = gitSource(spec);
  if (git !== undefined) return { vcs_url: gitVcsUrl(git.url, git.commit) };
  if (!/^https?:\/\//i.test(spec)) return undefined;
  let url: URL;
  try {
    url = new URL(spec);
  } catch {
    return undefined;
  }
  const path = url.pathname;
  const archive = hostedArchive(url);
  if (archive) return { vcs_url: gitVcsUrl(archive.repo, archive.commit) };
  // The URL's layout is only a guess at a registry: where the lockfile says the package was
  // asked for by URL (`requestedAsUrl`), a `/-/` in the path (every GitLab URL has one) is not.
  if (!requestedAsUrl && (REGISTRY_HOSTS.has(url.hostname) || REGISTRY_TARBALL.test(path)))
    return undefined;
  // The fragment never reaches the server (yarn v1 puts its SHA-1 there); credentials do not
  // belong in a BOM.
  return { download_url: `${url.protocol}//${url.host}${path}${url.search}` };
}

/**
 * The repository and commit of a hosted git archive of one commit, as hosted-git-info makes
 * them and Yarn and pnpm fetch them for `github:o/r` and the like: npm writes the same
 * dependency as git, so both give one vcs_url. Undefined for anything else (a branch's archive
 * is not one commit).
 */
function hostedArchive(url: URL): { repo: string; commit: string } | undefined {
  const path = url.pathname;
  let m: RegExpExecArray | null;
  if (url.hostname === 'codeload.github.com') {
    // A gist's archive is /gist/<id>/tar.gz/<sha>; its repository is on gist.github.com.
    m = /^\/gist\/([^/]+)\/tar\.gz\/([^/]+)$/.exec(path);
    if (m)
      return COMMIT.test(m[2]!)
        ? { repo: `https://gist.github.com/${m[1]}.git`, commit: m[2]! }
        : undefined;
    m = /^\/([^/]+)\/([^/]+)\/tar\.gz\/([^/]+)$/.exec(path);
    if (m && COMMIT.test(m[3]!))
      return { repo: hostedUrl('github.com', `${m[1]}/${m[2]}`), commit: m[3]! };
  }
  if (url.hostname === 'gitlab.com') {
    // /api/v4/projects/<group%2Fproject>/repository/archive.tar.gz?sha=<commit>
    m = /^\/api\/v4\/projects\/([^/]+)\/repository\/archive\.tar\.gz$/.exec(path);
    const sha = url.searchParams.get('sha') ?? '';
    if (m && COMMIT.test(sha))
      return { repo: hostedUrl('gitlab.com', decodeURIComponent(m[1]!)), commit: sha };
  }
  if (url.hostname === 'bitbucket.org') {
    // /<team>/<repo>/get/<commit>.tar.gz
    m = /^\/([^/]+)\/([^/]+)\/get\/([^/]+)\.tar\.gz$/.exec(path);
    if (m && COMMIT.test(m[3]!))
      return { repo: hostedUrl('bitbucket.org', `${m[1]}/${m[2]}`), commit: m[3]! };
  }
  return undefined;
}

/** A git dependency's repository URL (without `git+`) and the commit it resolved to. */
function gitSource(spec: string): { url: string; commit?: string } | undefined {
  const hash = spec.indexOf('#');
  const fragment = hash >= 0 ? spec.slice(hash + 1) : '';
  let rest = hash >= 0 ? spec.slice(0, hash) : spec;
  // npm and yarn v1 write the commit alone; berry writes `commit=<sha>` among other parameters.
  const commit = fragment.includes('=')
    ? (new URLSearchParams(fragment).get('commit') ?? undefined)
    : fragment.startsWith('semver:')
      ? undefined
      : fragment || undefined;
  const shorthand = /^(github|gitlab|bitbucket):([^/]+)\/(.+)$/.exec(rest);
  if (shorthand)
    return { url: hostedUrl(HOSTED[shorthand[1]!]!, `${shorthand[2]}/${shorthand[3]}`), commit };
  if (rest.startsWith('gist:'))
    return { url: `https://gist.github.com/${rest.slice(5)}.git`, commit };
  const plus = /^git\+/i.test(rest);
  if (plus) rest = rest.slice(4);
  // scp-like `git@host:owner/repo.git`, also behind `ssh://`
  const scp = /^(?:ssh:\/\/)?([^@/:]+)@([^/:]+):(?!\/\/|\d+\/)(.+)$/i.exec(rest);
  if (scp) {
    const [, user, host, path] = scp;
    return {
      url: HOSTED_HOSTS.has(host!.toLowerCase())
        ? hostedUrl(host!.toLowerCase(), path!)
        : `ssh://${user}@${host}/${path}`,
      commit,
    };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest)?.[1]?.toLowerCase();
  if (scheme === undefined) return undefined;
  const isGit =
    plus ||
    scheme === 'git' ||
    scheme === 'ssh' ||
    ((scheme === 'http' || scheme === 'https') && /\.git\/?$/.test(rest));
  if (!isGit) return undefined;
  let url: URL;
  try {
    url = new URL(rest);
  } catch {
    return { url: rest, commit };
  }
  const host = url.hostname.toLowerCase();
  if (HOSTED_HOSTS.has(host)) return { url: hostedUrl(host, url.pathname.slice(1)), commit };
  // Elsewhere the URL stays as written (its ssh user included: the host may serve no other
  // way), without a password or token.
  const user = scheme === 'ssh' && url.username !== '' ? `${url.username}@` : '';
  return { url: `${url.protocol}//${user}${url.host}${url.pathname}${url.search}`, commit };
}

/** `https://<host>/<owner>/<repo>.git`, the form hosted-git-info gives these hosts. */
function hostedUrl(host: string, path: string): string {
  const p = path.replace(/\/+$/, '');
  return `https://${host}/${p.endsWith('.git') ? p : `${p}.git`}`;
}

/** An npm purl with the qualifiers of a package's origin. */
export function npmOriginPurl(name: string, version: string, origin: JsOrigin): string {
  return npmPurl(name, version, origin === 'local' ? undefined : origin);
}

interface Entry {
  path: string;
  name: string;
  version: string;
  link: boolean;
  resolved?: string;
  integrity?: string;
  origin: JsOrigin;
  /** A v1 `version` that is a source, not a version. */
  v1Source?: string;
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
        origin: raw.link === true ? undefined : jsOrigin(str(raw.resolved)),
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
      origin: undefined,
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
        // v1 writes a git, tarball-URL or `file:` dependency's source where its version goes
        // (the version itself it does not record); a registry package's source is `resolved`.
        const fromVersion = jsOrigin(rawVersion);
        entries.set(path, {
          path,
          name,
          version: fromVersion === undefined ? version : '',
          link: false,
          resolved: str(raw.resolved),
          integrity: str(raw.integrity),
          origin: fromVersion ?? jsOrigin(str(raw.resolved)),
          v1Source: fromVersion === undefined ? undefined : rawVersion,
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
    // The root, workspace folders, and `file:` folders and tarballs.
    const firstParty = !e.path.includes(NM) || e.origin === 'local';
    const pkg: Package = {
      key: e.path,
      ecosystem: 'npm',
      name: e.name,
      version: e.version,
      dependencies: [],
    };
    if (e.origin === 'local' && e.v1Source !== undefined) {
      // A v1 `file:` folder or tarball: known by its path only (v1 records no version), as pnpm
      // and Yarn's folders are; a versionless npm purl would name the registry's package.
      pkg.properties = { 'build-artifact:npm.version': e.v1Source };
    } else if (e.version === '' && e.origin !== undefined && e.origin !== 'local') {
      // A v1 git or URL dependency: no version recorded, and a purl without one would name
      // the registry's package (matchers drop qualifiers). Where it came from is a property.
      const source = 'vcs_url' in e.origin ? e.origin.vcs_url : e.origin.download_url;
      pkg.properties = { 'build-artifact:npm.source': withoutSecrets(source) };
    } else {
      pkg.purl = npmOriginPurl(e.name || 'unnamed', e.version, e.origin);
    }
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
