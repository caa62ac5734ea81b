// Reading what is published, on an OCI image layout on disk: the pull and discover flows.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GITHUB_ACTIONS_ISSUER } from '@build-artifact/core';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attest } from '../attest.js';
import type { PipelineError } from '../errors.js';
import { discoverReferrers, pullArtifact } from '../fetch.js';
import { publishFiles } from '../publish-files.js';

let dev: DevSigstore;
let dir: string;
let context: { cwd: string; env: NodeJS.ProcessEnv };
let reference: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fetch-'));
  dev = await startDevSigstore({ issuer: GITHUB_ACTIONS_ISSUER });
  context = { cwd: dir, env: { ...dev.env(), ATTEST_OIDC_JWKS_URL: dev.oidc.jwksURL } };
  const file = join(dir, 'app.bin');
  await writeFile(file, 'the published file');
  await attest(
    {
      artifacts: { paths: [file] },
      sbom: false,
      provenance: { builder: 'github' },
      signing: { fulcioURL: dev.fulcioURL, rekorURL: dev.rekorURL },
      sidecars: {},
    },
    context,
  );
  const published = await publishFiles(
    { target: { reference: 'oci-layout:layout:v1' }, files: { paths: [file] } },
    context,
  );
  reference = published.reference;
});
afterAll(async () => {
  await dev?.close();
  await rm(dir, { recursive: true, force: true });
});

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as PipelineError,
  );

describe('discoverReferrers', () => {
  it('lists the bundle attached to the manifest, by tag or by digest alike', async () => {
    const byTag = await discoverReferrers({ reference: 'oci-layout:layout:v1' }, context);
    expect(byTag.reference).toBe(reference);
    expect(byTag.root.referrers).toHaveLength(1);
    expect(byTag.root.referrers[0]!.artifactType).toBe(
      'application/vnd.dev.sigstore.bundle.v0.3+json',
    );
    expect(await discoverReferrers({ reference }, context)).toEqual(byTag);
  });

  it('refuses what is no OCI reference and a depth below one', async () => {
    expect((await failure(discoverReferrers({ reference: 'app.bin' }, context)))?.code).toBe(
      'INVALID_REQUEST',
    );
    expect((await failure(discoverReferrers({ reference, depth: 0 }, context)))?.code).toBe(
      'INVALID_REQUEST',
    );
  });
});

describe('pullArtifact', () => {
  it('writes the file and its bundle, or the file alone', async () => {
    const all = await pullArtifact({ reference, output: 'pulled' }, context);
    expect(all.output).toBe(join(dir, 'pulled'));
    expect(all.files.map((f) => f.role).sort()).toEqual(['artifact', 'bundle']);
    const artifact = all.files.find((f) => f.role === 'artifact')!;
    expect(await readFile(artifact.path, 'utf8')).toBe('the published file');
    const alone = await pullArtifact({ reference, output: 'alone', referrers: false }, context);
    expect(alone.files.map((f) => f.role)).toEqual(['artifact']);
  });
});
