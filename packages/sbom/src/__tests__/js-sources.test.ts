import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PackageURL } from 'packageurl-js';
import { describe, expect, it } from 'vitest';
import { generateSbom, validateBom } from '../index.js';
import { jsOrigin, parsePackageLock } from '../lockfiles/npm.js';
import { parsePnpmLock, pnpmInventory, readPnpmYaml } from '../lockfiles/pnpm.js';
import { scanPnpmLock } from '../lockfiles/pnpmscan.js';
import { parseYarnLock } from '../lockfiles/yarn.js';
import type { Inventory, Package } from '../model.js';
import { assertGraphResolvable, type Cdx } from './helpers.js';

const SHA = 'e7c1d5f6a0d4f1e2b3c4d5e6f708192a3b4c5d6e';
const JASMINE_VCS = `git+https://github.com/atom/jasmine-json.git@${SHA}`;
const HOSTED_VCS = `git+https://github.com/atom/hosted.git@${SHA}`;
const PRIV_VCS = `git+ssh://git@git.example.com/team/priv.git@${SHA}`;
const ABOUT_URL = 'https://www.atom.io/api/packages/about/versions/1.9.1/tarball';
const SRI = `sha512-${Buffer.alloc(64, 7).toString('base64')}`;

/** The reference: the purl packageurl-js writes for an npm package with these qualifiers. */
function ref(name: string, version: string, qualifiers?: Record<string, string>): string {
  const slash = name.startsWith('@') ? name.indexOf('/') : -1;
  return new PackageURL(
    'npm',
    slash > 0 ? name.slice(0, slash) : undefined,
    slash > 0 ? name.slice(slash + 1) : name,
    version || undefined,
    qualifiers,
    undefined,
  ).toString();
}

/** The one package of that name (the test fails when there are several). */
function one(inv: Inventory, name: string): Package {
  const found = inv.packages.filter((p) => p.name === name);
  expect(found, name).toHaveLength(1);
  return found[0]!;
}

/** Every purl of the inventory reads back, with packageurl-js, to what it was built from. */
function expectCanonical(inv: Inventory): void {
  for (const p of inv.packages) {
    if (p.purl === undefined) continue;
    const parsed = PackageURL.fromString(p.purl);
    expect(ref(p.name, p.version, parsed.qualifiers)).toBe(p.purl);
  }
}

const NPM3 = JSON.stringify({
  name: 'app',
  version: '1.0.0',
  lockfileVersion: 3,
  requires: true,
  packages: {
    '': {
      name: 'app',
      version: '1.0.0',
      dependencies: {
        'jasmine-json': 'github:atom/jasmine-json',
        about: ABOUT_URL,
        priv: 'git+ssh://git@git.example.com/team/priv.git',
        'is-number': '^7.0.0',
        lodash: '^4.17.21',
      },
    },
    'node_modules/jasmine-json': {
      version: '0.0.3',
      resolved: `git+ssh://git@github.com/atom/jasmine-json.git#${SHA}`,
    },
    'node_modules/about': { version: '1.9.1', resolved: ABOUT_URL, integrity: SRI },
    'node_modules/priv': {
      version: '2.0.0',
      resolved: `git+ssh://git@git.example.com/team/priv.git#${SHA}`,
    },
    'node_modules/is-number': {
      version: '7.0.0',
      resolved: 'https://registry.npmjs.org/is-number/-/is-number-7.0.0.tgz',
      integrity: SRI,
    },
    'node_modules/lodash': {
      version: '4.17.21',
      resolved:
        'https://artifactory.example.com/artifactory/api/npm/npm-remote/lodash/-/lodash-4.17.21.tgz',
    },
  },
});

const NPM1 = JSON.stringify({
  name: 'app',
  version: '1.0.0',
  lockfileVersion: 1,
  requires: true,
  dependencies: {
    'jasmine-json': {
      version: `git+https://github.com/atom/jasmine-json.git#${SHA}`,
      from: 'git+https://github.com/atom/jasmine-json.git',
    },
    hosted: { version: `github:atom/hosted#${SHA}`, from: 'github:atom/hosted' },
    about: { version: ABOUT_URL, integrity: SRI },
    'is-number': {
      version: '7.0.0',
      resolved: 'https://registry.npmjs.org/is-number/-/is-number-7.0.0.tgz',
    },
  },
});

