import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  generateSbom,
  parseCargoLock,
  parseGoMod,
  parseModinfo,
  parsePackageLock,
  parsePdmLock,
  parsePnpmLock,
  parseRequirements,
  parseYarnLock,
  type SbomError,
  validateBom,
} from '../index.js';
import { assertGraphResolvable, type Cdx } from './helpers.js';

const codeOf = (f: () => unknown): [string | undefined, number | undefined, string] => {
  try {
    f();
    return [undefined, undefined, ''];
  } catch (err) {
    const e = err as SbomError;
    return [e.code, e.line, e.message];
  }
};

describe('Cargo.lock v1', () => {
  it('reads checksums from [metadata] and `name version (source)` dependencies', () => {
    const src = 'registry+https://github.com/rust-lang/crates.io-index';
    const inv = parseCargoLock(
      [
        '[[package]]',
        'name = "app"',
        'version = "0.1.0"',
        `dependencies = [\n "log 0.4.0 (${src})",\n]`,
        '[[package]]',
        'name = "log"',
        'version = "0.4.0"',
        `source = "${src}"`,
        '[metadata]',
        `"checksum log 0.4.0 (${src})" = "${'ab'.repeat(32)}"`,
      ].join('\n'),
      'Cargo.lock',
    );
    const log = inv.packages.find((p) => p.name === 'log')!;
    expect(log.hashes).toEqual([{ alg: 'SHA-256', content: 'ab'.repeat(32) }]);
    expect(inv.packages[0]!.firstParty).toBe(true);
    expect(inv.packages[0]!.dependencies).toEqual([log.key]);
  });

  it('a git source becomes a vcs_url qualifier: the resolved commit after @, no query', () => {
    const inv = parseCargoLock(
      '[[package]]\nname = "x"\nversion = "1.0.0"\nsource = "git+https://github.com/a/x?rev=1#abc"\n',
      'Cargo.lock',
    );
    // The purl spec's vcs_url: `git+https://github.com/a/x@abc` (a `#` would be a sub-path).
    expect(inv.packages[0]!.purl).toBe(
      'pkg:cargo/x@1.0.0?vcs_url=git%2Bhttps%3A%2F%2Fgithub.com%2Fa%2Fx%40abc',
    );
  });

  it('malformed TOML names the file and line', () => {
    expect(
      codeOf(() => parseCargoLock('[[package]]\nname = "x"\nversion = \n', 'x/Cargo.lock')),
    ).toEqual(['MALFORMED_LOCKFILE', 3, expect.stringMatching(/^x\/Cargo\.lock:3: invalid TOML/)]);
  });
});

describe('go.mod', () => {
  const gomod = [
    'module example.com/app',
    '',
    'go 1.22',
    '',
    'require (',
    '\tgithub.com/a/b v1.2.3',
    '\tgithub.com/c/d v0.1.0 // indirect',
    '\tgithub.com/e/f v1.0.0',
    '\tgithub.com/old/x v1.0.0',
    ')',
    'require github.com/g/h v2.0.0+incompatible',
    'exclude github.com/e/f v1.0.0',
    'replace github.com/old/x => github.com/new/x v1.1.0',
    'replace github.com/a/b v1.2.3 => ../b',
  ].join('\n');
  it('applies replace and exclude; h1 stays a property; main depends on direct requires', () => {
    const inv = parseGoMod(gomod, 'go.mod', {
      text: 'github.com/new/x v1.1.0 h1:abc=\ngithub.com/new/x v1.1.0/go.mod h1:def=\n',
      file: 'go.sum',
    });
    const byKey = Object.fromEntries(inv.packages.map((p) => [p.key, p]));
    expect(byKey['github.com/e/f']).toBeUndefined();
    expect(byKey['github.com/old/x']!.purl).toBe('pkg:golang/github.com/new/x@v1.1.0');
    expect(byKey['github.com/old/x']!.properties!['build-artifact:go.sum']).toBe('h1:abc=');
    expect(byKey['github.com/old/x']!.hashes).toBeUndefined();
    expect(byKey['github.com/a/b']!.firstParty).toBe(true);
    expect(byKey['github.com/g/h']!.purl).toBe('pkg:golang/github.com/g/h@v2.0.0+incompatible');
    expect(byKey['example.com/app']!.dependencies).toEqual([
      'github.com/a/b',
      'github.com/old/x',
      'github.com/g/h',
    ]);
    expect(
      inv.warnings.some((w) =>
        w.includes('github.com/g/h@v2.0.0+incompatible has no go.sum entry'),
      ),
    ).toBe(true);
  });
  it('a bad line is reported with its line number', () => {
    expect(
      codeOf(() => parseGoMod('module x\nrequire (\n\tgithub.com/a/b\n)\n', 'go.mod')).slice(0, 2),
    ).toEqual(['MALFORMED_LOCKFILE', 3]);
    expect(codeOf(() => parseGoMod('module x\nrequire (\n', 'go.mod'))[0]).toBe(
      'MALFORMED_LOCKFILE',
    );
  });
});

