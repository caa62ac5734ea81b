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


/**
 * A `=>` replacement by a directory (cmd/go's rule, x/mod's modfile.IsDirectoryPath: `./`, `../`,
 * an absolute path, Unix or Windows), not by another module.
 */
function isDirectoryPath(p) {
    return (p === '.' ||
        p === '..' ||
        /^\.{1,2}[/\\]/.test(p) ||
        p.startsWith('/') ||
        p.startsWith('\\') ||
        /^[A-Za-z]:/.test(p));
}
function goModulePackage(m, firstParty) {
    const dir = m.replace && isDirectoryPath(m.replace.path) ? m.replace.path : undefined;
    // A directory is not a module identity: the component stays the module it replaces, at the
    // version the binary records for it. A module replacing another is what was compiled in.
    const eff = m.replace && !dir ? m.replace : m;
    const version = eff.version === '(devel)' ? '' : eff.version;
    const pkg = {
        key: m.path,
        ecosystem: 'golang',
        name: eff.path,
        version: eff.version,
        purl: (0,_purl_js__WEBPACK_IMPORTED_MODULE_1__/* .golangPurl */ .av)(eff.path, version),
        properties: {},
    };
    if (dir !== undefined)
        pkg.properties['build-artifact:go.replacement.dir'] = dir;
    else if (m.replace)
        pkg.properties['build-artifact:go.replaces'] = `${m.path}@${m.version}`;
    // The h1: sum is a hash over a file listing, not a file: a property, never a CycloneDX hash.
    if (eff.sum)
        pkg.properties['build-artifact:go.sum'] = eff.sum;
    if (firstParty) {
        pkg.firstParty = true;
        pkg.properties['build-artifact:go.main'] = 'true';
    }
    // A replacement by a local directory is the project's own code.
    if (dir !== undefined)
        pkg.firstParty = true;
    return pkg;
}
/** The release in a Go version for a purl: `go1.23.5 X:nocoverageredesign` -> `1.23.5`. */
function stdlibVersion(goVersion) {
    return goVersion.split(' ')[0].replace(/^go/, '');
}
/**
 * Whether the build info lists the modules compiled in. Builds outside module mode (GOPATH, as
 * Debian's Go packages are built; Bazel's rules_go; `go build file.go`) record a path and build
 * settings, or nothing, and no modules: their dependencies are unknown, not absent. The Go
 * distribution's own commands (`cmd/...`) have none but the standard library.
 */
function modulesRecorded(go) {
    return go.main !== undefined || go.deps.length > 0 || (go.path?.startsWith('cmd/') ?? false);
}
/** Inventories (Go modules, cargo-auditable crates) a binary carries. */
function binaryInventories(info, file) {
    const out = [];
    if (info.go) {
        const packages = [];
        if (info.go.main)
            packages.push(goModulePackage(info.go.main, true));
        if (info.go.goVersion) {
            const v = stdlibVersion(info.go.goVersion);
            const properties = {
                'build-artifact:go.toolchain': info.go.goVersion,
            };
            if (info.go.goVersionSource)
                properties['build-artifact:go.version.source'] = info.go.goVersionSource;
            packages.push({
                key: 'stdlib',
                ecosystem: 'golang',
                name: 'stdlib',
                version: v,
                purl: (0,_purl_js__WEBPACK_IMPORTED_MODULE_1__/* .golangPurl */ .av)('stdlib', v),
                properties,
            });
        }
        for (const d of info.go.deps)
            packages.push(goModulePackage(d, false));
        const warnings = [];
        // With cgo, C libraries linked in are not in the build info.
        if (info.go.settings.CGO_ENABLED === '1')
            warnings.push(`${file}: built with cgo: C libraries are not listed`);
        if (!modulesRecorded(info.go))
            warnings.push(`${file}: a Go program whose build info records no modules (built outside module mode): its Go dependencies are not listed`);
        out.push({
            source: file,
            format: 'go-buildinfo',
            packages,
            hasGraph: false,
            completeness: warnings.length > 0 ? 'incomplete' : 'complete',
            warnings,
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
        if (info.go.goVersionSource)
            properties['build-artifact:go.version.source'] = info.go.goVersionSource;
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
