// `attest demo`: the whole pipeline on the examples, with no network and no configuration:
// build what the machine can, then the three flows every edge uses (attest, publish, verify),
// signing with the local Sigstore whose tokens carry the reusable workflow's L3 identity.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import {
  fileError,
  GITHUB_ACTIONS_ISSUER,
  isBaseError,
  type ResourceDescriptor,
  writeFileAtomic,
} from '@build-artifact/core';
import type { VerifyPolicy } from '@build-artifact/verify';
import { type AttestResult, attest, publishAttested } from '../attest.js';
import { PipelineError } from '../errors.js';
import type { FlowContext } from '../oci-target.js';
import type { PublishResult } from '../publish.js';
import { verifiedReport, withoutStatements } from '../report.js';
import { type TargetResult, verifyTargets } from '../verify.js';
import {
  appPrerequisite,
  type BuildContext,
  buildCli,
  buildNats,
  findCargo,
  gitHead,
  natsPrerequisites,
  packageApp,
  type Skip,
} from './build.js';
import { type DemoSummaries, demoSummaries } from './summaries.js';

export const STAGES = ['build', 'attest', 'publish', 'verify'] as const;
export type Stage = (typeof STAGES)[number];

/** The identity the demo's tokens carry: a caller repository and the reusable workflow. */
export const DEMO_REPOSITORY = 'example/build-artifact-demo';
export const DEMO_SIGNER_REPOSITORY = 'build-artifact/build-artifact';
export const DEMO_SIGNER_WORKFLOW = `${DEMO_SIGNER_REPOSITORY}/.github/workflows/build-artifact.yml`;

export interface DemoOptions {
  /** The examples directory (the repository's `examples/`). */
  examples: string;
  /** Keep everything here (created if missing); default a fresh temporary directory. */
  out?: string;
  /** `HOST:PORT` of a registry (plain HTTP on loopback) instead of the OCI layout on disk. */
  registry?: string;
  /** Only these artifacts (ids: nats, cli, node-app, python-app); default all. */
  only?: readonly string[];
  /** Progress lines (stderr in the CLI). */
  log?: (line: string) => void;
}

export interface DemoCheck {
  artifact: string;
  /** `file` or `oci`: where the evidence was read from. */
  from: 'file' | 'oci';
  /** The `attest verify` arguments that check the same again by hand. */
  command: string[];
  verified: boolean;
  summary: string;
  result?: TargetResult;
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
  /** Milliseconds per stage, and per step of the attest and publish flows. */
  timings: Partial<Record<string, number>>;
}

export interface DemoReport {
  out: string;
  ociTarget: string;
  trustedRoot: string;
  artifacts: DemoArtifact[];
  skipped: Skip[];
  checks: DemoCheck[];
  /** Signed verification summaries (SLSA VSA) of the published artifacts, and the checks through them. */
  summaries: DemoSummaries;
  verified: boolean;
  /** The HTML report of the verification from the files (`report.html` in `out`). */
  report: string;
  /** Flags of `attest verify` that state who must have signed. */
  policyFlags: string[];
  totalMs: number;
}

/**
 * The claims of the demo's tokens at a commit: the caller repository's release workflow running
 * the reusable workflow at a tag, as a GitHub Actions token says it (a SLSA Build L3 identity).
 */
export function demoClaims(sha: string): Record<string, string> {
  return {
    sub: `repo:${DEMO_REPOSITORY}:ref:refs/heads/main`,
    repository: DEMO_REPOSITORY,
    repository_owner: DEMO_REPOSITORY.split('/')[0]!,
    sha,
    workflow_sha: sha,
    ref: 'refs/heads/main',
    workflow: 'release',
    workflow_ref: `${DEMO_REPOSITORY}/.github/workflows/release.yml@refs/heads/main`,
    job_workflow_ref: `${DEMO_SIGNER_WORKFLOW}@refs/tags/v1.0.0`,
  };
}

/** What `policyFlags` say, as the policy the verify flow takes. */
const DEMO_POLICY: VerifyPolicy = {
  repo: DEMO_REPOSITORY,
  signerRepo: DEMO_SIGNER_REPOSITORY,
  minSlsaLevel: 3,
  requireSbom: true,
};

async function timed<T>(
  timings: DemoArtifact['timings'],
  stage: Stage,
  artifact: string,
  fn: () => Promise<T>,
): Promise<T> {
  const t0 = performance.now();
  try {
    return await fn();
  } catch (err) {
    if (err instanceof PipelineError && err.stage) throw err;
    throw new PipelineError({
      code: 'STAGE_FAILED',
      stage,
      artifact,
      exitCode: 1,
      message: `stage "${stage}" failed for ${artifact}: ${isBaseError(err) || err instanceof Error ? err.message : String(err)}`,
      cause: err,
    });
  } finally {
    timings[stage] = (timings[stage] ?? 0) + (performance.now() - t0);
  }
}

