import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseYamlSubset } from '../lockfiles/fastyaml.js';
import { parsePnpmLock, pnpmInventory, readPnpmYaml } from '../lockfiles/pnpm.js';
import { scanPnpmLock, UNREAD_FIELDS } from '../lockfiles/pnpmscan.js';
import type { Inventory } from '../model.js';
import { LOCKFILES } from './helpers.js';

const FILE = 'pnpm-lock.yaml';
const vite = readFileSync(join(LOCKFILES, 'npm-vite-pnpm', FILE), 'utf8');

const crlf = (text: string): string => text.replaceAll('\n', '\r\n');
const sri = (seed: number): string => `sha512-${Buffer.alloc(64, seed).toString('base64')}`;

/** The inventory by the YAML route, or the error it throws. */
function viaYaml(text: string): unknown {
  try {
    return pnpmInventory(readPnpmYaml(text, FILE), FILE);
  } catch (err) {
    return err;
  }
}

/** The inventory by the scanner, the error it throws, or undefined where the scanner declines. */
function viaScanner(text: string): unknown {
  const doc = scanPnpmLock(text);
  if (doc === undefined) return undefined;
  try {
    return pnpmInventory(doc, FILE);
  } catch (err) {
    return err;
  }
}

/** The scanner reads `text`, and the inventory is the YAML route's. */
function expectSameInventory(text: string): void {
  const scanned = viaScanner(text);
  expect(scanned).toBeDefined();
  expect(scanned).not.toBeInstanceOf(Error);
  expect(scanned).toEqual(viaYaml(text));
}

/** Plain data: the scanner's Maps as objects, its not-yet-read (undefined) fields left out. */
function plain(value: unknown): unknown {
  if (value instanceof Map) return plain(Object.fromEntries(value));
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, plain(v)]),
  );
}

const pick = (value: unknown, fields: string[]): unknown => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const f of fields) if (Object.hasOwn(value, f)) out[f] = (value as never)[f];
  return out;
};
const mapValues = (value: unknown, f: (v: unknown) => unknown): unknown =>
  value === null || typeof value !== 'object' || Array.isArray(value)
    ? value
    : Object.fromEntries(Object.entries(value).map(([k, v]) => [k, f(v)]));

const DEP_MAPS = ['dependencies', 'optionalDependencies', 'devDependencies'];
const ENTRY_FIELDS = [
  'name',
  'version',
  'resolution',
  'dev',
  'optional',
  'dependencies',
  'optionalDependencies',
];

/**
 * The fields the inventory reads of a document (the YAML reader's, or the scanner's, which keeps
 * these only, but whole values where they are written on one line).
 */
function kept(value: unknown): unknown {
  const doc = plain(value);
  const specs = (deps: unknown) => mapValues(deps, (spec) => pick(spec, ['version']));
  const importer = (imp: unknown) =>
    mapValues(pick(imp, DEP_MAPS), (deps) => specs(deps)) as Record<string, unknown>;
  const root = pick(doc, ['lockfileVersion', 'importers', 'packages', 'snapshots', ...DEP_MAPS]);
  const out = { ...(root as Record<string, unknown>), ...importer(doc) };
  if (out.importers !== undefined) out.importers = mapValues(out.importers, importer);
  for (const section of ['packages', 'snapshots']) {
    if (out[section] !== undefined) {
      out[section] = mapValues(out[section], (e) => pick(e, ENTRY_FIELDS));
    }
  }
  return plain(out);
}

describe('the pnpm-lock.yaml scanner on a real lockfile (vite, v9)', () => {
  it('keeps what the YAML reader reads of every field the inventory uses', () => {
    const doc = scanPnpmLock(vite);
    expect(doc).toBeDefined();
    expect(plain(doc)).toEqual(kept(readPnpmYaml(vite, FILE)));
  });

  it('gives the inventory the YAML route gives, with LF and with CRLF line endings', () => {
    expectSameInventory(vite);
    expectSameInventory(crlf(vite));
    expect(viaScanner(crlf(vite))).toEqual(viaScanner(vite));
  });

  it('is what parsePnpmLock uses', () => {
    expect(parsePnpmLock(vite, FILE)).toEqual(viaYaml(vite));
  });
});

