import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MediaType } from '@build-artifact/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Registry,
  registryAvailable,
  startRegistry,
} from '../../../../test/helpers/registry.js';
import {
  attachBundle,
  blobFromBytes,
  EMPTY_CONFIG,
  fetchEvidence,
  OciClient,
  OciLayout,
  pull,
  pushFile,
  readManifest,
} from './exports.js';
import { failure } from './failure.js';

const servers: Server[] = [];
async function serve(
  host: string,
  handler: (req: IncomingMessage, res: ServerResponse) => void,
): Promise<string> {
  const server = createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve, reject) =>
    server.once('error', reject).listen(0, host, resolve),
  );
  return `${host}:${(server.address() as AddressInfo).port}`;
}
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oci-hardening-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const anonymous = { credentials: null } as const;

describe('answers resolved against the URL that gave them', () => {
  it('takes a relative upload Location relative to the upload URL, not to the host', async () => {
    const seen: string[] = [];
    const host = await serve('127.0.0.1', (req, res) => {
      seen.push(`${req.method} ${req.url}`);
      if (req.method === 'HEAD') return void res.writeHead(404).end();
      if (req.method === 'POST')
        return void res.writeHead(202, { location: 'session-1?s=a' }).end();
      if (
        req.method === 'PUT' &&
        req.url?.startsWith('/v2/r/x/blobs/uploads/session-1?s=a&digest=')
      )
        return void res.writeHead(201).end();
      res.writeHead(400).end();
    });
    const client = new OciClient({ registry: host, repository: 'r/x' }, anonymous);
    const result = await client.pushBlob(blobFromBytes('relative'));
    expect(result.uploadedBytes).toBe(8);
    expect(seen.at(-1)).toMatch(/^PUT \/v2\/r\/x\/blobs\/uploads\/session-1\?s=a&digest=sha256%3A/);
  });

  it('follows relative Link pages, and refuses pages that loop', async () => {
    const host = await serve('127.0.0.1', (req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/v2/r/paged/tags/list') {
        const last = url.searchParams.get('last');
        res.writeHead(200, {
          'content-type': 'application/json',
          ...(last ? {} : { link: '<?last=a&n=1>; rel="next"' }),
        });
        return void res.end(JSON.stringify({ name: 'r/paged', tags: [last ? 'b' : 'a'] }));
      }
      if (url.pathname === '/v2/r/loop/tags/list') {
        res.writeHead(200, {
          'content-type': 'application/json',
          link: `<${url.pathname}>; rel="next"`,
        });
        return void res.end(JSON.stringify({ name: 'r/loop', tags: ['a'] }));
      }
      res.writeHead(404).end();
    });
    const paged = new OciClient({ registry: host, repository: 'r/paged' }, anonymous);
    expect(await paged.listTags()).toEqual(['a', 'b']);
    const loop = new OciClient({ registry: host, repository: 'r/loop' }, anonymous);
    const err = await failure(loop.listTags());
    expect(err.code).toBe('REGISTRY_ERROR');
    expect(err.message).toContain('loop back');
  });
});

