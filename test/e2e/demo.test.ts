// `attest demo` for real: the NATS server built by Go for wasip1, the Rust CLI embedding it
// built by cargo, the Node and Python apps packaged; SBOMs, provenance signed by the local
// Sigstore, pushes to an OCI layout on disk and to a real registry (docker-registry), and
// everything verified back. Then the kept outputs are checked again from outside: `attest
// verify` as a separate process, @sigstore/verify directly, and tampered copies must fail.
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GITHUB_ACTIONS_ISSUER, PredicateType } from '@build-artifact/core';
import { Annotation, listReferrers, openTarget } from '@build-artifact/oci';
import type { DemoReport } from '@build-artifact/pipeline';
import { bundleFromJSON } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { captureIO } from '../../packages/cli/src/__tests__/io.js';
import { main } from '../../packages/cli/src/index.js';
import { runAttestCli } from '../helpers/attest-cli.js';
import { type Registry, registryAvailable, startRegistry } from '../helpers/registry.js';
import { BUILD_TIMEOUT_MS, requireToolchain } from '../helpers/toolchains.js';

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const EXPECTED = ['nats-server.wasm', 'embedding-cli', 'node-app.tgz', 'python-app.tgz'];

/** `attest ARGS` as its own process (the built CLI, as a user runs it). */
const attest = (args: string[]) => runAttestCli(args);

async function runDemo(args: string[]): Promise<{ code: number; report: DemoReport; err: string }> {
  const io = captureIO({ ...process.env });
  const code = await main(['demo', ...args, '--format', 'json'], io);
  if (code !== 0 && !io.out()) throw new Error(`attest demo exited ${code}:\n${io.err()}`);
  return { code, report: JSON.parse(io.out()) as DemoReport, err: io.err() };
}

const canRun = requireToolchain('go', 'nats-sources', 'cargo') && registryAvailable();

