export const id = 24;
export const ids = [24];
export const modules = {

/***/ 15024:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50299);
/* harmony import */ var _main_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(95079);


await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .runAction */ .Cs)(() => ({
    directory: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .requiredInput */ .YF)('directory'),
    expectedBase64: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('expected-base64'),
    expected: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('expected'),
    checksumsFile: (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .stringInput */ .Uj)('checksums-file'),
}), _main_js__WEBPACK_IMPORTED_MODULE_1__/* .run */ .e);
//# sourceMappingURL=index.js.map
__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 95079:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50299);
/* harmony import */ var _build_artifact_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(23135);
/* harmony import */ var _build_artifact_pipeline__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(64748);




async function run(inputs) {
    const expected = inputs.expected + (0,_build_artifact_pipeline__WEBPACK_IMPORTED_MODULE_3__/* .decodeExpected */ .zU)(inputs.expectedBase64);
    if (expected.trim() === '') {
        throw new _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .ActionError */ .lZ({
            code: 'INVALID_INPUT',
            message: 'give the expected digests in expected-base64 or expected',
        });
    }
    const files = await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .group */ .Os)(`Re-hashing ${inputs.directory}`, async () => {
        const hashed = await (0,_build_artifact_pipeline__WEBPACK_IMPORTED_MODULE_3__/* .rehashDirectory */ .vU)(inputs.directory, expected);
        for (const f of hashed)
            (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .info */ .pq)(`${f.sha256}  ${f.name}: matches`);
        return hashed;
    });
    const sums = (0,_build_artifact_pipeline__WEBPACK_IMPORTED_MODULE_3__/* .formatSums */ .K3)(files);
    const checksumsFile = inputs.checksumsFile || (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(inputs.directory), 'SHA256SUMS');
    await (0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_2__.writeFileAtomic)(checksumsFile, sums);
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .output */ .CG)('digests', sums);
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .output */ .CG)('checksums-file', checksumsFile);
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .output */ .CG)('count', files.length);
    await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__/* .writeSummary */ .Sy)({
        title: 'Downloaded files re-hashed',
        subjects: files,
        notes: [`All ${files.length} files match the digests the build job passed on.`],
    });
}
//# sourceMappingURL=main.js.map

/***/ })

};
