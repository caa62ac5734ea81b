export const id = 648;
export const ids = [648];
export const modules = {

/***/ 71845:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "a15867d24f7344b9432b.json";

/***/ }),

/***/ 64648:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  EVIDENCE_SUFFIXES: () => (/* reexport */ EVIDENCE_SUFFIXES),
  GITHUB_TUF_URL: () => (/* reexport */ GITHUB_TUF_URL),
  MAX_EVIDENCE_FILE_BYTES: () => (/* reexport */ MAX_EVIDENCE_FILE_BYTES),
  MAX_POLICY_FILE_BYTES: () => (/* reexport */ MAX_POLICY_FILE_BYTES),
  POLICY_KEYS: () => (/* reexport */ POLICY_KEYS),
  PUBLIC_GOOD_TUF_URL: () => (/* reexport */ PUBLIC_GOOD_TUF_URL),
  SBOM_VERIFIED_LEVEL: () => (/* reexport */ SBOM_VERIFIED_LEVEL),
  STAGE_ORDER: () => (/* reexport */ STAGE_ORDER),
  TOOL_NAME: () => (/* reexport */ TOOL_NAME),
  VERSION: () => (/* reexport */ VERSION),
  VSA_FIELDS: () => (/* reexport */ VSA_FIELDS),
  VSA_SLSA_VERSION: () => (/* reexport */ VSA_SLSA_VERSION),
  VerifyError: () => (/* reexport */ VerifyError),
  asksAboutProvenance: () => (/* reexport */ asksAboutProvenance),
  buildLevelName: () => (/* reexport */ buildLevelName),
  buildLevelOf: () => (/* reexport */ buildLevelOf),
  canonicalPolicy: () => (/* reexport */ canonicalPolicy),
  certificateIdentity: () => (/* reexport */ certificateIdentity),
  createVerificationCache: () => (/* reexport */ createVerificationCache),
  crossCheck: () => (/* reexport */ crossCheck),
  dependencyLevelsOf: () => (/* reexport */ dependencyLevelsOf),
  evidenceDigest: () => (/* reexport */ evidenceDigest),
  evidenceFor: () => (/* reexport */ evidenceFor),
  findEvidenceFiles: () => (/* reexport */ findEvidenceFiles),
  inspectEvidence: () => (/* reexport */ inspectEvidence),
  loadTrustedRoot: () => (/* reexport */ loadTrustedRoot),
  mergePolicySettings: () => (/* reexport */ mergePolicySettings),
  parseDuration: () => (/* reexport */ parseDuration),
  parseEvidence: () => (/* reexport */ parseEvidence),
  parsePolicy: () => (/* reexport */ parsePolicy),
  parseTrustedRoots: () => (/* reexport */ parseTrustedRoots),
  policyDigest: () => (/* reexport */ policyDigest),
  policySettingsOf: () => (/* reexport */ policySettingsOf),
  publicGoodTrustedRootJSON: () => (/* reexport */ publicGoodTrustedRootJSON),
  readEvidence: () => (/* reexport */ readEvidence),
  readPolicyFile: () => (/* reexport */ readPolicyFile),
  readSummary: () => (/* reexport */ readSummary),
  slsaLevel: () => (/* reexport */ slsaLevel),
  validatePolicy: () => (/* reexport */ validatePolicy),
  validateSummaryPolicy: () => (/* reexport */ validateSummaryPolicy),
  verifiedLevelsOf: () => (/* reexport */ verifiedLevelsOf),
  verifyArtifact: () => (/* reexport */ verifyArtifact),
  verifyPolicyOf: () => (/* reexport */ verifyPolicyOf),
  verifySummary: () => (/* reexport */ verifySummary)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/@sigstore/core/dist/index.js
var dist = __webpack_require__(83917);
// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/index.js
var protobuf_specs_dist = __webpack_require__(19654);
// EXTERNAL MODULE: ./node_modules/@sigstore/verify/dist/index.js
var verify_dist = __webpack_require__(54187);
// EXTERNAL MODULE: ./packages/core/dist/index.js + 18 modules
var core_dist = __webpack_require__(23135);
;// CONCATENATED MODULE: ./packages/verify/dist/certificate.js


const OID = '1.3.6.1.4.1.57264.1.';
// .8 onwards: DER-encoded UTF8String inside the extension value.
const DER_FIELDS = [
    [8, 'issuer'],
    [9, 'buildSignerURI'],
    [10, 'buildSignerDigest'],
    [11, 'runnerEnvironment'],
    [12, 'sourceRepositoryURI'],
    [13, 'sourceRepositoryDigest'],
    [14, 'sourceRepositoryRef'],
    [15, 'sourceRepositoryIdentifier'],
    [16, 'sourceRepositoryOwnerURI'],
    [17, 'sourceRepositoryOwnerIdentifier'],
    [18, 'buildConfigURI'],
    [19, 'buildConfigDigest'],
    [20, 'buildTrigger'],
    [21, 'runInvocationURI'],
    [22, 'sourceRepositoryVisibilityAtSigning'],
];
const UTF8_STRING = 0x0c;
function derString(cert, oid) {
    const ext = cert.extension(oid);
    if (!ext)
        return undefined;
    const inner = dist.ASN1Obj.parseBuffer(Buffer.from(ext.value));
    if (!inner.tag.isUniversal() || inner.tag.number !== UTF8_STRING || inner.tag.constructed) {
        throw new Error(`certificate extension ${oid} is not a UTF8String`);
    }
    return inner.value.toString('utf8');
}
function rawString(cert, oid) {
    const ext = cert.extension(oid);
    return ext ? Buffer.from(ext.value).toString('utf8') : undefined;
}
/**
 * Reads the identity from a Fulcio certificate: the SAN and the 57264.1 extensions, new
 * (.8-.22) and deprecated (.1-.6). Where only the deprecated ones exist (certificates issued
 * before Fulcio added .8+), the equivalent fields are derived from them.
 */
function certificateIdentity(cert) {
    const id = { deprecatedExtensions: [] };
    const san = cert.extSubjectAltName;
    id.subjectAlternativeName = san?.uri ?? san?.rfc822Name;
    for (const [n, field] of DER_FIELDS) {
        const value = derString(cert, OID + n);
        if (value !== undefined)
            id[field] = value;
    }
    const legacy = (n, field, map = (v) => v) => {
        const value = rawString(cert, OID + n);
        if (value === undefined)
            return;
        if (n === 4)
            id.workflowName = value;
        if (id[field] !== undefined || value === '')
            return;
        id[field] = map(value);
        id.deprecatedExtensions.push(field);
    };
    legacy(1, 'issuer');
    legacy(2, 'buildTrigger');
    legacy(3, 'sourceRepositoryDigest');
    legacy(4, 'workflowName');
    // The deprecated repository extension is `owner/repo`; GitHub is the only issuer that set it.
    if (id.issuer === core_dist.GITHUB_ACTIONS_ISSUER) {
        legacy(5, 'sourceRepositoryURI', (v) => `https://github.com/${v}`);
        if (id.buildSignerURI === undefined && id.subjectAlternativeName?.startsWith('https://')) {
            id.buildSignerURI = id.subjectAlternativeName;
            id.deprecatedExtensions.push('buildSignerURI');
        }
    }
    legacy(6, 'sourceRepositoryRef');
    return id;
}
//# sourceMappingURL=certificate.js.map
// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var bundle_dist = __webpack_require__(61040);
;// CONCATENATED MODULE: ./packages/verify/dist/stage.js
const STAGE_ORDER = [
    'parse',
    'crypto',
    'statement',
    'identity',
    'cross-check',
    'level',
    'sbom',
    // A verification summary's own fields, after its bundle passed the stages above.
    'summary',
];
const pass = (facts) => ({ ok: true, facts });
const fail = (stage, reason, message, facts) => ({
    ok: false,
    failure: { reason, message, stage },
    ...(facts !== undefined ? { facts } : {}),
});
//# sourceMappingURL=stage.js.map
;// CONCATENATED MODULE: ./packages/verify/dist/parse.js



/**
 * The bundle media types of the Sigstore client spec. `@sigstore/bundle` accepts any
 * `v<digit>.<digit>` and any trailing parameters: a version we do not know may mean something
 * we do not check, so only these are read.
 */
const KNOWN_MEDIA_TYPES = new Set([
    core_dist.MediaType.SIGSTORE_BUNDLE_V01,
    core_dist.MediaType.SIGSTORE_BUNDLE_V02,
    bundle_dist.BUNDLE_V03_LEGACY_MEDIA_TYPE,
    core_dist.MediaType.SIGSTORE_BUNDLE_V03,
]);
/** A real bundle nests a handful of levels; anything deeper is refused before it is walked. */
const MAX_BUNDLE_DEPTH = 32;
function depthExceeds(value, max) {
    const todo = [[value, 0]];
    while (todo.length > 0) {
        const [v, depth] = todo.pop();
        if (typeof v !== 'object' || v === null)
            continue;
        if (depth >= max)
            return true;
        for (const child of Object.values(v))
            todo.push([child, depth + 1]);
    }
    return false;
}
const isStatementShaped = (json) => typeof json === 'object' && json !== null && '_type' in json && 'subject' in json;
/** A value from evidence, quoted for a message: escaped, and cut short. */
const quote = (value, max = 120) => {
    const s = JSON.stringify(value) ?? String(value);
    return s.length > max ? `${s.slice(0, max)}…` : s;
};
/** Stage 1: what the evidence is (an unsigned statement, or a bundle of a known media type). */
function parseStage(evidence) {
    const json = evidence.json;
    if (isStatementShaped(json))
        return pass({ kind: 'statement', json });
    if (depthExceeds(json, MAX_BUNDLE_DEPTH))
        return fail('parse', 'BUNDLE_INVALID', `not a Sigstore bundle: nested deeper than ${MAX_BUNDLE_DEPTH} levels`);
    const mediaType = json?.mediaType;
    if (typeof mediaType === 'string' && !KNOWN_MEDIA_TYPES.has(mediaType))
        return fail('parse', 'BUNDLE_INVALID', `unknown bundle media type ${quote(mediaType)}: known are ${[...KNOWN_MEDIA_TYPES].join(', ')}`);
    let bundle;
    try {
        bundle = (0,bundle_dist.bundleFromJSON)(json);
    }
    catch (err) {
        return fail('parse', 'BUNDLE_INVALID', `not a valid Sigstore bundle: ${err.message}`);
    }
    return pass({
        kind: 'bundle',
        bundle,
        summary: {
            mediaType: bundle.mediaType,
            content: bundle.content.$case,
            signedWith: bundle.verificationMaterial.content.$case === 'publicKey' ? 'key' : 'certificate',
        },
    });
}
//# sourceMappingURL=parse.js.map
;// CONCATENATED MODULE: ./packages/verify/dist/prehashed.js
/**
 * Loads the curve arithmetic (only a digest-only message signature needs it, so `attest verify`
 * does not pay for it otherwise) and returns `verifyPrehashed`.
 */
async function prehashVerifier() {
    const { p256, p384, p521 } = await __webpack_require__.e(/* import() */ 260).then(__webpack_require__.bind(__webpack_require__, 90879));
    const curves = { prime256v1: p256, secp384r1: p384, secp521r1: p521 };
    return (key, digest, signature) => verifyPrehashed(curves, key, digest, signature);
}
/**
 * Verifies an ECDSA signature over a digest the caller already has (the artifact was given as
 * `sha256:<hex>`, not as a file). node:crypto only verifies over the message, hashing it itself,
 * so the curve arithmetic is noble's. Other key types (Ed25519 signs the message, not a digest;
 * RSA) cannot be checked from a digest: the caller is told to give the file.
 */
function verifyPrehashed(curves, key, digest, signature) {
    const curve = key.asymmetricKeyDetails?.namedCurve;
    const ecdsa = key.asymmetricKeyType === 'ec' && curve !== undefined ? curves[curve] : undefined;
    if (!ecdsa)
        throw new PrehashUnsupported(key.asymmetricKeyType ?? 'unknown', curve);
    const jwk = key.export({ format: 'jwk' });
    const point = Buffer.concat([
        Buffer.from([0x04]),
        Buffer.from(jwk.x, 'base64url'),
        Buffer.from(jwk.y, 'base64url'),
    ]);
    try {
        return ecdsa.verify(signature, digest, point, { prehash: false, format: 'der', lowS: false });
    }
    catch {
        return false; // a signature that is not DER does not verify
    }
}
class PrehashUnsupported extends Error {
    constructor(keyType, curve) {
        super(`a ${keyType}${curve ? ` (${curve})` : ''} signature cannot be checked against a digest alone: give the artifact file`);
    }
}
/**
 * The signature content of a message-signature bundle checked against a given digest instead of
 * the artifact's bytes: the same comparisons @sigstore/verify makes, with the signature verified
 * over `digest` (which must also be the bundle's message digest; that is checked afterwards).
 */
async function prehashedContent(content, digest) {
    const verifyPrehashed = await prehashVerifier();
    return {
        signature: content.signature,
        compareSignature: (s) => content.compareSignature(s),
        compareDigest: (d) => content.compareDigest(d),
        compareSignedDigest: (d) => content.compareSignedDigest(d),
        verifySignature: (key) => verifyPrehashed(key, digest, content.signature),
    };
}
//# sourceMappingURL=prehashed.js.map
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./node_modules/@sigstore/tuf/seeds.json
var tuf_seeds = __webpack_require__(8032);
;// CONCATENATED MODULE: ./packages/verify/dist/errors.js

class VerifyError extends core_dist.BaseError {
}
//# sourceMappingURL=errors.js.map
;// CONCATENATED MODULE: ./packages/verify/dist/trust.js










const PUBLIC_GOOD_TUF_URL = 'https://tuf-repo-cdn.sigstore.dev';
const GITHUB_TUF_URL = 'https://tuf-repo.github.com';
const GITHUB_TUF_ROOT = (0,external_node_url_.fileURLToPath)(new URL(/* asset import */ __webpack_require__(71845), __webpack_require__.b));
/**
 * Every key and CA of a trusted root must say from when it is trusted (the spec's required
 * `validFor.start`). protobuf-specs reads a missing start as "no lower bound", which would let a
 * truncated or hand-edited root trust a key for times before it existed: refuse the root instead.
 */
