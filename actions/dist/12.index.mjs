export const id = 12;
export const ids = [12];
export const modules = {

/***/ 33012:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SP: () => (/* reexport */ errors_SbomError),
  N3: () => (/* reexport */ generateSbom)
});

// UNUSED EXPORTS: MAX_AUDIT_JSON, MAX_BINARY_SIZE, MAX_BOM_BYTES, SKIP_DIRS, TOOL_NAME, VERSION, binaryAssembly, binaryInventories, buildBom, decodeDepV0, detectFormat, findEmbeddedWasm, findGoVersion, findLockfiles, findModinfo, findSection, inspectBinary, inspectBytes, inventoryFromLockfile, lockfileKind, parseCargoLock, parseGoMod, parseGoSum, parseModinfo, parsePackageLock, parsePdmLock, parsePipfileLock, parsePnpmLock, parsePoetryLock, parseProducers, parseRequirements, parseUvLock, parseYarnLock, validateBom, walkWasm

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/packageurl-js/index.js
var packageurl_js = __webpack_require__(87091);
;// CONCATENATED MODULE: ./packages/sbom/dist/purl.js

/** PEP 503 normalised name: lower case, runs of `-`, `_` and `.` become one `-`. */
function pep503(name) {
    return name.toLowerCase().replace(/[-_.]+/g, '-');
}
function npmPurl(name, version) {
    const slash = name.startsWith('@') ? name.indexOf('/') : -1;
    const namespace = slash > 0 ? name.slice(0, slash) : undefined;
    const base = slash > 0 ? name.slice(slash + 1) : name;
    return new packageurl_js.PackageURL('npm', namespace, base, version, undefined, undefined).toString();
}
function pypiPurl(name, version, qualifiers) {
    return new packageurl_js.PackageURL('pypi', undefined, pep503(name), version, qualifiers, undefined).toString();
}
function golangPurl(path, version) {
    const slash = path.lastIndexOf('/');
    const namespace = slash > 0 ? path.slice(0, slash) : undefined;
    const base = slash > 0 ? path.slice(slash + 1) : path;
    return new packageurl_js.PackageURL('golang', namespace, base, version || undefined, undefined, undefined).toString();
}
function cargoPurl(name, version, qualifiers) {
    return new packageurl_js.PackageURL('cargo', undefined, name, version, qualifiers, undefined).toString();
}
//# sourceMappingURL=purl.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/assembly.js


function goModulePackage(m, firstParty) {
    const eff = m.replace ?? m;
    const version = eff.version === '(devel)' ? '' : eff.version;
    const pkg = {
        key: m.path,
        ecosystem: 'golang',
        name: eff.path,
        version: eff.version,
        purl: golangPurl(eff.path, version),
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
                purl: golangPurl('stdlib', v),
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
                purl: cargoPurl(p.name, p.version, p.source === 'crates.io' || local ? undefined : { repository_url: p.source }),
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
    const children = info.embedded.map((e, i) => binaryAssembly(e, `${(0,external_node_path_.basename)(name)}#${e.format}${info.embedded.length > 1 ? `-${i}` : ''}@${e.offset}`));
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
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./packages/sbom/dist/binary/auditable.js

/** Inflated `.dep-v0` JSON is small (kilobytes); anything past this is a zip bomb. */
const MAX_AUDIT_JSON = 8 * 1024 * 1024;
class AuditableError extends Error {
    limit;
    constructor(message, limit = false) {
        super(message);
        this.limit = limit;
    }
}
/** cargo-auditable's `.dep-v0`: zlib-compressed JSON of the crates compiled in. */
function decodeDepV0(bytes) {
    let json;
    try {
        json = (0,external_node_zlib_.inflateSync)(bytes, { maxOutputLength: MAX_AUDIT_JSON });
    }
    catch (err) {
        const code = err.code;
        if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
            throw new AuditableError(`.dep-v0 inflates past ${MAX_AUDIT_JSON} bytes`, true);
        }
        throw new AuditableError(`.dep-v0 is not a zlib stream: ${err.message}`);
    }
    let doc;
    try {
        doc = JSON.parse(json.toString('utf8'));
    }
    catch (err) {
        throw new AuditableError(`.dep-v0 is not JSON: ${err.message}`);
    }
    const list = doc?.packages;
    if (!Array.isArray(list))
        throw new AuditableError('.dep-v0 has no packages array');
    return list.map((p, i) => {
        const r = p;
        if (typeof r?.name !== 'string' ||
            typeof r.version !== 'string' ||
            typeof r.source !== 'string') {
            throw new AuditableError(`.dep-v0 package #${i} lacks name, version or source`);
        }
        const out = { name: r.name, version: r.version, source: r.source };
        if (r.kind === 'build' || r.kind === 'runtime')
            out.kind = r.kind;
        if (r.root === true)
            out.root = true;
        if (Array.isArray(r.dependencies)) {
            const deps = r.dependencies.filter((d) => Number.isInteger(d) && d >= 0 && d < list.length && d !== i);
            if (deps.length !== r.dependencies.length)
                throw new AuditableError(`.dep-v0 package #${i} has a bad dependency index`);
            out.dependencies = deps;
        }
        return out;
    });
}
//# sourceMappingURL=auditable.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/binary/leb.js
/** Unsigned LEB128 of at most `maxBytes` bytes (5 for u32); throws RangeError when truncated or too long. */
function readUleb(buf, pos, end, maxBytes = 5) {
    let value = 0;
    let mul = 1;
    for (let i = 0; i < maxBytes; i++) {
        if (pos >= end)
            throw new RangeError('truncated LEB128');
        const b = buf[pos++];
        value += (b & 0x7f) * mul;
        if ((b & 0x80) === 0)
            return [value, pos];
        mul *= 128;
    }
    throw new RangeError('LEB128 too long');
}
/** Go's uvarint (same encoding, at most 10 bytes, but we refuse values past 2^53). */
function readUvarint(buf, pos, end) {
    return readUleb(buf, pos, end, 8);
}
//# sourceMappingURL=leb.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/binary/gobuildinfo.js

const INFO_START = Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex');
const INFO_END = Buffer.from('f932433186182072008242104116d8f2', 'hex');
const BUILDINFO_MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const MAX_MODINFO = 4 * 1024 * 1024;
/** Go's strconv.Quote'd values in `build` lines. */
function unquoteGo(value) {
    if (!value.startsWith('"'))
        return value;
    try {
        return JSON.parse(value);
    }
    catch {
        return value.slice(1, -1);
    }
}
/** The module info text cmd/go writes between the sentinels. */
function parseModinfo(text) {
    const info = { deps: [], settings: {} };
    let last;
    for (const line of text.split('\n')) {
        if (line === '')
            continue;
        const f = line.split('\t');
        const mod = () => {
            if (f.length < 3 || !f[1])
                throw new RangeError(`bad module line "${line.slice(0, 80)}"`);
            const m = { path: f[1], version: f[2] ?? '' };
            if (f[3])
                m.sum = f[3];
            return m;
        };
        switch (f[0]) {
            case 'path':
                info.path = f[1] ?? '';
                break;
            case 'mod':
                last = info.main = mod();
                break;
            case 'dep':
                last = mod();
                info.deps.push(last);
                break;
            case '=>':
                if (!last)
                    throw new RangeError('replacement before any module');
                last.replace = mod();
                last = undefined;
                break;
            case 'build': {
                const kv = f.slice(1).join('\t');
                const eq = kv.startsWith('"') ? kv.indexOf('=', kv.indexOf('"', 1) + 1) : kv.indexOf('=');
                if (eq > 0)
                    info.settings[unquoteGo(kv.slice(0, eq))] = unquoteGo(kv.slice(eq + 1));
                break;
            }
            default:
                throw new RangeError(`unknown build info line "${line.slice(0, 80)}"`);
        }
    }
    return info;
}
/**
 * Finds the sentinel-wrapped module info in `buf[from, to)`, skipping `exclude` ranges (modules
 * embedded in this file carry their own). Returns the first that parses.
 */
function findModinfo(buf, from, to, exclude = []) {
    let pos = from;
    for (let tries = 0; tries < 64; tries++) {
        const s = buf.indexOf(INFO_START, pos);
        if (s < 0 || s + 16 > to)
            return undefined;
        pos = s + 1;
        if (exclude.some(([a, b]) => s >= a && s < b))
            continue;
        const e = buf.indexOf(INFO_END, s + 16);
        if (e < 0 || e > to || e - s > MAX_MODINFO)
            continue;
        try {
            const info = parseModinfo(buf.subarray(s + 16, e).toString('utf8'));
            if (info.path !== undefined || info.main !== undefined)
                return info;
        }
        catch {
            // Not module info after all; keep looking.
        }
    }
    return undefined;
}
/**
 * The Go version from the `\xff Go buildinf:` header of ELF, Mach-O and PE binaries (Go >= 1.18
 * inlines the version string after the 32-byte header). Older layouts hold pointers: undefined.
 */
function findGoVersion(buf, exclude = []) {
    let pos = 0;
    for (let tries = 0; tries < 64; tries++) {
        const s = buf.indexOf(BUILDINFO_MAGIC, pos);
        if (s < 0)
            return undefined;
        pos = s + 1;
        if (s % 16 !== 0 || s + 32 > buf.length || exclude.some(([a, b]) => s >= a && s < b))
            continue;
        const flags = buf[s + 15];
        if ((flags & 0x2) === 0)
            continue;
        try {
            const [len, p] = readUvarint(buf, s + 32, buf.length);
            if (len > 256 || p + len > buf.length)
                continue;
            const v = buf.subarray(p, p + len).toString('utf8');
            if (/^(go\d|devel)/.test(v))
                return v;
        }
        catch {
            // truncated: not a header
        }
    }
    return undefined;
}
//# sourceMappingURL=gobuildinfo.js.map
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./packages/core/dist/index.js + 9 modules
var dist = __webpack_require__(92462);
;// CONCATENATED MODULE: ./packages/sbom/dist/errors.js

/** Every error of this package: the file it concerns and, where there is one, the line. */
class errors_SbomError extends dist/* BaseError */.Cf {
    file;
    line;
    constructor(options) {
        const where = options.file === undefined
            ? ''
            : options.line === undefined
                ? `${options.file}: `
                : `${options.file}:${options.line}: `;
        super({ code: options.code, message: where + options.message, cause: options.cause });
        if (options.file !== undefined)
            this.file = options.file;
        if (options.line !== undefined)
            this.line = options.line;
    }
}
/** A lockfile that cannot be read as what its name says it is. */
function malformed(file, message, line, cause) {
    return new errors_SbomError({ code: 'MALFORMED_LOCKFILE', message, file, line, cause });
}
/** The 1-based line of a character offset, for error messages. */
function lineAt(text, offset) {
    let line = 1;
    const end = Math.min(offset, text.length);
    for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1))
        line++;
    return line;
}
//# sourceMappingURL=errors.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/binary/objfile.js
/** The container format from the first bytes, or undefined. */
function detectFormat(buf) {
    if (buf.length < 8)
        return undefined;
    const b = Buffer.from(buf.buffer, buf.byteOffset, Math.min(buf.length, 8));
    if (b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46)
        return 'elf';
    const m = b.readUInt32LE(0);
    if (m === 0xfeedfacf || m === 0xfeedface || m === 0xcefaedfe || m === 0xcffaedfe)
        return 'macho';
    if (m === 0xbebafeca)
        return 'macho'; // universal (fat) binary
    if (b[0] === 0x4d && b[1] === 0x5a)
        return 'pe';
    if (b[0] === 0 && b[1] === 0x61 && b[2] === 0x73 && b[3] === 0x6d) {
        return b[4] === 0x0d ? 'wasm-component' : 'wasm';
    }
    return undefined;
}
class SectionError extends RangeError {
}
function check(cond, what) {
    if (!cond)
        throw new SectionError(what);
}
/** A section's file range, by name, in an ELF, Mach-O (thin, 64-bit) or PE file. */
function findSection(buf, format, name) {
    switch (format) {
        case 'elf':
            return elfSection(buf, name);
        case 'macho':
            return machoSection(buf, name);
        case 'pe':
            return peSection(buf, name);
        default:
            return undefined;
    }
}
function elfSection(buf, name) {
    check(buf.length >= 52, 'ELF header truncated');
    const is64 = buf[4] === 2;
    const le = buf[5] !== 2;
    // Out-of-range reads throw Node's ERR_OUT_OF_RANGE, a RangeError: reported as malformed.
    const u16 = (o) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
    const u32 = (o) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
    const addr = (o) => {
        if (!is64)
            return u32(o);
        const v = le ? buf.readBigUInt64LE(o) : buf.readBigUInt64BE(o);
        // Sizes of sections with no file bytes (.bss) can be anything: clamp, check where used.
        return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
    };
    const shoff = addr(is64 ? 0x28 : 0x20);
    const shentsize = u16(is64 ? 0x3a : 0x2e);
    const shnum = u16(is64 ? 0x3c : 0x30);
    const shstrndx = u16(is64 ? 0x3e : 0x32);
    if (shoff === 0 || shnum === 0)
        return undefined;
    check(shentsize >= (is64 ? 64 : 40), 'ELF section header size too small');
    check(shoff + shnum * shentsize <= buf.length, 'ELF section headers past the end of the file');
    const header = (i) => {
        const o = shoff + i * shentsize;
        return {
            name: u32(o),
            offset: addr(o + (is64 ? 0x18 : 0x10)),
            size: addr(o + (is64 ? 0x20 : 0x14)),
            type: u32(o + 4),
        };
    };
    check(shstrndx < shnum, 'ELF string table index out of range');
    const strtab = header(shstrndx);
    check(strtab.offset + strtab.size <= buf.length, 'ELF string table past the end of the file');
    for (let i = 0; i < shnum; i++) {
        const h = header(i);
        const nameOff = strtab.offset + h.name;
        if (h.name >= strtab.size)
            continue;
        const nul = buf.indexOf(0, nameOff);
        const secName = buf.toString('latin1', nameOff, nul < 0 ? strtab.offset + strtab.size : nul);
        if (secName !== name)
            continue;
        if (h.type === 8)
            return undefined; // SHT_NOBITS: no bytes in the file
        check(h.offset + h.size <= buf.length, `ELF section ${name} past the end of the file`);
        return [h.offset, h.offset + h.size];
    }
    return undefined;
}
function machoSection(buf, name) {
    check(buf.length >= 32, 'Mach-O header truncated');
    const magic = buf.readUInt32LE(0);
    if (magic !== 0xfeedfacf)
        return undefined; // 32-bit, big-endian and fat files: not read here
    const ncmds = buf.readUInt32LE(16);
    let pos = 32;
    check(ncmds < 65536, 'Mach-O load command count implausible');
    for (let i = 0; i < ncmds; i++) {
        check(pos + 8 <= buf.length, 'Mach-O load commands truncated');
        const cmd = buf.readUInt32LE(pos);
        const size = buf.readUInt32LE(pos + 4);
        check(size >= 8 && pos + size <= buf.length, 'Mach-O load command size out of range');
        if (cmd === 0x19) {
            const nsects = buf.readUInt32LE(pos + 64);
            check(72 + nsects * 80 <= size, 'Mach-O section count past its command');
            for (let s = 0; s < nsects; s++) {
                const o = pos + 72 + s * 80;
                const sect = buf.toString('latin1', o, o + 16).replace(/\0.*$/, '');
                if (sect !== name)
                    continue;
                const bytes = Number(buf.readBigUInt64LE(o + 40));
                const offset = buf.readUInt32LE(o + 48);
                check(offset + bytes <= buf.length, `Mach-O section ${name} past the end of the file`);
                return [offset, offset + bytes];
            }
        }
        pos += size;
    }
    return undefined;
}
function peSection(buf, name) {
    check(buf.length >= 0x40, 'PE header truncated');
    const pe = buf.readUInt32LE(0x3c);
    check(pe + 24 <= buf.length && buf.readUInt32BE(pe) === 0x50450000, 'no PE signature');
    const nsects = buf.readUInt16LE(pe + 6);
    const optSize = buf.readUInt16LE(pe + 20);
    const table = pe + 24 + optSize;
    check(table + nsects * 40 <= buf.length, 'PE section table past the end of the file');
    for (let i = 0; i < nsects; i++) {
        const o = table + i * 40;
        const sect = buf.toString('latin1', o, o + 8).replace(/\0.*$/, '');
        if (sect !== name)
            continue;
        const virtualSize = buf.readUInt32LE(o + 8);
        const rawSize = buf.readUInt32LE(o + 16);
        const offset = buf.readUInt32LE(o + 20);
        const size = virtualSize > 0 ? Math.min(virtualSize, rawSize) : rawSize;
        check(offset + size <= buf.length, `PE section ${name} past the end of the file`);
        return [offset, offset + size];
    }
    return undefined;
}
//# sourceMappingURL=objfile.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/binary/wasm.js

