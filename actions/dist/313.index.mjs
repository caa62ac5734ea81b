export const id = 313;
export const ids = [313];
export const modules = {

/***/ 91313:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  startDevSigstore: () => (/* reexport */ startDevSigstore)
});

// UNUSED EXPORTS: DevSigstoreError, claimSets, defaultClaims, derivedClaims

// EXTERNAL MODULE: ./packages/core/dist/index.js + 18 modules
var dist = __webpack_require__(23135);
;// CONCATENATED MODULE: ./packages/dev-sigstore/dist/error.js

class DevSigstoreError extends dist.BaseError {
}
//# sourceMappingURL=error.js.map
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: ./node_modules/@sigstore/mock/dist/fulcio/index.js
var dist_fulcio = __webpack_require__(11867);
// EXTERNAL MODULE: ./node_modules/@sigstore/mock/dist/rekor/index.js
var dist_rekor = __webpack_require__(8414);
// EXTERNAL MODULE: ./node_modules/@sigstore/mock/dist/timestamp/index.js
var dist_timestamp = __webpack_require__(18617);
// EXTERNAL MODULE: ./node_modules/jose/dist/node/esm/jwt/unsecured.js
var unsecured = __webpack_require__(42734);
;// CONCATENATED MODULE: ./packages/dev-sigstore/dist/fulcio.js



const SERVER_URL = 'https://github.com';
// The mock reads the SAN from this claim, which we add to the token we pass on.
const SAN_CLAIM = 'x-dev-sigstore-san';
/**
 * Fulcio from @sigstore/mock's handler, wrapped to behave like the real one on the points that
 * matter for verification: the token must be ours, unexpired and for audience `sigstore`; the
 * proof of possession must be a signature over `sub` by the key being certified; and for a
 * GitHub Actions token the SAN is the workflow that ran the job (`job_workflow_ref`), not `sub`.
 * The mock already turns the GitHub claims into the 1.3.6.1.4.1.57264.1.* extensions.
 */
function devFulcioHandler(ca, issuer) {
    const inner = (0,dist_fulcio/* fulcioHandler */.n6)(ca, { subjectClaim: SAN_CLAIM }).fn;
    return async (body) => {
        let request;
        try {
            request = JSON.parse(body);
        }
        catch {
            return { statusCode: 400, response: 'request body is not JSON' };
        }
        const token = request.credentials?.oidcIdentityToken;
        const publicKey = request.publicKeyRequest?.publicKey?.content;
        const proof = request.publicKeyRequest?.proofOfPossession;
        if (!token || !publicKey || !proof) {
            return {
                statusCode: 400,
                response: 'oidcIdentityToken, publicKey and proofOfPossession are required',
            };
        }
        let claims;
        try {
            claims = (await issuer.verify(token, 'sigstore'));
        }
        catch (err) {
            return { statusCode: 401, response: `invalid identity token: ${err.message}` };
        }
        const sub = String(claims.sub ?? '');
        let possession = false;
        try {
            possession = (0,external_node_crypto_.verify)('sha256', Buffer.from(sub), publicKey, Buffer.from(proof, 'base64'));
        }
        catch {
            possession = false;
        }
        if (!possession)
            return { statusCode: 400, response: 'proof of possession does not verify' };
        const san = typeof claims.job_workflow_ref === 'string'
            ? `${SERVER_URL}/${claims.job_workflow_ref}`
            : String(claims.email ?? sub);
        const relayed = new unsecured/* UnsecuredJWT */.M({ ...claims, [SAN_CLAIM]: san }).encode();
        return inner(JSON.stringify({
            ...request,
            credentials: { ...request.credentials, oidcIdentityToken: relayed },
        }));
    };
}
//# sourceMappingURL=fulcio.js.map
// EXTERNAL MODULE: ./node_modules/jose/dist/node/esm/key/generate_key_pair.js + 1 modules
var generate_key_pair = __webpack_require__(68842);
// EXTERNAL MODULE: ./node_modules/jose/dist/node/esm/key/export.js + 1 modules
var key_export = __webpack_require__(65810);
// EXTERNAL MODULE: ./node_modules/jose/dist/node/esm/jwt/sign.js + 2 modules
var sign = __webpack_require__(42876);
// EXTERNAL MODULE: ./node_modules/jose/dist/node/esm/util/decode_jwt.js + 1 modules
var decode_jwt = __webpack_require__(3650);
// EXTERNAL MODULE: ./node_modules/jose/dist/node/esm/jwt/verify.js + 4 modules
var verify = __webpack_require__(95852);
;// CONCATENATED MODULE: ./packages/dev-sigstore/dist/claims.js
/** Claims the dev issuer puts in its tokens unless told otherwise: a public repository's push build. */
function defaultClaims() {
    const sha = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
    return {
        sub: 'repo:example/nats-wasm:ref:refs/heads/main',
        ref: 'refs/heads/main',
        ref_type: 'branch',
        ref_protected: 'true',
        sha,
        repository: 'example/nats-wasm',
        repository_id: '100000001',
        repository_owner: 'example',
        repository_owner_id: '100000000',
        repository_visibility: 'public',
        run_id: '9000000001',
        run_number: '42',
        run_attempt: '1',
        actor: 'octocat',
        actor_id: '583231',
        workflow: 'release',
        workflow_ref: `example/nats-wasm/.github/workflows/release.yml@refs/heads/main`,
        workflow_sha: sha,
        job_workflow_ref: 'build-artifact/build-artifact/.github/workflows/build-artifact.yml@refs/tags/v1.0.0',
        job_workflow_sha: 'f0e1d2c3b4a5968778695a4b3c2d1e0f12345678',
        event_name: 'push',
        head_ref: '',
        base_ref: '',
        runner_environment: 'github-hosted',
    };
}
/**
 * Claims that follow from others as GitHub sets them, so that overriding `repository` or `ref`
 * alone still gives a consistent token (`sub`, owner, workflow ref...). Explicit values win.
 */
