import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
} from 'node:crypto';
import { MediaType, type ProgressCallback, type Statement } from '@build-artifact/core';
import { bundleToJSON, type SerializedBundle } from '@sigstore/bundle';
import {
  DSSEBundleBuilder,
  FulcioSigner,
  RekorWitness,
  type Signature,
  type Signer,
  TSAWitness,
  type Witness,
} from '@sigstore/sign';
import { SignError, type SignErrorCode } from './error.js';
import { type RetryOptions, retryOptions } from './retry.js';
import type { TokenProvider } from './token.js';

interface CommonOptions {
  /** Rekor base URL: a transparency log entry is made when set. */
  rekorURL?: string;
  /** RFC 3161 timestamp authority URL: a signed timestamp is added when set. */
  tsaURL?: string;
  /**
   * Rekor entry type for the DSSE envelope: `dsse` (v0.0.1, the default, what @sigstore/sign and
   * actions/attest log) or `intoto` (v0.0.2, the older type, still accepted by Rekor v1).
   */
  rekorEntryType?: 'dsse' | 'intoto';
  /** Per-request timeout in milliseconds (default 10000). */
  timeout?: number;
  retry?: RetryOptions;
  onProgress?: ProgressCallback;
}

export interface KeylessSignOptions extends CommonOptions {
  fulcioURL: string;
  /** An OIDC token with audience `sigstore`... */
  identityToken?: string;
  /** ...or a function that fetches one (e.g. `actionsTokenProvider()`). */
  tokenProvider?: TokenProvider;
}

export interface KeyedSignOptions extends CommonOptions {
  /** An ECDSA P-256 private key in PEM (PKCS#8 or SEC1). */
  privateKeyPem: string;
}

export type SignOptions = KeylessSignOptions | KeyedSignOptions;

/** `keyid` recorded for a keyed signature: hex SHA-256 of the public key's SPKI DER. */
export function publicKeyId(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ format: 'der', type: 'spki' }))
    .digest('hex');
}

function loadPrivateKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey(pem);
  } catch (err) {
    throw new SignError({
      code: 'INVALID_KEY',
      message: `not a PEM private key (or it is encrypted): ${(err as Error).message}`,
      cause: err,
    });
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new SignError({
      code: 'INVALID_KEY',
      message: `the key is ${key.asymmetricKeyType}${key.asymmetricKeyDetails?.namedCurve ? ` ${key.asymmetricKeyDetails.namedCurve}` : ''}, expected ECDSA P-256`,
    });
  }
  return key;
}

/** A Signer over a local P-256 key: the bundle carries a `publicKey` hint instead of a certificate. */
class KeySigner implements Signer {
  private readonly publicPem: string;
  private readonly hint: string;
  constructor(private readonly key: KeyObject) {
    const pub = createPublicKey(key);
    this.publicPem = pub.export({ format: 'pem', type: 'spki' }).toString();
    this.hint = publicKeyId(pub);
  }
  async sign(data: Buffer): Promise<Signature> {
    return {
      signature: sign('sha256', data, this.key),
      key: { $case: 'publicKey', publicKey: this.publicPem, hint: this.hint },
    };
  }
}

/**
 * One ephemeral key, certified by Fulcio once for every statement of a call, as `cosign sign`
 * certifies one key for all the images it is given: the first signature asks Fulcio (the
 * challenge and the certificate request), the others wait for that certificate and only sign.
 * Each bundle still carries the certificate and gets its own Rekor entry and timestamp.
 */
class CertifiedOnceSigner implements Signer {
  #certificate?: Promise<string>;
  constructor(
    private readonly fulcio: FulcioSigner,
    private readonly key: KeySigner,
  ) {}
  async sign(data: Buffer): Promise<Signature> {
    if (!this.#certificate) {
      const first = this.fulcio.sign(data);
      this.#certificate = first.then((signature) => {
        if (signature.key.$case !== 'x509Certificate')
          throw new SignError({ code: 'FULCIO_FAILED', message: 'Fulcio returned no certificate' });
        return signature.key.certificate;
      });
      // The first signature reports a failure; the others see it when they wait for it.
      this.#certificate.catch(() => undefined);
      return first;
    }
    const certificate = await this.#certificate;
    const { signature } = await this.key.sign(data);
    return { signature, key: { $case: 'x509Certificate', certificate } };
  }
}

// @sigstore/sign's InternalError codes, mapped to the service that failed.
const SERVICE_BY_CODE: Record<string, [SignErrorCode, string]> = {
  IDENTITY_TOKEN_READ_ERROR: ['TOKEN_FAILED', 'the OIDC token provider'],
  IDENTITY_TOKEN_PARSE_ERROR: ['TOKEN_FAILED', 'the OIDC token'],
  CA_CREATE_SIGNING_CERTIFICATE_ERROR: ['FULCIO_FAILED', 'Fulcio'],
  TLOG_CREATE_ENTRY_ERROR: ['REKOR_FAILED', 'Rekor'],
  TSA_CREATE_TIMESTAMP_ERROR: ['TSA_FAILED', 'the timestamp authority'],
};

