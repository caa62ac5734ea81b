export const id = 97;
export const ids = [97];
export const modules = {

/***/ 17097:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50299);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(88808);


await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)(() => ({
    subjectPaths: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .listInput */ .dt)('subject-path'),
    subjectsDirectory: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('subjects-directory'),
    checksums: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('checksums'),
    sourceDirectory: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('source-directory', '.'),
    sbomPaths: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .listInput */ .dt)('sbom-paths'),
    sbom: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .booleanInput */ .tE)('sbom', true),
    sbomFormat: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .choiceInput */ .ij)('sbom-format', ['cyclonedx-json', 'spdx-json'], 'cyclonedx-json'),
    specVersion: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .choiceInput */ .ij)('spec-version', ['1.6', '1.7'], '1.6'),
    resolvedDependencies: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .listInput */ .dt)('resolved-dependencies'),
    ociRepository: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('oci-repository'),
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
/* harmony import */ var _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50299);
/* harmony import */ var _build_artifact_pipeline__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64748);


async function run(inputs, env = process.env) {
    // Before any work: without id-token: write there is nothing to sign with.
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .requireIdToken */ .it)(env);
    const context = { cwd: process.cwd(), env, onProgress: _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .logProgress */ .sc };
    const result = await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os)('SBOMs, provenance and signatures', () => (0,_build_artifact_pipeline__WEBPACK_IMPORTED_MODULE_1__/* .attest */ .st)((0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .attestRequest */ .vV)(inputs), context));
    await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .reportAttested */ .f4)(result);
    return result;
}
//# sourceMappingURL=main.js.map

/***/ })

};
