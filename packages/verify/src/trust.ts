import { createPublicKey, type KeyObject, X509Certificate as NodeX509 } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CoreError, fileError, type JsonDocument, parseJsonDocuments } from '@build-artifact/core';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import tufSeeds from '@sigstore/tuf/seeds.json' with { type: 'json' };
import { type TrustMaterial, toTrustMaterial } from '@sigstore/verify';
import { VerifyError } from './errors.js';

/** One trusted root (a Sigstore instance) ready for `@sigstore/verify`. */
export interface NamedTrustedRoot {
  /** `public-good`, `github`, or the file (and line) it was read from. */
  name: string;
  trustedRoot: TrustedRoot;
  material: TrustMaterial;
  /** The CA certificates, parsed once by OpenSSL (node:crypto) for the issuer checks. */
  caCertificates(): NodeX509[];
}

/** Everything verification trusts. Build it with `loadTrustedRoot`. */
export interface Trust {
  roots: NamedTrustedRoot[];
  /** Loads GitHub's instance (private repositories) on first need; absent with --trusted-root. */
  loadGitHub?: () => Promise<NamedTrustedRoot>;
  /** `--key`: bundles signed with this key (no certificate) verify against it. */
  publicKey?: KeyObject;
}

export interface TrustOptions {
  /** A trusted_root.json (JSON or JSON lines, as `gh attestation trusted-root` writes): replaces the shipped roots. */
  trustedRootPath?: string;
  /** Refresh the public-good root from its TUF repository (network) instead of the shipped copy. */
  tufRefresh?: boolean;
  /** Where TUF metadata is cached; default `$XDG_CACHE_HOME/build-artifact/tuf`. */
  cacheDir?: string;
  /** GitHub's TUF repository; default https://tuf-repo.github.com. */
  githubTufURL?: string;
  /** Network timeout for TUF, in milliseconds (default 5000). */
  timeoutMs?: number;
  /** A PEM public key for keyed bundles. */
  publicKeyPem?: string;
}

export const PUBLIC_GOOD_TUF_URL = 'https://tuf-repo-cdn.sigstore.dev';
export const GITHUB_TUF_URL = 'https://tuf-repo.github.com';
const GITHUB_TUF_ROOT = fileURLToPath(new URL('../assets/github-tuf-root.json', import.meta.url));

/**
 * Every key and CA of a trusted root must say from when it is trusted (the spec's required
 * `validFor.start`). protobuf-specs reads a missing start as "no lower bound", which would let a
 * truncated or hand-edited root trust a key for times before it existed: refuse the root instead.
 */
function checkValidity(json: unknown): void {
  const root = (json ?? {}) as Record<string, unknown>;
  const list = (k: string) =>
    Array.isArray(root[k]) ? (root[k] as Record<string, unknown>[]) : [];
  const need = (validFor: unknown, what: string) => {
    const start = (validFor as { start?: unknown } | undefined)?.start;
    if (typeof start !== 'string' || Number.isNaN(Date.parse(start)))
      throw new Error(`${what} has no validFor.start (the time from which it is trusted)`);
  };
  const label = (k: string, i: number, e: Record<string, unknown>) =>
    `${k}[${i}]${typeof e.baseUrl === 'string' ? ` (${e.baseUrl})` : typeof e.uri === 'string' ? ` (${e.uri})` : ''}`;
  for (const k of ['tlogs', 'ctlogs'])
    for (const [i, e] of list(k).entries())
      need((e.publicKey as { validFor?: unknown } | undefined)?.validFor, `${label(k, i, e)} key`);
  for (const k of ['certificateAuthorities', 'timestampAuthorities'])
    for (const [i, e] of list(k).entries()) need(e.validFor, label(k, i, e));
}

function named(name: string, json: unknown): NamedTrustedRoot {
  checkValidity(json);
  const trustedRoot = TrustedRoot.fromJSON(json);
  let cas: NodeX509[] | undefined;
  return {
    name,
    trustedRoot,
    material: toTrustMaterial(trustedRoot),
    caCertificates() {
      cas ??= trustedRoot.certificateAuthorities.flatMap((ca) =>
        (ca.certChain?.certificates ?? []).map((c) => new NodeX509(Buffer.from(c.rawBytes))),
      );
      return cas;
    },
  };
}

/**
 * The public-good trusted root shipped with `@sigstore/tuf` (its embedded TUF seed), so that
 * verification works offline; `@sigstore/tuf`'s own `getTrustedRoot()` would go to the network.
 * The seed is imported, not looked up at run time, so that bundles (actions/dist, the CLI
 * bundle) carry it: a GitHub runner runs an action with no node_modules beside it.
 */
