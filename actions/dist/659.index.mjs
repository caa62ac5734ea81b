export const id = 659;
export const ids = [659];
export const modules = {

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

/***/ 13659:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parsePdmLock: () => (/* binding */ parsePdmLock),
/* harmony export */   parsePipfileLock: () => (/* binding */ parsePipfileLock),
/* harmony export */   parsePoetryLock: () => (/* binding */ parsePoetryLock),
/* harmony export */   parseUvLock: () => (/* binding */ parseUvLock),
/* harmony export */   requirementName: () => (/* binding */ requirementName),
/* harmony export */   withoutFileLists: () => (/* binding */ withoutFileLists)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(55221);
/* harmony import */ var _purl_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(12923);
/* harmony import */ var _json_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(81995);
/* harmony import */ var _toml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37065);




/*
 * Python lockfiles list several files (wheels, sdist) per package, each with its own SHA-256: none
 * of them is "the" component's hash, so they stay out of `hashes` (see the README).
 */
function pyPackage(name, version, key, qualifiers) {
    return {
        key,
        ecosystem: 'pypi',
        name,
        version,
        purl: (0,_purl_js__WEBPACK_IMPORTED_MODULE_0__/* .pypiPurl */ .iC)(name, version, qualifiers),
        dependencies: [],
    };
}
const FILE_LIST = /^(?:wheels|files) = \[\n/gm;
const FILE_ITEM = / {4}\{[^\n]*\},?\n/y;
const SDIST = /^sdist = \{[^\n]*\}$/gm;
/**
 * uv.lock, poetry.lock and pdm.lock spend most of their bytes on per-file lists (`wheels = [`,
 * `files = [`, one inline table per line) that the inventory does not read. Where they have
 * exactly that shape, their lines (and uv's one-line `sdist = {...}`) are blanked before the
 * TOML parser runs, kept as empty lines so that a TOML error still names the right line: parsing
 * is then several times faster. Nothing is blanked in a file with multi-line strings, where such
 * a line could be inside a string, or with CR LF line ends.
 */
function withoutFileLists(text) {
    if (text.includes('"""') || text.includes("'''") || text.includes('\r'))
        return text;
    const parts = [];
    let kept = 0; // start of the text not yet copied
    FILE_LIST.lastIndex = 0;
    for (let m = FILE_LIST.exec(text); m !== null; m = FILE_LIST.exec(text)) {
        // One inline table per line up to a `]` line.
        let at = m.index + m[0].length;
        let lines = 1;
        FILE_ITEM.lastIndex = at;
        while (FILE_ITEM.test(text)) {
            at = FILE_ITEM.lastIndex;
            lines++;
        }
        if (text[at] !== ']' || (at + 1 < text.length && text[at + 1] !== '\n'))
            continue;
        parts.push(text.slice(kept, m.index), '\n'.repeat(lines));
        kept = at + 1;
        FILE_LIST.lastIndex = kept;
    }
    parts.push(text.slice(kept));
    // uv's one-line `sdist = { url, hash, size, ... }`: not read either.
    return parts.join('').replace(SDIST, '');
}
/** Breadth-first reach over `edges` from `roots`. */
function reach(roots, edges) {
    const seen = new Set();
    const stack = [...roots];
    while (stack.length > 0) {
        const k = stack.pop();
        if (seen.has(k))
            continue;
        seen.add(k);
        for (const d of edges.get(k) ?? [])
            stack.push(d);
    }
    return seen;
}
/** Scope by what first-party code reaches: required, else only through extras, else only dev. */
function applyScopes(packages, edges, prod, optional, dev) {
    const p = reach(prod, edges);
    const o = reach(optional, edges);
    const d = reach(dev, edges);
    for (const pkg of packages) {
        if (pkg.firstParty || p.has(pkg.key))
            continue;
        if (o.has(pkg.key))
            pkg.scope = 'optional';
        else if (d.has(pkg.key))
            pkg.scope = 'excluded';
    }
}
function gitQualifier(source) {
    const git = (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(source.git);
    if (git)
        return { vcs_url: `git+${git}` };
    const url = (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(source.url);
    if (url)
        return { download_url: url };
    return undefined;
}
/** uv.lock (version 1). */
function parseUvLock(text, file) {
    const doc = (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .parseToml */ .MT)(withoutFileLists(text), file);
    const raw = doc.package;
    if (raw !== undefined && !Array.isArray(raw))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, '`package` is not an array of tables');
    const entries = (raw ?? []);
    const packages = [];
    const byName = new Map();
    const sources = new Map();
    entries.forEach((entry, i) => {
        if (!(0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(entry))
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, `package #${i + 1} is not a table`);
        const name = (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(entry.name);
        if (!name)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, `package #${i + 1} has no name`);
        const source = (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(entry.source) ? entry.source : {};
        const kind = Object.keys(source)[0] ?? 'registry';
        const local = ['editable', 'virtual', 'directory'].includes(kind);
        const version = (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(entry.version) ?? '';
        if (!local && !version)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, `${name}: no version`);
        const pkg = pyPackage(name, version, `${(0,_purl_js__WEBPACK_IMPORTED_MODULE_0__/* .pep503 */ .g9)(name)}@${version}@${JSON.stringify(source)}`, gitQualifier(source));
        if (local) {
            pkg.firstParty = true;
            delete pkg.purl;
            pkg.properties = { 'build-artifact:python.source': `${kind}:${(0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .toText */ .fE)(source[kind])}` };
        }
        packages.push(pkg);
        sources.set(pkg, JSON.stringify(source));
        const n = (0,_purl_js__WEBPACK_IMPORTED_MODULE_0__/* .pep503 */ .g9)(name);
        const list = byName.get(n);
        if (list)
            list.push(pkg);
        else
            byName.set(n, [pkg]);
    });
    const resolveDeps = (deps) => {
        const out = [];
        if (!Array.isArray(deps))
            return out;
        for (const d of deps) {
            if (!(0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(d) || !(0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(d.name))
                continue;
            let cands = byName.get((0,_purl_js__WEBPACK_IMPORTED_MODULE_0__/* .pep503 */ .g9)((0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(d.name))) ?? [];
            if ((0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(d.version))
                cands = cands.filter((c) => c.version === d.version);
            if ((0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(d.source))
                cands = cands.filter((c) => sources.get(c) === JSON.stringify(d.source));
            for (const c of cands)
                if (!out.includes(c.key))
                    out.push(c.key);
        }
        return out;
    };
    const groupDeps = (groups) => (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(groups) ? Object.values(groups).flatMap((g) => resolveDeps(g)) : [];
    const edges = new Map();
    const prod = [];
    const optional = [];
    const dev = [];
    entries.forEach((entry, i) => {
        const e = entry;
        const pkg = packages[i];
        const direct = resolveDeps(e.dependencies);
        const extras = groupDeps(e['optional-dependencies']);
        const devs = groupDeps(e['dev-dependencies']);
        if (pkg.firstParty) {
            prod.push(...direct);
            optional.push(...extras);
            dev.push(...devs);
        }
        pkg.dependencies = [...new Set([...direct, ...extras, ...devs])];
        edges.set(pkg.key, pkg.firstParty ? direct : pkg.dependencies);
    });
    for (const pkg of packages)
        if (pkg.firstParty)
            prod.push(pkg.key);
    applyScopes(packages, edges, prod, optional, dev);
    return {
        source: file,
        format: 'uv.lock',
        packages,
        hasGraph: true,
        completeness: 'complete',
        warnings: [],
    };
}
/** poetry.lock (1.x `category`, 2.x `groups`). */
function parsePoetryLock(text, file) {
    const doc = (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .parseToml */ .MT)(withoutFileLists(text), file);
    const raw = doc.package;
    if (raw !== undefined && !Array.isArray(raw))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, '`package` is not an array of tables');
    const entries = (raw ?? []);
    const packages = [];
    const byName = new Map();
    entries.forEach((entry, i) => {
        if (!(0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(entry))
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, `package #${i + 1} is not a table`);
        const name = (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(entry.name);
        const version = (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(entry.version);
        if (!name || !version)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, `package #${i + 1} has no name or version`);
        const source = (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(entry.source) ? entry.source : {};
        const type = (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(source.type);
        const qualifiers = type === 'git'
            ? {
                vcs_url: `git+${(0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(source.url)}@${(0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(source.resolved_reference) ?? (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(source.reference) ?? ''}`,
            }
            : type === 'url'
                ? { download_url: (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(source.url) ?? '' }
                : type === 'legacy' && (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(source.url)
                    ? { repository_url: (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(source.url) }
                    : undefined;
        const pkg = pyPackage(name, version, `${(0,_purl_js__WEBPACK_IMPORTED_MODULE_0__/* .pep503 */ .g9)(name)}@${version}`, qualifiers);
        if (type === 'directory')
            pkg.firstParty = true;
        const groups = Array.isArray(entry.groups)
            ? entry.groups.map(String)
            : [(0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(entry.category) ?? 'main'];
        if (!groups.includes('main'))
            pkg.scope = 'excluded';
        else if (entry.optional === true)
            pkg.scope = 'optional';
        packages.push(pkg);
        const list = byName.get((0,_purl_js__WEBPACK_IMPORTED_MODULE_0__/* .pep503 */ .g9)(name));
        if (list)
            list.push(pkg);
        else
            byName.set((0,_purl_js__WEBPACK_IMPORTED_MODULE_0__/* .pep503 */ .g9)(name), [pkg]);
    });
    entries.forEach((entry, i) => {
        const deps = entry.dependencies;
        if (!(0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(deps))
            return;
        const pkg = packages[i];
        for (const n of Object.keys(deps)) {
            for (const c of byName.get((0,_purl_js__WEBPACK_IMPORTED_MODULE_0__/* .pep503 */ .g9)(n)) ?? [])
                if (!pkg.dependencies.includes(c.key))
                    pkg.dependencies.push(c.key);
        }
    });
    return {
        source: file,
        format: 'poetry.lock',
        packages,
        hasGraph: true,
        completeness: 'complete',
        warnings: [],
    };
}
/** The distribution name at the start of a PEP 508 requirement string. */
function requirementName(spec) {
    return /^\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)/.exec(spec)?.[1];
}
/** pdm.lock. */
function parsePdmLock(text, file) {
    const doc = (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .parseToml */ .MT)(withoutFileLists(text), file);
    const raw = doc.package;
    if (raw !== undefined && !Array.isArray(raw))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, '`package` is not an array of tables');
    const entries = (raw ?? []);
    const packages = [];
    const byName = new Map();
    entries.forEach((entry, i) => {
        if (!(0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(entry))
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, `package #${i + 1} is not a table`);
        const name = (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(entry.name);
        const version = (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(entry.version) ?? '';
        if (!name)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, `package #${i + 1} has no name`);
        const local = entry.editable === true || (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(entry.path) !== undefined;
        if (!local && !version)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, `${name}: no version`);
        const git = (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(entry.git);
        const pkg = pyPackage(name, version, `${(0,_purl_js__WEBPACK_IMPORTED_MODULE_0__/* .pep503 */ .g9)(name)}@${version}`, git ? { vcs_url: `git+${git}@${(0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(entry.revision) ?? ''}` } : undefined);
        if (local) {
            pkg.firstParty = true;
            delete pkg.purl;
        }
        const groups = Array.isArray(entry.groups) ? entry.groups.map(String) : ['default'];
        if (!groups.includes('default'))
            pkg.scope = 'excluded';
        packages.push(pkg);
        const list = byName.get((0,_purl_js__WEBPACK_IMPORTED_MODULE_0__/* .pep503 */ .g9)(name));
        if (list)
            list.push(pkg);
        else
            byName.set((0,_purl_js__WEBPACK_IMPORTED_MODULE_0__/* .pep503 */ .g9)(name), [pkg]);
    });
    entries.forEach((entry, i) => {
        const deps = entry.dependencies;
        if (!Array.isArray(deps))
            return;
        const pkg = packages[i];
        for (const d of deps) {
            const n = typeof d === 'string' ? requirementName(d) : undefined;
            for (const c of (n && byName.get((0,_purl_js__WEBPACK_IMPORTED_MODULE_0__/* .pep503 */ .g9)(n))) || [])
                if (!pkg.dependencies.includes(c.key))
                    pkg.dependencies.push(c.key);
        }
    });
    return {
        source: file,
        format: 'pdm.lock',
        packages,
        hasGraph: true,
        completeness: 'complete',
        warnings: [],
    };
}
/** Pipfile.lock: `default` and `develop` maps; no graph. */
function parsePipfileLock(text, file) {
    const doc = (0,_json_js__WEBPACK_IMPORTED_MODULE_3__/* .parseJson */ .q)(text, file);
    if (!(0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(doc))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, 'not a JSON object');
    const packages = new Map();
    const warnings = [];
    for (const section of ['default', 'develop']) {
        const group = doc[section];
        if (group === undefined)
            continue;
        if (!(0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(group))
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, `"${section}" is not an object`);
        for (const [name, raw] of Object.entries(group)) {
            if (!(0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .isRecord */ .u4)(raw))
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, `${section}.${name} is not an object`);
            const spec = (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(raw.version);
            const local = raw.editable === true || (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(raw.path) !== undefined || (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(raw.file) !== undefined;
            const git = (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(raw.git);
            const version = spec?.startsWith('==') ? spec.replace(/^===?/, '') : undefined;
            // default and develop may pin different versions of one name: both are listed.
            const key = `${(0,_purl_js__WEBPACK_IMPORTED_MODULE_0__/* .pep503 */ .g9)(name)}@${version ?? (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(raw.ref) ?? ''}`;
            const existing = packages.get(key);
            if (existing) {
                if (section === 'default')
                    delete existing.scope;
                continue;
            }
            if (local) {
                packages.set(key, {
                    key,
                    ecosystem: 'pypi',
                    name,
                    version: version ?? '',
                    firstParty: true,
                });
                continue;
            }
            if (version === undefined && !git) {
                warnings.push(`${file}: ${section}.${name} is not pinned (${spec ?? 'no version'}); left out`);
                continue;
            }
            const pkg = pyPackage(name, version ?? '', key, git ? { vcs_url: `git+${git}@${(0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(raw.ref) ?? ''}` } : undefined);
            delete pkg.dependencies;
            if (version === undefined) {
                warnings.push(`${file}: ${section}.${name} is a git requirement without a version`);
            }
            if ((0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(raw.markers))
                pkg.properties = { 'build-artifact:python.markers': (0,_toml_js__WEBPACK_IMPORTED_MODULE_1__/* .str */ .gx)(raw.markers) };
            if (section === 'develop')
                pkg.scope = 'excluded';
            packages.set(key, pkg);
        }
    }
    return {
        source: file,
        format: 'Pipfile.lock',
        packages: [...packages.values()],
        hasGraph: false,
        completeness: warnings.length > 0 ? 'incomplete' : 'complete',
        warnings,
    };
}
//# sourceMappingURL=python.js.map

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
