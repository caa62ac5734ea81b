// `attest demo`: the whole pipeline on the examples, on this machine, with no network and no
// configuration. Build, hash, SBOM, provenance (from a GitHub-shaped OIDC token of the local
// Sigstore's issuer: the reusable workflow's L3 identity), sign, push to OCI, then verify
// everything back through `attest verify` itself, from the files and from OCI.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import {
  digestFile,
  envelopePayload,
  fileError,
  GITHUB_ACTIONS_ISSUER,
  isBaseError,
  PredicateType,
  type ResourceDescriptor,
  type Subject,
  writeFileAtomic,
} from '@build-artifact/core';
import type { CommandIO } from '../command.js';
import {
  appPrerequisite,
  type BuildContext,
  buildCli,
  buildNats,
  findCargo,
  natsPrerequisites,
  packageApp,
  type Skip,
} from './build.js';
import { DemoError } from './error.js';

export const STAGES = ['build', 'hash', 'sbom', 'provenance', 'sign', 'push', 'verify'] as const;
export type Stage = (typeof STAGES)[number];

/** The identity the demo's tokens carry: a caller repository and the reusable workflow. */
export const DEMO_REPOSITORY = 'example/build-artifact-demo';
export const DEMO_SIGNER_REPOSITORY = 'build-artifact/build-artifact';
export const DEMO_SIGNER_WORKFLOW = `${DEMO_SIGNER_REPOSITORY}/.github/workflows/build-artifact.yml`;

export interface DemoOptions {
  /** Keep everything here (created if missing); default a fresh temporary directory. */
  out?: string;
  /** `HOST:PORT` of a registry (plain HTTP on loopback) instead of the OCI layout on disk. */
  registry?: string;
  /** The examples directory; default the checkout's `examples/`. */
  examples?: string;
  /** Only these artifacts (ids: nats, cli, node-app, python-app); default all. */
  only?: readonly string[];
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
}

export interface DemoCheck {
  artifact: string;
  /** `file` or `oci`: where the evidence was read from. */
  from: 'file' | 'oci';
  command: string[];
  verified: boolean;
  summary: string;
  /** The `attest verify --format json` object. */
  result?: Record<string, unknown>;
}

export interface DemoArtifact {
  id: string;
  name: string;
  path: string;
  sha256: string;
  size: number;
  sbomPath: string;
  components: number;
  ecosystems: Record<string, number>;
  provenanceBundle: string;
  sbomBundle: string;
  /** The OCI reference, pinned by manifest digest. */
  oci?: string;
  resolvedDependencies: ResourceDescriptor[];
  timings: Partial<Record<Stage, number>>;
}

export interface DemoReport {
  out: string;
  ociTarget: string;
  trustedRoot: string;
  artifacts: DemoArtifact[];
  skipped: Skip[];
  checks: DemoCheck[];
  verified: boolean;
  /** Flags of `attest verify` that state who must have signed. */
  policyFlags: string[];
  totalMs: number;
}

/** The examples of the checkout this CLI runs from (src/demo or dist/demo, four levels up). */
export function defaultExamplesDir(cwd: string): string | undefined {
  const beside = fileURLToPath(new URL('../../../../examples', import.meta.url));
  for (const dir of [beside, join(cwd, 'examples')])
    if (existsSync(join(dir, 'nats-wasip1')) || existsSync(join(dir, 'node-app'))) return dir;
  return undefined;
}

function gitHead(dir: string): Promise<string | undefined> {
  return new Promise((res) =>
    execFile('git', ['-C', dir, 'rev-parse', 'HEAD'], { timeout: 10_000 }, (err, out) =>
      res(err || !/^[0-9a-f]{40}$/.test(out.trim()) ? undefined : out.trim()),
    ),
  );
}

/** An in-memory CommandIO for running `attest verify` in-process. */
function captureIO(
  env: NodeJS.ProcessEnv,
  cwd: string,
): CommandIO & { out(): string; err(): string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (c: Buffer) => out.push(c));
  stderr.on('data', (c: Buffer) => err.push(c));
  return {
    stdout,
    stderr,
    env,
    cwd,
    out: () => Buffer.concat(out).toString('utf8'),
    err: () => Buffer.concat(err).toString('utf8'),
  };
}