const V9 = `lockfileVersion: '9.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

catalogs:
  default:
    react:
      specifier: ^18.2.0
      version: 18.2.0

overrides:
  debug: npm:obug@^1.0.2

importers:

  .:
    dependencies:
      debug:
        specifier: npm:obug@^1.0.2
        version: obug@1.0.2
      react:
        specifier: 'catalog:'
        version: 18.2.0
      react-dom:
        specifier: ^18.2.0
        version: 18.2.0(react@18.2.0)
    devDependencies:
      '@app/ui':
        specifier: workspace:*
        version: link:packages/ui
      typescript:
        specifier: ~5.3.3
        version: 5.3.3

  packages/ui:
    dependencies:
      '@emotion/react':
        specifier: ^11.11.0
        version: 11.11.0(@types/react@18.2.0)(react@18.2.0)
      local-thing:
        specifier: file:../local-thing
        version: file:packages/local-thing
    optionalDependencies:
      fsevents:
        specifier: ^2.3.3
        version: 2.3.3

  packages/empty: {}

packages:

  '@babel/runtime@7.23.8':
    resolution: {integrity: ${sri(1)}}
    engines: {node: '>=6.9.0'}

  '@emotion/react@11.11.0':
    resolution: {integrity: ${sri(2)}}
    peerDependencies:
      '@types/react': '*'
      react: '>=16.8.0'
    peerDependenciesMeta:
      '@types/react':
        optional: true

  '@types/react@18.2.0':
    resolution: {integrity: ${sri(3)}}

  csstype@3.1.3:
    resolution: {integrity: ${sri(4)}}

  fsevents@2.3.3:
    resolution: {integrity: ${sri(5)}}
    engines: {node: ^8.16.0 || ^10.6.0 || >=11.0.0}
    os: [darwin]

  js-tokens@4.0.0:
    resolution: {integrity: ${sri(6)}}

  local-thing@file:packages/local-thing:
    resolution: {directory: packages/local-thing, type: directory}

  loose-envify@1.4.0:
    resolution: {integrity: ${sri(7)}}
    hasBin: true

  obug@1.0.2:
    resolution: {integrity: ${sri(8)}}

  react-dom@18.2.0:
    resolution: {integrity: ${sri(9)}}
    peerDependencies:
      react: ^18.2.0

  react@18.2.0:
    resolution: {integrity: ${sri(10)}}
    engines: {node: '>=0.10.0'}

  scheduler@0.23.0:
    resolution: {integrity: ${sri(11)}}

  tool@https://codeload.github.com/user/tool/tar.gz/0a1b2c3:
    resolution: {tarball: https://codeload.github.com/user/tool/tar.gz/0a1b2c3}
    version: 1.0.0

  typescript@5.3.3:
    resolution: {integrity: ${sri(12)}}
    engines: {node: '>=14.17'}
    hasBin: true

snapshots:

  '@babel/runtime@7.23.8': {}

  '@emotion/react@11.11.0(@types/react@18.2.0)(react@18.2.0)':
    dependencies:
      '@babel/runtime': 7.23.8
      react: 18.2.0
    optionalDependencies:
      '@types/react': 18.2.0

  '@types/react@18.2.0':
    dependencies:
      csstype: 3.1.3

  csstype@3.1.3: {}

  fsevents@2.3.3:
    optional: true

  js-tokens@4.0.0: {}

  local-thing@file:packages/local-thing:
    dependencies:
      react: 18.2.0
      tool: https://codeload.github.com/user/tool/tar.gz/0a1b2c3

  loose-envify@1.4.0:
    dependencies:
      js-tokens: 4.0.0

  obug@1.0.2: {}

  react-dom@18.2.0(react@18.2.0):
    dependencies:
      loose-envify: 1.4.0
      react: 18.2.0
      scheduler: 0.23.0

  react@18.2.0:
    dependencies:
      loose-envify: 1.4.0

  scheduler@0.23.0:
    dependencies:
      loose-envify: 1.4.0

  tool@https://codeload.github.com/user/tool/tar.gz/0a1b2c3: {}

  typescript@5.3.3: {}
`;

