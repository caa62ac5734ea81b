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
