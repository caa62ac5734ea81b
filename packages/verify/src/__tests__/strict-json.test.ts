import { generateKeyPairSync } from 'node:crypto';
import { digestBytes, PredicateType, STATEMENT_TYPE_V1 } from '@build-artifact/core';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTrustedRoot, type Trust, verifyArtifact } from '../index.js';
import { checkParsedKeys, parseStrictJson } from '../strict-json.js';
import { keyedPayloadBundle } from './local-ca.js';

const problem = (text: string) => {
  const r = parseStrictJson(text);
  return r.ok ? undefined : r.problem;
};

const statement = {
  _type: STATEMENT_TYPE_V1,
  subject: [{ name: 'a', digest: { sha256: 'ab' } }],
  predicateType: PredicateType.SLSA_PROVENANCE_V1,
  predicate: { runDetails: { builder: { id: 'x' } } },
};

describe('parseStrictJson', () => {
  it('reads a statement as JSON.parse does', () => {
    const r = parseStrictJson(JSON.stringify(statement));
    expect(r).toEqual({ ok: true, value: statement });
    expect(problem('{"a":"}\\"{","b":["{",{"c":1}],"d":{"c":2}}')).toBeUndefined();
  });

  it('refuses duplicate keys anywhere, escapes decoded', () => {
    expect(problem('{"subject":[],"subject":[]}')).toMatch(
      /the statement has the key "subject" twice/,
    );
    expect(problem('{"sub\\u006aect":1,"subject":2}')).toMatch(/"subject" twice/);
    expect(problem('{"predicate":{"a":[{"b":{"c":1,"c":2}}]}}')).toMatch(
      /^predicate\.a\[0\]\.b has the key "c" twice/,
    );
    expect(problem('{"subject":[{"digest":{"sha256":"a","sha256":"b"}}]}')).toMatch(
      /subject\[0\]\.digest has the key "sha256" twice/,
    );
  });

  it('refuses keys that differ only by case, as Go folds them', () => {
    expect(problem('{"subject":[],"Subject":[]}')).toMatch(/differ only by case/);
    // U+017F (long s) folds to s, U+212A (Kelvin sign) to k in Go's encoding/json.
    expect(problem('{"subject":[],"\u017fubject":[]}')).toMatch(/differ only by case/);
    expect(problem('{"predicate":{"kind":1,"\u212aind":2}}')).toMatch(/differ only by case/);
    expect(problem('{"predicate":{"builder":{"id":"a","ID":"b"}}}')).toMatch(
      /predicate\.builder has the keys "id" and "ID"/,
    );
  });

  it('refuses other spellings of the in-toto field names (protojson reads them)', () => {
    for (const key of [
      'predicate_type',
      'PredicateType',
      'type',
      'Subject',
      '\u017fubject',
      '__type',
    ])
      expect(problem(JSON.stringify({ [key]: 1 })), key).toMatch(/another spelling/);
    expect(problem('{"subject":[{"download_location":"x"}]}')).toMatch(
      /subject\[0\] has the key "download_location", another spelling of "downloadLocation"/,
    );
    // Elsewhere such keys are the predicate's own business.
    expect(problem('{"predicate":{"predicate_type":1,"type":2}}')).toBeUndefined();
  });

  it('reads deep nesting without exhausting the stack', () => {
    const depth = 200_000;
    const deep = `{"predicate":${'['.repeat(depth)}{"a":1,"a":2}${']'.repeat(depth)}}`;
    expect(problem(deep)).toMatch(/has the key "a" twice/);
    expect(problem(`${'['.repeat(depth)}${']'.repeat(depth)}`)).toBeUndefined();
  });

  it('quotes the keys it names: they are the signer’s text', () => {
    const p = problem('{"predicate":{"\\u001b[2J":{"a\\u0007":1,"a\\u0007":2}}}');
    expect(p).toBe('predicate["\\u001b[2J"] has the key "a\\u0007" twice');
    expect(p).not.toMatch(/[\u0000-\u001f]/);
    expect(problem(`{"predicate":{"${'k'.repeat(10_000)}":{"a":1,"a":2}}}`)?.length).toBeLessThan(
      200,
    );
  });

  it('names what is not JSON', () => {
    expect(problem('{"a":')).toMatch(/^not JSON/);
  });
});

describe('checkParsedKeys (unsigned statements)', () => {
  it('sees case-folded keys and other spellings in parsed values', () => {
    expect(checkParsedKeys(statement)).toBeUndefined();
    expect(checkParsedKeys({ ...statement, Subject: [] })).toMatch(/differ only by case/);
    expect(checkParsedKeys({ ...statement, predicate_type: 'x' })).toMatch(/another spelling/);
    expect(
      checkParsedKeys({
        ...statement,
        subject: [{ name: 'a', Digest: {}, digest: { sha256: 'ab' } }],
      }),
    ).toMatch(/subject\[0\]/);
  });
});

