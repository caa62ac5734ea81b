export const id = 97;
export const ids = [97];
export const modules = {

/***/ 17097:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(28224);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(88808);


await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)(() => ({
    subjectPaths: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .listInput */ .dt)('subject-path'),
    subjectsDirectory: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('subjects-directory'),
    checksums: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('checksums'),
    sourceDirectory: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('source-directory', '.'),
    sbomPaths: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .listInput */ .dt)('sbom-paths'),
    sbom: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('sbom', true),
    specVersion: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .choiceInput */ .ij)('spec-version', ['1.6', '1.7'], '1.6'),
    resolvedDependencies: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .listInput */ .dt)('resolved-dependencies'),
    outputDirectory: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('output-directory'),
    githubAttestations: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('github-attestations', true),
    token: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('token'),
}), async (inputs) => {
    await (0,_main_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .e)(inputs);
});
//# sourceMappingURL=index.js.map
__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 88808:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(96421);
/* harmony import */ var _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(28224);
/* harmony import */ var _build_artifact_core__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(82284);
/* harmony import */ var _build_artifact_provenance__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(79989);
/* harmony import */ var _build_artifact_sbom__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(96848);
/* harmony import */ var _build_artifact_sbom__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(55221);
/* harmony import */ var _build_artifact_sign__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(94476);








/**
 * The SBOM of one artifact: what the binary itself records (Go build info, cargo-auditable,
 * embedded wasm) plus the lockfiles it was built from. An artifact our inspectors cannot read
 * (a tarball, a wheel) is described by the lockfiles alone.
 */