function serviceError(err: unknown, urls: Record<string, string | undefined>): SignError {
  if (err instanceof SignError) return err;
  const code = (err as { code?: string }).code ?? '';
  const mapped = SERVICE_BY_CODE[code];
  const cause = (err as { cause?: unknown }).cause;
  const detail = [(err as Error).message, cause instanceof Error ? cause.message : undefined]
    .filter(Boolean)
    .join(': ');
  if (!mapped) {
    return new SignError({ code: 'SIGN_FAILED', message: `signing failed: ${detail}`, cause: err });
  }
  const url = { FULCIO_FAILED: urls.fulcio, REKOR_FAILED: urls.rekor, TSA_FAILED: urls.tsa }[
    mapped[0] as 'FULCIO_FAILED' | 'REKOR_FAILED' | 'TSA_FAILED'
  ];
  return new SignError({
    code: mapped[0],
    message: `${mapped[1]}${url ? ` (${url})` : ''} failed: ${detail}`,
    cause: err,
  });
}

function statementBytes(statement: Statement | Uint8Array | string): Buffer {
  if (typeof statement === 'string') return Buffer.from(statement, 'utf8');
  if (statement instanceof Uint8Array) return Buffer.from(statement);
  return Buffer.from(JSON.stringify(statement), 'utf8');
}

/**
 * Signs an in-toto statement into a Sigstore bundle v0.3 with a DSSE envelope
 * (`application/vnd.in-toto+json`). Keyless: an ephemeral key certified by Fulcio from the OIDC
 * token, witnessed by Rekor and/or a TSA. Keyed: the given P-256 key, witnessed only if asked.
 */
export async function signStatement(
  statement: Statement | Uint8Array | string,
  options: SignOptions,
): Promise<SerializedBundle> {
  const [bundle] = await signStatements([statement], options);
  return bundle!;
}

/**
 * Signs several statements at once, side by side: one bundle each, in order. Keyless, one
 * ephemeral key and one Fulcio certificate serve them all (one Fulcio round trip per call, not
 * per statement); each is witnessed on its own.
 */
export async function signStatements(
  statements: readonly (Statement | Uint8Array | string)[],
  options: SignOptions,
): Promise<SerializedBundle[]> {
  const timeout = options.timeout ?? 10_000;
  const r = retryOptions(options.retry);
  // promise-retry (inside @sigstore/sign) backs off exponentially from minTimeout.
  const retry = {
    retries: r.retries,
    factor: 2,
    minTimeout: r.minTimeout,
    maxTimeout: r.maxTimeout,
  };
  if (
    options.rekorEntryType !== undefined &&
    !['dsse', 'intoto'].includes(options.rekorEntryType)
  ) {
    throw new SignError({
      code: 'INVALID_OPTIONS',
      message: `rekorEntryType must be "dsse" or "intoto", got "${options.rekorEntryType}"`,
    });
  }
  let signer: Signer;
  if ('privateKeyPem' in options && options.privateKeyPem !== undefined) {
    signer = new KeySigner(loadPrivateKey(options.privateKeyPem));
  } else {
    const keyless = options as KeylessSignOptions;
    if (!keyless.fulcioURL) {
      throw new SignError({
        code: 'INVALID_OPTIONS',
        message: 'keyless signing needs a Fulcio URL',
      });
    }
    if (!keyless.rekorURL && !keyless.tsaURL) {
      throw new SignError({
        code: 'INVALID_OPTIONS',
        message:
          'keyless signing needs a Rekor URL or a timestamp authority URL: a short-lived certificate alone cannot be verified later',
      });
    }
    const token = keyless.identityToken;
    const provider = keyless.tokenProvider ?? (token ? async () => token : undefined);
    if (!provider) {
      throw new SignError({
        code: 'TOKEN_FAILED',
        message: 'keyless signing needs an OIDC identity token or a token provider',
      });
    }
    // What @sigstore/sign's own ephemeral key holder makes: a P-256 key that signs SHA-256.
    const key = new KeySigner(generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey);
    const fulcio = new FulcioSigner({
      identityProvider: { getToken: provider },
      fulcioBaseURL: keyless.fulcioURL,
      keyHolder: key,
      timeout,
      retry,
    });
    signer = new CertifiedOnceSigner(fulcio, key);
  }
  const witnesses: Witness[] = [];
  if (options.rekorURL) {
    const entryType = options.rekorEntryType ?? 'dsse';
    witnesses.push(new RekorWitness({ rekorBaseURL: options.rekorURL, entryType, timeout, retry }));
  }
  if (options.tsaURL) {
    witnesses.push(new TSAWitness({ tsaBaseURL: options.tsaURL, timeout, retry }));
  }
  options.onProgress?.({
    step: 'sign',
    message: `signing with ${'privateKeyPem' in options ? 'a local key' : (options as KeylessSignOptions).fulcioURL}${options.rekorURL ? `, Rekor ${options.rekorURL}` : ''}${options.tsaURL ? `, TSA ${options.tsaURL}` : ''}`,
  });
  try {
    const builder = new DSSEBundleBuilder({ signer, witnesses });
    const bundles = await Promise.all(
      statements.map((statement) =>
        builder.create({ data: statementBytes(statement), type: MediaType.IN_TOTO }),
      ),
    );
    return bundles.map((bundle) => bundleToJSON(bundle));
  } catch (err) {
    throw serviceError(err, {
      fulcio: (options as KeylessSignOptions).fulcioURL,
      rekor: options.rekorURL,
      tsa: options.tsaURL,
    });
  }
}
