// One home for every flow (issue 15): the same inputs through the CLI and through the actions'
// bundled entries (actions/dist, run as the runner runs them) give the same subjects,
// predicates, referrers (manifest digests) and verdicts with the same reason codes, for a wasm
// module, a CLI that embeds it (verified recursively), a tarball, and a failing case of each.
// Both sides push to their own repository of one real registry and sign with one local
// Sigstore; SOURCE_DATE_EPOCH makes SBOMs and manifests comparable byte for byte.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeBundle, digestBytes, GITHUB_ACTIONS_ISSUER } from '@build-artifact/core';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, runAction } from '../actions/runner.ts';
import { type CliResult, runAttestCli } from '../helpers/attest-cli.ts';
import { type Registry, registryAvailable, startRegistry } from '../helpers/registry.ts';

const LOCKFILES = join(repoRoot, '../shared/testdata/lockfiles');
const EPOCH = '1764979200';

/** The smallest WASI module: magic, version, and an import from wasi_snapshot_preview1. */
function wasiModule(): Buffer {
  const name = (s: string) => Buffer.concat([Buffer.of(s.length), Buffer.from(s)]);
  const type = Buffer.of(0x01, 0x60, 0x00, 0x00); // one type: () -> ()
  const imports = Buffer.concat([
    Buffer.of(0x01),
    name('wasi_snapshot_preview1'),
    name('proc_exit'),
    Buffer.of(0x00, 0x00),
  ]);
  const section = (id: number, body: Buffer) => Buffer.concat([Buffer.of(id, body.length), body]);
  return Buffer.concat([
    Buffer.from('0061736d01000000', 'hex'),
    section(1, type),
    section(2, imports),
  ]);
}

let dev: DevSigstore;
let registry: Registry;
let dir: string;
let env: Record<string, string>;
let trustedRoot: string;

interface Side {
  /** The provenance bundle of each artifact (by file name). */
  provenance: Record<string, unknown>;
  sbom: Record<string, unknown>;
  /** oci://...@sha256 of each artifact's manifest. */
  references: Record<string, string>;
}

function cli(
  args: string[],
  cwd = dir,
  extraEnv: Record<string, string | undefined> = {},
): Promise<CliResult> {
  return runAttestCli(args, { cwd, env: { ...env, ...extraEnv } });
}

/** The statement inside a bundle, its manifest subjects' names dropped (each side its repo). */
function statementOf(bundle: unknown) {
  const d = describeBundle(bundle);
  return {
    predicateType: d.predicateType,
    subjects: d.subjects.map((s) => (s.name.includes('/') ? { digest: s.digest } : s)),
    predicate: (d.statement as { predicate: unknown }).predicate,
  };
}