const WASM_MAGIC = Buffer.from([0x00, 0x61, 0x73, 0x6d]);
const CORE_VERSION = Buffer.from([0x01, 0x00, 0x00, 0x00]);
const COMPONENT_VERSION = Buffer.from([0x0d, 0x00, 0x01, 0x00]);
// Order of the non-custom sections of a core module (datacount 12 sits before code 10, tag 13
// between memory and global).
const CORE_ORDER = {
    1: 1,
    2: 2,
    3: 3,
    4: 4,
    5: 5,
    13: 6,
    6: 7,
    7: 8,
    8: 9,
    9: 10,
    12: 11,
    10: 12,
    11: 13,
};
function readName(buf, pos, end) {
    const [len, p] = readUleb(buf, pos, end);
    if (p + len > end)
        throw new RangeError('name past the section end');
    return [Buffer.from(buf.buffer, buf.byteOffset + p, len).toString('utf8'), p + len];
}
/**
 * Walks the sections of the wasm module or component at `offset`. With `strict`, anything
 * malformed throws; without it (searching a module embedded in another file, which has no length
 * header) the walk stops at the first byte that cannot continue a well-formed module, and `end` is
 * where the module most likely ends.
 */
function walkWasm(buf, offset, limit, strict) {
    if (limit - offset < 8 || !WASM_MAGIC.equals(buf.subarray(offset, offset + 4))) {
        throw new RangeError('no wasm magic');
    }
    const ver = buf.subarray(offset + 4, offset + 8);
    const kind = CORE_VERSION.equals(ver)
        ? 'module'
        : COMPONENT_VERSION.equals(ver)
            ? 'component'
            : undefined;
    if (!kind)
        throw new RangeError('unknown wasm version');
    const sections = [];
    let pos = offset + 8;
    let order = 0;
    while (pos < limit) {
        try {
            const id = buf[pos];
            if (kind === 'module' ? id !== 0 && CORE_ORDER[id] === undefined : id > 11) {
                throw new RangeError(`unknown section id ${id}`);
            }
            const [size, start] = readUleb(buf, pos + 1, limit);
            const end = start + size;
            if (end > limit)
                throw new RangeError(`section ${id} of ${size} bytes runs past the end`);
            const section = { id, start, end };
            if (id === 0) {
                const [name, after] = readName(buf, start, end);
                // Outside strict mode, a "custom section" whose name is not printable is the next file's bytes.
                if (!strict && !/^[\x20-\x7e]{1,64}$/.test(name))
                    throw new RangeError('not a custom section');
                section.name = name;
                section.start = after;
            }
            else if (kind === 'module') {
                const o = CORE_ORDER[id];
                if (o <= order)
                    throw new RangeError(`section ${id} out of order`);
                order = o;
            }
            sections.push(section);
            pos = end;
        }
        catch (err) {
            if (strict)
                throw err;
            break;
        }
    }
    return { kind, sections, end: pos };
}
/** The `producers` custom section: field -> (name -> version). */
function parseProducers(buf, start, end) {
    const out = {};
    let [fields, pos] = readUleb(buf, start, end);
    if (fields > 64)
        throw new RangeError('too many producers fields');
    while (fields-- > 0) {
        const [field, p1] = readName(buf, pos, end);
        let [count, p2] = readUleb(buf, p1, end);
        if (count > 1024)
            throw new RangeError('too many producers values');
        const values = {};
        pos = p2;
        while (count-- > 0) {
            const [name, p3] = readName(buf, pos, end);
            const [version, p4] = readName(buf, p3, end);
            values[name] = version;
            pos = p4;
        }
        out[field] = values;
    }
    return out;
}
//# sourceMappingURL=wasm.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/binary/inspect.js