function derivedClaims(claims) {
    const defaults = defaultClaims();
    const repository = String(claims.repository ?? defaults.repository);
    const ref = String(claims.ref ?? defaults.ref);
    const sha = String(claims.sha ?? defaults.sha);
    const derived = {
        sub: `repo:${repository}:ref:${ref}`,
        repository_owner: repository.split('/')[0],
        workflow_ref: `${repository}/.github/workflows/release.yml@${ref}`,
        workflow_sha: sha,
        ref_type: ref.startsWith('refs/tags/') ? 'tag' : 'branch',
    };
    return derived;
}
/**
 * Claims of real kinds of GitHub Actions runs, shaped as GitHub issues them, for tests that
 * compare what two tools build from one token. `issuer` is the dev issuer's `iss`: the
 * enterprise set is issued from its enterprise form `<issuer>/<slug>`.
 */
function claimSets(issuer) {
    const github = 'https://github.com';
    return {
        // A push to main building in the repository's own workflow.
        push: {
            serverUrl: github,
            claims: {
                sub: 'repo:example/nats-wasm:ref:refs/heads/main',
                ref: 'refs/heads/main',
                ref_type: 'branch',
                ref_protected: 'true',
                sha: '3f786850e387550fdab836ed7e6dc881de23001b',
                repository: 'example/nats-wasm',
                repository_id: '100000001',
                repository_owner: 'example',
                repository_owner_id: '100000000',
                repository_visibility: 'public',
                run_id: '9000000001',
                run_number: '42',
                run_attempt: '1',
                actor: 'octocat',
                actor_id: '583231',
                workflow: 'build',
                workflow_ref: 'example/nats-wasm/.github/workflows/build.yml@refs/heads/main',
                workflow_sha: '3f786850e387550fdab836ed7e6dc881de23001b',
                job_workflow_ref: 'example/nats-wasm/.github/workflows/build.yml@refs/heads/main',
                job_workflow_sha: '3f786850e387550fdab836ed7e6dc881de23001b',
                event_name: 'push',
                head_ref: '',
                base_ref: '',
                runner_environment: 'github-hosted',
            },
        },
        // A pull request from a fork, built on the repository's own (self-hosted) runner: the ref
        // is the merge ref, the actor is the contributor, `sub` names the pull request.
        'fork-pull-request-self-hosted': {
            serverUrl: github,
            claims: {
                sub: 'repo:example/embedding-cli:pull_request',
                ref: 'refs/pull/128/merge',
                ref_type: 'branch',
                ref_protected: 'false',
                sha: '89e6c98d92887913cadf06b2adb97f26cde4849b',
                repository: 'example/embedding-cli',
                repository_id: '100000002',
                repository_owner: 'example',
                repository_owner_id: '100000000',
                repository_visibility: 'private',
                run_id: '9000000102',
                run_number: '311',
                run_attempt: '2',
                actor: 'outside-contributor',
                actor_id: '7654321',
                workflow: 'ci',
                workflow_ref: 'example/embedding-cli/.github/workflows/ci.yml@refs/pull/128/merge',
                workflow_sha: '89e6c98d92887913cadf06b2adb97f26cde4849b',
                job_workflow_ref: 'example/embedding-cli/.github/workflows/ci.yml@refs/pull/128/merge',
                job_workflow_sha: '89e6c98d92887913cadf06b2adb97f26cde4849b',
                event_name: 'pull_request',
                head_ref: 'fix-wasm-loader',
                base_ref: 'main',
                runner_environment: 'self-hosted',
            },
        },
        // A release of a tag, signed inside another repository's reusable workflow (the builder),
        // in a deployment environment.
        'release-reusable-workflow': {
            serverUrl: github,
            claims: {
                sub: 'repo:example/embedding-cli:environment:release',
                environment: 'release',
                ref: 'refs/tags/v1.2.0',
                ref_type: 'tag',
                ref_protected: 'true',
                sha: 'b6589fc6ab0dc82cf12099d1c2d40ab994e8410c',
                repository: 'example/embedding-cli',
                repository_id: '100000002',
                repository_owner: 'example',
                repository_owner_id: '100000000',
                repository_visibility: 'public',
                run_id: '9000000203',
                run_number: '57',
                run_attempt: '1',
                actor: 'release-manager',
                actor_id: '1234567',
                workflow: 'release',
                workflow_ref: 'example/embedding-cli/.github/workflows/release.yml@refs/tags/v1.2.0',
                workflow_sha: 'b6589fc6ab0dc82cf12099d1c2d40ab994e8410c',
                job_workflow_ref: 'build-artifact/build-artifact/.github/workflows/build-artifact.yml@refs/tags/v1.0.0',
                job_workflow_sha: 'f0e1d2c3b4a5968778695a4b3c2d1e0f12345678',
                event_name: 'release',
                head_ref: '',
                base_ref: '',
                runner_environment: 'github-hosted',
            },
        },
        // A monorepo's package tag as changesets writes them: the ref holds '@' twice.
        'ref-with-at': {
            serverUrl: github,
            claims: {
                sub: 'repo:example/js-tools:ref:refs/tags/@example/cli@2.3.1',
                ref: 'refs/tags/@example/cli@2.3.1',
                ref_type: 'tag',
                ref_protected: 'false',
                sha: '356a192b7913b04c54574d18c28d46e6395428ab',
                repository: 'example/js-tools',
                repository_id: '100000003',
                repository_owner: 'example',
                repository_owner_id: '100000000',
                repository_visibility: 'public',
                run_id: '9000000304',
                run_number: '12',
                run_attempt: '1',
                actor: 'github-actions[bot]',
                actor_id: '41898282',
                workflow: 'publish',
                workflow_ref: 'example/js-tools/.github/workflows/publish.yml@refs/tags/@example/cli@2.3.1',
                workflow_sha: '356a192b7913b04c54574d18c28d46e6395428ab',
                job_workflow_ref: 'example/js-tools/.github/workflows/publish.yml@refs/tags/@example/cli@2.3.1',
                job_workflow_sha: '356a192b7913b04c54574d18c28d46e6395428ab',
                event_name: 'push',
                head_ref: '',
                base_ref: '',
                runner_environment: 'github-hosted',
            },
        },
        // A merge queue's temporary branch (event merge_group).
        'merge-queue': {
            serverUrl: github,
            claims: {
                sub: 'repo:example/nats-wasm:ref:refs/heads/gh-readonly-queue/main/pr-512-da4b9237bacccdf19c0760cab7aec4a8359010b0',
                ref: 'refs/heads/gh-readonly-queue/main/pr-512-da4b9237bacccdf19c0760cab7aec4a8359010b0',
                ref_type: 'branch',
                ref_protected: 'false',
                sha: '77de68daecd823babbb58edb1c8e14d7106e83bb',
                repository: 'example/nats-wasm',
                repository_id: '100000001',
                repository_owner: 'example',
                repository_owner_id: '100000000',
                repository_visibility: 'public',
                run_id: '9000000405',
                run_number: '903',
                run_attempt: '1',
                actor: 'octocat',
                actor_id: '583231',
                workflow: 'ci',
                workflow_ref: 'example/nats-wasm/.github/workflows/ci.yml@refs/heads/gh-readonly-queue/main/pr-512-da4b9237bacccdf19c0760cab7aec4a8359010b0',
                workflow_sha: '77de68daecd823babbb58edb1c8e14d7106e83bb',
                job_workflow_ref: 'example/nats-wasm/.github/workflows/ci.yml@refs/heads/gh-readonly-queue/main/pr-512-da4b9237bacccdf19c0760cab7aec4a8359010b0',
                job_workflow_sha: '77de68daecd823babbb58edb1c8e14d7106e83bb',
                event_name: 'merge_group',
                head_ref: '',
                base_ref: '',
                runner_environment: 'github-hosted',
            },
        },
        // GitHub Enterprise Cloud with a custom issuer: `iss` is `<issuer>/<enterprise-slug>`.
        'enterprise-issuer': {
            serverUrl: github,
            claims: {
                iss: `${issuer}/acme-corp`,
                sub: 'repo:acme-platform/build-tools:ref:refs/heads/main',
                ref: 'refs/heads/main',
                ref_type: 'branch',
                ref_protected: 'true',
                sha: '1b6453892473a467d07372d45eb05abc2031647a',
                repository: 'acme-platform/build-tools',
                repository_id: '100000004',
                repository_owner: 'acme-platform',
                repository_owner_id: '100000010',
                repository_visibility: 'internal',
                enterprise: 'acme-corp',
                enterprise_id: '5123',
                run_id: '9000000506',
                run_number: '88',
                run_attempt: '1',
                actor: 'acme-dev',
                actor_id: '2345678',
                workflow: 'release',
                workflow_ref: 'acme-platform/build-tools/.github/workflows/release.yml@refs/heads/main',
                workflow_sha: '1b6453892473a467d07372d45eb05abc2031647a',
                job_workflow_ref: 'acme-platform/build-tools/.github/workflows/release.yml@refs/heads/main',
                job_workflow_sha: '1b6453892473a467d07372d45eb05abc2031647a',
                event_name: 'workflow_dispatch',
                head_ref: '',
                base_ref: '',
                runner_environment: 'github-hosted',
            },
        },
        // GitHub Enterprise Cloud with data residency (a tenant on *.ghe.com).
        'ghe-com': {
            serverUrl: 'https://octo-tenant.ghe.com',
            claims: {
                sub: 'repo:payments/ledger:ref:refs/heads/main',
                ref: 'refs/heads/main',
                ref_type: 'branch',
                ref_protected: 'true',
                sha: 'ac3478d69a3c81fa62e60f5c3696165a4e5e6ac4',
                repository: 'payments/ledger',
                repository_id: '2001',
                repository_owner: 'payments',
                repository_owner_id: '1001',
                repository_visibility: 'private',
                enterprise: 'octo-tenant',
                enterprise_id: '1',
                run_id: '40001',
                run_number: '5',
                run_attempt: '1',
                actor: 'ledger-dev',
                actor_id: '301',
                workflow: 'release',
                workflow_ref: 'payments/ledger/.github/workflows/release.yml@refs/heads/main',
                workflow_sha: 'ac3478d69a3c81fa62e60f5c3696165a4e5e6ac4',
                job_workflow_ref: 'payments/ledger/.github/workflows/release.yml@refs/heads/main',
                job_workflow_sha: 'ac3478d69a3c81fa62e60f5c3696165a4e5e6ac4',
                event_name: 'push',
                head_ref: '',
                base_ref: '',
                runner_environment: 'github-hosted',
            },
        },
        // GitHub Enterprise Server: its own host, self-hosted runners.
        'enterprise-server': {
            serverUrl: 'https://github.corp.example',
            claims: {
                sub: 'repo:platform/api:ref:refs/tags/v3.0.0',
                ref: 'refs/tags/v3.0.0',
                ref_type: 'tag',
                ref_protected: 'false',
                sha: 'c1dfd96eea8cc2b62785275bca38ac261256e278',
                repository: 'platform/api',
                repository_id: '42',
                repository_owner: 'platform',
                repository_owner_id: '7',
                repository_visibility: 'internal',
                run_id: '1337',
                run_number: '9',
                run_attempt: '3',
                actor: 'deploy-bot',
                actor_id: '12',
                workflow: 'release',
                workflow_ref: 'platform/api/.github/workflows/release.yml@refs/tags/v3.0.0',
                workflow_sha: 'c1dfd96eea8cc2b62785275bca38ac261256e278',
                job_workflow_ref: 'platform/api/.github/workflows/release.yml@refs/tags/v3.0.0',
                job_workflow_sha: 'c1dfd96eea8cc2b62785275bca38ac261256e278',
                event_name: 'push',
                head_ref: '',
                base_ref: '',
                runner_environment: 'self-hosted',
            },
        },
    };
}
//# sourceMappingURL=claims.js.map
;// CONCATENATED MODULE: ./packages/dev-sigstore/dist/oidc.js




