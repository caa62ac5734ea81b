export const id = 865;
export const ids = [865];
export const modules = {

/***/ 18865:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50299);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(74212);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(45824);



await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)(_inputs_js__WEBPACK_IMPORTED_MODULE_1__/* .readInputs */ .K, async (inputs) => {
    await (0,_main_js__WEBPACK_IMPORTED_MODULE_2__/* .run */ .e)(inputs);
});
//# sourceMappingURL=index.js.map
__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 74212:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   K: () => (/* binding */ readInputs)
/* harmony export */ });
/* harmony import */ var _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50299);

/** The policy inputs: the `attest verify` flags, by the same names. */
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
    set('signerDigest', 'signer-digest');
    set('sourceRef', 'source-ref');
    set('sourceDigest', 'source-digest');
    set('predicateType', 'predicate-type');
    set('hostname', 'hostname');
    if ((0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('deny-self-hosted-runners', false))
        p.denySelfHostedRunners = true;
    if ((0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('require-sbom', false))
        p.requireSbom = true;
    const levels = ['1', '2', '3'];
    const level = (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .choiceInput */ .ij)('slsa-level', levels, '');
    const old = (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .choiceInput */ .ij)('min-slsa-level', levels, '');
    if (level !== '' && old !== '' && level !== old)
        throw new _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ({
            code: 'INVALID_INPUT',
            message: 'min-slsa-level is the old name of slsa-level: give one',
        });
    const n = level || old;
    if (n !== '')
        p.minSlsaLevel = Number(n);
    return p;
}
/** `vsa-verifier` and the inputs that go with it: accept a trusted verifier's summaries. */
function summaries() {
    const verifier = (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('vsa-verifier');
    const verifierRegexp = (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('vsa-verifier-regexp');
    const issuer = (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('vsa-verifier-issuer');
    const maxAge = (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('vsa-max-age');
    if (verifier === '' && verifierRegexp === '') {
        if (issuer !== '' || maxAge !== '')
            throw new _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ({
                code: 'INVALID_INPUT',
                message: 'inputs "vsa-verifier-issuer" and "vsa-max-age" apply to "vsa-verifier"',
            });
        return undefined;
    }
    return {
        ...(verifier !== '' ? { verifier } : {}),
        ...(verifierRegexp !== '' ? { verifierRegexp } : {}),
        ...(issuer !== '' ? { issuer } : {}),
        ...(maxAge !== '' ? { maxAge } : {}),
    };
}
/** `vsa-out`, `vsa-sign`, `vsa-attach`: write (sign, attach) verification summaries. */
function writing() {
    const out = (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('vsa-out');
    const sign = (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('vsa-sign', false);
    const attach = (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('vsa-attach', false);
    if (out === '') {
        if (sign || attach)
            throw new _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ({
                code: 'INVALID_INPUT',
                message: 'inputs "vsa-sign" and "vsa-attach" need "vsa-out" (the file to write)',
            });
        return undefined;
    }
    if (attach && !sign)
        throw new _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ({
            code: 'INVALID_INPUT',
            message: 'input "vsa-attach" attaches signed summaries: set "vsa-sign" too',
        });
    // Keyless, with the job's own OIDC token: the summaries are signed by this workflow.
    const request = { out, ...(sign ? { signing: {} } : {}) };
    return { request, attach };
}
/** Reads the action's inputs (INPUT_*) into one typed object. */
function readInputs() {
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .requiredInput */ .YF)('artifacts');
    const trustedRoot = (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('trusted-root');
    const key = (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('key');
    const policyFile = (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('policy');
    const resourceUri = (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('vsa-resource-uri');
    const accept = summaries();
    const write = writing();
    return {
        request: {
            targets: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .listInput */ .dt)('artifacts'),
            bundles: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .listInput */ .dt)('bundle'),
            policy: policy(),
            trust: { ...(trustedRoot ? { trustedRoot } : {}), ...(key ? { key } : {}) },
            recursive: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('recursive', false),
            ...(policyFile ? { policyFile } : {}),
            ...(resourceUri ? { resourceUri } : {}),
            ...(accept ? { summaries: accept } : {}),
        },
        token: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('token'),
        ...(write ? { write } : {}),
        report: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('report'),
    };
}
//# sourceMappingURL=inputs.js.map

/***/ }),

/***/ 45824:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ run)
/* harmony export */ });
/* unused harmony export describe */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96421);
/* harmony import */ var _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50299);
/* harmony import */ var _build_artifact_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(23135);
/* harmony import */ var _build_artifact_pipeline__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(64748);
/* harmony import */ var _build_artifact_verify__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(64648);





/** One line per verdict: who signed (from the certificate only), or the failed check. */
function describe(r) {
    if (!r.verified) {
        const f = r.failure;
        return f ? `${f.reason}: ${f.message}` : 'no bundle verified';
    }
    const who = r.certificate?.buildSignerURI ?? r.certificate?.subjectAlternativeName;
    const level = r.slsa ? `, SLSA Build L${r.slsa.level}` : '';
    if (r.summary)
        return `verification summary by ${r.summary.verifier}${r.summary.timeVerified ? ` (${r.summary.timeVerified})` : ''}${level}`;
    return `${who ? `signed by ${who}` : 'signed with the given key'}${level}`;
}
async function run(inputs, env = process.env) {
    // The token is a GitHub credential: the OCI client gives it to ghcr.io only.
    const context = {
        cwd: process.cwd(),
        env: inputs.token ? { ...env, GITHUB_TOKEN: inputs.token } : env,
        onProgress: _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .logProgress */ .sc,
    };
    if (inputs.write?.request.signing)
        (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .requireIdToken */ .it)(env);
    const writer = inputs.write ? await (0,_build_artifact_pipeline__WEBPACK_IMPORTED_MODULE_3__/* .summaryWriter */ .uO)(inputs.write.request, context) : undefined;
    const outcome = await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .group */ .Os)('Verifying', () => (0,_build_artifact_pipeline__WEBPACK_IMPORTED_MODULE_3__/* .reportTargets */ .RV)(inputs.request, context, { generator: 'build-artifact verify' }).catch((err) => {
        // The policy's messages name the CLI's flags; here they are inputs of the same names.
        if ((err instanceof _build_artifact_verify__WEBPACK_IMPORTED_MODULE_4__.VerifyError && err.code === 'INVALID_POLICY') ||
            (err instanceof _build_artifact_pipeline__WEBPACK_IMPORTED_MODULE_3__/* .PipelineError */ .zC && err.code === 'INVALID_REQUEST'))
            throw new _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ({
                code: 'INVALID_INPUT',
                message: err.message.replace(/--([a-z-]+)(?: [A-Z/]+)?/g, 'input "$1"'),
            });
        throw err;
    }));
    for (const r of outcome.results) {
        for (const w of r.warnings)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .warning */ .$e((0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_2__.safeText)(`${r.target}: ${w}`));
        (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq)(`${r.target}: ${r.verified ? 'verified' : 'FAILED'} (${describe(r)})`);
        for (const d of r.dependencies ?? [])
            (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq)(`  dependency ${d.name ?? d.uri ?? d.sha256}: ${d.verified ? 'verified' : `FAILED (${d.error ?? 'see results'})`}`);
        if (!r.verified)
            _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .error */ .z3((0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_2__.safeText)(`${r.target}: ${describe(r)}`));
    }
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq)(`policy: ${outcome.policy.name} (sha256:${outcome.policy.digest.sha256})`);
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .output */ .CG)('policy-digest', outcome.policy.digest.sha256);
    const notes = [`Policy ${outcome.policy.name}: sha256:${outcome.policy.digest.sha256}`];
    if (writer && inputs.write) {
        const written = await writer.write(outcome);
        (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq)(`wrote ${written.summaries.length} verification summaries (verifier ${written.verifier}) to ${inputs.write.request.out}`);
        (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .output */ .CG)('vsa-file', written.file ?? '');
        notes.push(`${written.summaries.length} verification summar${written.summaries.length === 1 ? 'y' : 'ies'} by ${written.verifier}${written.signedWith ? ', signed' : ''}`);
        if (inputs.write.attach) {
            const referrers = await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .group */ .Os)('Attaching the verification summaries', () => (0,_build_artifact_pipeline__WEBPACK_IMPORTED_MODULE_3__/* .attachSummaries */ .O4)(written, context));
            for (const r of referrers)
                (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq)(`attached ${r.digest} to ${r.subject}`);
            (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .output */ .CG)('vsa-referrers', referrers.map((r) => r.digest).join('\n'));
        }
    }
    await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .reportVerified */ .$G)({ ...outcome, model: { ...outcome.model, notes: [...outcome.model.notes, ...notes] } }, inputs.report);
    const failed = outcome.results.filter((r) => !r.verified);
    if (failed.length > 0)
        throw new _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ({
            code: 'VERIFICATION_FAILED',
            message: `${failed.length} of ${outcome.results.length} artifacts failed verification: ${failed.map((r) => r.target).join(', ')}`,
        });
    return outcome.results;
}
//# sourceMappingURL=main.js.map

/***/ })

};