function checkValidity(json) {
    const root = (json ?? {});
    const list = (k) => Array.isArray(root[k]) ? root[k] : [];
    const need = (validFor, what) => {
        const start = validFor?.start;
        if (typeof start !== 'string' || Number.isNaN(Date.parse(start)))
            throw new Error(`${what} has no validFor.start (the time from which it is trusted)`);
    };
    const label = (k, i, e) => `${k}[${i}]${typeof e.baseUrl === 'string' ? ` (${e.baseUrl})` : typeof e.uri === 'string' ? ` (${e.uri})` : ''}`;
    for (const k of ['tlogs', 'ctlogs'])
        for (const [i, e] of list(k).entries())
            need(e.publicKey?.validFor, `${label(k, i, e)} key`);
    for (const k of ['certificateAuthorities', 'timestampAuthorities'])
        for (const [i, e] of list(k).entries())
            need(e.validFor, label(k, i, e));
}
function named(name, json) {
    checkValidity(json);
    const trustedRoot = protobuf_specs_dist.TrustedRoot.fromJSON(json);
    let cas;
    return {
        name,
        trustedRoot,
        material: (0,verify_dist/* toTrustMaterial */.jO)(trustedRoot),
        caCertificates() {
            cas ??= trustedRoot.certificateAuthorities.flatMap((ca) => (ca.certChain?.certificates ?? []).map((c) => new external_node_crypto_.X509Certificate(Buffer.from(c.rawBytes))));
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
function publicGoodTrustedRootJSON() {
    const seeds = tuf_seeds;
    const encoded = seeds[PUBLIC_GOOD_TUF_URL]?.targets?.['trusted_root.json'];
    if (!encoded)
        throw new Error('@sigstore/tuf ships no public-good trusted_root.json seed');
    return JSON.parse(Buffer.from(encoded, 'base64').toString('utf8'));
}
/** Parses a trusted root file: JSON, or JSON lines with one root per line. */
function parseTrustedRoots(text, source) {
    const fail = (where, what) => {
        throw new VerifyError({ code: 'INVALID_TRUSTED_ROOT', message: `${where}: ${what}` });
    };
    let docs;
    try {
        docs = (0,core_dist.parseJsonDocuments)(text, source);
    }
    catch (err) {
        if (!(err instanceof core_dist.CoreError))
            throw err;
        throw new VerifyError({ code: 'INVALID_TRUSTED_ROOT', message: err.message, cause: err });
    }
    return docs.map(({ source: where, json }) => {
        const mediaType = json?.mediaType;
        if (typeof mediaType !== 'string' ||
            !mediaType.startsWith('application/vnd.dev.sigstore.trustedroot')) {
            fail(where, 'not a Sigstore trusted root (mediaType application/vnd.dev.sigstore.trustedroot+json)');
        }
        try {
            return named(where, json);
        }
        catch (err) {
            return fail(where, `invalid trusted root (${err.message})`);
        }
    });
}
function defaultCacheDir() {
    const base = process.env.XDG_CACHE_HOME || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.cache');
    return (0,external_node_path_.join)(base, 'build-artifact', 'tuf');
}
async function fromTUF(mirrorURL, options, rootPath) {
    // Imported here: the TUF client and its HTTP stack are only needed when going online.
    const { getTrustedRoot } = await Promise.all(/* import() */[__webpack_require__.e(335), __webpack_require__.e(694)]).then(__webpack_require__.t.bind(__webpack_require__, 84423, 19));
    const root = await getTrustedRoot({
        mirrorURL,
        ...(rootPath ? { rootPath } : {}),
        cachePath: options.cacheDir ?? defaultCacheDir(),
        // Cached metadata is used as is unless a refresh was asked for: no network when the cache has it.
        forceCache: !options.tufRefresh,
        timeout: options.timeoutMs ?? 5000,
        retry: { retries: 0 },
    });
    return protobuf_specs_dist.TrustedRoot.toJSON(root);
}
/**
 * What verification trusts: by default the shipped public-good root, and GitHub's instance
 * through its TUF repository (root embedded as `gh` embeds it, cached) when a bundle needs it.
 * `trustedRootPath` replaces both. `tufRefresh` fetches the public-good root online.
 */
async function loadTrustedRoot(options = {}) {
    const trust = { roots: [] };
    if (options.publicKeyPem !== undefined) {
        try {
            trust.publicKey = (0,external_node_crypto_.createPublicKey)(options.publicKeyPem);
        }
        catch (err) {
            throw new VerifyError({
                code: 'INVALID_KEY',
                message: `not a PEM public key (${err.message})`,
                cause: err,
            });
        }
    }
    if (options.trustedRootPath !== undefined) {
        let text;
        try {
            text = await (0,promises_.readFile)(options.trustedRootPath, 'utf8');
        }
        catch (err) {
            throw new VerifyError({
                code: 'INVALID_TRUSTED_ROOT',
                message: (0,core_dist.fileError)(options.trustedRootPath, err).message,
                cause: err,
            });
        }
        trust.roots = parseTrustedRoots(text, options.trustedRootPath);
        return trust;
    }
    if (options.tufRefresh) {
        trust.roots = [named('public-good', await fromTUF(PUBLIC_GOOD_TUF_URL, options))];
    }
    else {
        trust.roots = [named('public-good', publicGoodTrustedRootJSON())];
    }
    let github;
    trust.loadGitHub = () => {
        github ??= fromTUF(options.githubTufURL ?? GITHUB_TUF_URL, options, GITHUB_TUF_ROOT).then((json) => named('github', json));
        return github;
    };
    return trust;
}
/** True when a certificate names one of this root's certificate authorities as its issuer. */
function rootIssued(root, leaf) {
    return root.caCertificates().some((ca) => ca.subject === leaf.issuer);
}
/** GitHub's Fulcio names itself `O=GitHub, Inc.`: only then is GitHub's root worth fetching. */
function looksLikeGitHubFulcio(leaf) {
    // OpenSSL escapes the comma in its DN string (O=GitHub backslash-comma Inc.).
    return /^O=GitHub\\?, Inc\.$/m.test(leaf.issuer);
}
//# sourceMappingURL=trust.js.map
;// CONCATENATED MODULE: ./packages/verify/dist/crypto.js









/** How far a certificate, log entry or timestamp may be ahead of our clock. */
const CLOCK_SKEW_MS = 5 * 60_000;
const SIGSTORE_CODES = new Set([
    'SIGNATURE_ERROR',
    'CERTIFICATE_ERROR',
    'PUBLIC_KEY_ERROR',
    'TLOG_ERROR',
    'TLOG_INCLUSION_PROOF_ERROR',
    'TLOG_INCLUSION_PROMISE_ERROR',
    'TLOG_MISSING_INCLUSION_ERROR',
    'TLOG_BODY_ERROR',
    'TIMESTAMP_ERROR',
    'UNTRUSTED_SIGNER_ERROR',
]);
const bad = (reason, message) => fail('crypto', reason, message);
function messageDigestAlgorithm(md) {
    return md?.algorithm === protobuf_specs_dist.HashAlgorithm.SHA2_512
        ? 'sha512'
        : md?.algorithm === protobuf_specs_dist.HashAlgorithm.SHA2_256
            ? 'sha256'
            : undefined;
}
/**
 * @sigstore/core's ASN.1 reader ignores a few bits outside the signed part of a certificate
 * (outer tags, a BIT STRING's unused-bits count, the signature value's tag). OpenSSL's strict
 * DER parse must read the same bytes back, so such edits are refused rather than ignored.
 */
function strictCertificate(der) {
    let cert;
    try {
        cert = new external_node_crypto_.X509Certificate(der);
    }
    catch {
        return undefined;
    }
    return Buffer.compare(cert.raw, der) === 0 ? cert : undefined;
}
/**
 * A bundle's certificate chain must stop below the root (Sigstore client spec; the
 * sigstore-conformance suite rejects has_root_in_chain): trust anchors come from the trusted
 * root only, never from the bundle. Returns what is wrong, if anything.
 */
function rootInChain(certificates) {
    for (const [i, c] of certificates.entries()) {
        let cert;
        try {
            cert = new external_node_crypto_.X509Certificate(Buffer.from(c.rawBytes));
        }
        catch {
            return `certificate ${i} of the bundle's chain does not parse`;
        }
        if (cert.checkIssued(cert) && cert.verify(cert.publicKey))
            return `the bundle's certificate chain includes a self-signed root certificate (${cert.subject.replace(/\n/g, ', ')}): roots come from the trusted root only`;
    }
    return undefined;
}
/** A second opinion on the leaf's signature, from OpenSSL, by a CA of the chosen root. */
const opensslIssued = (leaf, root) => root.caCertificates().some((issuer) => leaf.checkIssued(issuer) && leaf.verify(issuer.publicKey));
async function chooseRoot(trust, leaf) {
    const found = trust.roots.find((r) => rootIssued(r, leaf));
    if (found)
        return pass(found);
    if (trust.loadGitHub && looksLikeGitHubFulcio(leaf)) {
        let github;
        try {
            github = await trust.loadGitHub();
        }
        catch (err) {
            return fail('crypto', 'TRUST_ROOT_UNAVAILABLE', `signed by GitHub's Sigstore instance (private repositories), whose trusted root comes from its TUF repository, which could not be reached (${err.message}); run once online (it is then cached) or pass --trusted-root FILE (gh attestation trusted-root > trusted_root.jsonl)`);
        }
        if (rootIssued(github, leaf))
            return pass(github);
    }
    if (trust.roots.length === 0)
        return fail('crypto', 'CERTIFICATE_ERROR', 'no trusted root to verify the certificate against');
    // None issued it: let @sigstore/verify say precisely why the chain does not verify.
    return pass(trust.roots[0]);
}
/** RFC 3161 timestamps must parse fully now, so that what @sigstore/verify cannot read is said so. */
function unreadableTimestamp(bundle) {
    for (const ts of bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps ?? []) {
        try {
            // The fields are read lazily: read the ones @sigstore/verify needs now, so that content it
            // cannot read (BER where DER is required) is reported as such, not as a TypeError later.
            const t = dist.RFC3161Timestamp.parse(Buffer.from(ts.signedTimestamp));
            if (!(t.signingTime instanceof Date) || Number.isNaN(t.signingTime.getTime()))
                throw new Error('no genTime');
            void t.signerSerialNumber;
        }
        catch (err) {
            return `an RFC 3161 timestamp does not parse: ${err instanceof TypeError ? 'a field is missing or not DER-encoded' : err.message}`;
        }
    }
    return undefined;
}
/** The signature content over the artifact: its bytes, or (digest only) its given digest. */
async function signedEntity(bundle, data) {
    if (bundle.content.$case !== 'messageSignature')
        return pass((0,verify_dist/* toSignedEntity */.DC)(bundle));
    const bytes = data.read();
    if (bytes)
        return pass((0,verify_dist/* toSignedEntity */.DC)(bundle, await bytes));
    // Only a digest of the artifact was given: the signature is checked over that digest.
    const algorithm = messageDigestAlgorithm(bundle.content.messageSignature.messageDigest);
    const hex = algorithm === undefined ? undefined : await data.digest(algorithm);
    if (hex === undefined)
        return fail('crypto', 'SUBJECT_MISMATCH', `the signature is over a ${algorithm ?? 'non-SHA-2'} digest of the artifact, and no such digest was given`);
    const entity = (0,verify_dist/* toSignedEntity */.DC)(bundle);
    entity.signature = await prehashedContent(entity.signature, Buffer.from(hex, 'hex'));
    return pass(entity);
}
function verifierFor(bundle, trust, root) {
    if (bundle.verificationMaterial.content.$case === 'publicKey') {
        const key = trust.publicKey;
        const material = {
            ...(trust.roots[0]?.material ?? {
                certificateAuthorities: [],
                timestampAuthorities: [],
                tlogs: [],
                ctlogs: [],
            }),
            publicKey: () => ({ publicKey: key, validFor: () => true }),
        };
        // A key is not bound to a time: timestamps and tlog entries are checked when present.
        return new verify_dist/* Verifier */.BL(material, { tlogThreshold: 0, ctlogThreshold: 0, timestampThreshold: 0 });
    }
    const m = root.material;
    return new verify_dist/* Verifier */.BL(m, {
        // GitHub's instance has no transparency log and no CT log: its roots list none.
        tlogThreshold: m.tlogs.length > 0 ? 1 : 0,
        ctlogThreshold: m.ctlogs.length > 0 ? 1 : 0,
        timestampThreshold: 1,
    });
}
function sigstoreFailure(err) {
    if (err instanceof PrehashUnsupported)
        return bad('SIGNATURE_ERROR', err.message);
    if ((err instanceof verify_dist/* VerificationError */.mk || err instanceof verify_dist/* PolicyError */.pn) &&
        SIGSTORE_CODES.has(err.code))
        return bad(err.code, `${err.message}${err.cause ? `: ${err.cause.message ?? err.cause}` : ''}`);
    return bad('BUNDLE_INVALID', `the bundle does not verify: ${err.message}`);
}
/**
 * @sigstore/verify proves inclusion against the signed checkpoint; the proof's own copy of the
 * root hash and tree size must then be the checkpoint's, or the bundle says two things.
 */
function inconsistentCheckpoint(bundle) {
    for (const e of bundle.verificationMaterial.tlogEntries) {
        const proof = e.inclusionProof;
        if (!proof?.checkpoint?.envelope)
            continue;
        const [, size, root] = proof.checkpoint.envelope.split('\n');
        if (size !== proof.treeSize || root !== Buffer.from(proof.rootHash).toString('base64'))
            return `tlog entry ${quote(e.logIndex)}: the inclusion proof's root hash or tree size differs from its signed checkpoint`;
    }
    return undefined;
}
/**
 * @sigstore/verify checks a log key's validity only through a SET, at its integrated time; a
 * checkpoint (all a Rekor v2 entry has) is accepted from any key with the log's id. A key that
 * was retired, or not yet trusted, when the signature was timestamped must not vouch for the
 * entry either: its validFor must cover every verified time.
 */
function logKeyUntrusted(bundle, tlogs, times) {
    for (const e of bundle.verificationMaterial.tlogEntries) {
        if (!e.inclusionProof)
            continue;
        const keyId = Buffer.from(e.logId?.keyId ?? []);
        const keys = tlogs.filter((t) => t.logID.equals(keyId));
        for (const time of times)
            if (!keys.some((k) => k.validFor.start <= time && time <= k.validFor.end))
                return `tlog entry ${quote(e.logIndex)}: the log's key was not trusted at ${time.toISOString()}, when the signature was timestamped (outside its validFor in the trusted root)`;
    }
    return undefined;
}
/** The times something signed: RFC 3161 timestamps, and log entries with a signed entry timestamp. */
function signedTimes(entity) {
    return entity.timestamps.flatMap((t) => t.$case === 'timestamp-authority'
        ? [{ kind: t.$case, time: t.timestamp.signingTime.toISOString() }]
        : t.tlogEntry.inclusionPromise
            ? [
                {
                    kind: t.$case,
                    time: new Date(Number(t.tlogEntry.integratedTime) * 1000).toISOString(),
                },
            ]
            : []);
}
/** A certificate, log entry or timestamp dated after now (plus the allowed skew). */
function fromTheFuture(bundle, entity, leaf, now) {
    const limit = now + CLOCK_SKEW_MS;
    const future = (t) => t.getTime() > limit;
    const when = (t) => `${t.toISOString()}, more than 5 minutes after ${new Date(now).toISOString()}`;
    if (leaf && future(leaf.notBefore))
        return bad('CERTIFICATE_ERROR', `the signing certificate is dated in the future (valid from ${when(leaf.notBefore)})`);
    for (const e of bundle.verificationMaterial.tlogEntries) {
        const t = new Date(Number(e.integratedTime) * 1000);
        if (e.integratedTime && future(t))
            return bad('TLOG_ERROR', `tlog entry ${quote(e.logIndex)} is dated in the future (${when(t)})`);
    }
    for (const t of entity.timestamps)
        if (t.$case === 'timestamp-authority' && future(t.timestamp.signingTime))
            return bad('TIMESTAMP_ERROR', `an RFC 3161 timestamp is dated in the future (${when(t.timestamp.signingTime)})`);
    return undefined;
}
/**
 * Stage 2, cryptography: @sigstore/verify (signature, chain, SCTs, tlog, timestamps) and our
 * additions (strict DER, no root in the chain, OpenSSL's second opinion, checkpoint consistency,
 * log key validity, nothing dated in the future). For a DSSE bundle nothing here depends on the
 * artifact; a message signature is verified over the artifact's bytes (or given digest).
 */
async function cryptoStage(bundle, data, trust, now) {
    const vm = bundle.verificationMaterial.content;
    let leaf;
    let nodeLeaf;
    let root;
    if (vm.$case === 'publicKey') {
        if (!trust.publicKey)
            return bad('PUBLIC_KEY_ERROR', 'the bundle is signed with a key, not a certificate: pass the public key with --key');
    }
    else {
        const raw = Buffer.from((vm.$case === 'certificate'
            ? vm.certificate.rawBytes
            : vm.x509CertificateChain.certificates[0]?.rawBytes) ?? []);
        try {
            leaf = dist.X509Certificate.parse(raw);
        }
        catch (err) {
            return bad('CERTIFICATE_ERROR', `the signing certificate does not parse: ${err.message}`);
        }
        nodeLeaf = strictCertificate(raw);
        if (!nodeLeaf)
            return bad('CERTIFICATE_ERROR', 'the signing certificate is not strict DER');
        if (vm.$case === 'x509CertificateChain') {
            const problem = rootInChain(vm.x509CertificateChain.certificates);
            if (problem)
                return bad('CERTIFICATE_ERROR', problem);
        }
        const chosen = await chooseRoot(trust, nodeLeaf);
        if (!chosen.ok)
            return chosen;
        root = chosen.facts;
    }
    // Once a root is chosen, a failure still says which one it was checked against.
    const withRoot = (r) => r.ok || !root ? r : { ...r, facts: { trustedRoot: root.name } };
    const unreadable = unreadableTimestamp(bundle);
    if (unreadable)
        return withRoot(bad('TIMESTAMP_ERROR', unreadable));
    const built = await signedEntity(bundle, data);
    if (!built.ok)
        return withRoot(built);
    const entity = built.facts;
    try {
        verifierFor(bundle, trust, root).verify(entity);
    }
    catch (err) {
        return withRoot(sigstoreFailure(err));
    }
    if (nodeLeaf && root && !opensslIssued(nodeLeaf, root))
        return withRoot(bad('CERTIFICATE_ERROR', 'the signing certificate was not issued by a trusted CA (OpenSSL check)'));
    const inconsistent = inconsistentCheckpoint(bundle);
    if (inconsistent)
        return withRoot(bad('TLOG_INCLUSION_PROOF_ERROR', inconsistent));
    const timestamps = signedTimes(entity);
    const tlogs = (root ?? trust.roots[0])?.material.tlogs ?? [];
    const untrusted = logKeyUntrusted(bundle, tlogs, timestamps.map((t) => new Date(t.time)));
    if (untrusted)
        return withRoot(bad('TLOG_INCLUSION_PROOF_ERROR', untrusted));
    const future = fromTheFuture(bundle, entity, leaf, now);
    if (future)
        return withRoot(future);
    let identity;
    try {
        identity = leaf ? certificateIdentity(leaf) : undefined;
    }
    catch (err) {
        return bad('CERTIFICATE_ERROR', err.message);
    }
    return pass({
        ...(root ? { trustedRoot: root.name } : {}),
        ...(leaf && identity
            ? {
                identity,
                certificate: {
                    ...identity,
                    notBefore: leaf.notBefore.toISOString(),
                    notAfter: leaf.notAfter.toISOString(),
                },
            }
            : {}),
        timestamps,
        tlogEntries: bundle.verificationMaterial.tlogEntries.map((e) => ({
            logIndex: e.logIndex,
            logId: Buffer.from(e.logId?.keyId ?? []).toString('hex'),
            ...(e.inclusionPromise && e.integratedTime && e.integratedTime !== '0'
                ? { integratedTime: new Date(Number(e.integratedTime) * 1000).toISOString() }
                : {}),
            kind: `${e.kindVersion?.kind ?? '?'}/${e.kindVersion?.version ?? '?'}`,
        })),
    });
}
//# sourceMappingURL=crypto.js.map
;// CONCATENATED MODULE: ./packages/verify/dist/strict-json.js
/**
 * A signed statement must mean one thing to every verifier. JSON.parse keeps the last of two
 * equal keys; Go's encoding/json matches keys case-insensitively (Unicode folding: `ſ` is `s`,
 * the Kelvin sign is `k`) and protojson also accepts the proto field names (`predicate_type`,
 * `type` for `_type`). A statement whose keys could be read differently is refused.
 */

// The in-toto Statement v1 fields, and those of a ResourceDescriptor (a subject).
const STATEMENT_FIELDS = ['_type', 'subject', 'predicateType', 'predicate'];
const DESCRIPTOR_FIELDS = [
    'name',
    'uri',
    'digest',
    'content',
    'downloadLocation',
    'mediaType',
    'annotations',
];
/** Case folding that covers Go's simple folds (`ſ` -> `s`, Kelvin sign -> `k`). */
const fold = (key) => key.toUpperCase().toLowerCase();
/** How protojson may spell a field: case-folded, with or without underscores. */
const protoName = (key) => fold(key).replace(/_/g, '');
const STATEMENT_ALIASES = new Map(STATEMENT_FIELDS.map((f) => [protoName(f), f]));
const DESCRIPTOR_ALIASES = new Map(DESCRIPTOR_FIELDS.map((f) => [protoName(f), f]));
/** A key as the signer wrote it is evidence: a plain name shows as is, anything else quoted. */
const PLAIN_KEY = /^[A-Za-z_$][\w$-]{0,63}$/;
const show = (path) => path.length === 0
    ? 'the statement'
    : path
        .map((p, i) => typeof p === 'number'
        ? `[${p}]`
        : !PLAIN_KEY.test(p)
            ? `[${quote(p, 80)}]`
            : i === 0
                ? p
                : `.${p}`)
        .join('');
/** The keys of one object, checked as they come: linear in the number of keys. */
class KeySet {
    place;
    seen = new Set();
    folded = new Map();
    constructor(place) {
        this.place = place;
    }
    /** Adds a key; returns what is wrong with it, if anything ("at" is prepended by the caller). */
    add(key) {
        if (this.seen.has(key))
            return `has the key ${quote(key, 80)} twice`;
        this.seen.add(key);
        const f = fold(key);
        const other = this.folded.get(f);
        if (other !== undefined)
            return `has the keys ${quote(other, 80)} and ${quote(key, 80)}, which differ only by case`;
        this.folded.set(f, key);
        const aliases = this.place === 'statement'
            ? STATEMENT_ALIASES
            : this.place === 'subject'
                ? DESCRIPTOR_ALIASES
                : undefined;
        const field = aliases?.get(protoName(key));
        if (field !== undefined && field !== key)
            return `has the key ${quote(key, 80)}, another spelling of ${quote(field)}`;
        return undefined;
    }
}
/** Where an object about to be opened sits, from the frames that enclose it. */
function placeOf(stack) {
    if (stack.length === 0)
        return 'statement';
    const [top, list] = stack;
    if (stack.length === 2 && top?.object && top.key === 'subject' && list && !list.object)
        return 'subject';
    return 'other';
}
/**
 * Parses a statement's JSON text, refusing duplicate keys (after escapes are decoded), keys
 * that differ only by case, and other spellings of the in-toto field names. Linear in the text
 * and iterative (deep nesting cannot overflow the stack): JSON.parse checks the grammar, then
 * one scan over the text sees every key, duplicates included.
 */
function parseStrictJson(text) {
    let value;
    try {
        value = JSON.parse(text);
    }
    catch (err) {
        return { ok: false, problem: `not JSON (${err.message})` };
    }
    const stack = [];
    const n = text.length;
    for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x22 /* " */) {
            let j = i + 1;
            while (j < n) {
                const d = text.charCodeAt(j);
                if (d === 0x5c /* \ */)
                    j += 2;
                else if (d === 0x22)
                    break;
                else
                    j++;
            }
            const top = stack.at(-1);
            if (top?.object && top.expectKey) {
                const key = JSON.parse(text.slice(i, j + 1));
                top.expectKey = false;
                const problem = top.keys.add(key);
                if (problem) {
                    const path = stack.slice(0, -1).map((f) => (f.object ? (f.key ?? '') : f.index));
                    return { ok: false, problem: `${show(path)} ${problem}` };
                }
                top.key = key;
            }
            i = j;
        }
        else if (c === 0x7b /* { */) {
            stack.push({ object: true, keys: new KeySet(placeOf(stack)), expectKey: true });
        }
        else if (c === 0x5b /* [ */) {
            stack.push({ object: false, index: 0 });
        }
        else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
            stack.pop();
        }
        else if (c === 0x2c /* , */) {
            const top = stack.at(-1);
            if (top?.object)
                top.expectKey = true;
            else if (top)
                top.index++;
        }
    }
    return { ok: true, value };
}
const pathTo = (node) => {
    const path = [];
    for (let n = node; n?.at !== undefined; n = n.parent)
        path.unshift(n.at);
    return path;
};
/**
 * The same rules for a statement that was already parsed (an unsigned statement read as
 * evidence): exact duplicates are gone by then, keys that differ only by case or spell an
 * in-toto field another way are still visible. Iterative, like the scan above.
 */