// Property: a statement made ambiguous in any of these ways never verifies, and the same
// statement written plainly does (so the property can fail).
describe('property: ambiguous statements never verify', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  let trust: Trust;
  beforeAll(async () => {
    trust = await loadTrustedRoot({
      publicKeyPem: publicKey.export({ format: 'pem', type: 'spki' }).toString(),
      githubTufURL: 'http://127.0.0.1:9',
    });
  });

  const FOLDS: Record<string, string> = { s: '\u017f', k: '\u212a' };
  /** Another spelling of `key` that Go's encoding/json or protojson reads as `key`. */
  const variant = (key: string) =>
    fc
      .oneof(
        fc
          .array(fc.boolean(), { minLength: key.length, maxLength: key.length })
          .map((flips) => [...key].map((c, i) => (flips[i] ? c.toUpperCase() : c)).join('')),
        fc.constant(key.replace(/[sk]/, (c) => FOLDS[c]!)),
        fc.constant(key.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase()),
        fc.constant(key.replace(/^_/, '')),
      )
      .filter((v) => v !== key);

  const text = (v: unknown) => JSON.stringify(v);
  const raw = (s: string) => ({ raw: s });
  /** An object's text from entries, in order, duplicates allowed. */
  const object = (entries: [string, unknown][]) =>
    `{${entries
      .map(
        ([k, v]) =>
          `${text(k)}:${typeof v === 'object' && v !== null && 'raw' in v ? (v as { raw: string }).raw : text(v)}`,
      )
      .join(',')}}`;

  const STATEMENT_KEYS = ['_type', 'subject', 'predicateType', 'predicate'];
  const SUBJECT_KEYS = ['name', 'digest'];
  const fault = fc.constantFrom('statement' as const, 'subject' as const).chain((where) =>
    fc.constantFrom(...(where === 'statement' ? STATEMENT_KEYS : SUBJECT_KEYS)).chain((key) =>
      fc.record({
        where: fc.constant(where),
        key: fc.constant(key),
        extraKey: fc.oneof(fc.constant(key), variant(key)),
        first: fc.boolean(),
      }),
    ),
  );
  const artifact = fc.uint8Array({ minLength: 1, maxLength: 32 }).map((b) => Buffer.from(b));
  // Predicate keys that cannot collide by case among themselves: the plain statement must verify.
  const predicate = fc.dictionary(
    fc.stringMatching(/^[a-z][a-z0-9]{0,7}$/),
    fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(fc.string(), { maxLength: 3 })),
    { maxKeys: 4 },
  );

  it('duplicate or re-spelled keys in the statement or a subject', async () => {
    await fc.assert(
      fc.asyncProperty(
        artifact,
        artifact,
        fc.string({ maxLength: 20 }),
        predicate,
        fault,
        fc.context(),
        async (mineBytes, otherBytes, name, pred, f, ctx) => {
          const mine = digestBytes(mineBytes);
          const theirs = digestBytes(otherBytes);
          const subject = (sha256: string): [string, unknown][] => [
            ['name', name],
            ['digest', { sha256 }],
          ];
          const top = (subjects: string): [string, unknown][] => [
            ['_type', STATEMENT_TYPE_V1],
            ['subject', raw(subjects)],
            ['predicateType', PredicateType.SLSA_PROVENANCE_V1],
            ['predicate', pred],
          ];
          const plain = object(top(`[${object(subject(mine))}]`));
          const fields =
            f.where === 'statement' ? top(`[${object(subject(mine))}]`) : subject(mine);
          const value = fields.find(([k]) => k === f.key)![1];
          // The extra entry names the other artifact where it can, before or after the real one.
          const extraValue =
            f.key === 'digest'
              ? { sha256: theirs }
              : f.key === 'subject'
                ? raw(`[${object(subject(theirs))}]`)
                : value;
          const extra: [string, unknown] = [f.extraKey, extraValue];
          const extended = f.first ? [extra, ...fields] : [...fields, extra];
          const ambiguous =
            f.where === 'statement' ? object(extended) : object(top(`[${object(extended)}]`));
          ctx.log(ambiguous);
          const verify = (payload: string) =>
            verifyArtifact(
              {
                digest: { sha256: mine },
                evidence: [{ source: 'prop', json: keyedPayloadBundle(payload, privateKey) }],
              },
              {},
              trust,
            );
          expect((await verify(plain)).failure).toBeUndefined();
          const r = await verify(ambiguous);
          expect(r.verified).toBe(false);
          expect(r.failure?.reason).toBe('STATEMENT_INVALID');
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});
