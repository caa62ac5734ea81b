export const id = 294;
export const ids = [294];
export const modules = {

/***/ 9663:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MAX_BINARY_SIZE: () => (/* binding */ MAX_BINARY_SIZE),
  WorkLimitError: () => (/* binding */ WorkLimitError),
  findEmbeddedWasm: () => (/* binding */ findEmbeddedWasm),
  inspectBinary: () => (/* binding */ inspectBinary),
  inspectBytes: () => (/* binding */ inspectBytes)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./packages/core/dist/index.js + 18 modules
var dist = __webpack_require__(23135);
// EXTERNAL MODULE: ./packages/sbom/dist/errors.js
var errors = __webpack_require__(55221);
;// CONCATENATED MODULE: ./packages/sbom/dist/binary/auditable.js
/** Inflated `.dep-v0` JSON is small (kilobytes); anything past this is a zip bomb. */
const MAX_AUDIT_JSON = 8 * 1024 * 1024;
/**
 * All the `.dep-v0` sections of one file together (a component can hold any number of core
 * modules, each with its own): zlib expands up to ~1000 times, so a cap per section alone would
 * let 100 MB of small bombs inflate 100 GB.
 */
const MAX_AUDIT_JSON_TOTAL = 4 * MAX_AUDIT_JSON;
class AuditableError extends Error {
    limit;
    constructor(message, limit = false) {
        super(message);
        this.limit = limit;
    }
}
/**
 * cargo-auditable's `.dep-v0`: zlib-compressed JSON of the crates compiled in. `budget` is what
 * the other sections of the same file left of MAX_AUDIT_JSON_TOTAL; this one takes its share.
 */
function decodeDepV0(bytes, budget = { left: MAX_AUDIT_JSON }) {
    let json;
    const cap = Math.min(MAX_AUDIT_JSON, budget.left);
    if (cap <= 0)
        throw new AuditableError(`the .dep-v0 sections inflate past ${MAX_AUDIT_JSON_TOTAL} bytes together`, true);
    try {
        // zlib is loaded here, when a binary has a `.dep-v0`, not with the package: most runs read
        // lockfiles only.
        const { inflateSync } = process.getBuiltinModule('node:zlib');
        json = inflateSync(bytes, { maxOutputLength: cap });
    }
    catch (err) {
        const code = err.code;
        if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
            throw new AuditableError(cap < MAX_AUDIT_JSON
                ? `the .dep-v0 sections inflate past ${MAX_AUDIT_JSON_TOTAL} bytes together`
                : `.dep-v0 inflates past ${MAX_AUDIT_JSON} bytes`, true);
        }
        throw new AuditableError(`.dep-v0 is not a zlib stream: ${err.message}`);
    }
    budget.left -= json.length;
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
;// CONCATENATED MODULE: ./packages/sbom/dist/binary/objfile.js

/** The container format from the first bytes, or undefined. */
/** The format the first bytes of a file say (core's sniffer, shared with the OCI client). */
const detectFormat = dist.detectBinaryFormat;
class SectionError extends RangeError {
}
function check(cond, what) {
    if (!cond)
        throw new SectionError(what);
}
/**
 * Longest section or symbol name read. Names are compared, never searched for: a string table
 * without NUL bytes must not make each name a scan to the end of the file (that made a 14 MB
 * ELF with 65,535 sections take minutes).
 */
const MAX_NAME = 256;
/** The NUL-terminated name at `start` (at most MAX_NAME bytes, not past `limit`). */
function nameAt(buf, start, limit) {
    const end = Math.min(limit, start + MAX_NAME, buf.length);
    if (start >= end)
        return start === limit ? '' : undefined;
    const nul = buf.subarray(start, end).indexOf(0);
    if (nul >= 0)
        return buf.toString('latin1', start, start + nul);
    return end === limit ? buf.toString('latin1', start, end) : undefined;
}
/** Whether the NUL-terminated string at `at` (before `limit`) is exactly `name`. */
function nameIs(buf, at, limit, name) {
    const end = at + name.length;
    if (end > limit)
        return false;
    if (end < limit && buf[end] !== 0)
        return false;
    return buf.compare(name, 0, name.length, at, end) === 0;
}
const toNumber = (v) => v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v);
/**
 * Reads the section table (and where the symbol table is) of an ELF, 64-bit Mach-O or PE file.
 * Undefined for formats not read here (32-bit and big-endian Mach-O, fat files). Throws
 * SectionError when the headers point outside the file.
 */
function readObjectFile(buf, format) {
    switch (format) {
        case 'elf':
            return readElf(buf);
        case 'macho':
            return readMacho(buf);
        case 'pe':
            return readPe(buf);
        default:
            return undefined;
    }
}
function readElf(buf) {
    check(buf.length >= 52, 'ELF header truncated');
    const is64 = buf[4] === 2;
    const le = buf[5] !== 2;
    // Out-of-range reads throw Node's ERR_OUT_OF_RANGE, a RangeError: reported as malformed.
    const u16 = (o) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
    const u32 = (o) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
    // Sizes of sections with no file bytes (.bss) can be anything: clamp, check where used.
    const word = (o) => is64 ? toNumber(le ? buf.readBigUInt64LE(o) : buf.readBigUInt64BE(o)) : u32(o);
    const obj = {
        format: 'elf',
        ptrSize: is64 ? 8 : 4,
        littleEndian: le,
        sections: [],
        imageBase: 0,
    };
    const shoff = word(is64 ? 0x28 : 0x20);
    const shentsize = u16(is64 ? 0x3a : 0x2e);
    const shnum = u16(is64 ? 0x3c : 0x30);
    const shstrndx = u16(is64 ? 0x3e : 0x32);
    if (shoff === 0 || shnum === 0)
        return obj;
    check(shentsize >= (is64 ? 64 : 40), 'ELF section header size too small');
    check(shoff + shnum * shentsize <= buf.length, 'ELF section headers past the end of the file');
    check(shstrndx < shnum, 'ELF string table index out of range');
    const header = (i) => {
        const o = shoff + i * shentsize;
        return {
            name: u32(o),
            type: u32(o + 4),
            flags: word(o + 8),
            addr: word(o + (is64 ? 0x10 : 0x0c)),
            offset: word(o + (is64 ? 0x18 : 0x10)),
            size: word(o + (is64 ? 0x20 : 0x14)),
            link: u32(o + (is64 ? 0x28 : 0x18)),
        };
    };
    const strtab = header(shstrndx);
    check(strtab.offset + strtab.size <= buf.length, 'ELF string table past the end of the file');
    const strEnd = strtab.offset + strtab.size;
    const headers = Array.from({ length: shnum }, (_, i) => header(i));
    for (const h of headers) {
        const noBits = h.type === 8; // SHT_NOBITS
        const inFile = !noBits && h.offset + h.size <= buf.length;
        obj.sections.push({
            name: h.name < strtab.size ? nameAt(buf, strtab.offset + h.name, strEnd) : undefined,
            addr: h.flags & 2 ? h.addr : 0, // SHF_ALLOC: loaded at addr
            offset: inFile ? h.offset : 0,
            size: inFile ? h.size : 0,
            writable: (h.flags & 1) !== 0,
            pastEnd: !noBits && !inFile,
        });
        if (h.type === 2 && h.link < shnum) {
            // SHT_SYMTAB, its names in the section sh_link names.
            const str = headers[h.link];
            const entry = is64 ? 24 : 16;
            if (h.offset + h.size <= buf.length && str.offset + str.size <= buf.length) {
                obj.symtab = {
                    offset: h.offset,
                    count: Math.floor(h.size / entry),
                    strOffset: str.offset,
                    strSize: str.size,
                };
            }
        }
    }
    return obj;
}
function readMacho(buf) {
    check(buf.length >= 32, 'Mach-O header truncated');
    if (buf.readUInt32LE(0) !== 0xfeedfacf)
        return undefined; // 32-bit, big-endian, fat: not read
    const obj = {
        format: 'macho',
        ptrSize: 8,
        littleEndian: true,
        sections: [],
        imageBase: 0,
    };
    const ncmds = buf.readUInt32LE(16);
    check(ncmds < 65536, 'Mach-O load command count implausible');
    let pos = 32;
    for (let i = 0; i < ncmds; i++) {
        check(pos + 8 <= buf.length, 'Mach-O load commands truncated');
        const cmd = buf.readUInt32LE(pos);
        const size = buf.readUInt32LE(pos + 4);
        check(size >= 8 && pos + size <= buf.length, 'Mach-O load command size out of range');
        if (cmd === 0x19) {
            // LC_SEGMENT_64
            check(size >= 72, 'Mach-O segment command truncated');
            const writable = (buf.readUInt32LE(pos + 60) & 2) !== 0; // initprot has VM_PROT_WRITE
            const nsects = buf.readUInt32LE(pos + 64);
            check(72 + nsects * 80 <= size, 'Mach-O section count past its command');
            for (let s = 0; s < nsects; s++) {
                const o = pos + 72 + s * 80;
                const addr = toNumber(buf.readBigUInt64LE(o + 32));
                const bytes = toNumber(buf.readBigUInt64LE(o + 40));
                const offset = buf.readUInt32LE(o + 48);
                const type = buf.readUInt32LE(o + 64) & 0xff;
                const zerofill = type === 0x1 || type === 0xc || type === 0x12;
                const inFile = !zerofill && offset + bytes <= buf.length;
                obj.sections.push({
                    name: nameAt(buf, o, o + 16),
                    addr,
                    offset: inFile ? offset : 0,
                    size: inFile ? bytes : 0,
                    writable,
                    pastEnd: !zerofill && !inFile,
                });
            }
        }
        else if (cmd === 0x2 && size >= 24) {
            // LC_SYMTAB
            const symoff = buf.readUInt32LE(pos + 8);
            const nsyms = buf.readUInt32LE(pos + 12);
            const stroff = buf.readUInt32LE(pos + 16);
            const strsize = buf.readUInt32LE(pos + 20);
            if (symoff + nsyms * 16 <= buf.length && stroff + strsize <= buf.length)
                obj.symtab = { offset: symoff, count: nsyms, strOffset: stroff, strSize: strsize };
        }
        pos += size;
    }
    return obj;
}
function readPe(buf) {
    check(buf.length >= 0x40, 'PE header truncated');
    const pe = buf.readUInt32LE(0x3c);
    check(pe + 24 <= buf.length && buf.readUInt32BE(pe) === 0x50450000, 'no PE signature');
    const nsects = buf.readUInt16LE(pe + 6);
    const symoff = buf.readUInt32LE(pe + 12);
    const nsyms = buf.readUInt32LE(pe + 16);
    const optSize = buf.readUInt16LE(pe + 20);
    const opt = pe + 24;
    check(opt + optSize <= buf.length, 'PE optional header past the end of the file');
    const magic = optSize >= 2 ? buf.readUInt16LE(opt) : 0;
    const pe32plus = magic === 0x20b;
    let imageBase = 0;
    if (pe32plus && optSize >= 32)
        imageBase = toNumber(buf.readBigUInt64LE(opt + 24));
    else if (magic === 0x10b && optSize >= 32)
        imageBase = buf.readUInt32LE(opt + 28);
    const obj = {
        format: 'pe',
        ptrSize: magic === 0x10b ? 4 : 8,
        littleEndian: true,
        sections: [],
        imageBase,
    };
    const table = opt + optSize;
    check(table + nsects * 40 <= buf.length, 'PE section table past the end of the file');
    for (let i = 0; i < nsects; i++) {
        const o = table + i * 40;
        const virtualSize = buf.readUInt32LE(o + 8);
        const rva = buf.readUInt32LE(o + 12);
        const rawSize = buf.readUInt32LE(o + 16);
        const offset = buf.readUInt32LE(o + 20);
        // The raw size is padded to the file alignment; the virtual size is the real length.
        const size = virtualSize > 0 ? Math.min(virtualSize, rawSize) : rawSize;
        const inFile = offset + size <= buf.length;
        obj.sections.push({
            name: nameAt(buf, o, o + 8),
            addr: imageBase + rva,
            offset: inFile ? offset : 0,
            size: inFile ? size : 0,
            writable: (buf.readUInt32LE(o + 36) & 0x80000000) !== 0,
            pastEnd: !inFile,
        });
    }
    // The COFF symbol table; its string table follows it, starting with its own size.
    const strOffset = symoff + nsyms * 18;
    if (symoff > 0 && nsyms > 0 && strOffset + 4 <= buf.length) {
        const strSize = buf.readUInt32LE(strOffset);
        if (strOffset + strSize <= buf.length)
            obj.symtab = { offset: symoff, count: nsyms, strOffset, strSize };
    }
    return obj;
}
/** A section's file range, by name, in an ELF, Mach-O (thin, 64-bit) or PE file. */
function findSection(buf, format, name) {
    const obj = readObjectFile(buf, format);
    return obj && sectionRange(obj, buf, name);
}
/** The file range of the first section named `name` (undefined when it has no file bytes). */
function sectionRange(obj, buf, name) {
    const s = obj.sections.find((x) => x.name === name);
    if (!s)
        return undefined;
    check(!s.pastEnd && s.offset + s.size <= buf.length, `${label(obj)} section ${name} past the end of the file`);
    return s.size === 0 ? undefined : [s.offset, s.offset + s.size];
}
const label = (obj) => obj.format === 'elf' ? 'ELF' : obj.format === 'macho' ? 'Mach-O' : 'PE';
const byAddress = new WeakMap();
/**
 * The file offset of a loaded address, when a section with file bytes holds it. A binary search
 * over the loaded sections by address (sorted once per file): callers may ask once per candidate
 * in a file of many sections. Sections of honest files do not overlap; of overlapping ones only
 * the one starting last before the address is looked at.
 */
function offsetOfAddress(obj, addr, length = 1) {
    let sorted = byAddress.get(obj);
    if (!sorted) {
        sorted = obj.sections.filter((s) => s.addr !== 0 && s.size > 0).sort((a, b) => a.addr - b.addr);
        byAddress.set(obj, sorted);
    }
    let lo = 0;
    let hi = sorted.length - 1;
    let best = -1;
    while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (sorted[mid].addr <= addr) {
            best = mid;
            lo = mid + 1;
        }
        else
            hi = mid - 1;
    }
    const s = sorted[best];
    if (!s || addr + length > s.addr + s.size)
        return undefined;
    return s.offset + (addr - s.addr);
}
/** A pointer-sized word at a file offset, or undefined past the end or past 2^53. */
function readWord(obj, buf, offset) {
    if (offset < 0 || offset + obj.ptrSize > buf.length)
        return undefined;
    if (obj.ptrSize === 4)
        return obj.littleEndian ? buf.readUInt32LE(offset) : buf.readUInt32BE(offset);
    // Two 32-bit reads: no BigInt for each word when the data sections are scanned.
    const lo = obj.littleEndian ? buf.readUInt32LE(offset) : buf.readUInt32BE(offset + 4);
    const hi = obj.littleEndian ? buf.readUInt32LE(offset + 4) : buf.readUInt32BE(offset);
    return hi > 0x1fffff ? undefined : hi * 0x100000000 + lo;
}
/**
 * The address of a symbol from the symbol table (ELF .symtab, Mach-O LC_SYMTAB, PE COFF
 * symbols), or undefined: no table (stripped), or no such symbol. One pass over the table, each
 * entry's name compared (not read) against the one wanted.
 */
function symbolAddress(obj, buf, name) {
    const t = obj.symtab;
    if (!t)
        return undefined;
    const strEnd = t.strOffset + t.strSize;
    if (obj.format === 'pe') {
        const want = Buffer.from(name, 'latin1');
        for (let i = 0; i < t.count; i++) {
            const o = t.offset + i * 18;
            let match;
            if (buf.readUInt32LE(o) === 0) {
                match = nameIs(buf, t.strOffset + buf.readUInt32LE(o + 4), strEnd, want);
            }
            else {
                match = want.length <= 8 && nameIs(buf, o, o + 8, want);
            }
            if (match) {
                const section = buf.readInt16LE(o + 12);
                const s = obj.sections[section - 1];
                return s ? s.addr + buf.readUInt32LE(o + 8) : undefined;
            }
            i += buf[o + 17]; // auxiliary records
        }
        return undefined;
    }
    // Mach-O names C-level symbols with a leading underscore; Go's are written that way too.
    const want = Buffer.from(obj.format === 'macho' ? `_${name}` : name, 'latin1');
    const is64 = obj.ptrSize === 8;
    const entry = obj.format === 'macho' ? 16 : is64 ? 24 : 16;
    const le = obj.littleEndian;
    for (let i = 0; i < t.count; i++) {
        const o = t.offset + i * entry;
        const strx = le ? buf.readUInt32LE(o) : buf.readUInt32BE(o);
        if (strx >= t.strSize || !nameIs(buf, t.strOffset + strx, strEnd, want))
            continue;
        if (obj.format === 'macho')
            return toNumber(buf.readBigUInt64LE(o + 8));
        if (!is64)
            return le ? buf.readUInt32LE(o + 4) : buf.readUInt32BE(o + 4);
        return toNumber(le ? buf.readBigUInt64LE(o + 8) : buf.readBigUInt64BE(o + 8));
    }
    return undefined;
}
//# sourceMappingURL=objfile.js.map
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
 *
 * Linear in the bytes searched, however many sentinels a file holds: module info is UTF-8 text,
 * which cannot contain the start sentinel (0xaf cannot follow an ASCII byte), so of several
 * starts before one end only the last can open real module info, and it alone is parsed. The
 * search then resumes after that end.
 */