const YARN1 = `# yarn lockfile v1


"jasmine-json@git+https://github.com/atom/jasmine-json.git":
  version "0.0.3"
  resolved "git+https://github.com/atom/jasmine-json.git#${SHA}"

jasmine-json@^0.0.3:
  version "0.0.3"
  resolved "https://registry.yarnpkg.com/jasmine-json/-/jasmine-json-0.0.3.tgz#0123456789abcdef0123456789abcdef01234567"

"hosted@github:atom/hosted":
  version "1.0.0"
  resolved "https://codeload.github.com/atom/hosted/tar.gz/${SHA}"
  dependencies:
    about "${ABOUT_URL}"

"about@${ABOUT_URL}":
  version "1.9.1"
  resolved "${ABOUT_URL}#0123456789abcdef0123456789abcdef01234567"
`;

const BERRY_GIT = `__metadata:
  version: 8
  cacheKey: 10c0

"app@workspace:.":
  version: 0.0.0-use.local
  resolution: "app@workspace:."
  dependencies:
    hosted: "github:atom/hosted"
    jasmine-json: "https://github.com/atom/jasmine-json.git"
    patched: "patch:patched@https%3A//github.com/atom/patched.git%23commit=${SHA}#./patches/p.patch"
    tarball: "https://example.com/tarball-1.0.0.tgz"
  languageName: unknown
  linkType: soft

"hosted@github:atom/hosted":
  version: 1.0.0
  resolution: "hosted@github:atom/hosted#commit=${SHA}"
  languageName: node
  linkType: hard

"jasmine-json@https://github.com/atom/jasmine-json.git":
  version: 0.0.3
  resolution: "jasmine-json@https://github.com/atom/jasmine-json.git#commit=${SHA}"
  checksum: 10c0/abcd
  languageName: node
  linkType: hard

"patched@patch:patched@https%3A//github.com/atom/patched.git%23commit=${SHA}#./patches/p.patch::locator=app%40workspace%3A.":
  version: 3.0.0
  resolution: "patched@patch:patched@https%3A//github.com/atom/patched.git%23commit=${SHA}#./patches/p.patch::version=3.0.0&hash=abc123&locator=app%40workspace%3A."
  languageName: node
  linkType: hard

"tarball@https://example.com/tarball-1.0.0.tgz":
  version: 1.0.0
  resolution: "tarball@https://example.com/tarball-1.0.0.tgz"
  languageName: node
  linkType: hard
`;

const PNPM9 = `lockfileVersion: '9.0'

importers:

  .:
    dependencies:
      about:
        specifier: ${ABOUT_URL}
        version: ${ABOUT_URL}
      is-number:
        specifier: ^7.0.0
        version: 7.0.0
      jasmine-json:
        specifier: github:atom/jasmine-json
        version: https://codeload.github.com/atom/jasmine-json/tar.gz/${SHA}
      priv:
        specifier: git+ssh://git@git.example.com/team/priv.git
        version: git+ssh://git@git.example.com/team/priv.git#${SHA}

packages:

  about@${ABOUT_URL}:
    resolution: {integrity: ${SRI}, tarball: ${ABOUT_URL}}
    version: 1.9.1

  is-number@7.0.0:
    resolution: {integrity: ${SRI}, tarball: https://npm.example.com/is-number/download/7.0.0}

  jasmine-json@https://codeload.github.com/atom/jasmine-json/tar.gz/${SHA}:
    resolution: {tarball: https://codeload.github.com/atom/jasmine-json/tar.gz/${SHA}}
    version: 0.0.3

  priv@git+ssh://git@git.example.com/team/priv.git#${SHA}:
    resolution: {commit: ${SHA}, repo: git+ssh://git@git.example.com/team/priv.git, type: git}
    version: 2.0.0

snapshots:

  about@${ABOUT_URL}: {}

  is-number@7.0.0: {}

  jasmine-json@https://codeload.github.com/atom/jasmine-json/tar.gz/${SHA}: {}

  priv@git+ssh://git@git.example.com/team/priv.git#${SHA}: {}
`;

