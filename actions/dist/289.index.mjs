export const id = 289;
export const ids = [289];
export const modules = {

/***/ 47289:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50299);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(52600);


await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)(() => {
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .requiredInput */ .YF)('paths');
    return {
        paths: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .listInput */ .dt)('paths'),
        output: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('output', 'sbom.cdx.json'),
        format: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .choiceInput */ .ij)('sbom-format', ['cyclonedx-json', 'spdx-json'], 'cyclonedx-json'),
        specVersion: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .choiceInput */ .ij)('spec-version', ['1.6', '1.7'], '1.6'),
    };
}, _main_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .e);
//# sourceMappingURL=index.js.map
__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 52600:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50299);
/* harmony import */ var _build_artifact_pipeline__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(64748);


async function run(inputs) {
    const result = await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os)(`SBOM of ${inputs.paths.join(', ')}`, () => (0,_build_artifact_pipeline__WEBPACK_IMPORTED_MODULE_1__/* .describeArtifacts */ .PC)({
        paths: inputs.paths,
        format: inputs.format,
        ...(inputs.format === 'cyclonedx-json' ? { specVersion: inputs.specVersion } : {}),
        output: inputs.output,
    }, { cwd: process.cwd(), env: process.env, onProgress: _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .logProgress */ .sc }));
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .info */ .pq)(`${result.componentCount} components: ${JSON.stringify(result.ecosystems)}`);
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .output */ .CG)('sbom-path', inputs.output);
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .output */ .CG)('component-count', result.componentCount);
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .output */ .CG)('ecosystems', JSON.stringify(result.ecosystems));
    await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .writeSummary */ .Sy)({
        title: 'SBOM',
        sboms: [
            {
                subject: inputs.output,
                componentCount: result.componentCount,
                ecosystems: result.ecosystems,
            },
        ],
    });
}
//# sourceMappingURL=main.js.map

/***/ })

};