function checkParsedKeys(value) {
    const todo = [{ value }];
    while (todo.length > 0) {
        const node = todo.pop();
        const v = node.value;
        if (typeof v !== 'object' || v === null)
            continue;
        if (Array.isArray(v)) {
            for (const [i, x] of v.entries())
                todo.push({ value: x, parent: node, at: i });
            continue;
        }
        const place = node.parent === undefined
            ? 'statement'
            : typeof node.at === 'number' &&
                node.parent.at === 'subject' &&
                node.parent.parent?.parent === undefined
                ? 'subject'
                : 'other';
        const keys = new KeySet(place);
        for (const k of Object.keys(v)) {
            const problem = keys.add(k);
            if (problem)
                return `${show(pathTo(node))} ${problem}`;
            todo.push({ value: v[k], parent: node, at: k });
        }
    }
    return undefined;
}
//# sourceMappingURL=strict-json.js.map
;// CONCATENATED MODULE: ./packages/verify/dist/statement.js





/**
 * Subjects listed in a result: a batch of a thousand artifacts sharing one statement would
 * otherwise print the thousand subjects a thousand times.
 */
const MAX_SUMMARY_SUBJECTS = 16;
function indexStatement(statement) {
    const digests = { sha256: new Set(), sha512: new Set() };
    for (const subject of statement.subject)
        for (const algorithm of ['sha256', 'sha512']) {
            const hex = subject.digest[algorithm];
            if (hex !== undefined)
                digests[algorithm].add(hex.toLowerCase());
        }
    return { statement, summary: summarizeStatement(statement), digests };
}
function summarizeStatement(statement) {
    const p = statement.predicate;
    const buildType = p?.buildDefinition?.buildType;
    const builderId = p?.runDetails?.builder?.id;
    return {
        predicateType: statement.predicateType,
        subjects: statement.subject.slice(0, MAX_SUMMARY_SUBJECTS).map((s) => ({
            ...(s.name !== undefined ? { name: s.name } : {}),
            digest: { ...s.digest },
        })),
        subjectCount: statement.subject.length,
        ...(typeof buildType === 'string' ? { buildType } : {}),
        ...(typeof builderId === 'string' ? { builderId } : {}),
    };
}
/** An unsigned statement read as evidence: its keys one way only, then its shape. */
function readUnsignedStatement(json, source) {
    const problem = checkParsedKeys(json);
    if (problem)
        return fail('parse', 'STATEMENT_INVALID', `${source}: ${problem}`);
    try {
        return pass(indexStatement((0,core_dist.parseStatement)(json, source)));
    }
    catch (err) {
        return fail('parse', 'STATEMENT_INVALID', err.message);
    }
}
/**
 * The DSSE payload: an in-toto statement in UTF-8 JSON whose keys read one way only. It does
 * not depend on the artifact: a batch reads it once per bundle (see the cache).
 */
function readPayload(envelope, source) {
    if (envelope.payloadType !== core_dist.MediaType.IN_TOTO)
        return fail('statement', 'STATEMENT_INVALID', `payloadType is ${quote(envelope.payloadType)}, expected ${core_dist.MediaType.IN_TOTO}`);
    let text;
    try {
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(envelope.payload);
    }
    catch {
        return fail('statement', 'STATEMENT_INVALID', `${source}: the statement is not UTF-8`);
    }
    const strict = parseStrictJson(text);
    if (!strict.ok)
        return fail('statement', 'STATEMENT_INVALID', `${source}: statement: ${strict.problem}`);
    try {
        return pass(indexStatement((0,core_dist.parseStatement)(strict.value, `${source}: statement`)));
    }
    catch (err) {
        return fail('statement', 'STATEMENT_INVALID', err.message);
    }
}
/** The artifact's digest must be one of the statement's subjects (sha256 or sha512). */
async function subjectStage(indexed, data) {
    const { statement, summary } = indexed;
    const digests = {};
    // The manifest (or index) an OCI artifact was pulled by names it too.
    for (const alias of data.aliases()) {
        const [algorithm, hex] = alias.split(':');
        if (indexed.digests[algorithm]?.has(hex)) {
            // The result still reports the file's own digest: that is what was pulled and checked.
            const file = await data.digest('sha256');
            return pass({ statement, summary, digest: file ? { sha256: file } : { [algorithm]: hex } });
        }
    }
    for (const algorithm of ['sha256', 'sha512']) {
        if (indexed.digests[algorithm].size === 0)
            continue;
        const have = await data.digest(algorithm);
        if (have === undefined)
            continue;
        digests[algorithm] = have;
        if (indexed.digests[algorithm].has(have))
            return pass({ statement, summary, digest: { [algorithm]: have } });
    }
    if (Object.keys(digests).length === 0) {
        // No subject uses sha256 or sha512: say what the artifact's sha256 is anyway.
        const sha256 = await data.digest('sha256');
        if (sha256)
            digests.sha256 = sha256;
    }
    const names = statement.subject
        .slice(0, 5)
        .map((s) => (s.name === undefined ? '(unnamed)' : quote(s.name, 80)))
        .join(', ');
    const have = Object.entries(digests)
        .map(([a, h]) => `${a}:${h}`)
        .join(', ') || 'unknown';
    return fail('statement', 'SUBJECT_MISMATCH', `the artifact's digest (${have}) is not a subject of the statement (subjects: ${names}${statement.subject.length > 5 ? ', ...' : ''})`, { statement, summary, digest: digests });
}
/**
 * Stage 3, the statement and the artifact. DSSE: the payload type, the statement read strictly,
 * its predicate type one of those wanted, the artifact's digest among its subjects. A message
 * signature: only where one counts, and over the artifact's digest.
 */