/** Binaries are read whole; past this we refuse rather than exhaust memory. */
const MAX_BINARY_SIZE = 1024 * 1024 * 1024;
const MAX_EMBEDDED_CANDIDATES = 64;
const MAX_DEPTH = 4;
const sha = (alg, b) => (0,external_node_crypto_.createHash)(alg).update(b).digest('hex');
/** Reads a binary (up to 1 GiB) and inspects it. */
async function inspectBinary(path) {
    let buf;
    try {
        const fh = await (0,promises_.open)(path, 'r');
        try {
            const { size } = await fh.stat();
            if (size > MAX_BINARY_SIZE) {
                throw new errors_SbomError({
                    code: 'LIMIT_EXCEEDED',
                    file: path,
                    message: `larger than ${MAX_BINARY_SIZE} bytes`,
                });
            }
            buf = Buffer.alloc(size);
            let done = 0;
            while (done < size) {
                const { bytesRead } = await fh.read(buf, done, size - done, done);
                if (bytesRead === 0)
                    break;
                done += bytesRead;
            }
            buf = buf.subarray(0, done);
        }
        finally {
            await fh.close();
        }
    }
    catch (err) {
        if (err instanceof errors_SbomError)
            throw err;
        throw (0,dist/* fileError */.zS)(path, err);
    }
    return inspectBytes(buf, path);
}
/**
 * What a binary says about its build: Go build info (ELF, Mach-O, PE and wasm), cargo-auditable
 * `.dep-v0`, the wasm `producers` section, and wasm modules embedded in it (as nested results).
 */
function inspectBytes(buf, file) {
    const format = detectFormat(buf);
    if (!format) {
        throw new errors_SbomError({
            code: 'UNSUPPORTED_INPUT',
            file,
            message: 'not an ELF, Mach-O, PE or wasm file, nor a known lockfile',
        });
    }
    try {
        return inspectAt(buf, 0, buf.length, format, file, 0, true);
    }
    catch (err) {
        if (err instanceof errors_SbomError)
            throw err;
        if (err instanceof AuditableError) {
            throw new errors_SbomError({
                code: err.limit ? 'LIMIT_EXCEEDED' : 'MALFORMED_BINARY',
                file,
                message: err.message,
                cause: err,
            });
        }
        if (err instanceof RangeError || err instanceof SectionError) {
            throw new errors_SbomError({
                code: 'MALFORMED_BINARY',
                file,
                message: `malformed ${format}: ${err.message}`,
                cause: err,
            });
        }
        throw err;
    }
}
function inspectAt(buf, start, end, format, file, depth, strict) {
    const bytes = buf.subarray(start, end);
    const info = {
        format,
        size: bytes.length,
        sha256: sha('sha256', bytes),
        embedded: [],
    };
    if (depth === 0)
        info.sha512 = sha('sha512', bytes);
    if (format === 'wasm' || format === 'wasm-component') {
        inspectWasm(buf, start, end, info, strict, 0);
        return info;
    }
    // A native binary: first find embedded wasm modules, so their Go build info is theirs.
    const ranges = [];
    if (depth < MAX_DEPTH) {
        for (const emb of findEmbeddedWasm(buf, start, end)) {
            const nested = inspectAt(buf, emb.start, emb.end, emb.format, file, depth + 1, true);
            nested.offset = emb.start - start;
            info.embedded.push(nested);
            ranges.push([emb.start, emb.end]);
        }
    }
    const modinfo = findModinfo(buf, start, end, ranges);
    if (modinfo) {
        const go = { ...modinfo };
        const v = findGoVersion(bytes, ranges.map(([a, b]) => [a - start, b - start]));
        if (v)
            go.goVersion = v;
        info.go = go;
    }
    const dep = findSection(bytes, format, '.dep-v0');
    if (dep)
        info.auditable = decodeDepV0(bytes.subarray(dep[0], dep[1]));
    return info;
}
function inspectWasm(buf, start, end, info, strict, depth) {
    const walk = walkWasm(buf, start, end, strict);
    const ranges = [];
    for (const s of walk.sections) {
        if (walk.kind === 'module') {
            if (s.id === 0 && s.name === 'producers' && !info.producers) {
                info.producers = parseProducers(buf, s.start, s.end);
            }
            else if (s.id === 0 && s.name === '.dep-v0' && !info.auditable) {
                info.auditable = decodeDepV0(buf.subarray(s.start, s.end));
            }
            else if (s.id === 11 && !info.go) {
                const modinfo = findModinfo(buf, s.start, s.end);
                if (modinfo)
                    info.go = { ...modinfo };
            }
        }
        else if ((s.id === 1 || s.id === 4) && depth < MAX_DEPTH) {
            // A component's core modules (1) and nested components (4): read what they carry.
            ranges.push([s.start, s.end]);
            const inner = {
                format: s.id === 1 ? 'wasm' : 'wasm-component',
                size: s.end - s.start,
                sha256: sha('sha256', buf.subarray(s.start, s.end)),
                embedded: [],
                offset: s.start - start,
            };
            inspectWasm(buf, s.start, s.end, inner, true, depth + 1);
            if (inner.go || inner.auditable || inner.producers || inner.embedded.length)
                info.embedded.push(inner);
        }
        else if (s.id === 0 && s.name === 'producers' && !info.producers) {
            info.producers = parseProducers(buf, s.start, s.end);
        }
    }
    if (info.go) {
        const lang = info.producers?.language?.Go;
        if (lang)
            info.go.goVersion = lang;
    }
    if (strict && walk.end !== end)
        throw new RangeError('trailing bytes after the last section');
}
/**
 * Finds wasm modules inside another file. A module has no length header, so its extent is found
 * by walking its sections from the magic, and a core module is then checked with
 * WebAssembly.validate (trailing custom-section-looking bytes are dropped until it validates).
 */
function findEmbeddedWasm(buf, start, end) {
    // Candidates: the 8-byte magic and version of a core module or a component, in file order.
    const candidates = [];
    for (const head of [
        Buffer.concat([WASM_MAGIC, CORE_VERSION]),
        Buffer.concat([WASM_MAGIC, COMPONENT_VERSION]),
    ]) {
        for (let at = buf.indexOf(head, start); at >= 0 && at + 8 <= end; at = buf.indexOf(head, at + 1)) {
            candidates.push(at);
            if (candidates.length > 4 * MAX_EMBEDDED_CANDIDATES)
                break;
        }
    }
    candidates.sort((a, b) => a - b);
    const found = [];
    let validated = 0;
    let after = start;
    for (const at of candidates) {
        if (at < after)
            continue; // inside a module already found
        const isCore = CORE_VERSION.equals(buf.subarray(at + 4, at + 8));
        let walk;
        try {
            walk = walkWasm(buf, at, end, false);
        }
        catch {
            continue;
        }
        // Something worth calling a module: code (core) or a core module inside (component).
        if (!walk.sections.some((s) => (isCore ? s.id === 10 : s.id === 1)))
            continue;
        // Validation costs time in proportion to the module: bounded in number.
        if (++validated > MAX_EMBEDDED_CANDIDATES)
            break;
        let extent = walk.end;
        if (isCore) {
            extent = undefined;
            const ends = [
                walk.end,
                ...walk.sections
                    .map((s) => s.end)
                    .reverse()
                    .slice(1),
            ];
            const lastCode = walk.sections.findLast((s) => s.id !== 0).end;
            for (const e of ends) {
                if (e < lastCode)
                    break;
                if (WebAssembly.validate(buf.subarray(at, e))) {
                    extent = e;
                    break;
                }
            }
        }
        if (extent === undefined)
            continue;
        found.push({ start: at, end: extent, format: isCore ? 'wasm' : 'wasm-component' });
        after = extent;
    }
    return found;
}
//# sourceMappingURL=inspect.js.map
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/enums/index.js
var enums = __webpack_require__(6820);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/models/index.js
var models = __webpack_require__(50320);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/serialize/index.node.js
var index_node = __webpack_require__(51248);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/spec/index.js
var dist_node_spec = __webpack_require__(94321);
;// CONCATENATED MODULE: ./packages/sbom/dist/version.js
/** This package's version, as recorded in `metadata.tools` (a test keeps it equal to package.json). */
const VERSION = '0.1.0';
const TOOL_NAME = '@build-artifact/sbom';
//# sourceMappingURL=version.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/bom.js

// Sub-path imports: the package root also loads validation and contrib code we do not need here.






/** GitHub refuses attestation predicates past 16 MiB. */
const MAX_BOM_BYTES = 16 * 1024 * 1024;
const SCOPE = {
    optional: enums.ComponentScope.Optional,
    excluded: enums.ComponentScope.Excluded,
};
/**
 * Builds the CycloneDX document once, from the assembly tree. Third-party packages merge by purl;
 * first-party parts go under the assembly's own component. The library builds and normalises the
 * document; `dependencies` and `compositions` are written here because the library's model has no
 * compositions, and would list every component as a leaf where we do not know its edges.
 */
