import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { OciError } from './error.js';

/** What a client can present to a registry. */
export interface Credentials {
  username?: string;
  password?: string;
  /** An OAuth2 refresh token (docker's `identitytoken`), exchanged at the token realm. */
  identityToken?: string;
  /** A ready bearer token (docker's `registrytoken`), sent as is. */
  registryToken?: string;
}

interface DockerConfig {
  auths?: Record<
    string,
    {
      auth?: string;
      username?: string;
      password?: string;
      identitytoken?: string;
      registrytoken?: string;
    }
  >;
  credHelpers?: Record<string, string>;
  credsStore?: string;
}

/** What docker and oras-go call Docker Hub in `auths` and when they ask a credential helper. */
const DOCKER_HUB_SERVER = 'https://index.docker.io/v1/';

/** The key docker uses for a registry in `auths` and `credHelpers`. */
function normaliseKey(key: string): string {
  let host = key.replace(/^[a-z]+:\/\//i, '');
  host = host.split('/')[0] ?? host;
  if (host === 'index.docker.io' || host === 'registry-1.docker.io') return 'docker.io';
  return host;
}

async function readDockerConfig(
  env: NodeJS.ProcessEnv,
): Promise<{ path: string; config?: DockerConfig }> {
  const dir = env.DOCKER_CONFIG || join(env.HOME || homedir(), '.docker');
  const path = join(dir, 'config.json');
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    return { path };
  }
  try {
    return { path, config: JSON.parse(text) as DockerConfig };
  } catch (err) {
    throw new OciError({
      code: 'INVALID_DOCKER_CONFIG',
      message: `${path}: not valid JSON (${(err as Error).message})`,
      cause: err,
    });
  }
}

/** Runs `docker-credential-<helper> get` with the server on stdin, as docker does. */
export function runCredentialHelper(
  helper: string,
  server: string,
  env: NodeJS.ProcessEnv,
): Promise<Credentials | undefined> {
  const program = `docker-credential-${helper}`;
  return new Promise((resolve, reject) => {
    // Loaded here, not at the top: most pushes run no helper, and node:child_process costs a
    // few milliseconds of every start-up.
    const { execFile } = process.getBuiltinModule('node:child_process');
    const child = execFile(
      program,
      ['get'],
      { env, timeout: 30_000, maxBuffer: 1 << 20 },
      (err, stdout, stderr) => {
        if (err) {
          const text = `${stdout}${stderr}`.trim();
          // The helper protocol's "no credentials" answer is not a failure: go anonymous.
          if (/credentials not found/i.test(text)) return resolve(undefined);
          return reject(
            new OciError({
              code: 'CREDENTIAL_HELPER',
              message: `credential helper ${program} failed for ${server}: ${text || (err as Error).message}`,
              cause: err,
            }),
          );
        }
        try {
          const out = JSON.parse(stdout) as { Username?: string; Secret?: string };
          if (!out.Secret) return resolve(undefined);
          // `<token>` as the user name marks an identity (refresh) token, as in docker.
          if (out.Username === '<token>') return resolve({ identityToken: out.Secret });
          resolve({ username: out.Username ?? '', password: out.Secret });
        } catch (e) {
          reject(
            new OciError({
              code: 'CREDENTIAL_HELPER',
              message: `credential helper ${program} printed something that is not JSON`,
              cause: e,
            }),
          );
        }
      },
    );
    child.stdin?.end(server);
  });
}

/**
 * Asks a helper for a registry's credentials under the server name docker would use. Docker
 * (ResolveAuthConfig) and oras-go (ServerAddressFromRegistry) store Docker Hub's under
 * `https://index.docker.io/v1/`, and helpers answer "not found" for `docker.io`; the bare host
 * is asked second for helpers that some other client filled under it.
 */
async function askHelper(
  helper: string,
  key: string,
  registry: string,
  env: NodeJS.ProcessEnv,
): Promise<Credentials | undefined> {
  if (key === 'docker.io') {
    const creds = await runCredentialHelper(helper, DOCKER_HUB_SERVER, env);
    if (creds) return creds;
  }
  return runCredentialHelper(helper, registry, env);
}

/**
 * Finds the credentials for a registry: `credHelpers`, then `auths`, then `credsStore` from
 * `$DOCKER_CONFIG/config.json` (or `~/.docker/config.json`), then `GITHUB_TOKEN` for ghcr.io.
 * Undefined means anonymous.
 */
export async function resolveCredentials(
  registry: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Credentials | undefined> {
  const key = normaliseKey(registry);
  const { path, config } = await readDockerConfig(env);
  if (config) {
    const helper = Object.entries(config.credHelpers ?? {}).find(
      ([k]) => normaliseKey(k) === key,
    )?.[1];
    if (helper) {
      const creds = await askHelper(helper, key, registry, env);
      if (creds) return creds;
    }
    const entry = Object.entries(config.auths ?? {}).find(([k]) => normaliseKey(k) === key)?.[1];
    if (entry) {
      if (entry.registrytoken) return { registryToken: entry.registrytoken };
      let username = entry.username;
      let password = entry.password;
      if (entry.auth) {
        const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
        const colon = decoded.indexOf(':');
        if (colon < 0) {
          throw new OciError({
            code: 'INVALID_DOCKER_CONFIG',
            message: `${path}: auths["${registry}"].auth is not base64 of user:password`,
          });
        }
        username = decoded.slice(0, colon);
        password = decoded.slice(colon + 1);
      }
      if (entry.identitytoken) return { username, identityToken: entry.identitytoken };
      if (username !== undefined || password !== undefined) return { username, password };
    }
    if (config.credsStore) {
      const creds = await askHelper(config.credsStore, key, registry, env);
      if (creds) return creds;
    }
  }
  if (key === 'ghcr.io' && env.GITHUB_TOKEN) {
    // GHCR takes any user name with a GITHUB_TOKEN; the actor is what docker/login-action sends.
    return { username: env.GITHUB_ACTOR || 'x-access-token', password: env.GITHUB_TOKEN };
  }
  return undefined;
}
