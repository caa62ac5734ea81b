export const id = 811;
export const ids = [811];
export const modules = {

/***/ 58811:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50299);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(90150);


await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)(() => ({
    subjectPaths: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .listInput */ .dt)('subject-path'),
    subjectsDirectory: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('subjects-directory'),
    checksums: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('checksums'),
    resolvedDependencies: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .listInput */ .dt)('resolved-dependencies'),
    output: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('output', 'provenance.intoto.json'),
}), async (inputs) => {
    await (0,_main_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .e)(inputs);
});
//# sourceMappingURL=index.js.map
__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 90150:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50299);
/* harmony import */ var _build_artifact_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(23135);
/* harmony import */ var _build_artifact_pipeline__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(64748);
/* harmony import */ var _build_artifact_provenance__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(26395);




async function run(inputs, env = process.env) {
    // The provenance is only as good as the claims it is built from: a verified token, never env.
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .requireIdToken */ .it)(env);
    const context = { cwd: process.cwd(), env, onProgress: _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .logProgress */ .sc };
    const result = await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os)('Building the provenance', () => (0,_build_artifact_pipeline__WEBPACK_IMPORTED_MODULE_2__/* .attest */ .st)({
        artifacts: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .artifactSource */ .k8)(inputs),
        sbom: false,
        signing: false,
        provenance: {
            builder: 'github',
            resolvedDependencies: inputs.resolvedDependencies.map((d) => (0,_build_artifact_provenance__WEBPACK_IMPORTED_MODULE_3__.parseResolvedDependency)(d)),
        },
    }, context));
    await (0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_1__.writeFileAtomic)(inputs.output, result.provenance.text);
    const subjects = result.artifacts.map((a) => ({ name: a.name, sha256: a.digest.sha256 }));
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .output */ .CG)('statement-path', inputs.output);
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .output */ .CG)('digests', (0,_build_artifact_pipeline__WEBPACK_IMPORTED_MODULE_2__/* .formatSums */ .K3)(subjects));
    await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .writeSummary */ .Sy)({
        title: 'Provenance (unsigned)',
        subjects,
        notes: [`Statement written to \`${inputs.output}\`.`],
    });
}
//# sourceMappingURL=main.js.map

/***/ })

};
