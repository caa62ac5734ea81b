/**
 * Orders strings by their Unicode code points: the same on every machine, whatever its locale
 * (`localeCompare` follows the locale). `<` compares UTF-16 code units, which puts a character
 * past U+FFFF (a surrogate pair, D800-DFFF) before one in E000-FFFF; this puts it after.
 */
export function byCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) - codePointRank(y);
  }
  return a.length - b.length;
}

/** Surrogates moved above E000-FFFF, everything else kept in place. */
function codePointRank(unit: number): number {
  return unit < 0xd800 ? unit : unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}

/** A code unit of a surrogate pair or above: where UTF-16 order and code point order part. */
const WIDE = /[\ud800-\uffff]/;

/**
 * Sorts items by a string key, in code point order, each key computed once. Keys with no code unit
 * from D800 up (most: identifiers, purls) compare the same by unit as by code point, so the sort
 * uses the engine's own comparison unless a key has one.
 */
export function sortByKey<T>(items: T[], key: (item: T) => string): T[] {
  const keyed = items.map((item) => ({ item, key: key(item) }));
  const wide = keyed.some((k) => WIDE.test(k.key));
  keyed.sort(
    wide
      ? (a, b) => byCodePoints(a.key, b.key)
      : (a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  return keyed.map((k) => k.item);
}