const PNPM6 = `lockfileVersion: '6.0'

dependencies:
  hosted:
    specifier: github:atom/hosted
    version: github.com/atom/hosted/${SHA}

packages:

  github.com/atom/hosted/${SHA}:
    resolution: {tarball: https://codeload.github.com/atom/hosted/tar.gz/${SHA}}
    name: hosted
    version: 1.0.0
    dev: false
`;

describe('git and tarball-URL dependencies keep their source in the purl', () => {
  it('jsOrigin: git as vcs_url (hosted hosts as https), tarballs as download_url', () => {
    const vcs = (s: string) => jsOrigin(s);
    const hosted = { vcs_url: `git+https://github.com/a/b.git@${SHA}` };
    // The forms npm, Yarn and pnpm write for one GitHub repository: one vcs_url.
    expect(vcs(`git+ssh://git@github.com/a/b.git#${SHA}`)).toEqual(hosted);
    expect(vcs(`git+ssh://git@github.com:a/b.git#${SHA}`)).toEqual(hosted);
    expect(vcs(`git@github.com:a/b.git#${SHA}`)).toEqual(hosted);
    expect(vcs(`git://github.com/a/b.git#${SHA}`)).toEqual(hosted);
    expect(vcs(`github:a/b#${SHA}`)).toEqual(hosted);
    expect(vcs(`https://github.com/a/b.git#workspace=x&commit=${SHA}`)).toEqual(hosted);
    expect(vcs(`git+https://user:token@github.com/a/b#${SHA}`)).toEqual(hosted);
    expect(vcs(`https://codeload.github.com/a/b/tar.gz/${SHA}`)).toEqual(hosted);
    expect(vcs(`gitlab:g/p#${SHA}`)).toEqual({
      vcs_url: `git+https://gitlab.com/g/p.git@${SHA}`,
    });
    // The archives pnpm fetches for gitlab:, bitbucket: and gist: are those commits too.
    expect(
      vcs(`https://gitlab.com/api/v4/projects/g%2Fp/repository/archive.tar.gz?sha=${SHA}`),
    ).toEqual({ vcs_url: `git+https://gitlab.com/g/p.git@${SHA}` });
    expect(vcs(`https://bitbucket.org/t/r/get/${SHA}.tar.gz`)).toEqual({
      vcs_url: `git+https://bitbucket.org/t/r.git@${SHA}`,
    });
    expect(vcs(`https://codeload.github.com/gist/abc123/tar.gz/${SHA}`)).toEqual({
      vcs_url: `git+https://gist.github.com/abc123.git@${SHA}`,
    });
    expect(vcs(`gist:abc123#${SHA}`)).toEqual({
      vcs_url: `git+https://gist.github.com/abc123.git@${SHA}`,
    });
    // Elsewhere the URL as written (ssh may be the only way in), credentials dropped.
    expect(vcs(`git+ssh://git@git.example.com/team/priv.git#${SHA}`)).toEqual({
      vcs_url: PRIV_VCS,
    });
    expect(vcs(`git+https://u:p@git.example.com/x.git#${SHA}`)).toEqual({
      vcs_url: `git+https://git.example.com/x.git@${SHA}`,
    });
    expect(vcs('git+https://git.example.com/x.git')).toEqual({
      vcs_url: 'git+https://git.example.com/x.git',
    });
    expect(vcs('https://u:p@example.com/x-1.0.0.tgz?sig=1#sha1')).toEqual({
      download_url: 'https://example.com/x-1.0.0.tgz?sig=1',
    });
    // A codeload archive of a branch is no commit: the URL it is.
    expect(vcs('https://codeload.github.com/a/b/tar.gz/main')).toEqual({
      download_url: 'https://codeload.github.com/a/b/tar.gz/main',
    });
    // Registry tarballs, on npmjs or any registry's layout, are not URL dependencies.
    expect(vcs('https://registry.npmjs.org/x/-/x-1.0.0.tgz')).toBeUndefined();
    expect(vcs('https://registry.yarnpkg.com/x/-/x-1.0.0.tgz#abc')).toBeUndefined();
    expect(vcs('https://nexus.example.com/repository/npm/@s/x/-/x-1.0.0.tgz')).toBeUndefined();
    expect(vcs('https://npm.pkg.github.com/download/@s/x/1.0.0/abc')).toBeUndefined();
    expect(vcs('file:../x')).toBe('local');
    for (const s of ['1.2.3', 'packages/a', 'npm:x@1.0.0', '', undefined])
      expect(vcs(s as string)).toBeUndefined();
  });

  it('package-lock v3: vcs_url for git, download_url for a URL, nothing for registries', () => {
    const inv = parsePackageLock(NPM3, 'package-lock.json');
    expect(one(inv, 'jasmine-json').purl).toBe(
      ref('jasmine-json', '0.0.3', { vcs_url: JASMINE_VCS }),
    );
    expect(one(inv, 'about').purl).toBe(ref('about', '1.9.1', { download_url: ABOUT_URL }));
    expect(one(inv, 'about').hashes).toHaveLength(1);
    expect(one(inv, 'priv').purl).toBe(ref('priv', '2.0.0', { vcs_url: PRIV_VCS }));
    expect(one(inv, 'is-number').purl).toBe('pkg:npm/is-number@7.0.0');
    expect(one(inv, 'lodash').purl).toBe('pkg:npm/lodash@4.17.21');
    expectCanonical(inv);
  });

  it('package-lock v1: a git or tarball URL written as the version is the source, not the version', () => {
    const inv = parsePackageLock(NPM1, 'package-lock.json');
    // No version recorded: no purl (one without a version names the registry's package), the
    // source a property.
    expect(one(inv, 'jasmine-json')).toMatchObject({
      version: '',
      properties: { 'build-artifact:npm.source': JASMINE_VCS },
    });
    expect(one(inv, 'jasmine-json').purl).toBeUndefined();
    expect(one(inv, 'hosted').properties).toEqual({ 'build-artifact:npm.source': HOSTED_VCS });
    expect(one(inv, 'about')).toMatchObject({
      version: '',
      properties: { 'build-artifact:npm.source': ABOUT_URL },
    });
    expect(one(inv, 'about').purl).toBeUndefined();
    expect(one(inv, 'is-number').purl).toBe('pkg:npm/is-number@7.0.0');
    expectCanonical(inv);
  });

  it('yarn.lock v1: git, codeload and tarball resolved; the registry copy stays apart', () => {
    const inv = parseYarnLock(YARN1, 'yarn.lock');
    const jasmine = inv.packages.filter((p) => p.name === 'jasmine-json').map((p) => p.purl);
    expect(jasmine.sort()).toEqual(
      [ref('jasmine-json', '0.0.3', { vcs_url: JASMINE_VCS }), 'pkg:npm/jasmine-json@0.0.3'].sort(),
    );
    expect(one(inv, 'hosted').purl).toBe(ref('hosted', '1.0.0', { vcs_url: HOSTED_VCS }));
    // yarn's `#<sha1>` is its checksum, not part of the URL.
    expect(one(inv, 'about').purl).toBe(ref('about', '1.9.1', { download_url: ABOUT_URL }));
    expect(one(inv, 'hosted').dependencies).toEqual([one(inv, 'about').key]);
    expectCanonical(inv);
  });

  it('yarn berry: git resolutions (URL, github:, patched) and tarball URLs', () => {
    const inv = parseYarnLock(BERRY_GIT, 'yarn.lock');
    expect(one(inv, 'jasmine-json').purl).toBe(
      ref('jasmine-json', '0.0.3', { vcs_url: JASMINE_VCS }),
    );
    expect(one(inv, 'hosted').purl).toBe(ref('hosted', '1.0.0', { vcs_url: HOSTED_VCS }));
    expect(one(inv, 'patched').purl).toBe(
      ref('patched', '3.0.0', { vcs_url: `git+https://github.com/atom/patched.git@${SHA}` }),
    );
    expect(one(inv, 'tarball').purl).toBe(
      ref('tarball', '1.0.0', { download_url: 'https://example.com/tarball-1.0.0.tgz' }),
    );
    expect(one(inv, 'app').dependencies!.sort()).toEqual(
      ['hosted', 'jasmine-json', 'patched', 'tarball'].map((n) => one(inv, n).key).sort(),
    );
    expectCanonical(inv);
  });

  it('pnpm v9: codeload, git and URL keys; the importer reaches each', () => {
    const inv = parsePnpmLock(PNPM9, 'pnpm-lock.yaml');
    expect(one(inv, 'jasmine-json').purl).toBe(
      ref('jasmine-json', '0.0.3', { vcs_url: JASMINE_VCS }),
    );
    expect(one(inv, 'priv').purl).toBe(ref('priv', '2.0.0', { vcs_url: PRIV_VCS }));
    expect(one(inv, 'about').purl).toBe(ref('about', '1.9.1', { download_url: ABOUT_URL }));
    // A registry package's tarball (a registry of another layout) is still the registry's.
    expect(one(inv, 'is-number').purl).toBe('pkg:npm/is-number@7.0.0');
    const root = inv.packages.find((p) => p.key === 'importer:.')!;
    expect(root.dependencies!.sort()).toEqual(
      ['about', 'is-number', 'jasmine-json', 'priv'].map((n) => one(inv, n).key).sort(),
    );
    expectCanonical(inv);
    // The scanner reads these resolutions as the YAML reader does.
    const scanned = scanPnpmLock(PNPM9);
    expect(scanned).toBeDefined();
    expect(pnpmInventory(scanned, 'pnpm-lock.yaml')).toEqual(
      pnpmInventory(readPnpmYaml(PNPM9, 'pnpm-lock.yaml'), 'pnpm-lock.yaml'),
    );
  });

  it('trusts what was asked for over the URL layout: mirrors, GitLab URLs', () => {
    const yarn = parseYarnLock(
      [
        '# yarn lockfile v1',
        '',
        'lodash@^4.17.21:',
        '  version "4.17.21"',
        '  resolved "https://registry.npm.taobao.org/lodash/download/lodash-4.17.21.tgz#abc"',
        '',
        '"x@https://gitlab.example.com/grp/proj/-/raw/main/dist/x-1.0.0.tgz":',
        '  version "1.0.0"',
        '  resolved "https://gitlab.example.com/grp/proj/-/raw/main/dist/x-1.0.0.tgz"',
        '',
      ].join('\n'),
      'yarn.lock',
    );
    // A semver range came from a registry, mirrored or not.
    expect(one(yarn, 'lodash').purl).toBe('pkg:npm/lodash@4.17.21');
    // A URL asked for is a URL dependency, `/-/` in its path or not.
    expect(one(yarn, 'x').purl).toBe(
      ref('x', '1.0.0', {
        download_url: 'https://gitlab.example.com/grp/proj/-/raw/main/dist/x-1.0.0.tgz',
      }),
    );
    const pnpm = parsePnpmLock(
      [
        "lockfileVersion: '9.0'",
        '',
        'importers:',
        '  .:',
        '    dependencies:',
        "      '@s/tb':",
        '        specifier: https://example.com/@s/tb/-/tb-1.0.0.tgz',
        '        version: https://example.com/@s/tb/-/tb-1.0.0.tgz',
        '',
        'packages:',
        '',
        "  '@s/tb@https://example.com/@s/tb/-/tb-1.0.0.tgz':",
        '    resolution: {tarball: https://example.com/@s/tb/-/tb-1.0.0.tgz}',
        '    version: 1.0.0',
        '',
        'snapshots:',
        '',
        "  '@s/tb@https://example.com/@s/tb/-/tb-1.0.0.tgz': {}",
        '',
      ].join('\n'),
      'pnpm-lock.yaml',
    );
    expect(one(pnpm, '@s/tb').purl).toBe(
      ref('@s/tb', '1.0.0', { download_url: 'https://example.com/@s/tb/-/tb-1.0.0.tgz' }),
    );
  });

  it('pnpm v6: a github.com/<owner>/<repo>/<commit> key, and the edge to it', () => {
    const inv = parsePnpmLock(PNPM6, 'pnpm-lock.yaml');
    expect(one(inv, 'hosted').purl).toBe(ref('hosted', '1.0.0', { vcs_url: HOSTED_VCS }));
    const root = inv.packages.find((p) => p.key === 'importer:.')!;
    expect(root.dependencies).toEqual([`github.com/atom/hosted/${SHA}`]);
  });
});

