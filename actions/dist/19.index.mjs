export const id = 19;
export const ids = [19];
export const modules = {

/***/ 64019:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   parseGoMod: () => (/* binding */ parseGoMod),
/* harmony export */   parseGoModWithSum: () => (/* binding */ parseGoModWithSum),
/* harmony export */   parseGoSum: () => (/* binding */ parseGoSum)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(55221);
/* harmony import */ var _purl_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(12923);


// One token of a go.mod line (read in place): after blanks, a `//` comment (the rest of the
// line), a "quoted" or `raw` string, a bare word (which may hold quotes, never `//`), an
// unterminated quote, or the end of the line.
const TOKEN = /[ \t\r]*(?:\/\/([\s\S]*)|"([^"]*)"|`([^`]*)`|((?:[^ \t\r/"`]|\/(?!\/))(?:[^ \t\r/]|\/(?!\/))*)|(["`])|$)/y;
/** Splits a go.mod line into tokens, honouring Go's quoted strings and `//` comments. */
function tokenize(line, file, lineNo) {
    const tokens = [];
    TOKEN.lastIndex = 0;
    for (;;) {
        const m = TOKEN.exec(line);
        if (m[1] !== undefined)
            return { tokens, comment: m[1].trim() };
        const token = m[2] ?? m[3] ?? m[4];
        if (token !== undefined)
            tokens.push(token);
        else if (m[5] !== undefined)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(file, 'unterminated string', lineNo);
        else
            return { tokens, comment: '' };
    }
}
const VERSION = /^v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
/** go.mod (with go.sum beside it when there is one): no Go toolchain needed. */
function parseGoMod(text, file, goSum) {
    let module;
    let goDirective;
    const requires = [];
    const replaces = [];
    const excludes = new Set();
    let block;
    const lines = text.split('\n');
    lines.forEach((raw, idx) => {
        const lineNo = idx + 1;
        const { tokens, comment } = tokenize(raw, file, lineNo);
        if (tokens.length === 0)
            return;
        let verb;
        let args;
        if (block !== undefined) {
            if (tokens[0] === ')') {
                block = undefined;
                return;
            }
            verb = block;
            args = tokens;
        }
        else {
            verb = tokens[0];
            args = tokens.slice(1);
            if (args[0] === '(' && args.length === 1) {
                block = verb;
                return;
            }
        }
        switch (verb) {
            case 'module':
                module = args[0];
                break;
            case 'go':
                goDirective = args[0];
                break;
            case 'require': {
                if (args.length !== 2 || !VERSION.test(args[1]))
                    throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(file, `bad require: ${raw.trim()}`, lineNo);
                requires.push({
                    path: args[0],
                    version: args[1],
                    indirect: /^indirect\b/.test(comment),
                    line: lineNo,
                });
                break;
            }
            case 'exclude':
                if (args.length !== 2)
                    throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(file, `bad exclude: ${raw.trim()}`, lineNo);
                excludes.add(`${args[0]}@${args[1]}`);
                break;
            case 'replace': {
                const arrow = args.indexOf('=>');
                if (arrow < 1 || arrow > 2 || args.length - arrow - 1 < 1 || args.length - arrow - 1 > 2)
                    throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(file, `bad replace: ${raw.trim()}`, lineNo);
                replaces.push({
                    path: args[0],
                    ...(arrow === 2 ? { version: args[1] } : {}),
                    to: args[arrow + 1],
                    ...(args.length - arrow - 1 === 2 ? { toVersion: args[arrow + 2] } : {}),
                });
                break;
            }
            case 'toolchain':
            case 'retract':
            case 'godebug':
            case 'tool':
            case 'ignore':
                break;
            default:
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(file, `unknown directive "${verb}"`, lineNo);
        }
    });
    if (block !== undefined)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(file, `unterminated ${block} block`, lines.length);
    if (module === undefined)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(file, 'no module directive');
    const sums = goSum ? parseGoSum(goSum.text, goSum.file) : undefined;
    const warnings = [];
    const main = {
        key: module,
        ecosystem: 'golang',
        name: module,
        version: '',
        purl: (0,_purl_js__WEBPACK_IMPORTED_MODULE_1__/* .golangPurl */ .av)(module, ''),
        firstParty: true,
        dependencies: [],
    };
    const packages = [main];
    for (const req of requires) {
        if (excludes.has(`${req.path}@${req.version}`))
            continue;
        const rep = replaces.find((r) => r.path === req.path && r.version === req.version) ??
            replaces.find((r) => r.path === req.path && r.version === undefined);
        const local = rep !== undefined && rep.toVersion === undefined;
        const path = rep && !local ? rep.to : req.path;
        const version = rep && !local ? rep.toVersion : req.version;
        const pkg = {
            key: req.path,
            ecosystem: 'golang',
            name: path,
            version: local ? '' : version,
            purl: (0,_purl_js__WEBPACK_IMPORTED_MODULE_1__/* .golangPurl */ .av)(path, local ? '' : version),
            properties: { 'build-artifact:go.indirect': String(req.indirect) },
        };
        if (rep) {
            pkg.properties['build-artifact:go.replaces'] = `${req.path}@${req.version}`;
            if (local) {
                pkg.firstParty = true;
                pkg.properties['build-artifact:go.local-path'] = rep.to;
            }
        }
        // go.sum's h1: is a hash over a file listing, not over a downloadable file, so it is a
        // property here and never a CycloneDX hash.
        const h1 = sums?.get(`${path}@${version}`);
        if (h1)
            pkg.properties['build-artifact:go.sum'] = h1;
        else if (sums && !local)
            warnings.push(`${file}: ${path}@${version} has no go.sum entry`);
        packages.push(pkg);
        if (!req.indirect)
            main.dependencies.push(pkg.key);
    }
    // Before go 1.17 go.mod need not list indirect dependencies: the list may be short.
    const [maj, min] = (goDirective ?? '1.16').split('.').map(Number);
    const pruned = maj > 1 || (maj === 1 && min >= 17);
    if (!pruned)
        warnings.push(`${file}: go ${goDirective ?? '(none)'} < 1.17: indirect dependencies may be missing`);
    return {
        source: file,
        format: 'go.mod',
        packages,
        hasGraph: false,
        firstPartyEdgesOnly: true,
        completeness: pruned ? 'complete' : 'incomplete',
        warnings,
    };
}
/** go.sum lines `<module> <version>[/go.mod] h1:<base64>` -> `module@version` -> h1 of the zip. */
function parseGoSum(text, file) {
    const out = new Map();
    text.split('\n').forEach((raw, idx) => {
        const line = raw.trim();
        if (line === '')
            return;
        const parts = line.split(/\s+/);
        if (parts.length !== 3 || !/^h\d+:/.test(parts[2]))
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .malformed */ .Qm)(file, `bad go.sum line: ${line.slice(0, 80)}`, idx + 1);
        if (parts[1].endsWith('/go.mod'))
            return;
        out.set(`${parts[0]}@${parts[1]}`, parts[2]);
    });
    return out;
}
/** go.mod with the go.sum beside it read through `read` (when there is one). */
function parseGoModWithSum(text, file, read) {
    const sumPath = file.replace(/go\.mod$/, 'go.sum');
    const sum = read.optional(sumPath);
    return parseGoMod(text, file, sum === undefined ? undefined : { text: sum, file: sumPath });
}
//# sourceMappingURL=gomod.js.map

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
