// The CLI as users get it. scripts/pack-cli.mjs packs it exactly as the release workflow does;
// npm installs the tarball into an empty folder far from this repository, offline and with an
// empty cache, so that any dependency the package still had would fail the install; the single
// file runs under plain `node`. Both then verify real bundles with the trust roots they ship,
// write SBOMs of real lockfiles, hash files, and print their version.
import { execFileSync, type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateBom } from '@build-artifact/sbom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../..');
const TESTDATA = path.resolve(repoRoot, '../shared/testdata');
const GH = path.join(TESTDATA, 'bundles', 'gh-cli');
const BCR = path.join(TESTDATA, 'bundles', 'slsa-verifier-bcr');
const LOCKFILES = path.join(TESTDATA, 'lockfiles');
const workspaceManifest = JSON.parse(
  readFileSync(path.join(repoRoot, 'packages/cli/package.json'), 'utf8'),
);
const tarballName = `build-artifact-cli-${workspaceManifest.version}.tgz`;

let tmp: string;
let out: string;
let prefix: string;
let npmEnv: NodeJS.ProcessEnv;

/** npm with nothing of this machine's: empty config files, an empty cache, no registry. */
function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  return spawnSync('npm', args, { cwd, env: npmEnv, encoding: 'utf8', timeout: 120_000 });
}

function pack(dir: string): void {
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts/pack-cli.mjs'), dir], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 600_000,
  });
  expect(r.status, r.stderr).toBe(0);
}