const LOCATOR = 'acme-root%40workspace%3A.';
const BERRY_LOCAL = `__metadata:
  version: 8
  cacheKey: 10c0

"@acme/a@workspace:packages/a":
  version: 0.0.0-use.local
  resolution: "@acme/a@workspace:packages/a"
  dependencies:
    local-lib: "portal:./vendor/local-lib"
  languageName: unknown
  linkType: soft

"acme-root@workspace:.":
  version: 0.0.0-use.local
  resolution: "acme-root@workspace:."
  dependencies:
    "@acme/a": "workspace:packages/a"
    file-lib: "file:./vendor/file-lib"
    is-number: "patch:is-number@npm%3A7.0.0#./patches/is-number.patch"
    link-lib: "link:./vendor/link-lib"
    local-lib: "portal:./vendor/local-lib"
  languageName: unknown
  linkType: soft

"file-lib@file:./vendor/file-lib::locator=${LOCATOR}":
  version: 1.0.0
  resolution: "file-lib@file:./vendor/file-lib#./vendor/file-lib::hash=abc123&locator=${LOCATOR}"
  languageName: node
  linkType: hard

"is-number@npm:7.0.0":
  version: 7.0.0
  resolution: "is-number@npm:7.0.0"
  checksum: 10c0/abcd
  languageName: node
  linkType: hard

"is-number@patch:is-number@npm%3A7.0.0#./patches/is-number.patch::locator=${LOCATOR}":
  version: 7.0.0
  resolution: "is-number@patch:is-number@npm%3A7.0.0#./patches/is-number.patch::version=7.0.0&hash=def456&locator=${LOCATOR}"
  languageName: node
  linkType: hard

"link-lib@link:./vendor/link-lib::locator=${LOCATOR}":
  version: 0.0.0-use.local
  resolution: "link-lib@link:./vendor/link-lib::locator=${LOCATOR}"
  languageName: node
  linkType: soft

"local-lib@portal:./vendor/local-lib::locator=%40acme%2Fa%40workspace%3Apackages%2Fa":
  version: 0.0.0-use.local
  resolution: "local-lib@portal:./vendor/local-lib::locator=%40acme%2Fa%40workspace%3Apackages%2Fa"
  languageName: node
  linkType: soft

"local-lib@portal:./vendor/local-lib::locator=${LOCATOR}":
  version: 0.0.0-use.local
  resolution: "local-lib@portal:./vendor/local-lib::locator=${LOCATOR}"
  dependencies:
    is-number: "npm:7.0.0"
  languageName: node
  linkType: soft
`;