describe('Go module info', () => {
  it('reads => replacements and quoted build settings', () => {
    const info = parseModinfo(
      'path\tex.com/m\nmod\tex.com/m\t(devel)\t\ndep\tgithub.com/a/b\tv1.0.0\th1:x=\n=>\tgithub.com/c/b\tv1.1.0\th1:y=\nbuild\t-ldflags="-X main.v=1"\nbuild\tGOOS=wasip1\n',
    );
    expect(info.deps[0]!.replace).toEqual({
      path: 'github.com/c/b',
      version: 'v1.1.0',
      sum: 'h1:y=',
    });
    expect(info.settings['-ldflags']).toBe('-X main.v=1');
    expect(info.settings.GOOS).toBe('wasip1');
  });
});

describe('package-lock.json v1 and npm-shrinkwrap', () => {
  it('flattens the v1 tree, resolves nested copies, converts integrity', () => {
    const sha1 = Buffer.from('a'.repeat(20)).toString('base64');
    const lock = {
      name: 'root',
      version: '1.0.0',
      lockfileVersion: 1,
      dependencies: {
        a: { version: '1.0.0', integrity: `sha1-${sha1}`, requires: { b: '^2' } },
        b: { version: '1.0.0', dev: true },
        alias: { version: 'npm:@scope/real@3.0.0' },
        local: { version: 'file:../local' },
        c: { version: '1.0.0', requires: { b: '^2' }, dependencies: { b: { version: '2.0.0' } } },
      },
    };
    const inv = parsePackageLock(JSON.stringify(lock), 'npm-shrinkwrap.json');
    const byPath = Object.fromEntries(inv.packages.map((p) => [p.key, p]));
    expect(byPath['node_modules/a']!.hashes).toEqual([
      { alg: 'SHA-1', content: Buffer.from('a'.repeat(20)).toString('hex') },
    ]);
    expect(byPath['node_modules/a']!.dependencies).toEqual(['node_modules/b']);
    expect(byPath['node_modules/c']!.dependencies).toEqual(['node_modules/c/node_modules/b']);
    expect(byPath['node_modules/alias']!.purl).toBe('pkg:npm/%40scope/real@3.0.0');
    expect(byPath['node_modules/b']!.scope).toBe('excluded');
    // A `file:` folder is first-party, known by its path (v1 records no version for it).
    expect(byPath['node_modules/local']!.firstParty).toBe(true);
    expect(byPath['node_modules/local']!.purl).toBeUndefined();
    expect(inv.format).toBe('npm-shrinkwrap.json');
  });
  it('a truncated lockfile names the file and the line', () => {
    const [code, line, msg] = codeOf(() =>
      parsePackageLock('{\n  "lockfileVersion": 3,\n  "packages": {\n', 'package-lock.json'),
    );
    expect(code).toBe('MALFORMED_LOCKFILE');
    expect(line).toBe(4);
    expect(msg).toMatch(/^package-lock\.json:4: invalid JSON/);
  });
});

