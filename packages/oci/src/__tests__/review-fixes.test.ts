import { chmod, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { MediaType, PredicateType } from '@build-artifact/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  attachBundle,
  attachReferrer,
  attachSbom,
  blobFromBytes,
  EMPTY_CONFIG,
  formatReference,
  OciError,
  OciLayout,
  parseReference,
  pull,
  pushFile,
  referrersTag,
  resolveCredentials,
  type Target,
} from './exports.js';

const HUB_SERVER = 'https://index.docker.io/v1/';
const SIGSTORE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const encode = (value: unknown) =>
  new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oci-review-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/**
 * A `docker-credential-<name>` that logs every server it is asked for and answers only for
 * `answersFor`, saying "not found" otherwise, as real helpers do.
 */
async function fakeHelper(name: string, answersFor: string): Promise<{ bin: string; log: string }> {
  const bin = join(dir, `bin-${name}`);
  await mkdir(bin, { recursive: true });
  const log = join(bin, 'asked.log');
  const helper = join(bin, `docker-credential-${name}`);
  await writeFile(
    helper,
    `#!/bin/sh\nserver=$(cat)\necho "$server" >> "${log}"\nif [ "$1" = get ] && [ "$server" = "${answersFor}" ]; then\n  echo '{"ServerURL":"x","Username":"hubuser","Secret":"hubpw"}'\nelse\n  echo "credentials not found in native keychain"; exit 1\nfi\n`,
  );
  await chmod(helper, 0o755);
  return { bin, log };
}

async function dockerConfig(name: string, config: object): Promise<string> {
  const path = join(dir, `docker-${name}`);
  await mkdir(path, { recursive: true });
  await writeFile(join(path, 'config.json'), JSON.stringify(config));
  return path;
}

const asked = async (log: string) => (await readFile(log, 'utf8')).trim().split('\n');

describe('credential helpers for Docker Hub', () => {
  it('asks credsStore and credHelpers for Docker Hub as https://index.docker.io/v1/', async () => {
    const { bin, log } = await fakeHelper('hubstore', HUB_SERVER);
    const store = await dockerConfig('store', { credsStore: 'hubstore' });
    const env = { DOCKER_CONFIG: store, PATH: `${bin}:${process.env.PATH}` };
    const hub = { username: 'hubuser', password: 'hubpw' };
    expect(await resolveCredentials('docker.io', env)).toEqual(hub);
    expect(await resolveCredentials('index.docker.io', env)).toEqual(hub);
    expect(await asked(log)).toEqual([HUB_SERVER, HUB_SERVER]);

    const helpers = await dockerConfig('helpers', { credHelpers: { [HUB_SERVER]: 'hubstore' } });
    expect(await resolveCredentials('docker.io', { ...env, DOCKER_CONFIG: helpers })).toEqual(hub);
    // Other registries are still asked for by host.
    expect(await resolveCredentials('ghcr.io', env)).toBeUndefined();
    expect((await asked(log)).slice(-1)).toEqual(['ghcr.io']);
  });

  it('falls back to the bare host when the helper has nothing under the URL', async () => {
    const { bin, log } = await fakeHelper('barehost', 'docker.io');
    const store = await dockerConfig('bare', { credsStore: 'barehost' });
    const env = { DOCKER_CONFIG: store, PATH: `${bin}:${process.env.PATH}` };
    expect(await resolveCredentials('docker.io', env)).toEqual({
      username: 'hubuser',
      password: 'hubpw',
    });
    expect(await asked(log)).toEqual([HUB_SERVER, 'docker.io']);
  });
});

describe('parseReference and the legacy Docker Hub domain', () => {
  it('maps index.docker.io to docker.io, then applies the library/ rule', () => {
    expect(parseReference('oci://index.docker.io/alpine')).toEqual({
      kind: 'registry',
      registry: 'docker.io',
      repository: 'library/alpine',
    });
    expect(parseReference('index.docker.io/alpine:3.20')).toMatchObject({
      registry: 'docker.io',
      repository: 'library/alpine',
      tag: '3.20',
    });
    expect(parseReference('oci://index.docker.io/acme/app')).toMatchObject({
      registry: 'docker.io',
      repository: 'acme/app',
    });
    expect(formatReference(parseReference('oci://index.docker.io/alpine'))).toBe(
      'oci://docker.io/library/alpine',
    );
    // docker/distribution's normalisation knows only docker.io and index.docker.io: the API
    // host is taken as written, as docker does.
    expect(parseReference('oci://registry-1.docker.io/alpine')).toMatchObject({
      registry: 'registry-1.docker.io',
      repository: 'alpine',
    });
  });
});

