export const id = 66;
export const ids = [66];
export const modules = {

/***/ 29066:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   binaryAssembly: () => (/* binding */ binaryAssembly),
/* harmony export */   binaryInventories: () => (/* binding */ binaryInventories)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _purl_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12923);


function goModulePackage(m, firstParty) {
    const eff = m.replace ?? m;
    const version = eff.version === '(devel)' ? '' : eff.version;
    const pkg = {
        key: m.path,
        ecosystem: 'golang',
        name: eff.path,
        version: eff.version,
        purl: (0,_purl_js__WEBPACK_IMPORTED_MODULE_1__/* .golangPurl */ .av)(eff.path, version),
        properties: {},
    };
    if (m.replace)
        pkg.properties['build-artifact:go.replaces'] = `${m.path}@${m.version}`;
    // The h1: sum is a hash over a file listing, not a file: a property, never a CycloneDX hash.
    if (eff.sum)
        pkg.properties['build-artifact:go.sum'] = eff.sum;
    if (firstParty) {
        pkg.firstParty = true;
        pkg.properties['build-artifact:go.main'] = 'true';
    }
    // A replacement by a local directory has no version: it is the project's own code.
    if (m.replace && !m.replace.version)
        pkg.firstParty = true;
    return pkg;
}
/** Inventories (Go modules, cargo-auditable crates) a binary carries. */
function binaryInventories(info, file) {
    const out = [];
    if (info.go) {
        const packages = [];
        if (info.go.main)
            packages.push(goModulePackage(info.go.main, true));
        if (info.go.goVersion) {
            const v = info.go.goVersion.replace(/^go/, '');
            packages.push({
                key: 'stdlib',
                ecosystem: 'golang',
                name: 'stdlib',
                version: v,
                purl: (0,_purl_js__WEBPACK_IMPORTED_MODULE_1__/* .golangPurl */ .av)('stdlib', v),
                properties: { 'build-artifact:go.toolchain': info.go.goVersion },
            });
        }
        for (const d of info.go.deps)
            packages.push(goModulePackage(d, false));
        // With cgo, C libraries linked in are not in the build info.
        const cgo = info.go.settings.CGO_ENABLED === '1';
        out.push({
            source: file,
            format: 'go-buildinfo',
            packages,
            hasGraph: false,
            completeness: cgo ? 'incomplete' : 'complete',
            warnings: cgo ? [`${file}: built with cgo: C libraries are not listed`] : [],
        });
    }
    if (info.auditable) {
        const list = info.auditable;
        const packages = list.map((p, i) => {
            const local = p.source === 'local';
            const pkg = {
                key: String(i),
                ecosystem: 'cargo',
                name: p.name,
                version: p.version,
                purl: (0,_purl_js__WEBPACK_IMPORTED_MODULE_1__/* .cargoPurl */ .q$)(p.name, p.version, p.source === 'crates.io' || local ? undefined : { repository_url: p.source }),
                dependencies: (p.dependencies ?? []).map(String),
            };
            if (local || p.root)
                pkg.firstParty = true;
            if (p.kind === 'build')
                pkg.scope = 'excluded';
            return pkg;
        });
        out.push({
            source: file,
            format: 'cargo-auditable',
            packages,
            hasGraph: true,
            completeness: 'complete',
            warnings: [],
        });
    }
    return out;
}
/** A binary as an assembly, with embedded modules as children. */
function binaryAssembly(info, name) {
    const properties = { 'build-artifact:binary.format': info.format };
    if (info.offset !== undefined)
        properties['build-artifact:binary.offset'] = String(info.offset);
    properties['build-artifact:binary.size'] = String(info.size);
    if (info.go) {
        if (info.go.goVersion)
            properties['build-artifact:go.version'] = info.go.goVersion;
        if (info.go.path)
            properties['build-artifact:go.path'] = info.go.path;
        for (const [k, v] of Object.entries(info.go.settings))
            properties[`build-artifact:go.build.${k}`] = v;
    }
    for (const [field, values] of Object.entries(info.producers ?? {})) {
        properties[`build-artifact:wasm.producers.${field}`] = Object.entries(values)
            .map(([n, v]) => (v ? `${n} ${v}` : n))
            .join(', ');
    }
    const inventories = binaryInventories(info, name);
    const children = info.embedded.map((e, i) => binaryAssembly(e, `${(0,node_path__WEBPACK_IMPORTED_MODULE_0__.basename)(name)}#${e.format}${info.embedded.length > 1 ? `-${i}` : ''}@${e.offset}`));
    const known = inventories.length > 0;
    const parts = [...inventories.map((i) => i.completeness), ...children.map((c) => c.completeness)];
    const completeness = !known
        ? 'unknown'
        : parts.includes('unknown')
            ? 'unknown'
            : parts.includes('incomplete')
                ? 'incomplete'
                : 'complete';
    const hashes = [{ alg: 'SHA-256', content: info.sha256 }];
    if (info.sha512)
        hashes.push({ alg: 'SHA-512', content: info.sha512 });
    return {
        name,
        type: 'application',
        hashes,
        properties,
        inventories,
        children,
        completeness,
    };
}
//# sourceMappingURL=assembly.js.map

/***/ })

};
