export const id = 95;
export const ids = [95];
export const modules = {

/***/ 94476:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GITHUB_INSTANCE: () => (/* reexport */ GITHUB_INSTANCE),
  MAX_PREDICATE_BYTES: () => (/* reexport */ MAX_PREDICATE_BYTES),
  PUBLIC_GOOD: () => (/* reexport */ PUBLIC_GOOD),
  SignError: () => (/* reexport */ SignError),
  actionsTokenProvider: () => (/* reexport */ actionsTokenProvider),
  bundlePathFor: () => (/* reexport */ bundlePathFor),
  fetchActionsIdToken: () => (/* reexport */ fetchActionsIdToken),
  publicKeyId: () => (/* reexport */ publicKeyId),
  sbomStatement: () => (/* reexport */ sbomStatement),
  signStatement: () => (/* reexport */ signStatement),
  signStatements: () => (/* reexport */ signStatements),
  sigstoreInstanceFromEnv: () => (/* reexport */ sigstoreInstanceFromEnv),
  storeAttestation: () => (/* reexport */ storeAttestation),
  writeBundle: () => (/* reexport */ writeBundle)
});

// EXTERNAL MODULE: ./packages/core/dist/index.js + 18 modules
var dist = __webpack_require__(23135);
;// CONCATENATED MODULE: ./packages/sign/dist/error.js

class SignError extends dist.BaseError {
}
//# sourceMappingURL=error.js.map
;// CONCATENATED MODULE: ./packages/sign/dist/files.js


/**
 * Where a bundle is published beside its artifact: `<artifact>.sigstore.json` for provenance
 * (the convention of release assets), `<artifact>.sbom.sigstore.json` for the SBOM attestation.
 */
function bundlePathFor(artifactPath, kind = 'provenance') {
    return (0,dist.sidecarPath)(artifactPath, kind === 'sbom' ? 'SBOM_BUNDLE' : 'PROVENANCE');
}
/** Writes a bundle atomically (nothing half-written) and returns its path. */
async function writeBundle(path, bundle) {
    await (0,dist.writeFileAtomic)(path, `${JSON.stringify(bundle)}\n`);
    return path;
}
// GitHub's attestation tooling refuses predicates over 16 MiB.
const MAX_PREDICATE_BYTES = 16 * 1024 * 1024;
/**
 * The SBOM attestation: the SBOM document as predicate over the subjects, its predicate type
 * the document's format's (`https://cyclonedx.org/bom`, `https://spdx.dev/Document/v2.3`).
 */
function sbomStatement(subjects, bom) {
    const size = Buffer.byteLength(JSON.stringify(bom));
    if (size > MAX_PREDICATE_BYTES) {
        throw new SignError({
            code: 'PREDICATE_TOO_LARGE',
            message: `the SBOM is ${size} bytes: GitHub refuses predicates over ${MAX_PREDICATE_BYTES} bytes (16 MiB)`,
        });
    }
    const kind = (0,dist.sbomFormatOf)(bom);
    if (!kind)
        throw new SignError({
            code: 'INVALID_OPTIONS',
            message: 'not an SBOM document: neither CycloneDX ("bomFormat") nor SPDX 2 ("spdxVersion")',
        });
    return (0,dist.buildStatement)(subjects, dist.SBOM_FORMATS[kind.format].predicateType, bom);
}
//# sourceMappingURL=files.js.map
;// CONCATENATED MODULE: ./packages/sign/dist/instance.js

const PUBLIC_GOOD = {
    name: 'public-good',
    fulcioURL: 'https://fulcio.sigstore.dev',
    rekorURL: 'https://rekor.sigstore.dev',
};
/** GitHub's own Sigstore instance (private repositories): its Fulcio and RFC 3161 timestamps, no Rekor. */
const GITHUB_INSTANCE = {
    name: 'github',
    fulcioURL: 'https://fulcio.githubapp.com',
    tsaURL: 'https://timestamp.githubapp.com',
};
/**
 * Chooses where to sign, as actions/attest does: an explicit choice wins; otherwise a public
 * repository signs on the public-good instance (Fulcio + Rekor) and any other on GitHub's
 * (Fulcio + TSA). `ATTEST_FULCIO_URL` (with `ATTEST_REKOR_URL` / `ATTEST_TSA_URL`) overrides
 * both, for a private Sigstore or the local dev one.
 */
