import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Registry,
  registryAvailable,
  sha256,
  startRegistry,
} from '../../../../test/helpers/registry.js';
import {
  attachReferrer,
  blobFromBytes,
  OciClient,
  pushFile,
  readManifest,
  resolveCredentials,
} from './exports.js';
import { failure } from './failure.js';

const alice = { username: 'alice', password: 's3cret' };

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oci-auth-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('credentials', () => {
  it('reads auths, credential helpers and GITHUB_TOKEN', async () => {
    const config = join(dir, 'docker');
    await mkdir(config, { recursive: true });
    const bin = join(dir, 'bin');
    await mkdir(bin, { recursive: true });
    const helper = join(bin, 'docker-credential-fake');
    await writeFile(
      helper,
      '#!/bin/sh\nread server\nif [ "$1" = get ] && [ "$server" = "helped.example:5000" ]; then\n  echo "{\\"ServerURL\\":\\"$server\\",\\"Username\\":\\"bob\\",\\"Secret\\":\\"pw-from-helper\\"}"\nelse\n  echo "credentials not found in native keychain"; exit 1\nfi\n',
    );
    await chmod(helper, 0o755);
    await writeFile(
      join(config, 'config.json'),
      JSON.stringify({
        auths: {
          'https://auths.example': { auth: Buffer.from('carol:pa:ss').toString('base64') },
          'https://index.docker.io/v1/': { auth: Buffer.from('dan:hub').toString('base64') },
          'token.example': { identitytoken: 'refresh-me' },
        },
        credHelpers: { 'helped.example:5000': 'fake' },
        credsStore: 'fake',
      }),
    );
    const env = { DOCKER_CONFIG: config, PATH: `${bin}:${process.env.PATH}` };
    expect(await resolveCredentials('auths.example', env)).toEqual({
      username: 'carol',
      password: 'pa:ss',
    });
    expect(await resolveCredentials('docker.io', env)).toEqual({
      username: 'dan',
      password: 'hub',
    });
    expect(await resolveCredentials('token.example', env)).toMatchObject({
      identityToken: 'refresh-me',
    });
    expect(await resolveCredentials('helped.example:5000', env)).toEqual({
      username: 'bob',
      password: 'pw-from-helper',
    });
    // The store helper has nothing for this one, and that is not an error.
    expect(await resolveCredentials('other.example', env)).toBeUndefined();
    expect(
      await resolveCredentials('ghcr.io', {
        DOCKER_CONFIG: join(dir, 'none'),
        GITHUB_TOKEN: 'ghs_x',
        GITHUB_ACTOR: 'octo',
      }),
    ).toEqual({
      username: 'octo',
      password: 'ghs_x',
    });
    await writeFile(join(config, 'config.json'), '{ not json');
    expect((await failure(resolveCredentials('x.example', env))).code).toBe(
      'INVALID_DOCKER_CONFIG',
    );
  });
});

describe.skipIf(!registryAvailable())('basic auth (htpasswd)', () => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await startRegistry({ auth: 'htpasswd', users: [alice] });
  });
  afterAll(async () => registry?.close());

  it('pushes with credentials from the options or from DOCKER_CONFIG, and refuses without', async () => {
    const file = join(dir, 'basic.txt');
    await writeFile(file, 'behind basic auth');
    const anonymous = new OciClient(
      { registry: registry.host, repository: 'b/one' },
      { credentials: null },
    );
    const err = await failure(pushFile(anonymous, file, { tag: 'v1' }));
    expect(err.code).toBe('UNAUTHORIZED');
    expect(err.message).toContain(registry.host);

    const wrong = new OciClient(
      { registry: registry.host, repository: 'b/one' },
      { credentials: { ...alice, password: 'nope' } },
    );
    expect((await failure(pushFile(wrong, file, { tag: 'v1' }))).code).toBe('UNAUTHORIZED');

    const withOptions = new OciClient(
      { registry: registry.host, repository: 'b/one' },
      { credentials: alice },
    );
    await pushFile(withOptions, file, { tag: 'v1' });

    const config = join(dir, 'basic-docker');
    await mkdir(config, { recursive: true });
    await writeFile(
      join(config, 'config.json'),
      JSON.stringify({
        auths: { [registry.host]: { auth: Buffer.from('alice:s3cret').toString('base64') } },
      }),
    );
    const fromConfig = new OciClient(
      { registry: registry.host, repository: 'b/one' },
      { env: { DOCKER_CONFIG: config } },
    );
    const { descriptor } = await readManifest(fromConfig, 'v1');
    expect(descriptor.digest).toMatch(/^sha256:/);
  });
});