describe('the released CLI (scripts/pack-cli.mjs, as the release workflow runs it)', () => {
  beforeAll(async () => {
    // A space and a non-ASCII letter in every path the package is installed or run under.
    tmp = await mkdtemp(path.join(tmpdir(), 'attest packaging é-'));
    out = path.join(tmp, 'release');
    pack(out);
    const [userconfig, globalconfig] = [path.join(tmp, 'npmrc'), path.join(tmp, 'global-npmrc')];
    await writeFile(userconfig, '');
    await writeFile(globalconfig, '');
    npmEnv = {
      PATH: process.env.PATH,
      HOME: path.join(tmp, 'home'),
      npm_config_userconfig: userconfig,
      npm_config_globalconfig: globalconfig,
      npm_config_cache: path.join(tmp, 'npm-cache'),
      npm_config_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
      npm_config_update_notifier: 'false',
    };
    prefix = path.join(tmp, 'prefix');
    const install = npm(
      ['install', '--global', '--prefix', prefix, path.join(out, tarballName)],
      tmp,
    );
    expect(install.status, install.stderr).toBe(0);
  }, 900_000);
  afterAll(() => rm(tmp, { recursive: true, force: true }));

  interface Run {
    status: number | null;
    stdout: string;
    stderr: string;
  }

  /** The two ways a user runs the released CLI. */
  const ways: [string, () => string[]][] = [
    ['the npm package (npm install -g)', () => [path.join(prefix, 'bin', 'attest')]],
    ['attest.mjs (node attest.mjs)', () => [process.execPath, path.join(out, 'attest.mjs')]],
  ];

  describe.each(ways)('%s', (_name, command) => {
    let home: string;
    beforeAll(async () => {
      home = await mkdtemp(path.join(tmp, 'run-'));
    });

    function attest(args: string[], env: NodeJS.ProcessEnv = {}): Run {
      const [cmd, ...first] = command();
      const r = spawnSync(cmd!, [...first, ...args], {
        cwd: home,
        encoding: 'utf8',
        timeout: 120_000,
        maxBuffer: 64 * 1024 * 1024,
        env: {
          PATH: process.env.PATH,
          HOME: home,
          // No run reaches the network: GitHub's TUF repository is a closed local port.
          ATTEST_CACHE_DIR: path.join(home, 'cache'),
          ATTEST_GITHUB_TUF_URL: 'http://127.0.0.1:9',
          ...env,
        },
      });
      return { status: r.status, stdout: r.stdout, stderr: r.stderr };
    }

    function verifyJson(args: string[], env?: NodeJS.ProcessEnv) {
      const r = attest(['verify', ...args, '--format', 'json'], env);
      return { ...r, result: JSON.parse(r.stdout) };
    }

    it('--version names the npm package and its version', () => {
      const r = attest(['--version']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`@build-artifact/cli ${workspaceManifest.version}\n`);
    });

    it.each([
      ['23.11.0', false],
      ['24.14.1', false],
      ['22.22.1', false],
      ['22.22.2', true],
      ['24.15.0', true],
    ])('Node.js %s is accepted: %s (the engines range, as npm only warns)', (version, ok) => {
      const fake = `Object.defineProperty(process.versions, 'node', { value: '${version}' })`;
      const r = attest(['--version'], {
        NODE_OPTIONS: `--import=data:text/javascript,${encodeURIComponent(fake)}`,
      });
      if (ok) {
        expect(r.status, r.stderr).toBe(0);
        return;
      }
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        `attest: Node.js ^22.22.2 or >= 24.15 is required (this is v${version})\n`,
      );
    });

    it.each([
      [
        'npm provenance of sigstore-js (Rekor, SLSA L2)',
        path.join(GH, 'sigstore-js-2.1.0.tgz'),
        [
          '--bundle',
          path.join(GH, 'sigstore-js-2.1.0-bundle.json'),
          '--repo',
          'sigstore/sigstore-js',
        ],
        2,
      ],
      [
        'rules_lint from a reusable workflow (SLSA L3)',
        path.join(BCR, 'rules_lint-v1.3.1.tar.gz'),
        [
          '--repo',
          'aspect-build/rules_lint',
          '--signer-workflow',
          'bazel-contrib/.github/.github/workflows/release_ruleset.yaml',
          '--slsa-level',
          '3',
        ],
        3,
      ],
      [
        "GitHub's artifact-attestations-workflows",
        path.join(GH, 'reusable-workflow-artifact'),
        [
          '--bundle',
          path.join(GH, 'reusable-workflow-attestation.sigstore.json'),
          '--repo',
          'malancas/attest-demo',
          '--signer-repo',
          'github/artifact-attestations-workflows',
        ],
        3,
      ],
      [
        'an enterprise issuer, named',
        path.join(GH, 'custom-issuer-artifact'),
        [
          '--bundle',
          path.join(GH, 'custom-issuer.sigstore.json'),
          '--owner',
          'too-legit',
          '--certificate-oidc-issuer',
          'https://token.actions.githubusercontent.com/hammer-time',
        ],
        2,
      ],
    ])('verifies %s offline with the shipped trust root', (_what, artifact, flags, level) => {
      const r = verifyJson([artifact, ...flags]);
      expect(r.stderr).toBe('');
      expect(r.result.failure).toBeUndefined();
      expect(r.result.verified).toBe(true);
      expect(r.result.trustedRoot).toBe('public-good');
      expect(r.result.slsa.level).toBe(level);
      expect(r.status).toBe(0);
    });

    it('fails closed: a wrong repository, a tampered artifact, a forged bundle', async () => {
      const sigstoreJs = path.join(GH, 'sigstore-js-2.1.0.tgz');
      const bundle = ['--bundle', path.join(GH, 'sigstore-js-2.1.0-bundle.json')];
      const wrong = verifyJson([sigstoreJs, ...bundle, '--repo', 'sigstore/cosign']);
      expect([wrong.status, wrong.result.failure?.reason]).toEqual([1, 'REPOSITORY_MISMATCH']);

      const tampered = path.join(home, 'sigstore-js-2.1.0.tgz');
      const bytes = await readFile(sigstoreJs);
      bytes[100]! ^= 1;
      await writeFile(tampered, bytes);
      const changed = verifyJson([tampered, ...bundle, '--repo', 'sigstore/sigstore-js']);
      expect([changed.status, changed.result.failure?.reason]).toEqual([1, 'SUBJECT_MISMATCH']);

      const forged = verifyJson([
        sigstoreJs,
        '--bundle',
        path.join(GH, 'sigstoreBundle-invalid-signature.json'),
        '--owner',
        'sigstore',
      ]);
      expect([forged.status, forged.result.verified]).toEqual([1, false]);
    });

    it("ships GitHub's TUF root: a private-repository bundle seeds the cache with it, then fails offline", async () => {
      const cache = path.join(home, 'private-cache');
      const r = verifyJson(
        [
          path.join(GH, 'github_provenance_demo-0.0.12-py3-none-any.whl'),
          '--bundle',
          path.join(GH, 'github_provenance_demo-0.0.12-py3-none-any-bundle.jsonl'),
          '--repo',
          'actions/attest-demo',
        ],
        { ATTEST_CACHE_DIR: cache },
      );
      expect([r.status, r.result.failure?.reason]).toEqual([1, 'TRUST_ROOT_UNAVAILABLE']);
      expect(await readFile(path.join(cache, 'tuf', '127.0.0.1%3A9', 'root.json'))).toEqual(
        await readFile(path.join(repoRoot, 'packages/verify/assets/github-tuf-root.json')),
      );
    });

    it("verifies with gh's trusted_root.json given by --trusted-root", () => {
      const r = verifyJson([
        path.join(BCR, 'MODULE.bazel'),
        '--trusted-root',
        path.join(GH, 'trusted_root.json'),
        '--repo',
        'aspect-build/rules_lint',
        '--signer-repo',
        'bazel-contrib/publish-to-bcr',
      ]);
      expect(r.result.failure).toBeUndefined();
      expect(r.status).toBe(0);
    });

    it.each([
      'npm-vite-pnpm/pnpm-lock.yaml',
      'npm-jest-yarn-berry/yarn.lock',
      'cargo-wasmcloud/Cargo.lock',
      'golang-nats-server/go.mod',
      'pypi-pydantic-ai-uv/uv.lock',
    ])(
      'writes the SBOM of %s: valid CycloneDX, the same bytes as the workspace CLI',
      async (lock) => {
        const file = path.join(LOCKFILES, lock);
        const env = { SOURCE_DATE_EPOCH: '1700000000' };
        const r = attest(['sbom', file], env);
        expect(r.stderr).toBe('');
        expect(r.status).toBe(0);
        await validateBom(r.stdout);
        const bom = JSON.parse(r.stdout);
        expect(bom.specVersion).toBe('1.6');
        expect(bom.components.length).toBeGreaterThan(10);
        // The oracle: the CLI compiled from this checkout's sources (dist/, not the bundle).
        const workspace = spawnSync(
          process.execPath,
          [path.join(repoRoot, 'packages/cli/bin/attest.js'), 'sbom', file],
          {
            encoding: 'utf8',
            env: { ...process.env, ...env, ATTEST_NO_BUNDLE: '1' },
            maxBuffer: 1 << 28,
          },
        );
        expect(workspace.status, workspace.stderr).toBe(0);
        expect(r.stdout).toBe(workspace.stdout);
      },
    );

    it('prints digests as sha256sum does', async () => {
      const files = [path.join(GH, 'sigstore-js-2.1.0.tgz'), path.join(BCR, 'MODULE.bazel')];
      const r = attest(['digest', ...files]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(execFileSync('sha256sum', files, { encoding: 'utf8' }));
    });

    it('says what is wrong with bad input, exit 2, no stack trace', () => {
      const missing = attest(['verify', path.join(home, 'nothing-here'), '--repo', 'o/r']);
      expect(missing.status).toBe(2);
      expect(missing.stderr).toContain('nothing-here');
      expect(missing.stderr).not.toMatch(/\n\s+at /);
      const usage = attest(['sbom', '--spec-version', '9']);
      expect(usage.status).toBe(2);
      expect(usage.stderr).not.toMatch(/\n\s+at /);
      // Outside a checkout there are no examples to build: it says where to get them.
      const demo = attest(['demo']);
      expect(demo.status).toBe(2);
      expect(demo.stderr).toContain('git clone https://github.com/build-artifact/build-artifact');
      expect(demo.stderr).not.toMatch(/\n\s+at /);
    });
  });

  describe('the published package', () => {
    const installed = () => path.join(prefix, 'lib', 'node_modules', '@build-artifact', 'cli');

    it('declares no dependencies and no install scripts, Node >= 22, and bin attest', () => {
      const manifest = JSON.parse(readFileSync(path.join(installed(), 'package.json'), 'utf8'));
      expect(manifest.name).toBe('@build-artifact/cli');
      expect(manifest.version).toBe(workspaceManifest.version);
      for (const field of [
        'dependencies',
        'optionalDependencies',
        'peerDependencies',
        'devDependencies',
        'bundleDependencies',
        'scripts',
        'private',
      ])
        expect(manifest[field], field).toBeUndefined();
      expect(manifest.engines.node).toMatch(/^\^22\.\d+\.\d+ \|\| >=24/);
      expect(manifest.bin).toEqual({ attest: 'bin/attest.js' });
      expect(manifest.repository.url).toBe(
        'git+https://github.com/build-artifact/build-artifact.git',
      );
      expect(manifest.publishConfig).toEqual({ access: 'public', provenance: true });
      // The install brought this one package, nothing else.
      expect(readdirSync(path.join(prefix, 'lib', 'node_modules'))).toEqual(['@build-artifact']);
      expect(existsSync(path.join(installed(), 'node_modules'))).toBe(false);
    });

    it("holds GitHub's TUF root and no build leftovers; installs in a few MiB", () => {
      const files: string[] = [];
      const walk = (dir: string): void => {
        for (const e of readdirSync(dir, { withFileTypes: true })) {
          const p = path.join(dir, e.name);
          if (e.isDirectory()) walk(p);
          else files.push(path.relative(installed(), p));
        }
      };
      walk(installed());
      const root = readFileSync(path.join(repoRoot, 'packages/verify/assets/github-tuf-root.json'));
      expect(
        files.filter((f) => readFileSync(path.join(installed(), f)).equals(root)),
      ).toHaveLength(1);
      expect(files.filter((f) => /inputs\.json$|tsbuildinfo|\.map$|\.ts$/.test(f))).toEqual([]);
      const size = files.reduce((n, f) => n + statSync(path.join(installed(), f)).size, 0);
      // The README reports the size; a jump past this budget is worth a look before a release.
      expect(size).toBeLessThan(10 * 1024 * 1024);
    });

    it('runs under npx --package, the way the README says to run it without installing', () => {
      const r = npm(
        ['exec', '--yes', `--package=${path.join(out, tarballName)}`, '--', 'attest', '--version'],
        tmp,
      );
      expect(r.stderr).not.toMatch(/ERR/);
      expect(r.stdout).toBe(`@build-artifact/cli ${workspaceManifest.version}\n`);
    });

    it('is the same bytes when packed again; SHA256SUMS lists both files', async () => {
      const again = path.join(tmp, 'release-again');
      pack(again);
      for (const file of [tarballName, 'attest.mjs', 'SHA256SUMS']) {
        expect(
          readFileSync(path.join(again, file)).equals(readFileSync(path.join(out, file))),
          file,
        ).toBe(true);
      }
      const sums = readFileSync(path.join(out, 'SHA256SUMS'), 'utf8');
      const expected = ['attest.mjs', tarballName]
        .sort()
        .map(
          (f) =>
            `${createHash('sha256')
              .update(readFileSync(path.join(out, f)))
              .digest('hex')}  ${f}\n`,
        )
        .join('');
      expect(sums).toBe(expected);
      // Nothing of the machine it was built on: the bundle does not name this checkout's path.
      expect(readFileSync(path.join(out, 'attest.mjs'), 'utf8')).not.toContain(repoRoot);
    }, 900_000);
  });
});