function buildBom(root, options) {
    const usedRefs = new Set();
    const uniqueRef = (want) => {
        let ref = want;
        for (let i = 2; usedRefs.has(ref); i++)
            ref = `${want}#${i}`;
        usedRefs.add(ref);
        return ref;
    };
    const nodes = new Map();
    const ecosystems = { cargo: 0, golang: 0, npm: 0, pypi: 0 };
    const compositions = [];
    let componentCount = 0;
    const makeComponent = (pkg, ref, type = enums.ComponentType.Library) => {
        const c = new models.Component(type, pkg.name, { bomRef: ref });
        if (pkg.version)
            c.version = pkg.version;
        if (pkg.purl)
            c.purl = pkg.purl;
        for (const h of pkg.hashes ?? [])
            c.hashes.set(h.alg, h.content);
        for (const [k, v] of Object.entries(pkg.properties ?? {}))
            c.properties.add(new models.Property(k, v));
        if (pkg.scope)
            c.scope = SCOPE[pkg.scope];
        return c;
    };
    // Each assembly: its component, its packages (flat for the root's third-party ones, nested
    // otherwise), and its compositions.
    const visit = (asm, prefix, isRoot) => {
        const asmRef = uniqueRef(isRoot ? `root:${asm.name}` : `${prefix}${asm.name}`);
        const comp = new models.Component(asm.type === 'application' ? enums.ComponentType.Application : enums.ComponentType.Library, asm.name, { bomRef: asmRef });
        if (asm.version)
            comp.version = asm.version;
        for (const h of asm.hashes ?? [])
            comp.hashes.set(h.alg, h.content);
        for (const [k, v] of Object.entries(asm.properties))
            comp.properties.add(new models.Property(k, v));
        const nestedPrefix = isRoot ? '' : `${asmRef}|`;
        const asmNode = { ref: asmRef, component: comp, scopes: new Set(), hashAlgs: new Set() };
        nodes.set(asmRef, asmNode);
        const local = new Map(); // purl -> node, within this assembly
        const graphRefs = new Set();
        const firstPartyEdgeRefs = new Set();
        const firstPartyRefs = [];
        for (const inv of asm.inventories) {
            const keyToRef = new Map();
            for (const pkg of inv.packages) {
                const mergeKey = pkg.purl && !pkg.firstParty ? pkg.purl : `${inv.source}#${pkg.key}`;
                let node = local.get(mergeKey);
                if (!node) {
                    const ref = uniqueRef(nestedPrefix +
                        (pkg.purl ??
                            `${pkg.firstParty ? 'first-party' : 'unnamed'}:${inv.source}#${pkg.key}`));
                    const c = makeComponent(pkg, ref, pkg.firstParty ? enums.ComponentType.Application : enums.ComponentType.Library);
                    node = {
                        ref,
                        component: c,
                        scopes: new Set(),
                        hashAlgs: new Set(pkg.hashes?.map((h) => h.alg)),
                    };
                    local.set(mergeKey, node);
                    nodes.set(ref, node);
                    componentCount++;
                    if (pkg.firstParty) {
                        firstPartyRefs.push(ref);
                        comp.components.add(c);
                    }
                    else {
                        ecosystems[pkg.ecosystem]++;
                        if (isRoot)
                            topLevel.push(c);
                        else
                            comp.components.add(c);
                    }
                }
                else {
                    // Seen in another lockfile: keep the hashes it did not have, widen the scope.
                    for (const h of pkg.hashes ?? []) {
                        if (!node.hashAlgs.has(h.alg)) {
                            node.component.hashes.set(h.alg, h.content);
                            node.hashAlgs.add(h.alg);
                        }
                    }
                }
                node.scopes.add(pkg.scope ?? 'required');
                keyToRef.set(pkg.key, node.ref);
            }
            for (const pkg of inv.packages) {
                if (!inv.hasGraph && !(inv.firstPartyEdgesOnly && pkg.firstParty))
                    continue;
                const node = nodes.get(keyToRef.get(pkg.key));
                node.deps ??= new Set();
                for (const d of pkg.dependencies ?? []) {
                    const target = keyToRef.get(d);
                    if (target && target !== node.ref)
                        node.deps.add(target);
                }
                (inv.hasGraph ? graphRefs : firstPartyEdgeRefs).add(node.ref);
            }
        }
        // The assembly depends on its first-party parts (workspace members, a Go main module); what
        // they depend on comes from the lockfile's own edges, never invented here.
        if (firstPartyRefs.length > 0) {
            asmNode.deps = new Set(firstPartyRefs);
            graphRefs.add(asmRef);
        }
        for (const child of asm.children) {
            const c = visit(child, nestedPrefix, false);
            if (isRoot)
                topLevel.push(c);
            else
                comp.components.add(c);
        }
        compositions.push({ aggregate: asm.completeness, assemblies: [asmRef] });
        for (const r of firstPartyEdgeRefs)
            graphRefs.delete(r);
        if (graphRefs.size > 0)
            compositions.push({ aggregate: 'complete', dependencies: [...graphRefs].sort() });
        if (firstPartyEdgeRefs.size > 0) {
            compositions.push({
                aggregate: 'incomplete_first_party_only',
                dependencies: [...firstPartyEdgeRefs].sort(),
            });
        }
        return comp;
    };
    const topLevel = [];
    const rootComponent = visit(root, '', true);
    // Scope: required if any input needs it at run time, else optional, else excluded.
    for (const node of nodes.values()) {
        if (node.scopes.size === 0)
            continue;
        if (node.scopes.has('required'))
            node.component.scope = undefined;
        else if (node.scopes.has('optional'))
            node.component.scope = enums.ComponentScope.Optional;
        else
            node.component.scope = enums.ComponentScope.Excluded;
    }
    const spec = dist_node_spec.SpecVersionDict[options.specVersion];
    const bom = new models.Bom();
    bom.metadata.component = rootComponent;
    bom.metadata.tools.components.add(new models.Component(enums.ComponentType.Library, TOOL_NAME, { version: VERSION }));
    if (options.sourceDateEpoch !== undefined)
        bom.metadata.timestamp = new Date(options.sourceDateEpoch * 1000);
    else
        bom.metadata.timestamp = new Date();
    for (const c of topLevel)
        bom.components.add(c);
    const factory = new index_node.JSON.Normalize.Factory(spec);
    const normalized = factory.makeForBom().normalize(bom, { sortLists: true });
    const dependencies = [...nodes.values()]
        .filter((n) => n.deps !== undefined)
        .map((n) => ({ ref: n.ref, dependsOn: [...n.deps].sort() }))
        .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
    compositions.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
    const doc = {
        $schema: normalized.$schema,
        bomFormat: normalized.bomFormat,
        specVersion: normalized.specVersion,
        serialNumber: '',
        version: 1,
        metadata: normalized.metadata,
        components: normalized.components,
        dependencies,
        compositions,
    };
    if (options.sourceDateEpoch !== undefined) {
        // Same content, same serial number: a UUID (version 8 layout) from the document's SHA-256.
        const h = (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify(doc)).digest('hex');
        const v = ((Number.parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
        doc.serialNumber = `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${v}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    }
    else {
        doc.serialNumber = `urn:uuid:${(0,external_node_crypto_.randomUUID)()}`;
    }
    const json = `${JSON.stringify(doc, null, 2)}\n`;
    const bytes = Buffer.byteLength(json);
    if (bytes > MAX_BOM_BYTES) {
        throw new errors_SbomError({
            code: 'BOM_TOO_LARGE',
            message: `the SBOM is ${(bytes / 1048576).toFixed(1)} MiB, over the 16 MiB GitHub accepts for an attestation`,
        });
    }
    return { bom: doc, json, componentCount, ecosystems };
}
//# sourceMappingURL=bom.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/detect.js

/** The lockfile kind a file name says, or undefined for anything else. */
function lockfileKind(path) {
    const name = (0,external_node_path_.basename)(path);
    switch (name) {
        case 'Cargo.lock':
            return 'cargo';
        case 'go.mod':
            return 'gomod';
        case 'uv.lock':
            return 'uv';
        case 'poetry.lock':
            return 'poetry';
        case 'pdm.lock':
            return 'pdm';
        case 'Pipfile.lock':
            return 'pipfile';
        case 'package-lock.json':
        case 'npm-shrinkwrap.json':
            return 'npm';
        case 'pnpm-lock.yaml':
            return 'pnpm';
        case 'yarn.lock':
            return 'yarn';
        default:
            return /^requirements.*\.txt$/.test(name) ? 'requirements' : undefined;
    }
}
/** Manifests users might pass instead of their lockfile: said clearly rather than read as binaries. */
const MANIFESTS = {
    'Cargo.toml': 'Cargo.lock',
    'package.json': 'package-lock.json, pnpm-lock.yaml or yarn.lock',
    'pyproject.toml': 'uv.lock, poetry.lock or pdm.lock',
    Pipfile: 'Pipfile.lock',
    'go.sum': 'go.mod',
};
/** Folders never searched for lockfiles. */
const SKIP_DIRS = new Set(['node_modules', 'target', 'vendor', '.git']);
//# sourceMappingURL=detect.js.map
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./packages/sbom/dist/hashes.js
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
// EXTERNAL MODULE: ./node_modules/smol-toml/dist/index.js + 8 modules
var smol_toml_dist = __webpack_require__(3292);
;// CONCATENATED MODULE: ./packages/sbom/dist/lockfiles/toml.js


/** Parses TOML, turning a syntax error into a typed error that names the file and the line. */
function parseToml(text, file) {
    try {
        return (0,smol_toml_dist/* parse */.qg)(text);
    }
    catch (err) {
        if (err instanceof smol_toml_dist/* TomlError */.zx) {
            const first = err.message.split('\n')[0] ?? 'invalid TOML';
            throw malformed(file, `invalid TOML: ${first}`, err.line, err);
        }
        throw malformed(file, `invalid TOML: ${err.message}`, undefined, err);
    }
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function str(value) {
    return typeof value === 'string' ? value : undefined;
}
//# sourceMappingURL=toml.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/lockfiles/cargo.js




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
/**
 * Cargo.lock v1-v4. Packages without `source` are path packages: workspace members and local
 * crates, first-party. v1 keeps checksums in `[metadata]` as `checksum <name> <version> (<source>)`.
 */
function parseCargoLock(text, file) {
    const doc = parseToml(text, file);
    const raw = doc.package;
    if (raw !== undefined && !Array.isArray(raw))
        throw malformed(file, '`package` is not an array of tables');
    const entries = (raw ?? []);
    const v1Checksums = isRecord(doc.metadata) ? doc.metadata : {};
    const packages = [];
    const byName = new Map();
    const sources = new Map();
    entries.forEach((entry, i) => {
        if (!isRecord(entry))
            throw malformed(file, `package #${i + 1} is not a table`);
        const name = str(entry.name);
        const version = str(entry.version);
        if (!name || !version)
            throw malformed(file, `package #${i + 1} has no name or version`);
        const source = str(entry.source);
        const checksum = str(entry.checksum) ??
            str(v1Checksums[`checksum ${name} ${version}${source ? ` (${source})` : ''}`]);
        const pkg = {
            key: `${name} ${version}${source ? ` (${source})` : ''}`,
            ecosystem: 'cargo',
            name,
            version,
            purl: cargoPurl(name, version, sourceQualifiers(source)),
            dependencies: [],
        };
        const hashes = hexHash('SHA-256', checksum);
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
            throw malformed(file, `${pkg.name} ${pkg.version}: dependencies is not an array`);
        for (const dep of deps) {
            if (typeof dep !== 'string')
                throw malformed(file, `${pkg.name} ${pkg.version}: bad dependency`);
            const m = /^(\S+)(?: (\S+))?(?: \((.+)\))?$/.exec(dep.trim());
            const candidates = (m && byName.get(m[1])) || [];
            const match = candidates.filter((c) => (m[2] === undefined || c.version === m[2]) &&
                (m[3] === undefined || sources.get(c) === m[3]));
            if (match.length !== 1) {
                throw malformed(file, `${pkg.name} ${pkg.version}: dependency "${dep}" matches ${match.length} packages`);
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
;// CONCATENATED MODULE: ./packages/sbom/dist/lockfiles/gomod.js


/** Splits a go.mod line into tokens, honouring Go's quoted strings and `//` comments. */
function tokenize(line, file, lineNo) {
    const tokens = [];
    let i = 0;
    while (i < line.length) {
        const c = line[i];
        if (c === ' ' || c === '\t' || c === '\r') {
            i++;
        }
        else if (line.startsWith('//', i)) {
            return { tokens, comment: line.slice(i + 2).trim() };
        }
        else if (c === '"' || c === '`') {
            const end = line.indexOf(c, i + 1);
            if (end < 0)
                throw malformed(file, 'unterminated string', lineNo);
            tokens.push(line.slice(i + 1, end));
            i = end + 1;
        }
        else {
            let j = i;
            while (j < line.length && !' \t\r'.includes(line[j]) && !line.startsWith('//', j))
                j++;
            tokens.push(line.slice(i, j));
            i = j;
        }
    }
    return { tokens, comment: '' };
}
const gomod_VERSION = /^v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
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
                if (args.length !== 2 || !gomod_VERSION.test(args[1]))
                    throw malformed(file, `bad require: ${raw.trim()}`, lineNo);
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
                    throw malformed(file, `bad exclude: ${raw.trim()}`, lineNo);
                excludes.add(`${args[0]}@${args[1]}`);
                break;
            case 'replace': {
                const arrow = args.indexOf('=>');
                if (arrow < 1 || arrow > 2 || args.length - arrow - 1 < 1 || args.length - arrow - 1 > 2)
                    throw malformed(file, `bad replace: ${raw.trim()}`, lineNo);
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
                throw malformed(file, `unknown directive "${verb}"`, lineNo);
        }
    });
    if (block !== undefined)
        throw malformed(file, `unterminated ${block} block`, lines.length);
    if (module === undefined)
        throw malformed(file, 'no module directive');
    const sums = goSum ? parseGoSum(goSum.text, goSum.file) : undefined;
    const warnings = [];
    const main = {
        key: module,
        ecosystem: 'golang',
        name: module,
        version: '',
        purl: golangPurl(module, ''),
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
            purl: golangPurl(path, local ? '' : version),
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
            throw malformed(file, `bad go.sum line: ${line.slice(0, 80)}`, idx + 1);
        if (parts[1].endsWith('/go.mod'))
            return;
        out.set(`${parts[0]}@${parts[1]}`, parts[2]);
    });
    return out;
}
//# sourceMappingURL=gomod.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/lockfiles/json.js

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
        throw malformed(file, `invalid JSON: ${msg.replace(/\s*\(line \d+ column \d+\)/, '')}`, lineNo, err);
    }
}
//# sourceMappingURL=json.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/lockfiles/npm.js