function sigstoreInstanceFromEnv(env = process.env, options = {}) {
    if (env.ATTEST_FULCIO_URL) {
        const instance = { name: 'custom', fulcioURL: env.ATTEST_FULCIO_URL };
        if (env.ATTEST_REKOR_URL)
            instance.rekorURL = env.ATTEST_REKOR_URL;
        if (env.ATTEST_TSA_URL)
            instance.tsaURL = env.ATTEST_TSA_URL;
        if (!instance.rekorURL && !instance.tsaURL) {
            throw new SignError({
                code: 'INVALID_OPTIONS',
                message: 'ATTEST_FULCIO_URL is set but neither ATTEST_REKOR_URL nor ATTEST_TSA_URL: a keyless signature needs a transparency log or a timestamp authority',
            });
        }
        return instance;
    }
    if (options.instance === 'github')
        return { ...GITHUB_INSTANCE };
    if (options.instance === 'public-good')
        return { ...PUBLIC_GOOD };
    return options.visibility === 'public' ? { ...PUBLIC_GOOD } : { ...GITHUB_INSTANCE };
}
//# sourceMappingURL=instance.js.map
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var bundle_dist = __webpack_require__(61040);
// EXTERNAL MODULE: ./node_modules/@sigstore/sign/dist/index.js
var sign_dist = __webpack_require__(15179);
;// CONCATENATED MODULE: ./packages/sign/dist/retry.js
const DEFAULT_RETRY = {
    retries: 3,
    minTimeout: 1000,
    maxTimeout: 10000,
};
function retryOptions(retry) {
    return { ...DEFAULT_RETRY, ...retry };
}
/** Transient HTTP statuses: timeouts, rate limits and server errors. */
function retryableStatus(status) {
    return status === 408 || status === 429 || status >= 500;
}
class RetryableError extends Error {
}
/**
 * Runs `fn` until it succeeds, it throws something other than a RetryableError, or the retries
 * are spent; waits minTimeout * 2^n between attempts (capped).
 */
async function withRetry(fn, retry) {
    const opts = retryOptions(retry);
    for (let attempt = 0;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (err) {
            if (!(err instanceof RetryableError) || attempt >= opts.retries)
                throw err;
            const delay = Math.min(opts.maxTimeout, opts.minTimeout * 2 ** attempt);
            await new Promise((r) => setTimeout(r, delay));
        }
    }
}
//# sourceMappingURL=retry.js.map
;// CONCATENATED MODULE: ./packages/sign/dist/sign.js






