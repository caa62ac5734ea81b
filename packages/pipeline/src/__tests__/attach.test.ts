// Attaching attestation files to a manifest already published, on an OCI image layout on disk.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GITHUB_ACTIONS_ISSUER } from '@build-artifact/core';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import { listReferrers, openTarget } from '@build-artifact/oci';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachToManifest } from '../attach.js';
import { attest } from '../attest.js';
import { PipelineError } from '../errors.js';
import { publishFiles } from '../publish-files.js';

let dev: DevSigstore;
let dir: string;
let context: { cwd: string; env: NodeJS.ProcessEnv };

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'attach-'));
  dev = await startDevSigstore({ issuer: GITHUB_ACTIONS_ISSUER });
  context = { cwd: dir, env: { ...dev.env(), ATTEST_OIDC_JWKS_URL: dev.oidc.jwksURL } };
});
afterAll(async () => {
  await dev?.close();
  await rm(dir, { recursive: true, force: true });
});

/** FILE's provenance bundle, written beside it (its subject's digest: SHA-256 by default). */
async function signed(name: string, algorithms?: ('sha256' | 'sha512')[]): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, `the file ${name}`);
  const attested = await attest(
    {
      artifacts: { paths: [file] },
      ...(algorithms ? { algorithms } : {}),
      sbom: false,
      provenance: { builder: 'github' },
      signing: { fulcioURL: dev.fulcioURL, rekorURL: dev.rekorURL },
      sidecars: {},
    },
    context,
  );
  return attested.artifacts[0]!.files.PROVENANCE!;
}

describe('attachToManifest', () => {
  it('attaches bundle files about the manifest, and nothing when one of them is not', async () => {
    const good = await signed('app');
    const wrong = await signed('other');
    const layout = `oci-layout:${join(dir, 'layout')}`;
    const published = await publishFiles(
      {
        target: { reference: layout },
        files: { paths: [join(dir, 'app')] },
        attachSidecars: false,
      },
      context,
    );
    const { reference } = published;
    const manifest = published.artifacts[0]!.manifest.digest;
    const target = openTarget(layout, { env: {} });

    const err = await attachToManifest({ reference, bundles: [good, wrong] }, context).then(
      () => undefined,
      (e: unknown) => e as PipelineError,
    );
    expect(err).toBeInstanceOf(PipelineError);
    expect(err?.message).toContain(`${wrong}: the bundle is not about ${reference}`);
    expect(await listReferrers(target, manifest)).toEqual([]);

    const attached = await attachToManifest({ reference, bundles: [good] }, context);
    expect(attached.map((r) => [r.source, r.subject])).toEqual([[good, manifest]]);
    expect(await listReferrers(target, manifest)).toHaveLength(1);
  });

  it('matches a bundle that names the file by SHA-512 alone, and refuses one about another file', async () => {
    const good = await signed('app512', ['sha512']);
    const wrong = await signed('other512', ['sha512']);
    const published = await publishFiles(
      {
        target: { reference: `oci-layout:${join(dir, 'layout512')}` },
        files: { paths: [join(dir, 'app512')] },
        attachSidecars: false,
      },
      context,
    );
    const { reference } = published;
    const err = await attachToManifest({ reference, bundles: [wrong] }, context).then(
      () => undefined,
      (e: unknown) => e as PipelineError,
    );
    expect(err?.message).toContain(`${wrong}: the bundle is not about ${reference}`);
    const attached = await attachToManifest({ reference, bundles: [good] }, context);
    expect(attached.map((r) => [r.source, r.subject])).toEqual([
      [good, published.artifacts[0]!.manifest.digest],
    ]);
  });

  it('names the file that is missing', async () => {
    const err = await attachToManifest(
      {
        reference: `oci-layout:${join(dir, 'layout')}@sha256:${'0'.repeat(64)}`,
        bundles: [join(dir, 'absent.json')],
      },
      context,
    ).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(err?.message).toContain(join(dir, 'absent.json'));
  });
});
