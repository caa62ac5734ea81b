import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from '../../../../test/helpers/fault-proxy.js';
import {
  type Registry,
  registryAvailable,
  sha256,
  startRegistry,
} from '../../../../test/helpers/registry.js';
import {
  attachBundle,
  listReferrers,
  OciClient,
  OciError,
  type ProgressEventLike,
  pull,
  pushWasm,
  readManifest,
} from './exports.js';
import { wasmModule } from './wasm-fixture.js';

const UPLOAD = /\/blobs\/uploads\//;

describe.skipIf(!registryAvailable())('pushes through a fault-injecting proxy', () => {
  let registry: Registry;
  let proxy: FaultProxy;
  let dir: string;
  let file: string;
  let wasm: Buffer;
  let n = 0;
  beforeAll(async () => {
    registry = await startRegistry();
    proxy = await startFaultProxy(registry.host);
    dir = await mkdtemp(join(tmpdir(), 'oci-faults-'));
    wasm = wasmModule({ customBytes: 2_500_000 });
    file = join(dir, 'module.wasm');
    await writeFile(file, wasm);
  });
  afterEach(() => {
    proxy.clearFaults();
    proxy.log.length = 0;
  });
  afterAll(async () => {
    await proxy?.close();
    await registry?.close();
    await rm(dir, { recursive: true, force: true });
  });

  // Each test pushes to a fresh repository, so nothing is there already.
  const viaProxy = (options: { chunked?: boolean; attempts?: number } = {}) =>
    new OciClient(
      { registry: proxy.host, repository: `faults/r${++n}` },
      {
        retry: { baseDelayMs: 20, attempts: options.attempts ?? 5 },
        ...(options.chunked ? { monolithicMaxBytes: 500_000, chunkBytes: 1_000_000 } : {}),
      },
    );
  const direct = (client: OciClient) =>
    new OciClient({ registry: registry.host, repository: client.repository });

  /** What a registry holds is what we pushed: read straight from it, not through the proxy. */
  async function expectIntact(client: OciClient, tag: string) {
    const out = join(dir, `out-${client.repository.replace('/', '-')}`);
    await pull(direct(client), tag, out);
    expect(sha256(await readFile(join(out, 'module.wasm')))).toBe(sha256(wasm));
  }

  it('readies the connection while it hashes, and pushes even when that fails', async () => {
    const client = viaProxy();
    await pushWasm(client, file, { tag: 'v1' });
    // GET /v2/ first, as docker and skopeo begin, sent before the module's digest is known.
    expect(proxy.log[0]).toEqual({ method: 'GET', path: '/v2/', outcome: 200 });
    expect(proxy.log.filter((e) => e.path === '/v2/')).toHaveLength(1);

    proxy.log.length = 0;
    proxy.addFault({
      method: 'GET',
      path: /^\/v2\/$/,
      action: { kind: 'status', status: 503 },
      times: Number.POSITIVE_INFINITY,
    });
    const second = viaProxy();
    await pushWasm(second, file, { tag: 'v1' });
    // Tried once, not retried: only a head start, and the push's own requests went through.
    expect(proxy.log.filter((e) => e.path === '/v2/')).toEqual([
      { method: 'GET', path: '/v2/', outcome: 503 },
    ]);
    await expectIntact(second, 'v1');
  });

  it('finishes a chunked upload when the connection resets mid-PATCH', async () => {
    const client = viaProxy({ chunked: true });
    proxy.addFault({
      method: 'PATCH',
      path: UPLOAD,
      action: { kind: 'reset-after-bytes', bytes: 700_000 },
    });
    proxy.addFault({
      method: 'PATCH',
      path: UPLOAD,
      action: { kind: 'reset-after-bytes', bytes: 200_000 },
    });
    await pushWasm(client, file, { tag: 'v1' });
    expect(proxy.log.filter((e) => e.outcome === 'reset')).toHaveLength(2);
    await expectIntact(client, 'v1');
  });

  it('finishes a monolithic upload when the connection resets mid-PUT', async () => {
    const client = viaProxy();
    proxy.addFault({
      method: 'PUT',
      path: UPLOAD,
      minContentLength: 1_000_000,
      action: { kind: 'reset-after-bytes', bytes: 1_000_000 },
    });
    await pushWasm(client, file, { tag: 'v1' });
    expect(proxy.log.filter((e) => e.outcome === 'reset')).toHaveLength(1);
    await expectIntact(client, 'v1');
  });

  it('recognises an upload whose answer was lost instead of sending it again', async () => {
    const client = viaProxy();
    proxy.addFault({ method: 'PUT', path: UPLOAD, action: { kind: 'lose-response' }, times: 2 });
    const before = proxy.uploadBytes();
    await pushWasm(client, file, { tag: 'v1' });
    // Both blobs went up once: the retry's HEAD found them.
    expect(proxy.uploadBytes() - before).toBe(wasm.length + (await configSize(client)));
    await expectIntact(client, 'v1');
  });

  it('retries 500s and a 429 with Retry-After, and waits through slow answers', async () => {
    const client = viaProxy();
    const events: ProgressEventLike[] = [];
    proxy.addFault({
      method: 'POST',
      path: UPLOAD,
      action: { kind: 'status', status: 429, retryAfter: '1' },
    });
    proxy.addFault({
      method: 'PUT',
      path: /\/manifests\//,
      action: { kind: 'status', status: 500 },
      times: 2,
    });
    proxy.addFault({ method: 'HEAD', action: { kind: 'delay', ms: 1500 } });
    const c2 = new OciClient(
      { registry: proxy.host, repository: client.repository },
      { retry: { baseDelayMs: 20 }, onProgress: (e) => events.push(e) },
    );
    await pushWasm(c2, file, { tag: 'v1' });
    expect(events.some((e) => /answered 429 .*retrying in 1000 ms/.test(e.message))).toBe(true);
    expect(events.filter((e) => /answered 500/.test(e.message))).toHaveLength(2);
    await expectIntact(client, 'v1');
  });

  it('fails cleanly when the registry keeps failing, leaves no manifest, and a re-run finishes', async () => {
    const client = viaProxy({ chunked: true, attempts: 2 });
    proxy.addFault({
      method: 'PATCH',
      path: UPLOAD,
      action: { kind: 'status', status: 503 },
      times: Number.POSITIVE_INFINITY,
    });
    const err = await pushWasm(client, file, { tag: 'v1' }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(OciError);
    expect((err as OciError).code).toBe('REGISTRY_ERROR');
    expect((err as OciError).message).toContain(proxy.host);
    expect((err as OciError).message).toContain('503');
    // No manifest points at the missing layer: the tag does not exist at all.
    expect(await direct(client).tryFetchManifest('v1')).toBeUndefined();
    expect(await direct(client).hasBlob(sha256(wasm))).toBe(false);
    proxy.clearFaults();
    const before = proxy.uploadBytes();
    const pushed = await pushWasm(client, file, { tag: 'v1' });
    // The config blob went up in the failed run and is not sent again.
    expect(proxy.uploadBytes() - before).toBe(wasm.length);
    expect(pushed.uploadedBytes).toBe(wasm.length);
    await expectIntact(client, 'v1');
  });

  it('sends no blob bytes for an artifact pushed a second time', async () => {
    const client = viaProxy();
    await pushWasm(client, file, { tag: 'v1' });
    const before = proxy.uploadBytes();
    const again = await pushWasm(client, file, { tag: 'v1' });
    expect(again.uploadedBytes).toBe(0);
    expect(proxy.uploadBytes()).toBe(before);
  });

  it('keeps the referrers index whole when its write answers are lost', async () => {
    const client = viaProxy();
    const pushed = await pushWasm(client, file, { tag: 'v1' });
    proxy.addFault({
      method: 'PUT',
      path: /\/manifests\/sha256-/,
      action: { kind: 'lose-response' },
    });
    proxy.addFault({
      method: 'PUT',
      path: /\/manifests\/sha256:/,
      action: { kind: 'status', status: 502 },
    });
    const bundle = JSON.stringify({
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      verificationMaterial: {},
      messageSignature: {},
    });
    const entry = await attachBundle(pushed, bundle);
    const listed = await listReferrers(direct(client), pushed.descriptor.digest);
    expect(listed.map((d) => d.digest)).toEqual([entry.digest]);
    const { manifest } = await readManifest(direct(client), entry.digest);
    expect(manifest).toMatchObject({ subject: { digest: pushed.descriptor.digest } });
  });
});

async function configSize(client: OciClient): Promise<number> {
  const { manifest } = await readManifest(client, 'v1');
  return (manifest as { config: { size: number } }).config.size;
}