async function signingKey() {
    const { privateKey, publicKey } = await (0,generate_key_pair/* generateKeyPair */.T)('RS256', { modulusLength: 2048 });
    const jwk = { ...(await (0,key_export/* exportJWK */.JU)(publicKey)), kid: (0,external_node_crypto_.randomUUID)(), alg: 'RS256', use: 'sig' };
    return { privateKey, publicKey, jwk };
}
const ENTERPRISE_DOCUMENT = /^\/([^/]+)\/\.well-known\/(openid-configuration|jwks)$/;
/**
 * A GitHub-like OIDC issuer: RS256 keys, a JWKS, and tokens with GitHub-shaped claims. A token
 * whose `iss` is `<issuer>/<enterprise-slug>` is issued as GitHub Enterprise Cloud issues them
 * for an enterprise with a custom issuer: signed by that enterprise's own key, published with
 * its discovery document under `/<enterprise-slug>`. The base JWKS lists the enterprise keys too,
 * as GitHub's base keys verify enterprise tokens (@actions/attest checks every token against the
 * base issuer's JWKS).
 */
class DevIssuer {
    key;
    issuer;
    claims;
    lifetimeSeconds;
    enterpriseKeys = new Map();
    enterpriseJwks = new Map();
    constructor(key, issuer, claims, lifetimeSeconds) {
        this.key = key;
        this.issuer = issuer;
        this.claims = claims;
        this.lifetimeSeconds = lifetimeSeconds;
    }
    static async create(issuer, claims, lifetimeSeconds = 600) {
        return new DevIssuer(await signingKey(), issuer, claims, lifetimeSeconds);
    }
    /** The base key's public JWK. */
    get jwk() {
        return this.key.jwk;
    }
    /** Claims of the tokens minted from now on (merged over the defaults). */
    setClaims(claims) {
        this.claims = claims;
    }
    /** `overrides` on top of the set claims; what derives from them (sub, workflow_ref) follows. */
    currentClaims(audience, overrides = {}) {
        const given = { ...this.claims, ...overrides };
        return {
            ...defaultClaims(),
            ...derivedClaims(given),
            iss: this.issuer,
            aud: audience,
            ...given,
        };
    }
    /** The enterprise slug of `iss` when it is this issuer's enterprise form. */
    slugOf(iss) {
        if (typeof iss !== 'string' || iss === this.issuer)
            return undefined;
        return (0,dist.isGitHubActionsIssuer)(iss, this.issuer) ? iss.slice(this.issuer.length + 1) : undefined;
    }
    enterpriseKey(slug) {
        let key = this.enterpriseKeys.get(slug);
        if (!key) {
            key = signingKey().then((k) => {
                this.enterpriseJwks.set(slug, k.jwk);
                return k;
            });
            this.enterpriseKeys.set(slug, key);
        }
        return key;
    }
    /**
     * The key that signs (and verifies) tokens of `iss`: the enterprise's own for this issuer's
     * enterprise form, the base key for anything else (so tests can mint tokens that claim
     * another issuer).
     */
    keyFor(iss) {
        const slug = this.slugOf(iss);
        return slug === undefined ? Promise.resolve(this.key) : this.enterpriseKey(slug);
    }
    /** Mints a token as GitHub's ACTIONS_ID_TOKEN_REQUEST_URL endpoint does. */
    async mint(audience, overrides = {}) {
        const claims = this.currentClaims(audience, overrides);
        const key = await this.keyFor(claims.iss);
        const now = Math.floor(Date.now() / 1000);
        return new sign/* SignJWT */.P({ ...claims, jti: claims.jti ?? (0,external_node_crypto_.randomUUID)() })
            .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.jwk.kid })
            .setIssuedAt(now)
            .setNotBefore(now - 5)
            .setExpirationTime(now + this.lifetimeSeconds)
            .sign(key.privateKey);
    }
    /** Checks one of our own tokens, as Fulcio checks a token against its issuer's keys. */
    async verify(token, audience) {
        let iss;
        try {
            iss = (0,decode_jwt/* decodeJwt */.i)(token).iss;
        }
        catch {
            iss = undefined;
        }
        const key = await this.keyFor(iss);
        const { payload } = await (0,verify/* jwtVerify */.V)(token, key.publicKey, {
            audience,
            algorithms: ['RS256'],
            clockTolerance: 30,
        });
        return payload;
    }
    /** The base JWKS: the base key and every enterprise key issued so far. */
    jwks() {
        return { keys: [this.key.jwk, ...this.enterpriseJwks.values()] };
    }
    /**
     * The discovery document or the JWKS of an enterprise form, for a GET of
     * `/<slug>/.well-known/openid-configuration` or `/<slug>/.well-known/jwks` below the issuer's
     * URL (`servedAt`); undefined for any other path or a slug GitHub would not issue.
     */
    async enterpriseDocument(path, servedAt) {
        const match = ENTERPRISE_DOCUMENT.exec(path);
        if (!match)
            return undefined;
        const [, slug, document] = match;
        if (this.slugOf(`${this.issuer}/${slug}`) !== slug)
            return undefined;
        const key = await this.enterpriseKey(slug);
        if (document === 'jwks')
            return { keys: [key.jwk] };
        return {
            ...this.discovery(),
            issuer: `${this.issuer}/${slug}`,
            jwks_uri: `${servedAt}/${slug}/.well-known/jwks`,
        };
    }
    discovery() {
        return {
            issuer: this.issuer,
            jwks_uri: `${this.issuer}/.well-known/jwks`,
            subject_types_supported: ['public', 'pairwise'],
            response_types_supported: ['id_token'],
            claims_supported: [
                'sub',
                'aud',
                'exp',
                'iat',
                'iss',
                'jti',
                'nbf',
                'ref',
                'sha',
                'repository',
                'repository_id',
                'repository_owner',
                'repository_owner_id',
                'run_id',
                'run_number',
                'run_attempt',
                'actor',
                'actor_id',
                'workflow',
                'workflow_ref',
                'workflow_sha',
                'job_workflow_ref',
                'job_workflow_sha',
                'event_name',
                'head_ref',
                'base_ref',
                'ref_type',
                'ref_protected',
                'environment',
                'repository_visibility',
                'runner_environment',
                'enterprise',
                'enterprise_id',
            ],
            id_token_signing_alg_values_supported: ['RS256'],
            scopes_supported: ['openid'],
        };
    }
}
//# sourceMappingURL=oidc.js.map
;// CONCATENATED MODULE: ./packages/dev-sigstore/dist/rekor.js


