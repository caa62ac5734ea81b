// The flows on their own, against the local Sigstore and an OCI image layout on disk: what
// attest returns and signs, what publish pushes and attaches, what verify decides.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  collectArtifacts,
  describeBundle,
  GITHUB_ACTIONS_ISSUER,
  PredicateType,
} from '@build-artifact/core';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import { listReferrers, openTarget } from '@build-artifact/oci';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachmentsOf, attest } from '../attest.js';
import { PipelineError } from '../errors.js';
import { publish } from '../publish.js';
import { verifyTargets } from '../verify.js';

const LOCKFILE = join(
  import.meta.dirname,
  '../../../../../shared/testdata/lockfiles/npm-sigstore-js-package-lock',
);

let dev: DevSigstore;
let dir: string;
let trustedRoot: string;
let context: { cwd: string; env: NodeJS.ProcessEnv };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'flows-'));
  dev = await startDevSigstore({ issuer: GITHUB_ACTIONS_ISSUER });
  trustedRoot = join(dir, 'trusted_root.json');
  await dev.writeTrustedRoot(trustedRoot);
  context = { cwd: dir, env: { ...dev.env(), ATTEST_OIDC_JWKS_URL: dev.oidc.jwksURL } };
});
afterAll(async () => {
  await dev?.close();
  await rm(dir, { recursive: true, force: true });
});

const signing = () => ({ fulcioURL: dev.fulcioURL, rekorURL: dev.rekorURL });
const policy = {
  repo: 'example/nats-wasm',
  signerRepo: 'build-artifact/build-artifact',
  requireSbom: true,
};

describe('attest, publish, verify', () => {
  it('an SPDX SBOM is signed, attached and accepted by --require-sbom', async () => {
    const file = join(dir, 'app.tgz');
    await writeFile(file, 'a packaged app');
    const reference = `oci-layout:${join(dir, 'layout')}:app`;
    const attested = await attest(
      {
        artifacts: { paths: [file] },
        sbom: { format: 'spdx-json', inputs: [LOCKFILE] },
        provenance: { builder: 'github' },
        signing: signing(),
        publishTo: { reference },
        sidecars: {},
      },
      context,
    );
    const a = attested.artifacts[0]!;
    expect(a.sbom?.format).toBe('spdx-json');
    expect(a.files.SPDX).toBe(`${file}.spdx.json`);
    expect(a.files.CYCLONEDX).toBeUndefined();
    expect(describeBundle(a.sbomBundle).predicateType).toBe(PredicateType.SPDX_DOCUMENT_V2_3);
    // Both statements name the planned manifest too.
    const manifest = attested.publication!.plans[0]!.descriptor.digest;
    for (const bundle of [attested.provenance.bundle, a.sbomBundle])
      expect(describeBundle(bundle).subjects.map((s) => s.digest.sha256)).toContain(
        manifest.slice(7),
      );

    const published = await publish(
      {
        target: { reference },
        artifacts: [{ name: a.name, path: file, digest: a.digest }],
        publication: attested.publication!,
        attachments: attachmentsOf(attested),
      },
      context,
    );
    expect(published.artifacts[0]!.manifest.digest).toBe(manifest);
    const referrers = await listReferrers(openTarget(reference, { env: {} }), manifest);
    expect(referrers.map((r) => r.artifactType).sort()).toEqual([
      'application/spdx+json',
      'application/vnd.dev.sigstore.bundle.v0.3+json',
      'application/vnd.dev.sigstore.bundle.v0.3+json',
    ]);

    const trust = { trustedRoot };
    for (const target of [file, published.reference]) {
      const outcome = await verifyTargets({ targets: [target], policy, trust }, context);
      expect(outcome.results[0]!.failure, target).toBeUndefined();
      expect(outcome.results[0]!.sbom?.verified).toBe(true);
    }
  });

  it("dates the SBOM and the planned manifest by the run's SOURCE_DATE_EPOCH, not the process's", async () => {
    const file = join(dir, 'dated.tgz');
    await writeFile(file, 'a dated app');
    expect(process.env.SOURCE_DATE_EPOCH).toBeUndefined();
    const attested = await attest(
      {
        artifacts: { paths: [file] },
        sbom: { inputs: [LOCKFILE] },
        provenance: { builder: 'github' },
        signing: false,
        publishTo: { reference: `oci-layout:${join(dir, 'dated')}` },
      },
      { ...context, env: { ...context.env, SOURCE_DATE_EPOCH: '1700000000' } },
    );
    const bom = attested.artifacts[0]!.sbom!.bom as { metadata: { timestamp: string } };
    expect(new Date(bom.metadata.timestamp).toISOString()).toBe('2023-11-14T22:13:20.000Z');
    const manifest = JSON.parse(Buffer.from(attested.publication!.plans[0]!.bytes).toString()) as {
      annotations: Record<string, string>;
    };
    expect(manifest.annotations['org.opencontainers.image.created']).toBe('2023-11-14T22:13:20Z');
    // A value that is no time is refused, naming the variable.
    await expect(
      attest(
        {
          artifacts: { paths: [file] },
          sbom: {},
          provenance: { builder: 'local' },
          signing: false,
        },
        { ...context, env: { ...context.env, SOURCE_DATE_EPOCH: 'yesterday' } },
      ),
    ).rejects.toThrow(/SOURCE_DATE_EPOCH "yesterday" is not a number of seconds/);
  });

  it('hashes each artifact once and reuses the digest when publishing', async () => {
    const file = join(dir, 'tool');
    await writeFile(file, 'a tool');
    const attested = await attest(
      {
        artifacts: { paths: [file] },
        sbom: false,
        provenance: { builder: 'local' },
        signing: false,
      },
      context,
    );
    expect(attested.provenance.bundle).toBeUndefined();
    expect(JSON.parse(attested.provenance.text).predicate.buildDefinition.buildType).toBe(
      'https://build-artifact.dev/buildtypes/local/v1',
    );
    // The file changes after attest: a push reusing the attested digest cannot store it under it.
    await writeFile(file, 'another tool');
    await expect(
      publish(
        {
          target: { reference: `oci-layout:${join(dir, 'layout2')}` },
          artifacts: [{ name: 'tool', path: file, digest: attested.artifacts[0]!.digest }],
        },
        context,
      ),
    ).rejects.toThrow(/content does not match/);
  });

  it('refuses to attach a bundle that is about none of the published artifacts', async () => {
    const file = join(dir, 'lonely');
    await writeFile(file, 'a lonely file');
    const other = join(dir, 'other');
    await writeFile(other, 'another file');
    const attested = await attest(
      {
        artifacts: { paths: [other] },
        sbom: false,
        provenance: { builder: 'github' },
        signing: signing(),
      },
      context,
    );
    const err = await publish(
      {
        target: { reference: `oci-layout:${join(dir, 'layout3')}` },
        artifacts: [
          {
            name: 'lonely',
            path: file,
            digest: (await collectArtifacts({ paths: [file] }))[0]!.digest,
          },
        ],
        attachments: attachmentsOf(attested),
      },
      context,
    ).catch((e) => e);
    expect(err).toBeInstanceOf(PipelineError);
    expect((err as PipelineError).code).toBe('INVALID_REQUEST');
    // Refused before anything was sent: the layout holds nothing.
    await expect(readFile(join(dir, 'layout3', 'index.json'), 'utf8')).rejects.toThrow();
  });
});