const V6 = `lockfileVersion: '6.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

overrides:
  '@types/react': 18.2.0

patchedDependencies:
  react@18.2.0:
    hash: 4gvt2ju5k6bs6cu2gfhiebxqhe
    path: patches/react@18.2.0.patch

importers:

  .:
    dependencies:
      react:
        specifier: ^18.2.0
        version: 18.2.0(patch_hash=4gvt2ju5k6bs6cu2gfhiebxqhe)
      react-dom:
        specifier: ^18.2.0
        version: 18.2.0(react@18.2.0)
    devDependencies:
      '@app/ui':
        specifier: workspace:*
        version: link:packages/ui
      tool:
        specifier: github:user/tool
        version: github.com/user/tool/0a1b2c3
      typescript:
        specifier: ~5.3.3
        version: 5.3.3

  packages/ui:
    dependencies:
      '@emotion/react':
        specifier: ^11.11.0
        version: 11.11.0(@types/react@18.2.0)(react@18.2.0)
      local-thing:
        specifier: file:../local-thing
        version: file:packages/local-thing
    optionalDependencies:
      fsevents:
        specifier: ^2.3.3
        version: 2.3.3

packages:

  /@babel/runtime@7.23.8:
    resolution: {integrity: ${sri(1)}}
    engines: {node: '>=6.9.0'}
    dependencies:
      regenerator-runtime: 0.14.1
    dev: false

  /@emotion/react@11.11.0(@types/react@18.2.0)(react@18.2.0):
    resolution: {integrity: ${sri(2)}}
    peerDependencies:
      '@types/react': '*'
      react: '>=16.8.0'
    peerDependenciesMeta:
      '@types/react':
        optional: true
    dependencies:
      '@babel/runtime': 7.23.8
      '@types/react': 18.2.0
      react: 18.2.0(patch_hash=4gvt2ju5k6bs6cu2gfhiebxqhe)
    dev: false

  /@types/react@18.2.0:
    resolution: {integrity: ${sri(3)}}
    dependencies:
      csstype: 3.1.3
    dev: false

  /csstype@3.1.3:
    resolution: {integrity: ${sri(4)}}
    dev: false

  /fsevents@2.3.3:
    resolution: {integrity: ${sri(5)}}
    engines: {node: ^8.16.0 || ^10.6.0 || >=11.0.0}
    os: [darwin]
    requiresBuild: true
    dev: false
    optional: true

  /js-tokens@4.0.0:
    resolution: {integrity: ${sri(6)}}
    dev: false

  /loose-envify@1.4.0:
    resolution: {integrity: ${sri(7)}}
    hasBin: true
    dependencies:
      js-tokens: 4.0.0
    dev: false

  /react-dom@18.2.0(react@18.2.0):
    resolution: {integrity: ${sri(8)}}
    peerDependencies:
      react: ^18.2.0
    dependencies:
      loose-envify: 1.4.0
      react: 18.2.0(patch_hash=4gvt2ju5k6bs6cu2gfhiebxqhe)
      scheduler: 0.23.0
    dev: false

  /react@18.2.0(patch_hash=4gvt2ju5k6bs6cu2gfhiebxqhe):
    resolution: {integrity: ${sri(9)}}
    engines: {node: '>=0.10.0'}
    dependencies:
      loose-envify: 1.4.0
    dev: false
    patched: true

  /regenerator-runtime@0.14.1:
    resolution: {integrity: ${sri(10)}}
    dev: false

  /scheduler@0.23.0:
    resolution: {integrity: ${sri(11)}}
    dependencies:
      loose-envify: 1.4.0
    dev: false

  /typescript@5.3.3:
    resolution: {integrity: ${sri(12)}}
    engines: {node: '>=14.17'}
    hasBin: true
    dev: true

  file:packages/local-thing:
    resolution: {directory: packages/local-thing, type: directory}
    name: local-thing
    version: 0.0.1
    dependencies:
      react: 18.2.0(patch_hash=4gvt2ju5k6bs6cu2gfhiebxqhe)
    dev: false

  github.com/user/tool/0a1b2c3:
    resolution: {tarball: https://codeload.github.com/user/tool/tar.gz/0a1b2c3}
    name: tool
    version: 1.0.0
    prepare: true
    requiresBuild: true
    transitivePeerDependencies:
      - supports-color
    dev: true
`;