/** Referrers of a manifest: their artifact types and the predicate types they announce. */
async function referrersOf(reference: string) {
  const r = await cli(['discover', reference, '--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  const tree = JSON.parse(r.stdout) as {
    referrers: { artifactType?: string; annotations?: Record<string, string> }[];
  };
  return tree.referrers
    .map((x) => `${x.artifactType} ${x.annotations?.['dev.sigstore.bundle.predicateType'] ?? ''}`)
    .sort();
}

const artifacts = ['nats.wasm', 'tool.tgz', 'cli'] as const;

describe.skipIf(!registryAvailable())('the CLI and the actions agree', () => {
  const sides: Record<'cli' | 'action', Side> = {
    cli: { provenance: {}, sbom: {}, references: {} },
    action: { provenance: {}, sbom: {}, references: {} },
  };
  let wasmDigest: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'parity-'));
    registry = await startRegistry();
    dev = await startDevSigstore({ issuer: GITHUB_ACTIONS_ISSUER });
    trustedRoot = join(dir, 'trusted_root.json');
    await dev.writeTrustedRoot(trustedRoot);
    env = {
      ...dev.env(),
      ATTEST_OIDC_JWKS_URL: dev.oidc.jwksURL,
      SOURCE_DATE_EPOCH: EPOCH,
      // What a runner sets; the manifests' annotations come from these on both sides.
      GITHUB_REPOSITORY: 'example/nats-wasm',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_SHA: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
      GITHUB_REF: 'refs/heads/main',
    };
    const wasm = wasiModule();
    wasmDigest = digestBytes(wasm);
    for (const side of ['cli', 'action'] as const) {
      const d = join(dir, side);
      await mkdir(d);
      await writeFile(join(d, 'nats.wasm'), wasm);
      await copyFile(
        join(LOCKFILES, 'npm-sigstore-js-package-lock', 'package-lock.json'),
        join(d, 'tool.tgz'),
      );
      await writeFile(
        join(d, 'cli'),
        Buffer.concat([Buffer.from('a CLI that embeds a module: '), wasm]),
      );
    }
  }, 120_000);
  afterAll(async () => {
    await dev?.close();
    await registry?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('attest and publish: the CLI (attest publish) and the root action (its dist entry)', async () => {
    for (const name of artifacts) {
      // The CLI records the module it embeds, as published (the same reference on both sides).
      const dependency =
        name === 'cli' ? [`${sides.cli.references['nats.wasm']}=sha256:${wasmDigest}`] : [];
      for (const side of ['cli', 'action'] as const) {
        const d = join(dir, side);
        const repo = `oci://${registry.host}/${side}/${name.replace(/\W/g, '-')}`;
        if (side === 'cli') {
          const r = await cli(
            [
              'publish',
              name,
              `${repo}:v1`,
              '--sbom-input',
              join(LOCKFILES, 'npm-sigstore-js-package-lock'),
              ...dependency.flatMap((x) => ['--resolved-dependency', x]),
            ],
            d,
          );
          expect(r.code, r.stderr).toBe(0);
          sides.cli.references[name] = r.stdout.trim();
        } else {
          const run = await runAction('.', {
            cwd: d,
            env,
            inputs: {
              'subject-path': name,
              'sbom-paths': join(LOCKFILES, 'npm-sigstore-js-package-lock'),
              'resolved-dependencies': dependency.join('\n'),
              'oci-repository': repo,
              'github-attestations': 'false',
              'registry-token': '',
            },
          });
          expect(run.errors, run.stdout).toEqual([]);
          expect(run.code).toBe(0);
          sides.action.references[name] = run.outputs['oci-reference']!;
        }
        sides[side].provenance[name] = JSON.parse(
          await readFile(join(d, `${name}.sigstore.json`), 'utf8'),
        );
        sides[side].sbom[name] = JSON.parse(
          await readFile(join(d, `${name}.sbom.sigstore.json`), 'utf8'),
        );
      }
      // Same manifests (by digest), same statements, same referrers.
      const digest = (side: 'cli' | 'action') => sides[side].references[name]!.split('@')[1];
      expect(digest('cli')).toBe(digest('action'));
      expect(statementOf(sides.cli.provenance[name])).toEqual(
        statementOf(sides.action.provenance[name]),
      );
      expect(statementOf(sides.cli.sbom[name])).toEqual(statementOf(sides.action.sbom[name]));
      const subjects = statementOf(sides.cli.provenance[name]).subjects;
      expect(subjects).toContainEqual({ digest: { sha256: digest('cli')!.slice(7) } });
      expect(await referrersOf(sides.cli.references[name]!)).toEqual(
        await referrersOf(sides.action.references[name]!),
      );
    }
  });

  /** `attest verify` and the verify action on the same targets: verdicts and reason codes. */
  async function both(targets: string[], inputs: Record<string, string>, flags: string[]) {
    const r = await cli(['verify', ...targets, ...flags, '--format', 'json']);
    const fromCli = r.stdout
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as {
            verified: boolean;
            failure?: { reason: string };
            dependencies?: { verified: boolean }[];
          },
      );
    const run = await runAction('verify', {
      cwd: dir,
      env,
      inputs: { artifacts: targets.join('\n'), 'trusted-root': trustedRoot, ...inputs },
    });
    const fromAction = JSON.parse(run.outputs.results!) as typeof fromCli;
    const verdict = (x: (typeof fromCli)[number]) => ({
      verified: x.verified,
      reason: x.failure?.reason,
      dependencies: x.dependencies?.map((d) => d.verified),
    });
    expect(fromAction.map(verdict)).toEqual(fromCli.map(verdict));
    expect(run.code).toBe(fromCli.every((x) => x.verified) ? 0 : 1);
    expect(r.code).toBe(run.code);
    return fromCli.map(verdict);
  }

  it('verify: files, OCI references and recursion give the same verdicts', async () => {
    const d = (name: string) => join(dir, 'cli', name);
    const targets = [
      d('nats.wasm'),
      d('tool.tgz'),
      d('cli'),
      sides.cli.references['nats.wasm']!,
      sides.cli.references.cli!,
    ];
    const policy = {
      repo: 'example/nats-wasm',
      'signer-repo': 'build-artifact/build-artifact',
      'slsa-level': '3',
      'require-sbom': 'true',
      recursive: 'true',
    };
    const verdicts = await both(targets, policy, [
      '--trusted-root',
      trustedRoot,
      '--repo',
      'example/nats-wasm',
      '--signer-repo',
      'build-artifact/build-artifact',
      '--slsa-level',
      '3',
      '--require-sbom',
      '--recursive',
    ]);
    expect(verdicts.every((v) => v.verified)).toBe(true);
    expect(verdicts[2]!.dependencies).toEqual([true]);
  });

  it('verify: a failing case of each kind fails the same way on both', async () => {
    const d = (name: string) => join(dir, 'cli', name);
    // Another repository's policy.
    expect(
      await both([d('nats.wasm')], { repo: 'someone/else' }, [
        '--trusted-root',
        trustedRoot,
        '--repo',
        'someone/else',
      ]),
    ).toEqual([{ verified: false, reason: 'REPOSITORY_MISMATCH', dependencies: undefined }]);
    // A tampered tarball.
    const tampered = join(dir, 'tampered');
    await mkdir(tampered);
    await writeFile(join(tampered, 'tool.tgz'), 'not what was signed');
    await copyFile(d('tool.tgz.sigstore.json'), join(tampered, 'tool.tgz.sigstore.json'));
    expect(
      await both(
        [join(tampered, 'tool.tgz')],
        { repo: 'example/nats-wasm', 'signer-repo': 'build-artifact/build-artifact' },
        [
          '--trusted-root',
          trustedRoot,
          '--repo',
          'example/nats-wasm',
          '--signer-repo',
          'build-artifact/build-artifact',
        ],
      ),
    ).toEqual([{ verified: false, reason: 'SUBJECT_MISMATCH', dependencies: undefined }]);
    // A CLI whose provenance records a module that is nowhere: not beside it, not inside it,
    // not at the reference recorded.
    const orphan = join(dir, 'orphan');
    await mkdir(orphan);
    await writeFile(join(orphan, 'cli'), 'a CLI whose module was never published');
    const missing = `oci://${registry.host}/cli/missing@sha256:${'0'.repeat(64)}=sha256:${'f'.repeat(64)}`;
    const signed = await cli(
      ['provenance', 'cli', '--sign', '--resolved-dependency', missing],
      orphan,
    );
    expect(signed.code, signed.stderr).toBe(0);
    const flags = [
      '--repo',
      'example/nats-wasm',
      '--signer-repo',
      'build-artifact/build-artifact',
      '--recursive',
    ];
    expect(
      await both(
        [join(orphan, 'cli')],
        {
          repo: 'example/nats-wasm',
          'signer-repo': 'build-artifact/build-artifact',
          recursive: 'true',
        },
        ['--trusted-root', trustedRoot, ...flags],
      ),
    ).toEqual([{ verified: false, reason: 'DEPENDENCY_FAILED', dependencies: [false] }]);
  });

  it('push: the CLI and the push action push the planned manifests and attach the same bundles', async () => {
    const d = join(dir, 'cli');
    // A later job or another machine: none of the attest run's environment. The manifest
    // planned then (tool.tgz.oci-manifest.json, beside it) is what both push, as signed.
    const { SOURCE_DATE_EPOCH: _epoch, GITHUB_SHA: _sha, GITHUB_REF: _ref, ...laterEnv } = env;
    const later = { SOURCE_DATE_EPOCH: undefined, GITHUB_SHA: undefined, GITHUB_REF: undefined };
    const cliPush = await cli(
      ['push', 'tool.tgz', `oci://${registry.host}/push-cli/tool:v1`, '--format', 'json'],
      d,
      later,
    );
    expect(cliPush.code, cliPush.stderr).toBe(0);
    const run = await runAction('push', {
      cwd: d,
      env: laterEnv,
      inputs: { repository: `oci://${registry.host}/push-action/tool`, paths: 'tool.tgz' },
    });
    expect(run.code, run.stdout).toBe(0);
    const pushed = JSON.parse(cliPush.stdout) as {
      digest: string;
      referrers: { digest: string }[];
    };
    const planned = sides.cli.references['tool.tgz']!.split('@')[1]!;
    expect(pushed.digest).toBe(planned);
    expect(run.outputs.reference!.split('@')[1]).toBe(planned);
    expect(run.outputs.referrers!.split('\n').sort()).toEqual(
      pushed.referrers.map((r) => r.digest).sort(),
    );
  });
});