describe('referrersTag', () => {
  const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;

  it('truncates the algorithm to 32 and the encoded part to 64 characters', () => {
    const hex512 = 'ab'.repeat(64);
    expect(referrersTag(`sha512:${hex512}`)).toBe(`sha512-${hex512.slice(0, 64)}`);
    const hex256 = 'c'.repeat(64);
    expect(referrersTag(`sha256:${hex256}`)).toBe(`sha256-${hex256}`);
    const long = referrersTag(`${'a'.repeat(40)}:${'d'.repeat(100)}`);
    expect(long).toBe(`${'a'.repeat(32)}-${'d'.repeat(64)}`);
    expect(long).toMatch(TAG);
  });

  it('replaces characters a tag cannot hold with -', () => {
    const tag = referrersTag('sha256+b64u:AbC_x=y');
    expect(tag).toBe('sha256-b64u-AbC_x-y');
    expect(tag).toMatch(TAG);
  });
});

/** Pushes one manifest (its blobs first) and returns its descriptor. */
async function putManifest(
  target: Target,
  manifest: object,
  blobs: Uint8Array[] = [],
  tag?: string,
) {
  for (const bytes of blobs) await target.pushBlob(blobFromBytes(bytes));
  const mediaType = (manifest as { mediaType: string }).mediaType;
  return (await target.pushManifest(encode(manifest), mediaType, tag)).descriptor;
}

describe('pull file names from index platforms', () => {
  it('keeps a platform-derived name one plain file name inside the output folder', async () => {
    const layout = new OciLayout(join(dir, 'platform-layout'));
    const content = encode('a windows build');
    const layer = blobFromBytes(content);
    const child = await putManifest(
      layout,
      {
        schemaVersion: 2,
        mediaType: MediaType.OCI_MANIFEST,
        config: EMPTY_CONFIG,
        // No title anywhere: the name comes from the platform the index gives.
        layers: [{ mediaType: 'application/octet-stream', digest: layer.digest, size: layer.size }],
      },
      [encode('{}'), content],
    );
    await putManifest(
      layout,
      {
        schemaVersion: 2,
        mediaType: MediaType.OCI_INDEX,
        manifests: [
          {
            ...child,
            platform: { os: 'windows', architecture: '..\\..\\evil.bat', variant: 'a:b c' },
          },
        ],
      },
      [],
      'v1',
    );
    const out = join(dir, 'platform-out');
    const result = await pull(layout, 'v1', out, { referrers: false });
    expect(result.files).toHaveLength(1);
    const name = 'artifact-windows-..-..-evil.bat-a-b-c';
    expect(result.files[0]!.path).toBe(join(out, name));
    expect(basename(result.files[0]!.path)).toMatch(/^[A-Za-z0-9._-]+$/);
    expect(await readdir(out)).toEqual([name]);
    expect(await readFile(join(out, name), 'utf8')).toBe('a windows build');
  });
});

