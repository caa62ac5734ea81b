// Builds small but valid WebAssembly binaries for tests: a core module importing
// wasi_snapshot_preview1 (what Go's GOOS=wasip1 writes) with an optional big custom section,
// and a minimal component header.
function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function name(s: string): number[] {
  const bytes = [...Buffer.from(s, 'utf8')];
  return [...uleb(bytes.length), ...bytes];
}

function section(id: number, payload: number[] | Uint8Array): Buffer {
  return Buffer.concat([Buffer.from([id, ...uleb(payload.length)]), Buffer.from(payload)]);
}

export interface WasmModuleOptions {
  /** Module names to import a function from (default wasi_snapshot_preview1). */
  imports?: string[];
  /** Bytes of a custom section to make the module big (filled with a pattern). */
  customBytes?: number;
  /** Changes the custom section content, to make distinct modules of one size. */
  seed?: number;
}

export function wasmModule(options: WasmModuleOptions = {}): Buffer {
  const imports = options.imports ?? ['wasi_snapshot_preview1'];
  // type 0: (i32 i32 i32 i32) -> i32, the shape of fd_write
  const types = section(1, [1, 0x60, 4, 0x7f, 0x7f, 0x7f, 0x7f, 1, 0x7f]);
  const entries = imports.flatMap((m) => [...name(m), ...name('fd_write'), 0x00, 0x00]);
  const importSection = section(2, [...uleb(imports.length), ...entries]);
  const parts = [
    Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]),
    types,
    importSection,
  ];
  if (options.customBytes) {
    const body = Buffer.alloc(options.customBytes);
    const seed = options.seed ?? 0;
    for (let i = 0; i < body.length; i++) body[i] = (i * 31 + seed * 7 + (i >> 10)) & 0xff;
    parts.push(section(0, Buffer.concat([Buffer.from(name('build-artifact.padding')), body])));
  }
  return Buffer.concat(parts);
}

/** A component (layer 1) with one empty custom section: enough for the header check. */
export function wasmComponent(): Buffer {
  return Buffer.concat([
    Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00]),
    section(0, name('component-test')),
  ]);
}
