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
export class Unsupported extends Error {}

const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;

/** YAML 1.2 core schema resolution of a plain scalar, as the `yaml` package does it. */
export function plainScalar(s: string): unknown {
  // Most scalars start with a letter that no null, boolean or number starts with.
  const c = s.charCodeAt(0) | 0x20;
  if (c >= 0x61 && c <= 0x7a && c !== 0x6e && c !== 0x74 && c !== 0x66) return s;
  if (NULLS.has(s)) return null;
  if (s === 'true' || s === 'True' || s === 'TRUE') return true;
  if (s === 'false' || s === 'False' || s === 'FALSE') return false;
  if (INT.test(s) || FLOAT.test(s)) {
    const n = Number(s);
    if (Number.isSafeInteger(n) || !INT.test(s)) return n;
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
function specialStart(s: string): boolean {
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
function quoted(s: string, pos: number): [string, number] {
  const q = s[pos];
  if (q === "'") {
    let out = '';
    let i = pos + 1;
    for (;;) {
      const j = s.indexOf("'", i);
      if (j < 0) throw new Unsupported('unterminated');
      out += s.slice(i, j);
      if (s[j + 1] === "'") {
        out += "'";
        i = j + 2;
      } else {
        return [out, j + 1];
      }
    }
  }
  let i = pos + 1;
  let plainBody = true;
  for (; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code === 0x22) break;
    if (code === 0x5c) {
      plainBody = false;
      i++;
    } else if (code < 0x20) {
      plainBody = false;
    }
  }
  if (i >= s.length) throw new Unsupported('unterminated');
  // No escape and no control character: the text between the quotes is the value, as
  // JSON.parse would return it.
  if (plainBody) return [s.slice(pos + 1, i), i + 1];
  const body = s.slice(pos, i + 1);
  // YAML's double-quoted escapes are a superset of JSON's; only the JSON ones are taken here.
  if (/\\[^"\\/bfnrtu]/.test(body)) throw new Unsupported('yaml escape');
  try {
    return [JSON.parse(body) as string, i + 1];
  } catch {
    throw new Unsupported('bad escape');
  }
}

/** After a value: only spaces and a comment may follow (a `#` right after it is no comment). */
function expectEnd(s: string, pos: number): void {
  if (pos === s.length) return;
  if (s[pos] !== ' ' && s[pos] !== '\t') throw new Unsupported('text after a value');
  const rest = s.slice(pos).trim();
  if (rest !== '' && !rest.startsWith('#')) throw new Unsupported('trailing text');
}

/** A block scalar or flow collection written on one line. */
export function inlineValue(s: string): unknown {
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
  if (specialStart(s)) throw new Unsupported('indicator');
  // A comment starts at a `#` after a space or a tab.
  let hash = s.indexOf('#');
  while (hash > 0 && s.charCodeAt(hash - 1) !== 0x20 && s.charCodeAt(hash - 1) !== 0x09) {
    hash = s.indexOf('#', hash + 1);
  }
  const text = (hash > 0 ? s.slice(0, hash) : s).trim();
  if (hasMappingColon(text)) throw new Unsupported('mapping in scalar');
  return plainScalar(text);
}

/**
 * Whether plain text holds a `:` that YAML reads as a mapping's separator: one followed by a
 * space, a tab or the end. Such text is no scalar (the full parser rejects or nests it).
 */
function hasMappingColon(text: string): boolean {
  return text.includes(': ') || text.includes(':\t') || text.endsWith(':');
}

function skipSpaces(s: string, pos: number): number {
  while (s[pos] === ' ') pos++;
  return pos;
}

const FLOW_STOP = /[,{}[\]]/g;

/** A flow collection at s[pos]: [value, index after it]. */
function flow(s: string, pos: number, depth = 0): [unknown, number] {
  if (depth > 32) throw new Unsupported('deep flow');
  const open = s[pos];
  const close = open === '{' ? '}' : ']';
  const out: Record<string, unknown> | unknown[] = open === '{' ? Object.create(null) : [];
  let i = skipSpaces(s, pos + 1);
  if (s[i] === close) return [out, i + 1];
  for (;;) {
    let key: string | undefined;
    if (open === '{') {
      if (s[i] === '"' || s[i] === "'") {
        [key, i] = quoted(s, i);
        i = skipSpaces(s, i);
        if (s[i] !== ':') throw new Unsupported('flow key');
        i++;
      } else {
        const colon = s.indexOf(':', i);
        if (colon < 0) throw new Unsupported('flow key');
        key = s.slice(i, colon).trim();
        if (/[,{}[\]"']/.test(key) || key === '') throw new Unsupported('flow key');
        i = colon + 1;
      }
      if (key === '__proto__') throw new Unsupported('__proto__');
      i = skipSpaces(s, i);
    }
    let value: unknown;
    const c = s[i];
    if (c === '{' || c === '[') {
      [value, i] = flow(s, i, depth + 1);
    } else if (c === '"' || c === "'") {
      [value, i] = quoted(s, i);
    } else {
      // The scalar runs to the next `,` or bracket (found natively, not char by char).
      FLOW_STOP.lastIndex = i;
      const j = FLOW_STOP.test(s) ? FLOW_STOP.lastIndex - 1 : s.length;
      const text = s.slice(i, j).trim();
      if (hasMappingColon(text) || /^[&*!|>%@`#]/.test(text)) throw new Unsupported('flow scalar');
      value = plainScalar(text);
      i = j;
    }
    if (Array.isArray(out)) out.push(value);
    else out[key!] = value;
    i = skipSpaces(s, i);
    if (s[i] === ',') {
      i = skipSpaces(s, i + 1);
      if (s[i] === close) return [out, i + 1];
      continue;
    }
    if (s[i] === close) return [out, i + 1];
    throw new Unsupported('flow syntax');
  }
}

/**
 * Throws Unsupported for a plain key YAML reads as something other than its text: null or a
 * number written another way (`~:`, `1.0:` become "" and "1" in the full parser), or a special
 * number (`0x1:`). Such keys are left to the full parser.
 */
export function checkPlainKey(key: string): void {
  // Only a digit, a sign, a dot, `~` or n/N can start a null or a number: other keys (most of
  // a lockfile's, on every line) are their text without asking plainScalar.
  const c = key.charCodeAt(0);
  if (
    !(c >= 0x30 && c <= 0x39) &&
    c !== 0x2b &&
    c !== 0x2d &&
    c !== 0x2e &&
    c !== 0x7e &&
    (c | 0x20) !== 0x6e
  )
    return;
  const resolved = plainScalar(key);
  if (resolved === null || (typeof resolved === 'number' && String(resolved) !== key))
    throw new Unsupported('key read as another value');
}

/** The key of a `key: value` or `key:` line (trimmed) and the index after its colon. */
export function mappingKey(s: string): [key: string, pos: number] {
  let key: string;
  let pos: number;
  if (s[0] === '"' || s[0] === "'") {
    [key, pos] = quoted(s, 0);
    if (s[pos] !== ':') throw new Unsupported('key');
    pos++;
    // `"key":value` and `"key":#` are legal or not by rules only the full parser keeps (a `#`
    // with no space before it is no comment): the layout lockfiles use has a space or nothing.
    if (pos < s.length && s[pos] !== ' ') throw new Unsupported('key');
  } else {
    if (specialStart(s) || s.startsWith('---')) throw new Unsupported('indicator');
    const sep = s.indexOf(': ');
    const colon = sep >= 0 ? sep : s.endsWith(':') ? s.length - 1 : -1;
    if (colon <= 0) throw new Unsupported('not a mapping entry');
    key = s.slice(0, colon).trimEnd();
    if (key.includes(' #')) throw new Unsupported('comment in key');
    // A tab in a plain key may end it (`a:<tab>b: c` is two mappings to YAML): not lockfile text.
    if (key.includes('\t')) throw new Unsupported('tab in key');
    checkPlainKey(key);
    pos = colon + 1;
  }
  if (key === '__proto__') throw new Unsupported('__proto__');
  return [key, pos];
}

const isItem = (t: string): boolean => t === '-' || t.startsWith('- ');

/** The lines as two arrays (indentation, trimmed text): no object per line to allocate. */
class Reader {
  private i = 0;
  private readonly n: number;
  constructor(
    private readonly indents: number[],
    private readonly texts: string[],
    private readonly skip?: ReadonlySet<string>,
  ) {
    this.n = indents.length;
  }

  /** The current line's indentation, or -1 past the end. */
  private indent(): number {
    return this.i < this.n ? this.indents[this.i]! : -1;
  }

  /** Passes over the value of a skipped key: its deeper lines (and a sequence at its indent). */
  private skipValue(indent: number, nested: boolean): void {
    for (let at = this.indent(); at >= 0; at = this.indent()) {
      if (at <= indent && !(nested && at === indent && isItem(this.texts[this.i]!))) return;
      this.i++;
    }
  }

  node(depth: number): unknown {
    if (depth > 64) throw new Unsupported('deep');
    const at = this.indent();
    if (at < 0) return null;
    return isItem(this.texts[this.i]!) ? this.sequence(at, depth) : this.mapping(at, depth);
  }

  /** The value after `key:` with nothing on the line: a nested block, or null. */
  nested(indent: number, depth: number): unknown {
    const at = this.indent();
    if (at > indent) return this.node(depth + 1);
    if (at === indent && isItem(this.texts[this.i]!)) return this.sequence(indent, depth + 1);
    return null;
  }

  mapping(indent: number, depth: number): Record<string, unknown> {
    // Without a prototype: V8 keeps such objects as hash tables from the start, instead of
    // building a hidden class for every new combination of keys (thousands in a lockfile).
    const out: Record<string, unknown> = Object.create(null);
    for (let at = this.indent(); at >= indent; at = this.indent()) {
      if (at > indent) throw new Unsupported('indentation');
      const s = this.texts[this.i]!;
      if (isItem(s)) break;
      this.i++;
      const [key, pos] = mappingKey(s);
      // Where the value starts (lines have no trailing spaces): nothing, a comment, or text.
      let start = pos;
      for (let c = s.charCodeAt(start); c === 0x20 || c === 0x09; c = s.charCodeAt(++start));
      const empty = start === s.length || s.charCodeAt(start) === 0x23;
      if (depth === 2 && this.skip?.has(key)) {
        this.skipValue(indent, empty);
        continue;
      }
      if (empty) {
        out[key] = this.nested(indent, depth);
      } else {
        if (s.charCodeAt(pos) !== 0x20) throw new Unsupported('no space after colon');
        out[key] = inlineValue(s.slice(start));
        if (this.indent() > indent) throw new Unsupported('multi-line scalar');
      }
    }
    return out;
  }

  sequence(indent: number, depth: number): unknown[] {
    const out: unknown[] = [];
    while (this.indent() === indent && isItem(this.texts[this.i]!)) {
      const rest = this.texts[this.i]!.slice(1).trim();
      this.i++;
      if (rest === '' || rest.startsWith('#')) {
        out.push(this.nested(indent, depth));
        continue;
      }
      // `- key: value` starts a mapping inside the item: not written by lockfile tools.
      if (/^[^"'{[][^#]*?:(?: |$)/.test(rest)) throw new Unsupported('mapping in sequence item');
      out.push(inlineValue(rest));
      if (this.indent() > indent) throw new Unsupported('multi-line item');
    }
    if (this.indent() > indent) throw new Unsupported('indentation');
    return out;
  }

  done(): boolean {
    return this.i >= this.n;
  }
}

/**
 * The document, or undefined when it uses YAML outside the subset lockfile tools write. Keys in
 * `skip` are left out where they are fields of an entry (at depth 2: `packages` → entry → field),
 * their values not even read: what a caller never looks at need not be built.
 */
export function parseYamlSubset(text: string, skip?: ReadonlySet<string>): unknown {
  const indents: number[] = [];
  const texts: string[] = [];
  for (let pos = 0; pos <= text.length; ) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const lineEnd = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
    let i = pos;
    while (i < lineEnd && text.charCodeAt(i) === 32) i++;
    const indent = i - pos;
    pos = end + 1;
    // Blank lines and comments.
    if (i === lineEnd || text.charCodeAt(i) === 35) continue;
    // A tab where indentation ends, a document marker: outside the subset.
    if (
      text.charCodeAt(i) === 9 ||
      text.startsWith('---', i) ||
      (lineEnd - i === 3 && text.startsWith('...', i))
    )
      return undefined;
    indents.push(indent);
    texts.push(text.slice(i, lineEnd).trimEnd());
  }
  try {
    if (indents.length === 0) return undefined;
    const reader = new Reader(indents, texts, skip);
    const doc = reader.node(0);
    if (!reader.done()) return undefined;
    return doc;
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}
