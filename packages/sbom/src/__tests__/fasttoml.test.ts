import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { scanCargoLock } from '../lockfiles/cargo.js';
import { withoutFileLists } from '../lockfiles/python.js';
import { LOCKFILES } from './helpers.js';

// smol-toml makes objects without a prototype: compare the data only.
const plain = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/** Random small edits of `base`: what a truncated or hand-edited lockfile looks like. */
const mutated = (base: string, pieces: string[]) =>
  fc
    .array(fc.tuple(fc.nat(), fc.constantFrom(...pieces), fc.nat({ max: 3 })), { maxLength: 4 })
    .map((edits) => {
      let text = base;
      for (const [at, piece, del] of edits) {
        const p = at % (text.length + 1);
        text = text.slice(0, p) + piece + text.slice(p + del);
      }
      return text;
    });

const tryParse = (text: string): unknown => {
  try {
    return plain(parse(text));
  } catch {
    return undefined;
  }
};

describe('the Cargo.lock scanner', () => {
  const files = ['cargo-ripgrep', 'cargo-wasmcloud'].map((d) =>
    readFileSync(join(LOCKFILES, d, 'Cargo.lock'), 'utf8'),
  );

  it('reads real lockfiles exactly as smol-toml does', () => {
    for (const text of files) {
      const fast = scanCargoLock(text);
      expect(fast).toBeDefined();
      expect(plain(fast)).toEqual(plain(parse(text)));
    }
  });

  it('declines what Cargo does not write', () => {
    for (const text of [
      'version = 3\n[[package]]\nname = "a\\u0041"\n',
      'version = 3\n[[package]]\nname = "a"\nname = "b"\n',
      'version = 3\n[[package]]\nname="a"\n',
      'version = 3\n[[package]]\nname = "a" # x\n',
      'version = 3\n[[package]]\ndependencies = [\n "b",\n',
      'version = 3\n[[package]]\nreplace = "a"\n',
      '[metadata]\n"checksum a 1.0.0 (registry+x)" = "00"\n',
    ]) {
      expect(scanCargoLock(text)).toBeUndefined();
    }
  });

  it('agrees with smol-toml on mutated lockfiles whenever it answers', () => {
    const pieces = [' ', '"', '=', '[', ']', ',', '#', '\n', '\\', '[[package]]\n', 'a'];
    fc.assert(
      fc.property(mutated(files[0]!.slice(0, 2500), pieces), (text) => {
        const fast = scanCargoLock(text);
        if (fast === undefined) return;
        expect(plain(fast)).toEqual(tryParse(text));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});

describe('the Python lockfile file-list blanking', () => {
  // What the inventory reads: everything but the per-file lists.
  const read = (doc: unknown): unknown =>
    JSON.parse(
      JSON.stringify(doc, (k, v) =>
        k === 'wheels' || k === 'files' || k === 'sdist' ? undefined : v,
      ),
    );
  const files = [
    join('pypi-pydantic-ai-uv', 'uv.lock'),
    join('pypi-textual-poetry', 'poetry.lock'),
  ].map((f) => readFileSync(join(LOCKFILES, f), 'utf8'));

  it('leaves what the inventory reads, and every line number, as they were', () => {
    for (const text of files) {
      const lean = withoutFileLists(text);
      expect(lean.length).toBeLessThan(text.length / 3);
      expect(lean.split('\n').length).toBe(text.split('\n').length);
      expect(read(parse(lean))).toEqual(read(parse(text)));
    }
  });

  it('keeps lists of another shape, and files with multi-line strings', () => {
    const odd = 'files = [\n  {file = "a"},\n]\nwheels = [\n    { url = "a" },\n    "x",\n]\n';
    expect(withoutFileLists(odd)).toBe(odd);
    const multi = 'a = """\nfiles = [\n    {x = 1},\n]\n"""\n';
    expect(withoutFileLists(multi)).toBe(multi);
  });

  it('never changes what a valid mutated lockfile says about its packages', () => {
    const pieces = [
      ' ',
      '"',
      '=',
      '[',
      ']',
      ',',
      '{',
      '}',
      '#',
      '\n',
      'wheels = [\n',
      '    { a = 1 },\n',
    ];
    fc.assert(
      fc.property(mutated(files[0]!.slice(0, 4000), pieces), (text) => {
        const full = tryParse(text);
        if (full === undefined) return;
        const lean = tryParse(withoutFileLists(text));
        expect(lean === undefined ? undefined : read(lean)).toEqual(read(full));
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});