/**
 * A proposed entry the real Rekor would refuse: the message is what the client is told (HTTP 400).
 * Internal to the local Rekor: it never leaves the server.
 */
class ProposedEntryError extends dist.BaseError {
    constructor(message) {
        super({ code: 'ENTRY_REFUSED', message });
    }
}
const MAX_VERIFIER_BYTES = 256 * 1024;
const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// The DSSE payload and signatures may be standard or URL-safe base64, padded or not, as the Go
// DSSE library decodes them.
const DSSE_BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;
function sha256Hex(data) {
    return (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
}
function record(value, what) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new ProposedEntryError(`${what} must be an object`);
    }
    return value;
}
function rekor_text(value, what) {
    if (typeof value !== 'string' || value === '') {
        throw new ProposedEntryError(`${what} must be a non-empty string`);
    }
    return value;
}
/** Go's strfmt.Base64 (a JSON string of standard base64) decoded. */
function strictBase64(value, what) {
    const s = rekor_text(value, what);
    if (!STANDARD_BASE64.test(s))
        throw new ProposedEntryError(`${what} is not base64`);
    return Buffer.from(s, 'base64');
}
function dsseBase64(value, what) {
    if (!DSSE_BASE64.test(value))
        throw new ProposedEntryError(`${what} is not base64`);
    return Buffer.from(value, 'base64');
}
/**
 * A verifier as Rekor's x509 PublicKey reads it: a PEM certificate, a PEM public key, or a chain
 * of PEM certificates. `canonical` is the PEM Rekor re-encodes it to (what it stores).
 */
