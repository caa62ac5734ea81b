export const id = 120;
export const ids = [120];
export const modules = {

/***/ 37458:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e: () => (/* binding */ hexHash),
/* harmony export */   k: () => (/* binding */ sriToHashes)
/* harmony export */ });
const SRI_ALGORITHMS = {
    sha1: 'SHA-1',
    sha256: 'SHA-256',
    sha384: 'SHA-384',
    sha512: 'SHA-512',
};
const HEX_LENGTH = {
    'SHA-1': 40,
    'SHA-256': 64,
    'SHA-384': 96,
    'SHA-512': 128,
};
/**
 * npm's Subresource Integrity strings (`sha512-<base64>`, possibly several, space separated)
 * to CycloneDX hashes in hex. Unknown algorithms and wrong lengths are dropped: a hash we cannot
 * vouch for is worse than none.
 */
function sriToHashes(integrity) {
    if (typeof integrity !== 'string')
        return undefined;
    const out = [];
    for (const part of integrity.trim().split(/\s+/)) {
        const dash = part.indexOf('-');
        if (dash < 0)
            continue;
        const alg = SRI_ALGORITHMS[part.slice(0, dash).toLowerCase()];
        if (!alg)
            continue;
        const b64 = part.slice(dash + 1).split('?')[0];
        if (!/^[A-Za-z0-9+/]+={0,2}$/.test(b64))
            continue;
        const hex = Buffer.from(b64, 'base64').toString('hex');
        if (hex.length !== HEX_LENGTH[alg])
            continue;
        if (!out.some((h) => h.alg === alg))
            out.push({ alg, content: hex });
    }
    return out.length > 0 ? out : undefined;
}
/** A hex digest of a known algorithm, checked for length; undefined otherwise. */
function hexHash(alg, value) {
    if (typeof value !== 'string')
        return undefined;
    const hex = value.toLowerCase();
    return hex.length === HEX_LENGTH[alg] && /^[0-9a-f]+$/.test(hex)
        ? [{ alg, content: hex }]
        : undefined;
}
//# sourceMappingURL=hashes.js.map

/***/ }),

/***/ 81995:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   q: () => (/* binding */ parseJson)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(55221);

/** JSON.parse, with a syntax error turned into a typed error naming the file and the line. */
function parseJson(text, file) {
    try {
        return JSON.parse(text);
    }
    catch (err) {
        const msg = err.message;
        // V8: "... at position 123 (line 4 column 5)" or "... in JSON at position 123".
        const line = /line (\d+)/.exec(msg)?.[1];
        const pos = /position (\d+)/.exec(msg)?.[1];
        let lineNo = line ? Number(line) : undefined;
        if (lineNo === undefined && pos !== undefined) {
            lineNo = text.slice(0, Number(pos)).split('\n').length;
        }
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(file, `invalid JSON: ${msg.replace(/\s*\(line \d+ column \d+\)/, '')}`, lineNo, err);
    }
}
//# sourceMappingURL=json.js.map

/***/ }),

/***/ 86120:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePackageLock: () => (/* binding */ parsePackageLock)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(55221);
/* harmony import */ var _hashes_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(37458);
/* harmony import */ var _purl_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(12923);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(81995);
/* harmony import */ var _toml_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37065);