async function statementStage(bundle, data, wants, readStatement) {
    if (bundle.content.$case === 'dsseEnvelope') {
        const read = readStatement(bundle.content.dsseEnvelope);
        if (!read.ok)
            return read;
        const { statement, summary } = read.facts;
        const counts = wants.predicateTypeCounts
            ? wants.predicateTypeCounts(statement.predicateType)
            : wants.predicateTypes.includes(statement.predicateType);
        if (!counts)
            return fail('statement', 'PREDICATE_TYPE_MISMATCH', `predicate type is ${quote(statement.predicateType)}, expected ${wants.predicateTypes.join(' or ')}`, { statement, summary, digest: {} });
        return subjectStage(read.facts, data);
    }
    if (wants.messageSignatureRefused !== undefined)
        return fail('statement', 'PREDICATE_TYPE_MISMATCH', wants.messageSignatureRefused, {
            digest: {},
        });
    const md = bundle.content.messageSignature.messageDigest;
    const algorithm = messageDigestAlgorithm(md);
    if (!md || !algorithm)
        return fail('statement', 'SUBJECT_MISMATCH', `the message digest algorithm ${quote(md?.algorithm ?? '(absent)')} is not sha256 or sha512`, { digest: {} });
    const have = await data.digest(algorithm);
    const want = Buffer.from(md.digest).toString('hex');
    const digest = have === undefined ? {} : { [algorithm]: have };
    if (have !== want)
        return fail('statement', 'SUBJECT_MISMATCH', `the artifact's ${algorithm} is ${have}, the signature is over ${want}`, { digest });
    return pass({ digest });
}
//# sourceMappingURL=statement.js.map
;// CONCATENATED MODULE: ./packages/verify/dist/cache.js





/** A bundle's identity: the SHA-256 (hex) of its RFC 8785 (JCS) JSON, however it was formatted. */
function evidenceDigest(value) {
    return (0,external_node_crypto_.createHash)('sha256').update(dist.json.canonicalize(value)).digest('hex');
}
class BatchCache {
    /** Per trust (its roots and key): bundle key -> the stage's outcome, shared while it runs. */
    byTrust = new WeakMap();
    /** The same evidence object is hashed once, however many artifacts it is checked against. */
    keys = new WeakMap();
    parsed = new WeakMap();
    statements = new WeakMap();
    hits = 0;
    misses = 0;
    entries = 0;
    stats() {
        return { entries: this.entries, hits: this.hits, misses: this.misses };
    }
    /** The parse stage, once per evidence object. */
    parse(evidence) {
        const json = evidence.json;
        if (typeof json !== 'object' || json === null)
            return parseStage(evidence);
        let parsed = this.parsed.get(json);
        if (!parsed) {
            parsed = parseStage(evidence);
            this.parsed.set(json, parsed);
        }
        return parsed;
    }
    /** A DSSE bundle's statement, read (strictly) and indexed once per parsed bundle. */
    statement(bundle, source) {
        return (envelope) => {
            let read = this.statements.get(bundle);
            if (!read) {
                read = readPayload(envelope, source);
                this.statements.set(bundle, read);
            }
            return read;
        };
    }
    /** The evidence's digest (see evidenceDigest), computed once per evidence object. */
    digestOf(json) {
        let key = this.keys.get(json);
        if (key === undefined) {
            key = evidenceDigest(json);
            this.keys.set(json, key);
        }
        return key;
    }
    /**
     * The crypto stage, once per bundle and trust. `json` is the bundle as read (its depth bounded
     * by the parse stage). A message signature is over the artifact, so its key includes the
     * digest it is verified against: the file's own when there is a file, else the given one.
     */
    async crypto(json, bundle, data, trust, now) {
        let key = this.digestOf(json);
        if (bundle.content.$case === 'messageSignature') {
            const algorithm = messageDigestAlgorithm(bundle.content.messageSignature.messageDigest) ?? 'sha256';
            const digest = data.hasFile()
                ? await data.fileDigest(algorithm)
                : await data.digest(algorithm);
            key += ` ${algorithm}:${digest ?? 'none'}`;
        }
        let perTrust = this.byTrust.get(trust);
        if (!perTrust) {
            perTrust = new Map();
            this.byTrust.set(trust, perTrust);
        }
        const known = perTrust.get(key);
        if (known) {
            this.hits++;
            return known;
        }
        this.misses++;
        this.entries++;
        const outcome = cryptoStage(bundle, data, trust, now);
        perTrust.set(key, outcome);
        // An input error (an unreadable artifact) is not a fact about the bundle: not kept.
        outcome.catch(() => {
            perTrust.delete(key);
            this.entries--;
        });
        return outcome;
    }
}
/** A cache for a batch of verifications (see `VerificationCache`). */
function createVerificationCache() {
    return new BatchCache();
}
/** The cache's working side, for verifyArtifact; a cache not made here is refused. */
function cacheOf(cache) {
    if (cache === undefined)
        return new BatchCache();
    if (!(cache instanceof BatchCache))
        throw new TypeError('options.cache must come from createVerificationCache()');
    return cache;
}
//# sourceMappingURL=cache.js.map
;// CONCATENATED MODULE: ./packages/verify/dist/evidence.js



/**
 * The largest evidence file read: a bundle of the largest SBOM GitHub accepts (16 MiB of
 * predicate, a third more in base64) with room for a few more bundles beside it.
 */
const MAX_EVIDENCE_FILE_BYTES = 64 * 1024 * 1024;
/**
 * The evidence files looked for beside an artifact, in this order (core's EVIDENCE_SIDECARS): the
 * provenance bundle our tools write, the SBOM attestation, the `.intoto.jsonl` that
 * slsa-github-generator and many release pipelines publish, and a verifier's summary (VSA).
 */
const EVIDENCE_SUFFIXES = core_dist.EVIDENCE_SIDECARS.map((kind) => core_dist.Sidecar[kind]);
/**
 * Parses a bundle file: one JSON document, or JSON lines (one bundle per line, as
 * `gh attestation download` and `.intoto.jsonl` files hold them). GitHub attestation API
 * records (`{"bundle": {...}}`) are unwrapped. Limits (INVALID_EVIDENCE beyond them): at most
 * MAX_JSON_DOCUMENTS documents, each, and each bundle's DSSE payload, nesting at most
 * MAX_JSON_DEPTH levels.
 */
function parseEvidence(text, source) {
    try {
        return (0,core_dist.parseJsonDocuments)(text, source).map((d) => {
            const json = (0,core_dist.unwrapAttestationRecord)(d.json);
            (0,core_dist.checkPayloadDepth)(json, d.source);
            return { source: d.source, json };
        });
    }
    catch (err) {
        if (!(err instanceof core_dist.CoreError))
            throw err;
        throw new VerifyError({ code: 'INVALID_EVIDENCE', message: err.message, cause: err });
    }
}
/**
 * Reads and parses one evidence file (see parseEvidence): a regular file of at most
 * MAX_EVIDENCE_FILE_BYTES, else EVIDENCE_UNREADABLE naming the file and what is wrong.
 */
async function readEvidence(path) {
    let text;
    try {
        text = await (0,core_dist.readRegularFileText)(path, {
            maxBytes: MAX_EVIDENCE_FILE_BYTES,
            what: 'an evidence file',
        });
    }
    catch (err) {
        if (!(err instanceof core_dist.CoreError))
            throw err;
        throw new VerifyError({ code: 'EVIDENCE_UNREADABLE', message: err.message, cause: err });
    }
    return parseEvidence(text, path);
}
/**
 * Evidence files that exist beside `artifactPath` (see EVIDENCE_SUFFIXES). Whatever has such a
 * name counts, a FIFO or a directory too: reading it then says what is wrong with it, where
 * passing over it would leave the user wondering why their evidence was not seen.
 */
async function findEvidenceFiles(artifactPath) {
    const found = [];
    for (const suffix of EVIDENCE_SUFFIXES) {
        const candidate = artifactPath + suffix;
        try {
            await (0,promises_.stat)(candidate);
            found.push(candidate);
        }
        catch {
            // absent (or a dangling link): fine
        }
    }
    return found;
}
/** The evidence given with an artifact, else what is found beside its file (see EVIDENCE_SUFFIXES). */
async function evidenceFor(input) {
    if (input.evidence !== undefined)
        return input.evidence;
    const found = [];
    if (input.path !== undefined)
        for (const file of await findEvidenceFiles(input.path))
            for (const e of await readEvidence(file))
                found.push(e);
    return found;
}
//# sourceMappingURL=evidence.js.map
;// CONCATENATED MODULE: ./packages/verify/dist/inspect.js



function dn(der) {
    // Printable strings of a DER Name, enough to recognise an issuer (O=..., CN=...).
    return (der.toString('latin1').match(/[ -~]{3,}/g) ?? []).join(', ');
}
/** Decodes a bundle (any version) or an in-toto statement. Never throws; problems go in `errors`. */
function inspectEvidence(evidence) {
    const out = { source: evidence.source, kind: 'unknown', errors: [] };
    const j = evidence.json;
    if (typeof j !== 'object' || j === null) {
        out.errors.push('not a JSON object');
        return out;
    }
    if ('_type' in j) {
        out.kind = 'statement';
        out.statement = j;
        return out;
    }
    out.kind = 'bundle';
    out.mediaType = j.mediaType;
    const vm = j.verificationMaterial ?? {};
    if (j.dsseEnvelope) {
        out.content = 'dsseEnvelope';
        out.payloadType = j.dsseEnvelope.payloadType;
        try {
            // Depth-checked: a statement nested thousands deep would overflow whatever prints it.
            out.statement = (0,core_dist.parseJson)(Buffer.from(String(j.dsseEnvelope.payload), 'base64').toString('utf8'), 'the DSSE payload');
        }
        catch (err) {
            out.errors.push(err.message);
        }
    }
    else if (j.messageSignature) {
        out.content = 'messageSignature';
        const md = j.messageSignature.messageDigest ?? {};
        out.messageDigest = {
            algorithm: md.algorithm,
            digest: Buffer.from(String(md.digest ?? ''), 'base64').toString('hex'),
        };
    }
    else
        out.errors.push('neither dsseEnvelope nor messageSignature');
    const rawCert = vm.certificate?.rawBytes ?? vm.x509CertificateChain?.certificates?.[0]?.rawBytes;
    if (rawCert) {
        out.signedWith = 'certificate';
        try {
            const cert = dist.X509Certificate.parse(Buffer.from(rawCert, 'base64'));
            out.certificate = {
                ...certificateIdentity(cert),
                subject: dn(cert.subject) || undefined,
                certificateIssuer: dn(cert.issuer),
                notBefore: cert.notBefore.toISOString(),
                notAfter: cert.notAfter.toISOString(),
                serialNumber: cert.serialNumber.toString('hex'),
            };
        }
        catch (err) {
            out.errors.push(`the certificate does not parse: ${err.message}`);
        }
    }
    else if (vm.publicKey) {
        out.signedWith = 'key';
        out.publicKeyHint = vm.publicKey.hint;
    }
    out.tlogEntries = (vm.tlogEntries ?? []).map((e) => ({
        logIndex: e.logIndex,
        logId: e.logId?.keyId ? Buffer.from(e.logId.keyId, 'base64').toString('hex') : undefined,
        integratedTime: e.integratedTime
            ? new Date(Number(e.integratedTime) * 1000).toISOString()
            : undefined,
        kind: e.kindVersion ? `${e.kindVersion.kind}/${e.kindVersion.version}` : undefined,
        inclusionProof: Boolean(e.inclusionProof),
        checkpoint: Boolean(e.inclusionProof?.checkpoint?.envelope),
        inclusionPromise: Boolean(e.inclusionPromise?.signedEntryTimestamp),
    }));
    out.rfc3161Timestamps = (vm.timestampVerificationData?.rfc3161Timestamps ?? []).map((t) => {
        try {
            // Imported lazily would not help: @sigstore/core is already loaded for the certificate.
            return {
                time: dist.RFC3161Timestamp.parse(Buffer.from(String(t.signedTimestamp), 'base64')).signingTime.toISOString(),
            };
        }
        catch (err) {
            return { error: err.message };
        }
    });
    return out;
}
//# sourceMappingURL=inspect.js.map
;// CONCATENATED MODULE: ./packages/verify/dist/policy.js




/** True when the user asked about provenance: the gh-style flags or a minimum level. */
function asksAboutProvenance(policy) {
    return (policy.repo !== undefined ||
        policy.owner !== undefined ||
        policy.signerWorkflow !== undefined ||
        policy.signerRepo !== undefined ||
        policy.signerDigest !== undefined ||
        policy.sourceRef !== undefined ||
        policy.sourceDigest !== undefined ||
        policy.denySelfHostedRunners === true ||
        policy.minSlsaLevel !== undefined);
}
function usesGitHubFlags(policy) {
    return (policy.repo !== undefined ||
        policy.owner !== undefined ||
        policy.signerWorkflow !== undefined ||
        policy.signerRepo !== undefined);
}
/**
 * True when the policy names who must have signed a certificate: gh's `repo`, `owner`,
 * `signerRepo`, `signerWorkflow`, or cosign's certificate identity. An issuer, a level or an
 * SBOM requirement alone names nobody.
 */
function hasIdentityConstraint(policy) {
    return (usesGitHubFlags(policy) ||
        policy.certificateIdentity !== undefined ||
        policy.certificateIdentityRegexp !== undefined);
}
/** `^(?:RE)$`; a pattern that does not compile is INVALID_POLICY naming `flag`. */
function anchored(source, flag) {
    try {
        return new RegExp(`^(?:${source})$`);
    }
    catch (err) {
        throw new VerifyError({
            code: 'INVALID_POLICY',
            message: `${flag}: invalid regular expression (${err.message})`,
        });
    }
}
const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const OWNER_REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const OWNER = /^[A-Za-z0-9_.-]+$/;
const TENANT_HOST = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\.ghe\.com$/i;
/** The GitHub Enterprise Cloud tenant a hostname names (`acme.ghe.com` -> `acme`), if any. */
const tenantOf = (hostname) => hostname === undefined ? undefined : TENANT_HOST.exec(hostname)?.[1]?.toLowerCase();
const hostOf = (policy) => policy.hostname?.toLowerCase() ?? 'github.com';
/**
 * The issuer gh expects when no issuer flag is given: GitHub Actions', or the tenant's
 * (`https://token.actions.TENANT.ghe.com`, as gh derives it from `--hostname`).
 */
function defaultIssuer(policy) {
    const tenant = tenantOf(policy.hostname);
    return tenant === undefined ? core_dist.GITHUB_ACTIONS_ISSUER : `https://token.actions.${tenant}.ghe.com`;
}
const WHO_SIGNED = 'say who must have signed: --repo OWNER/REPO, --owner OWNER, --signer-repo/--signer-workflow, --certificate-identity(-regexp), or --key FILE';
/**
 * Checks the policy once, before any artifact (a bad policy is exit 2). With `context`, it also
 * refuses a policy that names no signer where no key is given either: like gh (which requires
 * `--owner` or `--repo`) and cosign (an identity), a certificate is only worth something when
 * it is known whose it must be. `verifyArtifact` always checks with its trust's key.
 */