export function publicGoodTrustedRootJSON(): unknown {
  const seeds = tufSeeds as Record<string, { targets?: Record<string, string> }>;
  const encoded = seeds[PUBLIC_GOOD_TUF_URL]?.targets?.['trusted_root.json'];
  if (!encoded) throw new Error('@sigstore/tuf ships no public-good trusted_root.json seed');
  return JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
}

/** Parses a trusted root file: JSON, or JSON lines with one root per line. */
export function parseTrustedRoots(text: string, source: string): NamedTrustedRoot[] {
  const fail = (where: string, what: string): never => {
    throw new VerifyError({ code: 'INVALID_TRUSTED_ROOT', message: `${where}: ${what}` });
  };
  let docs: JsonDocument[];
  try {
    docs = parseJsonDocuments(text, source);
  } catch (err) {
    if (!(err instanceof CoreError)) throw err;
    throw new VerifyError({ code: 'INVALID_TRUSTED_ROOT', message: err.message, cause: err });
  }
  return docs.map(({ source: where, json }) => {
    const mediaType = (json as { mediaType?: unknown } | null)?.mediaType;
    if (
      typeof mediaType !== 'string' ||
      !mediaType.startsWith('application/vnd.dev.sigstore.trustedroot')
    ) {
      fail(
        where,
        'not a Sigstore trusted root (mediaType application/vnd.dev.sigstore.trustedroot+json)',
      );
    }
    try {
      return named(where, json);
    } catch (err) {
      return fail(where, `invalid trusted root (${(err as Error).message})`);
    }
  });
}

function defaultCacheDir(): string {
  const base = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return join(base, 'build-artifact', 'tuf');
}

async function fromTUF(mirrorURL: string, options: TrustOptions, rootPath?: string) {
  // Imported here: the TUF client and its HTTP stack are only needed when going online.
  const { getTrustedRoot } = await import('@sigstore/tuf');
  const root = await getTrustedRoot({
    mirrorURL,
    ...(rootPath ? { rootPath } : {}),
    cachePath: options.cacheDir ?? defaultCacheDir(),
    // Cached metadata is used as is unless a refresh was asked for: no network when the cache has it.
    forceCache: !options.tufRefresh,
    timeout: options.timeoutMs ?? 5000,
    retry: { retries: 0 },
  });
  return TrustedRoot.toJSON(root);
}

/**
 * What verification trusts: by default the shipped public-good root, and GitHub's instance
 * through its TUF repository (root embedded as `gh` embeds it, cached) when a bundle needs it.
 * `trustedRootPath` replaces both. `tufRefresh` fetches the public-good root online.
 */
export async function loadTrustedRoot(options: TrustOptions = {}): Promise<Trust> {
  const trust: Trust = { roots: [] };
  if (options.publicKeyPem !== undefined) {
    try {
      trust.publicKey = createPublicKey(options.publicKeyPem);
    } catch (err) {
      throw new VerifyError({
        code: 'INVALID_KEY',
        message: `not a PEM public key (${(err as Error).message})`,
        cause: err,
      });
    }
  }
  if (options.trustedRootPath !== undefined) {
    let text: string;
    try {
      text = await readFile(options.trustedRootPath, 'utf8');
    } catch (err) {
      throw new VerifyError({
        code: 'INVALID_TRUSTED_ROOT',
        message: fileError(options.trustedRootPath, err).message,
        cause: err,
      });
    }
    trust.roots = parseTrustedRoots(text, options.trustedRootPath);
    return trust;
  }
  if (options.tufRefresh) {
    trust.roots = [named('public-good', await fromTUF(PUBLIC_GOOD_TUF_URL, options))];
  } else {
    trust.roots = [named('public-good', publicGoodTrustedRootJSON())];
  }
  let github: Promise<NamedTrustedRoot> | undefined;
  trust.loadGitHub = () => {
    github ??= fromTUF(options.githubTufURL ?? GITHUB_TUF_URL, options, GITHUB_TUF_ROOT).then(
      (json) => named('github', json),
    );
    return github;
  };
  return trust;
}

/** True when a certificate names one of this root's certificate authorities as its issuer. */
export function rootIssued(root: NamedTrustedRoot, leaf: NodeX509): boolean {
  return root.caCertificates().some((ca) => ca.subject === leaf.issuer);
}

/** GitHub's Fulcio names itself `O=GitHub, Inc.`: only then is GitHub's root worth fetching. */
export function looksLikeGitHubFulcio(leaf: NodeX509): boolean {
  // OpenSSL escapes the comma in its DN string (O=GitHub backslash-comma Inc.).
  return /^O=GitHub\\?, Inc\.$/m.test(leaf.issuer);
}