async function sbomFor(path, lockfiles, specVersion) {
    const options = { specVersion, onProgress: _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_3__/* .logProgress */ .sc };
    try {
        return await (0,_build_artifact_sbom__WEBPACK_IMPORTED_MODULE_7__/* .generateSbom */ .N)([path, ...lockfiles], options);
    }
    catch (err) {
        if (!(err instanceof _build_artifact_sbom__WEBPACK_IMPORTED_MODULE_8__/* .SbomError */ .SP) || err.code !== 'UNSUPPORTED_INPUT' || err.file !== path) {
            throw err;
        }
        _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`${path} is not a binary the SBOM inspectors read; the SBOM lists its lockfiles`);
        return (0,_build_artifact_sbom__WEBPACK_IMPORTED_MODULE_7__/* .generateSbom */ .N)(lockfiles, options);
    }
}
function outPath(inputs, artifact, suffix) {
    return inputs.outputDirectory
        ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(inputs.outputDirectory, artifact.name.replace(/\//g, '_') + suffix)
        : artifact.path + suffix;
}
async function run(inputs, env = process.env) {
    // Before any work: without id-token: write there is nothing to sign with.
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_3__/* .requireIdToken */ .it)(env);
    if (inputs.outputDirectory)
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(inputs.outputDirectory, { recursive: true });
    const dependencies = inputs.resolvedDependencies.map((d) => (0,_build_artifact_provenance__WEBPACK_IMPORTED_MODULE_5__/* .parseResolvedDependency */ .lI)(d));
    const artifacts = await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_3__/* .group */ .Os)('Hashing the artifacts', async () => {
        const a = await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_3__/* .collectArtifacts */ .kx)(inputs);
        for (const x of a)
            console.log(`${x.sha256}  ${x.name}`);
        return a;
    });
    const subjects = artifacts.map((a) => ({
        name: a.name,
        digest: { sha256: a.sha256 },
    }));
    const claims = await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_3__/* .group */ .Os)('Reading the OIDC token', async () => {
        const token = await (0,_build_artifact_sign__WEBPACK_IMPORTED_MODULE_6__/* .fetchActionsIdToken */ .yq)(env, 'sigstore');
        const c = await (0,_build_artifact_provenance__WEBPACK_IMPORTED_MODULE_5__/* .verifyOidcToken */ .Sh)(token, {
            audience: 'sigstore',
            ...(env.ATTEST_OIDC_ISSUER ? { issuer: env.ATTEST_OIDC_ISSUER } : {}),
            ...(env.ATTEST_OIDC_JWKS_URL ? { jwksUrl: env.ATTEST_OIDC_JWKS_URL } : {}),
        });
        console.log(`workflow ${c.job_workflow_ref ?? c.workflow_ref} at ${c.sha}`);
        return c;
    });
    const instance = (0,_build_artifact_sign__WEBPACK_IMPORTED_MODULE_6__/* .sigstoreInstanceFromEnv */ .P_)(env, {
        visibility: String(claims.repository_visibility ?? ''),
    });
    const signOptions = {
        fulcioURL: instance.fulcioURL,
        ...(instance.rekorURL ? { rekorURL: instance.rekorURL } : {}),
        ...(instance.tsaURL ? { tsaURL: instance.tsaURL } : {}),
        tokenProvider: (0,_build_artifact_sign__WEBPACK_IMPORTED_MODULE_6__/* .actionsTokenProvider */ .IP)(env, 'sigstore'),
        onProgress: _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_3__/* .logProgress */ .sc,
    };
    _actions_core__WEBPACK_IMPORTED_MODULE_2__/* .info */ .pq(`signing with the ${instance.name} Sigstore instance (${instance.fulcioURL})`);
    const attested = [];
    const bundles = [];
    if (inputs.sbom) {
        const extra = inputs.sbomPaths.length > 0
            ? inputs.sbomPaths.map((p) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(inputs.sourceDirectory, p))
            : [inputs.sourceDirectory];
        for (const artifact of artifacts) {
            await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_3__/* .group */ .Os)(`SBOM of ${artifact.name}`, async () => {
                const sbom = await sbomFor(artifact.path, extra, inputs.specVersion);
                const sbomPath = outPath(inputs, artifact, '.cdx.json');
                await (0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_4__/* .writeFileAtomic */ .Zf)(sbomPath, sbom.json);
                const statement = (0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_4__/* .buildStatement */ .Y5)([{ name: artifact.name, digest: { sha256: artifact.sha256 } }], _build_artifact_core__WEBPACK_IMPORTED_MODULE_4__/* .PredicateType */ .Ot.CYCLONEDX_BOM, sbom.bom);
                const bundle = await (0,_build_artifact_sign__WEBPACK_IMPORTED_MODULE_6__/* .signStatement */ .fT)(statement, signOptions);
                const sbomBundlePath = outPath(inputs, artifact, '.sbom.sigstore.json');
                await (0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_4__/* .writeFileAtomic */ .Zf)(sbomBundlePath, `${JSON.stringify(bundle)}\n`);
                bundles.push({ subject: artifact.name, bundle });
                console.log(`${sbom.componentCount} components ${JSON.stringify(sbom.ecosystems)}; signed ${sbomBundlePath}`);
                attested.push({
                    ...artifact,
                    bundlePath: outPath(inputs, artifact, '.sigstore.json'),
                    sbomPath,
                    sbomBundlePath,
                    componentCount: sbom.componentCount,
                    ecosystems: sbom.ecosystems,
                });
            });
        }
    }
    else {
        for (const artifact of artifacts) {
            attested.push({ ...artifact, bundlePath: outPath(inputs, artifact, '.sigstore.json') });
        }
    }
    // One provenance for every artifact (the matrix legs of one build), copied beside each.
    const provenanceBundle = await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_3__/* .group */ .Os)('Signing the provenance', async () => {
        // Its URLs come from the verified token's issuer, not from GITHUB_SERVER_URL.
        const predicate = (0,_build_artifact_provenance__WEBPACK_IMPORTED_MODULE_5__/* .githubProvenance */ .t6)(claims, { resolvedDependencies: dependencies });
        const bundle = await (0,_build_artifact_sign__WEBPACK_IMPORTED_MODULE_6__/* .signStatement */ .fT)((0,_build_artifact_provenance__WEBPACK_IMPORTED_MODULE_5__/* .provenanceStatement */ .D2)(subjects, predicate), signOptions);
        for (const a of attested)
            await (0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_4__/* .writeFileAtomic */ .Zf)(a.bundlePath, `${JSON.stringify(bundle)}\n`);
        console.log(`signed provenance for ${subjects.length} subjects`);
        return bundle;
    });
    bundles.unshift({
        subject: subjects.length === 1 ? subjects[0].name : `${subjects.length} subjects`,
        bundle: provenanceBundle,
    });
    const facts = (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_3__/* .bundleFacts */ ._8)(provenanceBundle);
    const tlog = bundles.flatMap(({ subject, bundle }) => {
        const f = (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_3__/* .bundleFacts */ ._8)(bundle);
        if (f.logIndex === undefined)
            return [];
        const url = (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_3__/* .rekorLink */ .WS)(instance.rekorURL, f.logIndex);
        return [{ subject, logIndex: f.logIndex, ...(url ? { url } : {}) }];
    });
    const attestationIds = [];
    if (inputs.githubAttestations) {
        await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_3__/* .group */ .Os)('Storing in the GitHub attestations API', async () => {
            const repository = env.GITHUB_REPOSITORY;
            if (!repository) {
                throw new _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_3__/* .ActionError */ .lZ({
                    code: 'INVALID_INPUT',
                    message: 'GITHUB_REPOSITORY is not set: cannot store attestations',
                });
            }
            for (const { bundle } of bundles) {
                const id = await (0,_build_artifact_sign__WEBPACK_IMPORTED_MODULE_6__/* .storeAttestation */ .m4)(bundle, {
                    repository,
                    token: inputs.token,
                    apiUrl: env.GITHUB_API_URL || 'https://api.github.com',
                });
                attestationIds.push(String(id));
                console.log(`stored attestation ${id}`);
            }
        });
    }
    const sums = (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_3__/* .formatSums */ .K3)(attested.map((a) => ({ name: a.name, sha256: a.sha256 })));
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_3__/* .output */ .CG)('bundle-path', attested[0].bundlePath);
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_3__/* .output */ .CG)('bundle-paths', attested.map((a) => a.bundlePath).join('\n'));
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_3__/* .output */ .CG)('sbom-paths', attested.flatMap((a) => (a.sbomPath ? [a.sbomPath] : [])).join('\n'));
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_3__/* .output */ .CG)('sbom-bundle-paths', attested.flatMap((a) => (a.sbomBundlePath ? [a.sbomBundlePath] : [])).join('\n'));
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_3__/* .output */ .CG)('digests', sums);
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_3__/* .output */ .CG)('tlog-entries', tlog.map((t) => `${t.logIndex}${t.url ? ` ${t.url}` : ''}`).join('\n'));
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_3__/* .output */ .CG)('attestation-ids', attestationIds.join('\n'));
    const sboms = attested.flatMap((a) => a.componentCount === undefined
        ? []
        : [{ subject: a.name, componentCount: a.componentCount, ecosystems: a.ecosystems ?? {} }]);
    await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_3__/* .writeSummary */ .Sy)({
        title: 'Attested',
        subjects: attested.map((a) => ({ name: a.name, sha256: a.sha256 })),
        sboms,
        ...(facts.signer ? { signer: facts.signer } : {}),
        tlog,
        notes: attestationIds.length
            ? [`Stored in the GitHub attestations API: ${attestationIds.join(', ')}.`]
            : [],
    });
    return {
        artifacts: attested,
        ...(facts.signer ? { signer: facts.signer } : {}),
        tlog,
        attestationIds,
    };
}
//# sourceMappingURL=main.js.map

/***/ })

};