describe('YAML mappings where a string belongs', () => {
  it('are malformed lockfiles, not crashes (the fast reader makes objects without a prototype)', () => {
    expect(codeOf(() => parsePnpmLock('lockfileVersion:\n  a: 1\n', 'pnpm-lock.yaml'))[0]).toBe(
      'MALFORMED_LOCKFILE',
    );
    const berry =
      '__metadata:\n  version: 8\n\n"a@npm:1":\n  version:\n    x: 1\n  resolution: "a@npm:1.0.0"\n';
    const inv = parseYarnLock(berry, 'yarn.lock');
    expect(inv.packages[0]?.version).toBe('[object Object]');
  });
});

describe('pnpm-lock.yaml v6', () => {
  it('reads /name@version keys, dev flags and edges', () => {
    const text = [
      "lockfileVersion: '6.0'",
      'importers:',
      '  .:',
      '    dependencies:',
      '      a:',
      '        specifier: ^1.0.0',
      '        version: 1.0.0',
      '    devDependencies:',
      "      '@s/b':",
      '        specifier: ^2.0.0',
      '        version: 2.0.0(a@1.0.0)',
      'packages:',
      '  /a@1.0.0:',
      '    resolution: {integrity: sha512-' + Buffer.alloc(64, 1).toString('base64') + '}',
      '    dev: false',
      '  /@s/b@2.0.0(a@1.0.0):',
      '    resolution: {integrity: sha512-' + Buffer.alloc(64, 2).toString('base64') + '}',
      '    dependencies:',
      '      a: 1.0.0',
      '    dev: true',
    ].join('\n');
    const inv = parsePnpmLock(text, 'pnpm-lock.yaml');
    const b = inv.packages.find((p) => p.name === '@s/b')!;
    expect(b.purl).toBe('pkg:npm/%40s/b@2.0.0');
    expect(b.scope).toBe('excluded');
    expect(b.dependencies).toEqual(['/a@1.0.0']);
    expect(inv.packages.find((p) => p.firstParty)!.dependencies).toEqual([
      '/a@1.0.0',
      '/@s/b@2.0.0',
    ]);
  });
});

describe('yarn.lock', () => {
  it('v1: aliases install the real package; a bad line is reported with its number', () => {
    const inv = parseYarnLock(
      '# yarn lockfile v1\n\n"sw-cjs@npm:string-width@^4.2.0", string-width@^4.2.0:\n  version "4.2.3"\n  dependencies:\n    strip "^6"\n\nstrip@^6:\n  version "6.0.1"\n',
      'yarn.lock',
    );
    expect(inv.packages.map((p) => p.purl)).toEqual([
      'pkg:npm/string-width@4.2.3',
      'pkg:npm/strip@6.0.1',
    ]);
    expect(inv.packages[0]!.dependencies).toEqual(['strip@6.0.1']);
    expect(
      codeOf(() => parseYarnLock('a@^1:\n  version "1"\nbroken line\n', 'yarn.lock')).slice(0, 2),
    ).toEqual(['MALFORMED_LOCKFILE', 3]);
  });
});

describe('pdm.lock', () => {
  it('groups and dependency strings', () => {
    const inv = parsePdmLock(
      '[[package]]\nname = "Requests"\nversion = "2.31.0"\ngroups = ["default"]\ndependencies = ["urllib3<3,>=1.21.1", "charset_normalizer>=2"]\n[[package]]\nname = "urllib3"\nversion = "2.0.0"\ngroups = ["default"]\n[[package]]\nname = "charset-normalizer"\nversion = "3.0.0"\ngroups = ["dev"]\n',
      'pdm.lock',
    );
    expect(inv.packages.map((p) => p.purl)).toEqual([
      'pkg:pypi/requests@2.31.0',
      'pkg:pypi/urllib3@2.0.0',
      'pkg:pypi/charset-normalizer@3.0.0',
    ]);
    expect(inv.packages[0]!.dependencies).toEqual(['urllib3@2.0.0', 'charset-normalizer@3.0.0']);
    expect(inv.packages[2]!.scope).toBe('excluded');
  });
});