function parseVerifier(pem, what) {
    // A certificate chain is a few kilobytes: a cap keeps the PEM scan below cheap.
    if (pem.length > MAX_VERIFIER_BYTES) {
        throw new ProposedEntryError(`${what}: over ${MAX_VERIFIER_BYTES} bytes`);
    }
    const blocks = [
        ...pem
            .toString('utf8')
            .matchAll(/-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g),
    ];
    if (blocks.length === 0)
        throw new ProposedEntryError(`${what}: failure decoding PEM`);
    try {
        if (blocks.length === 1 && blocks[0][1] === 'PUBLIC KEY') {
            const key = (0,external_node_crypto_.createPublicKey)(blocks[0][0]);
            return { key, canonical: key.export({ format: 'pem', type: 'spki' }).toString() };
        }
        if (blocks.some((b) => b[1] !== 'CERTIFICATE')) {
            throw new ProposedEntryError(`${what}: cannot handle PEM type ${blocks[0][1]}`);
        }
        const certs = blocks.map((b) => new external_node_crypto_.X509Certificate(b[0]));
        return { key: certs[0].publicKey, canonical: certs.map((c) => c.toString()).join('') };
    }
    catch (err) {
        if (err instanceof ProposedEntryError)
            throw err;
        throw new ProposedEntryError(`${what}: not a valid key or certificate: ${err.message}`);
    }
}
/** Rekor's signature verifiers: ECDSA and RSA (PKCS#1 v1.5) over SHA-256, Ed25519 pure. */
function verifies(key, data, signature) {
    try {
        return (0,external_node_crypto_.verify)(key.asymmetricKeyType === 'ed25519' ? null : 'sha256', data, key, signature);
    }
    catch {
        return false;
    }
}
/**
 * Rekor's verifyEnvelope: each key tried must verify at least one signature of the envelope (over
 * its pre-authentication encoding), and every signature must be verified by some key. The dsse
 * type stops trying keys once every signature is verified; the intoto type tries them all.
 * Returns, for each signature (as the envelope spells it), the key that verified it.
 */
function verifyEnvelope(payloadType, payload, signatures, keys, stopWhenAllVerified) {
    const pae = (0,dist.preAuthEncoding)(payloadType, payload);
    const bySignature = new Map();
    for (const [i, verifier] of keys.entries()) {
        if (stopWhenAllVerified && signatures.every((sig) => bySignature.has(sig)))
            break;
        let accepted = 0;
        for (const sig of signatures) {
            if (verifies(verifier.key, pae, dsseBase64(sig, 'a signature'))) {
                bySignature.set(sig, verifier);
                accepted++;
            }
        }
        if (accepted === 0) {
            throw new ProposedEntryError(`could not verify envelope: no signature verifies with verifier ${i}`);
        }
    }
    if (signatures.some((sig) => !bySignature.has(sig))) {
        throw new ProposedEntryError('all signatures must have a key that verifies it');
    }
    return bySignature;
}
function envelopeSignatures(value, what) {
    if (!Array.isArray(value) || value.length === 0) {
        throw new ProposedEntryError(`${what} must contain 1 or more signatures`);
    }
    return value.map((s, i) => {
        const signature = record(s, `${what}[${i}]`);
        const keyid = signature.keyid;
        if (keyid !== undefined && typeof keyid !== 'string') {
            throw new ProposedEntryError(`${what}[${i}].keyid must be a string`);
        }
        return { ...(keyid ? { keyid } : {}), sig: rekor_text(signature.sig, `${what}[${i}].sig`) };
    });
}
/**
 * A proposed `dsse` v0.0.1 entry as Rekor stores it: the envelope is verified with the given
 * verifiers and then dropped; what remains is the SHA-256 of the envelope (as sent), of its
 * payload, and its signatures each with the canonical PEM of the verifier that checked it,
 * ordered by signature.
 */
