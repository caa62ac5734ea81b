import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseYamlSubset } from '../lockfiles/fastyaml.js';
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