// One project, no `importers`: its dependencies at the top (v6.0 as pnpm 8 writes it).
const V6_SINGLE = `lockfileVersion: '6.0'

settings:
  autoInstallPeers: true
  excludeLinksFromLockfile: false

dependencies:
  js-tokens:
    specifier: ^4.0.0
    version: 4.0.0

optionalDependencies:
  fsevents:
    specifier: ^2.3.3
    version: 2.3.3

devDependencies:
  loose-envify:
    specifier: 1.4.0
    version: 1.4.0

packages:

  /fsevents@2.3.3:
    resolution: {integrity: ${sri(5)}}
    engines: {node: ^8.16.0 || ^10.6.0 || >=11.0.0}
    os: [darwin]
    requiresBuild: true
    dev: false
    optional: true

  /js-tokens@4.0.0:
    resolution: {integrity: ${sri(6)}}

  /loose-envify@1.4.0:
    resolution: {integrity: ${sri(7)}}
    hasBin: true
    dependencies:
      js-tokens: 4.0.0
    dev: true
`;

const V5 = `lockfileVersion: 5.4

importers:

  .:
    specifiers:
      '@app/ui': workspace:*
      react: ^17.0.2
      react-dom: ^17.0.2
    dependencies:
      react: 17.0.2
      react-dom: 17.0.2_react@17.0.2
    devDependencies:
      '@app/ui': link:packages/ui

  packages/ui:
    specifiers: {}

packages:

  /js-tokens/4.0.0:
    resolution: {integrity: ${sri(6)}}
    dev: false

  /loose-envify/1.4.0:
    resolution: {integrity: ${sri(7)}}
    hasBin: true
    dependencies:
      js-tokens: 4.0.0
    dev: false

  /react-dom/17.0.2_react@17.0.2:
    resolution: {integrity: ${sri(8)}}
    peerDependencies:
      react: 17.0.2
    dependencies:
      loose-envify: 1.4.0
      react: 17.0.2
    dev: false

  /react/17.0.2:
    resolution: {integrity: ${sri(9)}}
    engines: {node: '>=0.10.0'}
    dependencies:
      loose-envify: 1.4.0
    dev: false
`;

const V5_SINGLE = `lockfileVersion: 5.3

specifiers:
  js-tokens: ^4.0.0

dependencies:
  js-tokens: 4.0.0

packages:

  /js-tokens/4.0.0:
    resolution: {integrity: ${sri(6)}}
    dev: false
`;