function storedDsseEntry(spec) {
    if (spec.envelopeHash !== undefined || spec.payloadHash !== undefined || spec.signatures) {
        throw new ProposedEntryError('either proposedContent or envelopeHash, payloadHash, and signatures must be present but not both');
    }
    const proposed = record(spec.proposedContent, 'spec.proposedContent');
    const envelopeText = rekor_text(proposed.envelope, 'spec.proposedContent.envelope');
    const verifierList = proposed.verifiers;
    if (!Array.isArray(verifierList) || verifierList.length === 0) {
        throw new ProposedEntryError('spec.proposedContent.verifiers must list 1 or more verifiers');
    }
    let envelope;
    try {
        envelope = record(JSON.parse(envelopeText), 'the envelope');
    }
    catch (err) {
        if (err instanceof ProposedEntryError)
            throw err;
        throw new ProposedEntryError('spec.proposedContent.envelope is not JSON');
    }
    for (const field of ['payload', 'payloadType']) {
        if (envelope[field] !== undefined && typeof envelope[field] !== 'string') {
            throw new ProposedEntryError(`the envelope's ${field} must be a string`);
        }
    }
    const payloadType = envelope.payloadType ?? '';
    const payload = dsseBase64(envelope.payload ?? '', 'the envelope payload');
    const signatures = envelopeSignatures(envelope.signatures, 'the envelope signatures');
    const keys = verifierList.map((v, i) => parseVerifier(strictBase64(v, `spec.proposedContent.verifiers[${i}]`), `verifier ${i}`));
    const bySignature = verifyEnvelope(payloadType, payload, signatures.map((s) => s.sig), keys, true);
    const sorted = [...bySignature.keys()].sort();
    return {
        apiVersion: '0.0.1',
        kind: 'dsse',
        spec: {
            envelopeHash: { algorithm: 'sha256', value: sha256Hex(envelopeText) },
            payloadHash: { algorithm: 'sha256', value: sha256Hex(payload) },
            signatures: sorted.map((signature) => ({
                signature,
                verifier: Buffer.from(bySignature.get(signature).canonical).toString('base64'),
            })),
        },
    };
}
/**
 * A proposed `intoto` v0.0.2 entry as Rekor stores it: the envelope (payload and signatures
 * doubly base64-encoded, each signature with its public key) is verified; the payload is
 * dropped and its SHA-256 computed; the signatures and the client's envelope hash are kept.
 */
function storedIntotoEntry(spec) {
    const content = record(spec.content, 'spec.content');
    const envelope = record(content.envelope, 'spec.content.envelope');
    const payloadType = rekor_text(envelope.payloadType, 'spec.content.envelope.payloadType');
    const payloadText = strictBase64(envelope.payload, 'spec.content.envelope.payload').toString('utf8');
    const payload = dsseBase64(payloadText, 'the envelope payload');
    const hash = record(content.hash, 'spec.content.hash (the envelope digest)');
    if (hash.algorithm !== 'sha256' || typeof hash.value !== 'string') {
        throw new ProposedEntryError('spec.content.hash must be {"algorithm":"sha256","value":"..."}');
    }
    const list = envelope.signatures;
    if (!Array.isArray(list) || list.length === 0) {
        throw new ProposedEntryError('spec.content.envelope.signatures: missing signatures content');
    }
    const signatures = list.map((s, i) => {
        const what = `spec.content.envelope.signatures[${i}]`;
        const signature = record(s, what);
        if (signature.keyid !== undefined && typeof signature.keyid !== 'string') {
            throw new ProposedEntryError(`${what}.keyid must be a string`);
        }
        const sig = strictBase64(signature.sig, `${what}.sig`);
        const publicKey = strictBase64(signature.publicKey, `${what}.publicKey`);
        return {
            keyid: signature.keyid ?? '',
            sig,
            publicKey,
            verifier: parseVerifier(publicKey, `${what}.publicKey`),
        };
    });
    verifyEnvelope(payloadType, payload, signatures.map((s) => s.sig.toString('utf8')), signatures.map((s) => s.verifier), false);
    return {
        apiVersion: '0.0.2',
        kind: 'intoto',
        spec: {
            content: {
                envelope: {
                    payloadType,
                    signatures: signatures.map((s) => ({
                        ...(s.keyid ? { keyid: s.keyid } : {}),
                        sig: s.sig.toString('base64'),
                        publicKey: s.publicKey.toString('base64'),
                    })),
                },
                hash: { algorithm: 'sha256', value: hash.value },
                payloadHash: { algorithm: 'sha256', value: sha256Hex(payload) },
            },
        },
    };
}
/**
 * The entry Rekor writes to its log for a proposed entry. `dsse` v0.0.1 and `intoto` v0.0.2 are
 * verified and reduced to what the real Rekor stores; `hashedrekord` v0.0.1 as @sigstore/sign
 * proposes it is already in its stored form and is kept; anything else is refused.
 */
function storedEntry(proposed) {
    const entry = record(proposed, 'the proposed entry');
    const spec = record(entry.spec, 'spec');
    const kind = `${String(entry.kind)}/${String(entry.apiVersion)}`;
    switch (kind) {
        case 'dsse/0.0.1':
            return storedDsseEntry(spec);
        case 'intoto/0.0.2':
            return storedIntotoEntry(spec);
        case 'hashedrekord/0.0.1':
            return entry;
        default:
            throw new ProposedEntryError(`unsupported entry kind/apiVersion ${kind}`);
    }
}
/**
 * Rekor's `POST /api/v1/log/entries` over @sigstore/mock's log: the entry is reduced to its
 * stored form before the log signs it, so the body, the SET, the inclusion proof and the
 * checkpoint all cover what is stored. The response is keyed, as Rekor's, by the entry's UUID:
 * the log's tree ID (16 hex digits) and the Merkle leaf hash of the body.
 */
