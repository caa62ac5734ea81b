/**
 * A corpus of mutated bundles, generated from a real one: every leaf field of the bundle JSON,
 * every field of the DSSE statement, every primitive field of the certificate's DER, changed in
 * turn (and every optional object removed).
 */
export interface Mutation {
  /** JSON path (`a.b[0].c`), `payload:<path>` for the statement, `cert:<offset>` for DER. */
  path: string;
  what: string;
  bundle: unknown;
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const B64 = /^[A-Za-z0-9+/]+={0,2}$/;

function clone<T>(v: T): T {
  return structuredClone(v);
}

function setAt(root: Json, path: (string | number)[], value: Json | undefined): Json {
  const copy = clone(root);
  let cur = copy as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) cur = cur[k] as Record<string | number, Json>;
  const last = path.at(-1)!;
  if (value === undefined) {
    if (Array.isArray(cur)) cur.splice(Number(last), 1);
    else delete cur[last];
  } else cur[last] = value;
  return copy;
}

function fmt(path: (string | number)[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/** One changed value for a leaf: flip a bit in base64 data, bump numbers, change text. */
export function mutateLeaf(
  key: string | number,
  v: string | number | boolean | null,
): string | number | boolean {
  if (v === null) return 'x';
  if (typeof v === 'boolean') return !v;
  if (typeof v === 'number') return v + 1;
  if (/^\d+$/.test(v)) return String(BigInt(v) + 1n);
  if (/^[0-9a-f]{16,}$/.test(v)) return (v[0] === 'a' ? 'b' : 'a') + v.slice(1);
  if (v.length >= 8 && B64.test(v) && String(key) !== 'mediaType') {
    const bytes = Buffer.from(v, 'base64');
    bytes[bytes.length >> 1] ^= 0x01;
    return bytes.toString('base64');
  }
  return v.length > 0 ? `${v.slice(0, -1)}${v.at(-1) === 'x' ? 'y' : 'x'}` : 'x';
}

function* leaves(v: Json, path: (string | number)[] = []): Generator<[(string | number)[], Json]> {
  if (v !== null && typeof v === 'object') {
    const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
    for (const [k, x] of entries) yield* leaves(x, [...path, k]);
    if (path.length > 0) yield [path, v];
  } else yield [path, v];
}

/** Every TLV of a DER buffer: where its tag is, where its value starts and ends. */
export function derFields(
  buf: Buffer,
  start = 0,
  end = buf.length,
  out: { tag: number; at: number; start: number; end: number; constructed: boolean }[] = [],
) {
  let pos = start;
  while (pos < end) {
    const tag = buf[pos]!;
    let len = buf[pos + 1]!;
    let head = 2;
    if (len & 0x80) {
      const n = len & 0x7f;
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + buf[pos + 2 + i]!;
      head = 2 + n;
    }
    const vStart = pos + head;
    const vEnd = vStart + len;
    out.push({ tag, at: pos, start: vStart, end: vEnd, constructed: (tag & 0x20) !== 0 });
    if (tag & 0x20) derFields(buf, vStart, vEnd, out);
    pos = vEnd;
  }
  return out;
}

export function* mutateBundle(bundle: Json): Generator<Mutation> {
  // 1. Every JSON leaf changed, every object/array member removed.
  for (const [path, value] of leaves(bundle)) {
    if (path.length === 0) continue;
    const key = path.at(-1)!;
    // null is how JSON says absent: nothing to change.
    if (value === null) continue;
    if (typeof value !== 'object') {
      yield {
        path: fmt(path),
        what: 'changed',
        bundle: setAt(bundle, path, mutateLeaf(key, value)),
      };
    }
    // Removing an empty list or object changes nothing a verifier reads: not a mutation.
    const empty = value !== null && typeof value === 'object' && Object.keys(value).length === 0;
    const emptyTree = JSON.stringify(value) === '{"rfc3161Timestamps":[]}';
    if (!empty && !emptyTree)
      yield { path: fmt(path), what: 'removed', bundle: setAt(bundle, path, undefined) };
  }
  const b = bundle as {
    dsseEnvelope?: { payload: string };
    verificationMaterial: Record<string, Json>;
  };
  // 2. Every field of the signed statement changed (re-encoded, signature left as is).
  if (b.dsseEnvelope) {
    const statement = JSON.parse(
      Buffer.from(b.dsseEnvelope.payload, 'base64').toString('utf8'),
    ) as Json;
    for (const [path, value] of leaves(statement)) {
      if (value !== null && typeof value === 'object') continue;
      const changed = setAt(statement, path, mutateLeaf(path.at(-1)!, value));
      const payload = Buffer.from(JSON.stringify(changed)).toString('base64');
      yield {
        path: `payload:${fmt(path)}`,
        what: 'changed',
        bundle: setAt(bundle, ['dsseEnvelope', 'payload'], payload),
      };
    }
  }
  // 3. Every primitive field of the certificate's DER changed.
  const vm = b.verificationMaterial as {
    certificate?: { rawBytes: string };
    x509CertificateChain?: { certificates: { rawBytes: string }[] };
  };
  const certPath = vm.certificate
    ? ['verificationMaterial', 'certificate', 'rawBytes']
    : ['verificationMaterial', 'x509CertificateChain', 'certificates', 0, 'rawBytes'];
  const raw = vm.certificate?.rawBytes ?? vm.x509CertificateChain?.certificates[0]?.rawBytes;
  if (raw) {
    const der = Buffer.from(raw, 'base64');
    const flip = (offset: number, label: string): Mutation => {
      const copy = Buffer.from(der);
      copy[offset] = copy[offset]! ^ 0x01;
      return {
        path: `cert:${label}`,
        what: 'changed',
        bundle: setAt(bundle, certPath, copy.toString('base64')),
      };
    };
    for (const field of derFields(der)) {
      const name = `${field.at}(tag 0x${field.tag.toString(16)})`;
      // The tag of every field, and the first and last byte of every primitive value (the first
      // byte of a BIT STRING is its unused-bits count).
      yield flip(field.at, `${name}:tag`);
      if (field.constructed || field.end === field.start) continue;
      yield flip(field.start, `${name}:first`);
      if (field.end - 1 > field.start) yield flip(field.end - 1, `${name}:last`);
    }
  }
}
