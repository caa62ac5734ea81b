import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isBaseError } from '@build-artifact/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  inspectBytes,
  parseCargoLock,
  parseGoMod,
  parseModinfo,
  parsePackageLock,
  parsePdmLock,
  parsePipfileLock,
  parsePnpmLock,
  parsePoetryLock,
  parseRequirements,
  parseUvLock,
  parseYarnLock,
} from '../index.js';
import { LOCKFILES } from './helpers.js';
import { custom, module, producers } from './wasm-builder.js';

/** Parsers either return or throw one of our typed errors: never a TypeError, never a hang. */
function typedOrOk(f: () => unknown): void {
  try {
    f();
  } catch (err) {
    if (!isBaseError(err)) throw err;
  }
}

const sample = (dir: string, file: string, bytes = 6000) =>
  readFileSync(join(LOCKFILES, dir, file), 'utf8').slice(0, bytes);

const parsers: [string, (text: string) => unknown, string][] = [
  ['Cargo.lock', (t) => parseCargoLock(t, 'Cargo.lock'), sample('cargo-ripgrep', 'Cargo.lock')],
  [
    'go.mod',
    (t) => parseGoMod(t, 'go.mod', { text: t, file: 'go.sum' }),
    sample('golang-cosign', 'go.mod'),
  ],
  [
    'package-lock.json',
    (t) => parsePackageLock(t, 'package-lock.json'),
    sample('npm-sigstore-js-package-lock', 'package-lock.json'),
  ],
  [
    'pnpm-lock.yaml',
    (t) => parsePnpmLock(t, 'pnpm-lock.yaml'),
    sample('npm-vite-pnpm', 'pnpm-lock.yaml'),
  ],
  [
    'yarn.lock v1',
    (t) => parseYarnLock(t, 'yarn.lock'),
    sample('npm-excalidraw-yarn-v1', 'yarn.lock'),
  ],
  [
    'yarn.lock berry',
    (t) => parseYarnLock(t, 'yarn.lock'),
    sample('npm-jest-yarn-berry', 'yarn.lock'),
  ],
  ['uv.lock', (t) => parseUvLock(t, 'uv.lock'), sample('pypi-pydantic-ai-uv', 'uv.lock')],
  [
    'poetry.lock',
    (t) => parsePoetryLock(t, 'poetry.lock'),
    sample('pypi-textual-poetry', 'poetry.lock'),
  ],
  ['pdm.lock', (t) => parsePdmLock(t, 'pdm.lock'), sample('pypi-textual-poetry', 'poetry.lock')],
  [
    'Pipfile.lock',
    (t) => parsePipfileLock(t, 'Pipfile.lock'),
    sample('pypi-pipenv-pipfile', 'Pipfile.lock'),
  ],
  [
    'requirements.txt',
    (t) => parseRequirements(t, '/nonexistent/requirements.txt', () => ''),
    sample('pypi-sigstore-conformance-requirements', 'requirements.txt'),
  ],
];

// A real lockfile cut somewhere and with something spliced in: the malformed input users have.
const mutation = (base: string) =>
  fc
    .tuple(
      fc.nat({ max: base.length }),
      fc.nat({ max: base.length }),
      fc.string({ maxLength: 40 }),
      fc.boolean(),
    )
    .map(([cut, at, insert, truncate]) => {
      const s = truncate ? base.slice(0, cut) : base;
      const p = Math.min(at, s.length);
      return s.slice(0, p) + insert + s.slice(p);
    });

describe('fuzzing the lockfile parsers', () => {
  for (const [name, parse, base] of parsers) {
    it(`${name}: random text and mutated real lockfiles give a result or a typed error`, () => {
      fc.assert(
        fc.property(fc.oneof(fc.string({ maxLength: 300 }), mutation(base)), (text) =>
          typedOrOk(() => parse(text)),
        ),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
      );
    });
  }

  it('a truncated real lockfile is either still readable or a MALFORMED_LOCKFILE error', () => {
    const base = sample('npm-sigstore-js-package-lock', 'package-lock.json', 20000);
    fc.assert(
      fc.property(fc.nat({ max: base.length - 1 }), (cut) => {
        try {
          parsePackageLock(base.slice(0, cut), 'package-lock.json');
          return false; // a prefix of a JSON object is never valid JSON
        } catch (err) {
          return (err as { code?: string }).code === 'MALFORMED_LOCKFILE';
        }
      }),
      { numRuns: 100 },
    );
  });
});

describe('fuzzing the binary readers', () => {
  const heads = [
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
    Buffer.from([0xcf, 0xfa, 0xed, 0xfe]),
    Buffer.from('MZ'),
    Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]),
    Buffer.from([0, 0x61, 0x73, 0x6d, 0x0d, 0, 1, 0]),
  ];
  const valid = module({
    data: Buffer.concat([
      Buffer.from('3077af0c9274080241e1c107e6d618e6', 'hex'),
      Buffer.from('path\tex.com/m\nmod\tex.com/m\t(devel)\t\ndep\tgithub.com/a/b\tv1.0.0\th1:x=\n'),
      Buffer.from('f932433186182072008242104116d8f2', 'hex'),
    ]),
    customs: [producers({ language: { Go: 'go1.23.5' } }), custom('.dep-v0', Buffer.from('x'))],
  });

  it('random bytes behind every magic give a result or a typed error', () => {
    fc.assert(
      fc.property(fc.constantFrom(...heads), fc.uint8Array({ maxLength: 512 }), (head, tail) =>
        typedOrOk(() => inspectBytes(Buffer.concat([head, tail]), 'fuzz.bin')),
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
  });

  it('byte flips in a valid module give a result or a typed error', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat({ max: valid.length - 1 }), fc.integer({ min: 0, max: 255 })), {
          maxLength: 6,
        }),
        (flips) => {
          const b = Buffer.from(valid);
          for (const [i, v] of flips) b[i] = v;
          typedOrOk(() => inspectBytes(b, 'flip.wasm'));
        },
      ),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
  });

  it('module info parsing never throws anything but RangeError', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => {
        try {
          parseModinfo(s);
        } catch (err) {
          expect(err).toBeInstanceOf(RangeError);
        }
      }),
      { numRuns: 200 },
    );
  });
});