/** Runs the pipeline; throws DemoError (with stage and artifact) when a stage fails. */
export async function runDemo(options: DemoOptions, io: CommandIO): Promise<DemoReport> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const examples = options.examples
    ? resolve(io.cwd, options.examples)
    : defaultExamplesDir(io.cwd);
  if (!examples || !existsSync(examples))
    throw new DemoError({
      code: 'EXAMPLES_NOT_FOUND',
      exitCode: 2,
      message: `no examples directory ${options.examples ? `at ${options.examples}` : 'in this checkout'}: give --examples DIR (the repository's examples/)`,
    });
  const wanted = options.out ? resolve(io.cwd, options.out) : undefined;
  let out: string;
  try {
    out = wanted ?? (await mkdtemp(join(tmpdir(), 'attest-demo-')));
    await mkdir(out, { recursive: true });
  } catch (err) {
    // A path that cannot be a folder is bad input: exit 2 naming it, not an internal error.
    throw fileError(wanted ?? tmpdir(), err);
  }
  const want = (id: string) => !options.only || options.only.includes(id);

  const stage = async <T>(name: Stage, artifact: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      if (err instanceof DemoError) throw err;
      throw new DemoError({
        code: 'STAGE_FAILED',
        stage: name,
        artifact,
        message: `stage "${name}" failed for ${artifact}: ${isBaseError(err) || err instanceof Error ? err.message : String(err)}`,
        cause: err,
      });
    }
  };
  const timed = async <T>(
    a: { timings: DemoArtifact['timings'] },
    name: Stage,
    artifact: string,
    fn: () => Promise<T>,
  ) => {
    const t0 = performance.now();
    try {
      return await stage(name, artifact, fn);
    } finally {
      a.timings[name] = (a.timings[name] ?? 0) + (performance.now() - t0);
    }
  };

  const [sbomMod, prov, sign, devMod, oci] = await Promise.all([
    import('@build-artifact/sbom'),
    import('@build-artifact/provenance'),
    import('@build-artifact/sign'),
    import('@build-artifact/dev-sigstore'),
    import('@build-artifact/oci'),
  ]);

  const ctx: BuildContext = { examples, out, env: io.env, log: (l) => log(`  ${l}`) };
  const skipped: Skip[] = [];
  const artifacts: DemoArtifact[] = [];

  // The local Sigstore, in-process; its tokens look like GitHub's (issuer included) and name
  // the reusable workflow as the signing job's workflow: a SLSA Build L3 identity.
  const sha = (await gitHead(examples)) ?? 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
  log('starting the local Sigstore (Fulcio, Rekor, timestamp authority, GitHub-like OIDC issuer)');
  const dev = await devMod.startDevSigstore({
    issuer: GITHUB_ACTIONS_ISSUER,
    claims: {
      sub: `repo:${DEMO_REPOSITORY}:ref:refs/heads/main`,
      repository: DEMO_REPOSITORY,
      repository_owner: DEMO_REPOSITORY.split('/')[0]!,
      sha,
      workflow_sha: sha,
      ref: 'refs/heads/main',
      workflow: 'release',
      workflow_ref: `${DEMO_REPOSITORY}/.github/workflows/release.yml@refs/heads/main`,
      job_workflow_ref: `${DEMO_SIGNER_WORKFLOW}@refs/tags/v1.0.0`,
    },
  });
  try {
    const trustedRoot = join(out, 'trusted_root.json');
    await dev.writeTrustedRoot(trustedRoot);
    const devEnv = { ...io.env, ...dev.env() };

    const ociTarget = options.registry
      ? `oci://${options.registry}/build-artifact-demo`
      : `oci-layout:${join(out, 'oci')}`;
    const referenceFor = (repo: string, digest: string) =>
      options.registry ? `${ociTarget}/${repo}@${digest}` : `${ociTarget}@${digest}`;
    const targetFor = (repo: string) =>
      oci.openTarget(options.registry ? `${ociTarget}/${repo}` : ociTarget, {
        cwd: io.cwd,
        env: io.env,
      });

    /** Hash, SBOM, provenance, sign, push: the pipeline for one built artifact. */
    const attest = async (
      id: string,
      path: string,
      timings: DemoArtifact['timings'],
      sbomInputs: string[],
      resolvedDependencies: ResourceDescriptor[],
      push: (target: ReturnType<typeof targetFor>, tag: string) => ReturnType<typeof oci.pushFile>,
    ): Promise<DemoArtifact> => {
      const name = basename(path);
      const a = { timings } as DemoArtifact;
      const { sha256 } = await timed(a, 'hash', name, () => digestFile(path, ['sha256']));
      const size = (await stat(path)).size;
      const subjects: Subject[] = [{ name, digest: { sha256: sha256! } }];
      log(`${name}: SBOM`);
      const sbom = await timed(a, 'sbom', name, async () => {
        const r = await sbomMod.generateSbom(sbomInputs);
        await writeFileAtomic(`${path}.cdx.json`, r.json);
        return r;
      });
      log(`${name}: provenance`);
      const { statement, token } = await timed(a, 'provenance', name, async () => {
        // The token comes the way a workflow gets it (ACTIONS_ID_TOKEN_REQUEST_URL/_TOKEN), and
        // the provenance is built from its verified claims, never from the environment.
        const token = await sign.fetchActionsIdToken(devEnv, 'sigstore');
        const claims = await prov.verifyOidcToken(token, {
          issuer: dev.oidc.issuer,
          jwksUrl: dev.oidc.jwksURL,
        });
        const predicate = prov.githubProvenance(claims, { resolvedDependencies });
        return { statement: prov.provenanceStatement(subjects, predicate), token };
      });
      log(`${name}: signing provenance and SBOM attestations`);
      const [provBundle, sbomBundle] = await timed(a, 'sign', name, async () => {
        const keyless = {
          fulcioURL: dev.fulcioURL,
          rekorURL: dev.rekorURL,
          tsaURL: dev.tsaURL,
          identityToken: token,
        };
        const p = await sign.signStatement(statement, keyless);
        const s = await sign.signStatement(sign.sbomStatement(subjects, sbom.bom), keyless);
        await sign.writeBundle(sign.bundlePathFor(path), p);
        await sign.writeBundle(sign.bundlePathFor(path, 'sbom'), s);
        return [p, s] as const;
      });
      log(`${name}: pushing to ${ociTarget}`);
      const ref = await timed(a, 'push', name, async () => {
        const repo = id;
        const target = targetFor(repo);
        const pushed = await push(target, options.registry ? 'demo' : id);
        const subject = { target, descriptor: pushed.descriptor };
        await oci.attachBundle(subject, provBundle, PredicateType.SLSA_PROVENANCE_V1);
        await oci.attachBundle(subject, sbomBundle, PredicateType.CYCLONEDX_BOM);
        await oci.attachSbom(subject, sbom.json);
        return referenceFor(repo, pushed.descriptor.digest);
      });
      return Object.assign(a, {
        id,
        name,
        path,
        sha256: sha256!,
        size,
        sbomPath: `${path}.cdx.json`,
        components: sbom.componentCount,
        ecosystems: sbom.ecosystems,
        provenanceBundle: sign.bundlePathFor(path),
        sbomBundle: sign.bundlePathFor(path, 'sbom'),
        oci: ref,
        resolvedDependencies,
      });
    };

    // 1. The NATS server for wasip1.
    let wasm: DemoArtifact | undefined;
    if (want('nats') || want('cli')) {
      const go = await natsPrerequisites(ctx);
      if (typeof go === 'string') skipped.push({ artifact: 'nats-server.wasm', reason: go });
      else {
        const timings: DemoArtifact['timings'] = {};
        log(`nats-server.wasm: building with ${go.version} (examples/nats-wasip1/build.sh)`);
        const path = await timed({ timings }, 'build', 'nats-server.wasm', () =>
          buildNats(ctx, go),
        );
        wasm = await attest('nats-server', path, timings, [path], [], (t, tag) =>
          oci.pushWasm(t, path, { tag }),
        );
        artifacts.push(wasm);
      }
    }

    // 2. The Rust CLI embedding it.
    if (want('cli')) {
      const cargo = await findCargo(io.env);
      const cliDir = join(examples, 'embedding-cli');
      if (!wasm)
        skipped.push({
          artifact: 'embedding-cli',
          reason: 'it embeds nats-server.wasm, which was not built',
        });
      else if (!existsSync(join(cliDir, 'Cargo.toml')))
        skipped.push({ artifact: 'embedding-cli', reason: `${cliDir}/Cargo.toml not found` });
      else if (!cargo)
        skipped.push({
          artifact: 'embedding-cli',
          reason: 'no cargo on PATH or in ~/.cargo/bin (install Rust with rustup)',
        });
      else {
        const timings: DemoArtifact['timings'] = {};
        log(`embedding-cli: building with ${cargo.version} (cargo build --release --offline)`);
        const path = await timed({ timings }, 'build', 'embedding-cli', () =>
          buildCli(ctx, cargo, wasm!.path),
        );
        // The module it embeds, by digest and by where it was published: what
        // `attest verify --recursive` follows.
        const dependency: ResourceDescriptor = {
          name: wasm.name,
          uri: wasm.oci!,
          digest: { sha256: wasm.sha256 },
          mediaType: 'application/wasm',
        };
        const detected = await oci.detectPlatform(path).catch(() => undefined);
        const platform = detected ? oci.formatPlatform(detected) : undefined;
        artifacts.push(
          await attest('embedding-cli', path, timings, [path], [dependency], (t, tag) =>
            // One build here; several platform builds would go into one index (pushIndex).
            oci.pushFile(t, path, {
              tag,
              artifactType: 'application/vnd.build-artifact.executable',
              ...(platform ? { annotations: { 'build-artifact.platform': platform } } : {}),
            }),
          ),
        );
      }
    }

    // 3. The Node and Python apps, packaged with their lockfiles.
    for (const app of ['node-app', 'python-app']) {
      if (!want(app)) continue;
      const missing = appPrerequisite(ctx, app);
      if (missing) {
        skipped.push({ artifact: `${app}.tgz`, reason: missing });
        continue;
      }
      const timings: DemoArtifact['timings'] = {};
      log(`${app}.tgz: packaging examples/${app}`);
      const path = await timed({ timings }, 'build', `${app}.tgz`, () => packageApp(ctx, app));
      artifacts.push(
        await attest(app, path, timings, [join(examples, app)], [], (t, tag) =>
          oci.pushFile(t, path, { tag, artifactType: 'application/vnd.build-artifact.package' }),
        ),
      );
    }
    if (artifacts.length === 0)
      throw new DemoError({
        code: 'NOTHING_BUILT',
        message: `nothing could be built: ${skipped.map((s) => `${s.artifact}: ${s.reason}`).join('; ')}`,
      });

    // 4. Verify everything back through `attest verify` itself: from the files, then from OCI.
    const policyFlags = [
      '--trusted-root',
      trustedRoot,
      '--repo',
      DEMO_REPOSITORY,
      '--signer-repo',
      DEMO_SIGNER_REPOSITORY,
      '--slsa-level',
      '3',
      '--require-sbom',
    ];
    const { main } = await import('../main.js');
    const checks: DemoCheck[] = [];
    for (const a of artifacts) {
      const recursive = a.resolvedDependencies.length > 0 ? ['--recursive'] : [];
      for (const [from, arg] of [
        ['file', a.path],
        ['oci', a.oci!],
      ] as const) {
        log(`${a.name}: verifying from ${from === 'file' ? 'the files' : 'OCI'}`);
        const command = ['verify', arg, ...recursive, ...policyFlags];
        const t0 = performance.now();
        const cap = captureIO(io.env, io.cwd);
        const code = await main([...command, '--format', 'json'], cap);
        a.timings.verify = (a.timings.verify ?? 0) + (performance.now() - t0);
        let result: Record<string, unknown> | undefined;
        try {
          result = JSON.parse(cap.out().trim().split('\n').pop() ?? '');
        } catch {
          result = undefined;
        }
        let verified = code === 0 && result?.verified === true;
        let summary = summarize(result, cap.err());
        if (verified && from === 'file') {
          // The SBOM kept on disk must be the one that was signed.
          const signed = await signedSbom(a.sbomBundle);
          const kept = JSON.parse(await readFile(a.sbomPath, 'utf8'));
          if (JSON.stringify(signed) !== JSON.stringify(kept)) {
            verified = false;
            summary = `${a.sbomPath} differs from the SBOM its attestation signs`;
          } else summary += '; SBOM file = signed SBOM';
        }
        checks.push({
          artifact: a.name,
          from,
          command,
          verified,
          summary,
          ...(result ? { result } : {}),
        });
      }
    }
    return {
      out,
      ociTarget,
      trustedRoot,
      artifacts,
      skipped,
      checks,
      verified: checks.every((c) => c.verified),
      policyFlags,
      totalMs: performance.now() - started,
    };
  } finally {
    await dev.close();
  }
}