/** `keyid` recorded for a keyed signature: hex SHA-256 of the public key's SPKI DER. */
function publicKeyId(publicKey) {
    return (0,external_node_crypto_.createHash)('sha256')
        .update(publicKey.export({ format: 'der', type: 'spki' }))
        .digest('hex');
}
function loadPrivateKey(pem) {
    let key;
    try {
        key = (0,external_node_crypto_.createPrivateKey)(pem);
    }
    catch (err) {
        throw new SignError({
            code: 'INVALID_KEY',
            message: `not a PEM private key (or it is encrypted): ${err.message}`,
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
class KeySigner {
    key;
    publicPem;
    hint;
    constructor(key) {
        this.key = key;
        const pub = (0,external_node_crypto_.createPublicKey)(key);
        this.publicPem = pub.export({ format: 'pem', type: 'spki' }).toString();
        this.hint = publicKeyId(pub);
    }
    async sign(data) {
        return {
            signature: (0,external_node_crypto_.sign)('sha256', data, this.key),
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
class CertifiedOnceSigner {
    fulcio;
    key;
    #certificate;
    constructor(fulcio, key) {
        this.fulcio = fulcio;
        this.key = key;
    }
    async sign(data) {
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
const SERVICE_BY_CODE = {
    IDENTITY_TOKEN_READ_ERROR: ['TOKEN_FAILED', 'the OIDC token provider'],
    IDENTITY_TOKEN_PARSE_ERROR: ['TOKEN_FAILED', 'the OIDC token'],
    CA_CREATE_SIGNING_CERTIFICATE_ERROR: ['FULCIO_FAILED', 'Fulcio'],
    TLOG_CREATE_ENTRY_ERROR: ['REKOR_FAILED', 'Rekor'],
    TSA_CREATE_TIMESTAMP_ERROR: ['TSA_FAILED', 'the timestamp authority'],
};
function serviceError(err, urls) {
    if (err instanceof SignError)
        return err;
    const code = err.code ?? '';
    const mapped = SERVICE_BY_CODE[code];
    const cause = err.cause;
    const detail = [err.message, cause instanceof Error ? cause.message : undefined]
        .filter(Boolean)
        .join(': ');
    if (!mapped) {
        return new SignError({ code: 'SIGN_FAILED', message: `signing failed: ${detail}`, cause: err });
    }
    const url = { FULCIO_FAILED: urls.fulcio, REKOR_FAILED: urls.rekor, TSA_FAILED: urls.tsa }[mapped[0]];
    return new SignError({
        code: mapped[0],
        message: `${mapped[1]}${url ? ` (${url})` : ''} failed: ${detail}`,
        cause: err,
    });
}
function statementBytes(statement) {
    if (typeof statement === 'string')
        return Buffer.from(statement, 'utf8');
    if (statement instanceof Uint8Array)
        return Buffer.from(statement);
    return Buffer.from(JSON.stringify(statement), 'utf8');
}
/**
 * Signs an in-toto statement into a Sigstore bundle v0.3 with a DSSE envelope
 * (`application/vnd.in-toto+json`). Keyless: an ephemeral key certified by Fulcio from the OIDC
 * token, witnessed by Rekor and/or a TSA. Keyed: the given P-256 key, witnessed only if asked.
 */
async function signStatement(statement, options) {
    const [bundle] = await signStatements([statement], options);
    return bundle;
}
/**
 * Signs several statements at once, side by side: one bundle each, in order. Keyless, one
 * ephemeral key and one Fulcio certificate serve them all (one Fulcio round trip per call, not
 * per statement); each is witnessed on its own.
 */
async function signStatements(statements, options) {
    const timeout = options.timeout ?? 10_000;
    const r = retryOptions(options.retry);
    // promise-retry (inside @sigstore/sign) backs off exponentially from minTimeout.
    const retry = {
        retries: r.retries,
        factor: 2,
        minTimeout: r.minTimeout,
        maxTimeout: r.maxTimeout,
    };
    if (options.rekorEntryType !== undefined &&
        !['dsse', 'intoto'].includes(options.rekorEntryType)) {
        throw new SignError({
            code: 'INVALID_OPTIONS',
            message: `rekorEntryType must be "dsse" or "intoto", got "${options.rekorEntryType}"`,
        });
    }
    let signer;
    if ('privateKeyPem' in options && options.privateKeyPem !== undefined) {
        signer = new KeySigner(loadPrivateKey(options.privateKeyPem));
    }
    else {
        const keyless = options;
        if (!keyless.fulcioURL) {
            throw new SignError({
                code: 'INVALID_OPTIONS',
                message: 'keyless signing needs a Fulcio URL',
            });
        }
        if (!keyless.rekorURL && !keyless.tsaURL) {
            throw new SignError({
                code: 'INVALID_OPTIONS',
                message: 'keyless signing needs a Rekor URL or a timestamp authority URL: a short-lived certificate alone cannot be verified later',
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
        const key = new KeySigner((0,external_node_crypto_.generateKeyPairSync)('ec', { namedCurve: 'P-256' }).privateKey);
        const fulcio = new sign_dist/* FulcioSigner */.$o({
            identityProvider: { getToken: provider },
            fulcioBaseURL: keyless.fulcioURL,
            keyHolder: key,
            timeout,
            retry,
        });
        signer = new CertifiedOnceSigner(fulcio, key);
    }
    const witnesses = [];
    if (options.rekorURL) {
        const entryType = options.rekorEntryType ?? 'dsse';
        witnesses.push(new sign_dist/* RekorWitness */.fU({ rekorBaseURL: options.rekorURL, entryType, timeout, retry }));
    }
    if (options.tsaURL) {
        witnesses.push(new sign_dist/* TSAWitness */.gs({ tsaBaseURL: options.tsaURL, timeout, retry }));
    }
    options.onProgress?.({
        step: 'sign',
        message: `signing with ${'privateKeyPem' in options ? 'a local key' : options.fulcioURL}${options.rekorURL ? `, Rekor ${options.rekorURL}` : ''}${options.tsaURL ? `, TSA ${options.tsaURL}` : ''}`,
    });
    try {
        const builder = new sign_dist/* DSSEBundleBuilder */.VV({ signer, witnesses });
        const bundles = await Promise.all(statements.map((statement) => builder.create({ data: statementBytes(statement), type: dist.MediaType.IN_TOTO })));
        return bundles.map((bundle) => (0,bundle_dist.bundleToJSON)(bundle));
    }
    catch (err) {
        throw serviceError(err, {
            fulcio: options.fulcioURL,
            rekor: options.rekorURL,
            tsa: options.tsaURL,
        });
    }
}
//# sourceMappingURL=sign.js.map
;// CONCATENATED MODULE: ./packages/sign/dist/store.js


const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
/**
 * Stores a bundle in the GitHub attestations API (`POST /repos/{owner}/{repo}/attestations`), so
 * that `gh attestation verify` finds it. Retries transient failures; returns the attestation id.
 */
async function storeAttestation(bundle, options) {
    if (!REPOSITORY.test(options.repository)) {
        throw new SignError({
            code: 'INVALID_OPTIONS',
            message: `repository must be "owner/repo", got "${options.repository}"`,
        });
    }
    if (!options.token) {
        throw new SignError({
            code: 'INVALID_OPTIONS',
            message: 'storing an attestation needs a GitHub token',
        });
    }
    const api = (options.apiUrl ?? 'https://api.github.com').replace(/\/+$/, '');
    const url = `${api}/repos/${options.repository}/attestations`;
    try {
        return await withRetry(async () => {
            let response;
            try {
                response = await fetch(url, {
                    method: 'POST',
                    headers: {
                        Accept: 'application/vnd.github+json',
                        Authorization: `Bearer ${options.token}`,
                        'Content-Type': 'application/json',
                        'X-GitHub-Api-Version': '2022-11-28',
                        'User-Agent': 'build-artifact-attest',
                    },
                    body: JSON.stringify({ bundle }),
                    signal: AbortSignal.timeout(options.timeout ?? 30_000),
                });
            }
            catch (err) {
                throw new RetryableError(err.message, { cause: err });
            }
            const text = await response.text();
            if (!response.ok) {
                let message = text.slice(0, 300);
                try {
                    message = JSON.parse(text).message ?? message;
                }
                catch { }
                const error = `HTTP ${response.status}: ${message}`;
                if (retryableStatus(response.status))
                    throw new RetryableError(error);
                throw new Error(error);
            }
            const id = JSON.parse(text || '{}').id;
            return id === undefined ? '' : String(id);
        }, options.retry);
    }
    catch (err) {
        throw new SignError({
            code: 'API_FAILED',
            message: `the GitHub attestations API (${url}) failed: ${err.message}`,
            cause: err,
        });
    }
}
//# sourceMappingURL=store.js.map
;// CONCATENATED MODULE: ./packages/sign/dist/token.js


/**
 * Fetches an OIDC token from GitHub Actions' endpoint (`ACTIONS_ID_TOKEN_REQUEST_URL` with the
 * `ACTIONS_ID_TOKEN_REQUEST_TOKEN` bearer), for the given audience, retrying transient failures.
 */
async function fetchActionsIdToken(env, audience, retry) {
    const requestURL = env.ACTIONS_ID_TOKEN_REQUEST_URL;
    const requestToken = env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
    if (!requestURL || !requestToken) {
        throw new SignError({
            code: 'TOKEN_FAILED',
            message: 'no OIDC token: ACTIONS_ID_TOKEN_REQUEST_URL and ACTIONS_ID_TOKEN_REQUEST_TOKEN are not set (the job needs `permissions: id-token: write`)',
        });
    }
    let url;
    try {
        url = new URL(requestURL);
    }
    catch {
        throw new SignError({
            code: 'TOKEN_FAILED',
            message: `ACTIONS_ID_TOKEN_REQUEST_URL is not a URL: ${requestURL}`,
        });
    }
    url.searchParams.set('audience', audience);
    try {
        return await withRetry(async () => {
            let response;
            try {
                response = await fetch(url, {
                    headers: { Authorization: `Bearer ${requestToken}`, Accept: 'application/json' },
                    signal: AbortSignal.timeout(30_000),
                });
            }
            catch (err) {
                throw new RetryableError(err.message, { cause: err });
            }
            if (!response.ok) {
                const message = `HTTP ${response.status} from the token endpoint`;
                if (retryableStatus(response.status))
                    throw new RetryableError(message);
                throw new Error(message);
            }
            const body = (await response.json().catch(() => ({})));
            if (typeof body.value !== 'string' || body.value === '') {
                throw new Error('the token endpoint answered without a token');
            }
            return body.value;
        }, retry);
    }
    catch (err) {
        throw new SignError({
            code: 'TOKEN_FAILED',
            message: `cannot get an OIDC token from ${url.origin}: ${err.message}`,
            cause: err,
        });
    }
}
/** A TokenProvider for GitHub Actions (audience `sigstore` for Fulcio by default). */
function actionsTokenProvider(env = process.env, audience = 'sigstore', retry) {
    return () => fetchActionsIdToken(env, audience, retry);
}
//# sourceMappingURL=token.js.map
;// CONCATENATED MODULE: ./packages/sign/dist/index.js






//# sourceMappingURL=index.js.map

/***/ })

};