describe('yarn berry: dependencies on bound (`::locator=`) descriptors', () => {
  const check = (text: string, sep: string): void => {
    const inv = parseYarnLock(text, 'yarn.lock');
    const byKey = new Map(inv.packages.map((p) => [p.key, p]));
    const root = byKey.get('acme-root@workspace:.')!;
    const bound = (r: string, locator = LOCATOR) => `${r}${sep}locator=${locator}`;
    expect(root.dependencies!.sort()).toEqual(
      [
        '@acme/a@workspace:packages/a',
        bound('local-lib@portal:./vendor/local-lib'),
        `file-lib@file:./vendor/file-lib#./vendor/file-lib${sep === '::' ? '::hash=abc123&' : '?hash=abc123&'}locator=${LOCATOR}`,
        bound('link-lib@link:./vendor/link-lib'),
        `is-number@patch:is-number@npm%3A7.0.0#./patches/is-number.patch${sep === '::' ? '::' : '?'}version=7.0.0&hash=def456&locator=${LOCATOR}`,
      ].sort(),
    );
    // Each workspace reaches the copy bound to it, though both ask for `portal:./vendor/local-lib`.
    expect(byKey.get('@acme/a@workspace:packages/a')!.dependencies).toEqual([
      bound('local-lib@portal:./vendor/local-lib', '%40acme%2Fa%40workspace%3Apackages%2Fa'),
    ]);
    expect(byKey.get(bound('local-lib@portal:./vendor/local-lib'))).toMatchObject({
      firstParty: true,
      dependencies: ['is-number@npm:7.0.0'],
    });
  };

  it('finds portal:, file:, link: and patch: packages bound to their parent', () => {
    check(BERRY_LOCAL, '::');
  });

  it('and the `?locator=` binding of older lockfiles', () => {
    check(BERRY_LOCAL.replaceAll('::', '?'), '?');
  });

  it('match a binding written otherwise when only one package has that descriptor', () => {
    const text = BERRY_LOCAL.replaceAll(
      `link:./vendor/link-lib::locator=${LOCATOR}`,
      'link:./vendor/link-lib::locator=elsewhere',
    );
    const root = parseYarnLock(text, 'yarn.lock').packages.find(
      (p) => p.key === 'acme-root@workspace:.',
    )!;
    expect(root.dependencies).toContain('link-lib@link:./vendor/link-lib::locator=elsewhere');
  });
});