describe('attest.mjs from a small bundle (scripts/single-file.mjs)', () => {
  // The shapes webpack's ESM output has (see scripts/single-file.mjs), small enough to read.
  const bundle = {
    'index.js': [
      'import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";',
      'const __nccwpck_require__ = { u: (id) => id + ".index.js" };',
      'async function load(chunkId) { return import("./" + __nccwpck_require__.u(chunkId)); }',
      'const fs = process.getBuiltinModule("node:fs");',
      'async function main(argv) {',
      '  const chunk = await load(7);',
      '  return chunk.modules.run(argv, fs, import.meta.url);',
      '}',
      'var __webpack_exports__main = main;',
      'export { __webpack_exports__main as main };',
    ].join('\n'),
    '7.index.js': [
      "import { join as __j } from 'node:path';",
      "import { fileURLToPath as __f } from 'node:url';",
      'const __here = import.meta.url;',
      'export const id = 7;',
      'export const ids = [7];',
      'export const modules = {',
      '  run: async (argv, fs, indexURL) => {',
      "    const fsp = process.getBuiltinModule('fs/promises');",
      "    const data = new URL('data/', __here);",
      "    const a = fs.readFileSync(new URL('a.json', data), 'utf8');",
      "    const b = (await fsp.readFile(__j(__f(new URL('.', __here)), 'data', 'b.bin'))).toString('hex');",
      '    const c = await new Promise((ok, ko) =>',
      "      fs.readFile(new URL('a.json', data), (e, d) => (e ? ko(e) : ok(d.length))),",
      '    );',
      "    const ours = fs.readFileSync(new URL('package.json', indexURL), 'utf8');",
      "    const beside = fs.readFileSync(new URL('../package.json', indexURL), 'utf8');",
      "    fs.copyFileSync(new URL('a.json', data), argv[0]);",
      "    const copied = fs.readFileSync(argv[0], 'utf8');",
      '    process.stdout.write(JSON.stringify({ a, b, c, ours, beside, copied }));',
      '    return 3;',
      '  },',
      '};',
    ].join('\n'),
    'data/a.json': '{"a":1}\n',
    'data/b.bin': new Uint8Array([0xff, 0x00, 0xfe]),
    'package.json': '{"name":"ours"}\n',
  };

  it('inlines chunks and data; a package.json beside attest.mjs is not taken for its own', async () => {
    const { singleFile } = await import('../../scripts/single-file.mjs');
    const dir = await mkdtemp(path.join(tmpdir(), 'single file é-'));
    try {
      await writeFile(path.join(dir, 'attest.mjs'), singleFile(bundle));
      await writeFile(path.join(dir, 'package.json'), '{"name":"someone else"}\n');
      const r = spawnSync(
        process.execPath,
        [path.join(dir, 'attest.mjs'), path.join(dir, 'copy.json')],
        {
          encoding: 'utf8',
        },
      );
      expect(r.stderr).toBe('');
      expect(r.status).toBe(3);
      expect(JSON.parse(r.stdout)).toEqual({
        a: '{"a":1}\n',
        b: 'ff00fe',
        c: 8,
        ours: '{"name":"ours"}\n',
        beside: '{"name":"someone else"}\n',
        copied: '{"a":1}\n',
      });
      // Only attest.mjs and what the run wrote: nothing was unpacked beside it.
      expect(readdirSync(dir).sort()).toEqual(['attest.mjs', 'copy.json', 'package.json']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a bundle whose shape it does not know', async () => {
    const { singleFile } = await import('../../scripts/single-file.mjs');
    const other = {
      ...bundle,
      'index.js': bundle['index.js'].replace('import("./"', 'import("./x/"'),
    };
    expect(() => singleFile(other)).toThrow(/does not load chunks/);
    const runtime = {
      ...bundle,
      '7.index.js': `${bundle['7.index.js']}\nexport const runtime = 1;`,
    };
    expect(() => singleFile(runtime)).toThrow(/besides its head/);
    const external = {
      ...bundle,
      '7.index.js': `import { x } from 'yaml';\n${bundle['7.index.js']}`,
    };
    expect(() => singleFile(external)).toThrow(/not a Node.js built-in/);
  });
});
