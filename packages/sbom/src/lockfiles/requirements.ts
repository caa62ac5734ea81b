import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileError } from '@build-artifact/core';
import { malformed } from '../errors.js';
import type { Inventory, Package } from '../model.js';
import { pep503, pypiPurl } from '../purl.js';

export type ReadText = (path: string) => string;

const defaultRead: ReadText = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    throw fileError(path, err);
  }
};

// Requirement: name, optional [extras], optional version specifiers, optional `; marker`.
const REQ =
  /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(\([^)]*\)|[^;@]*?)?\s*(?:@\s*(\S+))?\s*(?:;\s*(.*))?$/;

/**
 * requirements*.txt: `name==version` pins (with `--hash`, markers and extras), `-r` includes
 * followed relative to the including file. Anything not pinned to one exact version is reported in
 * `warnings` and left out, never guessed.
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
        const m = /^(-r|--requirement|-c|--constraint|-e|--editable)(?:\s+|=)(\S+)/.exec(line);
        if (!m) continue; // --index-url, --hash-only lines and other pip options
        const opt = m[1]!;
        if (opt === '-r' || opt === '--requirement') {
          const inc = resolve(dirname(path), m[2]!);
          if (seen.has(inc)) continue;
          visit(read(inc), inc, depth + 1);
        } else if (opt === '-e' || opt === '--editable') {
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
      const m = REQ.exec(spec!.trim());
      if (!m) {
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
      const pin = pins.length === 1 ? /^===?\s*([^*\s]+)$/.exec(pins[0]!)?.[1] : undefined;
      if (url !== undefined || pin === undefined) {
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
        purl: pypiPurl(name!, pin),
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
  return {
    source: file,
    format: 'requirements.txt',
    packages: [...packages.values()],
    hasGraph: false,
    completeness: leftOut > 0 ? 'incomplete' : 'complete',
    warnings,
  };
}