describe('the pnpm-lock.yaml scanner on the layouts pnpm writes', () => {
  const fixtures: [string, string, number][] = [
    ['v9 (workspace, catalog, peers, link:, file:, tarball)', V9, 17],
    ['v6 (workspace, peers, patches, link:, file:, git)', V6, 16],
    ['v6 of one project, without importers', V6_SINGLE, 4],
    ['v5 (workspace, peer suffixes)', V5, 6],
    ['v5 of one project', V5_SINGLE, 2],
  ];
  for (const [name, text, count] of fixtures) {
    it(`${name}: the YAML route's inventory, with LF and CRLF`, () => {
      expectSameInventory(text);
      expectSameInventory(crlf(text));
      expect((viaScanner(text) as { packages: unknown[] }).packages).toHaveLength(count);
    });
  }

  it('reads the scopes, edges and first-party folders of v6', () => {
    const inv = viaScanner(V6) as Inventory;
    const byKey = new Map(inv.packages.map((p) => [p.key, p]));
    expect(byKey.get('/fsevents@2.3.3')?.scope).toBe('optional');
    expect(byKey.get('/typescript@5.3.3')?.scope).toBe('excluded');
    expect(byKey.get('file:packages/local-thing')?.firstParty).toBe(true);
    // A workspace folder's "version" is a path: no purl, and its lockfile key kept instead.
    expect(byKey.get('file:packages/local-thing')?.purl).toBeUndefined();
    expect(byKey.get('file:packages/local-thing')?.properties).toEqual({
      'build-artifact:pnpm.key': 'file:packages/local-thing',
    });
    expect(byKey.get('/@emotion/react@11.11.0')?.dependencies).toEqual([
      '/@babel/runtime@7.23.8',
      '/@types/react@18.2.0',
      '/react@18.2.0',
    ]);
    expect(byKey.get('/@babel/runtime@7.23.8')?.hashes).toBeDefined();
  });

  it("reads quoted keys and values as YAML does, `''` and comments included", () => {
    const text = V9.replace(
      "  '@types/react@18.2.0':\n    dependencies:",
      "  '@types/react@18.2.0': # the types\n    dependencies: # of react\n      'it''s': 1.0.0 # a quote\n      \"dq\": '2.0.0'",
    ).replace('  csstype@3.1.3:\n    resolution:', "  'csstype@3.1.3':\n    'resolution':");
    expect(scanPnpmLock(text)).toBeDefined();
    expectSameInventory(text);
  });

  it('types plain scalars as the YAML reader does', () => {
    const text = V9.replace('version: 18.2.0(react@18.2.0)', 'version: 1.0').replace(
      "lockfileVersion: '9.0'",
      'lockfileVersion: 9.0',
    );
    const doc = scanPnpmLock(text) as { lockfileVersion: unknown };
    expect(doc.lockfileVersion).toBe(9);
    expect(plain(doc)).toEqual(kept(readPnpmYaml(text, FILE)));
    expectSameInventory(text);
  });

  it('reads a v6 lockfile at the scale of a real one (vite, written as v6)', () => {
    // The whole document (the YAML route leaves out the fields it skips): engines, peers, os…
    const text = asV6(parse(vite, { uniqueKeys: false }) as V9Doc);
    expect(text.length).toBeGreaterThan(300_000);
    expectSameInventory(text);
  });
});

describe('the pnpm-lock.yaml scanner declines what it does not read itself', () => {
  const head = "lockfileVersion: '9.0'\n\nimporters:\n\n  .: {}\n\npackages:\n\n";
  const entry = `  a@1.0.0:\n    resolution: {integrity: ${sri(1)}}\n`;
  const cases: [string, string][] = [
    ['an anchor and an alias', `${head}  a@1.0.0: &x\n    resolution: {}\n  b@1.0.0: *x\n`],
    ['a block scalar', `${head}  a@1.0.0:\n    version: |\n      1.0.0\n`],
    ['a folded scalar', `${head}  a@1.0.0:\n    name: >-\n      a\n`],
    ['a tag', `${head}  a@1.0.0:\n    version: !!str 1.0.0\n`],
    ['an escape in a double-quoted key', `${head}  "a\\u0040b@1.0.0":\n    version: 1.0.0\n`],
    ['a multi-line plain scalar', `${head}  a@1.0.0:\n    version: 1.0\n      .0\n`],
    ['three-space indentation', `${head}   a@1.0.0:\n      resolution: {}\n`],
    ['four-space indentation', `${head}${entry}    dependencies:\n        b: 1.0.0\n`],
    ['a tab', `${head}  a@1.0.0:\n\tresolution: {}\n`],
    ['a duplicate package', `${head}${entry}${entry}`],
    ['a duplicate field', `${head}${entry}    resolution: {}\n`],
    ['a duplicate dependency', `${head}${entry}    dependencies:\n      b: 1\n      b: 2\n`],
    ['a duplicate top-level key', `${head}${entry}packages:\n${entry}`],
    ['a document marker', `---\n${head}${entry}`],
    ['a document end', `${head}${entry}...\n`],
    ['a sequence where a mapping is read', `${head}  a@1.0.0:\n    dependencies:\n      - b\n`],
    [
      'a nested value under a dependency',
      `${head}${entry}    dependencies:\n      b:\n        c: 1\n`,
    ],
    ['a mapping in a kept scalar', `${head}  a@1.0.0:\n    resolution:\n      integrity: x\n`],
    ['a null entry', `${head}  a@1.0.0:\n  b@1.0.0: {}\n`],
    ['a key JavaScript orders first', `${head}${entry}    dependencies:\n      '7': 1.0.0\n`],
    ['a __proto__ key', `${head}${entry}    dependencies:\n      __proto__: 1.0.0\n`],
    ['a big integer', `${head}  a@1.0.0:\n    version: 123456789012345678901\n`],
    // Keys YAML reads as another value: a hex number, null, a float (found by the fuzz test).
    ['a field key YAML reads as a number', `${head}${entry}    0x1: false\n`],
    ['a field key YAML reads as null', `${head}${entry}    null: false\n`],
    [
      'a dependency key YAML reads as another number',
      `${head}${entry}    dependencies:\n      1.50: 1.0.0\n`,
    ],
    ['a root not at the margin', `  lockfileVersion: '9.0'\n  packages: {}\n`],
    ['an empty document', '# nothing\n\n'],
  ];
  for (const [name, text] of cases) {
    it(name, () => {
      expect(scanPnpmLock(text)).toBeUndefined();
      expect(scanPnpmLock(crlf(text))).toBeUndefined();
    });
  }

  it('and parsePnpmLock then reads it by the YAML route', () => {
    const text = `${head}  a@1.0.0:\n    resolution: {integrity: ${sri(1)}}\n    version: |\n      1.0.0\n`;
    expect(scanPnpmLock(text)).toBeUndefined();
    expect(parsePnpmLock(text, FILE).packages.map((p) => p.version)).toEqual(['', '1.0.0\n']);
  });
});