describe('requirements*.txt', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sbom-req-'));
    await mkdir(join(dir, 'sub'));
    await writeFile(
      join(dir, 'requirements.txt'),
      [
        '# top',
        '-r sub/requirements-dev.txt',
        '--index-url https://example.com/simple',
        'Foo_Bar[extra1, extra2]==1.0 ; python_version >= "3.9" \\',
        '    --hash=sha256:' + 'a'.repeat(64),
        'unpinned>=2',
        'ranged==1.*',
        'urlpkg @ https://example.com/urlpkg-1.0.tar.gz',
        '-e ./local-pkg',
        'zope.interface===5.0 # comment',
      ].join('\n'),
    );
    await writeFile(
      join(dir, 'sub', 'requirements-dev.txt'),
      'pytest==8.0.0\n-r ../requirements.txt\n',
    );
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('pins with extras, markers and hashes; follows -r; reports what is not pinned', () => {
    const inv = parseRequirements(
      // Read the top file through the same path the include uses.
      readFileSync(join(dir, 'requirements.txt'), 'utf8'),
      join(dir, 'requirements.txt'),
    );
    const third = inv.packages.filter((p) => !p.firstParty);
    // The one --index-url (not PyPI) is where they came from; the sdist URL names its version.
    const index = 'repository_url=https%3A%2F%2Fexample.com%2Fsimple%2F';
    expect(third.map((p) => p.purl)).toEqual([
      `pkg:pypi/pytest@8.0.0?${index}`,
      `pkg:pypi/foo-bar@1.0?${index}`,
      'pkg:pypi/urlpkg@1.0?download_url=https%3A%2F%2Fexample.com%2Furlpkg-1.0.tar.gz',
      `pkg:pypi/zope-interface@5.0?${index}`,
    ]);
    expect(third[1]!.properties).toEqual({
      'build-artifact:python.markers': 'python_version >= "3.9"',
      'build-artifact:python.extras': 'extra1, extra2',
      'build-artifact:python.hashes': '1',
    });
    expect(inv.warnings).toHaveLength(2);
    expect(inv.warnings[0]).toMatch(/requirements\.txt:6: unpinned >=2 is not pinned/);
    expect(inv.completeness).toBe('incomplete');
    expect(inv.packages.find((p) => p.firstParty)?.name).toBe('./local-pkg');
  });

  it('is incomplete when it leaves out an editable VCS line or a path, as for an unpinned one', () => {
    const vcs = parseRequirements(
      'six==1.17.0\n-e git+https://github.com/x/y.git#egg=y\n',
      'vcs/requirements.txt',
    );
    expect(vcs.warnings).toEqual([expect.stringMatching(/:2: editable VCS requirement/)]);
    expect(vcs.completeness).toBe('incomplete');
    const path = parseRequirements('six==1.17.0\n./vendor/pkg.whl\n', 'path/requirements.txt');
    expect(path.warnings).toEqual([expect.stringMatching(/:2: ".\/vendor\/pkg.whl" is a path/)]);
    expect(path.completeness).toBe('incomplete');
    expect(parseRequirements('six==1.17.0\n', 'ok/requirements.txt').completeness).toBe('complete');
  });

  it('takes pins that are not ==: a file URL naming its version, a VCS commit', () => {
    const sha = 'a1d071733d7111c9c014f024669f959182114e33';
    const inv = parseRequirements(
      [
        'torch @ https://download.pytorch.org/whl/cpu/torch-2.1.0%2Bcpu-cp311-cp311-linux_x86_64.whl',
        'six @ https://files.example/six-1.17.0.tar.gz',
        `-e git+https://github.com/openai/CLIP.git@${sha}#egg=clip`,
        `httpx @ git+https://github.com/encode/httpx@${sha}`,
        // A bare VCS line, its commit in capitals: the name comes from #egg=.
        `git+https://token@github.com/o/r@${sha.toUpperCase()}#egg=r`,
        // Not pins: a branch, and a file of another package.
        'other @ git+https://github.com/x/other@main',
        'mismatch @ https://files.example/six-1.17.0.tar.gz',
      ].join('\n'),
      'urls/requirements.txt',
    );
    expect(Object.fromEntries(inv.packages.map((p) => [p.name, p.purl]))).toEqual({
      torch:
        'pkg:pypi/torch@2.1.0+cpu?download_url=https%3A%2F%2Fdownload.pytorch.org%2Fwhl%2Fcpu%2Ftorch-2.1.0%252Bcpu-cp311-cp311-linux_x86_64.whl',
      six: 'pkg:pypi/six@1.17.0?download_url=https%3A%2F%2Ffiles.example%2Fsix-1.17.0.tar.gz',
      // A commit, no version: no purl (it would name PyPI's package), the source a property.
      clip: undefined,
      httpx: undefined,
      r: undefined,
    });
    expect(inv.packages.find((p) => p.name === 'clip')!.properties).toEqual({
      'build-artifact:python.vcs_url': `git+https://github.com/openai/CLIP.git@${sha}`,
      'build-artifact:python.vcs_commit': sha,
    });
    expect(inv.packages.find((p) => p.name === 'r')!.properties).toMatchObject({
      'build-artifact:python.vcs_url': `git+https://github.com/o/r@${sha}`,
    });
    expect(inv.warnings).toEqual([
      expect.stringMatching(/:6: other @ git\+https:\/\/github.com\/x\/other@main is not pinned/),
      expect.stringMatching(/:7: mismatch @ .* is not pinned/),
    ]);
    expect(inv.completeness).toBe('incomplete');
  });

  it('names the one index packages came from, unless it is PyPI or there are others', () => {
    const purls = (text: string) =>
      parseRequirements(text, 'idx/requirements.txt').packages.map((p) => p.purl);
    expect(
      purls('--index-url https://download.pytorch.org/whl/cpu\ntorchvision==0.16.0+cpu\n'),
    ).toEqual([
      'pkg:pypi/torchvision@0.16.0+cpu?repository_url=https%3A%2F%2Fdownload.pytorch.org%2Fwhl%2Fcpu%2F',
    ]);
    expect(purls('-i https://pypi.org/simple\nsix==1.17.0\n')).toEqual(['pkg:pypi/six@1.17.0']);
    expect(
      purls(
        '-i https://a.example/simple\n--extra-index-url https://b.example/simple\nsix==1.17.0\n',
      ),
    ).toEqual(['pkg:pypi/six@1.17.0']);
  });

  it('passes over a file only the wide pattern found that is not a requirements file', async () => {
    const tree = join(dir, 'tree-with-prose');
    await mkdir(join(tree, 'docs'), { recursive: true });
    await writeFile(join(tree, 'requirements.txt'), 'six==1.17.0\n');
    await writeFile(join(tree, 'docs', 'hw_requirements.txt'), '* 16 GB of memory\n');
    const warnings: string[] = [];
    const r = await generateSbom([tree], {
      onProgress: (e) => e.level === 'warning' && warnings.push(e.message),
    });
    expect(JSON.parse(r.json).components.map((c: { purl?: string }) => c.purl)).toContain(
      'pkg:pypi/six@1.17.0',
    );
    expect(warnings).toEqual([
      expect.stringMatching(/hw_requirements\.txt: not read as a requirements file/),
    ]);
    // A requirements.txt by its usual name that does not parse is still an error.
    await writeFile(join(tree, 'requirements-broken.txt'), '* not a requirement\n');
    await expect(generateSbom([tree])).rejects.toMatchObject({ code: 'MALFORMED_LOCKFILE' });
  });

  it('generateSbom passes the warnings on and says the BOM is incomplete', async () => {
    const warnings: string[] = [];
    const r = await generateSbom([join(dir, 'requirements.txt')], {
      onProgress: (e) => e.level === 'warning' && warnings.push(e.message),
    });
    await validateBom(r.json);
    const doc = JSON.parse(r.json) as Cdx;
    assertGraphResolvable(doc);
    expect(warnings).toHaveLength(2);
    expect(doc.compositions.find((c) => c.assemblies)!.aggregate).toBe('incomplete');
  });

  it('a missing -r include is an error naming it', () => {
    const [code, , msg] = codeOf(() =>
      parseRequirements('-r nope.txt\n', join(dir, 'requirements.txt')),
    );
    expect(code).toBe('FILE_NOT_FOUND');
    expect(msg).toContain('nope.txt');
  });
});
