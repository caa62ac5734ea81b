export const id = 789;
export const ids = [789];
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

/***/ 15789:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseCargoLock: () => (/* binding */ parseCargoLock),
/* harmony export */   scanCargoLock: () => (/* binding */ scanCargoLock)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(55221);
/* harmony import */ var _hashes_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(37458);
/* harmony import */ var _purl_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(12923);
/* harmony import */ var _toml_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37065);




const CRATES_IO = 'registry+https://github.com/rust-lang/crates.io-index';
const CRATES_IO_SPARSE = 'sparse+https://index.crates.io/';
function sourceQualifiers(source) {
    if (source === undefined || source === CRATES_IO || source === CRATES_IO_SPARSE)
        return undefined;
    if (source.startsWith('git+'))
        return { vcs_url: source };
    const plus = source.indexOf('+');
    return { repository_url: plus >= 0 ? source.slice(plus + 1) : source };
}
const WHITESPACE = /\s/;
const PACKAGE_KEYS = new Set(['name', 'version', 'source', 'checksum', 'dependencies']);
// `key = "string"` as Cargo writes it: a basic string without escapes or control characters.
const STRING_FIELD = /^([a-z]+) = "([^"\\\x00-\x1f\x7f]*)"$/;
const ARRAY_ITEM = /^ "([^"\\\x00-\x1f\x7f]*)",$/;
/**
 * Reads a Cargo.lock as smol-toml would, for the layout Cargo writes (v2-v4): a `version = N`
 * line, then `[[package]]` tables of `key = "string"` lines and a `dependencies = [` array with
 * one ` "item",` per line. Anything else (a `[metadata]` table, an escape, another spacing, a
 * duplicate key, a comment after a value) returns undefined and the TOML parser reads the file.
 * It is several times faster than the general parser on a lockfile of a thousand crates.
 */
function scanCargoLock(text) {
    const doc = {};
    const packages = [];
    let entry;
    let array; // the dependencies array being read
    const n = text.length;
    for (let pos = 0; pos < n;) {
        let end = text.indexOf('\n', pos);
        if (end < 0)
            end = n;
        const line = text.charCodeAt(end - 1) === 13 ? text.slice(pos, end - 1) : text.slice(pos, end);
        pos = end + 1;
        if (array !== undefined) {
            if (line === ']') {
                array = undefined;
                continue;
            }
            const m = ARRAY_ITEM.exec(line);
            if (m === null)
                return undefined;
            array.push(m[1]);
            continue;
        }
        if (line === '' || (line.charCodeAt(0) === 35 && entry === undefined))
            continue;
        if (line === '[[package]]') {
            entry = {};
            packages.push(entry);
            continue;
        }
        if (entry === undefined) {
            // Before the first table: only `version = N`.
            const m = /^version = ([1-9][0-9]?)$/.exec(line);
            if (m === null || 'version' in doc)
                return undefined;
            doc.version = Number(m[1]);
            continue;
        }
        if (line === 'dependencies = [') {
            if ('dependencies' in entry)
                return undefined;
            array = [];
            entry.dependencies = array;
            continue;
        }
        const m = STRING_FIELD.exec(line);
        if (m === null || !PACKAGE_KEYS.has(m[1]) || m[1] in entry)
            return undefined;
        entry[m[1]] = m[2];
    }
    if (array !== undefined)
        return undefined;
    if (packages.length > 0)
        doc.package = packages;
    return doc;
}
/**
 * Cargo.lock v1-v4. Packages without `source` are path packages: workspace members and local
 * crates, first-party. v1 keeps checksums in `[metadata]` as `checksum <name> <version> (<source>)`.
 */
function parseCargoLock(text, file) {
    const doc = scanCargoLock(text) ?? (0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .parseToml */ .MT)(text, file);
    const raw = doc.package;
    if (raw !== undefined && !Array.isArray(raw))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .malformed */ .Qm)(file, '`package` is not an array of tables');
    const entries = (raw ?? []);
    const v1Checksums = (0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(doc.metadata) ? doc.metadata : {};
    const packages = [];
    const byName = new Map();
    const sources = new Map();
    entries.forEach((entry, i) => {
        if (!(0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(entry))
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .malformed */ .Qm)(file, `package #${i + 1} is not a table`);
        const name = (0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(entry.name);
        const version = (0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(entry.version);
        if (!name || !version)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .malformed */ .Qm)(file, `package #${i + 1} has no name or version`);
        const source = (0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(entry.source);
        const checksum = (0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(entry.checksum) ??
            (0,_toml_js__WEBPACK_IMPORTED_MODULE_0__/* .str */ .gx)(v1Checksums[`checksum ${name} ${version}${source ? ` (${source})` : ''}`]);
        const pkg = {
            key: `${name} ${version}${source ? ` (${source})` : ''}`,
            ecosystem: 'cargo',
            name,
            version,
            purl: (0,_purl_js__WEBPACK_IMPORTED_MODULE_2__/* .cargoPurl */ .q$)(name, version, sourceQualifiers(source)),
            dependencies: [],
        };
        const hashes = (0,_hashes_js__WEBPACK_IMPORTED_MODULE_3__/* .hexHash */ .e)('SHA-256', checksum);
        if (hashes)
            pkg.hashes = hashes;
        if (source === undefined)
            pkg.firstParty = true;
        packages.push(pkg);
        sources.set(pkg, source);
        const list = byName.get(name);
        if (list)
            list.push(pkg);
        else
            byName.set(name, [pkg]);
    });
    // Dependencies are `name`, `name version` or (v1) `name version (source)`: resolve each.
    entries.forEach((entry, i) => {
        const pkg = packages[i];
        const deps = entry.dependencies;
        if (deps === undefined)
            return;
        if (!Array.isArray(deps))
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .malformed */ .Qm)(file, `${pkg.name} ${pkg.version}: dependencies is not an array`);
        for (const dep of deps) {
            if (typeof dep !== 'string')
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .malformed */ .Qm)(file, `${pkg.name} ${pkg.version}: bad dependency`);
            let match;
            if (!WHITESPACE.test(dep)) {
                // The common form, a bare name: every package of that name.
                match = byName.get(dep) ?? [];
            }
            else {
                const m = /^(\S+)(?: (\S+))?(?: \((.+)\))?$/.exec(dep.trim());
                const candidates = (m && byName.get(m[1])) || [];
                match = candidates.filter((c) => (m[2] === undefined || c.version === m[2]) &&
                    (m[3] === undefined || sources.get(c) === m[3]));
            }
            if (match.length !== 1) {
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .malformed */ .Qm)(file, `${pkg.name} ${pkg.version}: dependency "${dep}" matches ${match.length} packages`);
            }
            pkg.dependencies.push(match[0].key);
        }
    });
    return {
        source: file,
        format: 'Cargo.lock',
        packages,
        hasGraph: true,
        completeness: 'complete',
        warnings: [],
    };
}
//# sourceMappingURL=cargo.js.map

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