describe('what a registry sends is bounded by what was asked for', () => {
  it('cuts a blob download off once it passes the descriptor size', async () => {
    let sent = 0;
    const host = await serve('127.0.0.1', (_req, res) => {
      // No Content-Length: a body that never ends.
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      const chunk = Buffer.alloc(64 * 1024, 'x');
      const more = (): void => {
        while (sent < 256 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
        if (sent >= 256 * 1024 * 1024) return void res.end();
        res.once('drain', more);
      };
      more();
    });
    const client = new OciClient({ registry: host, repository: 'r/big' }, anonymous);
    const path = join(dir, 'small.bin');
    const descriptor = {
      mediaType: 'application/octet-stream',
      digest: `sha256:${'a'.repeat(64)}`,
      size: 10,
    };
    const err = await failure(client.fetchBlobToFile(descriptor, path));
    expect(err.code).toBe('DIGEST_MISMATCH');
    expect(err.message).toContain('the descriptor says 10');
    expect(sent).toBeLessThan(64 * 1024 * 1024);
    // Neither the file nor a temporary one is left behind.
    expect(await readdir(dir)).not.toContain('small.bin');
    expect((await readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses a blob whose Content-Length is larger than its descriptor says', async () => {
    const host = await serve('127.0.0.1', (_req, res) => {
      res.writeHead(200, { 'content-length': String(1024 * 1024) }).end(Buffer.alloc(1024 * 1024));
    });
    const client = new OciClient({ registry: host, repository: 'r/big' }, anonymous);
    const descriptor = {
      mediaType: 'application/octet-stream',
      digest: `sha256:${'b'.repeat(64)}`,
      size: 10,
    };
    const err = await failure(client.fetchBlobToFile(descriptor, join(dir, 'other.bin')));
    expect(err.code).toBe('DIGEST_MISMATCH');
    expect(err.message).toContain(`sends ${1024 * 1024} bytes`);
  });
});

describe('digests and tags from manifests are checked before they become URLs', () => {
  it('refuses a path where a tag or digest should be', async () => {
    let requests = 0;
    const host = await serve('127.0.0.1', (_req, res) => {
      requests++;
      res.writeHead(404).end();
    });
    const client = new OciClient({ registry: host, repository: 'r/x' }, anonymous);
    for (const p of [
      readManifest(client, '../../other/manifests/v1'),
      client.fetchBlobBytes({
        mediaType: 'application/octet-stream',
        digest: 'sha256:../../../other/blobs/x',
        size: 1,
      }),
      client.hasBlob('sha256:ABC'),
    ]) {
      const err = await failure(p);
      expect(err.code).toBe('INVALID_REFERENCE');
    }
    expect(requests).toBe(0);
  });
});

describe.skipIf(!registryAvailable())('a redirect target that asks for credentials', () => {
  let registry: Registry;
  let tokenRequests = 0;
  const alice = { username: 'alice', password: 's3cret' };
  beforeAll(async () => {
    // Blob storage behind the registry's redirect answers with a challenge naming its own
    // token service: neither is the registry, and neither may see the registry's password.
    // Other ports, other origins.
    const token = await serve('127.0.0.1', (_req, res) => {
      tokenRequests++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"t"}');
    });
    const storage = await serve('127.0.0.1', (_req, res) => {
      res
        .writeHead(401, { 'www-authenticate': `Bearer realm="http://${token}/token",service="s"` })
        .end();
    });
    registry = await startRegistry({
      auth: 'htpasswd',
      users: [alice],
      redirectBlobsTo: `http://${storage}/`,
    });
  });
  afterAll(async () => registry?.close());

  it('is refused: no token service of its choosing gets the registry credentials', async () => {
    const client = new OciClient(
      { registry: registry.host, repository: 'r/one' },
      { credentials: alice },
    );
    const blob = blobFromBytes('stored behind a redirect');
    await client.pushBlob(blob);
    const err = await failure(
      client.fetchBlobBytes({
        mediaType: 'application/octet-stream',
        digest: blob.digest,
        size: blob.size,
      }),
    );
    expect(err.code).toBe('UNAUTHORIZED');
    expect(err.message).toContain('which asked for credentials');
    expect(tokenRequests).toBe(0);
    // The registry's own challenge still stands: a push goes on working.
    expect((await client.pushBlob(blobFromBytes('after the refusal'))).uploadedBytes).toBe(17);
  });
});

describe('descriptors that do not name a digest, and referrers that are not bundles', () => {
  const SIGSTORE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
  const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));

  it('refuses an index whose child is named by a tag', async () => {
    const layout = new OciLayout(join(dir, 'tag-child'));
    await layout.pushManifest(
      json({
        schemaVersion: 2,
        mediaType: MediaType.OCI_INDEX,
        manifests: [{ mediaType: MediaType.OCI_MANIFEST, digest: 'v1', size: 2 }],
      }),
      MediaType.OCI_INDEX,
      'top',
    );
    for (const run of [
      () => pull(layout, 'top', join(dir, 'tag-child-out'), { referrers: false }),
      () =>
        fetchEvidence(`oci-layout:${join(dir, 'tag-child')}:top`, {
          directory: join(dir, 'tag-child-evidence'),
        }),
    ]) {
      const err = await failure(run());
      expect(err.code).toBe('INVALID_MANIFEST');
      expect(err.message).toContain('"v1", not a sha256 or sha512 digest');
    }
  });

  it('reads the bundles of an artifact past Sigstore-typed referrers that hold none', async () => {
    const layoutDir = join(dir, 'evidence-skip');
    const layout = new OciLayout(layoutDir);
    const file = join(dir, 'evidence-tool');
    await writeFile(file, 'a tool');
    const pushed = await pushFile(layout, file, { tag: 'v1' });
    const bundle = JSON.stringify({ mediaType: SIGSTORE, messageSignature: {} });
    await attachBundle(pushed, bundle);
    const subject = {
      mediaType: pushed.descriptor.mediaType,
      digest: pushed.descriptor.digest,
      size: pushed.descriptor.size,
    };
    // Another tool's manifest without a layer, and an index, both typed as bundles.
    await layout.pushBlob(blobFromBytes('{}'));
    await layout.pushManifest(
      json({
        schemaVersion: 2,
        mediaType: MediaType.OCI_MANIFEST,
        artifactType: SIGSTORE,
        config: EMPTY_CONFIG,
        layers: [],
        subject,
      }),
      MediaType.OCI_MANIFEST,
    );
    await layout.pushManifest(
      json({
        schemaVersion: 2,
        mediaType: MediaType.OCI_INDEX,
        artifactType: SIGSTORE,
        manifests: [],
        subject,
      }),
      MediaType.OCI_INDEX,
    );
    const evidence = await fetchEvidence(`oci-layout:${layoutDir}@${pushed.descriptor.digest}`, {
      directory: join(dir, 'evidence-skip-out'),
    });
    expect(evidence.bundles.map((b) => JSON.stringify(b.json))).toEqual([bundle]);
  });
});

describe.skipIf(!registryAvailable())('a mount from a repository the token does not reach', () => {
  let registry: Registry;
  const alice = { username: 'alice', password: 's3cret' };
  beforeAll(async () => {
    registry = await startRegistry({
      auth: 'token',
      users: [alice],
      deniedRepositories: ['secret/src'],
    });
  });
  afterAll(async () => registry?.close());

  it('falls back to an upload, with a warning, as docker does', async () => {
    const warnings: string[] = [];
    const client = new OciClient(
      { registry: registry.host, repository: 'open/dst' },
      { credentials: alice },
    );
    const blob = blobFromBytes('mounted or uploaded');
    const result = await client.pushBlob(blob, {
      mountFrom: ['secret/src'],
      onProgress: (e) => {
        if (e.level === 'warning') warnings.push(e.message ?? '');
      },
    });
    expect(result).toMatchObject({ mounted: false, uploadedBytes: blob.size });
    expect(await client.hasBlob(blob.digest)).toBe(true);
    expect(warnings).toEqual([
      expect.stringContaining(`could not mount ${blob.digest} from secret/src`),
    ]);
  });
});