/** One line for a verdict: the failure, the level, the SBOM, the dependencies. */
function summarize(r: TargetResult): string {
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

/** Runs the pipeline; a stage that fails is a PipelineError naming the stage and artifact. */
export async function runDemo(options: DemoOptions, context: FlowContext): Promise<DemoReport> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const examples = resolve(context.cwd, options.examples);
  if (!existsSync(examples))
    throw new PipelineError({
      code: 'EXAMPLES_NOT_FOUND',
      message: `no examples directory at ${options.examples}: give the repository's examples/ (https://github.com/build-artifact/build-artifact/tree/main/examples)`,
    });
  const wanted = options.out ? resolve(context.cwd, options.out) : undefined;
  let out: string;
  try {
    out = wanted ?? (await mkdtemp(join(tmpdir(), 'attest-demo-')));
    await mkdir(out, { recursive: true });
  } catch (err) {
    // A path that cannot be a folder is bad input: exit 2 naming it, not an internal error.
    throw fileError(wanted ?? tmpdir(), err);
  }
  const want = (id: string) => !options.only || options.only.includes(id);
  const { startDevSigstore } = await import('@build-artifact/dev-sigstore');
  const ctx: BuildContext = { examples, out, env: context.env, log: (l) => log(`  ${l}`) };
  const skipped: Skip[] = [];
  const artifacts: DemoArtifact[] = [];

  // The local Sigstore, in-process; its tokens look like GitHub's (issuer included) and name
  // the reusable workflow as the signing job's workflow: a SLSA Build L3 identity.
  const sha = (await gitHead(examples)) ?? 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
  log('starting the local Sigstore (Fulcio, Rekor, timestamp authority, GitHub-like OIDC issuer)');
  const dev = await startDevSigstore({ issuer: GITHUB_ACTIONS_ISSUER, claims: demoClaims(sha) });
  try {
    const trustedRoot = join(out, 'trusted_root.json');
    await dev.writeTrustedRoot(trustedRoot);
    // The flows run as they would in a workflow job: the token service in the environment.
    const flow: FlowContext = { ...context, env: { ...context.env, ...dev.env() } };
    const ociTarget = options.registry
      ? `oci://${options.registry}/build-artifact-demo`
      : `oci-layout:${join(out, 'oci')}`;
    const destination = (id: string) =>
      options.registry ? `${ociTarget}/${id}:demo` : `${ociTarget}:${id}`;

    /** Attest and publish one built artifact: the two flows, as every edge calls them. */
    const ship = async (
      id: string,
      path: string,
      timings: DemoArtifact['timings'],
      sbomInputs: string[],
      resolvedDependencies: ResourceDescriptor[],
      target: { artifactType?: string; annotations?: Record<string, string> } = {},
    ): Promise<DemoArtifact> => {
      const name = basename(path);
      const publishTo = { reference: destination(id), ...target };
      log(`${name}: SBOM, provenance and signatures`);
      const attested: AttestResult = await timed(timings, 'attest', name, () =>
        attest(
          {
            artifacts: { paths: [path] },
            sbom: { inputs: sbomInputs },
            provenance: {
              builder: 'github',
              issuer: dev.oidc.issuer,
              jwksUrl: dev.oidc.jwksURL,
              resolvedDependencies,
            },
            signing: { fulcioURL: dev.fulcioURL, rekorURL: dev.rekorURL, tsaURL: dev.tsaURL },
            publishTo,
            sidecars: {},
          },
          flow,
        ),
      );
      log(`${name}: pushing to ${ociTarget}`);
      const a = attested.artifacts[0]!;
      const published: PublishResult = await timed(timings, 'publish', name, () =>
        publishAttested(attested, flow),
      );
      Object.assign(timings, attested.timings, published.timings);
      return {
        id,
        name,
        path,
        sha256: a.digest.sha256!,
        size: (await stat(path)).size,
        sbomPath: a.files.CYCLONEDX!,
        components: a.sbom!.componentCount,
        ecosystems: a.sbom!.ecosystems,
        provenanceBundle: a.files.PROVENANCE!,
        sbomBundle: a.files.SBOM_BUNDLE!,
        oci: published.reference,
        resolvedDependencies,
        timings,
      };
    };

    // 1. The NATS server for wasip1.
    let wasm: DemoArtifact | undefined;
    if (want('nats') || want('cli')) {
      const go = await natsPrerequisites(ctx);
      if (typeof go === 'string') skipped.push({ artifact: 'nats-server.wasm', reason: go });
      else {
        const timings: DemoArtifact['timings'] = {};
        log(`nats-server.wasm: building with ${go.version} (examples/nats-wasip1/build.sh)`);
        const path = await timed(timings, 'build', 'nats-server.wasm', () => buildNats(ctx, go));
        wasm = await ship('nats-server', path, timings, [], []);
        artifacts.push(wasm);
      }
    }

    // 2. The Rust CLI embedding it.
    if (want('cli')) {
      const cargo = await findCargo(context.env);
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
        const module = wasm;
        const path = await timed(timings, 'build', 'embedding-cli', () =>
          buildCli(ctx, cargo, module.path),
        );
        // The module it embeds, by digest and by where it was published: what
        // `attest verify --recursive` follows.
        const dependency: ResourceDescriptor = {
          name: module.name,
          uri: module.oci!,
          digest: { sha256: module.sha256 },
          mediaType: 'application/wasm',
        };
        const oci = await import('@build-artifact/oci');
        const detected = await oci.detectPlatform(path).catch(() => undefined);
        artifacts.push(
          await ship('embedding-cli', path, timings, [], [dependency], {
            artifactType: 'application/vnd.build-artifact.executable',
            ...(detected
              ? { annotations: { 'build-artifact.platform': oci.formatPlatform(detected) } }
              : {}),
          }),
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
      const path = await timed(timings, 'build', `${app}.tgz`, () => packageApp(ctx, app));
      artifacts.push(
        await ship(app, path, timings, [join(examples, app)], [], {
          artifactType: 'application/vnd.build-artifact.package',
        }),
      );
    }
    if (artifacts.length === 0)
      throw new PipelineError({
        code: 'NOTHING_BUILT',
        exitCode: 1,
        message: `nothing could be built: ${skipped.map((s) => `${s.artifact}: ${s.reason}`).join('; ')}`,
      });

    // 4. Verify everything back with the verify flow: from the files, then from OCI.
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
    const checks: DemoCheck[] = [];
    const reported: TargetResult[] = [];
    for (const a of artifacts) {
      const recursive = a.resolvedDependencies.length > 0;
      for (const [from, target] of [
        ['file', a.path],
        ['oci', a.oci!],
      ] as const) {
        log(`${a.name}: verifying from ${from === 'file' ? 'the files' : 'OCI'}`);
        const outcome = await timed(a.timings, 'verify', a.name, () =>
          verifyTargets(
            {
              targets: [target],
              policy: DEMO_POLICY,
              trust: { trustedRoot },
              recursive,
              // The report shows what the verified statements say.
              keepStatements: from === 'file',
            },
            context,
          ),
        );
        const result = withoutStatements(outcome.results[0]!);
        if (from === 'file') reported.push(outcome.results[0]!);
        let verified = result.verified;
        let summary = summarize(result);
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
          command: ['verify', target, ...(recursive ? ['--recursive'] : []), ...policyFlags],
          verified,
          summary,
          result,
        });
      }
    }
    // 5. Verify once, prove it everywhere: a signed summary per artifact, then checks through it.
    log('verification summaries: verifying against policy.yml, signing, attaching, re-checking');
    const summaries = await demoSummaries(
      artifacts.map((a) => ({ name: a.name, path: a.path, oci: a.oci! })),
      { repo: DEMO_REPOSITORY, signerRepo: DEMO_SIGNER_REPOSITORY },
      out,
      { ...flow, sigstore: dev },
      context,
    );
    const report = await writeDemoReport(out, reported, artifacts, checks, summaries);
    return {
      out,
      ociTarget,
      trustedRoot,
      artifacts,
      skipped,
      checks,
      summaries,
      verified: checks.every((c) => c.verified) && summaries.summaries.every((s) => s.verified),
      report,
      policyFlags,
      totalMs: performance.now() - started,
    };
  } finally {
    await dev.close();
  }
}