/** Lines `from` to `from + count` of the vite lockfile, from a blank line to a blank line. */
function excerpt(startsWith: string, count: number): string {
  const lines = vite.split('\n');
  const from = lines.indexOf(startsWith);
  let to = from + count;
  while (lines[to] !== '') to++;
  return `${lines.slice(from, to).join('\n')}\n`;
}

// A v9 lockfile in small: the top, an importer, packages and snapshots.
const SAMPLE = [
  excerpt("lockfileVersion: '9.0'", 40),
  excerpt('packages:', 90),
  excerpt('snapshots:', 120),
].join('\n');

type Edit =
  | { kind: 'text'; at: number; piece: string; remove: number }
  | { kind: 'line'; at: number; op: 'delete' | 'duplicate' | 'indent' | 'dedent' };

const PIECES = [
  ' ',
  '  ',
  ':',
  ': ',
  '- ',
  "'",
  "''",
  '"',
  '#',
  ' #',
  '{',
  '}',
  '{}',
  '[',
  ']',
  ',',
  '\n',
  '\n  ',
  '\n    ',
  '\n      ',
  '\t',
  '\r',
  '&a ',
  '*a',
  '!!str ',
  '|',
  '>',
  '~',
  'null',
  'true',
  '1.5',
  '0x1',
  '7',
  '\\',
  '---',
  '...',
  '@',
  '(',
  'é',
  '__proto__',
  'dependencies:',
  '\n    dependencies:',
  '\n    version: 2.0.0',
  '\n    dev: true',
  '\n    optional: true',
  '\n    resolution: {integrity: sha512-AA==}',
  '\n    resolution: {directory: x, type: directory}',
  '\n    engines: {node: x',
  '\n  a@1.0.0: {}',
];

const edit = fc.oneof(
  fc.record({
    kind: fc.constant('text' as const),
    at: fc.nat(),
    piece: fc.constantFrom(...PIECES),
    remove: fc.nat({ max: 3 }),
  }),
  fc.record({
    kind: fc.constant('line' as const),
    at: fc.nat(),
    op: fc.constantFrom(
      'delete' as const,
      'duplicate' as const,
      'indent' as const,
      'dedent' as const,
    ),
  }),
);

function applyEdit(text: string, e: Edit): string {
  if (e.kind === 'text') {
    const p = e.at % (text.length + 1);
    return text.slice(0, p) + e.piece + text.slice(p + e.remove);
  }
  const lines = text.split('\n');
  const i = e.at % lines.length;
  const line = lines[i]!;
  if (e.op === 'delete') lines.splice(i, 1);
  else if (e.op === 'duplicate') lines.splice(i, 0, line);
  else if (e.op === 'indent') lines[i] = ` ${line}`;
  else lines[i] = line.replace(/^ {1,2}/, '');
  return lines.join('\n');
}

