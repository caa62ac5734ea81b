import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { fileError } from '@build-artifact/core';
import { SbomError } from '../errors.js';
import type { BinaryFormat, BinaryInfo, GoBuildInfo } from '../model.js';
import { AuditableError, decodeDepV0 } from './auditable.js';
import { findGoVersion, findModinfo } from './gobuildinfo.js';
import { detectFormat, findSection, SectionError } from './objfile.js';
import { COMPONENT_VERSION, CORE_VERSION, parseProducers, WASM_MAGIC, walkWasm } from './wasm.js';

/** Binaries are read whole; past this we refuse rather than exhaust memory. */
export const MAX_BINARY_SIZE = 1024 * 1024 * 1024;
const MAX_EMBEDDED_CANDIDATES = 64;
const MAX_DEPTH = 4;

// Node has WebAssembly; the ES2023 lib without DOM does not declare it.
declare const WebAssembly: { validate(bytes: Uint8Array): boolean };

const sha = (alg: string, b: Uint8Array) => createHash(alg).update(b).digest('hex');

/** Reads a binary (up to 1 GiB) and inspects it. */
export async function inspectBinary(path: string): Promise<BinaryInfo> {
  let buf: Buffer;
  try {
    const fh = await open(path, 'r');
    try {
      const { size } = await fh.stat();
      if (size > MAX_BINARY_SIZE) {
        throw new SbomError({
          code: 'LIMIT_EXCEEDED',
          file: path,
          message: `larger than ${MAX_BINARY_SIZE} bytes`,
        });
      }
      buf = Buffer.alloc(size);
      let done = 0;
      while (done < size) {
        const { bytesRead } = await fh.read(buf, done, size - done, done);
        if (bytesRead === 0) break;
        done += bytesRead;
      }
      buf = buf.subarray(0, done);
    } finally {
      await fh.close();
    }
  } catch (err) {
    if (err instanceof SbomError) throw err;
    throw fileError(path, err);
  }
  return inspectBytes(buf, path);
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
    return inspectAt(buf, 0, buf.length, format, file, 0, true);
  } catch (err) {
    if (err instanceof SbomError) throw err;
    if (err instanceof AuditableError) {
      throw new SbomError({
        code: err.limit ? 'LIMIT_EXCEEDED' : 'MALFORMED_BINARY',
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
  file: string,
  depth: number,
  strict: boolean,
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
    inspectWasm(buf, start, end, info, strict, 0);
    return info;
  }
  // A native binary: first find embedded wasm modules, so their Go build info is theirs.
  const ranges: [number, number][] = [];
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
    const go: GoBuildInfo = { ...modinfo };
    const v = findGoVersion(
      bytes,
      ranges.map(([a, b]) => [a - start, b - start]),
    );
    if (v) go.goVersion = v;
    info.go = go;
  }
  const dep = findSection(bytes, format, '.dep-v0');
  if (dep) info.auditable = decodeDepV0(bytes.subarray(dep[0], dep[1]));
  return info;
}

function inspectWasm(
  buf: Buffer,
  start: number,
  end: number,
  info: BinaryInfo,
  strict: boolean,
  depth: number,
): void {
  const walk = walkWasm(buf, start, end, strict);
  const ranges: [number, number][] = [];
  for (const s of walk.sections) {
    if (walk.kind === 'module') {
      if (s.id === 0 && s.name === 'producers' && !info.producers) {
        info.producers = parseProducers(buf, s.start, s.end);
      } else if (s.id === 0 && s.name === '.dep-v0' && !info.auditable) {
        info.auditable = decodeDepV0(buf.subarray(s.start, s.end));
      } else if (s.id === 11 && !info.go) {
        const modinfo = findModinfo(buf, s.start, s.end);
        if (modinfo) info.go = { ...modinfo };
      }
    } else if ((s.id === 1 || s.id === 4) && depth < MAX_DEPTH) {
      // A component's core modules (1) and nested components (4): read what they carry.
      ranges.push([s.start, s.end]);
      const inner: BinaryInfo = {
        format: s.id === 1 ? 'wasm' : 'wasm-component',
        size: s.end - s.start,
        sha256: sha('sha256', buf.subarray(s.start, s.end)),
        embedded: [],
        offset: s.start - start,
      };
      inspectWasm(buf, s.start, s.end, inner, true, depth + 1);
      if (inner.go || inner.auditable || inner.producers || inner.embedded.length)
        info.embedded.push(inner);
    } else if (s.id === 0 && s.name === 'producers' && !info.producers) {
      info.producers = parseProducers(buf, s.start, s.end);
    }
  }
  if (info.go) {
    const lang = info.producers?.language?.Go;
    if (lang) info.go.goVersion = lang;
  }
  if (strict && walk.end !== end) throw new RangeError('trailing bytes after the last section');
}

/**
 * Finds wasm modules inside another file. A module has no length header, so its extent is found
 * by walking its sections from the magic, and a core module is then checked with
 * WebAssembly.validate (trailing custom-section-looking bytes are dropped until it validates).
 */
export function findEmbeddedWasm(
  buf: Buffer,
  start: number,
  end: number,
): { start: number; end: number; format: BinaryFormat }[] {
  // Candidates: the 8-byte magic and version of a core module or a component, in file order.
  const candidates: number[] = [];
  for (const head of [
    Buffer.concat([WASM_MAGIC, CORE_VERSION]),
    Buffer.concat([WASM_MAGIC, COMPONENT_VERSION]),
  ]) {
    for (
      let at = buf.indexOf(head, start);
      at >= 0 && at + 8 <= end;
      at = buf.indexOf(head, at + 1)
    ) {
      candidates.push(at);
      if (candidates.length > 4 * MAX_EMBEDDED_CANDIDATES) break;
    }
  }
  candidates.sort((a, b) => a - b);
  const found: { start: number; end: number; format: BinaryFormat }[] = [];
  let validated = 0;
  let after = start;
  for (const at of candidates) {
    if (at < after) continue; // inside a module already found
    const isCore = CORE_VERSION.equals(buf.subarray(at + 4, at + 8));
    let walk: ReturnType<typeof walkWasm>;
    try {
      walk = walkWasm(buf, at, end, false);
    } catch {
      continue;
    }
    // Something worth calling a module: code (core) or a core module inside (component).
    if (!walk.sections.some((s) => (isCore ? s.id === 10 : s.id === 1))) continue;
    // Validation costs time in proportion to the module: bounded in number.
    if (++validated > MAX_EMBEDDED_CANDIDATES) break;
    let extent: number | undefined = walk.end;
    if (isCore) {
      extent = undefined;
      const ends = [
        walk.end,
        ...walk.sections
          .map((s) => s.end)
          .reverse()
          .slice(1),
      ];
      const lastCode = walk.sections.findLast((s) => s.id !== 0)!.end;
      for (const e of ends) {
        if (e < lastCode) break;
        if (WebAssembly.validate(buf.subarray(at, e))) {
          extent = e;
          break;
        }
      }
    }
    if (extent === undefined) continue;
    found.push({ start: at, end: extent, format: isCore ? 'wasm' : 'wasm-component' });
    after = extent;
  }
  return found;
}