function findModinfo(buf, from, to, exclude = []) {
    for (const [lo, hi] of partsOutside(from, to, exclude)) {
        // Searched through a view ending at the part's end: a search that finds nothing in the
        // part stops there, not at the end of the file (once per part, once per embedded module).
        const view = buf.subarray(0, hi);
        let pos = lo;
        while (pos < hi) {
            const first = view.indexOf(INFO_START, pos);
            if (first < 0 || first + 32 > hi)
                break;
            const e = view.indexOf(INFO_END, first + 16);
            if (e < 0 || e + 16 > hi)
                break;
            const s = view.lastIndexOf(INFO_START, e - 16);
            pos = e + 16;
            if (e - s - 16 > MAX_MODINFO)
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
    }
    return undefined;
}
/** The parts of [from, to) outside the excluded ranges, in order. */
function partsOutside(from, to, exclude) {
    const parts = [];
    let at = from;
    for (const [a, b] of [...exclude].sort((x, y) => x[0] - y[0])) {
        if (a > at)
            parts.push([at, Math.min(a, to)]);
        at = Math.max(at, b);
    }
    if (at < to)
        parts.push([at, to]);
    return parts;
}
/** Where `needle` starts in `buf` outside the excluded ranges, in order (it may run into one). */
function* hitsOutside(buf, needle, exclude) {
    for (const [lo, hi] of partsOutside(0, buf.length, exclude)) {
        // A view ending where a match starting before `hi` ends: the search stops there.
        const view = buf.subarray(0, Math.min(buf.length, hi + needle.length - 1));
        for (let s = view.indexOf(needle, lo); s >= 0 && s < hi; s = view.indexOf(needle, s + 1))
            yield s;
    }
}
/**
 * Whether an offset falls in one of `ranges` (embedded modules, whose contents are theirs): the
 * ranges merged and sorted once, each question a binary search. Searches ask once per hit, and
 * a file can hold millions of hits and over a hundred embedded modules.
 */
function inRanges(ranges) {
    if (ranges.length === 0)
        return () => false;
    const merged = [];
    for (const [a, b] of [...ranges].sort((x, y) => x[0] - y[0])) {
        const last = merged[merged.length - 1];
        if (last && a <= last[1])
            last[1] = Math.max(last[1], b);
        else
            merged.push([a, b]);
    }
    return (offset) => {
        let lo = 0;
        let hi = merged.length - 1;
        while (lo <= hi) {
            const mid = (lo + hi) >> 1;
            const [a, b] = merged[mid];
            if (offset < a)
                hi = mid - 1;
            else if (offset >= b)
                lo = mid + 1;
            else
                return true;
        }
        return false;
    };
}
/** What `runtime.buildVersion` holds: `go1.23.5`, `go1.24rc1`, `devel go1.25-abc...`, ` X:...`. */
const VERSION_RE = /^(?:go1\.\d+(?:\.\d+)?(?:(?:rc|beta)\d+)?|devel [\x21-\x7e]+(?: [\x21-\x7e]+)*?)(?: X:[\x21-\x7e]+)?$/;
const MAX_VERSION = 128;
/** A Go string header `{ptr, len}` at a file offset, as the version it points at. */
function versionAt(obj, buf, headerOffset) {
    const ptr = readWord(obj, buf, headerOffset);
    const len = readWord(obj, buf, headerOffset + obj.ptrSize);
    if (ptr === undefined || len === undefined || len === 0 || len > MAX_VERSION)
        return undefined;
    const at = offsetOfAddress(obj, ptr, len);
    if (at === undefined)
        return undefined;
    const v = buf.toString('latin1', at, at + len);
    return VERSION_RE.test(v) ? v : undefined;
}
/**
 * The Go version from the `\xff Go buildinf:` header that `go version` reads (section
 * `.go.buildinfo` / `__go_buildinfo`, or near the start of the data). Go >= 1.18 inlines the
 * version string after the 32-byte header; older releases put the addresses of the
 * `runtime.buildVersion` and `runtime.modinfo` variables there, read through `obj`.
 */
function findGoVersion(buf, exclude = [], obj) {
    // Every occurrence outside the excluded ranges is tried (each costs a constant beyond the
    // search, which moves forward): decoys placed before the real header cannot hide it. The
    // excluded ranges (embedded modules, most of a CLI that embeds one) are not searched at all.
    for (const s of hitsOutside(buf, BUILDINFO_MAGIC, exclude)) {
        if (s % 16 !== 0 || s + 32 > buf.length)
            continue;
        const flags = buf[s + 15];
        if ((flags & 0x2) === 0) {
            // Pointers: to the runtime.buildVersion string header (endianness in bit 0).
            const ptrSize = buf[s + 14];
            if (!obj || ptrSize !== obj.ptrSize || (flags & 1) !== (obj.littleEndian ? 0 : 1))
                continue;
            const addr = readWord(obj, buf, s + 16);
            const header = addr === undefined ? undefined : offsetOfAddress(obj, addr, 2 * obj.ptrSize);
            const v = header === undefined ? undefined : versionAt(obj, buf, header);
            if (v)
                return v;
            continue;
        }
        try {
            // Go's uvarint: LEB128 of up to 10 bytes; values past 2^53 are refused (8 bytes here).
            const [len, p] = (0,dist.readUleb128)(buf, s + 32, buf.length, 8);
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
/** Sections Go's linker writes: a file with one of them is a Go program. */
const GO_SECTIONS = new Set([
    '.gopclntab',
    '.data.rel.ro.gopclntab',
    '.go.module',
    '.note.go.buildid',
    '__gopclntab',
]);
/** More "go1." strings than this in one file: not a binary whose version we can tell. */
const MAX_VERSION_CANDIDATES = 4096;
/**
 * The Go version of a binary without the buildinfo header (a linker that leaves out
 * `.go.buildinfo`: `go version` then says "not a Go executable"), from where the runtime keeps it
 * for `runtime.Version()`: the string variable `runtime.buildVersion`, which the linker sets
 * (cmd/link: addstrdata1 "runtime.buildVersion=...") to a `{ptr, len}` header in the data
 * pointing at the version's bytes.
 *
 * With a symbol table, the symbol gives the variable's address (`symtab`). Stripped, the data
 * sections are searched for string headers pointing at a version-shaped string (`runtime-data`),
 * in files that are Go programs (module info found, or a section only Go's linker writes); the
 * answer counts only if exactly one distinct version is pointed at. One pass over the loaded
 * read-only bytes for candidates and one over the writable words for headers: linear.
 */
function findRuntimeVersion(buf, obj, exclude, isGo) {
    const sym = symbolAddress(obj, buf, 'runtime.buildVersion');
    if (sym !== undefined) {
        const header = offsetOfAddress(obj, sym, 2 * obj.ptrSize);
        const v = header === undefined ? undefined : versionAt(obj, buf, header);
        if (v)
            return { version: v, source: 'symtab' };
    }
    if (!isGo && !obj.sections.some((s) => s.name !== undefined && GO_SECTIONS.has(s.name)))
        return undefined;
    const excluded = inRanges(exclude);
    // Loaded sections by file offset; bytes covered by an earlier one are not searched twice.
    const loaded = obj.sections
        .filter((s) => s.addr !== 0 && s.size > 0)
        .sort((a, b) => a.offset - b.offset);
    const candidates = new Map(); // address -> file offset
    let covered = 0;
    for (const s of loaded) {
        const from = Math.max(s.offset, covered);
        const end = s.offset + s.size;
        covered = Math.max(covered, end);
        if (s.writable || from >= end)
            continue;
        const bytes = buf.subarray(from, end);
        for (const prefix of ['go1.', 'devel go1']) {
            for (let i = bytes.indexOf(prefix, 0, 'latin1'); i >= 0; i = bytes.indexOf(prefix, i + 1)) {
                const hit = from + i;
                if (!excluded(hit))
                    candidates.set(s.addr + (hit - s.offset), hit);
                if (candidates.size > MAX_VERSION_CANDIDATES)
                    return undefined;
            }
        }
    }
    if (candidates.size === 0)
        return undefined;
    const found = new Set();
    const w = obj.ptrSize;
    covered = 0;
    for (const s of loaded) {
        let at = Math.max(s.offset, covered);
        const end = s.offset + s.size;
        covered = Math.max(covered, end);
        if (!s.writable)
            continue;
        // Go aligns pointers: headers sit at pointer-aligned addresses.
        at += (w - ((s.addr + (at - s.offset)) % w)) % w;
        for (; at + 2 * w <= end; at += w) {
            const str = candidates.get(readWord(obj, buf, at) ?? -1);
            if (str === undefined)
                continue;
            const len = readWord(obj, buf, at + w);
            if (len === undefined || len === 0 || len > MAX_VERSION || str + len > buf.length)
                continue;
            const v = buf.toString('latin1', str, str + len);
            if (VERSION_RE.test(v))
                found.add(v);
        }
    }
    if (found.size !== 1)
        return undefined;
    return { version: [...found][0], source: 'runtime-data' };
}
//# sourceMappingURL=gobuildinfo.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/binary/wasm.js

/** The wasm magic, and the version words of a core module and a component: core's headers. */
const WASM_MAGIC = Buffer.from(dist.WASM_MODULE_HEADER.subarray(0, 4));
const CORE_VERSION = Buffer.from(dist.WASM_MODULE_HEADER.subarray(4, 8));
const COMPONENT_VERSION = Buffer.from(dist.WASM_COMPONENT_HEADER.subarray(4, 8));
// Order of the non-custom sections of a core module (datacount 12 sits before code 10, tag 13
// between memory and global).
const CORE_ORDER = [0, 1, 2, 3, 4, 5, 7, 8, 9, 10, 12, 13, 11, 6];
/** Custom section names a search accepts: what toolchains write is short, printable ASCII. */
const MAX_SEARCH_NAME = 64;
function readName(buf, pos, end) {
    const [len, p] = (0,dist.readUleb128)(buf, pos, end);
    if (p + len > end)
        throw new RangeError('name past the section end');
    return [Buffer.from(buf.buffer, buf.byteOffset + p, len).toString('utf8'), p + len];
}
/**
 * Walks the sections of the wasm module or component at `offset`, handing those `filter` names
 * to `visit` (the walk keeps none: a file of millions of tiny sections costs no memory, and
 * sections nobody asked for cost no object). With `strict`, anything malformed throws; without it
 * (searching a module embedded in another file, which has no length header) the walk stops at the
 * first byte that cannot continue a well-formed module, and `end` is where the module most likely
 * ends. It also stops after `maxSections`.
 */
function walkWasm(buf, offset, limit, strict, visit, options = {}) {
    const maxSections = options.maxSections ?? Number.POSITIVE_INFINITY;
    const filter = options.filter;
    const wantedNames = filter?.customNames.map((n) => Buffer.from(n, 'utf8'));
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
    const walk = {
        kind,
        end: offset + 8,
        endOfLastNonCustom: offset + 8,
        sections: 0,
        ids: 0,
        stoppedAtMax: false,
    };
    // The hot loop of a search through a file of millions of sections: no exceptions, no objects
    // unless a visitor wants them, one-byte LEB128s read inline.
    const core = kind === 'module';
    let pos = offset + 8;
    let order = 0;
    let stop;
    while (pos < limit) {
        if (walk.sections >= maxSections) {
            walk.stoppedAtMax = true;
            break;
        }
        const id = buf[pos];
        if (core ? id !== 0 && !(CORE_ORDER[id] > 0) : id > 11) {
            stop = `unknown section id ${id}`;
            break;
        }
        let size;
        let start;
        if (pos + 2 <= limit && buf[pos + 1] < 0x80) {
            size = buf[pos + 1];
            start = pos + 2;
        }
        else {
            const leb = tryUleb(buf, pos + 1, limit);
            if (typeof leb === 'string') {
                stop = leb;
                break;
            }
            [size, start] = leb;
        }
        const end = start + size;
        if (end > limit) {
            stop = `section ${id} of ${size} bytes runs past the end`;
            break;
        }
        let nameAt = start;
        let nameLen = 0;
        if (id === 0) {
            const leb = start < end && buf[start] < 0x80 ? [buf[start], start + 1] : tryUleb(buf, start, end);
            if (typeof leb === 'string') {
                stop = leb;
                break;
            }
            [nameLen, nameAt] = leb;
            if (nameAt + nameLen > end) {
                stop = 'name past the section end';
                break;
            }
            // Searching, a "custom section" whose name is not short printable ASCII is the next
            // file's bytes.
            if (!strict &&
                (nameLen < 1 || nameLen > MAX_SEARCH_NAME || !printable(buf, nameAt, nameLen))) {
                stop = 'not a custom section';
                break;
            }
        }
        else {
            if (core) {
                const o = CORE_ORDER[id];
                if (o <= order) {
                    stop = `section ${id} out of order`;
                    break;
                }
                order = o;
            }
            walk.endOfLastNonCustom = end;
        }
        walk.sections++;
        walk.ids |= 1 << id;
        pos = end;
        if (!visit)
            continue;
        if (filter) {
            if (id !== 0 ? (filter.ids & (1 << id)) === 0 : !wanted(buf, nameAt, nameLen, wantedNames))
                continue;
        }
        const section = { id, start, end };
        if (id === 0) {
            section.name = Buffer.from(buf.buffer, buf.byteOffset + nameAt, nameLen).toString('utf8');
            section.start = nameAt + nameLen;
        }
        visit(section);
    }
    if (stop !== undefined && strict)
        throw new RangeError(stop);
    walk.end = pos;
    return walk;
}
/** readUleb, with what is wrong as a string instead of an exception. */
function tryUleb(buf, pos, end) {
    try {
        return (0,dist.readUleb128)(buf, pos, end);
    }
    catch (err) {
        return err.message;
    }
}
function wanted(buf, at, length, names) {
    for (const n of names) {
        if (n.length !== length)
            continue;
        let i = 0;
        while (i < length && buf[at + i] === n[i])
            i++;
        if (i === length)
            return true;
    }
    return false;
}
function printable(buf, at, length) {
    for (let i = at; i < at + length; i++)
        if (buf[i] < 0x20 || buf[i] > 0x7e)
            return false;
    return true;
}
/** The `producers` custom section: field -> (name -> version). */
function parseProducers(buf, start, end) {
    const out = {};
    let [fields, pos] = (0,dist.readUleb128)(buf, start, end);
    if (fields > 64)
        throw new RangeError('too many producers fields');
    while (fields-- > 0) {
        const [field, p1] = readName(buf, pos, end);
        let [count, p2] = (0,dist.readUleb128)(buf, p1, end);
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
/** What a search for embedded modules may walk and validate beyond a multiple of the file. */
const SEARCH_SECTIONS_BASE = 1 << 16;
const SEARCH_VALIDATE_BASE = 64 * 1024 * 1024;
const sha = (alg, b) => (0,external_node_crypto_.createHash)(alg).update(b).digest('hex');
/**
 * Reads a binary (a regular file of up to 1 GiB: a FIFO or a device is refused, not waited on)
 * and inspects it.
 */
async function inspectBinary(path) {
    let buf;
    try {
        buf = await (0,dist.readRegularFile)(path, { maxBytes: MAX_BINARY_SIZE, what: 'a binary' });
    }
    catch (err) {
        if (err instanceof dist.CoreError && err.code === 'FILE_TOO_LARGE') {
            throw new errors/* SbomError */.SP({
                code: 'LIMIT_EXCEEDED',
                file: path,
                message: `larger than ${MAX_BINARY_SIZE} bytes`,
                cause: err,
            });
        }
        throw err;
    }
    return inspectBytes(buf, path);
}
/** The sections inspectWasm reads: data (module info) and two custom ones; nested modules. */
const MODULE_SECTIONS = { ids: 1 << 11, customNames: ['producers', '.dep-v0'] };
const COMPONENT_SECTIONS = { ids: (1 << 1) | (1 << 4), customNames: ['producers'] };
/** An input that would take more work than its size allows: reported as LIMIT_EXCEEDED. */
class WorkLimitError extends Error {
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
        const budget = { inflate: { left: MAX_AUDIT_JSON_TOTAL } };
        return inspectAt(buf, 0, buf.length, format, 0, budget);
    }
    catch (err) {
        if (err instanceof errors/* SbomError */.SP)
            throw err;
        if (err instanceof AuditableError || err instanceof WorkLimitError) {
            const limit = err instanceof WorkLimitError || err.limit;
            throw new errors/* SbomError */.SP({
                code: limit ? 'LIMIT_EXCEEDED' : 'MALFORMED_BINARY',
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
function inspectAt(buf, start, end, format, depth, budget) {
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
        inspectWasm(buf, start, end, info, 0, budget);
        return info;
    }
    // A native binary: first find embedded wasm modules, so their Go build info is theirs.
    const ranges = [];
    if (depth < MAX_DEPTH) {
        for (const emb of findEmbeddedWasm(buf, start, end)) {
            const nested = inspectAt(buf, emb.start, emb.end, emb.format, depth + 1, budget);
            nested.offset = emb.start - start;
            info.embedded.push(nested);
            ranges.push([emb.start - start, emb.end - start]);
        }
    }
    const obj = readObjectFile(bytes, format);
    const modinfo = findModinfo(bytes, 0, bytes.length, ranges);
    const go = modinfo ? { ...modinfo } : { deps: [], settings: {} };
    const header = findGoVersion(bytes, ranges, obj);
    if (header) {
        go.goVersion = header;
        go.goVersionSource = 'buildinfo';
    }
    else if (obj) {
        const runtime = findRuntimeVersion(bytes, obj, ranges, modinfo !== undefined);
        if (runtime) {
            go.goVersion = runtime.version;
            go.goVersionSource = runtime.source;
        }
    }
    if (modinfo || go.goVersion)
        info.go = go;
    const dep = obj && sectionRange(obj, bytes, '.dep-v0');
    if (dep)
        info.auditable = decodeDepV0(bytes.subarray(dep[0], dep[1]), budget.inflate);
    return info;
}
function inspectWasm(buf, start, end, info, depth, budget) {
    const kind = CORE_VERSION.equals(buf.subarray(start + 4, start + 8)) ? 'module' : 'component';
    const walk = walkWasm(buf, start, end, true, (s) => {
        if (kind === 'module') {
            if (s.id === 0 && s.name === 'producers' && !info.producers) {
                info.producers = parseProducers(buf, s.start, s.end);
            }
            else if (s.id === 0 && s.name === '.dep-v0' && !info.auditable) {
                info.auditable = decodeDepV0(buf.subarray(s.start, s.end), budget.inflate);
            }
            else if (s.id === 11 && !info.go) {
                const modinfo = findModinfo(buf, s.start, s.end);
                if (modinfo)
                    info.go = { ...modinfo };
            }
        }
        else if ((s.id === 1 || s.id === 4) && depth < MAX_DEPTH) {
            // A component's core modules (1) and nested components (4): read what they carry.
            const inner = {
                format: s.id === 1 ? 'wasm' : 'wasm-component',
                size: s.end - s.start,
                sha256: sha('sha256', buf.subarray(s.start, s.end)),
                embedded: [],
                offset: s.start - start,
            };
            inspectWasm(buf, s.start, s.end, inner, depth + 1, budget);
            if (inner.go || inner.auditable || inner.producers || inner.embedded.length)
                info.embedded.push(inner);
        }
        else if (s.id === 0 && s.name === 'producers' && !info.producers) {
            info.producers = parseProducers(buf, s.start, s.end);
        }
    }, { filter: kind === 'module' ? MODULE_SECTIONS : COMPONENT_SECTIONS });
    if (info.go) {
        const lang = info.producers?.language?.Go;
        if (lang) {
            info.go.goVersion = lang;
            info.go.goVersionSource = 'producers';
        }
    }
    if (walk.end !== end)
        throw new RangeError('trailing bytes after the last section');
}
/** The 4-byte magic both core modules and components start with. */
const inspect_WASM_MAGIC = Buffer.from(dist.WASM_MODULE_HEADER.subarray(0, 4));
/**
 * Finds wasm modules inside another file. A module has no length header, so its extent is found
 * by walking its sections from the magic, and a core module is then checked with
 * WebAssembly.validate, once, over that extent (V8 does not look inside custom sections, so
 * trailing custom-section-looking bytes never decide it).
 *
 * Linear in the file's size: the magic is searched for once, forward, and the search resumes
 * after a module found (its bytes are not searched again: a 20 MiB module embedded in a CLI
 * is scanned by the walk alone), and the walks and validations of all candidates together may
 * cover only a bounded multiple of the file. Candidates nested in candidates that were not
 * modules (a hostile file) would otherwise re-walk the same bytes once each; past the budget
 * the search stops with WorkLimitError.
 */
function findEmbeddedWasm(buf, start, end) {
    // The search sees the bytes up to `end` only.
    const view = buf.subarray(0, end);
    // Each section is at least two bytes: honest files walk fewer sections than half their size.
    let sectionsLeft = SEARCH_SECTIONS_BASE + Math.floor((end - start) / 2);
    let validateLeft = SEARCH_VALIDATE_BASE + 2 * (end - start);
    const found = [];
    let validated = 0;
    let candidates = 0;
    for (let at = view.indexOf(inspect_WASM_MAGIC, start); at >= 0 && at + 8 <= end; at = view.indexOf(inspect_WASM_MAGIC, at + 1)) {
        // Candidates: the 8-byte magic and version of a core module or a component.
        const isCore = CORE_VERSION.equals(buf.subarray(at + 4, at + 8));
        if (!isCore && !buf.subarray(at, at + 8).equals(dist.WASM_COMPONENT_HEADER))
            continue;
        if (++candidates > 8 * MAX_EMBEDDED_CANDIDATES)
            break;
        const walk = walkWasm(buf, at, end, false, undefined, { maxSections: sectionsLeft + 1 });
        sectionsLeft -= walk.sections;
        if (walk.stoppedAtMax || sectionsLeft < 0) {
            throw new WorkLimitError(`more wasm sections to walk than a file of ${end - start} bytes can hold: overlapping module candidates`);
        }
        // Something worth calling a module: code (core) or a core module inside (component).
        if ((walk.ids & (1 << (isCore ? 10 : 1))) === 0)
            continue;
        if (isCore) {
            // Validation costs time in proportion to the module: bounded in number and in bytes.
            if (++validated > MAX_EMBEDDED_CANDIDATES)
                break;
            validateLeft -= walk.end - at;
            if (validateLeft < 0) {
                throw new WorkLimitError(`more wasm bytes to validate than a file of ${end - start} bytes can hold: overlapping module candidates`);
            }
            if (!WebAssembly.validate(buf.subarray(at, walk.end)))
                continue;
        }
        found.push({ start: at, end: walk.end, format: isCore ? 'wasm' : 'wasm-component' });
        // The next candidate starts after this module: nothing inside it is searched.
        at = walk.end - 1;
    }
    return found;
}
//# sourceMappingURL=inspect.js.map

/***/ }),

/***/ 55221:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qm: () => (/* binding */ malformed),
/* harmony export */   SP: () => (/* binding */ SbomError)
/* harmony export */ });
/* unused harmony export lineAt */
/* harmony import */ var _build_artifact_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(23135);

/** Every error of this package: the file it concerns and, where there is one, the line. */
class SbomError extends _build_artifact_core__WEBPACK_IMPORTED_MODULE_0__.BaseError {
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
    return new SbomError({ code: 'MALFORMED_LOCKFILE', message, file, line, cause });
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

/***/ }),

/***/ 20294:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  MAX_BINARY_SIZE: () => (/* reexport */ inspect.MAX_BINARY_SIZE),
  SbomError: () => (/* reexport */ errors/* SbomError */.SP),
  findEmbeddedWasm: () => (/* reexport */ inspect.findEmbeddedWasm),
  generateSbom: () => (/* reexport */ generateSbom)
});

// UNUSED EXPORTS: DEFAULT_SBOM_FORMAT, MAX_AUDIT_JSON, MAX_AUDIT_JSON_TOTAL, MAX_BOM_BYTES, SBOM_FORMATS, SKIP_DIRS, TOOL_NAME, VERSION, YamlParserNeeded, binaryAssembly, binaryInventories, buildBom, buildSpdx, decodeDepV0, detectFormat, findGoVersion, findLockfiles, findModinfo, findRuntimeVersion, findSection, inspectBinary, inspectBytes, inventoryFromLockfile, isSbomFormat, loadYamlParser, lockfileKind, parseCargoLock, parseGoMod, parseGoSum, parseModinfo, parsePackageLock, parsePdmLock, parsePipfileLock, parsePnpmLock, parsePoetryLock, parseProducers, parseRequirements, parseUvLock, parseYarnLock, readObjectFile, symbolAddress, validateBom, walkWasm

// EXTERNAL MODULE: ./packages/sbom/dist/binary/inspect.js + 4 modules
var inspect = __webpack_require__(9663);
// EXTERNAL MODULE: ./packages/sbom/dist/errors.js
var errors = __webpack_require__(55221);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/core/dist/index.js + 18 modules
var dist = __webpack_require__(23135);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/enums/index.js
var enums = __webpack_require__(6820);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/models/index.js
var models = __webpack_require__(50320);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/serialize/index.node.js
var index_node = __webpack_require__(51248);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/spec/index.js
var dist_node_spec = __webpack_require__(94321);
;// CONCATENATED MODULE: ./packages/sbom/dist/format.js


/** GitHub refuses attestation predicates past 16 MiB. */
const MAX_BOM_BYTES = 16 * 1024 * 1024;
/** The document's JSON text, refused (BOM_TOO_LARGE) past what GitHub accepts. */
function documentJson(doc) {
    const json = `${JSON.stringify(doc, null, 2)}\n`;
    const bytes = Buffer.byteLength(json);
    if (bytes > MAX_BOM_BYTES) {
        throw new errors/* SbomError */.SP({
            code: 'BOM_TOO_LARGE',
            message: `the SBOM is ${(bytes / 1048576).toFixed(1)} MiB, over the 16 MiB GitHub accepts for an attestation`,
        });
    }
    return json;
}
//# sourceMappingURL=format.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/order.js
/**
 * Orders strings by their Unicode code points: the same on every machine, whatever its locale
 * (`localeCompare` follows the locale). `<` compares UTF-16 code units, which puts a character
 * past U+FFFF (a surrogate pair, D800-DFFF) before one in E000-FFFF; this puts it after.
 */
function byCodePoints(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const x = a.charCodeAt(i);
        const y = b.charCodeAt(i);
        if (x !== y)
            return codePointRank(x) - codePointRank(y);
    }
    return a.length - b.length;
}
/** Surrogates moved above E000-FFFF, everything else kept in place. */
function codePointRank(unit) {
    return unit < 0xd800 ? unit : unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}
/** A code unit of a surrogate pair or above: where UTF-16 order and code point order part. */
const WIDE = /[\ud800-\uffff]/;
/**
 * Sorts items by a string key, in code point order, each key computed once. Keys with no code unit
 * from D800 up (most: identifiers, purls) compare the same by unit as by code point, so the sort
 * uses the engine's own comparison unless a key has one.
 */
function sortByKey(items, key) {
    const keyed = items.map((item) => ({ item, key: key(item) }));
    const wide = keyed.some((k) => WIDE.test(k.key));
    keyed.sort(wide
        ? (a, b) => byCodePoints(a.key, b.key)
        : (a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return keyed.map((k) => k.item);
}
//# sourceMappingURL=order.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/graph.js

const REQUIRED = 1;
const OPTIONAL = 2;
const EXCLUDED = 4;
const SCOPE_BIT = { optional: OPTIONAL, excluded: EXCLUDED };
/** Walks the assembly tree once into the graph both formats are written from. */
function buildGraph(root) {
    const usedRefs = new Set();
    const uniqueRef = (want) => {
        let ref = want;
        for (let i = 2; usedRefs.has(ref); i++)
            ref = `${want}#${i}`;
        usedRefs.add(ref);
        return ref;
    };
    const nodes = new Map();
    // The scopes each node is used with, as bits: REQUIRED, OPTIONAL, EXCLUDED.
    const scopes = new Map();
    const ecosystems = { cargo: 0, golang: 0, npm: 0, pypi: 0 };
    const compositions = [];
    let componentCount = 0;
    const visit = (asm, prefix, isRoot) => {
        const asmRef = uniqueRef(isRoot ? `root:${asm.name}` : `${prefix}${asm.name}`);
        const asmNode = {
            ref: asmRef,
            kind: 'assembly',
            assemblyType: asm.type,
            name: asm.name,
            hashes: asm.hashes ?? [],
            properties: asm.properties,
            firstParty: true,
            members: [],
            children: [],
        };
        if (asm.version)
            asmNode.version = asm.version;
        nodes.set(asmRef, asmNode);
        const nestedPrefix = isRoot ? '' : `${asmRef}|`;
        const local = new Map(); // merge key -> node, within this assembly
        const graphRefs = new Set();
        const firstPartyEdgeRefs = new Set();
        const firstPartyRefs = [];
        for (const inv of asm.inventories) {
            const keyToNode = new Map();
            for (const pkg of inv.packages) {
                const mergeKey = pkg.purl && !pkg.firstParty ? pkg.purl : `${inv.source}#${pkg.key}`;
                let node = local.get(mergeKey);
                if (!node) {
                    const ref = uniqueRef(nestedPrefix +
                        (pkg.purl ??
                            `${pkg.firstParty ? 'first-party' : 'unnamed'}:${inv.source}#${pkg.key}`));
                    node = {
                        ref,
                        kind: 'package',
                        name: pkg.name,
                        ecosystem: pkg.ecosystem,
                        hashes: pkg.hashes ?? [],
                        firstParty: pkg.firstParty === true,
                    };
                    if (pkg.version)
                        node.version = pkg.version;
                    if (pkg.purl)
                        node.purl = pkg.purl;
                    if (pkg.properties !== undefined)
                        node.properties = pkg.properties;
                    local.set(mergeKey, node);
                    nodes.set(ref, node);
                    asmNode.members.push(node);
                    componentCount++;
                    if (pkg.firstParty)
                        firstPartyRefs.push(ref);
                    else
                        ecosystems[pkg.ecosystem]++;
                }
                else if (pkg.hashes !== undefined) {
                    // Seen in another lockfile: keep the hash algorithms it did not have (a new array: the
                    // first one may be the parser's own).
                    for (const h of pkg.hashes) {
                        if (!node.hashes.some((k) => k.alg === h.alg))
                            node.hashes = [...node.hashes, h];
                    }
                }
                scopes.set(node, (scopes.get(node) ?? 0) | (pkg.scope ? SCOPE_BIT[pkg.scope] : REQUIRED));
                keyToNode.set(pkg.key, node);
            }
            for (const pkg of inv.packages) {
                if (!inv.hasGraph && !(inv.firstPartyEdgesOnly && pkg.firstParty))
                    continue;
                const node = keyToNode.get(pkg.key);
                node.deps ??= new Set();
                for (const d of pkg.dependencies ?? []) {
                    const target = keyToNode.get(d);
                    if (target && target !== node)
                        node.deps.add(target.ref);
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
        for (const child of asm.children)
            asmNode.children.push(visit(child, nestedPrefix, false));
        compositions.push({ aggregate: asm.completeness, assemblies: [asmRef] });
        for (const r of firstPartyEdgeRefs)
            graphRefs.delete(r);
        if (graphRefs.size > 0)
            compositions.push({ aggregate: 'complete', dependencies: [...graphRefs].sort(byCodePoints) });
        if (firstPartyEdgeRefs.size > 0) {
            compositions.push({
                aggregate: 'incomplete_first_party_only',
                dependencies: [...firstPartyEdgeRefs].sort(byCodePoints),
            });
        }
        return asmNode;
    };
    const rootNode = visit(root, '', true);
    // Scope: required if any input needs it at run time, else optional, else excluded.
    for (const [node, bits] of scopes) {
        if (bits & REQUIRED)
            continue;
        node.scope = bits & OPTIONAL ? 'optional' : 'excluded';
    }
    return { root: rootNode, nodes, compositions, componentCount, ecosystems };
}
//# sourceMappingURL=graph.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/uuid.js

/** `8-4-4-4-12` hex groups of 16 bytes. */
function format(h) {
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
/**
 * A random (version 4) UUID. Node's crypto module takes some 8 ms to load, a tenth of a small
 * `attest sbom` run that needs nothing else from it: the 16 random bytes come from the kernel's
 * random source where there is one, from crypto elsewhere (Windows).
 */
function randomUuid() {
    const bytes = Buffer.alloc(16);
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)('/dev/urandom', 'r');
        if ((0,external_node_fs_.readSync)(fd, bytes, 0, 16, null) !== 16)
            throw new Error('short read');
    }
    catch {
        return process.getBuiltinModule('node:crypto').randomUUID();
    }
    finally {
        if (fd !== undefined)
            (0,external_node_fs_.closeSync)(fd);
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    return format(bytes.toString('hex'));
}
/**
 * A UUID (version 8 layout) from the SHA-256 of a text: the same document gives the same
 * UUID on every machine, which is what a reproducible (`SOURCE_DATE_EPOCH`) SBOM needs.
 */
function contentUuid(text) {
    const { createHash } = process.getBuiltinModule('node:crypto');
    const h = createHash('sha256').update(text).digest('hex');
    const variant = ((Number.parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
    return format(`${h.slice(0, 12)}8${h.slice(13, 16)}${variant}${h.slice(17, 32)}`);
}
//# sourceMappingURL=uuid.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/version.js
/** This package's version, as recorded in `metadata.tools` (a test keeps it equal to package.json). */
const VERSION = '0.1.0';
const TOOL_NAME = '@build-artifact/sbom';
//# sourceMappingURL=version.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/bom.js
// Sub-path imports: the package root also loads validation and contrib code we do not need here.









const SCOPE = {
    optional: enums.ComponentScope.Optional,
    excluded: enums.ComponentScope.Excluded,
};
// What a package's component never gets anything added to (nested components, licenses,
// external references, its own dependency refs: the graph is written here, not through the
// model; properties when it has none): one empty collection serves them all, instead of five
// new ones per component, which is most of the memory ten thousand components take.
// Adding to one would add to every component: it throws instead.
function sharedEmpty(set) {
    set.add = () => {
        throw new Error('buildBom: a shared empty collection cannot be added to');
    };
    return set;
}
const NO_COMPONENTS = sharedEmpty(new models.ComponentRepository());
const NO_LICENSES = sharedEmpty(new models.LicenseRepository());
const NO_EXTERNAL_REFERENCES = sharedEmpty(new models.ExternalReferenceRepository());
const NO_DEPENDENCIES = sharedEmpty(new models.BomRefRepository());
const NO_PROPERTIES = sharedEmpty(new models.PropertyRepository());
/** Components by bom-ref (unique: a total order), then what each holds, all the way down. */
function orderComponents(components) {
    components.sort((a, b) => byCodePoints(a['bom-ref'] ?? '', b['bom-ref'] ?? ''));
    for (const c of components)
        orderComponent(c);
}
function orderComponent(c) {
    if (c.hashes !== undefined && c.hashes.length > 1)
        c.hashes.sort((a, b) => byCodePoints(a.alg, b.alg) || byCodePoints(a.content, b.content));
    if (c.properties !== undefined && c.properties.length > 1)
        c.properties.sort((a, b) => byCodePoints(a.name ?? '', b.name ?? '') || byCodePoints(a.value ?? '', b.value ?? ''));
    if (c.components !== undefined)
        orderComponents(c.components);
}
/**
 * Writes the graph as a CycloneDX document. Third-party packages of the root assembly are
 * top-level components, its first-party parts nest under its own component (metadata), and
 * everything of a nested assembly nests under that assembly's component. The library builds and
 * normalises the components; `dependencies` and `compositions` are written here because the
 * library's model has no compositions, and would list every component as a leaf where we do not
 * know its edges.
 */
function buildBom(root, options) {
    const graph = buildGraph(root);
    const packageComponent = (node) => {
        const c = new models.Component(node.firstParty ? enums.ComponentType.Application : enums.ComponentType.Library, node.name, {
            bomRef: node.ref,
            components: NO_COMPONENTS,
            licenses: NO_LICENSES,
            externalReferences: NO_EXTERNAL_REFERENCES,
            dependencies: NO_DEPENDENCIES,
            ...(node.properties === undefined ? { properties: NO_PROPERTIES } : {}),
        });
        if (node.version)
            c.version = node.version;
        if (node.purl)
            c.purl = node.purl;
        for (const h of node.hashes)
            c.hashes.set(h.alg, h.content);
        if (node.properties !== undefined)
            for (const [k, v] of Object.entries(node.properties))
                c.properties.add(new models.Property(k, v));
        if (node.scope)
            c.scope = SCOPE[node.scope];
        return c;
    };
    const topLevel = [];
    const assemblyComponent = (node, isRoot) => {
        const comp = new models.Component(node.assemblyType === 'application'
            ? enums.ComponentType.Application
            : enums.ComponentType.Library, node.name, { bomRef: node.ref });
        if (node.version)
            comp.version = node.version;
        for (const h of node.hashes)
            comp.hashes.set(h.alg, h.content);
        for (const [k, v] of Object.entries(node.properties ?? {}))
            comp.properties.add(new models.Property(k, v));
        for (const m of node.members) {
            const c = packageComponent(m);
            if (isRoot && !m.firstParty)
                topLevel.push(c);
            else
                comp.components.add(c);
        }
        for (const child of node.children) {
            const c = assemblyComponent(child, false);
            if (isRoot)
                topLevel.push(c);
            else
                comp.components.add(c);
        }
        return comp;
    };
    const rootComponent = assemblyComponent(graph.root, true);
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
    // The library normalises the metadata and the components. Not the whole Bom: its dependency
    // graph (every component a leaf, the edges being ours) would be worked out only to be
    // replaced; the header fields come from an empty Bom. Not sorted by the library either: it
    // sorts with `localeCompare`, whose order follows the machine's locale (Lithuanian puts `y`
    // before `j`), so the same input would give another document on another machine.
    const factory = new index_node.JSON.Normalize.Factory(spec);
    const unsorted = { sortLists: false };
    const head = factory.makeForBom().normalize(new models.Bom(), unsorted);
    const metadata = factory.makeForMetadata().normalize(bom.metadata, unsorted);
    const components = bom.components.size > 0
        ? factory.makeForComponent().normalizeIterable(bom.components, unsorted)
        : [];
    if (metadata.component !== undefined)
        orderComponent(metadata.component);
    orderComponents(components);
    const dependencies = [...graph.nodes.values()]
        .filter((n) => n.deps !== undefined)
        .map((n) => ({ ref: n.ref, dependsOn: [...n.deps].sort(byCodePoints) }))
        .sort((a, b) => byCodePoints(a.ref, b.ref));
    // By their JSON text, each written once (not once per comparison: they list every ref).
    const compositions = graph.compositions;
    const compositionKeys = new Map(compositions.map((c) => [c, JSON.stringify(c)]));
    compositions.sort((a, b) => byCodePoints(compositionKeys.get(a), compositionKeys.get(b)));
    const doc = {
        $schema: head.$schema,
        bomFormat: head.bomFormat,
        specVersion: head.specVersion,
        serialNumber: '',
        version: 1,
        metadata,
        components,
        dependencies,
        compositions,
    };
    if (options.sourceDateEpoch !== undefined) {
        // Same content, same serial number.
        doc.serialNumber = `urn:uuid:${contentUuid(JSON.stringify(doc))}`;
    }
    else {
        doc.serialNumber = `urn:uuid:${randomUuid()}`;
    }
    const json = documentJson(doc);
    return {
        format: 'cyclonedx-json',
        bom: doc,
        json,
        componentCount: graph.componentCount,
        ecosystems: graph.ecosystems,
    };
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
            // As syft and cdxgen find them: requirements.txt, requirements-dev.txt, but also
            // dev-requirements.txt and test_requirements.txt.
            return /requirements.*\.txt$/i.test(name) ? 'requirements' : undefined;
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
// EXTERNAL MODULE: ./packages/sbom/dist/purl.js
var purl = __webpack_require__(12923);
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
            throw (0,errors/* malformed */.Qm)(file, `invalid TOML: ${first}`, err.line, err);
        }
        throw (0,errors/* malformed */.Qm)(file, `invalid TOML: ${err.message}`, undefined, err);
    }
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
/** The entries of a mapping: a fast reader's Map or a parser's object; else undefined. */
function entriesOf(value) {
    if (value instanceof Map)
        return value;
    return isRecord(value) ? Object.entries(value) : undefined;
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
;// CONCATENATED MODULE: ./packages/sbom/dist/lockfiles/cargo.js




const CRATES_IO = 'registry+https://github.com/rust-lang/crates.io-index';
const CRATES_IO_SPARSE = 'sparse+https://index.crates.io/';
function sourceQualifiers(source) {
    if (source === undefined || source === CRATES_IO || source === CRATES_IO_SPARSE)
        return undefined;
    if (source.startsWith('git+'))
        return { vcs_url: (0,purl/* gitVcsUrl */.eT)(source) };
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
    const doc = scanCargoLock(text) ?? parseToml(text, file);
    const raw = doc.package;
    if (raw !== undefined && !Array.isArray(raw))
        throw (0,errors/* malformed */.Qm)(file, '`package` is not an array of tables');
    const entries = (raw ?? []);
    const v1Checksums = isRecord(doc.metadata) ? doc.metadata : {};
    const packages = [];
    const byName = new Map();
    const sources = new Map();
    entries.forEach((entry, i) => {
        if (!isRecord(entry))
            throw (0,errors/* malformed */.Qm)(file, `package #${i + 1} is not a table`);
        const name = str(entry.name);
        const version = str(entry.version);
        if (!name || !version)
            throw (0,errors/* malformed */.Qm)(file, `package #${i + 1} has no name or version`);
        const source = str(entry.source);
        const checksum = str(entry.checksum) ??
            str(v1Checksums[`checksum ${name} ${version}${source ? ` (${source})` : ''}`]);
        const pkg = {
            key: `${name} ${version}${source ? ` (${source})` : ''}`,
            ecosystem: 'cargo',
            name,
            version,
            purl: (0,purl/* cargoPurl */.q$)(name, version, sourceQualifiers(source)),
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
            throw (0,errors/* malformed */.Qm)(file, `${pkg.name} ${pkg.version}: dependencies is not an array`);
        for (const dep of deps) {
            if (typeof dep !== 'string')
                throw (0,errors/* malformed */.Qm)(file, `${pkg.name} ${pkg.version}: bad dependency`);
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
                throw (0,errors/* malformed */.Qm)(file, `${pkg.name} ${pkg.version}: dependency "${dep}" matches ${match.length} packages`);
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
            throw (0,errors/* malformed */.Qm)(file, 'unterminated string', lineNo);
        else
            return { tokens, comment: '' };
    }
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
                    throw (0,errors/* malformed */.Qm)(file, `bad require: ${raw.trim()}`, lineNo);
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
                    throw (0,errors/* malformed */.Qm)(file, `bad exclude: ${raw.trim()}`, lineNo);
                excludes.add(`${args[0]}@${args[1]}`);
                break;
            case 'replace': {
                const arrow = args.indexOf('=>');
                if (arrow < 1 || arrow > 2 || args.length - arrow - 1 < 1 || args.length - arrow - 1 > 2)
                    throw (0,errors/* malformed */.Qm)(file, `bad replace: ${raw.trim()}`, lineNo);
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
                throw (0,errors/* malformed */.Qm)(file, `unknown directive "${verb}"`, lineNo);
        }
    });
    if (block !== undefined)
        throw (0,errors/* malformed */.Qm)(file, `unterminated ${block} block`, lines.length);
    if (module === undefined)
        throw (0,errors/* malformed */.Qm)(file, 'no module directive');
    const sums = goSum ? parseGoSum(goSum.text, goSum.file) : undefined;
    const warnings = [];
    const main = {
        key: module,
        ecosystem: 'golang',
        name: module,
        version: '',
        purl: (0,purl/* golangPurl */.av)(module, ''),
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
            purl: (0,purl/* golangPurl */.av)(path, local ? '' : version),
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
            throw (0,errors/* malformed */.Qm)(file, `bad go.sum line: ${line.slice(0, 80)}`, idx + 1);
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
        throw (0,errors/* malformed */.Qm)(file, `invalid JSON: ${msg.replace(/\s*\(line \d+ column \d+\)/, '')}`, lineNo, err);
    }
}
//# sourceMappingURL=json.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/lockfiles/npm.js





// Hosts of the shorthands npm, Yarn and pnpm accept (`github:o/r`), whose ssh, git and https
// URLs name one repository: one form for them all gives one purl per commit, whichever form the
// package manager chose to write (npm saves `git+ssh://git@github.com/...` for `github:o/r`,
// Yarn and pnpm fetch the same commit from codeload.github.com).
const HOSTED = {
    github: 'github.com',
    gitlab: 'gitlab.com',
    bitbucket: 'bitbucket.org',
};
const HOSTED_HOSTS = new Set(Object.values(HOSTED));
// Registries whose tarball URLs do not all follow the `<name>/-/<file>.tgz` layout.
const REGISTRY_HOSTS = new Set([
    'registry.npmjs.org',
    'registry.yarnpkg.com',
    'npm.pkg.github.com',
]);
// The layout of a registry's tarball URLs (npm, Verdaccio, Artifactory, Nexus, GitLab, Azure).
const REGISTRY_TARBALL = /\/-\/.+\.tgz$/;
const COMMIT = /^(?:[0-9a-f]{40}|[0-9a-f]{64})$/;
/**
 * The origin of a package as a lockfile writes it: npm's `resolved` (or a v1 `version` that is
 * a URL), yarn v1's `resolved`, a berry resolution's reference, a pnpm tarball.
 * `requestedAsUrl`: the lockfile says the package was asked for by URL, not from a registry.
 */
function jsOrigin(spec, requestedAsUrl = false) {
    if (spec === undefined || spec === '')
        return undefined;
    // Most packages, in every lockfile that writes where they came from: no URL to parse.
    if (spec.startsWith('https://registry.npmjs.org/'))
        return undefined;
    if (spec.startsWith('https://registry.yarnpkg.com/'))
        return undefined;
    if (spec.startsWith('file:'))
        return 'local';
    const git = gitSource(spec);
    if (git !== undefined)
        return { vcs_url: (0,purl/* gitVcsUrl */.eT)(git.url, git.commit) };
    if (!/^https?:\/\//i.test(spec))
        return undefined;
    let url;
    try {
        url = new URL(spec);
    }
    catch {
        return undefined;
    }
    const path = url.pathname;
    const archive = hostedArchive(url);
    if (archive)
        return { vcs_url: (0,purl/* gitVcsUrl */.eT)(archive.repo, archive.commit) };
    // The URL's layout is only a guess at a registry: where the lockfile says the package was
    // asked for by URL (`requestedAsUrl`), a `/-/` in the path (every GitLab URL has one) is not.
    if (!requestedAsUrl && (REGISTRY_HOSTS.has(url.hostname) || REGISTRY_TARBALL.test(path)))
        return undefined;
    // The fragment never reaches the server (yarn v1 puts its SHA-1 there); credentials do not
    // belong in a BOM.
    return { download_url: `${url.protocol}//${url.host}${path}${url.search}` };
}
/**
 * The repository and commit of a hosted git archive of one commit, as hosted-git-info makes
 * them and Yarn and pnpm fetch them for `github:o/r` and the like: npm writes the same
 * dependency as git, so both give one vcs_url. Undefined for anything else (a branch's archive
 * is not one commit).
 */
function hostedArchive(url) {
    const path = url.pathname;
    let m;
    if (url.hostname === 'codeload.github.com') {
        // A gist's archive is /gist/<id>/tar.gz/<sha>; its repository is on gist.github.com.
        m = /^\/gist\/([^/]+)\/tar\.gz\/([^/]+)$/.exec(path);
        if (m)
            return COMMIT.test(m[2])
                ? { repo: `https://gist.github.com/${m[1]}.git`, commit: m[2] }
                : undefined;
        m = /^\/([^/]+)\/([^/]+)\/tar\.gz\/([^/]+)$/.exec(path);
        if (m && COMMIT.test(m[3]))
            return { repo: hostedUrl('github.com', `${m[1]}/${m[2]}`), commit: m[3] };
    }
    if (url.hostname === 'gitlab.com') {
        // /api/v4/projects/<group%2Fproject>/repository/archive.tar.gz?sha=<commit>
        m = /^\/api\/v4\/projects\/([^/]+)\/repository\/archive\.tar\.gz$/.exec(path);
        const sha = url.searchParams.get('sha') ?? '';
        if (m && COMMIT.test(sha))
            return { repo: hostedUrl('gitlab.com', decodeURIComponent(m[1])), commit: sha };
    }
    if (url.hostname === 'bitbucket.org') {
        // /<team>/<repo>/get/<commit>.tar.gz
        m = /^\/([^/]+)\/([^/]+)\/get\/([^/]+)\.tar\.gz$/.exec(path);
        if (m && COMMIT.test(m[3]))
            return { repo: hostedUrl('bitbucket.org', `${m[1]}/${m[2]}`), commit: m[3] };
    }
    return undefined;
}
/** A git dependency's repository URL (without `git+`) and the commit it resolved to. */
function gitSource(spec) {
    const hash = spec.indexOf('#');
    const fragment = hash >= 0 ? spec.slice(hash + 1) : '';
    let rest = hash >= 0 ? spec.slice(0, hash) : spec;
    // npm and yarn v1 write the commit alone; berry writes `commit=<sha>` among other parameters.
    const commit = fragment.includes('=')
        ? (new URLSearchParams(fragment).get('commit') ?? undefined)
        : fragment.startsWith('semver:')
            ? undefined
            : fragment || undefined;
    const shorthand = /^(github|gitlab|bitbucket):([^/]+)\/(.+)$/.exec(rest);
    if (shorthand)
        return { url: hostedUrl(HOSTED[shorthand[1]], `${shorthand[2]}/${shorthand[3]}`), commit };
    if (rest.startsWith('gist:'))
        return { url: `https://gist.github.com/${rest.slice(5)}.git`, commit };
    const plus = /^git\+/i.test(rest);
    if (plus)
        rest = rest.slice(4);
    // scp-like `git@host:owner/repo.git`, also behind `ssh://`
    const scp = /^(?:ssh:\/\/)?([^@/:]+)@([^/:]+):(?!\/\/|\d+\/)(.+)$/i.exec(rest);
    if (scp) {
        const [, user, host, path] = scp;
        return {
            url: HOSTED_HOSTS.has(host.toLowerCase())
                ? hostedUrl(host.toLowerCase(), path)
                : `ssh://${user}@${host}/${path}`,
            commit,
        };
    }
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(rest)?.[1]?.toLowerCase();
    if (scheme === undefined)
        return undefined;
    const isGit = plus ||
        scheme === 'git' ||
        scheme === 'ssh' ||
        ((scheme === 'http' || scheme === 'https') && /\.git\/?$/.test(rest));
    if (!isGit)
        return undefined;
    let url;
    try {
        url = new URL(rest);
    }
    catch {
        return { url: rest, commit };
    }
    const host = url.hostname.toLowerCase();
    if (HOSTED_HOSTS.has(host))
        return { url: hostedUrl(host, url.pathname.slice(1)), commit };
    // Elsewhere the URL stays as written (its ssh user included: the host may serve no other
    // way), without a password or token.
    const user = scheme === 'ssh' && url.username !== '' ? `${url.username}@` : '';
    return { url: `${url.protocol}//${user}${url.host}${url.pathname}${url.search}`, commit };
}
/** `https://<host>/<owner>/<repo>.git`, the form hosted-git-info gives these hosts. */
function hostedUrl(host, path) {
    const p = path.replace(/\/+$/, '');
    return `https://${host}/${p.endsWith('.git') ? p : `${p}.git`}`;
}
/** An npm purl with the qualifiers of a package's origin. */
function npmOriginPurl(name, version, origin) {
    return (0,purl/* npmPurl */.NP)(name, version, origin === 'local' ? undefined : origin);
}
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
        throw (0,errors/* malformed */.Qm)(file, 'not a JSON object');
    const entries = new Map();
    const rootName = str(doc.name) ?? '';
    if (isRecord(doc.packages)) {
        for (const [path, raw] of Object.entries(doc.packages)) {
            if (!isRecord(raw))
                throw (0,errors/* malformed */.Qm)(file, `packages["${path}"] is not an object`);
            const [name, version] = unalias(str(raw.name) ?? (path === '' ? rootName : nameFromPath(path)), str(raw.version) ?? '');
            entries.set(path, {
                path,
                name,
                version,
                link: raw.link === true,
                resolved: str(raw.resolved),
                integrity: str(raw.integrity),
                origin: raw.link === true ? undefined : jsOrigin(str(raw.resolved)),
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
            origin: undefined,
            dev: false,
            optional: false,
            devOptional: false,
            deps: Object.keys(isRecord(doc.dependencies) ? doc.dependencies : {}),
            optionalDeps: new Set(),
        });
        const walk = (deps, prefix) => {
            for (const [key, raw] of Object.entries(deps)) {
                if (!isRecord(raw))
                    throw (0,errors/* malformed */.Qm)(file, `dependencies["${key}"] is not an object`);
                const path = `${prefix}${NM}${key}`;
                const rawVersion = str(raw.version) ?? '';
                const [name, version] = unalias(key, rawVersion);
                // v1 writes a git, tarball-URL or `file:` dependency's source where its version goes
                // (the version itself it does not record); a registry package's source is `resolved`.
                const fromVersion = jsOrigin(rawVersion);
                entries.set(path, {
                    path,
                    name,
                    version: fromVersion === undefined ? version : '',
                    link: false,
                    resolved: str(raw.resolved),
                    integrity: str(raw.integrity),
                    origin: fromVersion ?? jsOrigin(str(raw.resolved)),
                    v1Source: fromVersion === undefined ? undefined : rawVersion,
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
        throw (0,errors/* malformed */.Qm)(file, 'neither `packages` nor `dependencies` is an object');
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
        // The root, workspace folders, and `file:` folders and tarballs.
        const firstParty = !e.path.includes(NM) || e.origin === 'local';
        const pkg = {
            key: e.path,
            ecosystem: 'npm',
            name: e.name,
            version: e.version,
            dependencies: [],
        };
        if (e.origin === 'local' && e.v1Source !== undefined) {
            // A v1 `file:` folder or tarball: known by its path only (v1 records no version), as pnpm
            // and Yarn's folders are; a versionless npm purl would name the registry's package.
            pkg.properties = { 'build-artifact:npm.version': e.v1Source };
        }
        else if (e.version === '' && e.origin !== undefined && e.origin !== 'local') {
            // A v1 git or URL dependency: no version recorded, and a purl without one would name
            // the registry's package (matchers drop qualifiers). Where it came from is a property.
            const source = 'vcs_url' in e.origin ? e.origin.vcs_url : e.origin.download_url;
            pkg.properties = { 'build-artifact:npm.source': (0,purl/* withoutSecrets */.cT)(source) };
        }
        else {
            pkg.purl = npmOriginPurl(e.name || 'unnamed', e.version, e.origin);
        }
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
;// CONCATENATED MODULE: ./packages/sbom/dist/lockfiles/fastyaml.js
/**
 * A fast reader for the YAML that lockfile writers emit (pnpm's js-yaml dump, Yarn berry's
 * syml): block mappings and sequences, single-line scalars (plain, '…', "…") and single-line
 * flow collections. It is several times faster than a general YAML parser on multi-megabyte
 * lockfiles. Anything outside that subset (multi-line scalars, anchors, tags, complex keys)
 * returns undefined, and the caller falls back to the full `yaml` parser, whose result this
 * reader matches on what lockfile tools write (a test compares them), except that its mappings
 * have no prototype: turn values into strings with `toText`, not String(). Known differences,
 * on text no lockfile tool writes: in a flow collection `{a:1}` is a key and value, `x #y` one
 * scalar.
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
/** After a value: only spaces and a comment may follow (a `#` right after it is no comment). */
function expectEnd(s, pos) {
    if (pos === s.length)
        return;
    if (s[pos] !== ' ' && s[pos] !== '\t')
        throw new Unsupported('text after a value');
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
    if (hasMappingColon(text))
        throw new Unsupported('mapping in scalar');
    return plainScalar(text);
}
/**
 * Whether plain text holds a `:` that YAML reads as a mapping's separator: one followed by a
 * space, a tab or the end. Such text is no scalar (the full parser rejects or nests it).
 */
function hasMappingColon(text) {
    return text.includes(': ') || text.includes(':\t') || text.endsWith(':');
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
            if (hasMappingColon(text) || /^[&*!|>%@`#]/.test(text))
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
/**
 * Throws Unsupported for a plain key YAML reads as something other than its text: null or a
 * number written another way (`~:`, `1.0:` become "" and "1" in the full parser), or a special
 * number (`0x1:`). Such keys are left to the full parser.
 */
function checkPlainKey(key) {
    // Only a digit, a sign, a dot, `~` or n/N can start a null or a number: other keys (most of
    // a lockfile's, on every line) are their text without asking plainScalar.
    const c = key.charCodeAt(0);
    if (!(c >= 0x30 && c <= 0x39) &&
        c !== 0x2b &&
        c !== 0x2d &&
        c !== 0x2e &&
        c !== 0x7e &&
        (c | 0x20) !== 0x6e)
        return;
    const resolved = plainScalar(key);
    if (resolved === null || (typeof resolved === 'number' && String(resolved) !== key))
        throw new Unsupported('key read as another value');
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
        // `"key":value` and `"key":#` are legal or not by rules only the full parser keeps (a `#`
        // with no space before it is no comment): the layout lockfiles use has a space or nothing.
        if (pos < s.length && s[pos] !== ' ')
            throw new Unsupported('key');
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
        // A tab in a plain key may end it (`a:<tab>b: c` is two mappings to YAML): not lockfile text.
        if (key.includes('\t'))
            throw new Unsupported('tab in key');
        checkPlainKey(key);
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
;// CONCATENATED MODULE: ./packages/sbom/dist/lockfiles/pnpmscan.js
/**
 * A scanner for pnpm-lock.yaml in the layout pnpm writes (2-space block mappings, one
 * `key: value` per line, single-quoted keys, one-line flow values such as `resolution:
 * {integrity: …}`), which keeps only the fields the inventory reads. It walks the text line by
 * line by index (keys and plain values matched in place by sticky regular expressions), builds
 * no object for what it does not keep, and no string for most of what it only checks.
 *
 * It answers only where the YAML route (`parseYaml` with UNREAD_FIELDS, i.e. the fast YAML
 * reader) would answer, and then with the same values: a line it reads goes through the same
 * rules as that reader's (`mappingKey`, `inlineValue`, `plainScalar`), or through a shortcut
 * that gives the same result for the characters it allows. Everything else (another
 * indentation, a block scalar, an anchor, a tag, a sequence where a mapping belongs, a
 * duplicate key where a kept value is, a nested value where a scalar is kept) makes it decline
 * the whole file, which then goes to the YAML route.
 */

/** Fields of `packages` and `snapshots` entries the inventory never reads. */
const UNREAD_FIELDS = new Set([
    'engines',
    'cpu',
    'os',
    'libc',
    'hasBin',
    'bin',
    'deprecated',
    'peerDependencies',
    'peerDependenciesMeta',
    'transitivePeerDependencies',
    'bundledDependencies',
    'requiresBuild',
    'funding',
]);
// Deeper than any block pnpm writes (an importer's dependency's version is at level 4).
const MAX_LEVEL = 16;
// The level of `packages` -> entry -> field: where the YAML reader skips UNREAD_FIELDS.
const FIELD_LEVEL = 2;
// Keys JavaScript objects order before the others: a Map in their place would list them in
// another order than the YAML reader's object does.
const INDEX_LIKE = /^(?:0|[1-9][0-9]*)$/;
// `{integrity: sha512-…}` (what `flow` reads as a one-field mapping of a plain scalar that
// starts with a letter that no null or boolean starts with), up to its closing brace.
const INTEGRITY_ONLY = /\{integrity: [a-eg-mo-su-zA-EG-MO-SU-Z][A-Za-z0-9+/=-]*\}/y;
// The keys the shortcut reads, with their colon (matched natively: they are on every line):
// single-quoted without a quote inside (so no `''`), of printable ASCII; or plain, of visible
// ASCII but `#` and `:`, starting with no YAML indicator.
const QUOTED_KEY = /'[\x20-\x26\x28-\x7e]*':/y;
const PLAIN_KEY = /[A-Za-z0-9./_][\x21\x22\x24-\x39\x3b-\x7e]*:/y;
// Visible ASCII but `#`: a plain scalar made of these is taken whole by `inlineValue`.
const PLAIN_TEXT = /[\x21\x22\x24-\x7e]*/y;
const isLetter = (c) => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const isDigit = (c) => c >= 0x30 && c <= 0x39;
/** Where a plain value may start without being a YAML indicator or a null (`~`). */
const isValueStart = (c) => isLetter(c) || isDigit(c) || c === 0x2f || c === 0x2e || c === 0x5f || c === 0x5e;
/** What a number, in YAML's core schema, is made of. */
const isNumberChar = (c) => isDigit(c) || c === 0x2e || c === 0x2b || c === 0x2d || (c | 0x20) === 0x65;
class PnpmScanner {
    text;
    doc = { ...TEMPLATES.root };
    // The open blocks, by level (a block's lines are indented by twice its level).
    blocks = [
        { role: 'root', sequence: false, names: undefined, fields: this.doc },
    ];
    top = 0;
    // A `key:` with nothing after it, whose value is the block that may follow (a null without).
    pending;
    pendingKey = '';
    pendingIn;
    // A skipped field (UNREAD_FIELDS): deeper lines (and items, after `key:`) belong to it.
    skipIndent = -1;
    skipItems = false;
    // The value of the current line, as text indices; valueAt < 0 when there is none.
    valueAt = -1;
    valueEnd = -1;
    constructor(text) {
        this.text = text;
    }
    scan() {
        const { text } = this;
        const n = text.length;
        let lines = 0;
        for (let pos = 0; pos <= n;) {
            let end = text.indexOf('\n', pos);
            if (end < 0)
                end = n;
            const lineEnd = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
            let i = pos;
            while (i < lineEnd && text.charCodeAt(i) === 32)
                i++;
            const indent = i - pos;
            pos = end + 1;
            const c = text.charCodeAt(i);
            // Blank lines and comment lines, wherever they are, as the YAML reader drops them.
            if (i === lineEnd || c === 0x23)
                continue;
            // What the YAML reader declines on any line, even in a value it skips.
            if (c === 0x09)
                throw new Unsupported('tab');
            if (c === 0x2d && text.startsWith('---', i))
                throw new Unsupported('document marker');
            if (c === 0x2e && lineEnd - i === 3 && text.startsWith('...', i)) {
                throw new Unsupported('document end');
            }
            if (this.skipIndent >= 0) {
                if (indent > this.skipIndent ||
                    (indent === this.skipIndent && this.skipItems && this.isItem(i, lineEnd))) {
                    continue;
                }
                this.skipIndent = -1;
            }
            lines++;
            this.line(i, lineEnd, indent);
        }
        if (lines === 0)
            throw new Unsupported('empty');
        if (this.pending !== undefined)
            this.nullValue();
        return this.doc;
    }
    /** A line to read: its text is text[i, lineEnd), after `indent` spaces. */
    line(i, lineEnd, indent) {
        if (indent % 2 !== 0)
            throw new Unsupported('indentation');
        const level = indent / 2;
        if (this.pending !== undefined) {
            if (level === this.top + 1)
                this.open(level, this.isItem(i, lineEnd));
            else if (level > this.top + 1)
                throw new Unsupported('indentation');
            else
                this.nullValue();
        }
        else if (level > this.top) {
            // Deeper than a key with a value on its line: a multi-line scalar, or odd indentation.
            throw new Unsupported('indentation');
        }
        this.top = level;
        const block = this.blocks[level];
        if (block.sequence)
            this.item(i, lineEnd);
        else
            this.entry(i, lineEnd, level, block);
    }
    /** Opens the block of the pending key at `level`. */
    open(level, sequence) {
        if (level > MAX_LEVEL)
            throw new Unsupported('deep');
        const role = this.pending;
        const parent = this.pendingIn;
        this.pending = undefined;
        if (role === 'scalar')
            throw new Unsupported('nested value where a scalar is read');
        if (sequence && role !== 'other')
            throw new Unsupported('sequence where a mapping is read');
        const template = TEMPLATES[role];
        const fields = template === undefined ? undefined : { ...template };
        const names = template === undefined && role !== 'other' ? new Map() : undefined;
        const kept = fields ?? names;
        if (kept !== undefined) {
            if (parent.names !== undefined)
                parent.names.set(this.pendingKey, kept);
            else
                parent.fields[this.pendingKey] = kept;
        }
        this.blocks[level] = { role, sequence, names, fields };
    }
    /** The pending key has no value (null): fine where nothing is kept. */
    nullValue() {
        if (this.pending !== 'other')
            throw new Unsupported('null where a value is read');
        this.pending = undefined;
    }
    /** A `- item` line of a sequence (only in fields not kept): a scalar, as the reader has it. */
    item(i, lineEnd) {
        if (!this.isItem(i, lineEnd))
            throw new Unsupported('not an item in a sequence');
        const rest = this.text.slice(i, lineEnd).trimEnd().slice(1).trim();
        if (rest === '' || rest.startsWith('#'))
            throw new Unsupported('nested item');
        if (/^[^"'{[][^#]*?:(?: |$)/.test(rest))
            throw new Unsupported('mapping in sequence item');
        readValue(rest);
    }
    /** A `key: value` or `key:` line of a block mapping at `level`. */
    entry(i, lineEnd, level, block) {
        if (this.isItem(i, lineEnd))
            throw new Unsupported('item in a mapping');
        const key = this.key(i, lineEnd);
        if (level === FIELD_LEVEL && UNREAD_FIELDS.has(key)) {
            // The YAML reader passes over these without reading them: so does the scanner.
            this.skipIndent = 2 * level;
            this.skipItems = this.valueAt < 0;
            return;
        }
        const { names, fields } = block;
        if (names !== undefined) {
            if (names.has(key))
                throw new Unsupported('duplicate key');
            if (isDigit(key.charCodeAt(0)) && INDEX_LIKE.test(key)) {
                throw new Unsupported('a key JavaScript orders first');
            }
            if (this.valueAt >= 0)
                names.set(key, this.inlineValue());
            else
                this.expect(ENTRY_ROLE[block.role], key, block);
            return;
        }
        // A field is kept under its own name, a literal: quicker to look up than the line's copy.
        const field = fields === undefined ? undefined : KEPT_FIELDS[block.role].get(key);
        if (field === undefined) {
            if (this.valueAt >= 0)
                this.checkInlineValue();
            else
                this.expect('other', key, block);
            return;
        }
        if (fields[field.name] !== undefined)
            throw new Unsupported('duplicate key');
        if (this.valueAt >= 0)
            fields[field.name] = this.inlineValue();
        else
            this.expect(field.role, field.name, block);
    }
    /** After `key:` in `block`: its value is the block of `role` the next lines may open. */
    expect(role, key, block) {
        this.pending = role;
        this.pendingKey = key;
        this.pendingIn = block;
    }
    /** Whether text[i, lineEnd) is a sequence item (`-` alone or `- …`), as the reader tells. */
    isItem(i, lineEnd) {
        const { text } = this;
        if (text.charCodeAt(i) !== 0x2d)
            return false;
        if (i + 1 === lineEnd || text.charCodeAt(i + 1) === 0x20)
            return true;
        return text.slice(i + 1, lineEnd).trimEnd() === '';
    }
    /**
     * The key of the line text[i, lineEnd); sets valueAt and valueEnd to its value's text (what
     * follows the colon and its spaces, trailing spaces left out), valueAt < 0 where there is
     * none. As `mappingKey` and the YAML reader's mapping read it: a shortcut for a single-quoted
     * key without `''` and a plain key of visible ASCII, that reader's own steps for the rest.
     */
    key(i, lineEnd) {
        const { text } = this;
        let key;
        let at = -1; // after the colon
        if (text.charCodeAt(i) === 0x27) {
            QUOTED_KEY.lastIndex = i;
            if (QUOTED_KEY.test(text)) {
                at = QUOTED_KEY.lastIndex;
                key = text.slice(i + 1, at - 2);
            }
        }
        else {
            PLAIN_KEY.lastIndex = i;
            if (PLAIN_KEY.test(text)) {
                at = PLAIN_KEY.lastIndex;
                key = text.slice(i, at - 1);
                // As mappingKey: a key YAML reads as null or another number leaves the subset.
                checkPlainKey(key);
            }
        }
        if (key !== undefined && key !== '__proto__') {
            if (at === lineEnd) {
                this.valueAt = -1;
                return key;
            }
            const first = text.charCodeAt(at + 1);
            const last = text.charCodeAt(lineEnd - 1);
            if (text.charCodeAt(at) === 0x20 &&
                at + 1 < lineEnd &&
                first !== 0x20 &&
                first !== 0x09 &&
                first !== 0x23 &&
                last > 0x20 &&
                last < 0x7f) {
                this.valueAt = at + 1;
                this.valueEnd = lineEnd;
                return key;
            }
        }
        return this.slowKey(i, lineEnd);
    }
    /** The key and value of a line as the YAML reader's mapping reads them, step by step. */
    slowKey(i, lineEnd) {
        const s = this.text.slice(i, lineEnd).trimEnd();
        if (hasEscape(s))
            throw new Unsupported('an escape in a double-quoted scalar');
        const [key, pos] = mappingKey(s);
        let start = pos;
        for (let c = s.charCodeAt(start); c === 0x20 || c === 0x09; c = s.charCodeAt(++start))
            ;
        if (start === s.length || s.charCodeAt(start) === 0x23) {
            this.valueAt = -1;
        }
        else {
            if (s.charCodeAt(pos) !== 0x20)
                throw new Unsupported('no space after colon');
            this.valueAt = i + start;
            this.valueEnd = i + s.length;
        }
        return key;
    }
    /** The current line's value, as `inlineValue` gives it. */
    inlineValue() {
        const { text, valueAt: at, valueEnd: end } = this;
        const c = text.charCodeAt(at);
        if (isValueStart(c)) {
            if (this.plainUpTo(at) === end) {
                return this.surelyText(at, end) ? text.slice(at, end) : plainScalar(text.slice(at, end));
            }
        }
        else if (c === 0x27) {
            // Single-quoted, its only other quote closing it at the end of the line: no `''` in it.
            const close = text.indexOf("'", at + 1);
            if (close === end - 1)
                return text.slice(at + 1, close);
        }
        else if (c === 0x7b) {
            if (end - at === 2 && text.charCodeAt(at + 1) === 0x7d)
                return Object.create(null);
            INTEGRITY_ONLY.lastIndex = at;
            if (INTEGRITY_ONLY.test(text) && INTEGRITY_ONLY.lastIndex === end) {
                return { integrity: text.slice(at + '{integrity: '.length, end - 1) };
            }
        }
        return readValue(text.slice(at, end));
    }
    /** Checks the current line's value as `inlineValue` would, without building it. */
    checkInlineValue() {
        const { text, valueAt: at, valueEnd: end } = this;
        const c = text.charCodeAt(at);
        // A plain scalar starting with a letter, `^` or `~` is a string, null or a boolean: never
        // an error (numbers and the special floats start otherwise).
        if ((isLetter(c) || c === 0x5e || c === 0x7e) && this.plainUpTo(at) === end)
            return;
        if (c === 0x27 && text.indexOf("'", at + 1) === end - 1)
            return;
        readValue(text.slice(at, end));
    }
    /**
     * The end of the plain scalar of visible ASCII (no `#`) starting at `at`, if it does not end
     * with `:`: with no space or `#` in it, `inlineValue` takes it whole, as `plainScalar` reads
     * it. -1 otherwise.
     */
    plainUpTo(at) {
        const { text } = this;
        PLAIN_TEXT.lastIndex = at;
        PLAIN_TEXT.test(text);
        const j = PLAIN_TEXT.lastIndex;
        return text.charCodeAt(j - 1) === 0x3a ? -1 : j;
    }
    /**
     * Whether the plain scalar text[at, end) is a string for `plainScalar` without asking it: it
     * starts with a letter no null or boolean starts with, with `/`, `_` or `^` (as v6's `/name@1`
     * does), or with a digit and is no number (is no `0x…` or `0o…`, and has a character no
     * number has or a second `.`, as `1.2.3` does).
     */
    surelyText(at, end) {
        const { text } = this;
        const c = text.charCodeAt(at);
        if (isLetter(c)) {
            const lower = c | 0x20;
            return lower !== 0x6e && lower !== 0x74 && lower !== 0x66;
        }
        if (c === 0x2f || c === 0x5f || c === 0x5e)
            return true;
        if (!isDigit(c))
            return false;
        const second = text.charCodeAt(at + 1) | 0x20;
        if (second === 0x6f || second === 0x78)
            return false;
        let dots = 0;
        for (let j = at + 1; j < end; j++) {
            const d = text.charCodeAt(j);
            if (d === 0x2e)
                dots++;
            else if (!isNumberChar(d))
                return true;
        }
        return dots > 1;
    }
}
const fieldsOf = (roles) => new Map(Object.entries(roles).map(([name, role]) => [name, { name, role }]));
/** The fields kept of the blocks whose keys are fields; the others are checked, not kept. */
const KEPT_FIELDS = {
    root: fieldsOf({
        lockfileVersion: 'scalar',
        importers: 'importers',
        packages: 'entries',
        snapshots: 'entries',
        // A lockfile without `importers` (one project, before v9): the project's own.
        dependencies: 'specs',
        optionalDependencies: 'specs',
        devDependencies: 'specs',
    }),
    importer: fieldsOf({
        dependencies: 'specs',
        optionalDependencies: 'specs',
        devDependencies: 'specs',
    }),
    spec: fieldsOf({ version: 'scalar' }),
    entry: fieldsOf({
        name: 'scalar',
        version: 'scalar',
        resolution: 'scalar',
        dev: 'scalar',
        optional: 'scalar',
        dependencies: 'deps',
        optionalDependencies: 'deps',
    }),
};
/** What the values are in the blocks whose keys are names. */
const ENTRY_ROLE = {
    root: 'other',
    importers: 'importer',
    importer: 'other',
    specs: 'spec',
    spec: 'other',
    entries: 'entry',
    entry: 'other',
    deps: 'scalar',
    scalar: 'other',
    other: 'other',
};
// Blank blocks of known fields, all there from the start: objects of one shape each.
const TEMPLATES = Object.fromEntries(Object.entries(KEPT_FIELDS).map(([role, fields]) => [
    role,
    Object.fromEntries([...fields.keys()].map((name) => [name, undefined])),
]));
/**
 * Whether a double-quoted scalar in `s` may hold an escape. pnpm writes none; the YAML reader
 * reads JSON's, but where one is, the scanner leaves the file to that reader.
 */
const hasEscape = (s) => s.includes('"') && s.includes('\\');
/** A value as the YAML reader reads it, step by step (an escape aside). */
function readValue(s) {
    if (hasEscape(s))
        throw new Unsupported('an escape in a double-quoted scalar');
    return inlineValue(s);
}
/**
 * The fields of pnpm-lock.yaml the inventory reads (lockfileVersion, importers, packages,
 * snapshots, and the top-level dependency maps), with the values the YAML route gives them; or
 * undefined where the file is not in the layout the scanner reads, and must go that route.
 */
function scanPnpmLock(text) {
    try {
        return new PnpmScanner(text).scan();
    }
    catch (err) {
        if (err instanceof Unsupported)
            return undefined;
        throw err;
    }
}
//# sourceMappingURL=pnpmscan.js.map
// EXTERNAL MODULE: external "node:module"
var external_node_module_ = __webpack_require__(98995);
;// CONCATENATED MODULE: ./packages/sbom/dist/lockfiles/yamlfile.js



// The full parser: large (tens of ms to load), and most files never need it.
let fullYaml;
/**
 * Thrown by `parseYaml` when a file needs the full YAML parser and it cannot be loaded
 * synchronously (inside a bundle, where there is no node_modules to require it from): call
 * `loadYamlParser()` and parse again. `generateSbom` does that.
 */
class YamlParserNeeded extends Error {
    constructor(file) {
        super(`${file}: needs the full YAML parser: await loadYamlParser() and parse again`);
    }
}
/** Loads the full YAML parser (a chunk of its own in a bundle), once. */
async function loadYamlParser() {
    fullYaml ??= await __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19));
}
function fullParser(file) {
    if (fullYaml)
        return fullYaml;
    try {
        // Synchronous callers outside a bundle: the package is in node_modules.
        fullYaml = (0,external_node_module_.createRequire)(import.meta.url)('yaml');
        return fullYaml;
    }
    catch {
        throw new YamlParserNeeded(file);
    }
}
/**
 * Parses YAML, turning a syntax error into a typed error that names the file and the line.
 * `skip`: entry fields the caller does not read, which the fast reader need not build (the full
 * parser, for files outside its subset, builds them anyway).
 */
function parseYaml(text, file, skip) {
    // The fast reader handles what lockfile tools write; anything else goes to the full parser.
    const fast = parseYamlSubset(text, skip);
    if (fast !== undefined)
        return fast;
    const { parse, YAMLParseError } = fullParser(file);
    try {
        // Lockfiles are large and flat: no aliases to expand, so keep the cap low against bombs.
        return parse(text, { maxAliasCount: 100, uniqueKeys: false, logLevel: 'error' });
    }
    catch (err) {
        if (err instanceof YAMLParseError) {
            throw (0,errors/* malformed */.Qm)(file, `invalid YAML: ${err.message.split('\n')[0]}`, err.linePos?.[0]?.line, err);
        }
        throw (0,errors/* malformed */.Qm)(file, `invalid YAML: ${err.message}`, undefined, err);
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
/** A git resolution (`{type: git, repo, commit}`) as the git URL npm would write for it. */
function gitSpec(resolution) {
    const repo = str(resolution.repo);
    if (repo === undefined)
        return undefined;
    const commit = str(resolution.commit);
    return `${/^git\+/i.test(repo) ? '' : 'git+'}${repo}${commit ? `#${commit}` : ''}`;
}
/** pnpm-lock.yaml lockfileVersion 5.x, 6.0, 7.0, 9.0. */
function parsePnpmLock(text, file) {
    // The scanner reads the layout pnpm writes, faster; anything else goes to the YAML reader.
    return pnpmInventory(scanPnpmLock(text) ?? readPnpmYaml(text, file), file);
}
/** The lockfile as the YAML reader gives it: what the scanner's answer must equal. */
function readPnpmYaml(text, file) {
    return parseYaml(text, file, UNREAD_FIELDS);
}
/** The inventory of a lockfile's document, from the scanner or the YAML reader. */
function pnpmInventory(doc, file) {
    if (!isRecord(doc))
        throw (0,errors/* malformed */.Qm)(file, 'not a YAML mapping');
    const lockVersion = toText(doc.lockfileVersion ?? '');
    const major = Number.parseFloat(lockVersion);
    if (!(major >= 5))
        throw (0,errors/* malformed */.Qm)(file, `unsupported lockfileVersion "${lockVersion}"`);
    const v9 = major >= 9;
    const v5 = major < 6;
    const pkgs = entriesOf(doc.packages) ?? [];
    const snaps = v9 ? (entriesOf(doc.snapshots) ?? []) : pkgs;
    // The package key (peer suffix removed) of a dependency written as `name: version`, as pnpm's
    // refToRelative finds it.
    const depKey = (name, value) => {
        if (value.startsWith('link:'))
            return undefined;
        if (v9) {
            // A reference with an `@` before any `:` or `(` (`obug@1.0.2`) is a key; another
            // (`1.0.2`, `https://…`, `git+ssh://git@…`) is the version of `name`.
            const at = value.indexOf('@');
            const colon = value.indexOf(':');
            const paren = value.indexOf('(');
            const whole = value.startsWith('@') || (at > 0 && (colon < 0 || at < colon) && (paren < 0 || at < paren));
            return stripPeers(whole ? value : `${name}@${value}`);
        }
        // v5 and v6: a reference with a `/` before its peers (`/name@1.0.0`, `github.com/o/r/<sha>`,
        // `file:…`) is a key; a bare version is one of `name` from the registry.
        const slash = value.indexOf('/');
        const paren = value.indexOf('(');
        const whole = value.startsWith('file:') || (slash >= 0 && (paren < 0 || slash < paren));
        if (whole)
            return v5 ? value.split('_')[0] : stripPeers(value);
        return v5 ? `/${name}/${value.split('_')[0]}` : stripPeers(`/${name}@${value}`);
    };
    const packages = new Map();
    for (const [key, raw] of pkgs) {
        if (!isRecord(raw))
            throw (0,errors/* malformed */.Qm)(file, `packages["${key}"] is not a mapping`);
        const pkey = v9 ? stripPeers(key) : v5 ? key.split('_')[0] : stripPeers(key);
        if (packages.has(pkey))
            continue;
        let [name, version] = v9
            ? splitKey(key)
            : v5
                ? splitV5Key(key)
                : splitKey(key.replace(/^\//, ''));
        const resolution = isRecord(raw.resolution) ? raw.resolution : {};
        // A registry package's key is its name and version (a tarball in its resolution is only
        // where that registry keeps it); another's holds its source.
        const fromRegistry = v9 ? !/[:/]/.test(version) : key.startsWith('/');
        const origin = fromRegistry
            ? undefined
            : resolution.type === 'git'
                ? jsOrigin(gitSpec(resolution))
                : jsOrigin(str(resolution.tarball), true);
        // The source is no version: pnpm writes a git or URL package's version as a field.
        if (typeof origin === 'object')
            version = '';
        if (str(raw.name))
            name = str(raw.name);
        if (str(raw.version))
            version = str(raw.version);
        const local = resolution.type === 'directory' ||
            str(resolution.directory) !== undefined ||
            origin === 'local';
        const pkg = {
            key: pkey,
            ecosystem: 'npm',
            name,
            version,
            purl: npmOriginPurl(name, version, origin),
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
        const entries = entriesOf(deps);
        if (entries === undefined)
            return;
        let set = edges.get(from);
        if (!set) {
            set = new Set();
            edges.set(from, set);
        }
        for (const [name, spec] of entries) {
            const value = isRecord(spec)
                ? str(spec.version)
                : typeof spec === 'string'
                    ? spec
                    : toText(spec);
            if (value === undefined)
                continue;
            const k = depKey(name, value);
            if (k !== undefined && packages.has(k))
                set.add(k);
        }
    };
    const optionalSnap = new Set();
    for (const [key, raw] of snaps) {
        if (!isRecord(raw))
            throw (0,errors/* malformed */.Qm)(file, `snapshots["${key}"] is not a mapping`);
        const pkey = v5 ? key.split('_')[0] : stripPeers(key);
        if (!packages.has(pkey))
            continue;
        addEdges(pkey, raw.dependencies);
        addEdges(pkey, raw.optionalDependencies);
        if (v9 && raw.optional === true)
            optionalSnap.add(pkey);
    }
    // Importers are the workspace's own folders: first-party, with their direct dependencies.
    const importerEntries = entriesOf(doc.importers);
    const importers = importerEntries
        ? Array.from(importerEntries, ([p, v]) => [p, isRecord(v) ? v : {}])
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
        purl: (0,purl/* pypiPurl */.iC)(name, version, qualifiers),
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
    const git = str(source.git);
    if (git)
        return { vcs_url: (0,purl/* gitVcsUrl */.eT)(git) };
    const url = str(source.url);
    if (url)
        return { download_url: url };
    return undefined;
}
/** uv.lock (version 1). */
function parseUvLock(text, file) {
    const doc = parseToml(withoutFileLists(text), file);
    const raw = doc.package;
    if (raw !== undefined && !Array.isArray(raw))
        throw (0,errors/* malformed */.Qm)(file, '`package` is not an array of tables');
    const entries = (raw ?? []);
    const packages = [];
    const byName = new Map();
    const sources = new Map();
    entries.forEach((entry, i) => {
        if (!isRecord(entry))
            throw (0,errors/* malformed */.Qm)(file, `package #${i + 1} is not a table`);
        const name = str(entry.name);
        if (!name)
            throw (0,errors/* malformed */.Qm)(file, `package #${i + 1} has no name`);
        const source = isRecord(entry.source) ? entry.source : {};
        const kind = Object.keys(source)[0] ?? 'registry';
        const local = ['editable', 'virtual', 'directory'].includes(kind);
        const version = str(entry.version) ?? '';
        if (!local && !version)
            throw (0,errors/* malformed */.Qm)(file, `${name}: no version`);
        const pkg = pyPackage(name, version, `${(0,purl/* pep503 */.g9)(name)}@${version}@${JSON.stringify(source)}`, gitQualifier(source));
        if (local) {
            pkg.firstParty = true;
            delete pkg.purl;
            pkg.properties = { 'build-artifact:python.source': `${kind}:${toText(source[kind])}` };
        }
        packages.push(pkg);
        sources.set(pkg, JSON.stringify(source));
        const n = (0,purl/* pep503 */.g9)(name);
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
            let cands = byName.get((0,purl/* pep503 */.g9)(str(d.name))) ?? [];
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
    const doc = parseToml(withoutFileLists(text), file);
    const raw = doc.package;
    if (raw !== undefined && !Array.isArray(raw))
        throw (0,errors/* malformed */.Qm)(file, '`package` is not an array of tables');
    const entries = (raw ?? []);
    const packages = [];
    const byName = new Map();
    entries.forEach((entry, i) => {
        if (!isRecord(entry))
            throw (0,errors/* malformed */.Qm)(file, `package #${i + 1} is not a table`);
        const name = str(entry.name);
        const version = str(entry.version);
        if (!name || !version)
            throw (0,errors/* malformed */.Qm)(file, `package #${i + 1} has no name or version`);
        const source = isRecord(entry.source) ? entry.source : {};
        const type = str(source.type);
        const qualifiers = type === 'git'
            ? {
                vcs_url: (0,purl/* gitVcsUrl */.eT)(str(source.url) ?? '', str(source.resolved_reference) ?? str(source.reference)),
            }
            : type === 'url'
                ? { download_url: str(source.url) ?? '' }
                : type === 'legacy' && str(source.url)
                    ? { repository_url: str(source.url) }
                    : undefined;
        const pkg = pyPackage(name, version, `${(0,purl/* pep503 */.g9)(name)}@${version}`, qualifiers);
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
        const list = byName.get((0,purl/* pep503 */.g9)(name));
        if (list)
            list.push(pkg);
        else
            byName.set((0,purl/* pep503 */.g9)(name), [pkg]);
    });
    entries.forEach((entry, i) => {
        const deps = entry.dependencies;
        if (!isRecord(deps))
            return;
        const pkg = packages[i];
        for (const n of Object.keys(deps)) {
            for (const c of byName.get((0,purl/* pep503 */.g9)(n)) ?? [])
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
    const doc = parseToml(withoutFileLists(text), file);
    const raw = doc.package;
    if (raw !== undefined && !Array.isArray(raw))
        throw (0,errors/* malformed */.Qm)(file, '`package` is not an array of tables');
    const entries = (raw ?? []);
    const packages = [];
    const byName = new Map();
    entries.forEach((entry, i) => {
        if (!isRecord(entry))
            throw (0,errors/* malformed */.Qm)(file, `package #${i + 1} is not a table`);
        const name = str(entry.name);
        const version = str(entry.version) ?? '';
        if (!name)
            throw (0,errors/* malformed */.Qm)(file, `package #${i + 1} has no name`);
        const local = entry.editable === true || str(entry.path) !== undefined;
        if (!local && !version)
            throw (0,errors/* malformed */.Qm)(file, `${name}: no version`);
        const git = str(entry.git);
        const pkg = pyPackage(name, version, `${(0,purl/* pep503 */.g9)(name)}@${version}`, git ? { vcs_url: (0,purl/* gitVcsUrl */.eT)(git, str(entry.revision)) } : undefined);
        if (local) {
            pkg.firstParty = true;
            delete pkg.purl;
        }
        const groups = Array.isArray(entry.groups) ? entry.groups.map(String) : ['default'];
        if (!groups.includes('default'))
            pkg.scope = 'excluded';
        packages.push(pkg);
        const list = byName.get((0,purl/* pep503 */.g9)(name));
        if (list)
            list.push(pkg);
        else
            byName.set((0,purl/* pep503 */.g9)(name), [pkg]);
    });
    entries.forEach((entry, i) => {
        const deps = entry.dependencies;
        if (!Array.isArray(deps))
            return;
        const pkg = packages[i];
        for (const d of deps) {
            const n = typeof d === 'string' ? requirementName(d) : undefined;
            for (const c of (n && byName.get((0,purl/* pep503 */.g9)(n))) || [])
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
        throw (0,errors/* malformed */.Qm)(file, 'not a JSON object');
    const packages = new Map();
    const warnings = [];
    for (const section of ['default', 'develop']) {
        const group = doc[section];
        if (group === undefined)
            continue;
        if (!isRecord(group))
            throw (0,errors/* malformed */.Qm)(file, `"${section}" is not an object`);
        for (const [name, raw] of Object.entries(group)) {
            if (!isRecord(raw))
                throw (0,errors/* malformed */.Qm)(file, `${section}.${name} is not an object`);
            const spec = str(raw.version);
            const local = raw.editable === true || str(raw.path) !== undefined || str(raw.file) !== undefined;
            const git = str(raw.git);
            const version = spec?.startsWith('==') ? spec.replace(/^===?/, '') : undefined;
            // default and develop may pin different versions of one name: both are listed.
            const key = `${(0,purl/* pep503 */.g9)(name)}@${version ?? str(raw.ref) ?? ''}`;
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
            const pkg = pyPackage(name, version ?? '', key, git ? { vcs_url: (0,purl/* gitVcsUrl */.eT)(git, str(raw.ref)) } : undefined);
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




/** An included requirements file: regular, at most 64 MiB (a FIFO is refused, not waited on). */
const defaultRead = (path) => (0,dist.readRegularFileTextSync)(path, { maxBytes: 64 * 1024 * 1024, what: 'a requirements file' });
// Requirement: name, optional [extras], optional version specifiers, optional `; marker`.
const REQ = /^([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(\[[^\]]*\])?\s*(\([^)]*\)|[^;@]*?)?\s*(?:@\s*(\S+))?\s*(?:;\s*(.*))?$/;
const PYPI_INDEX = /^https?:\/\/pypi\.(?:org|python\.org)\/simple\/?$/;
/**
 * The version a distribution file's name gives (`torch-2.1.0+cpu-cp311-...whl`,
 * `name-1.0.tar.gz`), if that file is of the package `name`: pip installs exactly it.
 */
function versionFromFileUrl(url, name) {
    let file;
    try {
        const u = new URL(url);
        file = decodeURIComponent(u.pathname.slice(u.pathname.lastIndexOf('/') + 1));
    }
    catch {
        return undefined;
    }
    const wheel = /^([^-]+)-([^-]+)(?:-[^-]+)?-[^-]+-[^-]+-[^-]+\.whl$/.exec(file);
    const sdist = /^(.+)-([^-]+)\.(?:tar\.gz|tar\.bz2|zip)$/.exec(file);
    const m = wheel ?? sdist;
    return m && (0,purl/* pep503 */.g9)(m[1]) === (0,purl/* pep503 */.g9)(name) ? m[2] : undefined;
}
/**
 * A VCS requirement pinned to a commit (`git+https://host/repo@<40 hex>`, as pip-compile writes
 * them): the package is that commit, with no version number to name it by.
 */
function pinnedGit(url) {
    const m = /^git\+(.+?)@([0-9a-f]{40})(?:#.*)?$/i.exec(url);
    if (!m)
        return undefined;
    const commit = m[2].toLowerCase();
    return { vcsUrl: (0,purl/* gitVcsUrl */.eT)(m[1], commit), commit };
}
/** `#egg=name` of a VCS URL (pip's legacy way to name the package). */
function eggName(url) {
    return /[#&]egg=([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(url)?.[1];
}
/**
 * requirements*.txt: `name==version` pins (with `--hash`, markers and extras), `-r` includes
 * followed relative to the including file, `name @ <wheel or sdist URL>` (the file names its
 * version) and VCS requirements pinned to a commit. Anything not pinned to one exact version is
 * reported in `warnings` and left out, never guessed. A single `--index-url` other than PyPI
 * becomes every package's `repository_url`.
 */
function parseRequirements(text, file, read = defaultRead) {
    const packages = new Map();
    const warnings = [];
    let leftOut = 0;
    const seen = new Set();
    const indexes = new Set();
    let extraIndexes = false;
    const addGit = (url, name) => {
        const git = pinnedGit(url);
        if (!git || !name)
            return false;
        const key = `${(0,purl/* pep503 */.g9)(name)}@${git.commit}`;
        if (!packages.has(key)) {
            // No purl: without a version it would name PyPI's package (matchers drop qualifiers).
            packages.set(key, {
                key,
                ecosystem: 'pypi',
                name,
                version: '',
                properties: {
                    'build-artifact:python.vcs_url': (0,purl/* withoutSecrets */.cT)(git.vcsUrl),
                    'build-artifact:python.vcs_commit': git.commit,
                },
            });
        }
        return true;
    };
    const visit = (content, path, depth) => {
        if (depth > 32)
            throw (0,errors/* malformed */.Qm)(path, '-r includes nested too deeply');
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
                const m = /^(-r|--requirement|-c|--constraint|-e|--editable|-i|--index-url|--extra-index-url)(?:\s+|=)(\S+)/.exec(line);
                if (!m)
                    continue; // --hash-only lines and other pip options
                const opt = m[1];
                if (opt === '-i' || opt === '--index-url') {
                    indexes.add(m[2].replace(/\/?$/, '/'));
                    continue;
                }
                if (opt === '--extra-index-url') {
                    extraIndexes = true;
                    continue;
                }
                if (opt === '-r' || opt === '--requirement') {
                    const inc = (0,external_node_path_.resolve)((0,external_node_path_.dirname)(path), m[2]);
                    if (seen.has(inc))
                        continue;
                    visit(read(inc), inc, depth + 1);
                }
                else if (opt === '-e' || opt === '--editable') {
                    if (addGit(m[2], eggName(m[2])))
                        continue;
                    if (/^(git|hg|svn|bzr)\+|:\/\//.test(m[2])) {
                        warnings.push(`${path}:${start}: editable VCS requirement "${m[2]}" has no pinned version; left out`);
                        leftOut++;
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
            // A bare VCS URL (`git+https://host/repo@<commit>#egg=name`): REQ would read `git` as a name.
            if (/^(?:git|hg|svn|bzr)\+/i.test(spec.trim())) {
                if (addGit(spec.trim(), eggName(spec)))
                    continue;
                warnings.push(`${path}:${start}: VCS requirement "${spec.trim()}" is not pinned to a commit; left out`);
                leftOut++;
                continue;
            }
            const m = REQ.exec(spec.trim());
            if (!m) {
                if (addGit(spec.trim(), eggName(spec)))
                    continue;
                if (/^(\.|\/|[a-z]+:\/\/)/.test(spec)) {
                    warnings.push(`${path}:${start}: "${spec}" is a path or URL, not a pinned requirement; left out`);
                    leftOut++;
                    continue;
                }
                throw (0,errors/* malformed */.Qm)(path, `cannot parse requirement "${spec.slice(0, 80)}"`, start);
            }
            const [, name, extras, specifiers, url, marker] = m;
            const pins = (specifiers ?? '')
                .replace(/^\(|\)$/g, '')
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean);
            if (url !== undefined && pins.length === 0 && addGit(url, name))
                continue;
            const fromFile = url !== undefined && pins.length === 0 ? versionFromFileUrl(url, name) : undefined;
            const pin = fromFile ??
                (url === undefined && pins.length === 1
                    ? /^===?\s*([^*\s]+)$/.exec(pins[0])?.[1]
                    : undefined);
            if (pin === undefined) {
                warnings.push(`${path}:${start}: ${name}${pins.length ? ` ${pins.join(',')}` : ''}${url ? ` @ ${url}` : ''} is not pinned to one version; left out`);
                leftOut++;
                continue;
            }
            const key = `${(0,purl/* pep503 */.g9)(name)}@${pin}`;
            if (packages.has(key))
                continue;
            const pkg = {
                key,
                ecosystem: 'pypi',
                name: name,
                version: pin,
                purl: (0,purl/* pypiPurl */.iC)(name, pin, fromFile ? { download_url: url } : undefined),
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
        const n = (0,purl/* pep503 */.g9)(p.name);
        if (names.has(n) && names.get(n) !== p.version)
            warnings.push(`${file}: ${n} is pinned to both ${names.get(n)} and ${p.version}`);
        names.set(n, p.version);
    }
    // One index, and not PyPI: where every package came from (with extra indexes, any of them).
    const [index] = indexes;
    if (indexes.size === 1 && !extraIndexes && !PYPI_INDEX.test(index)) {
        for (const p of packages.values()) {
            if (!p.purl || p.purl.includes('download_url=') || p.purl.includes('vcs_url='))
                continue;
            p.purl = (0,purl/* pypiPurl */.iC)(p.name, p.version, { repository_url: index });
        }
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
    return isBerry(text) ? parseBerry(text, file) : parseYarnV1(text, file);
}
/** Whether a line starts with `__metadata:` (as /^__metadata:/m says, without trying every index). */
function isBerry(text) {
    for (let i = text.indexOf('__metadata:'); i >= 0; i = text.indexOf('__metadata:', i + 1)) {
        if (i === 0 || /[\n\r\u2028\u2029]/.test(text[i - 1]))
            return true;
    }
    return false;
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
                throw (0,errors/* malformed */.Qm)(file, `expected "<spec>:" but found "${line.slice(0, 60)}"`, i + 1);
            const specs = line
                .slice(0, -1)
                .split(/,\s*/)
                .map(unquote)
                .filter((s) => s !== '');
            if (specs.length === 0)
                throw (0,errors/* malformed */.Qm)(file, 'entry without a spec', i + 1);
            current = { specs, fields: {}, deps: {}, line: i + 1 };
            entries.push(current);
            section = undefined;
        }
        else if (!current) {
            throw (0,errors/* malformed */.Qm)(file, 'indented line outside an entry', i + 1);
        }
        else if (indent <= 2) {
            if (line.endsWith(':')) {
                section = line.slice(0, -1);
                continue;
            }
            section = undefined;
            const m = /^("(?:[^"\\]|\\.)*"|\S+)\s+(.+)$/.exec(line);
            if (!m)
                throw (0,errors/* malformed */.Qm)(file, `bad field "${line.slice(0, 60)}"`, i + 1);
            current.fields[unquote(m[1])] = unquote(m[2]);
        }
        else {
            if (section === undefined)
                throw (0,errors/* malformed */.Qm)(file, 'unexpected indentation', i + 1);
            if (section !== 'dependencies' && section !== 'optionalDependencies')
                continue;
            const m = /^("(?:[^"\\]|\\.)*"|\S+)\s+(.+)$/.exec(line);
            if (!m)
                throw (0,errors/* malformed */.Qm)(file, `bad dependency "${line.slice(0, 60)}"`, i + 1);
            current.deps[unquote(m[1])] = unquote(m[2]);
        }
    }
    const bySpec = new Map();
    const packages = new Map();
    const pending = [];
    for (const e of entries) {
        const version = e.fields.version;
        if (version === undefined)
            throw (0,errors/* malformed */.Qm)(file, `${e.specs[0]}: no version`, e.line);
        const [name0, range0] = splitSpec(e.specs[0]);
        const name = realName(name0, range0);
        const local = /^(file|link):/.test(range0);
        // What was asked for says whether it came from a registry: a semver range, a dist-tag or
        // `npm:` did, wherever `resolved` points (a mirror's URLs have any layout); a URL or a git
        // spec did not.
        const requested = range0.startsWith('npm:') || !/[:/]/.test(range0) ? 'registry' : 'url';
        const origin = local || requested === 'registry' ? undefined : jsOrigin(e.fields.resolved, true);
        // A git or URL package is another package than the registry's of that name and version.
        const key = `${name}@${version}${local ? `#${range0}` : originSuffix(origin)}`;
        let pkg = packages.get(key);
        if (!pkg) {
            pkg = {
                key,
                ecosystem: 'npm',
                name,
                version,
                purl: npmOriginPurl(name, version, origin),
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
/** `#<vcs_url>` or `#<download_url>`, to tell a package's key from the registry one's. */
function originSuffix(origin) {
    if (origin === undefined || origin === 'local')
        return '';
    return `#${'vcs_url' in origin ? origin.vcs_url : origin.download_url}`;
}
// The protocols of the project's own folders, at the start of a resolution's reference.
const LOCAL_PROTOCOL = /^(?:workspace|link|portal|file):/;
/** The origin of a berry resolution's reference (what follows `name@`). */
function berryOrigin(reference) {
    if (LOCAL_PROTOCOL.test(reference))
        return 'local';
    if (reference.startsWith('npm:'))
        return undefined;
    if (reference.startsWith('patch:')) {
        // `patch:<the patched package's locator, URL-encoded>#<patch files>`: a patched package
        // comes from where the package it patches comes from.
        const hash = reference.indexOf('#');
        let inner;
        try {
            inner = decodeURIComponent(reference.slice('patch:'.length, hash < 0 ? undefined : hash));
        }
        catch {
            return undefined;
        }
        const at = inner.indexOf('@', 1);
        return at > 0 ? berryOrigin(inner.slice(at + 1)) : undefined;
    }
    // `::` parameters (the locator a relative path is bound to) are Yarn's, not the source's.
    const params = reference.indexOf('::');
    return jsOrigin(params < 0 ? reference : reference.slice(0, params));
}
/**
 * Where Yarn bound a descriptor to the package that asked for it (`portal:./x::locator=…`, and
 * `?locator=…` before Yarn 3): the lockfile's key is bound, the dependency that asked is not.
 */
function boundAt(spec) {
    const at = spec.indexOf('::locator=');
    return at >= 0 ? at : spec.indexOf('?locator=');
}
/** The fields of a berry entry that say what it installs and what it depends on. */
const BERRY_FIELDS = new Set(['version', 'resolution', 'dependencies', 'optionalDependencies']);
const yarn_INDEX_LIKE = /^(?:0|[1-9][0-9]*)$/;
// A dependency line as Yarn writes it, read in place (sticky): a plain name (letters, digits,
// `-._`, no indicator first) or a double-quoted one, then a double-quoted value; neither with an
// escape or a control character, nothing after the value but the line's end.
const DEPENDENCY = /(?:([a-zA-Z0-9][a-zA-Z0-9._-]*)|"([^"\\\x00-\x1f]*)"): "([^"\\\x00-\x1f]*)"\r?$/my;
// An entry's key line: a double-quoted key (no escape, no control character) and its colon.
const ENTRY_KEY = /"([^"\\\x00-\x1f]*)":\r?$/my;
// `version` or `resolution` with a double-quoted value (no escape, no control character) or a
// plain one made of letters, digits and `._+-` (no indicator, space, comment or colon in it).
const SCALAR_FIELD = /(version|resolution): (?:"([^"\\\x00-\x1f]*)"|([A-Za-z0-9][A-Za-z0-9._+-]*))\r?$/my;
// The other fields Yarn writes, recognised without reading the line.
const SKIPPED = /(?:checksum|languageName|linkType|bin|conditions|peerDependencies|peerDependenciesMeta|dependenciesMeta):/y;
/**
 * Reads the entries of a berry lockfile as `parseYaml` would, but only the fields the inventory
 * uses (BERRY_FIELDS); the other fields (checksum, bin, peerDependencies, ...) are skipped
 * without building them, which is most of the file. The fields read go through the same scalar
 * and key rules as the YAML reader (`inlineValue`, `mappingKey`). Anything unusual (another
 * indentation, a nested value under a dependency, a duplicate key, a key JavaScript would
 * reorder) returns undefined, and the whole file goes to the YAML reader instead. Dependencies
 * come as Maps: as objects, thousands of them with different keys would make V8 build a hidden
 * class for each.
 */
function scanBerry(text) {
    const doc = new Map();
    let entry; // the entry being read; none in __metadata
    let fields = 0; // lines at indent 2 of the current top-level key
    let deps; // the dependency map being read
    let depsField; // its field name, until its first line creates it
    let mode = 'field'; // what deeper lines are
    let started = false;
    /** A new top-level key: an entry, or __metadata (skipped); false where the reader must decide. */
    const startEntry = (key) => {
        if (doc.has(key) || yarn_INDEX_LIKE.test(key))
            return false;
        started = true;
        fields = 0;
        mode = 'field';
        deps = undefined;
        if (key === '__metadata') {
            entry = undefined;
            mode = 'skip';
            fields = 1;
            return true;
        }
        entry = {};
        doc.set(key, entry);
        return true;
    };
    const n = text.length;
    try {
        for (let pos = 0; pos < n;) {
            let end = text.indexOf('\n', pos);
            if (end < 0)
                end = n;
            const next = end + 1;
            let i = pos;
            while (text.charCodeAt(i) === 32)
                i++;
            const indent = i - pos;
            pos = next;
            // Lines inside a skipped field, whatever they hold.
            if (indent > 2 && mode === 'skip')
                continue;
            const c = text.charCodeAt(i);
            // Blank lines and comments, as the YAML reader skips them.
            if (i >= end || c === 35 || (c === 13 && i === end - 1))
                continue;
            if (c === 9)
                return undefined;
            if (indent === 2 && entry !== undefined) {
                SKIPPED.lastIndex = i;
                if (SKIPPED.test(text)) {
                    // A field the inventory does not read (its key cannot be one it reads).
                    fields++;
                    mode = 'skip';
                    deps = undefined;
                    continue;
                }
                SCALAR_FIELD.lastIndex = i;
                const m = SCALAR_FIELD.exec(text);
                if (m !== null) {
                    // `version: 1.2.3` or `resolution: "name@npm:1.2.3"` as Yarn writes them: what the
                    // YAML reader gives (a plain scalar through the same typing), without its steps.
                    const key = m[1];
                    if (Object.hasOwn(entry, key))
                        return undefined;
                    fields++;
                    deps = undefined;
                    mode = 'scalar';
                    depsField = undefined;
                    entry[key] = m[2] ?? plainScalar(m[3]);
                    continue;
                }
            }
            if (indent === 4 && mode === 'deps' && deps !== undefined) {
                DEPENDENCY.lastIndex = i;
                const m = DEPENDENCY.exec(text);
                if (m !== null) {
                    // `name: "value"` or `"@scope/name": "value"` without escapes: what the YAML reader
                    // gives, without its steps.
                    const name = m[1] ?? m[2];
                    if (deps.has(name) || yarn_INDEX_LIKE.test(name))
                        return undefined;
                    deps.set(name, m[3]);
                    continue;
                }
            }
            if (indent === 0) {
                ENTRY_KEY.lastIndex = i;
                const m = ENTRY_KEY.exec(text);
                if (m !== null) {
                    // `"name@npm:^1, name@npm:^1.2":` as Yarn writes it (no escape): the YAML reader's key.
                    if (started && entry !== undefined && fields === 0)
                        return undefined; // a null entry
                    if (!startEntry(m[1]))
                        return undefined;
                    continue;
                }
            }
            const body = text.slice(i, end).trimEnd();
            if (body === '')
                continue;
            if (indent === 0) {
                if (started && entry !== undefined && fields === 0)
                    return undefined; // a null entry
                if (body.startsWith('---') || body === '...')
                    return undefined;
                const [key, at] = mappingKey(body);
                const rest = body.slice(at).trim();
                if (rest !== '' && !rest.startsWith('#'))
                    return undefined;
                if (!startEntry(key))
                    return undefined;
                continue;
            }
            if (!started)
                return undefined;
            if (indent === 2 && entry === undefined)
                continue; // __metadata's own fields
            if (indent === 2) {
                fields++;
                const [key, at] = mappingKey(body);
                const rest = body.slice(at).trim();
                const wanted = BERRY_FIELDS.has(key);
                if (wanted && Object.hasOwn(entry, key))
                    return undefined;
                deps = undefined;
                if (rest === '' || rest.startsWith('#')) {
                    // A nested block (or null when nothing deeper follows).
                    if (!wanted) {
                        mode = 'skip';
                        continue;
                    }
                    entry[key] = null;
                    mode = key === 'dependencies' || key === 'optionalDependencies' ? 'deps' : 'scalar';
                    depsField = key;
                    continue;
                }
                if (body.charCodeAt(at) !== 32)
                    return undefined;
                mode = wanted ? 'scalar' : 'skip';
                if (wanted) {
                    entry[key] = inlineValue(rest);
                    depsField = undefined;
                }
                continue;
            }
            // Deeper lines.
            if (mode === 'skip')
                continue;
            if (mode !== 'deps' || indent !== 4)
                return undefined;
            if (deps === undefined) {
                if (body === '-' || body.startsWith('- '))
                    return undefined;
                deps = new Map();
                entry[depsField] = deps;
            }
            const [name, at] = mappingKey(body);
            const rest = body.slice(at).trim();
            if (rest === '' || rest.startsWith('#') || body.charCodeAt(at) !== 32)
                return undefined;
            if (deps.has(name) || yarn_INDEX_LIKE.test(name))
                return undefined;
            deps.set(name, inlineValue(rest));
            // The next line must not be deeper than this one (no multi-line value).
        }
    }
    catch (err) {
        if (err instanceof Unsupported)
            return undefined;
        throw err;
    }
    if (!started || (entry !== undefined && fields === 0))
        return undefined;
    return doc;
}
/**
 * The packages of berry's entry keys (`name@range` specs), found by name and range: what a map
 * of the whole `${name}@${range}` strings gives, without writing such a string for each of the
 * tens of thousands of lookups. Specs with no `@` after their first character cannot be split
 * that way and stay whole (a lookup reaches them only through an unusual name).
 */
class SpecMap {
    byName = new Map();
    whole = new Map();
    set(spec, pkg) {
        const at = spec.indexOf('@', 1);
        if (at < 0) {
            this.whole.set(spec, pkg);
            return;
        }
        const name = spec.slice(0, at);
        let ranges = this.byName.get(name);
        if (!ranges) {
            ranges = new Map();
            this.byName.set(name, ranges);
        }
        ranges.set(spec.slice(at + 1), pkg);
    }
    /** The package of the spec `${name}@${range}`. */
    lookup(name, range) {
        // The `@` joining them is the spec's first after its first character.
        if (name !== '' && name.indexOf('@', 1) < 0)
            return this.byName.get(name)?.get(range);
        const spec = `${name}@${range}`;
        const at = spec.indexOf('@', 1);
        if (at < 0)
            return this.whole.get(spec);
        return this.byName.get(spec.slice(0, at))?.get(spec.slice(at + 1));
    }
}
function parseBerry(text, file) {
    let entries = scanBerry(text);
    if (entries === undefined) {
        const doc = parseYaml(text, file);
        if (!isRecord(doc))
            throw (0,errors/* malformed */.Qm)(file, 'not a YAML mapping');
        entries = Object.entries(doc);
    }
    const bySpec = new SpecMap();
    // Bound specs without their binding (null where two packages share one).
    const unbound = new Map();
    const addSpec = (spec, pkg) => {
        bySpec.set(spec, pkg);
        const at = spec.indexOf('locator=') < 0 ? -1 : boundAt(spec);
        if (at < 0)
            return;
        const plain = spec.slice(0, at);
        const seen = unbound.get(plain);
        unbound.set(plain, seen === undefined || seen === pkg ? pkg : null);
    };
    /** The package of a dependency Yarn bound to the package that asked for it. */
    const boundLookup = (parent, name, range) => {
        const params = `locator=${encodeURIComponent(parent)}`;
        // A bare path is a `file:` range, which Yarn writes so in the key.
        const ranges = /^\.{0,2}\//.test(range) ? [range, `file:${range}`] : [range];
        for (const r of ranges) {
            const hit = bySpec.lookup(name, `${r}::${params}`) ??
                bySpec.lookup(name, `${r}?${params}`) ??
                unbound.get(`${name}@${r}`);
            if (hit)
                return hit;
        }
        return undefined;
    };
    const packages = new Map();
    const pending = [];
    for (const [keys, raw] of entries) {
        if (keys === '__metadata')
            continue;
        if (!isRecord(raw))
            throw (0,errors/* malformed */.Qm)(file, `"${keys}" is not a mapping`);
        const resolution = str(raw.resolution);
        const version = raw.version === undefined ? undefined : toText(raw.version);
        if (!resolution || version === undefined)
            throw (0,errors/* malformed */.Qm)(file, `"${keys}": no resolution or version`);
        // `name@range`, the name possibly scoped (splitSpec, without its array).
        const at = resolution.indexOf('@', 1);
        // A patched package is still that package: same purl, so it merges with the unpatched one.
        const name = at > 0 ? resolution.slice(0, at) : resolution;
        let pkg = packages.get(resolution);
        if (!pkg) {
            // Registry packages (most of them) need no look at their reference.
            const origin = at > 0 && !resolution.startsWith('npm:', at + 1)
                ? berryOrigin(resolution.slice(at + 1))
                : undefined;
            // Workspaces, links, portals and files are the project's own folders.
            const local = origin === 'local';
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
                pkg.purl = npmOriginPurl(name, version, origin);
            }
            // Berry's checksum is over Yarn's repacked zip, not the npm tarball: not a package hash.
            packages.set(resolution, pkg);
        }
        // Most keys are one spec: no need to split them.
        if (keys.indexOf(',') < 0)
            addSpec(keys.trim(), pkg);
        else
            for (const s of keys.split(/,\s*/))
                addSpec(s.trim(), pkg);
        for (const deps of [raw.dependencies, raw.optionalDependencies]) {
            const entries = entriesOf(deps);
            if (entries)
                pending.push([pkg, entries]);
        }
    }
    for (const [pkg, deps] of pending) {
        const list = pkg.dependencies;
        for (const [n, r] of deps) {
            const range = toText(r);
            const hit = bySpec.lookup(n, range) ?? (unbound.size > 0 ? boundLookup(pkg.key, n, range) : undefined);
            if (hit && hit !== pkg && !list.includes(hit.key))
                list.push(hit.key);
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







/** Parses a lockfile's text with the parser of its kind. */
function parseLockfile(kind, text, file, read) {
    switch (kind) {
        case 'cargo':
            return parseCargoLock(text, file);
        case 'gomod':
            return parseGoModWithSum(text, file, read);
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
;// CONCATENATED MODULE: ./packages/sbom/dist/inventory.js





const MAX_LOCKFILE_BYTES = 256 * 1024 * 1024;
/**
 * A lockfile or a file it names (go.sum beside go.mod, a requirements file's `-r` include): a
 * regular file of at most 256 MiB, read without waiting on a FIFO or a device of that name.
 */
function readText(path) {
    try {
        return (0,dist.readRegularFileTextSync)(path, { maxBytes: MAX_LOCKFILE_BYTES, what: 'a lockfile' });
    }
    catch (err) {
        if (err instanceof dist.CoreError && err.code === 'FILE_TOO_LARGE') {
            throw new errors/* SbomError */.SP({
                code: 'LIMIT_EXCEEDED',
                file: path,
                message: 'larger than the 256 MiB a lockfile may be',
                cause: err,
            });
        }
        throw err;
    }
}
function readOptional(path) {
    try {
        return readText(path);
    }
    catch (err) {
        if (err instanceof dist.CoreError && err.code === 'FILE_NOT_FOUND')
            return undefined;
        throw err;
    }
}
const READ = { required: readText, optional: readOptional };
function kindOf(path) {
    const kind = lockfileKind(path);
    if (!kind)
        throw new errors/* SbomError */.SP({
            code: 'UNSUPPORTED_INPUT',
            file: path,
            message: 'not a supported lockfile',
        });
    return kind;
}
/** Parses one lockfile, by its name. */
async function inventoryFromLockfile(path) {
    const kind = kindOf(path);
    const text = readText(path);
    try {
        return parseLockfile(kind, text, path, READ);
    }
    catch (err) {
        // A YAML file outside the fast reader's subset, in a bundle: load the full parser, again.
        if (!(err instanceof YamlParserNeeded))
            throw err;
        await loadYamlParser();
        return parseLockfile(kind, text, path, READ);
    }
}
//# sourceMappingURL=inventory.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/spdx.js






/** CycloneDX hash names to SPDX checksum algorithms: the same hashes, other spellings. */
const CHECKSUM_ALGORITHM = {
    'SHA-1': 'SHA1',
    'SHA-256': 'SHA256',
    'SHA-384': 'SHA384',
    'SHA-512': 'SHA512',
};
const CREATOR = `Tool: ${TOOL_NAME}-${VERSION}`;
const ZERO_UUID = '00000000-0000-0000-0000-000000000000';
/** An SPDX identifier's `[idstring]`: letters, digits, `.` and `-` only. */
function idString(text) {
    return text.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'unnamed';
}
/** `YYYY-MM-DDThh:mm:ssZ`, the only form SPDX accepts (no fraction of a second). */
function spdxDate(date) {
    const iso = date.toISOString();
    if (!/^\d{4}-/.test(iso)) {
        throw new errors/* SbomError */.SP({
            code: 'UNSUPPORTED_INPUT',
            message: `the time ${iso} has no four-digit year, which SPDX needs (SOURCE_DATE_EPOCH too large?)`,
        });
    }
    return `${iso.slice(0, 19)}Z`;
}
/**
 * Writes the graph as an SPDX 2.3 JSON document: one package per graph node, with its purl as a
 * `PACKAGE-MANAGER` external reference and its hashes as checksums; the document DESCRIBES the
 * root; an assembly CONTAINS its packages and the assemblies nested in it (a Rust binary its wasm
 * module, the module its Go modules); the inputs' edges are DEPENDS_ON (DEPENDS_ON NONE where the
 * edges are known and there are none, as CycloneDX lists a leaf). What SPDX 2.3 has no field
 * for (a dev-only or optional scope, the properties of the CycloneDX output) is kept as annotations
 * `name=value` by this tool. Every list is sorted by code point, so the same input gives the same
 * bytes; with `sourceDateEpoch` the namespace is derived from the content.
 */
function buildSpdx(root, options = {}) {
    const graph = buildGraph(root);
    const created = spdxDate(options.sourceDateEpoch === undefined ? new Date() : new Date(options.sourceDateEpoch * 1000));
    // Identifiers from what each node is, made unique in the order of the (unique) refs.
    const ids = new Map();
    const used = new Set(['SPDXRef-DOCUMENT']);
    const ordered = sortByKey([...graph.nodes.values()], (n) => n.ref);
    for (const node of ordered) {
        const want = node.kind === 'assembly'
            ? `SPDXRef-Application-${idString(node.name)}`
            : `SPDXRef-Package-${node.ecosystem}-${idString(node.name)}${node.version ? `-${idString(node.version)}` : ''}`;
        let id = want;
        for (let i = 2; used.has(id); i++)
            id = `${want}-${i}`;
        used.add(id);
        ids.set(node, id);
    }
    const packages = sortByKey(ordered.map((node) => spdxPackage(node, ids.get(node), created)), (p) => p.SPDXID);
    // Relationships in order of (element, type, related element), written in that order rather
    // than sorted afterwards: identifiers are ASCII, so `<` is code point order; by element, then
    // CONTAINS before DEPENDS_ON before DESCRIBES (the document's only one, the root).
    const idOfRef = (ref) => ids.get(graph.nodes.get(ref));
    const fromNode = new Map();
    for (const [node, id] of ids)
        fromNode.set(id, node);
    const relationships = [];
    const push = (from, type, to) => {
        for (const related of to.sort())
            relationships.push({
                spdxElementId: from,
                relationshipType: type,
                relatedSpdxElement: related,
            });
    };
    for (const from of [...fromNode.keys(), 'SPDXRef-DOCUMENT'].sort()) {
        const node = fromNode.get(from);
        if (node === undefined) {
            push(from, 'DESCRIBES', [ids.get(graph.root)]);
            continue;
        }
        push(from, 'CONTAINS', [...(node.members ?? []), ...(node.children ?? [])].map((part) => ids.get(part)));
        // Edges known, and there are none (a leaf of a lockfile's graph): NONE says so (SPDX 2.3,
        // 11.1), where no relationship at all would assert nothing.
        if (node.deps !== undefined)
            push(from, 'DEPENDS_ON', node.deps.size > 0 ? [...node.deps].map(idOfRef) : ['NONE']);
    }
    const doc = {
        spdxVersion: 'SPDX-2.3',
        dataLicense: 'CC0-1.0',
        SPDXID: 'SPDXRef-DOCUMENT',
        name: graph.root.name,
        documentNamespace: '',
        creationInfo: { created, creators: [CREATOR] },
        packages,
        relationships,
    };
    // A unique absolute URI without a `#` part (SPDX 2.3, 6.5), in the form the spec suggests for
    // creators without a site of their own. Reproducible: the UUID is the SHA-256 of the document
    // as written with a zero UUID, which is then put in its place (same length, one key of that
    // name): one serialisation of the document, not two.
    const prefix = `https://spdx.org/spdxdocs/${idString(doc.name)}-`;
    doc.documentNamespace = `${prefix}${ZERO_UUID}`;
    const bom = doc;
    let json = documentJson(bom);
    const uuid = options.sourceDateEpoch === undefined ? randomUuid() : contentUuid(json);
    const placeholder = `"documentNamespace": ${JSON.stringify(doc.documentNamespace)}`;
    doc.documentNamespace = `${prefix}${uuid}`;
    json = json.replace(placeholder, () => `"documentNamespace": ${JSON.stringify(doc.documentNamespace)}`);
    return {
        format: 'spdx-json',
        bom,
        json,
        componentCount: graph.componentCount,
        ecosystems: graph.ecosystems,
    };
}
function spdxPackage(node, id, created) {
    const pkg = {
        SPDXID: id,
        name: node.name,
        downloadLocation: 'NOASSERTION',
        filesAnalyzed: false,
        primaryPackagePurpose: node.kind === 'package'
            ? node.firstParty
                ? 'APPLICATION'
                : 'LIBRARY'
            : node.assemblyType === 'application'
                ? 'APPLICATION'
                : node.assemblyType === 'file'
                    ? 'FILE'
                    : 'LIBRARY',
    };
    if (node.version)
        pkg.versionInfo = node.version;
    if (node.hashes.length > 0) {
        // One value per algorithm, the last given winning, as in the CycloneDX output.
        const byAlg = new Map();
        for (const h of node.hashes)
            byAlg.set(CHECKSUM_ALGORITHM[h.alg], h.content);
        pkg.checksums = [...byAlg]
            .map(([algorithm, checksumValue]) => ({ algorithm, checksumValue }))
            .sort((a, b) => byCodePoints(a.algorithm, b.algorithm));
    }
    if (node.purl) {
        pkg.externalRefs = [
            { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: node.purl },
        ];
    }
    const notes = [];
    if (node.scope)
        notes.push(`build-artifact:scope=${node.scope}`);
    for (const [name, value] of Object.entries(node.properties ?? {}))
        notes.push(`${name}=${value}`);
    if (notes.length > 0) {
        pkg.annotations = notes.sort(byCodePoints).map((comment) => ({
            annotationDate: created,
            annotationType: 'OTHER',
            annotator: CREATOR,
            comment,
        }));
    }
    return pkg;
}
//# sourceMappingURL=spdx.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/generate.js









/** The lockfiles below a directory, in sorted order, the skipped folders left out. */
async function findLockfiles(dir) {
    const found = await (0,dist.walkDirectory)(dir, SKIP_DIRS, (name) => lockfileKind(name) !== undefined);
    // npm ignores package-lock.json when npm-shrinkwrap.json sits beside it.
    const shrinkwrapDirs = new Set(found.filter((f) => (0,external_node_path_.basename)(f) === 'npm-shrinkwrap.json').map(external_node_path_.dirname));
    return found.filter((f) => !((0,external_node_path_.basename)(f) === 'package-lock.json' && shrinkwrapDirs.has((0,external_node_path_.dirname)(f))));
}
/**
 * One SBOM, CycloneDX (the default) or SPDX 2.3 as `options.format` says, for any mix of
 * directories (every lockfile in them), lockfiles and binaries (ELF, Mach-O, PE, wasm). Several
 * paths merge into one document.
 */
async function generateSbom(paths, options = {}) {
    const format = options.format ?? dist.DEFAULT_SBOM_FORMAT;
    if (!(0,dist.isSbomFormat)(format)) {
        throw new errors/* SbomError */.SP({
            code: 'UNSUPPORTED_INPUT',
            message: `unknown SBOM format "${String(format)}": ${Object.keys(dist.SBOM_FORMATS).join(' or ')}`,
        });
    }
    if (format !== 'cyclonedx-json' && options.specVersion !== undefined) {
        throw new errors/* SbomError */.SP({
            code: 'UNSUPPORTED_INPUT',
            message: `a CycloneDX spec version (${options.specVersion}) was given for ${format}`,
        });
    }
    if (paths.length === 0)
        throw new errors/* SbomError */.SP({ code: 'NO_INPUTS', message: 'no paths given' });
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
            throw (0,dist.fileError)(path, err);
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
                let inv;
                try {
                    inv = await inventoryFromLockfile(f);
                }
                catch (err) {
                    // `docs/hw_requirements.txt` may be prose: a file found only by the wide pattern
                    // (the word anywhere in its name) that does not parse is passed over, not fatal.
                    const wide = lockfileKind(f) === 'requirements' && !/^requirements/i.test((0,external_node_path_.basename)(f));
                    if (!wide || !(err instanceof errors/* SbomError */.SP) || err.code !== 'MALFORMED_LOCKFILE')
                        throw err;
                    progress({
                        step: 'sbom',
                        message: `${f}: not read as a requirements file (${err.message}); left out`,
                        level: 'warning',
                    });
                    continue;
                }
                // Paths in the BOM are relative to the argument, so the output does not depend on
                // where the tree sits on disk.
                inv.source = (0,external_node_path_.relative)(path, f).split(external_node_path_.sep).join('/');
                inventories.push(inv);
            }
            continue;
        }
        names.push((0,external_node_path_.basename)(path));
        if (lockfileKind(path)) {
            const inv = await inventoryFromLockfile(path);
            inv.source = (0,external_node_path_.basename)(path);
            inventories.push(inv);
            continue;
        }
        const manifest = MANIFESTS[(0,external_node_path_.basename)(path)];
        if (manifest) {
            throw new errors/* SbomError */.SP({
                code: 'UNSUPPORTED_INPUT',
                file: path,
                message: `a manifest, not a lockfile: give ${manifest} (or its directory)`,
            });
        }
        progress({ step: 'sbom', message: `${path}: reading as a binary`, level: 'debug' });
        // Loaded only for binaries: the object-file readers and zlib (cargo-auditable).
        const [{ inspectBinary }, { binaryAssembly }] = await Promise.all([
            Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 9663)),
            __webpack_require__.e(/* import() */ 66).then(__webpack_require__.bind(__webpack_require__, 29066)),
        ]);
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
    const epoch = options.sourceDateEpoch ?? (0,dist.sourceDateEpoch)(process.env);
    const times = epoch === undefined ? {} : { sourceDateEpoch: epoch };
    if (format === 'spdx-json')
        return buildSpdx(root, times);
    return buildBom(root, { specVersion: options.specVersion ?? '1.6', ...times });
}
//# sourceMappingURL=generate.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/index.js























//# sourceMappingURL=index.js.map

/***/ }),

/***/ 12923:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   NP: () => (/* binding */ npmPurl),
/* harmony export */   av: () => (/* binding */ golangPurl),
/* harmony export */   cT: () => (/* binding */ withoutSecrets),
/* harmony export */   eT: () => (/* binding */ gitVcsUrl),
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
/**
 * A git source as the purl `vcs_url` qualifier writes it: `git+<url>@<commit>`. Lockfiles write
 * theirs otherwise (Cargo and uv: `git+https://host/repo?rev=main#<commit>`): the query says how
 * the revision was asked for and goes; the fragment is the commit it resolved to, which a `#`
 * would make a sub-path in a vcs_url, so it goes after `@`. `revision` wins over the fragment.
 */
function gitVcsUrl(url, revision) {
    let base = /^git\+/i.test(url) ? url : `git+${url}`;
    let fragment;
    const hash = base.indexOf('#');
    if (hash >= 0) {
        fragment = base.slice(hash + 1) || undefined;
        base = base.slice(0, hash);
    }
    const query = base.indexOf('?');
    if (query >= 0)
        base = base.slice(0, query);
    const rev = revision || fragment;
    return rev ? `${base}@${rev}` : base;
}
function npmPurl(name, version, qualifiers) {
    const slash = name.startsWith('@') ? name.indexOf('/') : -1;
    const namespace = slash > 0 ? name.slice(0, slash) : undefined;
    const base = slash > 0 ? name.slice(slash + 1) : name;
    // The npm type is case-insensitive: lower case is canonical.
    return purl('npm', namespace?.toLowerCase(), base.toLowerCase(), version, qualifiers);
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
            const lower = key.toLowerCase();
            // Trimmed again after the secrets go: `x ?token=...` leaves `x `.
            const trimmed = URL_QUALIFIERS.has(lower)
                ? withoutSecrets(value.trim()).trim()
                : value.trim();
            if (trimmed !== '')
                byKey.set(lower, trimmed);
        }
        if (byKey.size > 0) {
            const pairs = [...byKey].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
            out += `?${pairs.map(([k, v]) => `${formEncode(k)}=${formEncode(v)}`).join('&')}`;
        }
    }
    return out;
}
/** The qualifiers that hold a URL, which lockfiles may have written with credentials in it. */
const URL_QUALIFIERS = new Set(['vcs_url', 'download_url', 'repository_url']);
/** Query parameters that are credentials: signed URLs (S3, GCS, Azure SAS) and access tokens. */
const SECRET_PARAMETER = /^(?:x-amz-[a-z-]+|x-goog-[a-z-]+|sig|signature|se|sp|sv|st|skoid|sktid|token|access_token|private_token|auth|password|secret)$/i;
/**
 * A URL as a BOM may show it: a lockfile or requirements file can carry the credentials it was
 * fetched with (`https://user:token@host`, `https://ghp_…@github.com`, a signed query), and a
 * BOM is published. A password or an https user (often a token) goes; an ssh user without a
 * password (`git@`) names the account to connect as and stays.
 */
function withoutSecrets(url) {
    let out = url;
    const userinfo = /^((?:[a-z][a-z0-9+.-]*\+)?([a-z][a-z0-9+.-]*):\/\/)([^/?#@]*)@/i.exec(out);
    if (userinfo) {
        const [whole, scheme, transport, user] = userinfo;
        const keep = transport.toLowerCase() === 'ssh' && !user.includes(':') && !user.includes('$');
        out = `${scheme}${keep ? `${user}@` : ''}${out.slice(whole.length)}`;
    }
    else {
        // scp-like `user:password@host:path`: the password goes.
        out = out.replace(/^([^/@:]+):[^/@]*@(?=[^/]+:)/, '$1@');
    }
    const query = out.indexOf('?');
    if (query < 0)
        return out;
    const hash = out.indexOf('#', query);
    const end = hash < 0 ? out.length : hash;
    const kept = out
        .slice(query + 1, end)
        .split('&')
        .filter((pair) => pair !== '' && !SECRET_PARAMETER.test(decodeSafe(pair.split('=')[0])));
    return `${out.slice(0, query)}${kept.length > 0 ? `?${kept.join('&')}` : ''}${out.slice(end)}`;
}
function decodeSafe(text) {
    try {
        return decodeURIComponent(text);
    }
    catch {
        return text;
    }
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