describe.skipIf(!registryAvailable())('bearer tokens (token server)', () => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await startRegistry({ auth: 'token', users: [alice], anonymousPull: true });
  });
  afterAll(async () => registry?.close());

  it('gets scoped tokens: push with credentials, pull anonymously, no anonymous push', async () => {
    const file = join(dir, 'bearer.txt');
    await writeFile(file, 'behind bearer auth');
    const pusher = new OciClient(
      { registry: registry.host, repository: 't/one' },
      { credentials: alice },
    );
    const pushed = await pushFile(pusher, file, { tag: 'v1' });
    // Mounting asks for a token with two repository scopes.
    const other = pusher.withRepository('t/two');
    const result = await other.pushBlob(blobFromBytes(await readFile(file)), {
      mountFrom: ['t/one'],
    });
    expect(result).toMatchObject({ mounted: true, uploadedBytes: 0 });

    const reader = new OciClient(
      { registry: registry.host, repository: 't/one' },
      { credentials: null },
    );
    const { descriptor } = await readManifest(reader, 'v1');
    expect(descriptor.digest).toBe(pushed.descriptor.digest);
    const err = await failure(pushFile(reader, file, { tag: 'v2' }));
    expect(['UNAUTHORIZED', 'DENIED']).toContain(err.code);
    expect(err.message).toContain(registry.host);

    // A fresh client pushing side by side (config and layer) asks for one token, for the
    // push scope, and uses it for the HEADs, the uploads and the manifest.
    const asked = registry.tokenRequests!.length;
    const third = new OciClient(
      { registry: registry.host, repository: 't/three' },
      { credentials: alice },
    );
    const pushedThird = await pushFile(third, file, { tag: 'v1' });
    expect(registry.tokenRequests!.slice(asked)).toEqual([['repository:t/three:pull,push']]);
    // Attaching a referrer reads the referrers index (pull) and writes it: the push's token
    // covers both, so the token service is not asked again.
    await attachReferrer(
      { target: third, descriptor: pushedThird.descriptor },
      new TextEncoder().encode('{"note":"x"}'),
      'application/vnd.example.note+json',
      {},
    );
    expect(registry.tokenRequests!.slice(asked)).toEqual([['repository:t/three:pull,push']]);

    const wrong = new OciClient(
      { registry: registry.host, repository: 't/one' },
      { credentials: { ...alice, password: 'bad' } },
    );
    const refused = await failure(readManifest(wrong, 'v1'));
    expect(refused.code).toBe('UNAUTHORIZED');
    expect(refused.message).toContain('token service');
  });
});