describe.skipIf(!canRun)('attest demo, end to end', () => {
  let tmp: string;
  let registry: Registry;
  let layout: { code: number; report: DemoReport; err: string };
  let pushed: { code: number; report: DemoReport; err: string };
  let out: string;

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'demo-e2e-'));
    registry = await startRegistry();
    out = join(tmp, 'layout');
    // One after the other: both share Go's and cargo's caches.
    layout = await runDemo(['--out', out]);
    pushed = await runDemo(['--out', join(tmp, 'registry'), '--registry', registry.host]);
  }, BUILD_TIMEOUT_MS);
  afterAll(async () => {
    await registry?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('builds every example, signs, pushes to the OCI layout and verifies it all', async () => {
    const r = layout.report;
    expect(layout.code, layout.err).toBe(0);
    expect(r.skipped).toEqual([]);
    expect(r.artifacts.map((a) => a.name).sort()).toEqual([...EXPECTED].sort());
    expect(r.verified).toBe(true);
    // Each artifact verified twice: from the files beside it and from OCI.
    expect(r.checks).toHaveLength(EXPECTED.length * 2);
    for (const c of r.checks) {
      expect(c.verified, `${c.artifact} from ${c.from}: ${c.summary}`).toBe(true);
      expect(c.result).toMatchObject({
        verified: true,
        slsa: { level: 3 },
        sbom: { verified: true },
      });
    }
    for (const a of r.artifacts) {
      expect(sha256(await readFile(a.path))).toBe(a.sha256);
      expect(a.oci).toMatch(new RegExp(`^oci-layout:${out}/oci@sha256:[0-9a-f]{64}$`));
      for (const f of [a.sbomPath, a.provenanceBundle, a.sbomBundle]) await readFile(f);
    }
    await readFile(join(out, 'trusted_root.json'));
    await readFile(join(out, 'oci', 'index.json'));
    expect(layout.err).toContain('starting the local Sigstore');
  });

  it('records the embedded module in the CLI provenance and follows it with --recursive', async () => {
    const r = layout.report;
    const wasm = r.artifacts.find((a) => a.name === 'nats-server.wasm')!;
    const cli = r.artifacts.find((a) => a.name === 'embedding-cli')!;
    expect(cli.resolvedDependencies).toEqual([
      {
        name: 'nats-server.wasm',
        uri: wasm.oci,
        digest: { sha256: wasm.sha256 },
        mediaType: 'application/wasm',
      },
    ]);
    // The signed provenance (not just the report) says so.
    const bundle = JSON.parse(await readFile(cli.provenanceBundle, 'utf8'));
    const statement = JSON.parse(Buffer.from(bundle.dsseEnvelope.payload, 'base64').toString());
    expect(statement.predicate.buildDefinition.resolvedDependencies).toContainEqual(
      expect.objectContaining({ uri: wasm.oci, digest: { sha256: wasm.sha256 } }),
    );
    expect(statement.predicate.runDetails.builder.id).toMatch(
      /^https:\/\/github\.com\/build-artifact\/build-artifact\/\.github\/workflows\/build-artifact\.yml@/,
    );
    // The CLI's SBOM has the module as a nested component with its Go modules.
    const bom = JSON.parse(await readFile(cli.sbomPath, 'utf8'));
    const nested = bom.components.find((c: { hashes?: { content: string }[] }) =>
      c.hashes?.some((h) => h.content === wasm.sha256),
    );
    expect(nested.components.map((c: { purl?: string }) => c.purl)).toContainEqual(
      expect.stringMatching(/^pkg:golang\/github\.com\/nats-io\/nats-server\/v2@/),
    );
    for (const from of ['file', 'oci'] as const) {
      const check = r.checks.find((c) => c.artifact === 'embedding-cli' && c.from === from)!;
      expect(check.command).toContain('--recursive');
      const deps = (
        check.result as { dependencies: { sha256: string; verified: boolean; via: string }[] }
      ).dependencies;
      expect(deps).toEqual([
        expect.objectContaining({
          sha256: wasm.sha256,
          verified: true,
          via: from === 'file' ? 'beside' : 'oci',
        }),
      ]);
    }
  });

  it('pushes to a real registry with --registry, bundles and SBOM as referrers', async () => {
    const r = pushed.report;
    expect(pushed.code, pushed.err).toBe(0);
    expect(r.verified).toBe(true);
    expect(r.checks.every((c) => c.verified)).toBe(true);
    for (const a of r.artifacts) {
      expect(a.oci).toMatch(
        new RegExp(`^oci://${registry.host}/build-artifact-demo/[a-z-]+@sha256:[0-9a-f]{64}$`),
      );
      const [repo, digest] = a.oci!.split('@') as [string, string];
      const referrers = await listReferrers(openTarget(repo, { env: {} }), digest);
      const types = referrers.map((d) => d.artifactType).sort();
      // The SBOM, the provenance, the SBOM attestation, and the signed verification summary.
      expect(types).toEqual([
        'application/vnd.cyclonedx+json',
        'application/vnd.dev.sigstore.bundle.v0.3+json',
        'application/vnd.dev.sigstore.bundle.v0.3+json',
        'application/vnd.dev.sigstore.bundle.v0.3+json',
      ]);
      const predicates = referrers.map((d) => d.annotations?.[Annotation.BUNDLE_PREDICATE_TYPE]);
      expect(predicates).toContain(PredicateType.VERIFICATION_SUMMARY_V1);
    }
    // Each artifact verified again through its summary alone, the CLI's with its dependency.
    expect(r.summaries.summaries.map((s) => [s.artifact, s.verified])).toEqual(
      r.artifacts.map((a) => [a.name, true]),
    );
    const cli = r.summaries.summaries.find((s) => s.artifact === 'embedding-cli')!;
    expect(cli.dependencyLevels).toEqual({
      SLSA_BUILD_LEVEL_3: 1,
      BUILD_ARTIFACT_SBOM_VERIFIED: 1,
    });
  });

  it('re-verifies the kept outputs with attest verify as a separate process', async () => {
    const r = layout.report;
    for (const c of r.checks) {
      const res = await attest(c.command);
      expect(res.code, `${c.command.join(' ')}\n${res.stdout}${res.stderr}`).toBe(0);
      expect(res.stdout).toContain(': verified');
    }
    const cli = r.checks.find((c) => c.artifact === 'embedding-cli' && c.from === 'file')!;
    const res = await attest(cli.command);
    expect(res.stdout).toMatch(/↳ ✓ dependency nats-server\.wasm: verified/);
  });

  it('verifies the kept bundles with @sigstore/verify directly', async () => {
    const root = JSON.parse(await readFile(join(out, 'trusted_root.json'), 'utf8'));
    const material = toTrustMaterial(TrustedRoot.fromJSON(root));
    const verifier = new Verifier(material, {
      tlogThreshold: 1,
      ctlogThreshold: material.ctlogs.length > 0 ? 1 : 0,
      timestampThreshold: 1,
    });
    for (const a of layout.report.artifacts) {
      for (const file of [a.provenanceBundle, a.sbomBundle]) {
        const json = JSON.parse(await readFile(file, 'utf8'));
        const signer = verifier.verify(toSignedEntity(bundleFromJSON(json)), {
          subjectAlternativeName:
            /^https:\/\/github\.com\/build-artifact\/build-artifact\/\.github\/workflows\/build-artifact\.yml@/,
          extensions: { issuer: GITHUB_ACTIONS_ISSUER },
        });
        expect(signer.identity?.extensions?.issuer).toBe(GITHUB_ACTIONS_ISSUER);
        // @sigstore/verify does not match subjects to artifacts: check that ourselves.
        const statement = JSON.parse(Buffer.from(json.dsseEnvelope.payload, 'base64').toString());
        // The file, and the manifest it was pushed as (what gh looks attestations up by).
        const manifest = a.oci!.split('@sha256:')[1];
        expect(statement.subject).toEqual([
          { name: a.name, digest: { sha256: a.sha256 } },
          { name: `oci-layout:${out}/oci`, digest: { sha256: manifest } },
        ]);
      }
    }
  });

  it('fails when the kept CLI binary or the wasm module is tampered with', async () => {
    const cliCheck = layout.report.checks.find(
      (c) => c.artifact === 'embedding-cli' && c.from === 'file',
    )!;
    const flags = cliCheck.command.slice(2); // after `verify FILE`
    const flip = async (file: string, at: number) => {
      const data = await readFile(file);
      data[at] = (data[at] ?? 0) ^ 0xff;
      await writeFile(file, data);
    };

    const t1 = join(tmp, 'tampered-cli');
    await cp(out, t1, { recursive: true });
    await flip(join(t1, 'embedding-cli'), 4096);
    const cliRes = await attest(['verify', join(t1, 'embedding-cli'), ...flags]);
    expect(cliRes.code, cliRes.stdout + cliRes.stderr).toBe(1);
    expect(cliRes.stdout).toContain('verification FAILED');

    const t2 = join(tmp, 'tampered-wasm');
    await cp(out, t2, { recursive: true });
    await flip(join(t2, 'nats-server.wasm'), 100_000);
    const viaCli = await attest(['verify', join(t2, 'embedding-cli'), ...flags]);
    expect(viaCli.code, viaCli.stdout + viaCli.stderr).toBe(1);
    expect(viaCli.stdout).toMatch(/✗ dependency nats-server\.wasm: verification FAILED/);
    // The artifact's own header says it failed, and why: not "✓ verified" above a failure.
    expect(viaCli.stdout).toMatch(/✗ \S*embedding-cli: verification FAILED \(DEPENDENCY_FAILED\)/);
    expect(viaCli.stdout).not.toMatch(/✓ \S*embedding-cli: verified/);
    expect(viaCli.stdout).toContain('the copy beside the artifact was modified');
    const direct = await attest([
      'verify',
      join(t2, 'nats-server.wasm'),
      ...flags.filter((f) => f !== '--recursive'),
    ]);
    expect(direct.code).toBe(1);
  });

  it('takes dependencies from the SBOM only when its attestation verifies (no --require-sbom)', async () => {
    const cli = layout.report.artifacts.find((a) => a.name === 'embedding-cli')!;
    const cliCheck = layout.report.checks.find(
      (c) => c.artifact === 'embedding-cli' && c.from === 'file',
    )!;
    // Without --require-sbom, the SBOM attestation is verified by the walk itself.
    const flags = cliCheck.command.slice(2).filter((f) => f !== '--require-sbom');
    const recordedIn = async (dir: string) => {
      const res = await attest([
        'verify',
        join(dir, 'embedding-cli'),
        ...flags,
        '--format',
        'json',
      ]);
      expect(res.code, res.stdout + res.stderr).toBe(0);
      const result = JSON.parse(res.stdout);
      return result.dependencies.map((d: { recordedIn: string[] }) => d.recordedIn);
    };
    expect(await recordedIn(out)).toEqual([['provenance', 'sbom']]);
    // The SBOM attestation's signature broken: the provenance alone records the module.
    const t4 = join(tmp, 'bad-sbom-signature');
    await cp(out, t4, { recursive: true });
    const sbomBundle = join(t4, cli.sbomBundle.slice(out.length + 1));
    const bundle = JSON.parse(await readFile(sbomBundle, 'utf8'));
    const sig = Buffer.from(bundle.dsseEnvelope.signatures[0].sig, 'base64');
    sig[sig.length - 2]! ^= 0x01;
    bundle.dsseEnvelope.signatures[0].sig = sig.toString('base64');
    await writeFile(sbomBundle, JSON.stringify(bundle));
    expect(await recordedIn(t4)).toEqual([['provenance']]);
  });

  it('extracts the embedded module when no copy is beside the CLI, and fails closed without its evidence', async () => {
    const cliCheck = layout.report.checks.find(
      (c) => c.artifact === 'embedding-cli' && c.from === 'file',
    )!;
    const flags = cliCheck.command.slice(2);
    // The CLI with its bundles and the module's bundles, but not the module, and the OCI layout
    // the provenance points at moved away: only extraction from the binary is left.
    const t3 = join(tmp, 'no-module');
    await cp(out, t3, { recursive: true });
    await rm(join(t3, 'nats-server.wasm'));
    await rename(join(out, 'oci'), join(tmp, 'oci-moved'));
    try {
      const embedded = await attest([
        'verify',
        join(t3, 'embedding-cli'),
        ...flags,
        '--format',
        'json',
      ]);
      expect(embedded.code, embedded.stdout + embedded.stderr).toBe(0);
      expect(JSON.parse(embedded.stdout).dependencies).toEqual([
        expect.objectContaining({ verified: true, via: 'embedded' }),
      ]);
      // Without the module's own bundles there is nothing to verify it with: fail closed.
      await rm(join(t3, 'nats-server.wasm.sigstore.json'));
      await rm(join(t3, 'nats-server.wasm.sbom.sigstore.json'));
      const closed = await attest([
        'verify',
        join(t3, 'embedding-cli'),
        ...flags,
        '--format',
        'json',
      ]);
      expect(closed.code, closed.stdout + closed.stderr).toBe(1);
      const result = JSON.parse(closed.stdout);
      expect(result.verified).toBe(false);
      expect(result.failure).toMatchObject({ reason: 'DEPENDENCY_FAILED' });
      expect(result.dependencies[0]).toMatchObject({ verified: false });
      expect(result.dependencies[0].error).toContain('cannot verify the recorded dependency');
    } finally {
      await rename(join(tmp, 'oci-moved'), join(out, 'oci'));
    }
  });
});
