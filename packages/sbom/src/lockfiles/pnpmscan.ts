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
import { checkPlainKey, inlineValue, mappingKey, plainScalar, Unsupported } from './fastyaml.js';

/** Fields of `packages` and `snapshots` entries the inventory never reads. */
export const UNREAD_FIELDS: ReadonlySet<string> = new Set([
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

/**
 * What the entries of a block are, and so which of them the scanner keeps:
 * - root: the document (lockfileVersion, importers, packages, snapshots, the top-level
 *   dependency maps of a lockfile without importers);
 * - importers: workspace folder -> importer;
 * - importer: dependency maps by kind (the other fields are checked, not kept);
 * - specs: dependency name -> `version` (v5) or {specifier, version} (v6+);
 * - spec: the `version` of one of those (its specifier is checked, not kept);
 * - entries: package key -> entry, in `packages` and `snapshots`;
 * - entry: the fields of a package or snapshot the inventory reads;
 * - deps: dependency name -> version, in an entry;
 * - scalar: a kept value, which must be on its line;
 * - other: checked as the YAML reader reads it, not kept.
 */
type Role =
  | 'root'
  | 'importers'
  | 'importer'
  | 'specs'
  | 'spec'
  | 'entries'
  | 'entry'
  | 'deps'
  | 'scalar'
  | 'other';

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

const isLetter = (c: number): boolean => (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
/** Where a plain value may start without being a YAML indicator or a null (`~`). */
const isValueStart = (c: number): boolean =>
  isLetter(c) || isDigit(c) || c === 0x2f || c === 0x2e || c === 0x5f || c === 0x5e;
/** What a number, in YAML's core schema, is made of. */
const isNumberChar = (c: number): boolean =>
  isDigit(c) || c === 0x2e || c === 0x2b || c === 0x2d || (c | 0x20) === 0x65;

/**
 * An open block mapping or sequence. What it keeps goes to `names` (where keys are names: a
 * Map, as thousands of different keys would make V8 build an object shape for each) or to
 * `fields` (where keys are known fields: an object of one shape); neither where nothing is kept.
 */
interface Block {
  readonly role: Role;
  readonly sequence: boolean;
  readonly names: Map<string, unknown> | undefined;
  readonly fields: Record<string, unknown> | undefined;
}

class PnpmScanner {
  private readonly doc: Record<string, unknown> = { ...TEMPLATES.root };
  // The open blocks, by level (a block's lines are indented by twice its level).
  private readonly blocks: Block[] = [
    { role: 'root', sequence: false, names: undefined, fields: this.doc },
  ];
  private top = 0;
  // A `key:` with nothing after it, whose value is the block that may follow (a null without).
  private pending: Role | undefined;
  private pendingKey = '';
  private pendingIn: Block | undefined;
  // A skipped field (UNREAD_FIELDS): deeper lines (and items, after `key:`) belong to it.
  private skipIndent = -1;
  private skipItems = false;
  // The value of the current line, as text indices; valueAt < 0 when there is none.
  private valueAt = -1;
  private valueEnd = -1;

  constructor(private readonly text: string) {}

  scan(): Record<string, unknown> {
    const { text } = this;
    const n = text.length;
    let lines = 0;
    for (let pos = 0; pos <= n; ) {
      let end = text.indexOf('\n', pos);
      if (end < 0) end = n;
      const lineEnd = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      let i = pos;
      while (i < lineEnd && text.charCodeAt(i) === 32) i++;
      const indent = i - pos;
      pos = end + 1;
      const c = text.charCodeAt(i);
      // Blank lines and comment lines, wherever they are, as the YAML reader drops them.
      if (i === lineEnd || c === 0x23) continue;
      // What the YAML reader declines on any line, even in a value it skips.
      if (c === 0x09) throw new Unsupported('tab');
      if (c === 0x2d && text.startsWith('---', i)) throw new Unsupported('document marker');
      if (c === 0x2e && lineEnd - i === 3 && text.startsWith('...', i)) {
        throw new Unsupported('document end');
      }
      if (this.skipIndent >= 0) {
        if (
          indent > this.skipIndent ||
          (indent === this.skipIndent && this.skipItems && this.isItem(i, lineEnd))
        ) {
          continue;
        }
        this.skipIndent = -1;
      }
      lines++;
      this.line(i, lineEnd, indent);
    }
    if (lines === 0) throw new Unsupported('empty');
    if (this.pending !== undefined) this.nullValue();
    return this.doc;
  }

  /** A line to read: its text is text[i, lineEnd), after `indent` spaces. */
  private line(i: number, lineEnd: number, indent: number): void {
    if (indent % 2 !== 0) throw new Unsupported('indentation');
    const level = indent / 2;
    if (this.pending !== undefined) {
      if (level === this.top + 1) this.open(level, this.isItem(i, lineEnd));
      else if (level > this.top + 1) throw new Unsupported('indentation');
      else this.nullValue();
    } else if (level > this.top) {
      // Deeper than a key with a value on its line: a multi-line scalar, or odd indentation.
      throw new Unsupported('indentation');
    }
    this.top = level;
    const block = this.blocks[level]!;
    if (block.sequence) this.item(i, lineEnd);
    else this.entry(i, lineEnd, level, block);
  }

  /** Opens the block of the pending key at `level`. */
  private open(level: number, sequence: boolean): void {
    if (level > MAX_LEVEL) throw new Unsupported('deep');
    const role = this.pending!;
    const parent = this.pendingIn!;
    this.pending = undefined;
    if (role === 'scalar') throw new Unsupported('nested value where a scalar is read');
    if (sequence && role !== 'other') throw new Unsupported('sequence where a mapping is read');
    const template = TEMPLATES[role];
    const fields = template === undefined ? undefined : { ...template };
    const names = template === undefined && role !== 'other' ? new Map() : undefined;
    const kept = fields ?? names;
    if (kept !== undefined) {
      if (parent.names !== undefined) parent.names.set(this.pendingKey, kept);
      else parent.fields![this.pendingKey] = kept;
    }
    this.blocks[level] = { role, sequence, names, fields };
  }

  /** The pending key has no value (null): fine where nothing is kept. */
  private nullValue(): void {
    if (this.pending !== 'other') throw new Unsupported('null where a value is read');
    this.pending = undefined;
  }

  /** A `- item` line of a sequence (only in fields not kept): a scalar, as the reader has it. */
  private item(i: number, lineEnd: number): void {
    if (!this.isItem(i, lineEnd)) throw new Unsupported('not an item in a sequence');
    const rest = this.text.slice(i, lineEnd).trimEnd().slice(1).trim();
    if (rest === '' || rest.startsWith('#')) throw new Unsupported('nested item');
    if (/^[^"'{[][^#]*?:(?: |$)/.test(rest)) throw new Unsupported('mapping in sequence item');
    readValue(rest);
  }

  /** A `key: value` or `key:` line of a block mapping at `level`. */
  private entry(i: number, lineEnd: number, level: number, block: Block): void {
    if (this.isItem(i, lineEnd)) throw new Unsupported('item in a mapping');
    const key = this.key(i, lineEnd);
    if (level === FIELD_LEVEL && UNREAD_FIELDS.has(key)) {
      // The YAML reader passes over these without reading them: so does the scanner.
      this.skipIndent = 2 * level;
      this.skipItems = this.valueAt < 0;
      return;
    }
    const { names, fields } = block;
    if (names !== undefined) {
      if (names.has(key)) throw new Unsupported('duplicate key');
      if (isDigit(key.charCodeAt(0)) && INDEX_LIKE.test(key)) {
        throw new Unsupported('a key JavaScript orders first');
      }
      if (this.valueAt >= 0) names.set(key, this.inlineValue());
      else this.expect(ENTRY_ROLE[block.role], key, block);
      return;
    }
    // A field is kept under its own name, a literal: quicker to look up than the line's copy.
    const field = fields === undefined ? undefined : KEPT_FIELDS[block.role]!.get(key);
    if (field === undefined) {
      if (this.valueAt >= 0) this.checkInlineValue();
      else this.expect('other', key, block);
      return;
    }
    if (fields![field.name] !== undefined) throw new Unsupported('duplicate key');
    if (this.valueAt >= 0) fields![field.name] = this.inlineValue();
    else this.expect(field.role, field.name, block);
  }

  /** After `key:` in `block`: its value is the block of `role` the next lines may open. */
  private expect(role: Role, key: string, block: Block): void {
    this.pending = role;
    this.pendingKey = key;
    this.pendingIn = block;
  }

  /** Whether text[i, lineEnd) is a sequence item (`-` alone or `- …`), as the reader tells. */
  private isItem(i: number, lineEnd: number): boolean {
    const { text } = this;
    if (text.charCodeAt(i) !== 0x2d) return false;
    if (i + 1 === lineEnd || text.charCodeAt(i + 1) === 0x20) return true;
    return text.slice(i + 1, lineEnd).trimEnd() === '';
  }

  /**
   * The key of the line text[i, lineEnd); sets valueAt and valueEnd to its value's text (what
   * follows the colon and its spaces, trailing spaces left out), valueAt < 0 where there is
   * none. As `mappingKey` and the YAML reader's mapping read it: a shortcut for a single-quoted
   * key without `''` and a plain key of visible ASCII, that reader's own steps for the rest.
   */
  private key(i: number, lineEnd: number): string {
    const { text } = this;
    let key: string | undefined;
    let at = -1; // after the colon
    if (text.charCodeAt(i) === 0x27) {
      QUOTED_KEY.lastIndex = i;
      if (QUOTED_KEY.test(text)) {
        at = QUOTED_KEY.lastIndex;
        key = text.slice(i + 1, at - 2);
      }
    } else {
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
      if (
        text.charCodeAt(at) === 0x20 &&
        at + 1 < lineEnd &&
        first !== 0x20 &&
        first !== 0x09 &&
        first !== 0x23 &&
        last > 0x20 &&
        last < 0x7f
      ) {
        this.valueAt = at + 1;
        this.valueEnd = lineEnd;
        return key;
      }
    }
    return this.slowKey(i, lineEnd);
  }

  /** The key and value of a line as the YAML reader's mapping reads them, step by step. */
  private slowKey(i: number, lineEnd: number): string {
    const s = this.text.slice(i, lineEnd).trimEnd();
    if (hasEscape(s)) throw new Unsupported('an escape in a double-quoted scalar');
    const [key, pos] = mappingKey(s);
    let start = pos;
    for (let c = s.charCodeAt(start); c === 0x20 || c === 0x09; c = s.charCodeAt(++start));
    if (start === s.length || s.charCodeAt(start) === 0x23) {
      this.valueAt = -1;
    } else {
      if (s.charCodeAt(pos) !== 0x20) throw new Unsupported('no space after colon');
      this.valueAt = i + start;
      this.valueEnd = i + s.length;
    }
    return key;
  }

  /** The current line's value, as `inlineValue` gives it. */
  private inlineValue(): unknown {
    const { text, valueAt: at, valueEnd: end } = this;
    const c = text.charCodeAt(at);
    if (isValueStart(c)) {
      if (this.plainUpTo(at) === end) {
        return this.surelyText(at, end) ? text.slice(at, end) : plainScalar(text.slice(at, end));
      }
    } else if (c === 0x27) {
      // Single-quoted, its only other quote closing it at the end of the line: no `''` in it.
      const close = text.indexOf("'", at + 1);
      if (close === end - 1) return text.slice(at + 1, close);
    } else if (c === 0x7b) {
      if (end - at === 2 && text.charCodeAt(at + 1) === 0x7d) return Object.create(null);
      INTEGRITY_ONLY.lastIndex = at;
      if (INTEGRITY_ONLY.test(text) && INTEGRITY_ONLY.lastIndex === end) {
        return { integrity: text.slice(at + '{integrity: '.length, end - 1) };
      }
    }
    return readValue(text.slice(at, end));
  }

  /** Checks the current line's value as `inlineValue` would, without building it. */
  private checkInlineValue(): void {
    const { text, valueAt: at, valueEnd: end } = this;
    const c = text.charCodeAt(at);
    // A plain scalar starting with a letter, `^` or `~` is a string, null or a boolean: never
    // an error (numbers and the special floats start otherwise).
    if ((isLetter(c) || c === 0x5e || c === 0x7e) && this.plainUpTo(at) === end) return;
    if (c === 0x27 && text.indexOf("'", at + 1) === end - 1) return;
    readValue(text.slice(at, end));
  }

  /**
   * The end of the plain scalar of visible ASCII (no `#`) starting at `at`, if it does not end
   * with `:`: with no space or `#` in it, `inlineValue` takes it whole, as `plainScalar` reads
   * it. -1 otherwise.
   */
  private plainUpTo(at: number): number {
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
  private surelyText(at: number, end: number): boolean {
    const { text } = this;
    const c = text.charCodeAt(at);
    if (isLetter(c)) {
      const lower = c | 0x20;
      return lower !== 0x6e && lower !== 0x74 && lower !== 0x66;
    }
    if (c === 0x2f || c === 0x5f || c === 0x5e) return true;
    if (!isDigit(c)) return false;
    const second = text.charCodeAt(at + 1) | 0x20;
    if (second === 0x6f || second === 0x78) return false;
    let dots = 0;
    for (let j = at + 1; j < end; j++) {
      const d = text.charCodeAt(j);
      if (d === 0x2e) dots++;
      else if (!isNumberChar(d)) return true;
    }
    return dots > 1;
  }
}

/** A field the scanner keeps, and what its value is. */
interface Field {
  readonly name: string;
  readonly role: Role;
}

const fieldsOf = (roles: Record<string, Role>): ReadonlyMap<string, Field> =>
  new Map(Object.entries(roles).map(([name, role]) => [name, { name, role }]));

/** The fields kept of the blocks whose keys are fields; the others are checked, not kept. */
const KEPT_FIELDS: Partial<Record<Role, ReadonlyMap<string, Field>>> = {
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
const ENTRY_ROLE: Record<Role, Role> = {
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
const TEMPLATES: Partial<Record<Role, Record<string, undefined>>> = Object.fromEntries(
  Object.entries(KEPT_FIELDS).map(([role, fields]) => [
    role,
    Object.fromEntries([...fields.keys()].map((name) => [name, undefined])),
  ]),
);

/**
 * Whether a double-quoted scalar in `s` may hold an escape. pnpm writes none; the YAML reader
 * reads JSON's, but where one is, the scanner leaves the file to that reader.
 */
const hasEscape = (s: string): boolean => s.includes('"') && s.includes('\\');

/** A value as the YAML reader reads it, step by step (an escape aside). */
function readValue(s: string): unknown {
  if (hasEscape(s)) throw new Unsupported('an escape in a double-quoted scalar');
  return inlineValue(s);
}

/**
 * The fields of pnpm-lock.yaml the inventory reads (lockfileVersion, importers, packages,
 * snapshots, and the top-level dependency maps), with the values the YAML route gives them; or
 * undefined where the file is not in the layout the scanner reads, and must go that route.
 */
export function scanPnpmLock(text: string): Record<string, unknown> | undefined {
  try {
    return new PnpmScanner(text).scan();
  } catch (err) {
    if (err instanceof Unsupported) return undefined;
    throw err;
  }
}
