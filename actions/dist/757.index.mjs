export const id = 757;
export const ids = [757];
export const modules = {

/***/ 42757:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseRequirements: () => (/* binding */ parseRequirements)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var _build_artifact_core__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(92462);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(55221);
/* harmony import */ var _purl_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(12923);





const defaultRead = (path) => {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch (err) {
        throw (0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_2__/* .fileError */ .zS)(path, err);
    }
};
// Requirement: name, optional [extras], optional version specifiers, optional `; marker`.
const REQ = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(\([^)]*\)|[^;@]*?)?\s*(?:@\s*(\S+))?\s*(?:;\s*(.*))?$/;
/**
 * requirements*.txt: `name==version` pins (with `--hash`, markers and extras), `-r` includes
 * followed relative to the including file. Anything not pinned to one exact version is reported in
 * `warnings` and left out, never guessed.
 */
function parseRequirements(text, file, read = defaultRead) {
    const packages = new Map();
    const warnings = [];
    let leftOut = 0;
    const seen = new Set();
    const visit = (content, path, depth) => {
        if (depth > 32)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(path, '-r includes nested too deeply');
        seen.add((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(path));
        // Join backslash continuations, remembering the line each logical line starts on.
        const physical = content.split('\n');
        for (let i = 0; i < physical.length; i++) {
            const start = i + 1;
            let line = physical[i].replace(/\r$/, '');
            while (line.endsWith('\\') && i + 1 < physical.length) {
                line = line.slice(0, -1) + ' ' + physical[++i].replace(/\r$/, '');
            }
            if (line.endsWith('\\'))
                line = line.slice(0, -1);
            // A comment starts at `#` at the line's start or after whitespace.
            line = line.replace(/(^|\s)#.*$/, '').trim();
            if (line === '')
                continue;
            if (line.startsWith('-')) {
                const m = /^(-r|--requirement|-c|--constraint|-e|--editable)(?:\s+|=)(\S+)/.exec(line);
                if (!m)
                    continue; // --index-url, --hash-only lines and other pip options
                const opt = m[1];
                if (opt === '-r' || opt === '--requirement') {
                    const inc = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.dirname)(path), m[2]);
                    if (seen.has(inc))
                        continue;
                    visit(read(inc), inc, depth + 1);
                }
                else if (opt === '-e' || opt === '--editable') {
                    if (/^(git|hg|svn|bzr)\+|:\/\//.test(m[2])) {
                        warnings.push(`${path}:${start}: editable VCS requirement "${m[2]}" has no pinned version; left out`);
                    }
                    else {
                        const name = m[2];
                        packages.set(`local:${name}`, {
                            key: `local:${name}`,
                            ecosystem: 'pypi',
                            name,
                            version: '',
                            firstParty: true,
                        });
                    }
                }
                // Constraints files do not add requirements.
                continue;
            }
            const [spec, ...opts] = line.split(/\s+--/);
            const hashes = opts.filter((o) => o.startsWith('hash'));
            const m = REQ.exec(spec.trim());
            if (!m) {
                if (/^(\.|\/|[a-z]+:\/\/)/.test(spec)) {
                    warnings.push(`${path}:${start}: "${spec}" is a path or URL, not a pinned requirement; left out`);
                    continue;
                }
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .malformed */ .Qm)(path, `cannot parse requirement "${spec.slice(0, 80)}"`, start);
            }
            const [, name, extras, specifiers, url, marker] = m;
            const pins = (specifiers ?? '')
                .replace(/^\(|\)$/g, '')
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean);
            const pin = pins.length === 1 ? /^===?\s*([^*\s]+)$/.exec(pins[0])?.[1] : undefined;
            if (url !== undefined || pin === undefined) {
                warnings.push(`${path}:${start}: ${name}${pins.length ? ` ${pins.join(',')}` : ''}${url ? ` @ ${url}` : ''} is not pinned to one version; left out`);
                leftOut++;
                continue;
            }
            const key = `${(0,_purl_js__WEBPACK_IMPORTED_MODULE_4__/* .pep503 */ .g9)(name)}@${pin}`;
            if (packages.has(key))
                continue;
            const pkg = {
                key,
                ecosystem: 'pypi',
                name: name,
                version: pin,
                purl: (0,_purl_js__WEBPACK_IMPORTED_MODULE_4__/* .pypiPurl */ .iC)(name, pin),
            };
            const props = {};
            if (marker)
                props['build-artifact:python.markers'] = marker.trim();
            if (extras)
                props['build-artifact:python.extras'] = extras.slice(1, -1).trim();
            if (hashes.length > 0)
                props['build-artifact:python.hashes'] = String(hashes.length);
            if (Object.keys(props).length > 0)
                pkg.properties = props;
            packages.set(key, pkg);
        }
    };
    visit(text, file, 0);
    // Two pins of one name (different files, different versions) are a conflict worth saying.
    const names = new Map();
    for (const p of packages.values()) {
        if (p.firstParty)
            continue;
        const n = (0,_purl_js__WEBPACK_IMPORTED_MODULE_4__/* .pep503 */ .g9)(p.name);
        if (names.has(n) && names.get(n) !== p.version)
            warnings.push(`${file}: ${n} is pinned to both ${names.get(n)} and ${p.version}`);
        names.set(n, p.version);
    }
    return {
        source: file,
        format: 'requirements.txt',
        packages: [...packages.values()],
        hasGraph: false,
        completeness: leftOut > 0 ? 'incomplete' : 'complete',
        warnings,
    };
}
//# sourceMappingURL=requirements.js.map

/***/ }),

/***/ 12923:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NP: () => (/* binding */ npmPurl),
/* harmony export */   av: () => (/* binding */ golangPurl),
/* harmony export */   g9: () => (/* binding */ pep503),
/* harmony export */   iC: () => (/* binding */ pypiPurl),
/* harmony export */   q$: () => (/* binding */ cargoPurl)
/* harmony export */ });
/* harmony import */ var packageurl_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(87091);

/** PEP 503 normalised name: lower case, runs of `-`, `_` and `.` become one `-`. */
function pep503(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
function npmPurl(name, version) {
    const slash = name.startsWith('@') ? name.indexOf('/') : -1;
    const namespace = slash > 0 ? name.slice(0, slash) : undefined;
    const base = slash > 0 ? name.slice(slash + 1) : name;
    return new packageurl_js__WEBPACK_IMPORTED_MODULE_0__.PackageURL('npm', namespace, base, version, undefined, undefined).toString();
}
function pypiPurl(name, version, qualifiers) {
    return new packageurl_js__WEBPACK_IMPORTED_MODULE_0__.PackageURL('pypi', undefined, pep503(name), version, qualifiers, undefined).toString();
}
function golangPurl(path, version) {
    const slash = path.lastIndexOf('/');
    const namespace = slash > 0 ? path.slice(0, slash) : undefined;
    const base = slash > 0 ? path.slice(slash + 1) : path;
    return new packageurl_js__WEBPACK_IMPORTED_MODULE_0__.PackageURL('golang', namespace, base, version || undefined, undefined, undefined).toString();
}
function cargoPurl(name, version, qualifiers) {
    return new packageurl_js__WEBPACK_IMPORTED_MODULE_0__.PackageURL('cargo', undefined, name, version, qualifiers, undefined).toString();
}
//# sourceMappingURL=purl.js.map

/***/ })

};