/** `report.html`: the verification from the files, with where each artifact was pushed. */
async function writeDemoReport(
  out: string,
  results: TargetResult[],
  artifacts: DemoArtifact[],
  checks: DemoCheck[],
  summaries: DemoSummaries,
): Promise<string> {
  const { renderHtml } = await import('@build-artifact/report');
  const model = await verifiedReport(results, {
    title: 'attest demo',
    generator: 'attest demo',
    policy: DEMO_POLICY,
    targets: Object.fromEntries(
      artifacts.map((a) => [a.path, { name: a.name, ...(a.oci ? { references: [a.oci] } : {}) }]),
    ),
    notes: [
      ...checks
        .filter((c) => c.from === 'oci')
        .map(
          (c) => `Verified again from OCI: ${c.artifact}: ${c.verified ? 'verified' : 'FAILED'}`,
        ),
      // The signed verification summaries (SLSA VSA) written for the same artifacts.
      ...summaries.summaries.map(
        (x) =>
          `Verification summary of ${x.artifact}: ${x.verifiedLevels.join(', ')} against policy ${x.policy.name} (sha256:${x.policy.digest.sha256}), signed by ${x.verifier}, for ${x.resourceUri}; verified through it alone: ${x.verified ? 'yes' : 'FAILED'}`,
      ),
    ],
  });
  const path = join(out, 'report.html');
  await writeFileAtomic(path, renderHtml(model));
  return path;
}

async function signedSbom(bundlePath: string): Promise<unknown> {
  const { describeBundle } = await import('@build-artifact/core');
  return describeBundle(JSON.parse(await readFile(bundlePath, 'utf8'))).statement?.predicate;
}