const NPM1_FILE = JSON.stringify({
  name: 'legacy-app',
  version: '2.0.0',
  lockfileVersion: 1,
  requires: true,
  dependencies: {
    'is-number': {
      version: '7.0.0',
      resolved: 'https://registry.npmjs.org/is-number/-/is-number-7.0.0.tgz',
      integrity: SRI,
    },
    'local-lib': { version: 'file:vendor/local-lib', requires: { 'is-number': '7.0.0' } },
  },
});

describe('package-lock v1: `file:` dependencies', () => {
  it('are first-party components known by their path, with their edges', () => {
    const inv = parsePackageLock(NPM1_FILE, 'package-lock.json');
    const local = one(inv, 'local-lib');
    expect(local).toMatchObject({
      key: 'node_modules/local-lib',
      version: '',
      firstParty: true,
      dependencies: ['node_modules/is-number'],
      properties: { 'build-artifact:npm.version': 'file:vendor/local-lib' },
    });
    expect(local.purl).toBeUndefined();
    expect(one(inv, 'legacy-app').dependencies!.sort()).toEqual([
      'node_modules/is-number',
      'node_modules/local-lib',
    ]);
    expect(inv.completeness).toBe('complete');
  });

  it('reach the BOM, under the project, in its dependency graph', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'js-sources-'));
    try {
      writeFileSync(join(dir, 'package-lock.json'), NPM1_FILE);
      const r = await generateSbom([dir], { sourceDateEpoch: 1_700_000_000 });
      await validateBom(r.json);
      const doc = JSON.parse(r.json) as Cdx;
      assertGraphResolvable(doc);
      const firstParty = doc.metadata.component.components ?? [];
      const local = firstParty.find((c) => c.name === 'local-lib');
      expect(local).toBeDefined();
      const app = firstParty.find((c) => c.name === 'legacy-app')!;
      const deps = new Map(doc.dependencies.map((d) => [d.ref, d.dependsOn ?? []]));
      expect(deps.get(app['bom-ref'])).toContain(local!['bom-ref']);
      expect(deps.get(local!['bom-ref'])).toEqual(['pkg:npm/is-number@7.0.0']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
