import { dirname, resolve } from 'node:path';
import { readRegularFileTextSync } from '@build-artifact/core';
import { malformed } from '../errors.js';
import type { Inventory, Package } from '../model.js';
import { gitVcsUrl, pep503, pypiPurl, withoutSecrets } from '../purl.js';

export type ReadText = (path: string) => string;

/** An included requirements file: regular, at most 64 MiB (a FIFO is refused, not waited on). */
const defaultRead: ReadText = (path) =>
  readRegularFileTextSync(path, { maxBytes: 64 * 1024 * 1024, what: 'a requirements file' });

// Requirement: name, optional [extras], optional version specifiers, optional `; marker`.
const REQ =
  /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(\([^)]*\)|[^;@]*?)?\s*(?:@\s*(\S+))?\s*(?:;\s*(.*))?$/;

const PYPI_INDEX = /^https?:\/\/pypi\.(?:org|python\.org)\/simple\/?$/;

/**
 * The version a distribution file's name gives (`torch-2.1.0+cpu-cp311-...whl`,
 * `name-1.0.tar.gz`), if that file is of the package `name`: pip installs exactly it.
 */
function versionFromFileUrl(url: string, name: string): string | undefined {
  let file: string;
  try {
    const u = new URL(url);
    file = decodeURIComponent(u.pathname.slice(u.pathname.lastIndexOf('/') + 1));
  } catch {
    return undefined;
  }
  const wheel = /^([^-]+)-([^-]+)(?:-[^-]+)?-[^-]+-[^-]+-[^-]+\.whl$/.exec(file);
  const sdist = /^(.+)-([^-]+)\.(?:tar\.gz|tar\.bz2|zip)$/.exec(file);
  const m = wheel ?? sdist;
  return m && pep503(m[1]!) === pep503(name) ? m[2] : undefined;
}

/**
 * A VCS requirement pinned to a commit (`git+https://host/repo@<40 hex>`, as pip-compile writes
 * them): the package is that commit, with no version number to name it by.
 */