function devRekorHandler(tlog) {
    return async (request) => {
        let stored;
        try {
            stored = storedEntry(JSON.parse(request));
        }
        catch (err) {
            const message = err instanceof ProposedEntryError ? err.message : 'the request body is not JSON';
            return {
                statusCode: 400,
                response: JSON.stringify({ code: 400, message }),
                contentType: 'application/json',
            };
        }
        const logged = (await tlog.log(stored));
        const entry = Object.values(logged)[0];
        const leaf = (0,external_node_crypto_.createHash)('sha256')
            .update(Buffer.from([0]))
            .update(Buffer.from(entry.body, 'base64'))
            .digest('hex');
        // The checkpoint's origin line is "<host> - <tree ID>".
        const origin = entry.verification?.inclusionProof?.checkpoint?.split('\n', 1)[0] ?? '';
        const treeID = BigInt(/ - (\d+)$/.exec(origin)?.[1] ?? '0');
        return {
            statusCode: 201,
            response: JSON.stringify({ [`${treeID.toString(16).padStart(16, '0')}${leaf}`]: entry }),
            contentType: 'application/json',
        };
    };
}
//# sourceMappingURL=rekor.js.map
// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/index.js
var protobuf_specs_dist = __webpack_require__(19654);
;// CONCATENATED MODULE: ./packages/dev-sigstore/dist/trusted-root.js


const MEDIA_TYPE = 'application/vnd.dev.sigstore.trustedroot+json;version=0.1';
const OPERATOR = 'build-artifact dev-sigstore (local, not trusted by default)';
function bytes(view) {
    return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}
/** The protobuf-specs TrustedRoot (as JSON) for a dev instance's CA, CT log, Rekor and TSA keys. */
function buildTrustedRoot(parts) {
    const validFor = { start: parts.validFrom, end: undefined };
    const root = {
        mediaType: MEDIA_TYPE,
        tlogs: [
            {
                baseUrl: parts.rekorURL,
                hashAlgorithm: protobuf_specs_dist.HashAlgorithm.SHA2_256,
                publicKey: {
                    rawBytes: parts.tlog.publicKey,
                    keyDetails: protobuf_specs_dist.PublicKeyDetails.PKIX_ECDSA_P256_SHA_256,
                    validFor,
                },
                logId: { keyId: (0,external_node_crypto_.createHash)('sha256').update(parts.tlog.publicKey).digest() },
                checkpointKeyId: undefined,
                operator: OPERATOR,
            },
        ],
        certificateAuthorities: [
            {
                subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
                uri: parts.fulcioURL,
                certChain: { certificates: [{ rawBytes: bytes(parts.ca.rootCertificate) }] },
                validFor,
                operator: OPERATOR,
            },
        ],
        ctlogs: [
            {
                baseUrl: `${parts.fulcioURL}/ct`,
                hashAlgorithm: protobuf_specs_dist.HashAlgorithm.SHA2_256,
                publicKey: {
                    rawBytes: parts.ctlog.publicKey,
                    keyDetails: protobuf_specs_dist.PublicKeyDetails.PKIX_ECDSA_P256_SHA_256,
                    validFor,
                },
                logId: { keyId: bytes(parts.ctlog.logID) },
                checkpointKeyId: undefined,
                operator: OPERATOR,
            },
        ],
        timestampAuthorities: [
            {
                subject: { organization: 'sigstore.mock', commonName: 'tsa' },
                uri: parts.tsaURL,
                certChain: {
                    certificates: [
                        { rawBytes: bytes(parts.tsa.intCertificate) },
                        { rawBytes: bytes(parts.tsa.rootCertificate) },
                    ],
                },
                validFor,
                operator: OPERATOR,
            },
        ],
    };
    return protobuf_specs_dist.TrustedRoot.toJSON(root);
}
//# sourceMappingURL=trusted-root.js.map
;// CONCATENATED MODULE: ./packages/dev-sigstore/dist/server.js











