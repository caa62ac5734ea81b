import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { MediaType } from '@build-artifact/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Registry,
  registryAvailable,
  sha256,
  skopeoAvailable,
  startRegistry,
} from '../../../../test/helpers/registry.js';
import type { Descriptor } from '../types.js';
import {
  attachBundle,
  attachSbom,
  listReferrers,
  OciClient,
  OciError,
  type ProgressEventLike,
  pull,
  pushFile,
  pushIndex,
  pushWasm,
  readManifest,
  referrersTag,
} from './exports.js';
import { wasmComponent, wasmModule } from './wasm-fixture.js';

const run = promisify(execFile);
const bundleFixture = (predicateType: string, payloadExtra = '') =>
  JSON.stringify({
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: { tlogEntries: [{ integratedTime: '1700000000' }] },
    dsseEnvelope: {
      payloadType: 'application/vnd.in-toto+json',
      payload: Buffer.from(
        JSON.stringify({
          _type: 'https://in-toto.io/Statement/v1',
          subject: [],
          predicateType,
          predicate: { x: payloadExtra },
        }),
      ).toString('base64'),
      signatures: [{ sig: 'AAAA', keyid: '' }],
    },
  });

describe.skipIf(!registryAvailable())('against docker-registry (distribution 2.8)', () => {
  let registry: Registry;
  let dir: string;
  beforeAll(async () => {
    registry = await startRegistry({ referrersTagFallback: true });
    dir = await mkdtemp(join(tmpdir(), 'oci-test-'));
  });
  afterAll(async () => {
    await registry?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const client = (repository: string) =>
    new OciClient({ registry: registry.host, repository }, { retry: { baseDelayMs: 10 } });

  it('pushes a wasm module as a CNCF wasm artifact and pulls it back byte for byte', async () => {
    const wasm = wasmModule({ customBytes: 200_000 });
    const file = join(dir, 'nats.wasm');
    await writeFile(file, wasm);
    const target = client('wasm/nats');
    const pushed = await pushWasm(target, file, { tag: 'v1', created: '2026-01-01T00:00:00Z' });
    const { manifest } = await readManifest(target, 'v1');
    expect(manifest).toMatchObject({
      mediaType: MediaType.OCI_MANIFEST,
      config: { mediaType: 'application/vnd.wasm.config.v0+json' },
      layers: [{ mediaType: 'application/wasm', digest: sha256(wasm), size: wasm.length }],
    });
    expect('artifactType' in manifest).toBe(false);
    const config = JSON.parse(
      Buffer.from(
        await target.fetchBlobBytes((manifest as unknown as { config: Descriptor }).config),
      ).toString(),
    );
    expect(config).toEqual({
      created: '2026-01-01T00:00:00Z',
      architecture: 'wasm',
      os: 'wasip1',
      layerDigests: [sha256(wasm)],
    });
    const out = join(dir, 'pulled-wasm');
    const result = await pull(target, 'v1', out);
    expect(result.descriptor.digest).toBe(pushed.descriptor.digest);
    expect(sha256(await readFile(join(out, 'nats.wasm')))).toBe(sha256(wasm));
  });

  it('marks a component as wasip2', async () => {
    const file = join(dir, 'comp.wasm');
    await writeFile(file, wasmComponent());
    const target = client('wasm/comp');
    await pushWasm(target, file, { tag: 'latest' });
    const { manifest } = await readManifest(target, 'latest');
    const config = JSON.parse(
      Buffer.from(
        await target.fetchBlobBytes((manifest as unknown as { config: Descriptor }).config),
      ).toString(),
    );
    expect(config.os).toBe('wasip2');
  });

  it('attaches bundles and an SBOM through the referrers tag schema and lists them', async () => {
    const file = join(dir, 'cli');
    await writeFile(file, 'a CLI binary');
    const target = client('tools/cli');
    const pushed = await pushFile(target, file, { tag: 'v2' });
    const provenance = bundleFixture('https://slsa.dev/provenance/v1');
    const sbomBundle = bundleFixture('https://cyclonedx.org/bom');
    const sbom = JSON.stringify({
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      metadata: { timestamp: '2026-01-02T00:00:00Z' },
    });
    await attachBundle(pushed, provenance);
    await attachBundle(pushed, sbomBundle);
    await attachSbom(pushed, sbom);
    // Attaching the same bundle again adds nothing.
    await attachBundle(pushed, provenance);
    const referrers = await listReferrers(target, pushed.descriptor.digest);
    expect(referrers).toHaveLength(3);
    expect(referrers[0]).toMatchObject({
      artifactType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      annotations: {
        'dev.sigstore.bundle.content': 'dsse-envelope',
        'dev.sigstore.bundle.predicateType': 'https://slsa.dev/provenance/v1',
        'org.opencontainers.image.created': '2023-11-14T22:13:20.000Z',
      },
    });
    expect(referrers[2]?.artifactType).toBe('application/vnd.cyclonedx+json');
    const index = await target.fetchManifest(referrersTag(pushed.descriptor.digest));
    expect(JSON.parse(Buffer.from(index.bytes).toString()).manifests).toHaveLength(3);

    const out = join(dir, 'pulled-cli');
    await pull(target, 'v2', out);
    expect(await readFile(join(out, 'cli.sigstore.json'), 'utf8')).toBe(provenance);
    expect(await readFile(join(out, 'cli.sbom.sigstore.json'), 'utf8')).toBe(sbomBundle);
    expect(await readFile(join(out, 'cli.cdx.json'), 'utf8')).toBe(sbom);
  });

  it('keeps the entries of concurrent writers in the referrers index', async () => {
    const file = join(dir, 'busy');
    await writeFile(file, 'busy artifact');
    const target = client('tools/busy');
    const pushed = await pushFile(target, file, { tag: 'x' });
    // Separate clients, as separate processes would be.
    const writers = Array.from({ length: 6 }, (_, i) =>
      attachBundle(
        { target: client('tools/busy'), descriptor: pushed.descriptor },
        bundleFixture(`https://example.com/p${i}`),
      ),
    );
    const entries = await Promise.all(writers);
    const listed = await listReferrers(target, pushed.descriptor.digest);
    expect(listed.map((d) => d.digest).sort()).toEqual(entries.map((d) => d.digest).sort());
  });

  it('groups platform builds in an index with platform fields', async () => {
    const a = join(dir, 'app-linux-amd64');
    const b = join(dir, 'app-darwin-arm64');
    await writeFile(a, 'linux build');
    await writeFile(b, 'darwin build');
    const target = client('tools/app');
    const pushed = await pushIndex(
      target,
      [
        { path: a, platform: { os: 'linux', architecture: 'amd64' } },
        { path: b, platform: { os: 'darwin', architecture: 'arm64' } },
      ],
      { tag: 'v3' },
    );
    const { manifest } = await readManifest(target, 'v3');
    expect(manifest).toMatchObject({
      mediaType: MediaType.OCI_INDEX,
      artifactType: 'application/vnd.build-artifact.file.v1',
      manifests: [
        { platform: { os: 'linux', architecture: 'amd64' } },
        { platform: { os: 'darwin', architecture: 'arm64' } },
      ],
    });
    const out = join(dir, 'pulled-app');
    const result = await pull(target, pushed.descriptor.digest, out);
    expect(result.files.map((f) => f.path).sort()).toEqual([
      join(out, 'app-darwin-arm64'),
      join(out, 'app-linux-amd64'),
    ]);
  });

  it('sends a blob that builds pushed side by side share only once', async () => {
    // Four platform builds with the same bytes, and a layer equal to the empty config: every
    // blob is named by several uploads at once.
    const files = ['linux', 'darwin', 'windows', 'freebsd'].map((os) => ({
      path: join(dir, `same-${os}`),
      platform: { os, architecture: 'amd64' },
    }));
    for (const f of files) await writeFile(f.path, 'the same build');
    await writeFile(join(dir, 'braces.json'), '{}');
    const target = client('tools/same');
    const pushed = await pushIndex(target, files, { tag: 'v1' });
    // The layer (14 bytes) and the empty config (2 bytes), once each.
    expect(pushed.uploadedBytes).toBe(16);
    const braces = await pushFile(client('tools/braces'), join(dir, 'braces.json'), { tag: 'v1' });
    expect(braces.uploadedBytes).toBe(2);
    // Both manifests are in the registry, their blobs with them.
    const out = join(dir, 'pulled-same');
    const result = await pull(target, pushed.descriptor.digest, out);
    expect(result.files).toHaveLength(4);
    expect((await readManifest(client('tools/braces'), 'v1')).descriptor.digest).toBe(
      braces.descriptor.digest,
    );
  });

  it('uploads no blob bytes when the same artifact is pushed again', async () => {
    const file = join(dir, 'big.wasm');
    await writeFile(file, wasmModule({ customBytes: 3_000_000 }));
    const target = new OciClient(
      { registry: registry.host, repository: 'wasm/again' },
      { monolithicMaxBytes: 1_000_000, chunkBytes: 1_000_000 },
    );
    const events: ProgressEventLike[] = [];
    const first = await pushWasm(target, file, { tag: 'one', onProgress: (e) => events.push(e) });
    expect(first.uploadedBytes).toBeGreaterThan(3_000_000);
    expect(events.some((e) => e.step === 'oci.upload' && e.done === e.total)).toBe(true);
    const second = await pushWasm(target, file, { tag: 'one' });
    expect(second.uploadedBytes).toBe(0);
    expect(second.descriptor.digest).toBe(first.descriptor.digest);
    // A cross-repository mount sends nothing either.
    const other = target.withRepository('wasm/mounted');
    const mounted = await pushWasm(other, file, { tag: 'one', mountFrom: ['wasm/again'] });
    expect(mounted.uploadedBytes).toBe(0);
    expect(await other.hasBlob(first.layer!.digest)).toBe(true);
  });

  it('says which registry said what', async () => {
    const err = await client('nothing/here')
      .fetchManifest('nope')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(err).toBeInstanceOf(OciError);
    expect((err as OciError).code).toBe('NOT_FOUND');
    const bad = await client('nothing/here')
      .pushManifest(
        new TextEncoder().encode(
          '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","config":{"mediaType":"application/vnd.oci.empty.v1+json","digest":"sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a","size":2},"layers":[]}',
        ),
        MediaType.OCI_MANIFEST,
        't',
      )
      .then(
        () => undefined,
        (e: unknown) => e as OciError,
      );
    expect(bad?.code).toBe('REGISTRY_ERROR');
    expect(bad?.message).toContain(registry.host);
    expect(bad?.errors[0]?.code).toBe('MANIFEST_BLOB_UNKNOWN');
  });

  it.skipIf(!skopeoAvailable())('is readable by skopeo', async () => {
    const file = join(dir, 'sk.wasm');
    const wasm = wasmModule({ customBytes: 1000 });
    await writeFile(file, wasm);
    const pushed = await pushWasm(client('wasm/skopeo'), file, { tag: 'v1' });
    const { stdout } = await run('skopeo', [
      'inspect',
      '--raw',
      '--tls-verify=false',
      `docker://${registry.host}/wasm/skopeo:v1`,
    ]);
    expect(sha256(stdout)).toBe(pushed.descriptor.digest);
    expect(JSON.parse(stdout).layers[0].digest).toBe(sha256(wasm));
  });
});
