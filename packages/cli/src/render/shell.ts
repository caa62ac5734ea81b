/**
 * A value as one POSIX shell word: as is when it holds only characters no shell treats
 * specially, else in single quotes (a `'` inside written `'\''`). What `attest demo` prints to
 * run again and `attest dev-sigstore` prints for `eval` both go through it.
 */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}