const MAX_BODY = 64 * 1024 * 1024;
function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let size = 0;
        req.on('data', (c) => {
            size += c.length;
            if (size > MAX_BODY) {
                reject(new Error('request body too large'));
                req.destroy();
            }
            else
                chunks.push(c);
        });
        req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        req.on('error', reject);
    });
}
function send(res, status, body, type = 'application/json') {
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
}
function json(res, status, value) {
    send(res, status, JSON.stringify(value));
}
function pem(der) {
    const b64 = Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
    return `-----BEGIN CERTIFICATE-----\n${b64.replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
}
/**
 * Starts a local Sigstore on 127.0.0.1: Fulcio, Rekor and a timestamp authority made of
 * @sigstore/mock's handlers behind one real HTTP server, and a GitHub-like OIDC issuer. Its
 * trusted root is its own; nothing trusts it unless given that file explicitly.
 */
async function startDevSigstore(options = {}) {
    const port = options.port ?? 0;
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new DevSigstoreError({
            code: 'INVALID_OPTIONS',
            message: `invalid port ${options.port}`,
        });
    }
    let route = async (_req, res) => send(res, 503, 'starting', 'text/plain');
    const server = (0,external_node_http_.createServer)((req, res) => {
        route(req, res).catch((err) => {
            if (!res.headersSent)
                send(res, 500, err.message, 'text/plain');
            else
                res.destroy();
        });
    });
    await new Promise((resolve, reject) => {
        server.once('error', (err) => reject(new DevSigstoreError({
            code: 'START_FAILED',
            message: `cannot listen on 127.0.0.1:${port}: ${err.message}`,
            cause: err,
        })));
        server.listen(port, '127.0.0.1', () => resolve());
    });
    try {
        const base = `http://127.0.0.1:${server.address().port}`;
        const fulcioURL = `${base}/fulcio`;
        const rekorURL = `${base}/rekor`;
        const tsaURL = `${base}/tsa/api/v1/timestamp`;
        const issuerURL = `${base}/oidc`;
        const issuer = await DevIssuer.create(options.issuer ?? issuerURL, options.claims ?? {}, options.tokenLifetime);
        const requestToken = (0,external_node_crypto_.randomBytes)(24).toString('base64url');
        // One clock for all three services. The mock dates its CA and TSA certificates with the real
        // time at creation, so the shared instant is set once they exist: every certificate, log entry
        // and timestamp then falls inside the validity of the roots. Fixed, it keeps a long-running
        // instance consistent (leaf certificates live 10 minutes from this instant). It is a whole
        // second: asn1js writes a GeneralizedTime with milliseconds like 250 as ".25", which
        // @sigstore/core's parser (exactly three digits) rejects.
        const clock = new Date(0);
        const ec = () => (0,external_node_crypto_.generateKeyPairSync)('ec', { namedCurve: 'prime256v1' });
        const ctlog = await (0,dist_fulcio/* initializeCTLog */.aR)(ec(), clock);
        const ca = await (0,dist_fulcio/* initializeCA */.vk)(ec(), ctlog, clock);
        const tlog = await (0,dist_rekor/* initializeTLog */.Lb)(rekorURL, ec(), clock);
        const tsa = await (0,dist_timestamp/* initializeTSA */.LD)(ec(), clock);
        const validFrom = new Date(Math.floor(Date.now() / 1000) * 1000 - 1000);
        clock.setTime(Math.floor(Date.now() / 1000) * 1000);
        const trustedRoot = buildTrustedRoot({
            ca,
            ctlog,
            tlog,
            tsa,
            fulcioURL,
            rekorURL,
            tsaURL,
            validFrom,
        });
        const fulcio = devFulcioHandler(ca, issuer);
        // Rekor stores entries as the real one does (rekor.ts), not verbatim as the mock's handler.
        const rekor = devRekorHandler(tlog);
        const timestamp = (0,dist_timestamp/* tsaHandler */.xS)(tsa).fn;
        const failures = {
            fulcio: { count: 0, status: 503 },
            rekor: { count: 0, status: 503 },
            tsa: { count: 0, status: 503 },
            oidc: { count: 0, status: 503 },
        };
        const counts = { fulcio: 0, rekor: 0, tsa: 0, oidc: 0 };
        const handle = async (res, fn, body) => {
            const out = await fn(body);
            send(res, out.statusCode, out.response, out.contentType ?? 'text/plain');
        };
        route = async (req, res) => {
            const url = new URL(req.url ?? '/', base);
            const path = url.pathname;
            const service = path.startsWith('/fulcio/')
                ? 'fulcio'
                : path.startsWith('/rekor/')
                    ? 'rekor'
                    : path.startsWith('/tsa/')
                        ? 'tsa'
                        : path.startsWith('/oidc/')
                            ? 'oidc'
                            : undefined;
            if (service) {
                counts[service]++;
                const f = failures[service];
                if (f.count > 0) {
                    f.count--;
                    await readBody(req).catch(() => '');
                    return json(res, f.status, {
                        code: f.status,
                        message: `${service} is unavailable (injected failure)`,
                    });
                }
            }
            const key = `${req.method} ${path}`;
            switch (key) {
                case 'POST /fulcio/api/v2/signingCert':
                    return handle(res, fulcio, await readBody(req));
                case 'GET /fulcio/api/v2/trustBundle':
                    return json(res, 200, { chains: [{ certificates: [pem(ca.rootCertificate)] }] });
                case 'POST /rekor/api/v1/log/entries':
                    return handle(res, rekor, await readBody(req));
                case 'GET /rekor/api/v1/log/publicKey':
                    return send(res, 200, `-----BEGIN PUBLIC KEY-----\n${tlog.publicKey.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END PUBLIC KEY-----\n`, 'application/x-pem-file');
                case 'POST /tsa/api/v1/timestamp':
                    return handle(res, timestamp, await readBody(req));
                case 'GET /tsa/api/v1/timestamp/certchain':
                    return send(res, 200, pem(tsa.intCertificate) + pem(tsa.rootCertificate), 'application/pem-certificate-chain');
                case 'GET /oidc/.well-known/openid-configuration':
                    return json(res, 200, {
                        ...issuer.discovery(),
                        jwks_uri: `${issuerURL}/.well-known/jwks`,
                    });
                case 'GET /oidc/.well-known/jwks':
                    return json(res, 200, issuer.jwks());
                case 'GET /oidc/token': {
                    // GitHub's endpoint: Bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN, `audience` query parameter.
                    if (req.headers.authorization !== `Bearer ${requestToken}`) {
                        return json(res, 401, { message: 'Bad credentials' });
                    }
                    const audience = url.searchParams.get('audience') ?? base;
                    return json(res, 200, { count: 1, value: await issuer.mint(audience) });
                }
                case 'GET /trusted_root.json':
                    return json(res, 200, trustedRoot);
                default: {
                    // An enterprise form of the issuer: /oidc/<slug>/.well-known/{openid-configuration,jwks}.
                    const enterpriseDocument = req.method === 'GET' && service === 'oidc'
                        ? await issuer.enterpriseDocument(path.slice('/oidc'.length), issuerURL)
                        : undefined;
                    if (enterpriseDocument)
                        return json(res, 200, enterpriseDocument);
                    return json(res, 404, { message: `no route for ${key}` });
                }
            }
        };
        const requestURL = `${issuerURL}/token?api-version=2.0`;
        return {
            fulcioURL,
            rekorURL,
            tsaURL,
            oidc: {
                requestURL,
                requestToken,
                issuer: issuer.issuer,
                issuerURL,
                jwksURL: `${issuerURL}/.well-known/jwks`,
            },
            trustedRoot,
            clock,
            writeTrustedRoot: (path) => (0,dist.writeFileAtomic)(path, `${JSON.stringify(trustedRoot, null, 2)}\n`),
            env: () => ({
                ACTIONS_ID_TOKEN_REQUEST_URL: requestURL,
                ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken,
                ATTEST_FULCIO_URL: fulcioURL,
                ATTEST_REKOR_URL: rekorURL,
                ATTEST_TSA_URL: tsaURL,
                ATTEST_OIDC_ISSUER: issuer.issuer,
            }),
            mintToken: (audience, claims) => issuer.mint(audience, claims),
            setClaims: (claims) => issuer.setClaims(claims),
            injectFailures(service, count, status = 503) {
                failures[service] = { count, status };
            },
            requestCounts: () => ({ ...counts }),
            close: () => new Promise((resolve) => {
                server.close(() => resolve());
                server.closeAllConnections();
            }),
        };
    }
    catch (err) {
        server.close();
        throw err;
    }
}
//# sourceMappingURL=server.js.map
;// CONCATENATED MODULE: ./packages/dev-sigstore/dist/index.js



//# sourceMappingURL=index.js.map

/***/ })

};
