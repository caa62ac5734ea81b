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
/**
 * Package URLs (the purl specification, ECMA-427) for the four types this package writes, in the
 * canonical form packageurl-js gives. Built here rather than with packageurl-js: that library
 * creates an ICU collator when it loads (some 11 ms, a tenth of a typical `attest sbom` run) for
 * sorting that building a purl never does. `purl.test.ts` checks every function here against
 * packageurl-js, on the real lockfiles and on fuzzed names, versions and qualifiers.
 */
/** PEP 503 normalised name: lower case, runs of `-`, `_` and `.` become one `-`. */
function pep503(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
function npmPurl(name, version) {
    const slash = name.startsWith('@') ? name.indexOf('/') : -1;
    const namespace = slash > 0 ? name.slice(0, slash) : undefined;
    const base = slash > 0 ? name.slice(slash + 1) : name;
    // The npm type is case-insensitive: lower case is canonical.
    return purl('npm', namespace?.toLowerCase(), base.toLowerCase(), version);
}
function pypiPurl(name, version, qualifiers) {
    return purl('pypi', undefined, pep503(name), version, qualifiers);
}
function golangPurl(path, version) {
    const slash = path.lastIndexOf('/');
    const namespace = slash > 0 ? path.slice(0, slash) : undefined;
    const base = slash > 0 ? path.slice(slash + 1) : path;
    return purl('golang', namespace, base, version);
}
function cargoPurl(name, version, qualifiers) {
    return purl('cargo', undefined, name, version, qualifiers);
}
/** `pkg:type/namespace/name@version?qualifiers`, each part normalised and percent-encoded. */
function purl(type, namespace, name, version, qualifiers) {
    const trimmedName = name.trim();
    // Callers check names as they read them: an empty one here is a bug, not bad input.
    if (trimmedName === '')
        throw new Error(`a ${type} package URL needs a name`);
    let out = `pkg:${type}/`;
    const ns = namespace === undefined ? '' : collapseSlashes(namespace);
    if (ns !== '')
        out += `${percentEncode(ns).replaceAll('%3A', ':').replaceAll('%2F', '/')}/`;
    out += percentEncode(trimmedName);
    const v = version.trim();
    if (v !== '')
        out += `@${percentEncode(v).replaceAll('%3A', ':').replaceAll('%2B', '+')}`;
    if (qualifiers !== undefined) {
        // Keys are case-insensitive (lower case is canonical); an empty value is no qualifier.
        const byKey = new Map();
        for (const [key, value] of Object.entries(qualifiers)) {
            const trimmed = value.trim();
            if (trimmed !== '')
                byKey.set(key.toLowerCase(), trimmed);
        }
        if (byKey.size > 0) {
            const pairs = [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
            out += `?${pairs.map(([k, v]) => `${formEncode(k)}=${formEncode(v)}`).join('&')}`;
        }
    }
    return out;
}
/** A namespace without empty segments: no leading, trailing or doubled `/`. */
function collapseSlashes(path) {
    if (!path.includes('/'))
        return path;
    return path
        .split('/')
        .filter((segment) => segment !== '')
        .join('/');
}
/** encodeURIComponent, with a lone surrogate (not valid UTF-16, so not encodable) as U+FFFD. */
function percentEncode(s) {
    try {
        return encodeURIComponent(s);
    }
    catch {
        return encodeURIComponent(s.replace(/\p{Surrogate}/gu, '\uFFFD'));
    }
}
/**
 * application/x-www-form-urlencoded (what URLSearchParams writes), the encoding the reference
 * implementations give qualifiers, with a space as `%20` rather than `+`: encodeURIComponent
 * leaves `!'()~` as they are, and that encoding does not.
 */
function formEncode(s) {
    return percentEncode(s).replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
//# sourceMappingURL=purl.js.map

/***/ })

};
