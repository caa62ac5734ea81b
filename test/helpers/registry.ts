// Starts Debian's docker-registry (CNCF distribution 2.8) on 127.0.0.1 with a temporary storage
// folder and a config written here, optionally behind htpasswd (basic) or token (bearer) auth.
// A real registry: tests push to it and read back with our client and with skopeo.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { createHash, createPrivateKey, randomBytes, sign } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server } from 'node:http';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import bcrypt from 'bcryptjs';
import { inCI } from './toolchains.js';

export const REGISTRY_BIN = process.env.DOCKER_REGISTRY_BIN ?? '/usr/bin/docker-registry';

function onPath(cmd: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether registry tests can run. In CI (`CI=true`) a missing tool must fail the test, so this
 * says yes there and `startRegistry` throws; locally the tests are skipped.
 */
export function registryAvailable(): boolean {
  return inCI() || existsSync(REGISTRY_BIN);
}

export function skopeoAvailable(): boolean {
  return inCI() || onPath('skopeo');
}

/** A free TCP port on 127.0.0.1 (bound to port 0 and closed again). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface User {
  username: string;
  password: string;
}

export interface RegistryOptions {
  /**
   * Distribution 2.8 has no referrers API, so clients always fall back to the referrers tag
   * schema against it; kept so a test says which behaviour it relies on (must be true or unset).
   */
  referrersTagFallback?: boolean;
  /** `htpasswd`: basic auth; `token`: bearer tokens from a local token server. */
  auth?: 'htpasswd' | 'token';
  users?: User[];
  /** Token auth: let anonymous clients pull (as public registries do). */
  anonymousPull?: boolean;
  /** Token auth: repositories no token grants anything on, whoever asks. */
  deniedRepositories?: string[];
  /**
   * Blob GETs answered with a redirect to this base URL plus the blob's storage path (the
   * registry's `redirect` storage middleware, as with S3 or GCS behind a registry).
   */
  redirectBlobsTo?: string;
  /**
   * Token auth: the realm the registry names answers with a 307 to the token service, from the
   * same origin (another path) or from another one (another port).
   */
  tokenRealmRedirect?: 'same-origin' | 'other-origin';
}

/** A request the token service (or the realm redirecting to it) received. */
export interface TokenHop {
  origin: string;
  path: string;
  authorization: boolean;
}

export interface Registry {
  /** `127.0.0.1:PORT` */
  host: string;
  port: number;
  url: string;
  dataDir: string;
  /** The token server's URL for token auth. */
  tokenRealm?: string;
  /** Token auth: the scopes of every token request so far, in order. */
  tokenRequests?: string[][];
  /** Token auth: every request to the realm and the token service, redirects included. */
  tokenHops?: TokenHop[];
  /** The last lines the registry logged (for failure messages). */
  logs(): string;
  close(): Promise<void>;
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

interface TokenServer {
  realm: string;
  certPath: string;
  servers: Server[];
  requests: string[][];
  hops: TokenHop[];
}

function listen(server: Server, host: string): Promise<string> {
  return new Promise((resolve, reject) =>
    server
      .once('error', reject)
      .listen(0, host, () => resolve(`http://${host}:${(server.address() as AddressInfo).port}`)),
  );
}

/**
 * A token server as distribution's token auth expects: JWTs signed with a key whose
 * self-signed certificate is the registry's `rootcertbundle`, carried in the `x5c` header.
 */
async function startTokenServer(
  dir: string,
  service: string,
  users: User[],
  anonymousPull: boolean,
  redirect?: 'same-origin' | 'other-origin',
  denied: readonly string[] = [],
): Promise<TokenServer> {
  const keyPath = join(dir, 'token.key');
  const certPath = join(dir, 'token.crt');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyPath,
      '-out',
      certPath,
      '-days',
      '2',
      '-subj',
      '/CN=test-token-issuer',
    ],
    { stdio: 'ignore' },
  );
  const key = createPrivateKey(await readFile(keyPath));
  const certDer = Buffer.from(
    (await readFile(certPath, 'utf8')).replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''),
    'base64',
  );
  const requests: string[][] = [];
  const hops: TokenHop[] = [];
  let origin = '';
  const server = createHttpServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    hops.push({
      origin,
      path: url.pathname,
      authorization: req.headers.authorization !== undefined,
    });
    if (url.pathname === '/moved-token') {
      res.writeHead(307, { location: `/token${url.search}` }).end();
      return;
    }
    requests.push(url.searchParams.getAll('scope'));
    const header = req.headers.authorization ?? '';
    let user: string | undefined;
    if (header.startsWith('Basic ')) {
      const [name, ...rest] = Buffer.from(header.slice(6), 'base64').toString().split(':');
      const found = users.find((u) => u.username === name && u.password === rest.join(':'));
      if (!found) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ errors: [{ code: 'UNAUTHORIZED', message: 'bad credentials' }] }));
        return;
      }
      user = found.username;
    }
    const access = url.searchParams
      .getAll('scope')
      .flatMap((s) => s.split(' '))
      .filter(Boolean)
      .map((scope) => {
        const [type, ...middle] = scope.split(':');
        const actions = (middle.pop() ?? '').split(',');
        const name = middle.join(':');
        const allowed = denied.includes(name)
          ? []
          : user
            ? actions
            : anonymousPull
              ? actions.filter((a) => a === 'pull')
              : [];
        return { type, name, actions: allowed };
      });
    const now = Math.floor(Date.now() / 1000);
    const head = { typ: 'JWT', alg: 'ES256', x5c: [certDer.toString('base64')] };
    const claims = {
      iss: 'test-issuer',
      sub: user ?? '',
      aud: service,
      exp: now + 300,
      nbf: now - 10,
      iat: now,
      jti: randomBytes(8).toString('hex'),
      access,
    };
    const input = `${base64url(JSON.stringify(head))}.${base64url(JSON.stringify(claims))}`;
    const signature = sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ token: `${input}.${base64url(signature)}`, expires_in: 300 }));
  });
  origin = await listen(server, '127.0.0.1');
  const servers = [server];
  let realm = `${origin}/token`;
  if (redirect === 'same-origin') realm = `${origin}/moved-token`;
  else if (redirect === 'other-origin') {
    let realmOrigin = '';
    const realmServer = createHttpServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      hops.push({
        origin: realmOrigin,
        path: url.pathname,
        authorization: req.headers.authorization !== undefined,
      });
      res.writeHead(307, { location: `${origin}/token${url.search}` }).end();
    });
    realmOrigin = await listen(realmServer, '127.0.0.1');
    servers.push(realmServer);
    realm = `${realmOrigin}/token`;
  }
  return { realm, certPath, servers, requests, hops };
}