function validatePolicy(policy, context) {
    const bad = (message) => {
        throw new VerifyError({ code: 'INVALID_POLICY', message });
    };
    if (context && !context.publicKey && !hasIdentityConstraint(policy))
        bad(`${WHO_SIGNED}${policy.minSlsaLevel !== undefined ? ' (a minimum SLSA level names nobody)' : ''}`);
    if (policy.repo !== undefined && !OWNER_REPO.test(policy.repo))
        bad(`--repo ${quote(policy.repo)}: expected OWNER/REPO`);
    if (policy.signerRepo !== undefined && !OWNER_REPO.test(policy.signerRepo))
        bad(`--signer-repo ${quote(policy.signerRepo)}: expected OWNER/REPO`);
    if (policy.owner !== undefined && !OWNER.test(policy.owner))
        bad(`--owner ${quote(policy.owner)}: expected an owner name`);
    if (policy.repo &&
        policy.owner &&
        !policy.repo.toLowerCase().startsWith(`${policy.owner.toLowerCase()}/`))
        bad(`--repo ${policy.repo} is not owned by --owner ${policy.owner}`);
    if (policy.hostname !== undefined &&
        policy.hostname.toLowerCase() !== 'github.com' &&
        tenantOf(policy.hostname) === undefined)
        bad(`--hostname ${quote(policy.hostname)}: expected github.com or a GitHub Enterprise Cloud tenant (TENANT.ghe.com)`);
    // Each names the signer, and only one of them is used (gh's flags are mutually exclusive).
    const signerFlags = [
        ['--certificate-identity', policy.certificateIdentity],
        ['--certificate-identity-regexp', policy.certificateIdentityRegexp],
        ['--signer-repo', policy.signerRepo],
        ['--signer-workflow', policy.signerWorkflow],
    ].filter(([, v]) => v !== undefined);
    if (signerFlags.length > 1)
        bad(`use one of ${signerFlags.map(([f]) => f).join(', ')}: each names the signer`);
    if (policy.certificateOidcIssuer !== undefined &&
        policy.certificateOidcIssuerRegexp !== undefined)
        bad('use either --certificate-oidc-issuer or --certificate-oidc-issuer-regexp, not both');
    if (policy.certificateIdentityRegexp !== undefined)
        anchored(policy.certificateIdentityRegexp, '--certificate-identity-regexp');
    if (policy.certificateOidcIssuerRegexp !== undefined)
        anchored(policy.certificateOidcIssuerRegexp, '--certificate-oidc-issuer-regexp');
    if (policy.signerWorkflow !== undefined)
        signerWorkflowRegex(policy);
}
function signerWorkflowRegex(policy) {
    let wf = policy.signerWorkflow.replace(/^https:\/\//, '');
    // As gh: `OWNER/REPO/path` gets the host prepended; `host.tld/OWNER/...` is kept.
    if (!/^[a-zA-Z0-9-]+\.[a-zA-Z0-9-]+[^/]*\//.test(wf))
        wf = `${escapeRegex(hostOf(policy))}/${wf}`;
    // Pinned by tag or by commit SHA, both verify: any `@ref` may follow unless one is given.
    const tail = wf.includes('@') ? '' : '(?:@.+)?';
    return anchored(`https://${wf}${tail}`, '--signer-workflow');
}
const mismatch = (reason, message) => ({
    reason,
    message,
    stage: 'identity',
});
const lower = (s) => s?.toLowerCase();
const q = (s) => (s === undefined ? '(absent)' : quote(s, 200));
/**
 * Who signed, by gh's matcher order: the first given of `signerRepo`, `signerWorkflow`,
 * `certificateIdentity(Regexp)` names the signing workflow (the SAN); only when none is given
 * must it live in `repo` (or `owner`), which keeps a fork's or another repository's workflow out.
 */
function checkSigner(id, policy) {
    const host = hostOf(policy);
    const san = id.subjectAlternativeName;
    if (policy.certificateIdentity !== undefined) {
        if (san !== policy.certificateIdentity)
            return mismatch('IDENTITY_MISMATCH', `certificate identity is ${q(san)}, expected ${q(policy.certificateIdentity)}`);
        return undefined;
    }
    if (policy.certificateIdentityRegexp !== undefined) {
        if (san === undefined || !anchored(policy.certificateIdentityRegexp, '').test(san))
            return mismatch('IDENTITY_MISMATCH', `certificate identity ${q(san)} does not match /^(?:${policy.certificateIdentityRegexp})$/`);
        return undefined;
    }
    if (!usesGitHubFlags(policy))
        return undefined;
    if (san === undefined)
        return mismatch('NO_CERTIFICATE_IDENTITY', 'the certificate names no signing workflow');
    // gh matches the SAN; a GitHub certificate's build signer URI is the same workflow, and a
    // certificate where they differ must not pass on either alone.
    const signers = [
        san,
        ...(id.buildSignerURI !== undefined && id.buildSignerURI !== san ? [id.buildSignerURI] : []),
    ];
    const inside = (ownerOrRepo) => (signer) => signer.toLowerCase().startsWith(`https://${host}/${ownerOrRepo}/`.toLowerCase());
    let matches;
    let fails;
    if (policy.signerRepo !== undefined) {
        matches = inside(policy.signerRepo);
        fails = (signer) => mismatch('SIGNER_REPOSITORY_MISMATCH', `signing workflow ${q(signer)} is not in ${policy.signerRepo}`);
    }
    else if (policy.signerWorkflow !== undefined) {
        const re = signerWorkflowRegex(policy);
        matches = (signer) => re.test(signer);
        fails = (signer) => mismatch('SIGNER_WORKFLOW_MISMATCH', `signing workflow ${q(signer)} does not match ${policy.signerWorkflow}`);
    }
    else if (policy.repo !== undefined) {
        matches = inside(policy.repo);
        fails = (signer) => mismatch('SIGNER_REPOSITORY_MISMATCH', `signing workflow ${q(signer)} is not in ${policy.repo}; if a reusable workflow from another repository signs, say which with --signer-repo, --signer-workflow or --certificate-identity`);
    }
    else {
        matches = inside(policy.owner);
        fails = (signer) => mismatch('SIGNER_REPOSITORY_MISMATCH', `signing workflow ${q(signer)} is not owned by ${policy.owner}; use --signer-repo, --signer-workflow or --certificate-identity to accept it`);
    }
    const wrong = signers.find((signer) => !matches(signer));
    return wrong === undefined ? undefined : fails(wrong);
}
/** The issuer named by a flag, or gh's default (GitHub Actions', or the tenant's) with gh flags. */
function checkIssuer(id, policy) {
    const issuer = id.issuer;
    if (policy.certificateOidcIssuerRegexp !== undefined) {
        if (issuer === undefined || !anchored(policy.certificateOidcIssuerRegexp, '').test(issuer))
            return mismatch('ISSUER_MISMATCH', `certificate OIDC issuer ${q(issuer)} does not match /^(?:${policy.certificateOidcIssuerRegexp})$/`);
        return undefined;
    }
    let want = policy.certificateOidcIssuer;
    // As gh: naming github.com's issuer on a tenant means the tenant's.
    if (want === core_dist.GITHUB_ACTIONS_ISSUER && tenantOf(policy.hostname) !== undefined)
        want = defaultIssuer(policy);
    if (want === undefined && usesGitHubFlags(policy))
        want = defaultIssuer(policy);
    if (want === undefined || issuer === want)
        return undefined;
    // An enterprise's custom issuer (`<issuer>/<enterprise-slug>`, and only that form) is
    // accepted where gh accepts it: when named.
    const enterprise = issuer !== undefined && (0,core_dist.isGitHubActionsIssuer)(issuer, want);
    return mismatch('ISSUER_MISMATCH', `certificate OIDC issuer is ${q(issuer)}, expected ${q(want)}${enterprise ? `; for an enterprise's custom OIDC issuer, name it with --certificate-oidc-issuer ${issuer}` : ''}`);
}
/**
 * Applies the identity policy to the verified certificate's fields; returns the first mismatch.
 * Mirrors `gh attestation verify`: the signer (see checkSigner), the issuer, `repo` and `owner`
 * against the source repository (and its owner) only, the signer digest, source ref and
 * digest, and the runner.
 */
function checkIdentity(id, policy) {
    // Which matcher names the signer is gh's order (checkSigner); what is reported first when
    // several fail is: a certificate identity, the issuer, the source repository, the signer.
    const namedIdentity = policy.certificateIdentity !== undefined || policy.certificateIdentityRegexp !== undefined;
    if (namedIdentity) {
        const signer = checkSigner(id, policy);
        if (signer)
            return signer;
    }
    const issuer = checkIssuer(id, policy);
    if (issuer)
        return issuer;
    const host = hostOf(policy);
    if (policy.repo !== undefined) {
        const want = `https://${host}/${policy.repo}`;
        if (lower(id.sourceRepositoryURI) !== lower(want))
            return mismatch('REPOSITORY_MISMATCH', `source repository is ${q(id.sourceRepositoryURI)}, expected ${q(want)}`);
    }
    const owner = policy.owner ?? policy.repo?.split('/')[0];
    if (owner !== undefined) {
        const want = `https://${host}/${owner}`;
        // Certificates from before Fulcio's .16 extension: the owner of the source repository URI.
        const have = id.sourceRepositoryOwnerURI ??
            (id.sourceRepositoryURI
                ? id.sourceRepositoryURI.split('/').slice(0, 4).join('/')
                : undefined);
        if (lower(have) !== lower(want))
            return mismatch('OWNER_MISMATCH', `source repository owner is ${q(have)}, expected ${q(want)}`);
    }
    if (!namedIdentity) {
        const signer = checkSigner(id, policy);
        if (signer)
            return signer;
    }
    if (policy.signerDigest !== undefined &&
        lower(id.buildSignerDigest) !== lower(policy.signerDigest))
        return mismatch('SIGNER_DIGEST_MISMATCH', `signing workflow digest is ${q(id.buildSignerDigest)}, expected ${q(policy.signerDigest)}`);
    if (policy.sourceRef !== undefined && id.sourceRepositoryRef !== policy.sourceRef)
        return mismatch('SOURCE_REF_MISMATCH', `source ref is ${q(id.sourceRepositoryRef)}, expected ${q(policy.sourceRef)}`);
    if (policy.sourceDigest !== undefined &&
        lower(id.sourceRepositoryDigest) !== lower(policy.sourceDigest))
        return mismatch('SOURCE_DIGEST_MISMATCH', `source commit is ${q(id.sourceRepositoryDigest)}, expected ${q(policy.sourceDigest)}`);
    if (policy.denySelfHostedRunners && id.runnerEnvironment !== 'github-hosted')
        return mismatch('SELF_HOSTED_RUNNER', `runner environment is ${q(id.runnerEnvironment)}, not github-hosted`);
    return undefined;
}
/**
 * The flags given that only a certificate can meet: every identity and issuer flag, and gh's
 * signer digest, source ref and digest and runner checks (all read from its extensions).
 */
function certificateFlags(policy) {
    const given = [
        ['--certificate-identity', policy.certificateIdentity],
        ['--certificate-identity-regexp', policy.certificateIdentityRegexp],
        ['--certificate-oidc-issuer', policy.certificateOidcIssuer],
        ['--certificate-oidc-issuer-regexp', policy.certificateOidcIssuerRegexp],
        ['--repo', policy.repo],
        ['--owner', policy.owner],
        ['--signer-repo', policy.signerRepo],
        ['--signer-workflow', policy.signerWorkflow],
        ['--signer-digest', policy.signerDigest],
        ['--source-ref', policy.sourceRef],
        ['--source-digest', policy.sourceDigest],
        ['--deny-self-hosted-runners', policy.denySelfHostedRunners || undefined],
    ];
    return given.filter(([, value]) => value !== undefined).map(([flag]) => flag);
}
/**
 * Stage 4, identity, from the certificate only (never from the predicate). A key-signed bundle
 * got here through `--key` and fails every flag only a certificate can meet (certificateFlags);
 * a certificate passes only when the policy names its signer and it meets every identity flag.
 */
function identityStage(identity, policy) {
    if (identity === undefined) {
        const flags = certificateFlags(policy);
        if (flags.length > 0)
            return fail('identity', 'NO_CERTIFICATE_IDENTITY', `signed with a key: there is no certificate to check ${flags.join(', ')} against`);
        return pass(undefined);
    }
    if (!hasIdentityConstraint(policy))
        return fail('identity', 'IDENTITY_MISMATCH', `signed with a certificate (${q(identity.subjectAlternativeName)}), not with the --key given: a certificate is accepted only when identity flags name its signer (${WHO_SIGNED.replace(/^say who must have signed: /, '').replace(/, or --key FILE$/, '')})`);
    const failure = checkIdentity(identity, policy);
    return failure ? { ok: false, failure } : pass(undefined);
}
//# sourceMappingURL=policy.js.map
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./packages/verify/dist/policy-file.js
// A policy as a file: the rules `attest verify` takes as flags, under the flags' long names, so
// that a key and a flag always mean the same thing. And a policy's identity: its name and the
// SHA-256 of its canonical form, which a verification summary (VSA) records.








/** What each key of a policy holds, and the `VerifyPolicy` field it sets (when it is one). */
const KEYS = {
    repo: { kind: 'string', field: 'repo' },
    owner: { kind: 'string', field: 'owner' },
    'signer-workflow': { kind: 'string', field: 'signerWorkflow' },
    'signer-repo': { kind: 'string', field: 'signerRepo' },
    'signer-digest': { kind: 'string', field: 'signerDigest' },
    'source-ref': { kind: 'string', field: 'sourceRef' },
    'source-digest': { kind: 'string', field: 'sourceDigest' },
    'predicate-type': { kind: 'string', field: 'predicateType' },
    'deny-self-hosted-runners': { kind: 'boolean', field: 'denySelfHostedRunners' },
    'certificate-identity': { kind: 'string', field: 'certificateIdentity' },
    'certificate-identity-regexp': { kind: 'string', field: 'certificateIdentityRegexp' },
    'certificate-oidc-issuer': { kind: 'string', field: 'certificateOidcIssuer' },
    'certificate-oidc-issuer-regexp': { kind: 'string', field: 'certificateOidcIssuerRegexp' },
    'slsa-level': { kind: 'level', field: 'minSlsaLevel' },
    'require-sbom': { kind: 'boolean', field: 'requireSbom' },
    hostname: { kind: 'string', field: 'hostname' },
    recursive: { kind: 'boolean' },
    'trusted-root': { kind: 'path' },
    key: { kind: 'path' },
};
/** The keys a policy file may hold: every rule, and its `name`. */
const POLICY_KEYS = ['name', ...Object.keys(KEYS)];
/** A policy file is a page of settings: anything much bigger is not one. */
const MAX_POLICY_FILE_BYTES = 64 * 1024;
const invalid = (message) => {
    throw new VerifyError({ code: 'INVALID_POLICY', message });
};
/** The known key closest to a mistyped one (at most two edits away), for the error message. */
function closest(key) {
    let best;
    for (const name of POLICY_KEYS) {
        const d = editDistance(key.toLowerCase(), name);
        if (d <= 2 && (!best || d < best.distance))
            best = { name, distance: d };
    }
    return best?.name;
}
function editDistance(a, b) {
    let row = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const next = [i];
        for (let j = 1; j <= b.length; j++)
            next[j] = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        row = next;
    }
    return row[b.length];
}
const policy_file_show = (value) => JSON.stringify(value)?.slice(0, 80) ?? String(value);
/**
 * Reads a policy: YAML or JSON (JSON is YAML), one mapping of the keys in POLICY_KEYS. An
 * unknown key, a key given twice, a value of the wrong type and anything that is not a single
 * mapping are INVALID_POLICY errors naming `source` and the key: a typo must never loosen a
 * policy by being ignored. Paths are resolved against `baseDir` (default: the folder of
 * `source`).
 */
function parsePolicy(text, source, baseDir = (0,external_node_path_.dirname)(source)) {
    // YAML 1.2's core schema: `yes` is a string, not true. No aliases: a policy needs none, and
    // each one could multiply what is read.
    const doc = (0,yaml_dist.parseDocument)(text, { schema: 'core', uniqueKeys: true, prettyErrors: false });
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem)
        invalid(`${source}: not a YAML or JSON policy (${problem.message.split('\n')[0]})`);
    if (doc.contents === null)
        invalid(`${source}: the policy is empty`);
    if (!(0,yaml_dist.isMap)(doc.contents))
        invalid(`${source}: a policy is a mapping of keys (repo: OWNER/REPO, slsa-level: 3, ...)`);
    const settings = {};
    const set = settings;
    let name;
    for (const pair of doc.contents.items) {
        if (!(0,yaml_dist.isScalar)(pair.key) || typeof pair.key.value !== 'string')
            invalid(`${source}: every key is a plain name (${POLICY_KEYS.join(', ')})`);
        const key = pair.key.value;
        if (!POLICY_KEYS.includes(key)) {
            const hint = closest(key);
            invalid(`${source}: unknown key ${policy_file_show(key)}${hint ? ` (did you mean "${hint}"?)` : ''}; known keys: ${POLICY_KEYS.join(', ')}`);
        }
        if (!(0,yaml_dist.isScalar)(pair.value) || pair.value.value === null)
            invalid(`${source}: "${key}" must have a single value`);
        const value = pair.value.value;
        const where = `${source}: "${key}"`;
        if (key === 'name') {
            if (typeof value !== 'string' || value.trim() === '')
                invalid(`${where} must be a name`);
            name = value;
            continue;
        }
        const kind = KEYS[key].kind;
        if (kind === 'boolean') {
            if (typeof value !== 'boolean')
                invalid(`${where} must be true or false, not ${policy_file_show(value)}`);
            if (value === true)
                set[key] = true;
        }
        else if (kind === 'level') {
            if (value !== 1 && value !== 2 && value !== 3)
                invalid(`${where} must be 1, 2 or 3, not ${policy_file_show(value)}`);
            set[key] = value;
        }
        else {
            if (typeof value !== 'string' || value === '')
                invalid(`${where} must be a non-empty string, not ${policy_file_show(value)}`);
            set[key] = kind === 'path' ? (0,external_node_path_.resolve)(baseDir, value) : value;
        }
    }
    // The rules' own shape (OWNER/REPO, a regex that compiles, one signer flag), said with the file's
    // name: once merged with the flags, an error could no longer say where the rule came from.
    try {
        validatePolicy(verifyPolicyOf(settings));
    }
    catch (err) {
        if (!(err instanceof VerifyError))
            throw err;
        invalid(`${source}: ${err.message}`);
    }
    return {
        source,
        name: name ?? ((0,external_node_path_.basename)(source, (0,external_node_path_.extname)(source)) || 'policy'),
        settings,
    };
}
/** Reads and parses a policy file (see parsePolicy): a regular file of at most 64 KiB. */
async function readPolicyFile(path, source = path) {
    let text;
    try {
        text = await (0,core_dist.readRegularFileText)(path, { maxBytes: MAX_POLICY_FILE_BYTES, what: 'a policy' });
    }
    catch (err) {
        if (!(err instanceof core_dist.CoreError))
            throw err;
        throw new VerifyError({ code: 'INVALID_POLICY', message: err.message, cause: err });
    }
    return parsePolicy(text, source, (0,external_node_path_.dirname)(path));
}
/** The rules `over` sets replace those of `base` (flags over a file); the rest are kept. */
function mergePolicySettings(base, over) {
    const merged = { ...base };
    for (const [key, value] of Object.entries(over))
        if (value !== undefined && value !== false)
            merged[key] = value;
    return merged;
}
/** The rules of a `VerifyPolicy`, by flag name (recursion and trust are not in it). */
function policySettingsOf(policy) {
    const out = {};
    for (const [key, spec] of Object.entries(KEYS)) {
        if (!('field' in spec))
            continue;
        const value = policy[spec.field];
        if (value !== undefined && value !== false)
            out[key] = value;
    }
    return out;
}
/** The `VerifyPolicy` the settings state (recursion and trust are the caller's). */
function verifyPolicyOf(settings) {
    const out = {};
    for (const [key, spec] of Object.entries(KEYS)) {
        if (!('field' in spec))
            continue;
        const value = settings[key];
        if (value !== undefined && value !== false)
            out[spec.field] = value;
    }
    return out;
}
const sha256 = (data) => (0,external_node_crypto_.createHash)('sha256').update(data).digest('hex');
/**
 * The canonical form of a policy, whose SHA-256 is its digest: the effective rules (a file's,
 * with the flags given over them) as a JSON object keyed by flag name, serialized as RFC 8785
 * (JCS) JSON. Left out: `name`, booleans that are off, and values equal to the defaults
 * (`predicate-type` https://slsa.dev/provenance/v1, `hostname` github.com). `trusted-root` and
 * `key` are what they trust, not where the file lay: `sha256:` of the RFC 8785 JSON of the
 * trusted roots (as protobuf-specs writes them), and `sha256:` of the key's DER
 * SubjectPublicKeyInfo. So the same rules give the same digest on every machine, in any order,
 * YAML or JSON, and whatever the paths.
 */
function canonicalPolicy(settings, trust) {
    const out = {};
    for (const [key, value] of Object.entries(settings)) {
        if (value === undefined || value === false || key === 'trusted-root' || key === 'key')
            continue;
        if (key === 'predicate-type' && value === core_dist.PredicateType.SLSA_PROVENANCE_V1)
            continue;
        if (key === 'hostname' && String(value).toLowerCase() === 'github.com')
            continue;
        out[key] = value;
    }
    if (settings['trusted-root'] !== undefined) {
        if (!trust || trust.roots.length === 0)
            invalid('the trusted roots must be loaded to compute the policy digest');
        out['trusted-root'] =
            `sha256:${sha256(dist.json.canonicalize(trust.roots.map((r) => protobuf_specs_dist.TrustedRoot.toJSON(r.trustedRoot))))}`;
    }
    if (settings.key !== undefined) {
        if (!trust?.publicKey)
            invalid('the key must be loaded to compute the policy digest');
        out.key = `sha256:${sha256(trust.publicKey.export({ type: 'spki', format: 'der' }))}`;
    }
    return dist.json.canonicalize(out);
}
/** The SHA-256 (hex) of the policy's canonical form (see canonicalPolicy). */
function policyDigest(settings, trust) {
    return sha256(canonicalPolicy(settings, trust));
}
//# sourceMappingURL=policy-file.js.map
;// CONCATENATED MODULE: ./packages/verify/dist/provenance.js



const str = (v) => (typeof v === 'string' ? v : undefined);
function compare(name, claimed, cert, reason, caseInsensitive = false) {
    if (claimed === undefined)
        return { name, status: 'not-checked', certificate: cert, note: 'the predicate does not say' };
    if (cert === undefined)
        return { name, status: 'not-checked', claimed, note: 'the certificate does not say' };
    const same = caseInsensitive ? claimed.toLowerCase() === cert.toLowerCase() : claimed === cert;
    return same
        ? { name, status: 'match', claimed, certificate: cert }
        : {
            name,
            status: 'mismatch',
            claimed,
            certificate: cert,
            reason,
            note: `the predicate claims ${JSON.stringify(claimed)}, the certificate says ${JSON.stringify(cert)}`,
        };
}
function sourceCommit(p) {
    for (const dep of p.buildDefinition?.resolvedDependencies ?? []) {
        const commit = str(dep?.digest?.gitCommit) ?? str(dep?.digest?.sha1);
        if (commit)
            return commit;
    }
    return undefined;
}
/** The predicate's claims a renderer would show, read at GitHub's buildType's places. */
function claims(p) {
    const wf = p.buildDefinition?.externalParameters?.workflow;
    return {
        'builder.id': str(p.runDetails?.builder?.id),
        sourceCommit: sourceCommit(p),
        sourceRepository: str(wf?.repository),
        sourceRef: str(wf?.ref),
    };
}
const KNOWN_BUILD_TYPES = new Set([
    core_dist.BuildType.GITHUB_WORKFLOW_V1,
    core_dist.BuildType.LOCAL_V1,
    core_dist.BuildType.GITHUB_WORKFLOW_LEGACY_V1,
]);
/** True for SLSA provenance whose buildType we know how to cross-check. */
function isKnownBuildType(statement) {
    if (statement.predicateType !== core_dist.PredicateType.SLSA_PROVENANCE_V1)
        return true;
    const p = (statement.predicate ?? {});
    const buildType = str(p.buildDefinition?.buildType);
    return buildType !== undefined && KNOWN_BUILD_TYPES.has(buildType);
}
/**
 * Compares what the SLSA predicate claims with what the certificate (issued from the OIDC
 * token) says. For GitHub's buildType and ours: builder.id = build signer URI, and the source
 * commit, repository and ref. The older GitHub buildType names the runner as builder, so only
 * the source fields can be compared. Claims that cannot be compared (a key signed, or the
 * buildType is unknown) are listed as `not-checked` with what they claim.
 */
function crossCheck(statement, id) {
    if (statement.predicateType !== core_dist.PredicateType.SLSA_PROVENANCE_V1)
        return [];
    const p = (statement.predicate ?? {});
    const buildType = str(p.buildDefinition?.buildType);
    const claimed = claims(p);
    const unchecked = (note) => Object.entries(claimed).flatMap(([name, value]) => value === undefined ? [] : [{ name, status: 'not-checked', claimed: value, note }]);
    if (id === undefined)
        return unchecked('signed with a key: no certificate to compare with');
    if (buildType === undefined || !KNOWN_BUILD_TYPES.has(buildType))
        return [
            {
                name: 'buildType',
                status: 'not-checked',
                claimed: buildType,
                note: 'unknown buildType: nothing in the predicate was compared with the certificate',
            },
            ...unchecked(`unknown buildType ${quote(buildType ?? '(absent)')}: not compared`),
        ];
    const checks = [];
    if (buildType === core_dist.BuildType.GITHUB_WORKFLOW_LEGACY_V1)
        checks.push({
            name: 'builder.id',
            status: 'not-checked',
            claimed: claimed['builder.id'],
            certificate: id.buildSignerURI,
            note: 'the older GitHub buildType names the runner, not the signing workflow',
        });
    else
        checks.push(compare('builder.id', claimed['builder.id'], id.buildSignerURI, 'BUILDER_MISMATCH'));
    checks.push(compare('sourceCommit', claimed.sourceCommit, id.sourceRepositoryDigest, 'SOURCE_COMMIT_MISMATCH', true));
    checks.push(compare('sourceRepository', claimed.sourceRepository, id.sourceRepositoryURI, 'SOURCE_REPOSITORY_CLAIM_MISMATCH', true));
    checks.push(compare('sourceRef', claimed.sourceRef, id.sourceRepositoryRef, 'SOURCE_REF_CLAIM_MISMATCH'));
    return checks;
}
/** The predicate's claims nothing verified: shown, they must be shown as claims, not facts. */
function uncheckedClaims(checks) {
    return checks
        .filter((c) => c.status === 'not-checked' && c.claimed !== undefined && c.name !== 'buildType')
        .map((c) => c.name);
}
/**
 * Stage 5, cross-checks of the predicate against the certificate. Mismatches fail when
 * `enforce` (the user asked about provenance); otherwise they are warnings.
 */
function crossCheckStage(statement, id, enforce) {
    const crossChecks = statement ? crossCheck(statement, id) : [];
    const unchecked = uncheckedClaims(crossChecks);
    const warnings = [];
    if (unchecked.length > 0) {
        const why = crossChecks.find((c) => c.name === 'buildType')
            ? `the buildType ${quote(crossChecks.find((c) => c.name === 'buildType')?.claimed ?? '(absent)')} is unknown`
            : id === undefined
                ? 'signed with a key, no certificate to compare them with'
                : 'the certificate does not say';
        warnings.push(`the predicate's ${unchecked.join(', ')} are unchecked claims (${why})`);
    }
    const facts = { crossChecks, uncheckedClaims: unchecked, warnings };
    const mismatch = crossChecks.find((c) => c.status === 'mismatch');
    if (mismatch && enforce)
        return fail('cross-check', mismatch.reason, `forged or inconsistent provenance: ${mismatch.name}: ${mismatch.note}`, facts);
    if (mismatch)
        warnings.push(`provenance ${mismatch.name} does not match the certificate (not enforced with cosign-style flags): ${mismatch.note}`);
    return pass(facts);
}
const withoutRef = (uri) => uri.replace(/@.*$/, '');
/** `https://host/owner/repo/...` -> `https://host/owner/repo`, lower-cased. */
const repoOf = (uri) => uri.split('/').slice(0, 5).join('/').toLowerCase();
/**
 * The SLSA v1.0 Build level from the certificate (never from the predicate):
 * - L1: provenance exists, but unsigned, signed with a key, or signed on a self-hosted runner.
 * - L2: signed provenance, from a certificate issued to a hosted build platform run
 *   (`runnerEnvironment` = github-hosted, the signer workflow named).
 * - L3: L2, and the signing job ran in a reusable workflow that is not the caller's workflow
 *   (build signer URI != build config URI) and lives outside the source repository, so the
 *   project's own build steps and workflow files cannot change how it signs.
 */
function slsaLevel(kind, isProvenance, id) {
    if (!isProvenance)
        return { level: 0, reason: 'no SLSA provenance: a signature or another predicate only' };
    if (kind === 'unsigned')
        return { level: 1, reason: 'L1: provenance exists but is not signed' };
    if (kind === 'key' || id === undefined)
        return {
            level: 1,
            reason: 'L1: signed with a key; the certificate that would name the build platform is absent',
        };
    if (id.runnerEnvironment === undefined || id.buildSignerURI === undefined)
        return { level: 1, reason: 'L1: the certificate does not name a hosted build platform run' };
    if (id.runnerEnvironment !== 'github-hosted')
        return {
            level: 1,
            reason: `L1: built on a ${id.runnerEnvironment} runner, not a hosted build platform`,
        };
    const signer = withoutRef(id.buildSignerURI);
    const config = id.buildConfigURI ? withoutRef(id.buildConfigURI) : undefined;
    if (config === undefined || signer === config)
        return {
            level: 2,
            reason: `L2: signed by a GitHub-hosted run of the caller's own workflow ${signer}`,
        };
    if (id.sourceRepositoryURI && repoOf(signer) === id.sourceRepositoryURI.toLowerCase())
        return {
            level: 2,
            reason: `L2: signed by the reusable workflow ${signer}, which lives in the source repository`,
        };
    return {
        level: 3,
        reason: `L3: signed by the isolated reusable workflow ${signer}, not the caller's ${config}`,
    };
}
/**
 * Stage 6, the SLSA Build level, from the certificate; provenance whose buildType is unknown
 * is L1 at most, since its builder, source and commit are unchecked claims.
 */
function levelStage(statement, id, signedWith, minimum) {
    let slsa = slsaLevel(signedWith, statement?.predicateType === core_dist.PredicateType.SLSA_PROVENANCE_V1, id);
    if (statement && slsa.level > 1 && !isKnownBuildType(statement)) {
        const buildType = statement.predicate?.buildDefinition
            ?.buildType;
        slsa = {
            level: 1,
            reason: `L1: the buildType ${quote(buildType ?? '(absent)')} is unknown, so the predicate's builder, source repository and commit are unchecked claims (the certificate alone would say ${slsa.reason})`,
        };
    }
    if (minimum !== undefined && slsa.level < minimum)
        return fail('level', 'SLSA_LEVEL_TOO_LOW', `SLSA Build L${minimum} required; the evidence supports ${slsa.reason}`, { slsa });
    return pass({ slsa });
}
//# sourceMappingURL=provenance.js.map
;// CONCATENATED MODULE: ./packages/verify/dist/artifact.js

/** The largest artifact a message signature is checked over (read whole). */
const MAX_SIGNED_FILE_BYTES = 2 * 1024 * 1024 * 1024;
/** The artifact's digests and bytes, each computed at most once, and only when a stage asks. */
class ArtifactData {
    input;
    fileDigests = new Map();
    bytes;
    constructor(input) {
        this.input = input;
    }
    /** The given digest, else the file's; undefined when neither exists. */
    digest(algorithm) {
        const given = this.input.digest?.[algorithm];
        if (given !== undefined)
            return Promise.resolve(given.toLowerCase());
        return this.fileDigest(algorithm);
    }
    /** The file's own digest, whatever digest was given; undefined without a file. */
    fileDigest(algorithm) {
        const path = this.input.path;
        if (path === undefined)
            return Promise.resolve(undefined);
        let p = this.fileDigests.get(algorithm);
        if (!p) {
            p = (0,core_dist.digestFile)(path, [algorithm]).then((d) => d[algorithm]);
            this.fileDigests.set(algorithm, p);
        }
        return p;
    }
    /** The other digests the artifact is known by (`sha256:hex`), lower-cased. */
    aliases() {
        return (this.input.alsoKnownAs ?? []).map((d) => d.toLowerCase());
    }
    /** The file's bytes (a message signature is verified over them); undefined without a file. */
    read() {
        const path = this.input.path;
        if (path === undefined)
            return undefined;
        // A message signature is over the whole file: read it whole, but only a regular file, and
        // never more than a Buffer can hold.
        this.bytes ??= (0,core_dist.readRegularFile)(path, { maxBytes: MAX_SIGNED_FILE_BYTES, what: 'artifact' });
        return this.bytes;
    }
    hasFile() {
        return this.input.path !== undefined;
    }
    known() {
        return { ...this.input.digest };
    }
}
//# sourceMappingURL=artifact.js.map
;// CONCATENATED MODULE: ./packages/verify/dist/verify.js









function provenancePurpose(policy) {
    const predicateType = policy.predicateType ?? core_dist.PredicateType.SLSA_PROVENANCE_V1;
    // A plain message signature (cosign sign-blob) has no predicate: it counts only where no
    // predicate type and nothing about provenance was asked (gh finds no attestation there).
    const messageSignatureRefused = policy.predicateType !== undefined
        ? `a plain message signature has no predicate, expected ${policy.predicateType}`
        : asksAboutProvenance(policy)
            ? 'a plain message signature (cosign sign-blob) is no provenance: --repo, --owner, --signer-*, --source-*, --slsa-level and --deny-self-hosted-runners need a signed provenance attestation'
            : undefined;
    return {
        kind: 'provenance',
        wants: {
            predicateTypes: [predicateType],
            ...(messageSignatureRefused !== undefined ? { messageSignatureRefused } : {}),
        },
        enforce: asksAboutProvenance(policy),
    };
}
const SBOM_PURPOSE = {
    kind: 'sbom',
    wants: {
        predicateTypes: [core_dist.PredicateType.CYCLONEDX_BOM, core_dist.PredicateType.SPDX_DOCUMENT_V2_3],
        // Other tools' SBOM attestations count too: cosign's `https://spdx.dev/Document`, versions.
        predicateTypeCounts: core_dist.isSbomPredicateType,
        messageSignatureRefused: 'a plain message signature is not an SBOM attestation: a signed in-toto statement with a CycloneDX or SPDX predicate is',
    },
};
const cryptoDetails = (facts) => ({
    ...(facts.trustedRoot !== undefined ? { trustedRoot: facts.trustedRoot } : {}),
    ...(facts.certificate !== undefined ? { certificate: facts.certificate } : {}),
    ...(facts.timestamps !== undefined ? { timestamps: facts.timestamps } : {}),
    ...(facts.tlogEntries !== undefined ? { tlogEntries: facts.tlogEntries } : {}),
});
const statementDetails = (facts) => ({
    details: {
        ...(facts?.summary !== undefined ? { statement: facts.summary } : {}),
        ...(facts?.digest !== undefined ? { digest: facts.digest } : {}),
    },
    predicateType: facts?.summary?.predicateType,
});
/** The stages for one piece of evidence, in order; each result folded into the details. */
async function runStages(evidence, ctx, purpose) {
    let details = {
        crossChecks: [],
        crossChecksEnforced: purpose.kind === 'provenance' && purpose.enforce,
        uncheckedClaims: [],
        timestamps: [],
        tlogEntries: [],
        warnings: [],
    };
    let predicateType;
    const stop = (result) => ({
        source: evidence.source,
        ok: false,
        reached: result.failure.stage ?? 'parse',
        failure: result.failure,
        ...(predicateType !== undefined ? { predicateType } : {}),
        details,
    });
    const parsed = ctx.cache.parse(evidence);
    if (!parsed.ok)
        return stop(parsed);
    if (parsed.facts.kind === 'statement') {
        // An unsigned in-toto statement: SLSA L1 at most, and never "verified".
        const read = readUnsignedStatement(parsed.facts.json, evidence.source);
        if (!read.ok)
            return stop(read);
        const subject = await subjectStage(read.facts, ctx.data);
        const s = statementDetails(subject.facts);
        details = { ...details, ...s.details };
        predicateType = s.predicateType;
        if (!subject.ok)
            return stop(subject);
        details.slsa = slsaLevel('unsigned', predicateType === core_dist.PredicateType.SLSA_PROVENANCE_V1);
        return stop({
            ok: false,
            failure: {
                reason: 'UNSIGNED',
                message: 'the statement is not signed: it proves nothing about who built the artifact',
                stage: 'crypto',
            },
        });
    }
    const { bundle, summary } = parsed.facts;
    details = { ...details, bundle: summary };
    const crypto = await ctx.cache.crypto(evidence.json, bundle, ctx.data, ctx.trust, ctx.now);
    details = { ...details, ...cryptoDetails(crypto.facts ?? {}) };
    if (!crypto.ok)
        return stop(crypto);
    const identity = crypto.facts.identity;
    const statement = await statementStage(bundle, ctx.data, purpose.wants, ctx.cache.statement(bundle, evidence.source));
    const s = statementDetails(statement.facts);
    details = { ...details, ...s.details };
    predicateType = s.predicateType;
    if (!statement.ok)
        return stop(statement);
    const who = identityStage(identity, ctx.policy);
    if (!who.ok)
        return stop(who);
    if (purpose.kind === 'sbom')
        return { source: evidence.source, ok: true, reached: 'identity', predicateType, details };
    const checks = crossCheckStage(statement.facts.statement, identity, purpose.enforce);
    const c = checks.facts;
    details = {
        ...details,
        ...(c ? { crossChecks: c.crossChecks, uncheckedClaims: c.uncheckedClaims } : {}),
        warnings: [...(details.warnings ?? []), ...(c?.warnings ?? [])],
    };
    if (!checks.ok)
        return stop(checks);
    const level = levelStage(statement.facts.statement, identity, summary.signedWith, ctx.policy.minSlsaLevel);
    const slsa = level.facts?.slsa;
    if (slsa)
        details = { ...details, slsa };
    if (!level.ok)
        return stop(level);
    return { source: evidence.source, ok: true, reached: 'level', predicateType, details };
}
/** Reading the artifact itself failed (core's file errors): the caller's input, not evidence. */
const FILE_ERRORS = new Set([
    'FILE_NOT_FOUND',
    'FILE_UNREADABLE',
    'NOT_REGULAR_FILE',
    'FILE_TOO_LARGE',
]);
const isInputError = (err) => err instanceof VerifyError || FILE_ERRORS.has(err?.code ?? '');
async function checkEvidence(evidence, ctx, purpose) {
    try {
        return await runStages(evidence, ctx, purpose);
    }
    catch (err) {
        // Input we cannot read is the caller's error (exit 2); anything else a library throws on
        // this evidence means it does not verify.
        if (isInputError(err))
            throw err;
        return {
            source: evidence.source,
            ok: false,
            reached: 'parse',
            failure: { reason: 'BUNDLE_INVALID', message: err.message, stage: 'parse' },
            details: {},
        };
    }
}
/** The outcome that verified, else the one that got furthest (the first of equals). */
function best(outcomes) {
    const rank = (o) => STAGE_ORDER.indexOf(o.reached);
    return outcomes.find((o) => o.ok) ?? [...outcomes].sort((a, b) => rank(b) - rank(a))[0];
}
/** Like gh: one piece of evidence that satisfies the policy is enough. */
async function firstThatPasses(evidence, ctx, purpose) {
    const outcomes = [];
    for (const e of evidence) {
        const o = await checkEvidence(e, ctx, purpose);
        outcomes.push(o);
        if (o.ok)
            break;
    }
    return { outcomes, chosen: best(outcomes) };
}
/**
 * Verifies one artifact against its evidence, stage by stage: parse, cryptography, statement,
 * identity, cross-checks, SLSA level, and with `requireSbom` an SBOM attestation. Never throws
 * for a failed check (the result says which check failed, and in which stage); throws
 * VerifyError for input it cannot read and, up front, for a policy that names no signer while
 * no key is given (`INVALID_POLICY`).
 */
async function verifyArtifact(input, policy, trust, options = {}) {
    validatePolicy(policy, { publicKey: trust.publicKey !== undefined });
    const cache = cacheOf(options.cache);
    const name = input.name ?? input.path ?? 'artifact';
    const evidence = await evidenceFor(input);
    const data = new ArtifactData(input);
    const result = {
        artifact: name,
        digest: data.known(),
        verified: false,
        timestamps: [],
        tlogEntries: [],
        crossChecks: [],
        crossChecksEnforced: asksAboutProvenance(policy),
        uncheckedClaims: [],
        attempts: [],
        warnings: [],
    };
    if (evidence.length === 0) {
        const sha256 = await data.digest('sha256');
        if (sha256)
            result.digest.sha256 = sha256;
        result.failure = {
            reason: 'NO_BUNDLE',
            message: input.path !== undefined
                ? `no bundle given and none found beside ${input.path} (looked for ${EVIDENCE_SUFFIXES.join(', ')})`
                : 'no bundle found',
            stage: 'parse',
        };
        return result;
    }
    const ctx = { data, policy, trust, cache, now: Date.now() };
    const { outcomes, chosen } = await firstThatPasses(evidence, ctx, provenancePurpose(policy));
    Object.assign(result, chosen.details);
    result.digest = { ...data.known(), ...chosen.details.digest };
    result.source = chosen.source;
    result.verified = chosen.ok;
    if (!chosen.ok)
        result.failure = { ...chosen.failure, source: chosen.source };
    result.attempts = outcomes.map((o) => ({
        source: o.source,
        verified: o.ok,
        ...(o.predicateType ? { predicateType: o.predicateType } : {}),
        ...(o.failure ? { failure: o.failure } : {}),
    }));
    const used = (source) => {
        const e = evidence.find((x) => x.source === source);
        if (e && typeof e.json === 'object' && e.json !== null)
            result.inputAttestations = [
                ...(result.inputAttestations ?? []),
                { uri: source, digest: { sha256: cache.digestOf(e.json) } },
            ];
    };
    if (chosen.ok)
        used(chosen.source);
    if (policy.requireSbom) {
        const sbom = (await firstThatPasses(evidence, ctx, SBOM_PURPOSE)).chosen;
        if (sbom.ok && result.verified)
            used(sbom.source);
        result.sbom = {
            source: sbom.source,
            verified: sbom.ok,
            ...(sbom.failure ? { failure: sbom.failure } : {}),
        };
        if (!sbom.ok && result.verified) {
            result.verified = false;
            result.failure = {
                reason: 'SBOM_MISSING',
                message: `no signed SBOM attestation (CycloneDX or SPDX) for this artifact verifies${sbom.failure && sbom.failure.reason !== 'PREDICATE_TYPE_MISMATCH' ? ` (${sbom.source}: ${sbom.failure.message})` : ''}`,
                stage: 'sbom',
            };
        }
    }
    if (result.digest.sha256 === undefined && result.digest.sha512 === undefined) {
        const sha256 = await data.digest('sha256');
        if (sha256)
            result.digest.sha256 = sha256;
    }
    return result;
}
//# sourceMappingURL=verify.js.map
;// CONCATENATED MODULE: ./packages/verify/dist/version.js
/** This package's name and version, as a VSA's `verifier.version` records them (a test keeps it equal to package.json). */
const VERSION = '0.1.0';
const TOOL_NAME = '@build-artifact/verify';
//# sourceMappingURL=version.js.map
;// CONCATENATED MODULE: ./packages/verify/dist/vsa.js
// SLSA verification summaries (VSA, https://slsa.dev/verification_summary/v1, SLSA v1.1): the
// predicate's fields and their types, the levels we write, and how a consumer checks a VSA
// signed by a verifier it trusts (the spec's "How to verify"): the bundle goes through the same
// stages as any bundle, then the summary's own fields are checked here.









/** The SLSA version whose VSA fields and Build track we write and read. */
const VSA_SLSA_VERSION = '1.1';
/**
 * Our custom `verifiedLevels` value (the spec allows custom values that do not start with
 * `SLSA_`): the policy required a signed SBOM attestation (CycloneDX or SPDX) for the artifact,
 * meeting the same identity rules as its provenance, and one verified.
 */
const SBOM_VERIFIED_LEVEL = 'BUILD_ARTIFACT_SBOM_VERIFIED';
/**
 * The fields of the VSA predicate (SLSA v1.1), whether each is required, and its JSON type: what
 * we write and what `readSummary` checks (a test keeps this equal to the spec's field list).
 */
const VSA_FIELDS = {
    verifier: { required: true, type: 'object' },
    'verifier.id': { required: true, type: 'string' },
    'verifier.version': { required: false, type: 'object' },
    timeVerified: { required: false, type: 'string' },
    resourceUri: { required: true, type: 'string' },
    policy: { required: true, type: 'object' },
    inputAttestations: { required: false, type: 'array' },
    verificationResult: { required: true, type: 'string' },
    verifiedLevels: { required: true, type: 'array' },
    dependencyLevels: { required: false, type: 'object' },
    slsaVersion: { required: false, type: 'string' },
};
/** `SLSA_BUILD_LEVEL_N`. */
const buildLevelName = (level) => `SLSA_BUILD_LEVEL_${level}`;
const BUILD_LEVEL = /^SLSA_BUILD_LEVEL_([0-3])$/;
/** The level of the Build track a list of levels states, if any. */
function buildLevelOf(levels) {
    for (const l of levels) {
        const m = BUILD_LEVEL.exec(l);
        if (m)
            return Number(m[1]);
    }
    return undefined;
}
/**
 * What a verified artifact's summary says it reached: its SLSA Build level (one per track, as
 * the spec requires), and SBOM_VERIFIED_LEVEL when a signed SBOM attestation verified.
 */
function verifiedLevelsOf(result) {
    const levels = [buildLevelName(result.slsa?.level ?? 0)];
    if (result.sbom?.verified)
        levels.push(SBOM_VERIFIED_LEVEL);
    return levels;
}
/**
 * `dependencyLevels`: how many of the transitive dependencies verified at each level, each
 * counted once per track at its highest level. An empty object says there were none.
 */
function dependencyLevelsOf(dependencies) {
    const counts = {};
    for (const d of dependencies)
        for (const level of verifiedLevelsOf(d))
            counts[level] = (counts[level] ?? 0) + 1;
    return counts;
}
const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const HEX = /^[0-9a-fA-F]+$/;
function digestSetProblem(value, where) {
    if (!isObject(value) || Object.keys(value).length === 0)
        return `${where} must be a non-empty digest set`;
    for (const [algorithm, hex] of Object.entries(value))
        if (typeof hex !== 'string' || !HEX.test(hex))
            return `${where}[${quote(algorithm)}] is not hex`;
    return undefined;
}
/**
 * Reads a VSA predicate: every field of the spec with its type (unknown fields are ignored, as
 * the in-toto parsing rules require). Returns the summary, or what is wrong with it.
 */
function readSummary(predicate) {
    const bad = (problem) => ({ ok: false, problem });
    if (!isObject(predicate))
        return bad('the predicate is not an object');
    const p = predicate;
    if (!isObject(p.verifier))
        return bad('verifier must be an object');
    if (typeof p.verifier.id !== 'string' || p.verifier.id === '')
        return bad('verifier.id must be a URI');
    if (p.verifier.version !== undefined) {
        if (!isObject(p.verifier.version))
            return bad('verifier.version must be a map of strings');
        for (const v of Object.values(p.verifier.version))
            if (typeof v !== 'string')
                return bad('verifier.version must be a map of strings');
    }
    if (p.timeVerified !== undefined) {
        if (typeof p.timeVerified !== 'string' ||
            !RFC3339.test(p.timeVerified) ||
            Number.isNaN(Date.parse(p.timeVerified)))
            return bad(`timeVerified ${quote(p.timeVerified)} is not an RFC 3339 timestamp`);
    }
    if (typeof p.resourceUri !== 'string' || p.resourceUri === '')
        return bad('resourceUri must be a URI');
    if (!isObject(p.policy) || typeof p.policy.uri !== 'string' || p.policy.uri === '')
        return bad('policy must be an object with a uri');
    if (p.policy.digest !== undefined) {
        const problem = digestSetProblem(p.policy.digest, 'policy.digest');
        if (problem)
            return bad(problem);
    }
    if (p.inputAttestations !== undefined) {
        if (!Array.isArray(p.inputAttestations))
            return bad('inputAttestations must be an array');
        for (const [i, a] of p.inputAttestations.entries()) {
            if (!isObject(a))
                return bad(`inputAttestations[${i}] must be an object`);
            if (a.uri !== undefined && typeof a.uri !== 'string')
                return bad(`inputAttestations[${i}].uri must be a string`);
            const problem = digestSetProblem(a.digest, `inputAttestations[${i}].digest`);
            if (problem)
                return bad(problem);
        }
    }
    if (p.verificationResult !== 'PASSED' && p.verificationResult !== 'FAILED')
        return bad(`verificationResult is ${quote(p.verificationResult)}, not PASSED or FAILED`);
    if (!Array.isArray(p.verifiedLevels) || p.verifiedLevels.some((l) => typeof l !== 'string'))
        return bad('verifiedLevels must be an array of strings');
    if (p.verifiedLevels.filter((l) => String(l).startsWith('SLSA_BUILD_LEVEL_')).length > 1)
        return bad('verifiedLevels holds more than one level of the Build track');
    if (p.dependencyLevels !== undefined) {
        if (!isObject(p.dependencyLevels))
            return bad('dependencyLevels must be an object');
        for (const [level, n] of Object.entries(p.dependencyLevels))
            if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0)
                return bad(`dependencyLevels[${quote(level)}] must be a count`);
    }
    if (p.slsaVersion !== undefined &&
        (typeof p.slsaVersion !== 'string' || !/^\d+\.\d+$/.test(p.slsaVersion)))
        return bad(`slsaVersion ${quote(p.slsaVersion)} is not MAJOR.MINOR`);
    return { ok: true, summary: p };
}
const UNITS = {
    ms: 1,
    s: 1000,
    m: 60_000,
    h: 3_600_000,
    d: 86_400_000,
    w: 604_800_000,
};
/** `90s`, `30m`, `12h`, `7d`, `2w`, or a sum like `1d12h`, in milliseconds. */
function parseDuration(text, what = '--vsa-max-age') {
    const parts = [...text.matchAll(/(\d+)(ms|s|m|h|d|w)/g)];
    if (text === '' || parts.map((p) => p[0]).join('') !== text)
        throw new VerifyError({
            code: 'INVALID_POLICY',
            message: `${what} ${quote(text)}: expected a duration such as 30m, 12h, 7d or 1d12h`,
        });
    const ms = parts.reduce((sum, p) => sum + Number(p[1]) * UNITS[p[2]], 0);
    if (!Number.isSafeInteger(ms) || ms <= 0)
        throw new VerifyError({ code: 'INVALID_POLICY', message: `${what} ${quote(text)}: too long` });
    return ms;
}
/** Checks a summary policy up front (a bad one is exit 2). */
function validateSummaryPolicy(policy) {
    if ((policy.verifier === undefined) === (policy.verifierRegexp === undefined))
        throw new VerifyError({
            code: 'INVALID_POLICY',
            message: 'name the trusted verifier with one of --vsa-verifier or --vsa-verifier-regexp',
        });
    if (policy.verifierRegexp !== undefined)
        anchored(policy.verifierRegexp, '--vsa-verifier-regexp');
    if (policy.resourceUris.length === 0)
        throw new VerifyError({
            code: 'INVALID_POLICY',
            message: 'no resource URI to expect in the summary (--vsa-resource-uri URI)',
        });
}
const summaryFailure = (reason, message) => ({
    reason,
    message,
    stage: 'summary',
});
/** The summary's own fields against the consumer's expectations (the spec's steps 4-7). */
function checkSummary(summary, verified, policy, now) {
    const id = summary.verifier.id;
    const san = verified.certificate?.subjectAlternativeName;
    if (verified.bundle?.signedWith === 'certificate') {
        // The identity stage matched the certificate; the summary must name that same verifier.
        if (id !== san)
            return summaryFailure('VSA_VERIFIER_MISMATCH', `the summary names verifier ${quote(id)} but was signed by ${quote(san ?? '(no SAN)')}`);
    }
    else {
        const ok = policy.verifier !== undefined
            ? id === policy.verifier
            : anchored(policy.verifierRegexp, '--vsa-verifier-regexp').test(id);
        if (!ok)
            return summaryFailure('VSA_VERIFIER_MISMATCH', `the summary (signed with the given key) names verifier ${quote(id)}, expected ${quote(policy.verifier ?? policy.verifierRegexp)}`);
    }
    if (!policy.resourceUris.includes(summary.resourceUri))
        return summaryFailure('VSA_RESOURCE_MISMATCH', `the summary is for ${quote(summary.resourceUri)}, not ${policy.resourceUris.map((u) => quote(u)).join(' or ')}`);
    if (summary.verificationResult !== 'PASSED')
        return summaryFailure('VSA_NOT_PASSED', `the verifier's result is ${quote(summary.verificationResult)}`);
    const signed = verified.timestamps.map((t) => Date.parse(t.time));
    const claimed = summary.timeVerified === undefined ? undefined : Date.parse(summary.timeVerified);
    if (claimed !== undefined) {
        if (claimed > now + CLOCK_SKEW_MS)
            return summaryFailure('VSA_INVALID', `timeVerified ${summary.timeVerified} is in the future`);
        if (signed.length > 0 && claimed > Math.max(...signed) + CLOCK_SKEW_MS)
            return summaryFailure('VSA_INVALID', `timeVerified ${summary.timeVerified} is after the summary was signed`);
    }
    if (policy.maxAgeMs !== undefined) {
        const times = [...(claimed !== undefined ? [claimed] : []), ...signed];
        if (times.length === 0)
            return summaryFailure('VSA_EXPIRED', 'the summary has no timeVerified and no signed time: its age cannot be known');
        const oldest = Math.min(...times);
        if (now - oldest > policy.maxAgeMs)
            return summaryFailure('VSA_EXPIRED', `the summary is from ${new Date(oldest).toISOString()}, older than the ${Math.round(policy.maxAgeMs / 1000)} s allowed`);
    }
    if (policy.policyDigest !== undefined) {
        const have = summary.policy.digest?.sha256?.toLowerCase();
        if (have !== policy.policyDigest.toLowerCase())
            return summaryFailure('VSA_POLICY_MISMATCH', `the summary's policy ${quote(summary.policy.uri)} has digest sha256:${have ?? '(none)'}, expected sha256:${policy.policyDigest}`);
    }
    const level = buildLevelOf(summary.verifiedLevels);
    if (policy.minSlsaLevel !== undefined && (level === undefined || level < policy.minSlsaLevel))
        return summaryFailure('VSA_LEVEL_TOO_LOW', `SLSA Build L${policy.minSlsaLevel} required; the summary's verifiedLevels are ${quote(summary.verifiedLevels)}`);
    if (policy.requireSbom && !summary.verifiedLevels.includes(SBOM_VERIFIED_LEVEL))
        return summaryFailure('VSA_LEVEL_TOO_LOW', `a verified SBOM is required; the summary's verifiedLevels lack ${SBOM_VERIFIED_LEVEL}`);
    if (policy.dependencies) {
        const deps = summary.dependencyLevels;
        if (deps === undefined)
            return summaryFailure('VSA_DEPENDENCIES', 'the summary makes no claim about dependencies (no dependencyLevels)');
        const below = Object.entries(deps).find(([name, n]) => {
            if (n === 0)
                return false;
            if (name === 'FAILED')
                return true;
            const m = /^SLSA_BUILD_LEVEL_(\d|UNEVALUATED)$/.exec(name);
            if (!m || policy.minSlsaLevel === undefined)
                return false;
            return m[1] === 'UNEVALUATED' || Number(m[1]) < policy.minSlsaLevel;
        });
        if (below)
            return summaryFailure('VSA_DEPENDENCIES', `${below[1]} dependencies at ${below[0]}${policy.minSlsaLevel !== undefined ? `, below the required L${policy.minSlsaLevel}` : ''}`);
    }
    return undefined;
}
function factsOf(source, s) {
    return {
        source,
        verifier: s.verifier.id,
        ...(s.timeVerified !== undefined ? { timeVerified: s.timeVerified } : {}),
        resourceUri: s.resourceUri,
        policy: s.policy,
        verificationResult: s.verificationResult,
        verifiedLevels: s.verifiedLevels,
        ...(s.dependencyLevels !== undefined ? { dependencyLevels: s.dependencyLevels } : {}),
    };
}
/**
 * Verifies an artifact through a verification summary signed by a trusted verifier: each VSA
 * among the evidence goes through the same stages as any bundle (signature, chain, log,
 * timestamps; the statement must name the artifact's digest; the certificate must be the
 * verifier's, or the bundle signed with the given key), then its fields are checked (verifier,
 * resource, PASSED, age, policy digest, levels, dependencies). One that passes is enough; a
 * summary for another digest, a failed one, an expired one or one signed by anyone else never
 * counts. Never throws for a failed check; throws VerifyError for a bad policy or unreadable
 * input.
 */
