/**
 * A signed statement must mean one thing to every verifier. JSON.parse keeps the last of two
 * equal keys; Go's encoding/json matches keys case-insensitively (Unicode folding: `ſ` is `s`,
 * the Kelvin sign is `k`) and protojson also accepts the proto field names (`predicate_type`,
 * `type` for `_type`). A statement whose keys could be read differently is refused.
 */

import { quote } from './parse.js';

// The in-toto Statement v1 fields, and those of a ResourceDescriptor (a subject).
const STATEMENT_FIELDS = ['_type', 'subject', 'predicateType', 'predicate'];
const DESCRIPTOR_FIELDS = [
  'name',
  'uri',
  'digest',
  'content',
  'downloadLocation',
  'mediaType',
  'annotations',
];

/** Case folding that covers Go's simple folds (`ſ` -> `s`, Kelvin sign -> `k`). */
const fold = (key: string) => key.toUpperCase().toLowerCase();
/** How protojson may spell a field: case-folded, with or without underscores. */
const protoName = (key: string) => fold(key).replace(/_/g, '');

const STATEMENT_ALIASES = new Map(STATEMENT_FIELDS.map((f) => [protoName(f), f]));
const DESCRIPTOR_ALIASES = new Map(DESCRIPTOR_FIELDS.map((f) => [protoName(f), f]));

type Path = (string | number)[];

/** A key as the signer wrote it is evidence: a plain name shows as is, anything else quoted. */
const PLAIN_KEY = /^[A-Za-z_$][\w$-]{0,63}$/;

const show = (path: Path) =>
  path.length === 0
    ? 'the statement'
    : path
        .map((p, i) =>
          typeof p === 'number'
            ? `[${p}]`
            : !PLAIN_KEY.test(p)
              ? `[${quote(p, 80)}]`
              : i === 0
                ? p
                : `.${p}`,
        )
        .join('');

/** Where an object sits: the statement itself, a subject, or anywhere else. */
type Place = 'statement' | 'subject' | 'other';

/** The keys of one object, checked as they come: linear in the number of keys. */
class KeySet {
  private readonly seen = new Set<string>();
  private readonly folded = new Map<string, string>();
  constructor(private readonly place: Place) {}

  /** Adds a key; returns what is wrong with it, if anything ("at" is prepended by the caller). */
  add(key: string): string | undefined {
    if (this.seen.has(key)) return `has the key ${quote(key, 80)} twice`;
    this.seen.add(key);
    const f = fold(key);
    const other = this.folded.get(f);
    if (other !== undefined)
      return `has the keys ${quote(other, 80)} and ${quote(key, 80)}, which differ only by case`;
    this.folded.set(f, key);
    const aliases =
      this.place === 'statement'
        ? STATEMENT_ALIASES
        : this.place === 'subject'
          ? DESCRIPTOR_ALIASES
          : undefined;
    const field = aliases?.get(protoName(key));
    if (field !== undefined && field !== key)
      return `has the key ${quote(key, 80)}, another spelling of ${quote(field)}`;
    return undefined;
  }
}

type Frame =
  | { object: true; keys: KeySet; key?: string; expectKey: boolean }
  | { object: false; index: number };

/** Where an object about to be opened sits, from the frames that enclose it. */
function placeOf(stack: Frame[]): Place {
  if (stack.length === 0) return 'statement';
  const [top, list] = stack;
  if (stack.length === 2 && top?.object && top.key === 'subject' && list && !list.object)
    return 'subject';
  return 'other';
}

/**
 * Parses a statement's JSON text, refusing duplicate keys (after escapes are decoded), keys
 * that differ only by case, and other spellings of the in-toto field names. Linear in the text
 * and iterative (deep nesting cannot overflow the stack): JSON.parse checks the grammar, then
 * one scan over the text sees every key, duplicates included.
 */
export function parseStrictJson(
  text: string,
): { ok: true; value: unknown } | { ok: false; problem: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    return { ok: false, problem: `not JSON (${(err as Error).message})` };
  }
  const stack: Frame[] = [];
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      while (j < n) {
        const d = text.charCodeAt(j);
        if (d === 0x5c /* \ */) j += 2;
        else if (d === 0x22) break;
        else j++;
      }
      const top = stack.at(-1);
      if (top?.object && top.expectKey) {
        const key = JSON.parse(text.slice(i, j + 1)) as string;
        top.expectKey = false;
        const problem = top.keys.add(key);
        if (problem) {
          const path = stack.slice(0, -1).map((f) => (f.object ? (f.key ?? '') : f.index));
          return { ok: false, problem: `${show(path)} ${problem}` };
        }
        top.key = key;
      }
      i = j;
    } else if (c === 0x7b /* { */) {
      stack.push({ object: true, keys: new KeySet(placeOf(stack)), expectKey: true });
    } else if (c === 0x5b /* [ */) {
      stack.push({ object: false, index: 0 });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack.at(-1);
      if (top?.object) top.expectKey = true;
      else if (top) top.index++;
    }
  }
  return { ok: true, value };
}

interface Node {
  value: unknown;
  parent?: Node;
  /** The key or index under which the parent holds this value. */
  at?: string | number;
}

const pathTo = (node: Node): Path => {
  const path: Path = [];
  for (let n: Node | undefined = node; n?.at !== undefined; n = n.parent) path.unshift(n.at);
  return path;
};

/**
 * The same rules for a statement that was already parsed (an unsigned statement read as
 * evidence): exact duplicates are gone by then, keys that differ only by case or spell an
 * in-toto field another way are still visible. Iterative, like the scan above.
 */
export function checkParsedKeys(value: unknown): string | undefined {
  const todo: Node[] = [{ value }];
  while (todo.length > 0) {
    const node = todo.pop()!;
    const v = node.value;
    if (typeof v !== 'object' || v === null) continue;
    if (Array.isArray(v)) {
      for (const [i, x] of v.entries()) todo.push({ value: x, parent: node, at: i });
      continue;
    }
    const place: Place =
      node.parent === undefined
        ? 'statement'
        : typeof node.at === 'number' &&
            node.parent.at === 'subject' &&
            node.parent.parent?.parent === undefined
          ? 'subject'
          : 'other';
    const keys = new KeySet(place);
    for (const k of Object.keys(v)) {
      const problem = keys.add(k);
      if (problem) return `${show(pathTo(node))} ${problem}`;
      todo.push({ value: (v as Record<string, unknown>)[k], parent: node, at: k });
    }
  }
  return undefined;
}