describe('pull with referrers it cannot read', () => {
  const bundle = JSON.stringify({ mediaType: SIGSTORE, messageSignature: {} });
  const sbom = JSON.stringify({ bomFormat: 'CycloneDX', specVersion: '1.6' });

  /** A tagged artifact `tool` in a fresh layout, with a good bundle and SBOM attached. */
  async function artifact(name: string) {
    const layout = new OciLayout(join(dir, name));
    await mkdir(join(dir, `${name}-src`));
    await writeFile(join(dir, `${name}-src`, 'tool'), 'a tool');
    const pushed = await pushFile(layout, join(dir, `${name}-src`, 'tool'), { tag: 'v1' });
    await attachBundle(pushed, bundle);
    await attachSbom(pushed, sbom);
    const subject = {
      mediaType: pushed.descriptor.mediaType,
      digest: pushed.descriptor.digest,
      size: pushed.descriptor.size,
    };
    return { layout, pushed, subject };
  }

  it('pulls the bundles and SBOM it knows and reports the others as skipped', async () => {
    const { layout, pushed, subject } = await artifact('skip-layout');
    const unknown = await attachReferrer(
      pushed,
      encode('{"x":1}'),
      'application/vnd.example.thing',
      {},
    );
    const noLayers = await putManifest(
      layout,
      {
        schemaVersion: 2,
        mediaType: MediaType.OCI_MANIFEST,
        artifactType: SIGSTORE,
        config: EMPTY_CONFIG,
        layers: [],
        subject,
      },
      [encode('{}')],
    );
    const index = await putManifest(layout, {
      schemaVersion: 2,
      mediaType: MediaType.OCI_INDEX,
      artifactType: SIGSTORE,
      manifests: [],
      subject,
    });
    // Its layer is never read: the size it claims is reason enough.
    const huge = await putManifest(
      layout,
      {
        schemaVersion: 2,
        mediaType: MediaType.OCI_MANIFEST,
        artifactType: MediaType.CYCLONEDX_JSON,
        config: EMPTY_CONFIG,
        layers: [
          {
            mediaType: MediaType.CYCLONEDX_JSON,
            digest: `sha256:${'e'.repeat(64)}`,
            size: 65 * 1024 * 1024,
          },
        ],
        subject,
      },
      [encode('{}')],
    );

    const out = join(dir, 'skip-out');
    const result = await pull(layout, 'v1', out);
    expect(result.files.map((f) => [basename(f.path), f.role]).sort()).toEqual([
      ['tool', 'artifact'],
      ['tool.cdx.json', 'sbom'],
      ['tool.sigstore.json', 'bundle'],
    ]);
    expect(await readFile(join(out, 'tool.sigstore.json'), 'utf8')).toBe(bundle);
    expect(await readFile(join(out, 'tool.cdx.json'), 'utf8')).toBe(sbom);
    expect((await readdir(out)).sort()).toEqual(['tool', 'tool.cdx.json', 'tool.sigstore.json']);
    const skipped = new Map(result.skipped.map((s) => [s.digest, s]));
    expect(result.skipped).toHaveLength(4);
    expect(skipped.get(unknown.digest)).toMatchObject({
      artifactType: 'application/vnd.example.thing',
      manifest: pushed.descriptor.digest,
      reason: expect.stringMatching(/artifactType/),
    });
    expect(skipped.get(noLayers.digest)).toMatchObject({
      artifactType: SIGSTORE,
      reason: expect.stringMatching(/no layer/),
    });
    expect(skipped.get(index.digest)).toMatchObject({
      artifactType: SIGSTORE,
      reason: expect.stringMatching(/index/),
    });
    expect(skipped.get(huge.digest)).toMatchObject({
      artifactType: MediaType.CYCLONEDX_JSON,
      reason: expect.stringMatching(/bytes/),
    });
  });

  it('reports nothing skipped when every referrer was pulled', async () => {
    const { layout } = await artifact('clean-layout');
    const result = await pull(layout, 'v1', join(dir, 'clean-out'));
    expect(result.skipped).toEqual([]);
  });

  it('still fails closed on a bundle or SBOM whose bytes do not match their digest', async () => {
    for (const kind of ['bundle', 'sbom'] as const) {
      const { layout } = await artifact(`tampered-${kind}`);
      const content = kind === 'bundle' ? bundle : sbom;
      const [, hex] = blobFromBytes(encode(content)).digest.split(':');
      await writeFile(join(dir, `tampered-${kind}`, 'blobs', 'sha256', hex!), `${content} `);
      const err = await pull(layout, 'v1', join(dir, `tampered-${kind}-out`)).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(OciError);
      expect((err as OciError).code).toBe('DIGEST_MISMATCH');
    }
  });
});

describe('pull names each attestation by what it attests', () => {
  const statement = (predicateType: string) =>
    JSON.stringify({
      mediaType: SIGSTORE,
      dsseEnvelope: {
        payloadType: 'application/vnd.in-toto+json',
        payload: Buffer.from(JSON.stringify({ predicateType })).toString('base64'),
        signatures: [],
      },
    });

  it("an SPDX document, SBOM attestations (cosign's unversioned SPDX too) and a VSA", async () => {
    const layout = new OciLayout(join(dir, 'names-layout'));
    await mkdir(join(dir, 'names-src'));
    await writeFile(join(dir, 'names-src', 'tool'), 'a tool');
    const pushed = await pushFile(layout, join(dir, 'names-src', 'tool'), { tag: 'v1' });
    const spdx = JSON.stringify({ spdxVersion: 'SPDX-2.3', creationInfo: { created: 'x' } });
    expect((await attachSbom(pushed, spdx)).artifactType).toBe(MediaType.SPDX_JSON);
    for (const type of [
      'https://spdx.dev/Document',
      PredicateType.VERIFICATION_SUMMARY_V1,
      PredicateType.SLSA_PROVENANCE_V1,
    ])
      await attachBundle(pushed, statement(type));
    const result = await pull(layout, 'v1', join(dir, 'names-out'));
    expect(result.skipped).toEqual([]);
    expect(result.files.map((f) => [basename(f.path), f.role]).sort()).toEqual([
      ['tool', 'artifact'],
      ['tool.sbom.sigstore.json', 'sbom-bundle'],
      ['tool.sigstore.json', 'bundle'],
      ['tool.spdx.json', 'sbom'],
      ['tool.vsa.sigstore.json', 'vsa-bundle'],
    ]);
    expect(await readFile(join(dir, 'names-out', 'tool.spdx.json'), 'utf8')).toBe(spdx);
  });
});
