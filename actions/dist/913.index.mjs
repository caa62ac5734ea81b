export const id = 913;
export const ids = [913];
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

/***/ 73452:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   O0: () => (/* binding */ Unsupported),
/* harmony export */   TZ: () => (/* binding */ parseYamlSubset),
/* harmony export */   Yt: () => (/* binding */ mappingKey),
/* harmony export */   dn: () => (/* binding */ plainScalar),
/* harmony export */   nN: () => (/* binding */ inlineValue)
/* harmony export */ });
/**
 * A fast reader for the YAML that lockfile writers emit (pnpm's js-yaml dump, Yarn berry's
 * syml): block mappings and sequences, single-line scalars (plain, '…', "…") and single-line
 * flow collections. It is several times faster than a general YAML parser on multi-megabyte
 * lockfiles. Anything outside that subset (multi-line scalars, anchors, tags, complex keys)
 * returns undefined, and the caller falls back to the full `yaml` parser, whose result this
 * reader matches (a test compares them), except that its mappings have no prototype: turn
 * values into strings with `toText`, not String().
 */
/** Thrown where the text leaves the subset: the caller falls back to the full parser. */
class Unsupported extends Error {
}
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** YAML 1.2 core schema resolution of a plain scalar, as the `yaml` package does it. */
function plainScalar(s) {
    // Most scalars start with a letter that no null, boolean or number starts with.
    const c = s.charCodeAt(0) | 0x20;
    if (c >= 0x61 && c <= 0x7a && c !== 0x6e && c !== 0x74 && c !== 0x66)
        return s;
    if (NULLS.has(s))
        return null;
    if (s === 'true' || s === 'True' || s === 'TRUE')
        return true;
    if (s === 'false' || s === 'False' || s === 'FALSE')
        return false;
    if (INT.test(s) || FLOAT.test(s)) {
        const n = Number(s);
        if (Number.isSafeInteger(n) || !INT.test(s))
            return n;
        throw new Unsupported('big integer');
    }
    if (/^(?:0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/.test(s)) {
        throw new Unsupported('special number');
    }
    return s;
}
/**
 * Whether a plain scalar cannot start here: an indicator (`-`, `?`, `:` only when a space or
 * the end follows). Character codes, not a regular expression: this runs for every line.
 */
function specialStart(s) {
    switch (s.charCodeAt(0)) {
        case 0x2c: // ,
        case 0x5b: // [
        case 0x5d: // ]
        case 0x7b: // {
        case 0x7d: // }
        case 0x23: // #
        case 0x26: // &
        case 0x2a: // *
        case 0x21: // !
        case 0x7c: // |
        case 0x3e: // >
        case 0x27: // '
        case 0x22: // "
        case 0x25: // %
        case 0x40: // @
        case 0x60: // `
            return true;
        case 0x2d: // -
        case 0x3f: // ?
        case 0x3a: {
            // :
            const next = s.charCodeAt(1);
            return Number.isNaN(next) || next === 0x20 || next === 0x09 || next === 0x0a || next === 0x0d;
        }
        default:
            return false;
    }
}
/** A quoted scalar at s[pos]: [value, index after the closing quote]. */
function quoted(s, pos) {
    const q = s[pos];
    if (q === "'") {
        let out = '';
        let i = pos + 1;
        for (;;) {
            const j = s.indexOf("'", i);
            if (j < 0)
                throw new Unsupported('unterminated');
            out += s.slice(i, j);
            if (s[j + 1] === "'") {
                out += "'";
                i = j + 2;
            }
            else {
                return [out, j + 1];
            }
        }
    }
    let i = pos + 1;
    let plainBody = true;
    for (; i < s.length; i++) {
        const code = s.charCodeAt(i);
        if (code === 0x22)
            break;
        if (code === 0x5c) {
            plainBody = false;
            i++;
        }
        else if (code < 0x20) {
            plainBody = false;
        }
    }
    if (i >= s.length)
        throw new Unsupported('unterminated');
    // No escape and no control character: the text between the quotes is the value, as
    // JSON.parse would return it.
    if (plainBody)
        return [s.slice(pos + 1, i), i + 1];
    const body = s.slice(pos, i + 1);
    // YAML's double-quoted escapes are a superset of JSON's; only the JSON ones are taken here.
    if (/\\[^"\\/bfnrtu]/.test(body))
        throw new Unsupported('yaml escape');
    try {
        return [JSON.parse(body), i + 1];
    }
    catch {
        throw new Unsupported('bad escape');
    }
}
/** After a value: only spaces and a comment may follow. */
function expectEnd(s, pos) {
    const rest = s.slice(pos).trim();
    if (rest !== '' && !rest.startsWith('#'))
        throw new Unsupported('trailing text');
}
/** A block scalar or flow collection written on one line. */
function inlineValue(s) {
    const c = s[0];
    if (c === '"' || c === "'") {
        const [v, end] = quoted(s, 0);
        expectEnd(s, end);
        return v;
    }
    if (c === '{' || c === '[') {
        const [v, end] = flow(s, 0);
        expectEnd(s, end);
        return v;
    }
    if (specialStart(s))
        throw new Unsupported('indicator');
    // A comment starts at a `#` after a space or a tab.
    let hash = s.indexOf('#');
    while (hash > 0 && s.charCodeAt(hash - 1) !== 0x20 && s.charCodeAt(hash - 1) !== 0x09) {
        hash = s.indexOf('#', hash + 1);
    }
    const text = (hash > 0 ? s.slice(0, hash) : s).trim();
    if (text.includes(': ') || text.endsWith(':'))
        throw new Unsupported('mapping in scalar');
    return plainScalar(text);
}
function skipSpaces(s, pos) {
    while (s[pos] === ' ')
        pos++;
    return pos;
}
const FLOW_STOP = /[,{}[\]]/g;
/** A flow collection at s[pos]: [value, index after it]. */
function flow(s, pos, depth = 0) {
    if (depth > 32)
        throw new Unsupported('deep flow');
    const open = s[pos];
    const close = open === '{' ? '}' : ']';
    const out = open === '{' ? Object.create(null) : [];
    let i = skipSpaces(s, pos + 1);
    if (s[i] === close)
        return [out, i + 1];
    for (;;) {
        let key;
        if (open === '{') {
            if (s[i] === '"' || s[i] === "'") {
                [key, i] = quoted(s, i);
                i = skipSpaces(s, i);
                if (s[i] !== ':')
                    throw new Unsupported('flow key');
                i++;
            }
            else {
                const colon = s.indexOf(':', i);
                if (colon < 0)
                    throw new Unsupported('flow key');
                key = s.slice(i, colon).trim();
                if (/[,{}[\]"']/.test(key) || key === '')
                    throw new Unsupported('flow key');
                i = colon + 1;
            }
            if (key === '__proto__')
                throw new Unsupported('__proto__');
            i = skipSpaces(s, i);
        }
        let value;
        const c = s[i];
        if (c === '{' || c === '[') {
            [value, i] = flow(s, i, depth + 1);
        }
        else if (c === '"' || c === "'") {
            [value, i] = quoted(s, i);
        }
        else {
            // The scalar runs to the next `,` or bracket (found natively, not char by char).
            FLOW_STOP.lastIndex = i;
            const j = FLOW_STOP.test(s) ? FLOW_STOP.lastIndex - 1 : s.length;
            const text = s.slice(i, j).trim();
            if (text.includes(': ') || /^[&*!|>%@`#]/.test(text))
                throw new Unsupported('flow scalar');
            value = plainScalar(text);
            i = j;
        }
        if (Array.isArray(out))
            out.push(value);
        else
            out[key] = value;
        i = skipSpaces(s, i);
        if (s[i] === ',') {
            i = skipSpaces(s, i + 1);
            if (s[i] === close)
                return [out, i + 1];
            continue;
        }
        if (s[i] === close)
            return [out, i + 1];
        throw new Unsupported('flow syntax');
    }
}
/** The key of a `key: value` or `key:` line (trimmed) and the index after its colon. */
function mappingKey(s) {
    let key;
    let pos;
    if (s[0] === '"' || s[0] === "'") {
        [key, pos] = quoted(s, 0);
        if (s[pos] !== ':')
            throw new Unsupported('key');
        pos++;
    }
    else {
        if (specialStart(s) || s.startsWith('---'))
            throw new Unsupported('indicator');
        const sep = s.indexOf(': ');
        const colon = sep >= 0 ? sep : s.endsWith(':') ? s.length - 1 : -1;
        if (colon <= 0)
            throw new Unsupported('not a mapping entry');
        key = s.slice(0, colon).trimEnd();
        if (key.includes(' #'))
            throw new Unsupported('comment in key');
        pos = colon + 1;
    }
    if (key === '__proto__')
        throw new Unsupported('__proto__');
    return [key, pos];
}
const isItem = (t) => t === '-' || t.startsWith('- ');
/** The lines as two arrays (indentation, trimmed text): no object per line to allocate. */
class Reader {
    indents;
    texts;
    skip;
    i = 0;
    n;
    constructor(indents, texts, skip) {
        this.indents = indents;
        this.texts = texts;
        this.skip = skip;
        this.n = indents.length;
    }
    /** The current line's indentation, or -1 past the end. */
    indent() {
        return this.i < this.n ? this.indents[this.i] : -1;
    }
    /** Passes over the value of a skipped key: its deeper lines (and a sequence at its indent). */
    skipValue(indent, nested) {
        for (let at = this.indent(); at >= 0; at = this.indent()) {
            if (at <= indent && !(nested && at === indent && isItem(this.texts[this.i])))
                return;
            this.i++;
        }
    }
    node(depth) {
        if (depth > 64)
            throw new Unsupported('deep');
        const at = this.indent();
        if (at < 0)
            return null;
        return isItem(this.texts[this.i]) ? this.sequence(at, depth) : this.mapping(at, depth);
    }
    /** The value after `key:` with nothing on the line: a nested block, or null. */
    nested(indent, depth) {
        const at = this.indent();
        if (at > indent)
            return this.node(depth + 1);
        if (at === indent && isItem(this.texts[this.i]))
            return this.sequence(indent, depth + 1);
        return null;
    }
    mapping(indent, depth) {
        // Without a prototype: V8 keeps such objects as hash tables from the start, instead of
        // building a hidden class for every new combination of keys (thousands in a lockfile).
        const out = Object.create(null);
        for (let at = this.indent(); at >= indent; at = this.indent()) {
            if (at > indent)
                throw new Unsupported('indentation');
            const s = this.texts[this.i];
            if (isItem(s))
                break;
            this.i++;
            const [key, pos] = mappingKey(s);
            // Where the value starts (lines have no trailing spaces): nothing, a comment, or text.
            let start = pos;
            for (let c = s.charCodeAt(start); c === 0x20 || c === 0x09; c = s.charCodeAt(++start))
                ;
            const empty = start === s.length || s.charCodeAt(start) === 0x23;
            if (depth === 2 && this.skip?.has(key)) {
                this.skipValue(indent, empty);
                continue;
            }
            if (empty) {
                out[key] = this.nested(indent, depth);
            }
            else {
                if (s.charCodeAt(pos) !== 0x20)
                    throw new Unsupported('no space after colon');
                out[key] = inlineValue(s.slice(start));
                if (this.indent() > indent)
                    throw new Unsupported('multi-line scalar');
            }
        }
        return out;
    }
    sequence(indent, depth) {
        const out = [];
        while (this.indent() === indent && isItem(this.texts[this.i])) {
            const rest = this.texts[this.i].slice(1).trim();
            this.i++;
            if (rest === '' || rest.startsWith('#')) {
                out.push(this.nested(indent, depth));
                continue;
            }
            // `- key: value` starts a mapping inside the item: not written by lockfile tools.
            if (/^[^"'{[][^#]*?:(?: |$)/.test(rest))
                throw new Unsupported('mapping in sequence item');
            out.push(inlineValue(rest));
            if (this.indent() > indent)
                throw new Unsupported('multi-line item');
        }
        if (this.indent() > indent)
            throw new Unsupported('indentation');
        return out;
    }
    done() {
        return this.i >= this.n;
    }
}
/**
 * The document, or undefined when it uses YAML outside the subset lockfile tools write. Keys in
 * `skip` are left out where they are fields of an entry (at depth 2: `packages` → entry → field),
 * their values not even read: what a caller never looks at need not be built.
 */
function parseYamlSubset(text, skip) {
    const indents = [];
    const texts = [];
    for (let pos = 0; pos <= text.length;) {
        let end = text.indexOf('\n', pos);
        if (end < 0)
            end = text.length;
        const lineEnd = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
        let i = pos;
        while (i < lineEnd && text.charCodeAt(i) === 32)
            i++;
        const indent = i - pos;
        pos = end + 1;
        // Blank lines and comments.
        if (i === lineEnd || text.charCodeAt(i) === 35)
            continue;
        // A tab where indentation ends, a document marker: outside the subset.
        if (text.charCodeAt(i) === 9 ||
            text.startsWith('---', i) ||
            (lineEnd - i === 3 && text.startsWith('...', i)))
            return undefined;
        indents.push(indent);
        texts.push(text.slice(i, lineEnd).trimEnd());
    }
    try {
        if (indents.length === 0)
            return undefined;
        const reader = new Reader(indents, texts, skip);
        const doc = reader.node(0);
        if (!reader.done())
            return undefined;
        return doc;
    }
    catch (err) {
        if (err instanceof Unsupported)
            return undefined;
        throw err;
    }
}
//# sourceMappingURL=fastyaml.js.map

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

/***/ 26644:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ parseYaml)
/* harmony export */ });
/* harmony import */ var node_module__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(98995);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(55221);
/* harmony import */ var _fastyaml_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73452);



/**
 * Parses YAML, turning a syntax error into a typed error that names the file and the line.
 * `skip`: entry fields the caller does not read, which the fast reader need not build (the full
 * parser, for files outside its subset, builds them anyway).
 */
function parseYaml(text, file, skip) {
    // The fast reader handles what lockfile tools write; anything else goes to the full parser.
    const fast = (0,_fastyaml_js__WEBPACK_IMPORTED_MODULE_1__/* .parseYamlSubset */ .TZ)(text, skip);
    if (fast !== undefined)
        return fast;
    // Loaded only when needed: most runs never reach it, and it costs start-up time.
    const { parse, YAMLParseError } = (0,node_module__WEBPACK_IMPORTED_MODULE_0__.createRequire)(import.meta.url)('yaml');
    try {
        // Lockfiles are large and flat: no aliases to expand, so keep the cap low against bombs.
        return parse(text, { maxAliasCount: 100, uniqueKeys: false, logLevel: 'error' });
    }
    catch (err) {
        if (err instanceof YAMLParseError) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, `invalid YAML: ${err.message.split('\n')[0]}`, err.linePos?.[0]?.line, err);
        }
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .malformed */ .Qm)(file, `invalid YAML: ${err.message}`, undefined, err);
    }
}
//# sourceMappingURL=yamlfile.js.map

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