describe.skipIf(!registryAvailable())('a token realm that redirects', () => {
  let sameOrigin: Registry;
  let otherOrigin: Registry;
  beforeAll(async () => {
    [sameOrigin, otherOrigin] = await Promise.all([
      startRegistry({ auth: 'token', users: [alice], tokenRealmRedirect: 'same-origin' }),
      startRegistry({
        auth: 'token',
        users: [alice],
        anonymousPull: true,
        tokenRealmRedirect: 'other-origin',
      }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([sameOrigin?.close(), otherOrigin?.close()]);
  });

  it('is followed with the credentials when it stays on the realm origin', async () => {
    const file = join(dir, 'moved-realm.txt');
    await writeFile(file, 'token service moved');
    const client = new OciClient(
      { registry: sameOrigin.host, repository: 'm/one' },
      { credentials: alice },
    );
    const pushed = await pushFile(client, file, { tag: 'v1' });
    expect((await readManifest(client, 'v1')).descriptor.digest).toBe(pushed.descriptor.digest);
    const hops = sameOrigin.tokenHops!;
    expect(hops.map((h) => h.path)).toEqual(['/moved-token', '/token']);
    expect(hops.every((h) => h.authorization)).toBe(true);
  });

  it('is followed to another origin without the password', async () => {
    const client = new OciClient(
      { registry: otherOrigin.host, repository: 'm/two' },
      { credentials: alice },
    );
    // The token service, reached without credentials, grants an anonymous pull only.
    const err = await failure(readManifest(client, 'v1'));
    expect(err.code).toBe('NOT_FOUND');
    const realm = new URL(otherOrigin.tokenRealm!).origin;
    const hops = otherOrigin.tokenHops!;
    expect(hops.filter((h) => h.origin === realm).every((h) => h.authorization)).toBe(true);
    const tokenService = hops.filter((h) => h.origin !== realm);
    expect(tokenService.length).toBeGreaterThan(0);
    expect(tokenService.some((h) => h.authorization)).toBe(false);
  });
});

describe.skipIf(!registryAvailable())('redirects to blob storage', () => {
  let registry: Registry;
  let storage: Server;
  const seen: IncomingHttpHeaders[] = [];
  beforeAll(async () => {
    // Serves the registry's storage files, as S3 would behind the redirect middleware.
    let root = '';
    storage = createServer((req, res) => {
      seen.push(req.headers);
      readFile(join(root, decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname))).then(
        (data) => res.end(data),
        () => {
          res.statusCode = 404;
          res.end();
        },
      );
    });
    await new Promise<void>((r) => storage.listen(0, '127.0.0.2', r));
    const { port } = storage.address() as AddressInfo;
    registry = await startRegistry({
      auth: 'htpasswd',
      users: [alice],
      redirectBlobsTo: `http://127.0.0.2:${port}/`,
    });
    root = registry.dataDir;
  });
  afterAll(async () => {
    await registry?.close();
    await new Promise((r) => storage?.close(r));
  });

  it('follows the redirect without sending Authorization to the other host', async () => {
    const client = new OciClient(
      { registry: registry.host, repository: 'r/one' },
      { credentials: alice },
    );
    const data = Buffer.from('content that lives in storage');
    await client.pushBlob(blobFromBytes(data));
    const bytes = await client.fetchBlobBytes({
      mediaType: 'application/octet-stream',
      digest: sha256(data),
      size: data.length,
    });
    expect(Buffer.from(bytes).toString()).toBe(data.toString());
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((h) => h.authorization === undefined)).toBe(true);
  });
});

describe('a token service that misbehaves', () => {
  let server: Server;
  let host: string;
  let sent = 0;
  beforeAll(async () => {
    // A registry that asks for a bearer token, and a token service that never stops answering.
    server = createServer((req, res) => {
      if (req.url?.startsWith('/token')) {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        const more = (): void => {
          while (res.write(chunk)) {
            sent += chunk.length;
            if (sent > 64 * 1024 * 1024) return void res.end();
          }
          res.once('drain', more);
        };
        res.write('{"token":"');
        more();
        return;
      }
      res
        .writeHead(401, {
          'www-authenticate': `Bearer realm="http://${host}/token",service="fake"`,
          'content-type': 'application/json',
        })
        .end('{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('is cut off once its answer is larger than any token', async () => {
    const client = new OciClient({ registry: host, repository: 't/x' }, { credentials: null });
    const err = await failure(readManifest(client, 'v1'));
    expect(err.code).toBe('UNAUTHORIZED');
    expect(err.message).toContain(`token service http://${host}`);
    expect(err.message).toContain('too large to be a token');
    // Read up to the bound, not the 64 MiB on offer.
    expect(sent).toBeLessThan(16 * 1024 * 1024);
  });
});

describe('a refresh token redirected elsewhere', () => {
  let registry: Server;
  let elsewhere: Server;
  let host: string;
  let elsewhereHits = 0;
  let elsewhereUrl = '';
  const forms: string[] = [];
  beforeAll(async () => {
    elsewhere = createServer((_req, res) => {
      elsewhereHits++;
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"stolen"}');
    });
    // Another port is another origin.
    await new Promise<void>((resolve, reject) =>
      elsewhere.once('error', reject).listen(0, '127.0.0.1', resolve),
    );
    elsewhereUrl = `http://127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
    registry = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/token' || url.pathname === '/token2') {
        let body = '';
        req.on('data', (c: Buffer) => {
          body += c.toString();
        });
        req.on('end', () => {
          forms.push(`${req.method} ${url.pathname} ${body}`);
          // The first hop stays on this origin; the second sends the client elsewhere.
          const location = url.pathname === '/token' ? '/token2' : `${elsewhereUrl}/token`;
          res.writeHead(307, { location }).end();
        });
        return;
      }
      res
        .writeHead(401, {
          'www-authenticate': `Bearer realm="http://${host}/token",service="fake"`,
        })
        .end();
    });
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(registry.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const server of [registry, elsewhere]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('is sent again within the realm origin, and never to another', async () => {
    const client = new OciClient(
      { registry: host, repository: 't/x' },
      { credentials: { identityToken: 'refresh-me' } },
    );
    const err = await failure(readManifest(client, 'v1'));
    expect(err.code).toBe('UNAUTHORIZED');
    expect(err.message).toContain(`redirected the refresh token to ${elsewhereUrl}`);
    expect(elsewhereHits).toBe(0);
    expect(forms).toHaveLength(2);
    for (const form of forms) expect(form).toContain('refresh_token=refresh-me');
    expect(forms.map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual([
      'POST /token',
      'POST /token2',
    ]);
  });
});

describe('readying a push against a GHCR-style challenge', () => {
  let server: Server;
  let host: string;
  const tokenScopes: string[][] = [];
  const seen: { method: string; url: string; authorization?: string }[] = [];
  beforeAll(async () => {
    // GHCR answers GET /v2/ with a challenge naming a placeholder repository, `user/image`.
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname === '/token') {
        tokenScopes.push(url.searchParams.getAll('scope'));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"token":"push-token"}');
        return;
      }
      seen.push({
        method: req.method ?? '',
        url: url.pathname,
        ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      });
      if (req.headers.authorization === 'Bearer push-token') {
        res.writeHead(404).end();
        return;
      }
      res
        .writeHead(401, {
          'www-authenticate': `Bearer realm="http://${host}/token",service="fake",scope="repository:user/image:pull"`,
        })
        .end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('fetches the token for the push, not for the placeholder, before any HEAD', async () => {
    const client = new OciClient({ registry: host, repository: 'org/app' }, { credentials: null });
    // Twice side by side, as the builds of an index are pushed: one GET /v2/, one token.
    await Promise.all([client.prepareToPush(), client.prepareToPush()]);
    expect(tokenScopes).toEqual([['repository:org/app:pull,push']]);
    // The push's first HEAD goes out with that token: no 401, no second token request.
    const digest = `sha256:${'0'.repeat(64)}`;
    expect(await client.hasBlob(digest, ['repository:org/app:pull,push'])).toBe(false);
    expect(tokenScopes).toHaveLength(1);
    expect(seen).toEqual([
      { method: 'GET', url: '/v2/' },
      {
        method: 'HEAD',
        url: `/v2/org/app/blobs/${digest}`,
        authorization: 'Bearer push-token',
      },
    ]);
  });
});
