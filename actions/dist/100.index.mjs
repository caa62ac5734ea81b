export const id = 100;
export const ids = [100];
export const modules = {

/***/ 62100:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96421);
/* harmony import */ var _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50299);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(62331);



await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .runAction */ .Cs)(() => {
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .requiredInput */ .YF)('subject-path');
    const registryToken = (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('registry-token');
    if (registryToken)
        _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .setSecret */ .Pq(registryToken);
    return {
        buildCommand: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('build-command'),
        workingDirectory: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('working-directory', '.'),
        subjectPaths: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .listInput */ .dt)('subject-path'),
        subjectsDirectory: '',
        checksums: '',
        sourceDirectory: '.',
        sbomPaths: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .listInput */ .dt)('sbom-paths'),
        sbom: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .booleanInput */ .tE)('sbom', true),
        sbomFormat: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .choiceInput */ .ij)('sbom-format', ['cyclonedx-json', 'spdx-json'], 'cyclonedx-json'),
        specVersion: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .choiceInput */ .ij)('spec-version', ['1.6', '1.7'], '1.6'),
        resolvedDependencies: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .listInput */ .dt)('resolved-dependencies'),
        outputDirectory: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('output-directory'),
        githubAttestations: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .booleanInput */ .tE)('github-attestations', true),
        token: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('token'),
        ociRepository: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('oci-repository'),
        registryToken,
        registryUsername: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .stringInput */ .Uj)('registry-username'),
    };
}, async (inputs) => {
    await (0,_main_js__WEBPACK_IMPORTED_MODULE_2__/* .run */ .e)(inputs);
});
//# sourceMappingURL=index.js.map
__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 62331:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ run)
/* harmony export */ });
/* unused harmony export runBuild */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77598);
/* harmony import */ var _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50299);
/* harmony import */ var _build_artifact_pipeline__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(64748);




/**
 * Runs the build with workflow commands off (a random token turns them back on), so nothing the
 * build prints can set outputs or env for the signing that follows in the same job.
 */
async function runBuild(command, cwd, env) {
    const token = (0,node_crypto__WEBPACK_IMPORTED_MODULE_1__.randomBytes)(32).toString('hex');
    process.stdout.write(`::stop-commands::${token}\n`);
    const status = await new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)('bash', ['-euo', 'pipefail', '-c', command], {
            cwd,
            env,
            stdio: 'inherit',
        });
        child.on('error', reject);
        child.on('close', (code) => resolve(code));
    }).finally(() => process.stdout.write(`::${token}::\n`));
    if (status !== 0)
        throw new _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__/* .ActionError */ .lZ({
            code: 'BUILD_FAILED',
            message: `build-command failed (exit ${status})`,
        });
}
/**
 * Build, then the attest flow (with the destination, so the signed statements name the
 * manifests), then the publish flow on what attest returned, in memory.
 */
async function run(inputs, env = process.env) {
    // Fail before building when signing cannot work.
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__/* .requireIdToken */ .it)(env);
    process.chdir(inputs.workingDirectory);
    if (inputs.buildCommand)
        await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__/* .group */ .Os)('Build', () => runBuild(inputs.buildCommand, process.cwd(), env));
    const context = { cwd: process.cwd(), env, onProgress: _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__/* .logProgress */ .sc };
    const attested = await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__/* .group */ .Os)('SBOMs, provenance and signatures', () => (0,_build_artifact_pipeline__WEBPACK_IMPORTED_MODULE_3__/* .attest */ .st)((0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__/* .attestRequest */ .vV)(inputs), context));
    // With a push, its summary says everything the attest summary would, and where it went.
    await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__/* .reportAttested */ .f4)(attested, { summary: !inputs.ociRepository });
    if (!inputs.ociRepository)
        return;
    const credentials = inputs.registryToken
        ? {
            username: inputs.registryUsername || env.GITHUB_ACTOR || 'token',
            password: inputs.registryToken,
        }
        : undefined;
    const published = await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__/* .group */ .Os)(`Pushing to ${inputs.ociRepository}`, () => (0,_build_artifact_pipeline__WEBPACK_IMPORTED_MODULE_3__/* .publishAttested */ .Mz)(attested, context, credentials ? { credentials } : {}));
    await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__/* .reportPublished */ .tn)(published, (0,_build_artifact_pipeline__WEBPACK_IMPORTED_MODULE_3__/* .attachmentsOf */ .sF)(attested));
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__/* .output */ .CG)('oci-reference', published.artifacts[0].reference);
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_2__/* .output */ .CG)('oci-references', published.artifacts.map((a) => a.reference).join('\n'));
}
//# sourceMappingURL=main.js.map

/***/ })

};