const NM = 'node_modules/';
function nameFromPath(path) {
    const i = path.lastIndexOf(NM);
    return i >= 0 ? path.slice(i + NM.length) : (path.split('/').pop() ?? path);
}
function depNames(entry, ...fields) {
    const out = [];
    for (const f of fields) {
        const v = entry[f];
        if (isRecord(v))
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
    const doc = parseJson(text, file);
    if (!isRecord(doc))
        throw malformed(file, 'not a JSON object');
    const entries = new Map();
    const rootName = str(doc.name) ?? '';
    if (isRecord(doc.packages)) {
        for (const [path, raw] of Object.entries(doc.packages)) {
            if (!isRecord(raw))
                throw malformed(file, `packages["${path}"] is not an object`);
            const [name, version] = unalias(str(raw.name) ?? (path === '' ? rootName : nameFromPath(path)), str(raw.version) ?? '');
            entries.set(path, {
                path,
                name,
                version,
                link: raw.link === true,
                resolved: str(raw.resolved),
                integrity: str(raw.integrity),
                dev: raw.dev === true,
                optional: raw.optional === true,
                devOptional: raw.devOptional === true,
                deps: depNames(raw, 'dependencies', 'optionalDependencies', 'peerDependencies'),
                optionalDeps: new Set([
                    ...depNames(raw, 'optionalDependencies'),
                    ...Object.entries(isRecord(raw.peerDependenciesMeta) ? raw.peerDependenciesMeta : {})
                        .filter(([, m]) => isRecord(m) && m.optional === true)
                        .map(([n]) => n),
                ]),
            });
        }
    }
    else if (isRecord(doc.dependencies) || doc.dependencies === undefined) {
        // v1: a nested tree; flatten it into node_modules paths.
        entries.set('', {
            path: '',
            name: rootName,
            version: str(doc.version) ?? '',
            link: false,
            dev: false,
            optional: false,
            devOptional: false,
            deps: Object.keys(isRecord(doc.dependencies) ? doc.dependencies : {}),
            optionalDeps: new Set(),
        });
        const walk = (deps, prefix) => {
            for (const [key, raw] of Object.entries(deps)) {
                if (!isRecord(raw))
                    throw malformed(file, `dependencies["${key}"] is not an object`);
                const path = `${prefix}${NM}${key}`;
                const rawVersion = str(raw.version) ?? '';
                const [name, version] = unalias(key, rawVersion);
                const local = rawVersion.startsWith('file:');
                entries.set(path, {
                    path,
                    name,
                    version: local ? '' : version,
                    link: local,
                    resolved: str(raw.resolved),
                    integrity: str(raw.integrity),
                    dev: raw.dev === true,
                    optional: raw.optional === true,
                    devOptional: false,
                    deps: depNames(raw, 'requires'),
                    optionalDeps: new Set(),
                });
                if (isRecord(raw.dependencies))
                    walk(raw.dependencies, `${path}/`);
            }
        };
        if (isRecord(doc.dependencies))
            walk(doc.dependencies, '');
    }
    else {
        throw malformed(file, 'neither `packages` nor `dependencies` is an object');
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
            purl: npmPurl(e.name || 'unnamed', e.version),
            dependencies: [],
        };
        if (firstParty)
            pkg.firstParty = true;
        const hashes = sriToHashes(e.integrity);
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
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(98995);
;// CONCATENATED MODULE: ./packages/sbom/dist/lockfiles/fastyaml.js
/**
 * A fast reader for the YAML that lockfile writers emit (pnpm's js-yaml dump, Yarn berry's
 * syml): block mappings and sequences, single-line scalars (plain, '…', "…") and single-line
 * flow collections. It is several times faster than a general YAML parser on multi-megabyte
 * lockfiles. Anything outside that subset (multi-line scalars, anchors, tags, complex keys)
 * returns undefined, and the caller falls back to the full `yaml` parser, whose result this
 * reader matches (a test compares them).
 */
class Unsupported extends Error {
}
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** YAML 1.2 core schema resolution of a plain scalar, as the `yaml` package does it. */
function plain(s) {
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
// A plain scalar cannot start with an indicator (`-`, `?`, `:` only when a space follows).
const SPECIAL_START = /^[,[\]{}#&*!|>'"%@`]|^[-?:](?:\s|$)/;
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
    while (i < s.length && s[i] !== '"')
        i += s[i] === '\\' ? 2 : 1;
    if (i >= s.length)
        throw new Unsupported('unterminated');
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
    if (SPECIAL_START.test(s))
        throw new Unsupported('indicator');
    const hash = s.indexOf(' #');
    const text = (hash >= 0 ? s.slice(0, hash) : s).trim();
    if (text.includes(': ') || text.endsWith(':'))
        throw new Unsupported('mapping in scalar');
    return plain(text);
}
function skipSpaces(s, pos) {
    while (s[pos] === ' ')
        pos++;
    return pos;
}
/** A flow collection at s[pos]: [value, index after it]. */
function flow(s, pos, depth = 0) {
    if (depth > 32)
        throw new Unsupported('deep flow');
    const open = s[pos];
    const close = open === '{' ? '}' : ']';
    const out = open === '{' ? {} : [];
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
            let j = i;
            while (j < s.length &&
                s[j] !== ',' &&
                s[j] !== close &&
                s[j] !== '{' &&
                s[j] !== '[' &&
                s[j] !== ']' &&
                s[j] !== '}')
                j++;
            const text = s.slice(i, j).trim();
            if (text.includes(': ') || /^[&*!|>%@`#]/.test(text))
                throw new Unsupported('flow scalar');
            value = plain(text);
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
class Reader {
    lines;
    i = 0;
    constructor(lines) {
        this.lines = lines;
    }
    peek() {
        return this.lines[this.i];
    }
    node(depth) {
        if (depth > 64)
            throw new Unsupported('deep');
        const line = this.peek();
        if (!line)
            return null;
        return line.text === '-' || line.text.startsWith('- ')
            ? this.sequence(line.indent, depth)
            : this.mapping(line.indent, depth);
    }
    /** The value after `key:` with nothing on the line: a nested block, or null. */
    nested(indent, depth) {
        const next = this.peek();
        if (next && next.indent > indent)
            return this.node(depth + 1);
        if (next && next.indent === indent && (next.text === '-' || next.text.startsWith('- '))) {
            return this.sequence(indent, depth + 1);
        }
        return null;
    }
    mapping(indent, depth) {
        const out = {};
        for (let line = this.peek(); line && line.indent >= indent; line = this.peek()) {
            if (line.indent > indent)
                throw new Unsupported('indentation');
            if (line.text === '-' || line.text.startsWith('- '))
                break;
            this.i++;
            const s = line.text;
            let key;
            let pos;
            if (s[0] === '"' || s[0] === "'") {
                [key, pos] = quoted(s, 0);
                if (s[pos] !== ':')
                    throw new Unsupported('key');
                pos++;
            }
            else {
                if (SPECIAL_START.test(s) || s.startsWith('---'))
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
            const rest = s.slice(pos).trim();
            if (rest === '' || rest.startsWith('#')) {
                out[key] = this.nested(indent, depth);
            }
            else {
                if (s[pos] !== ' ')
                    throw new Unsupported('no space after colon');
                out[key] = inlineValue(rest);
                const next = this.peek();
                if (next && next.indent > indent)
                    throw new Unsupported('multi-line scalar');
            }
        }
        return out;
    }
    sequence(indent, depth) {
        const out = [];
        for (let line = this.peek(); line && line.indent === indent && (line.text === '-' || line.text.startsWith('- ')); line = this.peek()) {
            this.i++;
            const rest = line.text.slice(1).trim();
            if (rest === '' || rest.startsWith('#')) {
                out.push(this.nested(indent, depth));
                continue;
            }
            // `- key: value` starts a mapping inside the item: not written by lockfile tools.
            if (/^[^"'{[][^#]*?:(?: |$)/.test(rest))
                throw new Unsupported('mapping in sequence item');
            out.push(inlineValue(rest));
            const next = this.peek();
            if (next && next.indent > indent)
                throw new Unsupported('multi-line item');
        }
        const next = this.peek();
        if (next && next.indent > indent)
            throw new Unsupported('indentation');
        return out;
    }
    done() {
        return this.i >= this.lines.length;
    }
}
/** The document, or undefined when it uses YAML outside the subset lockfile tools write. */
function parseYamlSubset(text) {
    const lines = [];
    for (const raw of text.split('\n')) {
        const l = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        let indent = 0;
        while (l.charCodeAt(indent) === 32)
            indent++;
        const body = l.slice(indent);
        if (body === '' || body.startsWith('#'))
            continue;
        if (body.startsWith('\t') ||
            /[\t]/.test(l.slice(0, indent + 1)) ||
            body.startsWith('---') ||
            body === '...')
            return undefined;
        lines.push({ indent, text: body.trimEnd() });
    }
    try {
        if (lines.length === 0)
            return undefined;
        const reader = new Reader(lines);
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
;// CONCATENATED MODULE: ./packages/sbom/dist/lockfiles/yamlfile.js



/** Parses YAML, turning a syntax error into a typed error that names the file and the line. */
function parseYaml(text, file) {
    // The fast reader handles what lockfile tools write; anything else goes to the full parser.
    const fast = parseYamlSubset(text);
    if (fast !== undefined)
        return fast;
    // Loaded only when needed: most runs never reach it, and it costs start-up time.
    const { parse, YAMLParseError } = (0,external_node_module_.createRequire)(import.meta.url)('yaml');
    try {
        // Lockfiles are large and flat: no aliases to expand, so keep the cap low against bombs.
        return parse(text, { maxAliasCount: 100, uniqueKeys: false, logLevel: 'error' });
    }
    catch (err) {
        if (err instanceof YAMLParseError) {
            throw malformed(file, `invalid YAML: ${err.message.split('\n')[0]}`, err.linePos?.[0]?.line, err);
        }
        throw malformed(file, `invalid YAML: ${err.message}`, undefined, err);
    }
}
//# sourceMappingURL=yamlfile.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/lockfiles/pnpm.js





/** `name@version(peers)` -> [name, version], for v9 keys and v6 keys without the leading `/`. */
function splitKey(key) {
    const base = key.split('(')[0];
    const at = base.indexOf('@', 1);
    return at > 0 ? [base.slice(0, at), base.slice(at + 1)] : [base, ''];
}
/** v5 keys: `/name/1.2.3_peer@1` or `/@scope/name/1.2.3`. */
function splitV5Key(key) {
    const k = key.replace(/^\//, '');
    const parts = k.split('/');
    const scoped = k.startsWith('@');
    const name = scoped ? `${parts[0]}/${parts[1]}` : parts[0];
    const version = (scoped ? parts[2] : parts[1]) ?? '';
    return [name, version.split('_')[0]];
}
const stripPeers = (key) => key.split('(')[0];
/** pnpm-lock.yaml lockfileVersion 5.x, 6.0, 7.0, 9.0. */
function parsePnpmLock(text, file) {
    const doc = parseYaml(text, file);
    if (!isRecord(doc))
        throw malformed(file, 'not a YAML mapping');
    const lockVersion = String(doc.lockfileVersion ?? '');
    const major = Number.parseFloat(lockVersion);
    if (!(major >= 5))
        throw malformed(file, `unsupported lockfileVersion "${lockVersion}"`);
    const v9 = major >= 9;
    const v5 = major < 6;
    const pkgs = isRecord(doc.packages) ? doc.packages : {};
    const snaps = v9 ? (isRecord(doc.snapshots) ? doc.snapshots : {}) : pkgs;
    // The package key (peer suffix removed) of a dependency written as `name: version`.
    const depKey = (name, value) => {
        if (value.startsWith('link:') || (value.startsWith('file:') && !v9))
            return undefined;
        if (v9) {
            const base = value.split('(')[0];
            return stripPeers(base.indexOf('@', 1) > 0 ? value : `${name}@${value}`);
        }
        if (value.startsWith('/'))
            return v5 ? value.split('_')[0] : stripPeers(value);
        return v5 ? `/${name}/${value.split('_')[0]}` : stripPeers(`/${name}@${value}`);
    };
    const packages = new Map();
    for (const [key, raw] of Object.entries(pkgs)) {
        if (!isRecord(raw))
            throw malformed(file, `packages["${key}"] is not a mapping`);
        const pkey = v9 ? stripPeers(key) : v5 ? key.split('_')[0] : stripPeers(key);
        if (packages.has(pkey))
            continue;
        let [name, version] = v9
            ? splitKey(key)
            : v5
                ? splitV5Key(key)
                : splitKey(key.replace(/^\//, ''));
        if (str(raw.name))
            name = str(raw.name);
        if (str(raw.version))
            version = str(raw.version);
        const resolution = isRecord(raw.resolution) ? raw.resolution : {};
        const local = resolution.type === 'directory' || str(resolution.directory) !== undefined;
        const pkg = {
            key: pkey,
            ecosystem: 'npm',
            name,
            version,
            purl: npmPurl(name, version),
            dependencies: [],
        };
        if (local) {
            // A folder of the workspace: its "version" is a path, not something a purl can name.
            pkg.firstParty = true;
            delete pkg.purl;
            pkg.properties = { 'build-artifact:pnpm.key': key };
        }
        const hashes = sriToHashes(resolution.integrity);
        if (hashes)
            pkg.hashes = hashes;
        if (!v9) {
            if (raw.dev === true)
                pkg.scope = 'excluded';
            else if (raw.optional === true)
                pkg.scope = 'optional';
        }
        packages.set(pkey, pkg);
    }
    const edges = new Map();
    const addEdges = (from, deps) => {
        if (!isRecord(deps))
            return;
        let set = edges.get(from);
        if (!set) {
            set = new Set();
            edges.set(from, set);
        }
        for (const [name, spec] of Object.entries(deps)) {
            const value = isRecord(spec)
                ? str(spec.version)
                : typeof spec === 'string'
                    ? spec
                    : String(spec);
            if (value === undefined)
                continue;
            const k = depKey(name, value);
            if (k !== undefined && packages.has(k))
                set.add(k);
        }
    };
    const optionalSnap = new Set();
    for (const [key, raw] of Object.entries(snaps)) {
        if (!isRecord(raw))
            throw malformed(file, `snapshots["${key}"] is not a mapping`);
        const pkey = v5 ? key.split('_')[0] : stripPeers(key);
        if (!packages.has(pkey))
            continue;
        addEdges(pkey, raw.dependencies);
        addEdges(pkey, raw.optionalDependencies);
        if (v9 && raw.optional === true)
            optionalSnap.add(pkey);
    }
    // Importers are the workspace's own folders: first-party, with their direct dependencies.
    const importers = isRecord(doc.importers)
        ? Object.entries(doc.importers).map(([p, v]) => [p, isRecord(v) ? v : {}])
        : [['.', doc]];
    const prodRoots = [];
    const devRoots = [];
    const firstParty = [];
    for (const [path, imp] of importers) {
        const key = `importer:${path}`;
        addEdges(key, imp.dependencies);
        addEdges(key, imp.optionalDependencies);
        const prod = [...(edges.get(key) ?? [])];
        addEdges(key, imp.devDependencies);
        prodRoots.push(...prod);
        for (const k of edges.get(key) ?? [])
            if (!prod.includes(k))
                devRoots.push(k);
        firstParty.push({
            key,
            ecosystem: 'npm',
            name: path,
            version: '',
            firstParty: true,
            dependencies: [...(edges.get(key) ?? [])],
        });
    }
    for (const [k, pkg] of packages)
        pkg.dependencies = [...(edges.get(k) ?? [])];
    if (v9) {
        // v9 dropped the per-package dev flag: a package only reachable from devDependencies is dev.
        const reach = (roots) => {
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
        };
        const prod = reach(prodRoots);
        const dev = reach(devRoots);
        for (const [k, pkg] of packages) {
            if (!prod.has(k) && dev.has(k))
                pkg.scope = 'excluded';
            else if (optionalSnap.has(k))
                pkg.scope = 'optional';
        }
    }
    return {
        source: file,
        format: 'pnpm-lock.yaml',
        packages: [...firstParty, ...packages.values()],
        hasGraph: true,
        completeness: 'complete',
        warnings: [],
    };
}
//# sourceMappingURL=pnpm.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/lockfiles/python.js




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
        purl: pypiPurl(name, version, qualifiers),
        dependencies: [],
    };
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
    const git = str(source.git);
    if (git)
        return { vcs_url: `git+${git}` };
    const url = str(source.url);
    if (url)
        return { download_url: url };
    return undefined;
}
/** uv.lock (version 1). */
function parseUvLock(text, file) {
    const doc = parseToml(text, file);
    const raw = doc.package;
    if (raw !== undefined && !Array.isArray(raw))
        throw malformed(file, '`package` is not an array of tables');
    const entries = (raw ?? []);
    const packages = [];
    const byName = new Map();
    const sources = new Map();
    entries.forEach((entry, i) => {
        if (!isRecord(entry))
            throw malformed(file, `package #${i + 1} is not a table`);
        const name = str(entry.name);
        if (!name)
            throw malformed(file, `package #${i + 1} has no name`);
        const source = isRecord(entry.source) ? entry.source : {};
        const kind = Object.keys(source)[0] ?? 'registry';
        const local = ['editable', 'virtual', 'directory'].includes(kind);
        const version = str(entry.version) ?? '';
        if (!local && !version)
            throw malformed(file, `${name}: no version`);
        const pkg = pyPackage(name, version, `${pep503(name)}@${version}@${JSON.stringify(source)}`, gitQualifier(source));
        if (local) {
            pkg.firstParty = true;
            delete pkg.purl;
            pkg.properties = { 'build-artifact:python.source': `${kind}:${String(source[kind])}` };
        }
        packages.push(pkg);
        sources.set(pkg, JSON.stringify(source));
        const n = pep503(name);
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
            if (!isRecord(d) || !str(d.name))
                continue;
            let cands = byName.get(pep503(str(d.name))) ?? [];
            if (str(d.version))
                cands = cands.filter((c) => c.version === d.version);
            if (isRecord(d.source))
                cands = cands.filter((c) => sources.get(c) === JSON.stringify(d.source));
            for (const c of cands)
                if (!out.includes(c.key))
                    out.push(c.key);
        }
        return out;
    };
    const groupDeps = (groups) => isRecord(groups) ? Object.values(groups).flatMap((g) => resolveDeps(g)) : [];
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
    const doc = parseToml(text, file);
    const raw = doc.package;
    if (raw !== undefined && !Array.isArray(raw))
        throw malformed(file, '`package` is not an array of tables');
    const entries = (raw ?? []);
    const packages = [];
    const byName = new Map();
    entries.forEach((entry, i) => {
        if (!isRecord(entry))
            throw malformed(file, `package #${i + 1} is not a table`);
        const name = str(entry.name);
        const version = str(entry.version);
        if (!name || !version)
            throw malformed(file, `package #${i + 1} has no name or version`);
        const source = isRecord(entry.source) ? entry.source : {};
        const type = str(source.type);
        const qualifiers = type === 'git'
            ? {
                vcs_url: `git+${str(source.url)}@${str(source.resolved_reference) ?? str(source.reference) ?? ''}`,
            }
            : type === 'url'
                ? { download_url: str(source.url) ?? '' }
                : type === 'legacy' && str(source.url)
                    ? { repository_url: str(source.url) }
                    : undefined;
        const pkg = pyPackage(name, version, `${pep503(name)}@${version}`, qualifiers);
        if (type === 'directory')
            pkg.firstParty = true;
        const groups = Array.isArray(entry.groups)
            ? entry.groups.map(String)
            : [str(entry.category) ?? 'main'];
        if (!groups.includes('main'))
            pkg.scope = 'excluded';
        else if (entry.optional === true)
            pkg.scope = 'optional';
        packages.push(pkg);
        const list = byName.get(pep503(name));
        if (list)
            list.push(pkg);
        else
            byName.set(pep503(name), [pkg]);
    });
    entries.forEach((entry, i) => {
        const deps = entry.dependencies;
        if (!isRecord(deps))
            return;
        const pkg = packages[i];
        for (const n of Object.keys(deps)) {
            for (const c of byName.get(pep503(n)) ?? [])
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
    const doc = parseToml(text, file);
    const raw = doc.package;
    if (raw !== undefined && !Array.isArray(raw))
        throw malformed(file, '`package` is not an array of tables');
    const entries = (raw ?? []);
    const packages = [];
    const byName = new Map();
    entries.forEach((entry, i) => {
        if (!isRecord(entry))
            throw malformed(file, `package #${i + 1} is not a table`);
        const name = str(entry.name);
        const version = str(entry.version) ?? '';
        if (!name)
            throw malformed(file, `package #${i + 1} has no name`);
        const local = entry.editable === true || str(entry.path) !== undefined;
        if (!local && !version)
            throw malformed(file, `${name}: no version`);
        const git = str(entry.git);
        const pkg = pyPackage(name, version, `${pep503(name)}@${version}`, git ? { vcs_url: `git+${git}@${str(entry.revision) ?? ''}` } : undefined);
        if (local) {
            pkg.firstParty = true;
            delete pkg.purl;
        }
        const groups = Array.isArray(entry.groups) ? entry.groups.map(String) : ['default'];
        if (!groups.includes('default'))
            pkg.scope = 'excluded';
        packages.push(pkg);
        const list = byName.get(pep503(name));
        if (list)
            list.push(pkg);
        else
            byName.set(pep503(name), [pkg]);
    });
    entries.forEach((entry, i) => {
        const deps = entry.dependencies;
        if (!Array.isArray(deps))
            return;
        const pkg = packages[i];
        for (const d of deps) {
            const n = typeof d === 'string' ? requirementName(d) : undefined;
            for (const c of (n && byName.get(pep503(n))) || [])
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
    const doc = parseJson(text, file);
    if (!isRecord(doc))
        throw malformed(file, 'not a JSON object');
    const packages = new Map();
    const warnings = [];
    for (const section of ['default', 'develop']) {
        const group = doc[section];
        if (group === undefined)
            continue;
        if (!isRecord(group))
            throw malformed(file, `"${section}" is not an object`);
        for (const [name, raw] of Object.entries(group)) {
            if (!isRecord(raw))
                throw malformed(file, `${section}.${name} is not an object`);
            const spec = str(raw.version);
            const local = raw.editable === true || str(raw.path) !== undefined || str(raw.file) !== undefined;
            const git = str(raw.git);
            const version = spec?.startsWith('==') ? spec.replace(/^===?/, '') : undefined;
            // default and develop may pin different versions of one name: both are listed.
            const key = `${pep503(name)}@${version ?? str(raw.ref) ?? ''}`;
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
            const pkg = pyPackage(name, version ?? '', key, git ? { vcs_url: `git+${git}@${str(raw.ref) ?? ''}` } : undefined);
            delete pkg.dependencies;
            if (version === undefined) {
                warnings.push(`${file}: ${section}.${name} is a git requirement without a version`);
            }
            if (str(raw.markers))
                pkg.properties = { 'build-artifact:python.markers': str(raw.markers) };
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
;// CONCATENATED MODULE: ./packages/sbom/dist/lockfiles/requirements.js





const defaultRead = (path) => {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (err) {
        throw (0,dist/* fileError */.zS)(path, err);
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
            throw malformed(path, '-r includes nested too deeply');
        seen.add((0,external_node_path_.resolve)(path));
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
                    const inc = (0,external_node_path_.resolve)((0,external_node_path_.dirname)(path), m[2]);
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
                throw malformed(path, `cannot parse requirement "${spec.slice(0, 80)}"`, start);
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
            const key = `${pep503(name)}@${pin}`;
            if (packages.has(key))
                continue;
            const pkg = {
                key,
                ecosystem: 'pypi',
                name: name,
                version: pin,
                purl: pypiPurl(name, pin),
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
        const n = pep503(p.name);
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
;// CONCATENATED MODULE: ./packages/sbom/dist/lockfiles/yarn.js





/** `name@range` -> [name, range]; the name may be scoped. */
function splitSpec(spec) {
    const at = spec.indexOf('@', 1);
    return at > 0 ? [spec.slice(0, at), spec.slice(at + 1)] : [spec, ''];
}
/** The package a spec really installs: `alias@npm:real@^1` installs `real`. */
function realName(name, range) {
    const m = /^npm:((?:@[^/@]+\/)?[^@]+)@/.exec(range);
    return m ? m[1] : name;
}
function unquote(s) {
    const t = s.trim();
    if (t.startsWith('"') && t.endsWith('"') && t.length >= 2) {
        try {
            return JSON.parse(t);
        }
        catch {
            return t.slice(1, -1);
        }
    }
    return t;
}
/** yarn.lock: v1 (its own format) or berry (YAML with `__metadata`). */
function parseYarnLock(text, file) {
    return /^__metadata:/m.test(text) ? parseBerry(text, file) : parseYarnV1(text, file);
}
function parseYarnV1(text, file) {
    const entries = [];
    let current;
    let section;
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const raw = lines[i].replace(/\r$/, '');
        if (raw.trim() === '' || raw.trimStart().startsWith('#'))
            continue;
        const indent = raw.length - raw.trimStart().length;
        const line = raw.trim();
        if (indent === 0) {
            if (!line.endsWith(':'))
                throw malformed(file, `expected "<spec>:" but found "${line.slice(0, 60)}"`, i + 1);
            const specs = line
                .slice(0, -1)
                .split(/,\s*/)
                .map(unquote)
                .filter((s) => s !== '');
            if (specs.length === 0)
                throw malformed(file, 'entry without a spec', i + 1);
            current = { specs, fields: {}, deps: {}, line: i + 1 };
            entries.push(current);
            section = undefined;
        }
        else if (!current) {
            throw malformed(file, 'indented line outside an entry', i + 1);
        }
        else if (indent <= 2) {
            if (line.endsWith(':')) {
                section = line.slice(0, -1);
                continue;
            }
            section = undefined;
            const m = /^("(?:[^"\\]|\\.)*"|\S+)\s+(.+)$/.exec(line);
            if (!m)
                throw malformed(file, `bad field "${line.slice(0, 60)}"`, i + 1);
            current.fields[unquote(m[1])] = unquote(m[2]);
        }
        else {
            if (section === undefined)
                throw malformed(file, 'unexpected indentation', i + 1);
            if (section !== 'dependencies' && section !== 'optionalDependencies')
                continue;
            const m = /^("(?:[^"\\]|\\.)*"|\S+)\s+(.+)$/.exec(line);
            if (!m)
                throw malformed(file, `bad dependency "${line.slice(0, 60)}"`, i + 1);
            current.deps[unquote(m[1])] = unquote(m[2]);
        }
    }
    const bySpec = new Map();
    const packages = new Map();
    const pending = [];
    for (const e of entries) {
        const version = e.fields.version;
        if (version === undefined)
            throw malformed(file, `${e.specs[0]}: no version`, e.line);
        const [name0, range0] = splitSpec(e.specs[0]);
        const name = realName(name0, range0);
        const local = /^(file|link):/.test(range0);
        const key = `${name}@${version}${local ? `#${range0}` : ''}`;
        let pkg = packages.get(key);
        if (!pkg) {
            pkg = {
                key,
                ecosystem: 'npm',
                name,
                version,
                purl: npmPurl(name, version),
                dependencies: [],
            };
            if (local)
                pkg.firstParty = true;
            const hashes = sriToHashes(e.fields.integrity);
            if (hashes)
                pkg.hashes = hashes;
            packages.set(key, pkg);
        }
        for (const s of e.specs)
            bySpec.set(s, pkg);
        pending.push([pkg, e.deps]);
    }
    for (const [pkg, deps] of pending) {
        for (const [n, r] of Object.entries(deps)) {
            const hit = bySpec.get(`${n}@${r}`);
            if (hit && !pkg.dependencies.includes(hit.key))
                pkg.dependencies.push(hit.key);
        }
    }
    return {
        source: file,
        format: 'yarn.lock v1',
        packages: [...packages.values()],
        hasGraph: true,
        completeness: 'complete',
        warnings: [],
    };
}
function parseBerry(text, file) {
    const doc = parseYaml(text, file);
    if (!isRecord(doc))
        throw malformed(file, 'not a YAML mapping');
    const bySpec = new Map();
    const packages = new Map();
    const pending = [];
    for (const [keys, raw] of Object.entries(doc)) {
        if (keys === '__metadata')
            continue;
        if (!isRecord(raw))
            throw malformed(file, `"${keys}" is not a mapping`);
        const resolution = str(raw.resolution);
        const version = raw.version === undefined ? undefined : String(raw.version);
        if (!resolution || version === undefined)
            throw malformed(file, `"${keys}": no resolution or version`);
        const [resName, resRange] = splitSpec(resolution);
        const protocol = /^([a-z]+):/.exec(resRange)?.[1] ?? '';
        // Workspaces, links and portals are the project's own folders.
        const local = ['workspace', 'link', 'portal', 'file'].includes(protocol);
        // A patched package is still that package: same purl, so it merges with the unpatched one.
        const name = resName;
        let pkg = packages.get(resolution);
        if (!pkg) {
            pkg = {
                key: resolution,
                ecosystem: 'npm',
                name,
                version: local ? '' : version,
                dependencies: [],
            };
            if (local) {
                pkg.firstParty = true;
                pkg.properties = { 'build-artifact:yarn.resolution': resolution };
            }
            else {
                pkg.purl = npmPurl(name, version);
            }
            // Berry's checksum is over Yarn's repacked zip, not the npm tarball: not a package hash.
            packages.set(resolution, pkg);
        }
        for (const s of keys.split(/,\s*/))
            bySpec.set(s.trim(), pkg);
        pending.push([pkg, isRecord(raw.dependencies) ? raw.dependencies : {}]);
        if (isRecord(raw.optionalDependencies))
            pending.push([pkg, raw.optionalDependencies]);
    }
    for (const [pkg, deps] of pending) {
        for (const [n, r] of Object.entries(deps)) {
            const hit = bySpec.get(`${n}@${String(r)}`);
            if (hit && hit !== pkg && !pkg.dependencies.includes(hit.key))
                pkg.dependencies.push(hit.key);
        }
    }
    return {
        source: file,
        format: 'yarn.lock berry',
        packages: [...packages.values()],
        hasGraph: true,
        completeness: 'complete',
        warnings: [],
    };
}
//# sourceMappingURL=yarn.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/lockfiles/index.js







/** Parses a lockfile's text; `read` fetches companions (go.sum, `-r` includes). */
function parseLockfile(kind, text, file, read) {
    switch (kind) {
        case 'cargo':
            return parseCargoLock(text, file);
        case 'gomod': {
            const sumPath = file.replace(/go\.mod$/, 'go.sum');
            const sum = read.optional(sumPath);
            return parseGoMod(text, file, sum === undefined ? undefined : { text: sum, file: sumPath });
        }
        case 'uv':
            return parseUvLock(text, file);
        case 'poetry':
            return parsePoetryLock(text, file);
        case 'pdm':
            return parsePdmLock(text, file);
        case 'pipfile':
            return parsePipfileLock(text, file);
        case 'requirements':
            return parseRequirements(text, file, read.required);
        case 'npm':
            return parsePackageLock(text, file);
        case 'pnpm':
            return parsePnpmLock(text, file);
        case 'yarn':
            return parseYarnLock(text, file);
    }
}
//# sourceMappingURL=index.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/generate.js









const MAX_LOCKFILE_BYTES = 256 * 1024 * 1024;
function readText(path) {
    try {
        if ((0,external_node_fs_.statSync)(path).size > MAX_LOCKFILE_BYTES) {
            throw new errors_SbomError({
                code: 'LIMIT_EXCEEDED',
                file: path,
                message: 'lockfile larger than 256 MiB',
            });
        }
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (err) {
        if (err instanceof errors_SbomError)
            throw err;
        throw (0,dist/* fileError */.zS)(path, err);
    }
}
function readOptional(path) {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return undefined;
        throw (0,dist/* fileError */.zS)(path, err);
    }
}
/** Parses one lockfile by its name. */
function inventoryFromLockfile(path) {
    const kind = lockfileKind(path);
    if (!kind)
        throw new errors_SbomError({
            code: 'UNSUPPORTED_INPUT',
            file: path,
            message: 'not a supported lockfile',
        });
    return parseLockfile(kind, readText(path), path, { required: readText, optional: readOptional });
}
/** The lockfiles below a directory, in sorted order, the skipped folders left out. */
async function findLockfiles(dir) {
    const files = await (0,dist/* walkDirectory */.N7)(dir, SKIP_DIRS);
    const found = files.filter((f) => lockfileKind(f) !== undefined);
    // npm ignores package-lock.json when npm-shrinkwrap.json sits beside it.
    const shrinkwrapDirs = new Set(found.filter((f) => (0,external_node_path_.basename)(f) === 'npm-shrinkwrap.json').map(external_node_path_.dirname));
    return found.filter((f) => !((0,external_node_path_.basename)(f) === 'package-lock.json' && shrinkwrapDirs.has((0,external_node_path_.dirname)(f))));
}
function parseEpoch(value) {
    if (value === undefined || value === '')
        return undefined;
    if (!/^\d{1,12}$/.test(value)) {
        throw new errors_SbomError({
            code: 'UNSUPPORTED_INPUT',
            message: `SOURCE_DATE_EPOCH "${value}" is not a number of seconds`,
        });
    }
    return Number(value);
}
/**
 * One CycloneDX BOM for any mix of directories (every lockfile in them), lockfiles and binaries
 * (ELF, Mach-O, PE, wasm). Several paths merge into one document.
 */
async function generateSbom(paths, options = {}) {
    if (paths.length === 0)
        throw new errors_SbomError({ code: 'NO_INPUTS', message: 'no paths given' });
    const progress = options.onProgress ?? (() => { });
    const inventories = [];
    const binaries = [];
    const names = [];
    for (const path of paths) {
        let isDir;
        try {
            isDir = (0,external_node_fs_.statSync)(path).isDirectory();
        }
        catch (err) {
            throw (0,dist/* fileError */.zS)(path, err);
        }
        if (isDir) {
            names.push((0,external_node_path_.basename)((0,external_node_path_.resolve)(path)));
            const files = await findLockfiles(path);
            progress({ step: 'sbom', message: `${path}: ${files.length} lockfile(s)`, level: 'debug' });
            if (files.length === 0) {
                progress({
                    step: 'sbom',
                    message: `${path}: no supported lockfile found`,
                    level: 'warning',
                });
            }
            for (const f of files) {
                const inv = inventoryFromLockfile(f);
                // Paths in the BOM are relative to the argument, so the output does not depend on
                // where the tree sits on disk.
                inv.source = (0,external_node_path_.relative)(path, f).split(external_node_path_.sep).join('/');
                inventories.push(inv);
            }
            continue;
        }
        names.push((0,external_node_path_.basename)(path));
        if (lockfileKind(path)) {
            const inv = inventoryFromLockfile(path);
            inv.source = (0,external_node_path_.basename)(path);
            inventories.push(inv);
            continue;
        }
        const manifest = MANIFESTS[(0,external_node_path_.basename)(path)];
        if (manifest) {
            throw new errors_SbomError({
                code: 'UNSUPPORTED_INPUT',
                file: path,
                message: `a manifest, not a lockfile: give ${manifest} (or its directory)`,
            });
        }
        progress({ step: 'sbom', message: `${path}: reading as a binary`, level: 'debug' });
        binaries.push(binaryAssembly(await inspectBinary(path), (0,external_node_path_.basename)(path)));
    }
    for (const inv of inventories) {
        for (const w of inv.warnings)
            progress({ step: 'sbom', message: w, level: 'warning' });
    }
    for (const b of binaries) {
        const walk = (a) => {
            for (const inv of a.inventories)
                for (const w of inv.warnings)
                    progress({ step: 'sbom', message: w, level: 'warning' });
            if (a.inventories.length === 0) {
                progress({
                    step: 'sbom',
                    message: `${a.name}: no Go build info or cargo-auditable data: its own dependencies are not listed${a.children.length ? ' (only those of the modules embedded in it)' : ''}`,
                    level: 'warning',
                });
            }
            a.children.forEach(walk);
        };
        walk(b);
    }
    let root;
    if (binaries.length === 1 && inventories.length === 0) {
        root = binaries[0];
    }
    else {
        const parts = [
            ...inventories.map((i) => i.completeness),
            ...binaries.map((b) => b.completeness),
        ];
        root = {
            name: names.join('+'),
            type: 'application',
            properties: {},
            inventories,
            children: binaries,
            completeness: parts.includes('unknown') || parts.length === 0
                ? 'unknown'
                : parts.includes('incomplete')
                    ? 'incomplete'
                    : 'complete',
        };
    }
    const sourceDateEpoch = options.sourceDateEpoch ?? parseEpoch(process.env.SOURCE_DATE_EPOCH);
    return buildBom(root, {
        specVersion: options.specVersion ?? '1.6',
        ...(sourceDateEpoch === undefined ? {} : { sourceDateEpoch }),
    });
}
//# sourceMappingURL=generate.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/validate.js

/**
 * Checks a BOM against the official CycloneDX JSON schema (strict) and, since the schema cannot,
 * that every bom-ref is unique and every dependency ref names a component. Throws INVALID_BOM.
 */
async function validateBom(json) {
    const doc = JSON.parse(json);
    const version = String(doc.specVersion);
    // Loaded on use: validation (ajv and the schemas) is for tests and checks, not every run.
    const { JsonStrictValidator } = await __webpack_require__.e(/* import() */ 655).then(__webpack_require__.t.bind(__webpack_require__, 18655, 19));
    const validator = new JsonStrictValidator(version);
    const errors = await validator.validate(json);
    if (errors !== null) {
        throw new SbomError({
            code: 'INVALID_BOM',
            message: `not valid CycloneDX ${version}: ${JSON.stringify(errors).slice(0, 2000)}`,
        });
    }
    const refs = new Set();
    const collect = (c) => {
        if (!c)
            return;
        const ref = c['bom-ref'];
        if (typeof ref === 'string') {
            if (refs.has(ref))
                throw new SbomError({ code: 'INVALID_BOM', message: `duplicate bom-ref "${ref}"` });
            refs.add(ref);
        }
        for (const n of c.components ?? [])
            collect(n);
    };
    collect(doc.metadata?.component);
    for (const c of doc.components ?? [])
        collect(c);
    for (const d of doc.dependencies ?? []) {
        for (const r of [d.ref, ...(d.dependsOn ?? [])]) {
            if (!refs.has(r))
                throw new SbomError({
                    code: 'INVALID_BOM',
                    message: `dependency ref "${r}" names no component`,
                });
        }
    }
    for (const c of doc.compositions ?? []) {
        for (const r of [...(c.assemblies ?? []), ...(c.dependencies ?? [])]) {
            if (!refs.has(r))
                throw new SbomError({
                    code: 'INVALID_BOM',
                    message: `composition ref "${r}" names no component`,
                });
        }
    }
}
//# sourceMappingURL=validate.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/index.js



















//# sourceMappingURL=index.js.map

/***/ })

};
