export const id = 452;
export const ids = [452];
export const modules = {

/***/ 75452:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96421);
/* harmony import */ var _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(28224);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(72147);



await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .runAction */ .Cs)(() => {
    const token = (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('token');
    // Never echo the registry token, even in debug logs.
    if (token)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(token);
    return {
        repository: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .requiredInput */ .YF)('repository'),
        subjectsDirectory: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('subjects-directory'),
        paths: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .listInput */ .dt)('paths'),
        attestationsDirectory: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('attestations-directory'),
        tag: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('tag'),
        token,
        username: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('username'),
    };
}, async (inputs) => {
    await (0,_main_js__WEBPACK_IMPORTED_MODULE_2__/* .run */ .e)(inputs);
});
//# sourceMappingURL=index.js.map
__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 72147:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ run)
/* harmony export */ });
/* unused harmony export tagFor */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(28224);
/* harmony import */ var _build_artifact_oci__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(24318);




/** A file name as an OCI tag: [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}. */
function tagFor(name) {
    const tag = name.replace(/[^A-Za-z0-9_.-]/g, '-').replace(/^[.-]+/, '');
    return (tag || 'artifact').slice(0, 128);
}
async function exists(path) {
    try {
        return (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(path)).isFile();
    }
    catch {
        return false;
    }
}
async function filesToPush(inputs) {
    if (inputs.subjectsDirectory) {
        const entries = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(inputs.subjectsDirectory, { withFileTypes: true });
        return entries
            .filter((e) => e.isFile())
            .map((e) => (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(inputs.subjectsDirectory, e.name))
            .sort();
    }
    return inputs.paths;
}
async function run(inputs, env = process.env) {
    const files = await filesToPush(inputs);
    if (files.length === 0) {
        throw new _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ({
            code: 'INVALID_INPUT',
            message: 'nothing to push: give subjects-directory or paths',
        });
    }
    if (inputs.tag && files.length > 1) {
        throw new _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ({
            code: 'INVALID_INPUT',
            message: `input "tag" names one artifact but ${files.length} files are pushed`,
        });
    }
    const ref = (0,_build_artifact_oci__WEBPACK_IMPORTED_MODULE_3__/* .parseReference */ .F2)(inputs.repository);
    if (ref.tag || ref.digest) {
        throw new _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ({
            code: 'INVALID_INPUT',
            message: `repository: ${inputs.repository} must name a repository, without tag or digest`,
        });
    }
    const credentials = inputs.token
        ? { username: inputs.username || env.GITHUB_ACTOR || 'token', password: inputs.token }
        : undefined;
    const target = (0,_build_artifact_oci__WEBPACK_IMPORTED_MODULE_3__/* .openTarget */ .Ap)(ref, {
        ...(credentials ? { credentials } : {}),
        env,
        onProgress: _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__/* .logProgress */ .sc,
    });
    const annotations = (0,_build_artifact_oci__WEBPACK_IMPORTED_MODULE_3__/* .contextAnnotations */ .Qq)({ env });
    const pushed = [];
    for (const file of files) {
        const name = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(file);
        const result = await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__/* .group */ .Os)(`Pushing ${name}`, async () => {
            const artifact = await (0,_build_artifact_oci__WEBPACK_IMPORTED_MODULE_3__/* .pushArtifact */ .Xi)(target, file, {
                tag: inputs.tag || tagFor(name),
                annotations,
                onProgress: _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__/* .logProgress */ .sc,
            });
            const subject = { target, descriptor: artifact.descriptor };
            const reference = (0,_build_artifact_oci__WEBPACK_IMPORTED_MODULE_3__/* .formatReference */ .FH)({ ...ref, digest: artifact.descriptor.digest });
            console.log(`pushed ${reference}`);
            const evidenceDir = inputs.attestationsDirectory || undefined;
            const beside = (suffix) => evidenceDir ? (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(evidenceDir, name + suffix) : file + suffix;
            const referrers = [];
            for (const suffix of ['.sigstore.json', '.sbom.sigstore.json']) {
                const path = beside(suffix);
                if (!(await exists(path)))
                    continue;
                const d = await (0,_build_artifact_oci__WEBPACK_IMPORTED_MODULE_3__/* .attachBundle */ .U9)(subject, await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(path), undefined, {
                    onProgress: _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__/* .logProgress */ .sc,
                });
                console.log(`attached ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(path)} as ${d.digest}`);
                referrers.push(d.digest);
            }
            const sbom = beside('.cdx.json');
            if (await exists(sbom)) {
                const d = await (0,_build_artifact_oci__WEBPACK_IMPORTED_MODULE_3__/* .attachSbom */ .By)(subject, await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(sbom), {
                    title: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(sbom),
                    onProgress: _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__/* .logProgress */ .sc,
                });
                console.log(`attached ${(0,node_path__WEBPACK_IMPORTED_MODULE_1__.basename)(sbom)} as ${d.digest}`);
                referrers.push(d.digest);
            }
            return { file, reference, referrers };
        });
        pushed.push(result);
    }
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__/* .output */ .CG)('reference', pushed[0].reference);
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__/* .output */ .CG)('references', pushed.map((p) => p.reference).join('\n'));
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__/* .output */ .CG)('referrers', pushed.flatMap((p) => p.referrers).join('\n'));
    await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__/* .writeSummary */ .Sy)({
        title: 'Pushed to OCI',
        oci: pushed.map((p) => p.reference),
        notes: [
            `${pushed.reduce((n, p) => n + p.referrers.length, 0)} bundles and SBOMs attached as referrers.`,
        ],
    });
    return pushed;
}
//# sourceMappingURL=main.js.map

/***/ })

};
