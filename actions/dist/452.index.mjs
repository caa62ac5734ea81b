export const id = 452;
export const ids = [452];
export const modules = {

/***/ 75452:
/***/ ((__webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.a(__webpack_module__, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
__webpack_require__.r(__webpack_exports__);
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(96421);
/* harmony import */ var _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50299);
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
/* harmony import */ var _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50299);
/* harmony import */ var _build_artifact_oci__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27688);
/* harmony import */ var _build_artifact_pipeline__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(64748);



async function run(inputs, env = process.env) {
    if (!inputs.subjectsDirectory && inputs.paths.length === 0)
        throw new _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ({
            code: 'INVALID_INPUT',
            message: 'nothing to push: give subjects-directory or paths',
        });
    const named = (0,_build_artifact_oci__WEBPACK_IMPORTED_MODULE_1__.parseReference)(inputs.repository);
    if (named.tag || named.digest)
        throw new _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .ActionError */ .lZ({
            code: 'INVALID_INPUT',
            message: `repository: ${inputs.repository} must name a repository, without tag or digest`,
        });
    const target = {
        reference: inputs.tag ? `${inputs.repository}:${inputs.tag}` : inputs.repository,
        tagByName: !inputs.tag,
        ...(inputs.token
            ? {
                credentials: {
                    username: inputs.username || env.GITHUB_ACTOR || 'token',
                    password: inputs.token,
                },
            }
            : {}),
    };
    const published = await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .group */ .Os)(`Pushing to ${inputs.repository}`, () => (0,_build_artifact_pipeline__WEBPACK_IMPORTED_MODULE_2__/* .publishFiles */ .bg)({
        target,
        files: inputs.subjectsDirectory
            ? { directory: inputs.subjectsDirectory }
            : { paths: inputs.paths },
        ...(inputs.attestationsDirectory ? { sidecarDirectory: inputs.attestationsDirectory } : {}),
    }, { cwd: process.cwd(), env, onProgress: _build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .logProgress */ .sc }));
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .output */ .CG)('reference', published.artifacts[0].reference);
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .output */ .CG)('references', published.artifacts.map((a) => a.reference).join('\n'));
    (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .output */ .CG)('referrers', published.referrers.map((r) => r.digest).join('\n'));
    await (0,_build_artifact_actions_common__WEBPACK_IMPORTED_MODULE_0__/* .reportPublished */ .tn)(published, published.attachments);
    return published;
}
//# sourceMappingURL=main.js.map

/***/ })

};
