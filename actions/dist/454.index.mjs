export const id = 454;
export const ids = [454];
export const modules = {

/***/ 64454:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MAX_BINARY_SIZE: () => (/* binding */ MAX_BINARY_SIZE),
  findEmbeddedWasm: () => (/* binding */ findEmbeddedWasm),
  inspectBinary: () => (/* binding */ inspectBinary),
  inspectBytes: () => (/* binding */ inspectBytes)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./packages/core/dist/index.js + 10 modules
var dist = __webpack_require__(82284);
// EXTERNAL MODULE: ./packages/sbom/dist/errors.js
var errors = __webpack_require__(55221);
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
        // zlib is loaded here, when a binary has a `.dep-v0`, not with the package: most runs read
        // lockfiles only.
        const { inflateSync } = process.getBuiltinModule('node:zlib');
        json = inflateSync(bytes, { maxOutputLength: MAX_AUDIT_JSON });
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
                throw new errors/* SbomError */.SP({
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
        if (err instanceof errors/* SbomError */.SP)
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
        throw new errors/* SbomError */.SP({
            code: 'UNSUPPORTED_INPUT',
            file,
            message: 'not an ELF, Mach-O, PE or wasm file, nor a known lockfile',
        });
    }
    try {
        return inspectAt(buf, 0, buf.length, format, file, 0, true);
    }
    catch (err) {
        if (err instanceof errors/* SbomError */.SP)
            throw err;
        if (err instanceof AuditableError) {
            throw new errors/* SbomError */.SP({
                code: err.limit ? 'LIMIT_EXCEEDED' : 'MALFORMED_BINARY',
                file,
                message: err.message,
                cause: err,
            });
        }
        if (err instanceof RangeError || err instanceof SectionError) {
            throw new errors/* SbomError */.SP({
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

/***/ })

};
