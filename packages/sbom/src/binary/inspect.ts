import { createHash } from 'node:crypto';
import {
  CoreError,
  readRegularFile,
  WASM_COMPONENT_HEADER,
  WASM_MODULE_HEADER,
} from '@build-artifact/core';
import { SbomError } from '../errors.js';
import type { BinaryFormat, BinaryInfo, GoBuildInfo } from '../model.js';
import { AuditableError, decodeDepV0, MAX_AUDIT_JSON_TOTAL } from './auditable.js';
import { findGoVersion, findModinfo, findRuntimeVersion } from './gobuildinfo.js';
import { detectFormat, readObjectFile, SectionError, sectionRange } from './objfile.js';
import { CORE_VERSION, parseProducers, walkWasm } from './wasm.js';

/** Binaries are read whole; past this we refuse rather than exhaust memory. */
export const MAX_BINARY_SIZE = 1024 * 1024 * 1024;
const MAX_EMBEDDED_CANDIDATES = 64;
const MAX_DEPTH = 4;
/** What a search for embedded modules may walk and validate beyond a multiple of the file. */
const SEARCH_SECTIONS_BASE = 1 << 16;
const SEARCH_VALIDATE_BASE = 64 * 1024 * 1024;

// Node has WebAssembly; the ES2023 lib without DOM does not declare it.
declare const WebAssembly: { validate(bytes: Uint8Array): boolean };

const sha = (alg: string, b: Uint8Array) => createHash(alg).update(b).digest('hex');

/**
 * Reads a binary (a regular file of up to 1 GiB: a FIFO or a device is refused, not waited on)
 * and inspects it.
 */
