import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseYamlSubset } from '../lockfiles/fastyaml.js';
import { scanBerry } from '../lockfiles/yarn.js';
import { LOCKFILES } from './helpers.js';

const full = (text: string) => parse(text, { uniqueKeys: false, logLevel: 'error' });

describe('the fast lockfile YAML reader', () => {
  for (const file of [
    'npm-jest-yarn-berry/yarn.lock',
    'npm-vite-pnpm/pnpm-lock.yaml',
    'npm-vite-pnpm/pnpm-workspace.yaml',
  ]) {
    it(`reads ${file} exactly as the yaml package does`, () => {
      const text = readFileSync(join(LOCKFILES, file), 'utf8');
      const fast = parseYamlSubset(text);
      expect(fast).toBeDefined();
      expect(fast).toEqual(full(text));
    });
  }

  it('declines what it does not handle', () => {
    for (const text of [
      'a: |\n  x\n',
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      '? a\n: b\n',
      'a: b\n  c\n',
      '- a: 1\n',
      '---\na: 1\n',
    ]) {
      expect(parseYamlSubset(text)).toBeUndefined();
    }
  });

  it('agrees with the yaml package on indicators and separators where it answers', () => {
    for (const text of [
      'a: \t"x"\n',
      'a:\tx\n',
      'a: x \t# note\n',
      'a: -x\nb: ?y\nc: :z\n',
      'a: - x\n',
      'a: ? x\n',
      'a: @x\n',
      'a: `x\n',
      'a:    # only a comment\n  b: 1\n',
      '"a b": 1\n\'c\': 2\n',
      // A quoted key with its value (or a `#`) right after the colon: found by the fuzz test.
      "'@eslint/js':#\n  a: 1\n",
      '"a":b\n',
      '-a: 1\n',
      ':a: 1\n',
      'a: {b: -1, c: [x, "y"]}\n',
      // A tab after a colon separates as a space does (found by the fuzz test on CI).
      'x:\n  .:\t    devDependencies:\n',
      'a:\tb: c\n',
      'a: b:\tc\n',
      'a: [b:\tc]\n',
      'a: {b: c:\td}\n',
      // Keys the full parser reads as null or as another number (found by the fuzz test).
      'a:\n  ~:\n    b: 1\n',
      'null: 1\n',
      '1.0: x\n',
      '0x1: x\n',
      '1e3: x\n',
      // A comment must follow a value after a space (found by the fuzz test).
      "a: '9.0'#\n",
      'a: "x"#c\n',
      'a: [b]#\n',
      "a: 'x' #c\n",
    ]) {
      const fast = parseYamlSubset(text);
      let expected: unknown;
      try {
        expected = full(text);
      } catch {
        expect(fast, text).toBeUndefined();
        continue;
      }
      if (fast !== undefined) expect(fast, text).toEqual(expected);
    }
    // The common cases are read, not declined.
    expect(parseYamlSubset('a: \t"x"\nb: -x\n')).toEqual({ a: 'x', b: '-x' });
  });

  it('agrees with the yaml package on mutated lockfiles whenever it answers', () => {
    const samples = ['npm-jest-yarn-berry/yarn.lock', 'npm-vite-pnpm/pnpm-lock.yaml'].map((f) =>
      readFileSync(join(LOCKFILES, f), 'utf8').slice(0, 3000),
    );
    const pieces = [
      ' ',
      ':',
      ': ',
      '- ',
      '"',
      "'",
      '#',
      '{',
      '}',
      '[',
      ']',
      ',',
      '\n',
      '\n  ',
      'true',
      '1.5',
      '~',
      '\\',
      '\t',
      '?',
      'a',
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...pieces), fc.nat({ max: 3 })), {
          maxLength: 4,
        }),
        (base, edits) => {
          let text = base;
          for (const [at, piece, del] of edits) {
            const p = at % (text.length + 1);
            text = text.slice(0, p) + piece + text.slice(p + del);
          }
          const fast = parseYamlSubset(text);
          if (fast === undefined) return;
          expect(fast).toEqual(full(text));
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});

/** What `scanBerry` keeps of a full YAML reading: the entries' fields the inventory reads. */
function berryFields(doc: unknown): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const [key, value] of Object.entries(doc as Record<string, Record<string, unknown>>)) {
    if (key === '__metadata') continue;
    const kept: Record<string, unknown> = {};
    for (const field of ['version', 'resolution', 'dependencies', 'optionalDependencies']) {
      if (!Object.hasOwn(value, field)) continue;
      const v = value[field];
      // The scanner gives dependency maps as Maps.
      kept[field] =
        field.endsWith('ependencies') && v !== null && typeof v === 'object' && !Array.isArray(v)
          ? new Map(Object.entries(v))
          : v;
    }
    out.set(key, kept);
  }
  return out;
}

describe("the berry lockfile scanner (yarn.lock's fields, without the rest)", () => {
  const berry = readFileSync(join(LOCKFILES, 'npm-jest-yarn-berry/yarn.lock'), 'utf8');

  it('reads every entry of a real lockfile as the yaml package does', () => {
    const fast = scanBerry(berry);
    expect(fast?.size).toBeGreaterThan(2000);
    expect(fast).toEqual(berryFields(full(berry)));
    expect(scanBerry(berry.replaceAll('\n', '\r\n'))).toEqual(fast);
  });

  it('declines what it does not read itself', () => {
    for (const text of [
      '__metadata:\n  version: 8\n\n"a@npm:1":\n  version: 1\n  dependencies:\n    b:\n      c: 1\n',
      '__metadata:\n  version: 8\n\n"a@npm:1":\n  version: 1\n  version: 2\n',
      '__metadata:\n  version: 8\n\n"a@npm:1":\n    version: 1\n',
      '__metadata:\n  version: 8\n\n"a@npm:1":\n  version: |\n    1\n',
      '__metadata:\n  version: 8\n\n"a@npm:1":\n  dependencies:\n    - b\n',
      '__metadata:\n  version: 8\n\n"a@npm:1":\n\n"b@npm:1":\n  version: 1\n',
      '__metadata:\n  version: 8\n\n"1":\n  version: 1\n',
      '  version: 1\n',
    ]) {
      expect(scanBerry(text)).toBeUndefined();
    }
  });

  it('agrees with the yaml package on mutated lockfiles whenever both answer', () => {
    const pieces = [' ', ':', ': ', '- ', '"', "'", '#', '{', '}', '\n', '\n  ', '\n    ', '\\'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.constantFrom(...pieces), fc.nat({ max: 3 })), {
          maxLength: 4,
        }),
        (edits) => {
          let text = berry.slice(0, 3000);
          for (const [at, piece, del] of edits) {
            const p = at % (text.length + 1);
            text = text.slice(0, p) + piece + text.slice(p + del);
          }
          const fast = scanBerry(text);
          if (fast === undefined) return;
          let doc: unknown;
          try {
            doc = full(text);
          } catch {
            // Invalid YAML in a field the scanner skips: it reads the fields it needs only.
            return;
          }
          expect(fast).toEqual(berryFields(doc));
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
    );
  });
});
