// Publishing files attested earlier (another job, another machine), against the local Sigstore
// and an OCI image layout on disk: planned manifests are pushed as planned, sidecars attached.
import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeBundle, GITHUB_ACTIONS_ISSUER } from '@build-artifact/core';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import { listReferrers, openTarget } from '@build-artifact/oci';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attest } from '../attest.js';
import { PipelineError } from '../errors.js';
import { publishFiles } from '../publish-files.js';

let dev: DevSigstore;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'publish-files-'));
  dev = await startDevSigstore({ issuer: GITHUB_ACTIONS_ISSUER });
});
afterAll(async () => {
  await dev?.close();
  await rm(dir, { recursive: true, force: true });
});

/** Attests FILES for `reference` in an attest job's environment, sidecars beside them. */
async function attestFor(files: string[], reference: string) {
  const env = {
    ...dev.env(),
    ATTEST_OIDC_JWKS_URL: dev.oidc.jwksURL,
    // What only the attest job has: the planned manifests carry them as annotations.
    SOURCE_DATE_EPOCH: '1764979200',
    GITHUB_SHA: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
  };
  return attest(
    {
      artifacts: { paths: files },
      sbom: false,
      provenance: { builder: 'github' },
      signing: { fulcioURL: dev.fulcioURL, rekorURL: dev.rekorURL },
      publishTo: { reference, tagByName: true },
      sidecars: {},
    },
    { cwd: dir, env },
  );
}

/** The push job's context: none of the attest job's environment. */
const pushContext = () => ({ cwd: dir, env: {} });

const failure = (p: Promise<unknown>) =>
  p.then(
    () => undefined,
    (e: unknown) => e as PipelineError,
  );

describe('publishFiles', () => {
  it('pushes the manifest attest planned, the one its statements name, and attaches its sidecars', async () => {
    const file = join(dir, 'tool');
    await writeFile(file, 'a tool');
    const layout = join(dir, 'planned');
    const attested = await attestFor([file], `oci-layout:${layout}`);
    const planned = attested.publication!.plans[0]!.descriptor.digest;
    expect(attested.artifacts[0]!.files.OCI_MANIFEST).toBe(`${file}.oci-manifest.json`);

    const published = await publishFiles(
      { target: { reference: `oci-layout:${layout}`, tagByName: true }, files: { paths: [file] } },
      pushContext(),
    );
    expect(published.artifacts[0]!.manifest.digest).toBe(planned);
    expect(
      describeBundle(attested.provenance.bundle).subjects.map((s) => s.digest.sha256),
    ).toContain(planned.slice(7));
    expect(published.referrers.map((r) => r.subject)).toEqual([planned]);
    expect(published.attachments.map((a) => a.source)).toEqual([`${file}.sigstore.json`]);
    const referrers = await listReferrers(openTarget(`oci-layout:${layout}`, { env: {} }), planned);
    expect(referrers).toHaveLength(1);
  });

  it('reads the sidecars from a flat directory, and the plan still when attaching none', async () => {
    const build = join(dir, 'build');
    const attestations = join(dir, 'attestations');
    await mkdir(build);
    await mkdir(attestations);
    const file = join(build, 'app');
    await writeFile(file, 'an app');
    const layout = join(dir, 'moved');
    const attested = await attestFor([file], `oci-layout:${layout}`);
    for (const path of Object.values(attested.artifacts[0]!.files))
      await rename(path, join(attestations, path.slice(build.length + 1)));
    const planned = attested.publication!.plans[0]!.descriptor.digest;

    const target = { reference: `oci-layout:${layout}`, tagByName: true };
    const bare = await publishFiles(
      {
        target,
        files: { directory: build },
        sidecarDirectory: attestations,
        attachSidecars: false,
      },
      pushContext(),
    );
    expect(bare.artifacts[0]!.manifest.digest).toBe(planned);
    expect(bare.referrers).toEqual([]);
    const whole = await publishFiles(
      { target, files: { directory: build }, sidecarDirectory: attestations },
      pushContext(),
    );
    expect(whole.artifacts[0]!.manifest.digest).toBe(planned);
    expect(whole.referrers).toHaveLength(1);
  });

  it('finds the sidecars of nested subjects in a flat directory under the names attest wrote', async () => {
    const tree = join(dir, 'tree');
    await mkdir(join(tree, 'bin'), { recursive: true });
    await writeFile(join(tree, 'bin', 'app'), 'a nested app');
    const layout = join(dir, 'nested');
    const attestations = join(dir, 'nested-attestations');
    const env = {
      ...dev.env(),
      ATTEST_OIDC_JWKS_URL: dev.oidc.jwksURL,
      SOURCE_DATE_EPOCH: '1764979200',
    };
    const attested = await attest(
      {
        artifacts: { paths: [tree] },
        sbom: false,
        provenance: { builder: 'github' },
        signing: { fulcioURL: dev.fulcioURL, rekorURL: dev.rekorURL },
        publishTo: { reference: `oci-layout:${layout}`, tagByName: true },
        sidecars: { directory: attestations },
      },
      { cwd: dir, env },
    );
    expect(attested.artifacts[0]!.name).toBe('bin/app');
    const planned = attested.publication!.plans[0]!.descriptor.digest;
    const published = await publishFiles(
      {
        target: { reference: `oci-layout:${layout}`, tagByName: true },
        files: { paths: [tree] },
        sidecarDirectory: attestations,
      },
      pushContext(),
    );
    expect(published.artifacts[0]!.manifest.digest).toBe(planned);
    expect(published.attachments.map((a) => a.source)).toEqual([
      join(attestations, 'bin_app.sigstore.json'),
    ]);
  });

  it('refuses platforms for planned manifests, and one tag for several files, pushing nothing', async () => {
    const file = join(dir, 'cli-linux');
    await writeFile(file, 'a CLI');
    const layout = join(dir, 'refused');
    await attestFor([file], `oci-layout:${layout}`);
    const platformed = await failure(
      publishFiles(
        {
          target: {
            reference: `oci-layout:${layout}:v1`,
            grouping: 'index',
            platforms: [{ os: 'linux', architecture: 'amd64' }],
          },
          files: { paths: [file] },
        },
        pushContext(),
      ),
    );
    expect(platformed).toBeInstanceOf(PipelineError);
    expect(platformed?.code).toBe('INVALID_REQUEST');
    expect(platformed?.message).toContain(`${file}: their manifests were planned`);

    const a = join(dir, 'one');
    const b = join(dir, 'two');
    await writeFile(a, 'one');
    await writeFile(b, 'two');
    const tagged = await failure(
      publishFiles(
        { target: { reference: `oci-layout:${layout}:v1` }, files: { paths: [a, b] } },
        pushContext(),
      ),
    );
    expect(tagged?.code).toBe('INVALID_REQUEST');
    expect(tagged?.message).toMatch(/names one tag \(v1\) but 2 files/);
    await expect(readFile(join(layout, 'index.json'), 'utf8')).rejects.toThrow();
  });
});
