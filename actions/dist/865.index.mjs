export const id = 865;
export const ids = [865];
export const modules = {

/***/ 71845:
/***/ ((module, __unused_webpack_exports, __webpack_require__) => {

module.exports = __webpack_require__.p + "a15867d24f7344b9432b.json";

/***/ }),

/***/ 18865:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28224);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(35842);
/* harmony import */ var _oci_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(94796);



function policy() {
    const p = {};
    const set = (key, input) => {
        const value = (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)(input);
        if (value !== '')
            p[key] = value;
    };
    set('certificateIdentity', 'certificate-identity');
    set('certificateIdentityRegexp', 'certificate-identity-regexp');
    set('certificateOidcIssuer', 'certificate-oidc-issuer');
    set('certificateOidcIssuerRegexp', 'certificate-oidc-issuer-regexp');
    set('repo', 'repo');
    set('owner', 'owner');
    set('signerWorkflow', 'signer-workflow');
    set('signerRepo', 'signer-repo');
    set('sourceRef', 'source-ref');
    set('sourceDigest', 'source-digest');
    set('predicateType', 'predicate-type');
    if ((0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('deny-self-hosted-runners', false))
        p.denySelfHostedRunners = true;
    if ((0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('require-sbom', false))
        p.requireSbom = true;
    const level = (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .choiceInput */ .ij)('min-slsa-level', ['1', '2', '3'], '');
    if (level !== '')
        p.minSlsaLevel = Number(level);
    return p;
}
await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)(() => {
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .requiredInput */ .YF)('artifacts');
    return {
        artifacts: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .listInput */ .dt)('artifacts'),
        bundle: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('bundle'),
        trustedRoot: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('trusted-root'),
        policy: policy(),
        token: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('token'),
    };
}, async (inputs) => {
    await (0,_main_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .e)(inputs, (ref, token) => (0,_oci_js__WEBPACK_IMPORTED_MODULE_2__/* .ociArtifact */ .q)(ref, token));
});
//# sourceMappingURL=index.js.map
__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 35842:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e: () => (/* binding */ run)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(96421);
// EXTERNAL MODULE: ./actions/common/lib/index.js + 8 modules
var lib = __webpack_require__(28224);
// EXTERNAL MODULE: ./node_modules/@sigstore/core/dist/index.js
var dist = __webpack_require__(83917);
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
const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
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
function certificate_certificateIdentity(cert) {
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
    if (id.issuer === GITHUB_ISSUER) {
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
// EXTERNAL MODULE: ./packages/core/dist/index.js + 10 modules
var core_dist = __webpack_require__(82284);
;// CONCATENATED MODULE: ./packages/verify/dist/errors.js

class errors_VerifyError extends core_dist/* BaseError */.Cf {
}
/** Thrown inside the pipeline to stop at the first failed check; caught by verifyArtifact. */
class CheckFailed extends Error {
    reason;
    stage;
    constructor(reason, message, stage) {
        super(message);
        this.reason = reason;
        this.stage = stage;
    }
}
//# sourceMappingURL=errors.js.map
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./packages/verify/dist/evidence.js



/**
 * The evidence files looked for beside an artifact, in this order: the provenance bundle our
 * tools write, the SBOM attestation, and the `.intoto.jsonl` that slsa-github-generator and
 * many release pipelines publish.
 */
const EVIDENCE_SUFFIXES = [
    '.sigstore.json',
    '.sbom.sigstore.json',
    '.intoto.jsonl',
];
/**
 * Parses a bundle file: one JSON document, or JSON lines (one bundle per line, as
 * `gh attestation download` and `.intoto.jsonl` files hold them). GitHub attestation API
 * records (`{"bundle": {...}}`) are unwrapped.
 */
function parseEvidence(text, source) {
    try {
        return (0,core_dist/* parseJsonDocuments */.q)(text, source).map((d) => ({
            source: d.source,
            json: (0,core_dist/* unwrapAttestationRecord */.$f)(d.json),
        }));
    }
    catch (err) {
        if (!(err instanceof core_dist/* CoreError */.am))
            throw err;
        throw new errors_VerifyError({ code: 'INVALID_EVIDENCE', message: err.message, cause: err });
    }
}
/** Reads and parses one evidence file; unreadable files are a VerifyError naming the file. */
async function readEvidence(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (err) {
        const e = (0,core_dist/* fileError */.zS)(path, err);
        throw new errors_VerifyError({ code: 'EVIDENCE_UNREADABLE', message: e.message, cause: err });
    }
    return parseEvidence(text, path);
}
/** Evidence files that exist beside `artifactPath` (see EVIDENCE_SUFFIXES). */
async function findEvidenceFiles(artifactPath) {
    const found = [];
    for (const suffix of EVIDENCE_SUFFIXES) {
        const candidate = artifactPath + suffix;
        try {
            if ((await (0,promises_.stat)(candidate)).isFile())
                found.push(candidate);
        }
        catch {
            // absent: fine
        }
    }
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
            out.statement = JSON.parse(Buffer.from(String(j.dsseEnvelope.payload), 'base64').toString('utf8'));
        }
        catch (err) {
            out.errors.push(`the DSSE payload is not JSON: ${err.message}`);
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
            const cert = X509Certificate.parse(Buffer.from(rawCert, 'base64'));
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
                time: RFC3161Timestamp.parse(Buffer.from(String(t.signedTimestamp), 'base64')).signingTime.toISOString(),
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

const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';
const STAGE_IDENTITY = 3;
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
/** True when the policy names who must have signed (a keyless bundle needs one). */
function hasIdentityConstraint(policy) {
    return (usesGitHubFlags(policy) ||
        policy.certificateIdentity !== undefined ||
        policy.certificateIdentityRegexp !== undefined);
}
function anchored(source, flag, flags = '') {
    try {
        return new RegExp(`^(?:${source})$`, flags);
    }
    catch (err) {
        throw new errors_VerifyError({
            code: 'INVALID_POLICY',
            message: `${flag}: invalid regular expression (${err.message})`,
        });
    }
}
const escapeRegex = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const OWNER_REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const OWNER = /^[A-Za-z0-9_.-]+$/;
/** Checks the policy's own shape once, before any artifact (bad flags are exit 2). */
function validatePolicy(policy) {
    const bad = (message) => {
        throw new VerifyError({ code: 'INVALID_POLICY', message });
    };
    if (policy.repo !== undefined && !OWNER_REPO.test(policy.repo))
        bad(`--repo "${policy.repo}": expected OWNER/REPO`);
    if (policy.signerRepo !== undefined && !OWNER_REPO.test(policy.signerRepo))
        bad(`--signer-repo "${policy.signerRepo}": expected OWNER/REPO`);
    if (policy.owner !== undefined && !OWNER.test(policy.owner))
        bad(`--owner "${policy.owner}": expected an owner name`);
    if (policy.repo &&
        policy.owner &&
        !policy.repo.toLowerCase().startsWith(`${policy.owner.toLowerCase()}/`))
        bad(`--repo ${policy.repo} is not owned by --owner ${policy.owner}`);
    if (policy.certificateIdentity !== undefined && policy.certificateIdentityRegexp !== undefined)
        bad('use either --certificate-identity or --certificate-identity-regexp, not both');
    if (policy.certificateOidcIssuer !== undefined &&
        policy.certificateOidcIssuerRegexp !== undefined)
        bad('use either --certificate-oidc-issuer or --certificate-oidc-issuer-regexp, not both');
    if (policy.signerWorkflow !== undefined && policy.signerRepo !== undefined)
        bad('use either --signer-workflow or --signer-repo, not both');
    if (policy.certificateIdentityRegexp !== undefined)
        anchored(policy.certificateIdentityRegexp, '--certificate-identity-regexp');
    if (policy.certificateOidcIssuerRegexp !== undefined)
        anchored(policy.certificateOidcIssuerRegexp, '--certificate-oidc-issuer-regexp');
    if (policy.signerWorkflow !== undefined)
        signerWorkflowRegex(policy);
}
function signerWorkflowRegex(policy) {
    const host = policy.hostname ?? 'github.com';
    let wf = policy.signerWorkflow.replace(/^https:\/\//, '');
    // As gh: `OWNER/REPO/path` gets the host prepended; `host.tld/OWNER/...` is kept.
    if (!/^[a-zA-Z0-9-]+\.[a-zA-Z0-9-]+[^/]*\//.test(wf))
        wf = `${escapeRegex(host)}/${wf}`;
    // Pinned by tag or by commit SHA, both verify: any `@ref` may follow unless one is given.
    const tail = wf.includes('@') ? '' : '(?:@.+)?';
    return anchored(`https://${wf}${tail}`, '--signer-workflow');
}
function fail(reason, message) {
    throw new CheckFailed(reason, message, STAGE_IDENTITY);
}
const lower = (s) => s?.toLowerCase();
/**
 * Applies the identity policy to the verified certificate's fields; throws CheckFailed with
 * the first mismatch. Mirrors `gh attestation verify`: `--repo`/`--owner` pin the source
 * repository, and without `--signer-*` the signing workflow must live in that same
 * repository (or owner), so a workflow from a fork or another repository is refused.
 */
function checkIdentity(id, policy) {
    const host = policy.hostname ?? 'github.com';
    const san = id.subjectAlternativeName;
    if (policy.certificateIdentity !== undefined && san !== policy.certificateIdentity)
        fail('IDENTITY_MISMATCH', `certificate identity is ${q(san)}, expected ${q(policy.certificateIdentity)}`);
    if (policy.certificateIdentityRegexp !== undefined) {
        if (san === undefined || !anchored(policy.certificateIdentityRegexp, '').test(san))
            fail('IDENTITY_MISMATCH', `certificate identity ${q(san)} does not match /^(?:${policy.certificateIdentityRegexp})$/`);
    }
    if (policy.certificateOidcIssuer !== undefined && id.issuer !== policy.certificateOidcIssuer)
        fail('ISSUER_MISMATCH', `certificate OIDC issuer is ${q(id.issuer)}, expected ${q(policy.certificateOidcIssuer)}`);
    if (policy.certificateOidcIssuerRegexp !== undefined) {
        if (id.issuer === undefined ||
            !anchored(policy.certificateOidcIssuerRegexp, '').test(id.issuer))
            fail('ISSUER_MISMATCH', `certificate OIDC issuer ${q(id.issuer)} does not match /^(?:${policy.certificateOidcIssuerRegexp})$/`);
    }
    const github = usesGitHubFlags(policy);
    // gh's default issuer: GitHub Actions, unless the user named another one.
    if (github &&
        policy.certificateOidcIssuer === undefined &&
        policy.certificateOidcIssuerRegexp === undefined) {
        if (id.issuer !== GITHUB_ACTIONS_ISSUER)
            fail('ISSUER_MISMATCH', `certificate OIDC issuer is ${q(id.issuer)}, expected ${q(GITHUB_ACTIONS_ISSUER)}`);
    }
    if (github && id.buildSignerURI === undefined && san === undefined)
        fail('NO_CERTIFICATE_IDENTITY', 'the certificate names no signing workflow');
    const signer = id.buildSignerURI ?? san ?? '';
    if (policy.repo !== undefined) {
        const want = `https://${host}/${policy.repo}`;
        if (lower(id.sourceRepositoryURI) !== lower(want))
            fail('REPOSITORY_MISMATCH', `source repository is ${q(id.sourceRepositoryURI)}, expected ${q(want)}`);
    }
    if (policy.owner !== undefined) {
        const want = `https://${host}/${policy.owner}`;
        const owner = id.sourceRepositoryOwnerURI ??
            (id.sourceRepositoryURI
                ? id.sourceRepositoryURI.split('/').slice(0, 4).join('/')
                : undefined);
        if (lower(owner) !== lower(want))
            fail('OWNER_MISMATCH', `source repository owner is ${q(owner)}, expected ${q(want)}`);
    }
    if (policy.signerRepo !== undefined) {
        const prefix = `https://${host}/${policy.signerRepo}/`.toLowerCase();
        if (!signer.toLowerCase().startsWith(prefix))
            fail('SIGNER_REPOSITORY_MISMATCH', `signing workflow ${q(signer)} is not in ${policy.signerRepo}`);
    }
    else if (policy.signerWorkflow !== undefined) {
        const re = signerWorkflowRegex(policy);
        if (!re.test(signer))
            fail('SIGNER_WORKFLOW_MISMATCH', `signing workflow ${q(signer)} does not match ${policy.signerWorkflow}`);
    }
    else if (policy.repo !== undefined) {
        const prefix = `https://${host}/${policy.repo}/`.toLowerCase();
        if (!signer.toLowerCase().startsWith(prefix))
            fail('SIGNER_REPOSITORY_MISMATCH', `signing workflow ${q(signer)} is not in ${policy.repo}; if a reusable workflow from another repository signs, say which with --signer-repo or --signer-workflow`);
    }
    else if (policy.owner !== undefined) {
        const prefix = `https://${host}/${policy.owner}/`.toLowerCase();
        if (!signer.toLowerCase().startsWith(prefix))
            fail('SIGNER_REPOSITORY_MISMATCH', `signing workflow ${q(signer)} is not owned by ${policy.owner}; use --signer-repo or --signer-workflow to accept it`);
    }
    if (policy.signerDigest !== undefined &&
        lower(id.buildSignerDigest) !== lower(policy.signerDigest))
        fail('SIGNER_DIGEST_MISMATCH', `signing workflow digest is ${q(id.buildSignerDigest)}, expected ${q(policy.signerDigest)}`);
    if (policy.sourceRef !== undefined && id.sourceRepositoryRef !== policy.sourceRef)
        fail('SOURCE_REF_MISMATCH', `source ref is ${q(id.sourceRepositoryRef)}, expected ${q(policy.sourceRef)}`);
    if (policy.sourceDigest !== undefined &&
        lower(id.sourceRepositoryDigest) !== lower(policy.sourceDigest))
        fail('SOURCE_DIGEST_MISMATCH', `source commit is ${q(id.sourceRepositoryDigest)}, expected ${q(policy.sourceDigest)}`);
    if (policy.denySelfHostedRunners && id.runnerEnvironment !== 'github-hosted')
        fail('SELF_HOSTED_RUNNER', `runner environment is ${q(id.runnerEnvironment)}, not github-hosted`);
}
const q = (s) => (s === undefined ? '(absent)' : JSON.stringify(s));
//# sourceMappingURL=policy.js.map
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
/**
 * Compares what the SLSA predicate claims with what the certificate (issued from the OIDC
 * token) says. For GitHub's buildType and ours: builder.id = build signer URI, and the source
 * commit, repository and ref. The older GitHub buildType names the runner as builder, so only
 * the source fields can be compared. Other predicates are not cross-checked.
 */
function crossCheck(statement, id) {
    if (statement.predicateType !== core_dist/* PredicateType */.Ot.SLSA_PROVENANCE_V1)
        return [];
    const p = (statement.predicate ?? {});
    const buildType = str(p.buildDefinition?.buildType);
    if (id === undefined) {
        return [
            {
                name: 'builder.id',
                status: 'not-checked',
                claimed: str(p.runDetails?.builder?.id),
                note: 'signed with a key: no certificate to compare with',
            },
        ];
    }
    const checks = [];
    const builderId = str(p.runDetails?.builder?.id);
    const wf = p.buildDefinition?.externalParameters?.workflow;
    if (buildType === core_dist/* BuildType */.nw.GITHUB_WORKFLOW_V1 || buildType === core_dist/* BuildType */.nw.LOCAL_V1) {
        checks.push(compare('builder.id', builderId, id.buildSignerURI, 'BUILDER_MISMATCH'));
    }
    else if (buildType === core_dist/* BuildType */.nw.GITHUB_WORKFLOW_LEGACY_V1) {
        checks.push({
            name: 'builder.id',
            status: 'not-checked',
            claimed: builderId,
            certificate: id.buildSignerURI,
            note: 'the older GitHub buildType names the runner, not the signing workflow',
        });
    }
    else {
        return [
            {
                name: 'buildType',
                status: 'not-checked',
                claimed: buildType,
                note: 'unknown buildType: nothing in the predicate was compared with the certificate',
            },
        ];
    }
    checks.push(compare('sourceCommit', sourceCommit(p), id.sourceRepositoryDigest, 'SOURCE_COMMIT_MISMATCH', true));
    const repo = str(wf?.repository);
    checks.push(compare('sourceRepository', repo, id.sourceRepositoryURI, 'SOURCE_REPOSITORY_CLAIM_MISMATCH', true));
    checks.push(compare('sourceRef', str(wf?.ref), id.sourceRepositoryRef, 'SOURCE_REF_CLAIM_MISMATCH'));
    return checks;
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
//# sourceMappingURL=provenance.js.map
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./node_modules/@sigstore/protobuf-specs/dist/index.js
var protobuf_specs_dist = __webpack_require__(19654);
// EXTERNAL MODULE: ./node_modules/@sigstore/tuf/seeds.json
var tuf_seeds = __webpack_require__(8032);
// EXTERNAL MODULE: ./node_modules/@sigstore/verify/dist/index.js
var verify_dist = __webpack_require__(54187);
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
        throw new errors_VerifyError({ code: 'INVALID_TRUSTED_ROOT', message: `${where}: ${what}` });
    };
    let docs;
    try {
        docs = (0,core_dist/* parseJsonDocuments */.q)(text, source);
    }
    catch (err) {
        if (!(err instanceof core_dist/* CoreError */.am))
            throw err;
        throw new errors_VerifyError({ code: 'INVALID_TRUSTED_ROOT', message: err.message, cause: err });
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
            throw new errors_VerifyError({
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
            throw new errors_VerifyError({
                code: 'INVALID_TRUSTED_ROOT',
                message: (0,core_dist/* fileError */.zS)(options.trustedRootPath, err).message,
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
// EXTERNAL MODULE: ./node_modules/@sigstore/bundle/dist/index.js
var bundle_dist = __webpack_require__(61040);
;// CONCATENATED MODULE: ./packages/verify/dist/prehashed.js
/**
 * Loads the curve arithmetic (only a digest-only message signature needs it, so `attest verify`
 * does not pay for it otherwise) and returns `verifyPrehashed`.
 */
async function prehashVerifier() {
    const { p256, p384, p521 } = await __webpack_require__.e(/* import() */ 260).then(__webpack_require__.bind(__webpack_require__, 13260));
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
;// CONCATENATED MODULE: ./packages/verify/dist/verify.js














const STAGE = { parse: 0, crypto: 1, statement: 2, identity: 3, crossCheck: 4, level: 5 };
class ArtifactData {
    input;
    digests = new Map();
    bytes;
    constructor(input) {
        this.input = input;
    }
    digest(algorithm) {
        const given = this.input.digest?.[algorithm];
        if (given !== undefined)
            return Promise.resolve(given.toLowerCase());
        if (this.input.path === undefined)
            return Promise.resolve(undefined);
        let p = this.digests.get(algorithm);
        if (!p) {
            p = (0,core_dist/* digestFile */.TM)(this.input.path, [algorithm]).then((d) => d[algorithm]);
            this.digests.set(algorithm, p);
        }
        return p;
    }
    read() {
        if (this.input.path === undefined)
            return undefined;
        const path = this.input.path;
        this.bytes ??= (0,promises_.readFile)(path).catch((err) => {
            throw (0,core_dist/* fileError */.zS)(path, err);
        });
        return this.bytes;
    }
    known() {
        return { ...this.input.digest };
    }
}
const verify_fail = (reason, message, stage) => {
    throw new CheckFailed(reason, message, stage);
};
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
function isStatementShaped(json) {
    return typeof json === 'object' && json !== null && '_type' in json && 'subject' in json;
}
async function checkSubject(statement, data, details) {
    const digests = {};
    for (const subject of statement.subject) {
        for (const algorithm of ['sha256', 'sha512']) {
            const want = subject.digest[algorithm];
            if (want === undefined)
                continue;
            const have = await data.digest(algorithm);
            if (have === undefined)
                continue;
            digests[algorithm] = have;
            if (have === want.toLowerCase()) {
                details.digest = { ...details.digest, [algorithm]: have };
                return;
            }
        }
    }
    if (Object.keys(digests).length === 0) {
        // No subject uses sha256 or sha512: say what the artifact's sha256 is anyway.
        const sha256 = await data.digest('sha256');
        if (sha256)
            digests.sha256 = sha256;
    }
    details.digest = { ...details.digest, ...digests };
    const names = statement.subject
        .map((s) => s.name ?? '(unnamed)')
        .slice(0, 5)
        .join(', ');
    verify_fail('SUBJECT_MISMATCH', `the artifact's digest (${Object.entries(digests)
        .map(([a, h]) => `${a}:${h}`)
        .join(', ') || 'unknown'}) is not a subject of the statement (subjects: ${names}${statement.subject.length > 5 ? ', ...' : ''})`, STAGE.statement);
}
function summarizeStatement(statement) {
    const p = statement.predicate;
    const buildType = p?.buildDefinition?.buildType;
    const builderId = p?.runDetails?.builder?.id;
    return {
        predicateType: statement.predicateType,
        subjects: statement.subject.map((s) => ({
            ...(s.name !== undefined ? { name: s.name } : {}),
            digest: { ...s.digest },
        })),
        ...(typeof buildType === 'string' ? { buildType } : {}),
        ...(typeof builderId === 'string' ? { builderId } : {}),
    };
}
async function chooseRoot(trust, leaf) {
    const found = trust.roots.find((r) => rootIssued(r, leaf));
    if (found)
        return found;
    if (trust.loadGitHub && looksLikeGitHubFulcio(leaf)) {
        let github;
        try {
            github = await trust.loadGitHub();
        }
        catch (err) {
            return verify_fail('TRUST_ROOT_UNAVAILABLE', `signed by GitHub's Sigstore instance (private repositories), whose trusted root comes from its TUF repository, which could not be reached (${err.message}); run once online (it is then cached) or pass --trusted-root FILE (gh attestation trusted-root > trusted_root.jsonl)`, STAGE.crypto);
        }
        if (rootIssued(github, leaf))
            return github;
    }
    if (trust.roots.length === 0)
        return verify_fail('CERTIFICATE_ERROR', 'no trusted root to verify the certificate against', STAGE.crypto);
    // None issued it: let @sigstore/verify say precisely why the chain does not verify.
    return trust.roots[0];
}
async function checkBundle(evidence, data, policy, trust, options) {
    const details = {
        crossChecks: [],
        timestamps: [],
        tlogEntries: [],
        warnings: [],
    };
    const outcome = { source: evidence.source, ok: false, stage: STAGE.parse, details };
    try {
        await runChecks(evidence, data, policy, trust, options, details, outcome);
        outcome.ok = true;
    }
    catch (err) {
        if (err instanceof CheckFailed) {
            outcome.stage = err.stage;
            outcome.failure = { reason: err.reason, message: err.message };
        }
        else if (err instanceof errors_VerifyError ||
            err.code === 'FILE_NOT_FOUND' ||
            err.code === 'FILE_UNREADABLE') {
            throw err;
        }
        else {
            outcome.failure = { reason: 'BUNDLE_INVALID', message: err.message };
        }
    }
    return outcome;
}
async function runChecks(evidence, data, policy, trust, options, details, outcome) {
    const enforce = options.provenance && asksAboutProvenance(policy);
    details.crossChecksEnforced = enforce;
    // Unsigned in-toto statement: SLSA L1 at most, and never "verified".
    if (isStatementShaped(evidence.json)) {
        let statement;
        try {
            statement = (0,core_dist/* parseStatement */.By)(evidence.json, evidence.source);
        }
        catch (err) {
            return verify_fail('STATEMENT_INVALID', err.message, STAGE.parse);
        }
        details.statement = summarizeStatement(statement);
        outcome.predicateType = statement.predicateType;
        await checkSubject(statement, data, details);
        details.slsa = slsaLevel('unsigned', statement.predicateType === core_dist/* PredicateType */.Ot.SLSA_PROVENANCE_V1);
        return verify_fail('UNSIGNED', 'the statement is not signed: it proves nothing about who built the artifact', STAGE.crypto);
    }
    let bundle;
    try {
        bundle = (0,bundle_dist.bundleFromJSON)(evidence.json);
    }
    catch (err) {
        return verify_fail('BUNDLE_INVALID', `not a valid Sigstore bundle: ${err.message}`, STAGE.parse);
    }
    const content = bundle.content.$case;
    const vm = bundle.verificationMaterial.content;
    const signedWith = vm.$case === 'publicKey' ? 'key' : 'certificate';
    details.bundle = { mediaType: bundle.mediaType, content, signedWith };
    // 1. Cryptography: @sigstore/verify (signature, chain, SCTs, tlog, timestamps).
    let leaf;
    let nodeLeaf;
    let root;
    if (vm.$case === 'publicKey') {
        if (!trust.publicKey)
            return verify_fail('PUBLIC_KEY_ERROR', 'the bundle is signed with a key, not a certificate: pass the public key with --key', STAGE.crypto);
    }
    else {
        const raw = vm.$case === 'certificate'
            ? vm.certificate.rawBytes
            : vm.x509CertificateChain.certificates[0]?.rawBytes;
        try {
            leaf = dist.X509Certificate.parse(Buffer.from(raw ?? []));
        }
        catch (err) {
            return verify_fail('CERTIFICATE_ERROR', `the signing certificate does not parse: ${err.message}`, STAGE.crypto);
        }
        nodeLeaf = strictCertificate(Buffer.from(raw ?? []));
        if (vm.$case === 'x509CertificateChain')
            rejectRootInChain(vm.x509CertificateChain.certificates);
        root = await chooseRoot(trust, nodeLeaf);
        details.trustedRoot = root.name;
    }
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
            return verify_fail('TIMESTAMP_ERROR', `an RFC 3161 timestamp does not parse: ${err instanceof TypeError ? 'a field is missing or not DER-encoded' : err.message}`, STAGE.crypto);
        }
    }
    let artifactBytes;
    let givenDigest;
    if (content === 'messageSignature') {
        const bytes = data.read();
        if (bytes)
            artifactBytes = await bytes;
        else {
            // Only a digest of the artifact was given: the signature is checked over that digest.
            const algorithm = messageDigestAlgorithm(bundle.content.messageSignature.messageDigest);
            const hex = algorithm === undefined ? undefined : await data.digest(algorithm);
            if (hex === undefined)
                return verify_fail('SUBJECT_MISMATCH', `the signature is over a ${algorithm ?? 'non-SHA-2'} digest of the artifact, and no such digest was given`, STAGE.crypto);
            givenDigest = Buffer.from(hex, 'hex');
        }
    }
    const entity = (0,verify_dist/* toSignedEntity */.DC)(bundle, artifactBytes);
    if (givenDigest)
        entity.signature = await prehashedContent(entity.signature, givenDigest);
    let verifier;
    if (vm.$case === 'publicKey') {
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
        verifier = new verify_dist/* Verifier */.BL(material, {
            tlogThreshold: 0,
            ctlogThreshold: 0,
            timestampThreshold: 0,
        });
    }
    else {
        const m = root.material;
        verifier = new verify_dist/* Verifier */.BL(m, {
            // GitHub's instance has no transparency log and no CT log: its roots list none.
            tlogThreshold: m.tlogs.length > 0 ? 1 : 0,
            ctlogThreshold: m.ctlogs.length > 0 ? 1 : 0,
            timestampThreshold: 1,
        });
    }
    try {
        verifier.verify(entity);
        if (nodeLeaf && root)
            opensslIssued(nodeLeaf, root);
    }
    catch (err) {
        if (err instanceof CheckFailed)
            throw err;
        if (err instanceof PrehashUnsupported)
            return verify_fail('SIGNATURE_ERROR', err.message, STAGE.crypto);
        if ((err instanceof verify_dist/* VerificationError */.mk || err instanceof verify_dist/* PolicyError */.pn) &&
            SIGSTORE_CODES.has(err.code)) {
            return verify_fail(err.code, `${err.message}${err.cause ? `: ${err.cause.message ?? err.cause}` : ''}`, STAGE.crypto);
        }
        return verify_fail('BUNDLE_INVALID', `the bundle does not verify: ${err.message}`, STAGE.crypto);
    }
    // @sigstore/verify proves inclusion against the signed checkpoint; the proof's own copy of the
    // root hash and tree size must then be the checkpoint's, or the bundle says two things.
    for (const e of bundle.verificationMaterial.tlogEntries) {
        const proof = e.inclusionProof;
        if (!proof?.checkpoint?.envelope)
            continue;
        const [, size, root] = proof.checkpoint.envelope.split('\n');
        if (size !== proof.treeSize || root !== Buffer.from(proof.rootHash).toString('base64'))
            return verify_fail('TLOG_INCLUSION_PROOF_ERROR', `tlog entry ${e.logIndex}: the inclusion proof's root hash or tree size differs from its signed checkpoint`, STAGE.crypto);
    }
    // @sigstore/verify checks a log key's validity only through a SET, at its integrated time; a
    // checkpoint (all a Rekor v2 entry has) is accepted from any key with the log's id. A key that
    // was retired, or not yet trusted, when the signature was timestamped must not vouch for the
    // entry either: its validFor must cover every verified time.
    const trustedTimes = entity.timestamps.flatMap((t) => t.$case === 'timestamp-authority'
        ? [t.timestamp.signingTime]
        : t.tlogEntry.inclusionPromise
            ? [new Date(Number(t.tlogEntry.integratedTime) * 1000)]
            : []);
    const tlogs = (root ?? trust.roots[0])?.material.tlogs ?? [];
    for (const e of bundle.verificationMaterial.tlogEntries) {
        if (!e.inclusionProof)
            continue;
        const keyId = Buffer.from(e.logId?.keyId ?? []);
        const keys = tlogs.filter((t) => t.logID.equals(keyId));
        for (const time of trustedTimes)
            if (!keys.some((k) => k.validFor.start <= time && time <= k.validFor.end))
                return verify_fail('TLOG_INCLUSION_PROOF_ERROR', `tlog entry ${e.logIndex}: the log's key was not trusted at ${time.toISOString()}, when the signature was timestamped (outside its validFor in the trusted root)`, STAGE.crypto);
    }
    for (const t of entity.timestamps) {
        if (t.$case === 'transparency-log')
            details.timestamps.push({
                kind: t.$case,
                time: new Date(Number(t.tlogEntry.integratedTime) * 1000).toISOString(),
            });
        else
            details.timestamps.push({ kind: t.$case, time: t.timestamp.signingTime.toISOString() });
    }
    details.tlogEntries = bundle.verificationMaterial.tlogEntries.map((e) => ({
        logIndex: e.logIndex,
        logId: Buffer.from(e.logId?.keyId ?? []).toString('hex'),
        ...(e.integratedTime && e.integratedTime !== '0'
            ? { integratedTime: new Date(Number(e.integratedTime) * 1000).toISOString() }
            : {}),
        kind: `${e.kindVersion?.kind ?? '?'}/${e.kindVersion?.version ?? '?'}`,
    }));
    let id;
    try {
        id = leaf ? certificate_certificateIdentity(leaf) : undefined;
    }
    catch (err) {
        return verify_fail('CERTIFICATE_ERROR', err.message, STAGE.crypto);
    }
    if (leaf && id)
        details.certificate = {
            ...id,
            notBefore: leaf.notBefore.toISOString(),
            notAfter: leaf.notAfter.toISOString(),
        };
    // 2. The statement and the artifact.
    let statement;
    if (bundle.content.$case === 'dsseEnvelope') {
        const env = bundle.content.dsseEnvelope;
        if (env.payloadType !== core_dist/* MediaType */.zu.IN_TOTO)
            return verify_fail('STATEMENT_INVALID', `payloadType is ${JSON.stringify(env.payloadType)}, expected ${core_dist/* MediaType */.zu.IN_TOTO}`, STAGE.statement);
        try {
            statement = (0,core_dist/* parseStatement */.By)(JSON.parse(Buffer.from(env.payload).toString('utf8')), `${evidence.source}: statement`);
        }
        catch (err) {
            return verify_fail('STATEMENT_INVALID', err.message, STAGE.statement);
        }
        details.statement = summarizeStatement(statement);
        outcome.predicateType = statement.predicateType;
        if (options.predicateType !== undefined && statement.predicateType !== options.predicateType)
            return verify_fail('PREDICATE_TYPE_MISMATCH', `predicate type is ${statement.predicateType}, expected ${options.predicateType}`, STAGE.statement);
        await checkSubject(statement, data, details);
    }
    else {
        if (policy.predicateType !== undefined)
            return verify_fail('PREDICATE_TYPE_MISMATCH', `a plain message signature has no predicate, expected ${policy.predicateType}`, STAGE.statement);
        const md = bundle.content.messageSignature.messageDigest;
        const algorithm = messageDigestAlgorithm(md);
        if (!md || !algorithm)
            return verify_fail('SUBJECT_MISMATCH', `the message digest algorithm ${String(md?.algorithm ?? '(absent)')} is not sha256 or sha512`, STAGE.statement);
        const have = await data.digest(algorithm);
        const want = Buffer.from(md.digest).toString('hex');
        details.digest = { ...details.digest, [algorithm]: have };
        if (have !== want)
            return verify_fail('SUBJECT_MISMATCH', `the artifact's ${algorithm} is ${have}, the signature is over ${want}`, STAGE.statement);
    }
    // 3. Identity, from the certificate only.
    if (id)
        checkIdentity(id, policy);
    else if (hasIdentityConstraint(policy) ||
        policy.certificateOidcIssuer ||
        policy.certificateOidcIssuerRegexp)
        return verify_fail('NO_CERTIFICATE_IDENTITY', 'signed with a key: there is no certificate identity to check the identity flags against', STAGE.identity);
    if (!options.provenance)
        return;
    // 4. Cross-checks between the predicate's claims and the certificate.
    if (statement) {
        details.crossChecks = crossCheck(statement, id);
        const mismatch = details.crossChecks.find((c) => c.status === 'mismatch');
        if (mismatch && enforce)
            return verify_fail(mismatch.reason, `forged or inconsistent provenance: ${mismatch.name}: ${mismatch.note}`, STAGE.crossCheck);
        if (mismatch)
            details.warnings.push(`provenance ${mismatch.name} does not match the certificate (not enforced with cosign-style flags): ${mismatch.note}`);
    }
    // 5. SLSA Build level.
    details.slsa = slsaLevel(signedWith, statement?.predicateType === core_dist/* PredicateType */.Ot.SLSA_PROVENANCE_V1, id);
    if (policy.minSlsaLevel !== undefined && details.slsa.level < policy.minSlsaLevel)
        return verify_fail('SLSA_LEVEL_TOO_LOW', `SLSA Build L${policy.minSlsaLevel} required; the evidence supports ${details.slsa.reason}`, STAGE.level);
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
        cert = undefined;
    }
    if (!cert || Buffer.compare(cert.raw, der) !== 0)
        return verify_fail('CERTIFICATE_ERROR', 'the signing certificate is not strict DER', STAGE.crypto);
    return cert;
}
/**
 * A bundle's certificate chain must stop below the root (Sigstore client spec; the
 * sigstore-conformance suite rejects has_root_in_chain): trust anchors come from the trusted
 * root only, never from the bundle. A self-signed certificate anywhere in the chain is refused.
 */
function rejectRootInChain(certificates) {
    for (const [i, c] of certificates.entries()) {
        let cert;
        try {
            cert = new external_node_crypto_.X509Certificate(Buffer.from(c.rawBytes));
        }
        catch {
            cert = undefined;
        }
        if (!cert)
            verify_fail('CERTIFICATE_ERROR', `certificate ${i} of the bundle's chain does not parse`, STAGE.crypto);
        else if (cert.checkIssued(cert) && cert.verify(cert.publicKey))
            verify_fail('CERTIFICATE_ERROR', `the bundle's certificate chain includes a self-signed root certificate (${cert.subject.replace(/\n/g, ', ')}): roots come from the trusted root only`, STAGE.crypto);
    }
}
/** A second opinion on the leaf's signature, from OpenSSL, by a CA of the chosen root. */
function opensslIssued(leaf, root) {
    const ok = root
        .caCertificates()
        .some((issuer) => leaf.checkIssued(issuer) && leaf.verify(issuer.publicKey));
    if (!ok)
        verify_fail('CERTIFICATE_ERROR', 'the signing certificate was not issued by a trusted CA (OpenSSL check)', STAGE.crypto);
}
function messageDigestAlgorithm(md) {
    return md?.algorithm === protobuf_specs_dist.HashAlgorithm.SHA2_512
        ? 'sha512'
        : md?.algorithm === protobuf_specs_dist.HashAlgorithm.SHA2_256
            ? 'sha256'
            : undefined;
}
function best(outcomes) {
    return outcomes.find((o) => o.ok) ?? [...outcomes].sort((a, b) => b.stage - a.stage)[0];
}
/**
 * Verifies one artifact against its bundles. Never throws for a failed check (the result says
 * which check failed and why); throws VerifyError only for input it cannot read.
 */
async function verifyArtifact(input, policy, trust) {
    const name = input.name ?? input.path ?? 'artifact';
    let evidence = input.evidence;
    if (evidence === undefined) {
        evidence = [];
        if (input.path !== undefined)
            for (const file of await findEvidenceFiles(input.path))
                evidence.push(...(await readEvidence(file)));
    }
    const data = new ArtifactData(input);
    const result = {
        artifact: name,
        digest: data.known(),
        verified: false,
        timestamps: [],
        tlogEntries: [],
        crossChecks: [],
        crossChecksEnforced: asksAboutProvenance(policy),
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
                ? `no bundle given and none found beside ${input.path} (looked for .sigstore.json, .sbom.sigstore.json, .intoto.jsonl)`
                : 'no bundle found',
        };
        return result;
    }
    const predicateType = policy.predicateType ?? core_dist/* PredicateType */.Ot.SLSA_PROVENANCE_V1;
    const outcomes = [];
    for (const e of evidence) {
        const o = await checkBundle(e, data, policy, trust, { predicateType, provenance: true });
        outcomes.push(o);
        if (o.ok)
            break; // like gh: one attestation that satisfies the policy is enough
    }
    // A plain message signature (cosign sign-blob) has no predicate; accept it when no
    // predicate type was asked for.
    const chosen = best(outcomes);
    Object.assign(result, chosen.details);
    result.digest = { ...result.digest, ...chosen.details.digest };
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
    if (policy.requireSbom) {
        const sbomOutcomes = [];
        for (const e of evidence) {
            const o = await checkBundle(e, data, policy, trust, {
                predicateType: core_dist/* PredicateType */.Ot.CYCLONEDX_BOM,
                provenance: false,
            });
            sbomOutcomes.push(o);
            if (o.ok)
                break;
        }
        const sbom = best(sbomOutcomes);
        result.sbom = {
            source: sbom.source,
            verified: sbom.ok,
            ...(sbom.failure ? { failure: sbom.failure } : {}),
        };
        if (!sbom.ok && result.verified) {
            result.verified = false;
            result.failure = {
                reason: 'SBOM_MISSING',
                message: `no signed CycloneDX attestation for this artifact verifies${sbom.failure && sbom.failure.reason !== 'PREDICATE_TYPE_MISMATCH' ? ` (${sbom.source}: ${sbom.failure.message})` : ''}`,
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
;// CONCATENATED MODULE: ./packages/verify/dist/index.js








//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./actions/verify/lib/main.js



function describe(r) {
    if (!r.verified) {
        const f = r.failure;
        return f ? `${f.reason}: ${f.message}` : 'no bundle verified';
    }
    const who = r.certificate?.subjectAlternativeName ?? 'a trusted key';
    return `signed by ${who}${r.statement?.builderId ? `, built by ${r.statement.builderId}` : ''}`;
}
async function run(inputs, resolveOci) {
    if (inputs.artifacts.length === 0) {
        throw new lib/* ActionError */.lZ({
            code: 'INVALID_INPUT',
            message: 'input "artifacts" lists nothing to verify',
        });
    }
    const trust = await loadTrustedRoot(inputs.trustedRoot ? { trustedRootPath: inputs.trustedRoot } : {});
    const shared = inputs.bundle ? await readEvidence(inputs.bundle) : undefined;
    const results = [];
    for (const artifact of inputs.artifacts) {
        const result = await (0,lib/* group */.Os)(`Verifying ${artifact}`, async () => {
            let input;
            if (artifact.startsWith('oci://') || artifact.startsWith('oci-layout:')) {
                if (!resolveOci) {
                    throw new lib/* ActionError */.lZ({
                        code: 'INVALID_INPUT',
                        message: `${artifact}: OCI references are not supported here`,
                    });
                }
                input = await resolveOci(artifact, inputs.token);
            }
            else {
                input = { path: artifact };
            }
            if (shared)
                input = { ...input, evidence: shared };
            const r = await verifyArtifact(input, inputs.policy, trust);
            for (const w of r.warnings)
                core/* warning */.$e(`${artifact}: ${w}`);
            console.log(`${artifact}: ${r.verified ? 'verified' : 'FAILED'} (${describe(r)})`);
            return r;
        });
        if (!result.verified)
            core/* error */.z3(`${artifact}: ${describe(result)}`);
        results.push(result);
    }
    const verifications = results.map((r) => ({
        artifact: r.artifact,
        verified: r.verified,
        detail: describe(r),
    }));
    (0,lib/* output */.CG)('results', JSON.stringify(results));
    const failed = results.filter((r) => !r.verified);
    (0,lib/* output */.CG)('verified', failed.length === 0);
    await (0,lib/* writeSummary */.Sy)({ title: 'Verification', verifications });
    if (failed.length > 0) {
        throw new lib/* ActionError */.lZ({
            code: 'VERIFICATION_FAILED',
            message: `${failed.length} of ${results.length} artifacts failed verification: ${failed.map((r) => r.artifact).join(', ')}`,
        });
    }
    return results;
}
//# sourceMappingURL=main.js.map

/***/ }),

/***/ 94796:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ ociArtifact)
/* harmony export */ });
/* harmony import */ var _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28224);
/* harmony import */ var _build_artifact_oci__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(24318);


/**
 * The evidence of an `oci://` artifact (see `fetchEvidence`): its one layer pulled to a temporary
 * file removed at exit, and every Sigstore bundle attached to it. The token, when set, is a
 * GitHub token: it goes to ghcr.io only (as GITHUB_TOKEN, through the client's own credential
 * rules), never to the other registries a list of references may name. Those are read with the
 * Docker config's credentials, or anonymously.
 */
async function ociArtifact(refText, token, env = process.env) {
    const { artifactPath, bundles } = await (0,_build_artifact_oci__WEBPACK_IMPORTED_MODULE_1__/* .fetchEvidence */ .eb)(refText, {
        env: token ? { ...env, GITHUB_TOKEN: token } : env,
        onProgress: _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .logProgress */ .sc,
    });
    return { path: artifactPath, name: refText, evidence: bundles };
}
//# sourceMappingURL=oci.js.map

/***/ })

};
