import type { FileHandle } from 'node:fs/promises';
import {
  openRegularFile,
  readUleb128,
  WASM_COMPONENT_HEADER,
  WASM_MODULE_HEADER,
} from '@build-artifact/core';
import { OciError } from './error.js';

export interface WasmInfo {
  kind: 'module' | 'component';
  /** The CNCF wasm artifact `os`: wasip1 for core modules, wasip2 for components. */
  os: 'wasip1' | 'wasip2';
  /** Core module: the module names it imports from (e.g. `wasi_snapshot_preview1`). */
  importModules: string[];
  /** Component: the names of its top-level imports and exports (e.g. `wasi:cli/run@0.2.0`). */
  componentImports?: string[];
  componentExports?: string[];
}

// Only the section headers and the import/export sections are read: a 30 MB module costs a few
// small reads, not a full load.
const MAX_SECTION_READ = 16 * 1024 * 1024;

class Reader {
  pos = 0;
  constructor(readonly buf: Uint8Array) {}
  byte(): number {
    if (this.pos >= this.buf.length) throw new Error('unexpected end');
    return this.buf[this.pos++]!;
  }
  u32(): number {
    const [value, next] = readUleb128(this.buf, this.pos);
    this.pos = next;
    return value;
  }
  name(): string {
    const len = this.u32();
    if (this.pos + len > this.buf.length) throw new Error('name runs past the section');
    const s = new TextDecoder().decode(this.buf.subarray(this.pos, this.pos + len));
    this.pos += len;
    return s;
  }
  limits(): void {
    const flags = this.byte();
    this.u32();
    if (flags & 1) this.u32();
  }
}

/** Reads an unsigned LEB128 at `pos` from a file; returns the value and its length. */
async function readU32(fh: FileHandle, pos: number): Promise<[number, number] | undefined> {
  const buf = Buffer.alloc(5);
  const { bytesRead } = await fh.read(buf, 0, 5, pos);
  if (bytesRead === 0) return undefined;
  const r = new Reader(buf.subarray(0, bytesRead));
  const value = r.u32();
  return [value, r.pos];
}

function importModules(payload: Uint8Array): string[] {
  const r = new Reader(payload);
  const count = r.u32();
  const names = new Set<string>();
  for (let i = 0; i < count; i++) {
    names.add(r.name());
    r.name();
    const kind = r.byte();
    if (kind === 0x00) r.u32();
    else if (kind === 0x01) {
      const ref = r.byte();
      if (ref === 0x63 || ref === 0x64) r.u32();
      r.limits();
    } else if (kind === 0x02) r.limits();
    else if (kind === 0x03) {
      const t = r.byte();
      if (t === 0x63 || t === 0x64) r.u32();
      r.byte();
    } else if (kind === 0x04) {
      r.byte();
      r.u32();
    } else throw new Error(`unknown import kind 0x${kind.toString(16)}`);
  }
  return [...names];
}

/** Names of a component's import (id 10) or export (id 11) section entries. */
function componentNames(payload: Uint8Array, exports: boolean): string[] {
  const r = new Reader(payload);
  const count = r.u32();
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    // externname: 0x00 name | 0x01 name (versioned, older encodings carry a url after)
    const tag = r.byte();
    names.push(r.name());
    if (tag === 0x01 && !exports) {
      // Some encoders wrote an extra string here; it is harmless to stop at the first name.
    }
    // The rest of the entry (sort/type descriptors) varies across encoder versions: stop after
    // the first name when the layout is not the one we know.
    if (exports) {
      const sort = r.byte();
      if (sort === 0x00) r.byte();
      r.u32();
      const hasType = r.byte();
      if (hasType === 0x01) {
        r.byte();
        r.u32();
      }
    } else {
      const desc = r.byte();
      if (desc === 0x00) r.byte();
      if (desc === 0x03) {
        const b = r.byte();
        if (b === 0x00) r.u32();
        else if (b !== 0x01) r.u32();
      } else r.u32();
    }
  }
  return names;
}

/**
 * Says whether a file is a WebAssembly module or component, and which WASI it targets: a core
 * module importing `wasi_snapshot_preview1` (or nothing WASI at all) is wasip1, a component is
 * wasip2. Undefined for files that are not wasm.
 */
export async function detectWasm(path: string): Promise<WasmInfo | undefined> {
  // A regular file only: open(2) of a FIFO would wait for a writer.
  const { handle: fh } = await openRegularFile(path);
  try {
    const head = Buffer.alloc(8);
    const { bytesRead } = await fh.read(head, 0, 8, 0);
    if (bytesRead < 8) return undefined;
    const isModule = WASM_MODULE_HEADER.every((b, i) => head[i] === b);
    const isComponent = WASM_COMPONENT_HEADER.every((b, i) => head[i] === b);
    if (!isModule && !isComponent) return undefined;
    const size = (await fh.stat()).size;
    const info: WasmInfo = {
      kind: isModule ? 'module' : 'component',
      os: isModule ? 'wasip1' : 'wasip2',
      importModules: [],
    };
    let pos = 8;
    while (pos < size) {
      const id = (await fh.read(Buffer.alloc(1), 0, 1, pos)).buffer[0]!;
      const len = await readU32(fh, pos + 1).catch(() => undefined);
      if (!len) {
        throw new OciError({
          code: 'INVALID_WASM',
          message: `${path}: section ${id} at byte ${pos} has no readable size (file cut short?)`,
        });
      }
      const start = pos + 1 + len[1];
      const end = start + len[0];
      if (end > size) {
        throw new OciError({
          code: 'INVALID_WASM',
          message: `${path}: section ${id} at byte ${pos} runs past the end of the file`,
        });
      }
      const wanted = isModule ? id === 2 : id === 10 || id === 11;
      if (wanted && len[0] <= MAX_SECTION_READ) {
        const payload = Buffer.alloc(len[0]);
        await fh.read(payload, 0, len[0], start);
        try {
          if (isModule) info.importModules = importModules(payload);
          else if (id === 10) info.componentImports = componentNames(payload, false);
          else info.componentExports = componentNames(payload, true);
        } catch (err) {
          if (isModule) {
            throw new OciError({
              code: 'INVALID_WASM',
              message: `${path}: cannot read the import section: ${(err as Error).message}`,
            });
          }
          // Component encodings still move; the names are a courtesy, not a requirement.
        }
        if (isModule) break;
      }
      // Core module sections come in order: past the import section (id 2) there is none.
      if (isModule && id > 2) break;
      pos = end;
    }
    return info;
  } finally {
    await fh.close();
  }
}
