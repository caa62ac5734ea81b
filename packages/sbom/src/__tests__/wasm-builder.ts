/** Assembles small wasm modules byte by byte, for tests of the wasm reader. */

export function uleb(n: number, width?: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n !== 0 || (width !== undefined && out.length + 1 < width)) b |= 0x80;
    out.push(b);
  } while (n !== 0 || (width !== undefined && out.length < width));
  return out;
}

export function name(s: string): number[] {
  const b = [...Buffer.from(s, 'utf8')];
  return [...uleb(b.length), ...b];
}

export function section(id: number, payload: number[], width?: number): number[] {
  return [id, ...uleb(payload.length, width), ...payload];
}

/** A custom section (built with Buffer.concat: payloads may be large). */
export function custom(sectionName: string, payload: number[] | Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(name(sectionName)), Buffer.from(payload)]);
  return Buffer.concat([Buffer.from([0, ...uleb(body.length)]), body]);
}

export function producers(fields: Record<string, Record<string, string>>): number[] {
  const entries = Object.entries(fields);
  const out = [...uleb(entries.length)];
  for (const [field, values] of entries) {
    out.push(...name(field), ...uleb(Object.keys(values).length));
    for (const [n, v] of Object.entries(values)) out.push(...name(n), ...name(v));
  }
  return [...custom('producers', out)];
}

/** A valid core module: one function `() -> ()` with an empty body, a data segment, and extras. */
export function module(extra: { data?: Uint8Array; customs?: (number[] | Buffer)[] } = {}): Buffer {
  const bytes = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  bytes.push(...section(1, [1, 0x60, 0, 0])); // type: func () -> ()
  bytes.push(...section(3, [1, 0])); // function 0 has type 0
  bytes.push(...section(5, [1, 0, 1])); // memory: min 1 page
  // Go writes 5-byte LEB sizes: do the same for the code section.
  bytes.push(...section(10, [1, 2, 0, 0x0b], 5)); // code: one body, no locals, end
  if (extra.data) {
    const d = [...extra.data];
    bytes.push(...section(11, [1, 0, 0x41, 0, 0x0b, ...uleb(d.length), ...d])); // active, i32.const 0
  }
  return Buffer.concat([Buffer.from(bytes), ...(extra.customs ?? []).map((c) => Buffer.from(c))]);
}