async function signedSbom(bundlePath: string): Promise<unknown> {
  const bundle = JSON.parse(await readFile(bundlePath, 'utf8'));
  const statement = JSON.parse(envelopePayload(bundle.dsseEnvelope, bundlePath).toString('utf8'));
  return statement.predicate;
}

function summarize(result: Record<string, unknown> | undefined, stderr: string): string {
  if (!result) return stderr.trim().split('\n').pop() || 'no result';
  const r = result as {
    verified?: boolean;
    failure?: { reason?: string; message?: string };
    slsa?: { level?: number };
    sbom?: { verified?: boolean };
    dependencies?: {
      name?: string;
      verified?: boolean;
      via?: string;
      error?: string;
      dependencies?: unknown[];
    }[];
  };
  const parts: string[] = [];
  if (r.failure) parts.push(`${r.failure.reason}: ${r.failure.message}`);
  if (r.slsa?.level) parts.push(`SLSA Build L${r.slsa.level}`);
  if (r.sbom?.verified) parts.push('signed SBOM');
  for (const d of r.dependencies ?? [])
    parts.push(
      d.verified
        ? `embedded ${d.name ?? 'module'} verified (${d.via})`
        : `embedded ${d.name ?? 'module'} FAILED: ${d.error ?? 'see dependencies'}`,
    );
  return parts.join('; ');
}