describe('the pnpm-lock.yaml scanner on mutated lockfiles', () => {
  it('reads the unmutated sample itself', () => {
    expectSameInventory(SAMPLE);
  });

  it('whenever it answers, the YAML reader reads the file, to the same values and inventory', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(SAMPLE, V6, V5, V6_SINGLE),
        fc.boolean(),
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        (base, lf, edits) => {
          let text = lf ? base : crlf(base);
          for (const e of edits) text = applyEdit(text, e);
          const doc = scanPnpmLock(text);
          if (doc === undefined) return;
          // It answers only where the fast YAML reader answers (so the YAML route throws no syntax
          // error), and keeps the same values of the fields the inventory reads.
          const fast = parseYamlSubset(text, UNREAD_FIELDS);
          expect(fast).toBeDefined();
          expect(kept(doc)).toEqual(kept(fast));
          expect(viaScanner(text)).toEqual(viaYaml(text));
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
  });
});

interface V9Doc {
  importers: Record<string, Record<string, Record<string, { specifier: string; version: string }>>>;
  packages: Record<string, Record<string, unknown>>;
  snapshots: Record<string, Record<string, unknown>>;
}

/** A YAML scalar as pnpm's writer puts it: plain where that reads back as the same string. */
function scalar(s: string): string {
  const plainSafe =
    /^[A-Za-z0-9/.^~][\w@/.()+~^:=<>|*-]*$/.test(s) &&
    !s.endsWith(':') &&
    s !== '~' &&
    !/^(?:[-+]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][-+]?[0-9]+)?|true|false|null)$/i.test(s);
  return plainSafe ? s : `'${s.replaceAll("'", "''")}'`;
}

/** v9's `name@version(peers)` dependency value as v6 writes it: `/name@version(peers)`. */
const v6Value = (v: string): string => (v.split('(')[0]!.indexOf('@', 1) > 0 ? `/${v}` : v);

/** The vite lockfile written out as pnpm 8 would have (lockfile v6): one entry per snapshot. */
function asV6(doc: V9Doc): string {
  const out = ["lockfileVersion: '6.0'", '', 'importers:'];
  for (const [path, importer] of Object.entries(doc.importers)) {
    const empty = Object.keys(importer).length === 0;
    out.push('', `  ${scalar(path)}:${empty ? ' {}' : ''}`);
    for (const [kind, deps] of Object.entries(importer)) {
      out.push(`    ${kind}:`);
      for (const [name, { specifier, version }] of Object.entries(deps)) {
        out.push(`      ${scalar(name)}:`);
        out.push(`        specifier: ${scalar(specifier)}`);
        out.push(`        version: ${scalar(v6Value(version))}`);
      }
    }
  }
  out.push('', 'packages:');
  let n = 0;
  for (const [key, snapshot] of Object.entries(doc.snapshots)) {
    const pkg = doc.packages[key.split('(')[0]!] ?? {};
    const resolution = pkg.resolution as Record<string, string>;
    out.push('', `  ${scalar(`/${key}`)}:`);
    out.push(
      `    resolution: {${Object.entries(resolution)
        .map(([k, v]) => `${k}: ${scalar(v)}`)
        .join(', ')}}`,
    );
    const engines = pkg.engines as Record<string, string> | undefined;
    if (engines) out.push(`    engines: {node: ${scalar(engines.node ?? '*')}}`);
    for (const field of ['cpu', 'os'])
      if (Array.isArray(pkg[field])) out.push(`    ${field}: [${pkg[field].join(', ')}]`);
    for (const field of ['peerDependencies', 'dependencies', 'optionalDependencies']) {
      const deps = (field === 'peerDependencies' ? pkg : snapshot)[field];
      if (deps === undefined) continue;
      out.push(`    ${field}:`);
      for (const [name, v] of Object.entries(deps as Record<string, string>)) {
        out.push(`      ${scalar(name)}: ${scalar(field === 'peerDependencies' ? v : v6Value(v))}`);
      }
    }
    const peers = snapshot.transitivePeerDependencies as string[] | undefined;
    if (peers) out.push('    transitivePeerDependencies:', ...peers.map((p) => `      - ${p}`));
    out.push(`    dev: ${n++ % 3 === 0}`);
    if (snapshot.optional === true) out.push('    optional: true');
  }
  return `${out.join('\n')}\n`;
}