function pinnedGit(url: string): { vcsUrl: string; commit: string } | undefined {
  const m = /^git\+(.+?)@([0-9a-f]{40})(?:#.*)?$/i.exec(url);
  if (!m) return undefined;
  const commit = m[2]!.toLowerCase();
  return { vcsUrl: gitVcsUrl(m[1]!, commit), commit };
}

/** `#egg=name` of a VCS URL (pip's legacy way to name the package). */
function eggName(url: string): string | undefined {
  return /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(url)?.[1];
}

/**
 * requirements*.txt: `name==version` pins (with `--hash`, markers and extras), `-r` includes
 * followed relative to the including file, `name @ <wheel or sdist URL>` (the file names its
 * version) and VCS requirements pinned to a commit. Anything not pinned to one exact version is
 * reported in `warnings` and left out, never guessed. A single `--index-url` other than PyPI
 * becomes every package's `repository_url`.
 */
export function parseRequirements(
  text: string,
  file: string,
  read: ReadText = defaultRead,
): Inventory {
  const packages = new Map<string, Package>();
  const warnings: string[] = [];
  let leftOut = 0;
  const seen = new Set<string>();
  const indexes = new Set<string>();
  let extraIndexes = false;
  const addGit = (url: string, name: string | undefined): boolean => {
    const git = pinnedGit(url);
    if (!git || !name) return false;
    const key = `${pep503(name)}@${git.commit}`;
    if (!packages.has(key)) {
      // No purl: without a version it would name PyPI's package (matchers drop qualifiers).
      packages.set(key, {
        key,
        ecosystem: 'pypi',
        name,
        version: '',
        properties: {
          'build-artifact:python.vcs_url': withoutSecrets(git.vcsUrl),
          'build-artifact:python.vcs_commit': git.commit,
        },
      });
    }
    return true;
  };
  const visit = (content: string, path: string, depth: number): void => {
    if (depth > 32) throw malformed(path, '-r includes nested too deeply');
    seen.add(resolve(path));
    // Join backslash continuations, remembering the line each logical line starts on.
    const physical = content.split('\n');
    for (let i = 0; i < physical.length; i++) {
      const start = i + 1;
      let line = physical[i]!.replace(/\r$/, '');
      while (line.endsWith('\\') && i + 1 < physical.length) {
        line = line.slice(0, -1) + ' ' + physical[++i]!.replace(/\r$/, '');
      }
      if (line.endsWith('\\')) line = line.slice(0, -1);
      // A comment starts at `#` at the line's start or after whitespace.
      line = line.replace(/(^|\s)#.*$/, '').trim();
      if (line === '') continue;
      if (line.startsWith('-')) {
        const m =
          /^(-r|--requirement|-c|--constraint|-e|--editable|-i|--index-url|--extra-index-url)(?:\s+|=)(\S+)/.exec(
            line,
          );
        if (!m) continue; // --hash-only lines and other pip options
        const opt = m[1]!;
        if (opt === '-i' || opt === '--index-url') {
          indexes.add(m[2]!.replace(/\/?$/, '/'));
          continue;
        }
        if (opt === '--extra-index-url') {
          extraIndexes = true;
          continue;
        }
        if (opt === '-r' || opt === '--requirement') {
          const inc = resolve(dirname(path), m[2]!);
          if (seen.has(inc)) continue;
          visit(read(inc), inc, depth + 1);
        } else if (opt === '-e' || opt === '--editable') {
          if (addGit(m[2]!, eggName(m[2]!))) continue;
          if (/^(git|hg|svn|bzr)\+|:\/\//.test(m[2]!)) {
            warnings.push(
              `${path}:${start}: editable VCS requirement "${m[2]}" has no pinned version; left out`,
            );
            leftOut++;
          } else {
            const name = m[2]!;
            packages.set(`local:${name}`, {
              key: `local:${name}`,
              ecosystem: 'pypi',
              name,
              version: '',
              firstParty: true,
            });
          }
        }
        // Constraints files do not add requirements.
        continue;
      }
      const [spec, ...opts] = line.split(/\s+--/);
      const hashes = opts.filter((o) => o.startsWith('hash'));
      // A bare VCS URL (`git+https://host/repo@<commit>#egg=name`): REQ would read `git` as a name.
      if (/^(?:git|hg|svn|bzr)\+/i.test(spec!.trim())) {
        if (addGit(spec!.trim(), eggName(spec!))) continue;
        warnings.push(
          `${path}:${start}: VCS requirement "${spec!.trim()}" is not pinned to a commit; left out`,
        );
        leftOut++;
        continue;
      }
      const m = REQ.exec(spec!.trim());
      if (!m) {
        if (addGit(spec!.trim(), eggName(spec!))) continue;
        if (/^(\.|\/|[a-z]+:\/\/)/.test(spec!)) {
          warnings.push(
            `${path}:${start}: "${spec}" is a path or URL, not a pinned requirement; left out`,
          );
          leftOut++;
          continue;
        }
        throw malformed(path, `cannot parse requirement "${spec!.slice(0, 80)}"`, start);
      }
      const [, name, extras, specifiers, url, marker] = m;
      const pins = (specifiers ?? '')
        .replace(/^\(|\)$/g, '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      if (url !== undefined && pins.length === 0 && addGit(url, name)) continue;
      const fromFile =
        url !== undefined && pins.length === 0 ? versionFromFileUrl(url, name!) : undefined;
      const pin =
        fromFile ??
        (url === undefined && pins.length === 1
          ? /^===?\s*([^*\s]+)$/.exec(pins[0]!)?.[1]
          : undefined);
      if (pin === undefined) {
        warnings.push(
          `${path}:${start}: ${name}${pins.length ? ` ${pins.join(',')}` : ''}${url ? ` @ ${url}` : ''} is not pinned to one version; left out`,
        );
        leftOut++;
        continue;
      }
      const key = `${pep503(name!)}@${pin}`;
      if (packages.has(key)) continue;
      const pkg: Package = {
        key,
        ecosystem: 'pypi',
        name: name!,
        version: pin,
        purl: pypiPurl(name!, pin, fromFile ? { download_url: url! } : undefined),
      };
      const props: Record<string, string> = {};
      if (marker) props['build-artifact:python.markers'] = marker.trim();
      if (extras) props['build-artifact:python.extras'] = extras.slice(1, -1).trim();
      if (hashes.length > 0) props['build-artifact:python.hashes'] = String(hashes.length);
      if (Object.keys(props).length > 0) pkg.properties = props;
      packages.set(key, pkg);
    }
  };
  visit(text, file, 0);
  // Two pins of one name (different files, different versions) are a conflict worth saying.
  const names = new Map<string, string>();
  for (const p of packages.values()) {
    if (p.firstParty) continue;
    const n = pep503(p.name);
    if (names.has(n) && names.get(n) !== p.version)
      warnings.push(`${file}: ${n} is pinned to both ${names.get(n)} and ${p.version}`);
    names.set(n, p.version);
  }
  // One index, and not PyPI: where every package came from (with extra indexes, any of them).
  const [index] = indexes;
  if (indexes.size === 1 && !extraIndexes && !PYPI_INDEX.test(index!)) {
    for (const p of packages.values()) {
      if (!p.purl || p.purl.includes('download_url=') || p.purl.includes('vcs_url=')) continue;
      p.purl = pypiPurl(p.name, p.version, { repository_url: index! });
    }
  }
  return {
    source: file,
    format: 'requirements.txt',
    packages: [...packages.values()],
    hasGraph: false,
    completeness: leftOut > 0 ? 'incomplete' : 'complete',
    warnings,
  };
}