export async function inspectBinary(path: string): Promise<BinaryInfo> {
  let buf: Buffer;
  try {
    buf = await readRegularFile(path, { maxBytes: MAX_BINARY_SIZE, what: 'a binary' });
  } catch (err) {
    if (err instanceof CoreError && err.code === 'FILE_TOO_LARGE') {
      throw new SbomError({
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
export class WorkLimitError extends Error {}

/** What one file may still spend: the `.dep-v0` sections share one inflate budget. */
interface Budget {
  inflate: { left: number };
}

/**
 * What a binary says about its build: Go build info (ELF, Mach-O, PE and wasm), cargo-auditable
 * `.dep-v0`, the wasm `producers` section, and wasm modules embedded in it (as nested results).
 */
export function inspectBytes(buf: Buffer, file: string): BinaryInfo {
  const format = detectFormat(buf);
  if (!format) {
    throw new SbomError({
      code: 'UNSUPPORTED_INPUT',
      file,
      message: 'not an ELF, Mach-O, PE or wasm file, nor a known lockfile',
    });
  }
  try {
    const budget: Budget = { inflate: { left: MAX_AUDIT_JSON_TOTAL } };
    return inspectAt(buf, 0, buf.length, format, 0, budget);
  } catch (err) {
    if (err instanceof SbomError) throw err;
    if (err instanceof AuditableError || err instanceof WorkLimitError) {
      const limit = err instanceof WorkLimitError || err.limit;
      throw new SbomError({
        code: limit ? 'LIMIT_EXCEEDED' : 'MALFORMED_BINARY',
        file,
        message: err.message,
        cause: err,
      });
    }
    if (err instanceof RangeError || err instanceof SectionError) {
      throw new SbomError({
        code: 'MALFORMED_BINARY',
        file,
        message: `malformed ${format}: ${err.message}`,
        cause: err,
      });
    }
    throw err;
  }
}

function inspectAt(
  buf: Buffer,
  start: number,
  end: number,
  format: BinaryFormat,
  depth: number,
  budget: Budget,
): BinaryInfo {
  const bytes = buf.subarray(start, end);
  const info: BinaryInfo = {
    format,
    size: bytes.length,
    sha256: sha('sha256', bytes),
    embedded: [],
  };
  if (depth === 0) info.sha512 = sha('sha512', bytes);
  if (format === 'wasm' || format === 'wasm-component') {
    inspectWasm(buf, start, end, info, 0, budget);
    return info;
  }
  // A native binary: first find embedded wasm modules, so their Go build info is theirs.
  const ranges: [number, number][] = [];
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
  const go: GoBuildInfo = modinfo ? { ...modinfo } : { deps: [], settings: {} };
  const header = findGoVersion(bytes, ranges, obj);
  if (header) {
    go.goVersion = header;
    go.goVersionSource = 'buildinfo';
  } else if (obj) {
    const runtime = findRuntimeVersion(bytes, obj, ranges, modinfo !== undefined);
    if (runtime) {
      go.goVersion = runtime.version;
      go.goVersionSource = runtime.source;
    }
  }
  if (modinfo || go.goVersion) info.go = go;
  const dep = obj && sectionRange(obj, bytes, '.dep-v0');
  if (dep) info.auditable = decodeDepV0(bytes.subarray(dep[0], dep[1]), budget.inflate);
  return info;
}

function inspectWasm(
  buf: Buffer,
  start: number,
  end: number,
  info: BinaryInfo,
  depth: number,
  budget: Budget,
): void {
  const kind = CORE_VERSION.equals(buf.subarray(start + 4, start + 8)) ? 'module' : 'component';
  const walk = walkWasm(
    buf,
    start,
    end,
    true,
    (s) => {
      if (kind === 'module') {
        if (s.id === 0 && s.name === 'producers' && !info.producers) {
          info.producers = parseProducers(buf, s.start, s.end);
        } else if (s.id === 0 && s.name === '.dep-v0' && !info.auditable) {
          info.auditable = decodeDepV0(buf.subarray(s.start, s.end), budget.inflate);
        } else if (s.id === 11 && !info.go) {
          const modinfo = findModinfo(buf, s.start, s.end);
          if (modinfo) info.go = { ...modinfo };
        }
      } else if ((s.id === 1 || s.id === 4) && depth < MAX_DEPTH) {
        // A component's core modules (1) and nested components (4): read what they carry.
        const inner: BinaryInfo = {
          format: s.id === 1 ? 'wasm' : 'wasm-component',
          size: s.end - s.start,
          sha256: sha('sha256', buf.subarray(s.start, s.end)),
          embedded: [],
          offset: s.start - start,
        };
        inspectWasm(buf, s.start, s.end, inner, depth + 1, budget);
        if (inner.go || inner.auditable || inner.producers || inner.embedded.length)
          info.embedded.push(inner);
      } else if (s.id === 0 && s.name === 'producers' && !info.producers) {
        info.producers = parseProducers(buf, s.start, s.end);
      }
    },
    { filter: kind === 'module' ? MODULE_SECTIONS : COMPONENT_SECTIONS },
  );
  if (info.go) {
    const lang = info.producers?.language?.Go;
    if (lang) {
      info.go.goVersion = lang;
      info.go.goVersionSource = 'producers';
    }
  }
  if (walk.end !== end) throw new RangeError('trailing bytes after the last section');
}

/** The 4-byte magic both core modules and components start with. */
const WASM_MAGIC = Buffer.from(WASM_MODULE_HEADER.subarray(0, 4));

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
export function findEmbeddedWasm(
  buf: Buffer,
  start: number,
  end: number,
): { start: number; end: number; format: BinaryFormat }[] {
  // The search sees the bytes up to `end` only.
  const view = buf.subarray(0, end);
  // Each section is at least two bytes: honest files walk fewer sections than half their size.
  let sectionsLeft = SEARCH_SECTIONS_BASE + Math.floor((end - start) / 2);
  let validateLeft = SEARCH_VALIDATE_BASE + 2 * (end - start);
  const found: { start: number; end: number; format: BinaryFormat }[] = [];
  let validated = 0;
  let candidates = 0;
  for (
    let at = view.indexOf(WASM_MAGIC, start);
    at >= 0 && at + 8 <= end;
    at = view.indexOf(WASM_MAGIC, at + 1)
  ) {
    // Candidates: the 8-byte magic and version of a core module or a component.
    const isCore = CORE_VERSION.equals(buf.subarray(at + 4, at + 8));
    if (!isCore && !buf.subarray(at, at + 8).equals(WASM_COMPONENT_HEADER)) continue;
    if (++candidates > 8 * MAX_EMBEDDED_CANDIDATES) break;
    const walk = walkWasm(buf, at, end, false, undefined, { maxSections: sectionsLeft + 1 });
    sectionsLeft -= walk.sections;
    if (walk.stoppedAtMax || sectionsLeft < 0) {
      throw new WorkLimitError(
        `more wasm sections to walk than a file of ${end - start} bytes can hold: overlapping module candidates`,
      );
    }
    // Something worth calling a module: code (core) or a core module inside (component).
    if ((walk.ids & (1 << (isCore ? 10 : 1))) === 0) continue;
    if (isCore) {
      // Validation costs time in proportion to the module: bounded in number and in bytes.
      if (++validated > MAX_EMBEDDED_CANDIDATES) break;
      validateLeft -= walk.end - at;
      if (validateLeft < 0) {
        throw new WorkLimitError(
          `more wasm bytes to validate than a file of ${end - start} bytes can hold: overlapping module candidates`,
        );
      }
      if (!WebAssembly.validate(buf.subarray(at, walk.end))) continue;
    }
    found.push({ start: at, end: walk.end, format: isCore ? 'wasm' : 'wasm-component' });
    // The next candidate starts after this module: nothing inside it is searched.
    at = walk.end - 1;
  }
  return found;
}