const NM = 'node_modules/';
function nameFromPath(path) {
    const i = path.lastIndexOf(NM);
    return i >= 0 ? path.slice(i + NM.length) : (path.split('/').pop() ?? path);
}
function depNames(entry, ...fields) {
    const out = [];
    for (const f of fields) {
        const v = entry[f];
        if ((0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(v))
            out.push(...Object.keys(v));
    }
    return out;
}
/** `npm:real-name@1.2.3` alias versions (v1 lockfiles) to the real name and version. */
function unalias(name, version) {
    if (!version.startsWith('npm:'))
        return [name, version];
    const spec = version.slice(4);
    const at = spec.lastIndexOf('@');
    return at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [name, version];
}
/** package-lock.json / npm-shrinkwrap.json, lockfileVersion 1, 2 and 3. */
function parsePackageLock(text, file) {
    const doc = (0,_json_js__WEBPACK_IMPORTED_MODULE_1__/* .parseJson */ .q)(text, file);
    if (!(0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(doc))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, 'not a JSON object');
    const entries = new Map();
    const rootName = (0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(doc.name) ?? '';
    if ((0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(doc.packages)) {
        for (const [path, raw] of Object.entries(doc.packages)) {
            if (!(0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(raw))
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, `packages["${path}"] is not an object`);
            const [name, version] = unalias((0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(raw.name) ?? (path === '' ? rootName : nameFromPath(path)), (0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(raw.version) ?? '');
            entries.set(path, {
                path,
                name,
                version,
                link: raw.link === true,
                resolved: (0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(raw.resolved),
                integrity: (0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(raw.integrity),
                dev: raw.dev === true,
                optional: raw.optional === true,
                devOptional: raw.devOptional === true,
                deps: depNames(raw, 'dependencies', 'optionalDependencies', 'peerDependencies'),
                optionalDeps: new Set([
                    ...depNames(raw, 'optionalDependencies'),
                    ...Object.entries((0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(raw.peerDependenciesMeta) ? raw.peerDependenciesMeta : {})
                        .filter(([, m]) => (0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(m) && m.optional === true)
                        .map(([n]) => n),
                ]),
            });
        }
    }
    else if ((0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(doc.dependencies) || doc.dependencies === undefined) {
        // v1: a nested tree; flatten it into node_modules paths.
        entries.set('', {
            path: '',
            name: rootName,
            version: (0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(doc.version) ?? '',
            link: false,
            dev: false,
            optional: false,
            devOptional: false,
            deps: Object.keys((0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(doc.dependencies) ? doc.dependencies : {}),
            optionalDeps: new Set(),
        });
        const walk = (deps, prefix) => {
            for (const [key, raw] of Object.entries(deps)) {
                if (!(0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(raw))
                    throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, `dependencies["${key}"] is not an object`);
                const path = `${prefix}${NM}${key}`;
                const rawVersion = (0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(raw.version) ?? '';
                const [name, version] = unalias(key, rawVersion);
                const local = rawVersion.startsWith('file:');
                entries.set(path, {
                    path,
                    name,
                    version: local ? '' : version,
                    link: local,
                    resolved: (0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(raw.resolved),
                    integrity: (0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(raw.integrity),
                    dev: raw.dev === true,
                    optional: raw.optional === true,
                    devOptional: false,
                    deps: depNames(raw, 'requires'),
                    optionalDeps: new Set(),
                });
                if ((0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(raw.dependencies))
                    walk(raw.dependencies, `${path}/`);
            }
        };
        if ((0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(doc.dependencies))
            walk(doc.dependencies, '');
    }
    else {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, 'neither `packages` nor `dependencies` is an object');
    }
    // Node's resolution: from a package's folder upwards, the first node_modules/<name>.
    const resolve = (from, name) => {
        let base = from;
        for (;;) {
            const hit = entries.get(base === '' ? `${NM}${name}` : `${base}/${NM}${name}`);
            if (hit)
                return hit;
            if (base === '')
                return undefined;
            const i = base.lastIndexOf(`/${NM}`);
            base = i >= 0 ? base.slice(0, i) : '';
        }
    };
    const target = (e) => e.link && e.resolved !== undefined ? (entries.get(e.resolved) ?? e) : e;
    const packages = [];
    for (const e of entries.values()) {
        if (e.link)
            continue; // the link's target is listed under its own path
        const firstParty = !e.path.includes(NM) || e.resolved?.startsWith('file:') === true;
        const pkg = {
            key: e.path,
            ecosystem: 'npm',
            name: e.name,
            version: e.version,
            purl: (0,_purl_js__WEBPACK_IMPORTED_MODULE_3__/* .npmPurl */ .NP)(e.name || 'unnamed', e.version),
            dependencies: [],
        };
        if (firstParty)
            pkg.firstParty = true;
        const hashes = (0,_hashes_js__WEBPACK_IMPORTED_MODULE_4__/* .sriToHashes */ .k)(e.integrity);
        if (hashes && !firstParty)
            pkg.hashes = hashes;
        if (e.dev)
            pkg.scope = 'excluded';
        else if (e.optional || e.devOptional)
            pkg.scope = 'optional';
        for (const dep of e.deps) {
            const hit = resolve(e.path, dep);
            if (hit)
                pkg.dependencies.push(target(hit).path);
        }
        packages.push(pkg);
    }
    return {
        source: file,
        format: file.endsWith('npm-shrinkwrap.json') ? 'npm-shrinkwrap.json' : 'package-lock.json',
        packages,
        hasGraph: true,
        completeness: 'complete',
        warnings: [],
    };
}
//# sourceMappingURL=npm.js.map

/***/ }),

/***/ 37065:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   MT: () => (/* binding */ parseToml),
/* harmony export */   fE: () => (/* binding */ toText),
/* harmony export */   gx: () => (/* binding */ str),
/* harmony export */   u4: () => (/* binding */ isRecord)
/* harmony export */ });
/* harmony import */ var smol_toml__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3292);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(55221);


/** Parses TOML, turning a syntax error into a typed error that names the file and the line. */
function parseToml(text, file) {
    try {
        return (0,smol_toml__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(text);
    }
    catch (err) {
        if (err instanceof smol_toml__WEBPACK_IMPORTED_MODULE_0__/* .TomlError */ .zx) {
            const first = err.message.split('\n')[0] ?? 'invalid TOML';
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .malformed */ .Qm)(file, `invalid TOML: ${first}`, err.line, err);
        }
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .malformed */ .Qm)(file, `invalid TOML: ${err.message}`, undefined, err);
    }
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function str(value) {
    return typeof value === 'string' ? value : undefined;
}
/**
 * String(value), also for the fast YAML reader's mappings, which have no prototype (String()
 * throws on those): a lockfile with a mapping where a string belongs gets an error, not a crash.
 */
function toText(value) {
    try {
        return String(value);
    }
    catch {
        return Object.prototype.toString.call(value);
    }
}
//# sourceMappingURL=toml.js.map

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