async function verifySummary(input, policy, trust, options = {}) {
    validateSummaryPolicy(policy);
    const evidence = await evidenceFor(input);
    const isSummary = (e) => (0,core_dist.describeBundle)(e.json).predicateType === core_dist.PredicateType.VERIFICATION_SUMMARY_V1;
    const candidates = evidence.filter(isSummary);
    const certificatePolicy = {
        ...(policy.verifier !== undefined
            ? { certificateIdentity: policy.verifier }
            : { certificateIdentityRegexp: policy.verifierRegexp }),
        certificateOidcIssuer: policy.issuer ?? core_dist.GITHUB_ACTIONS_ISSUER,
        predicateType: core_dist.PredicateType.VERIFICATION_SUMMARY_V1,
    };
    const keyPolicy = { predicateType: core_dist.PredicateType.VERIFICATION_SUMMARY_V1 };
    const now = Date.now();
    if (candidates.length === 0) {
        const data = new ArtifactData(input);
        const sha256 = await data.digest('sha256');
        return {
            artifact: input.name ?? input.path ?? 'artifact',
            digest: { ...data.known(), ...(sha256 ? { sha256 } : {}) },
            verified: false,
            failure: {
                reason: 'VSA_MISSING',
                message: `no verification summary (${core_dist.PredicateType.VERIFICATION_SUMMARY_V1}) among the ${evidence.length} bundle${evidence.length === 1 ? '' : 's'} found`,
                stage: 'statement',
            },
            timestamps: [],
            tlogEntries: [],
            crossChecks: [],
            crossChecksEnforced: false,
            uncheckedClaims: [],
            attempts: evidence.map((e) => ({ source: e.source, verified: false })),
            warnings: [],
        };
    }
    const tried = [];
    for (const e of candidates) {
        const keySigned = trust.publicKey !== undefined && (0,core_dist.describeBundle)(e.json).signedWith === 'key';
        const r = await verifyArtifact({ ...input, evidence: [e] }, keySigned ? keyPolicy : certificatePolicy, trust, options);
        tried.push(r);
        if (!r.verified)
            continue;
        // The statement verified above is this bundle's payload: read its predicate.
        const read = readSummary((0,core_dist.describeBundle)(e.json).statement?.predicate);
        if (!read.ok) {
            r.verified = false;
            r.failure = { ...summaryFailure('VSA_INVALID', read.problem), source: e.source };
            continue;
        }
        r.summary = factsOf(e.source, read.summary);
        const failure = checkSummary(read.summary, r, policy, now);
        if (failure) {
            r.verified = false;
            r.failure = { ...failure, source: e.source };
            continue;
        }
        const level = buildLevelOf(read.summary.verifiedLevels);
        if (level !== undefined)
            r.slsa = {
                level: level,
                reason: `L${level} according to the verification summary of ${quote(read.summary.verifier.id, 200)}${read.summary.timeVerified ? ` (${read.summary.timeVerified})` : ''}`,
            };
        if (read.summary.verifiedLevels.includes(SBOM_VERIFIED_LEVEL))
            r.sbom = { source: e.source, verified: true };
        break;
    }
    const rank = (r) => r.verified ? STAGE_ORDER.length : STAGE_ORDER.indexOf(r.failure?.stage ?? 'parse');
    const chosen = tried.find((r) => r.verified) ?? [...tried].sort((a, b) => rank(b) - rank(a))[0];
    chosen.attempts = tried.map((r) => ({
        source: r.source ?? r.failure?.source ?? '',
        verified: r.verified,
        ...(r.statement ? { predicateType: r.statement.predicateType } : {}),
        ...(r.failure ? { failure: r.failure } : {}),
    }));
    return chosen;
}
//# sourceMappingURL=vsa.js.map
;// CONCATENATED MODULE: ./packages/verify/dist/index.js













//# sourceMappingURL=index.js.map

/***/ })

};