function configYaml(dataDir: string, port: number, auth: string, redirect?: string): string {
  return [
    'version: 0.1',
    'log:',
    '  level: warn',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${dataDir}`,
    '  delete:',
    '    enabled: true',
    '  maintenance:',
    '    uploadpurging:',
    '      enabled: false',
    ...(redirect
      ? [
          'middleware:',
          '  storage:',
          '    - name: redirect',
          '      options:',
          `        baseurl: ${redirect}`,
        ]
      : []),
    'http:',
    `  addr: 127.0.0.1:${port}`,
    '  secret: test-secret-not-for-production',
    auth,
    '',
  ].join('\n');
}

async function waitUntilUp(url: string, child: ChildProcess, logs: () => string): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`docker-registry exited (${child.exitCode}): ${logs()}`);
    try {
      const response = await fetch(`${url}/v2/`);
      await response.body?.cancel();
      if (response.status === 200 || response.status === 401) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`docker-registry did not answer on ${url} within 20 s: ${logs()}`);
}

/** Starts a registry; close() kills it and removes its storage. */
export async function startRegistry(options: RegistryOptions = {}): Promise<Registry> {
  if (options.referrersTagFallback === false) {
    throw new Error(
      'docker-registry (distribution 2.8) has no referrers API: only the tag fallback exists',
    );
  }
  if (!existsSync(REGISTRY_BIN)) {
    throw new Error(
      `${REGISTRY_BIN} not found: install Debian's docker-registry (scripts/system-deps.sh)`,
    );
  }
  const dir = await mkdtemp(join(tmpdir(), 'registry-'));
  const dataDir = join(dir, 'data');
  const users = options.users ?? [{ username: 'alice', password: 's3cret' }];
  let auth = '';
  let token: TokenServer | undefined;
  if (options.auth === 'htpasswd') {
    const lines = users.map((u) => `${u.username}:${bcrypt.hashSync(u.password, 5)}`);
    await writeFile(join(dir, 'htpasswd'), `${lines.join('\n')}\n`);
    auth = [
      'auth:',
      '  htpasswd:',
      '    realm: test-registry',
      `    path: ${join(dir, 'htpasswd')}`,
    ].join('\n');
  } else if (options.auth === 'token') {
    token = await startTokenServer(
      dir,
      'test-registry',
      users,
      options.anonymousPull ?? false,
      options.tokenRealmRedirect,
      options.deniedRepositories,
    );
    auth = [
      'auth:',
      '  token:',
      `    realm: ${token.realm}`,
      '    service: test-registry',
      '    issuer: test-issuer',
      `    rootcertbundle: ${token.certPath}`,
    ].join('\n');
  }
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const configPath = join(dir, 'config.yml');
    await writeFile(configPath, configYaml(dataDir, port, auth, options.redirectBlobsTo));
    const child = spawn(REGISTRY_BIN, ['serve', configPath], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let log = '';
    child.stderr?.on('data', (c: Buffer) => {
      log = (log + c.toString()).slice(-8000);
    });
    const url = `http://127.0.0.1:${port}`;
    try {
      await waitUntilUp(url, child, () => log);
    } catch (err) {
      child.kill('SIGKILL');
      // Someone took the port between our probe and the registry's bind: try another.
      if (/address already in use/i.test(log) && attempt < 5) continue;
      for (const server of token?.servers ?? []) server.close();
      await rm(dir, { recursive: true, force: true });
      throw err;
    }
    return {
      host: `127.0.0.1:${port}`,
      port,
      url,
      dataDir,
      ...(token
        ? { tokenRealm: token.realm, tokenRequests: token.requests, tokenHops: token.hops }
        : {}),
      logs: () => log,
      async close() {
        if (child.exitCode === null) {
          const exited = new Promise((r) => child.once('exit', r));
          child.kill('SIGTERM');
          await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
          if (child.exitCode === null) child.kill('SIGKILL');
        }
        for (const server of token?.servers ?? []) await new Promise((r) => server.close(r));
        await rm(dir, { recursive: true, force: true });
      },
    };
  }
}

/** sha256 of bytes as `sha256:<hex>`. */
export function sha256(data: Uint8Array | string): string {
  return `sha256:${createHash('sha256').update(data).digest('hex')}`;
}
