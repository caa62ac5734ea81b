import { describe, expect, it } from 'vitest';
import {
  bundleWithPayload,
  deepJson,
  deepStatement,
  manyJsonLines,
} from '../../../../test/helpers/hostile-files.js';
import {
  CoreError,
  checkPayloadDepth,
  MAX_JSON_DEPTH,
  MAX_JSON_DOCUMENTS,
  parseJson,
  parseJsonDocuments,
  unwrapAttestationRecord,
} from '../index.js';

function thrown(fn: () => unknown): CoreError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CoreError);
    return err as CoreError;
  }
  throw new Error('did not throw');
}

describe('parseJsonDocuments', () => {
  it('reads one document, or JSON lines naming each line', () => {
    expect(parseJsonDocuments(' {"a": 1}\n', 'one.json')).toEqual([
      { source: 'one.json', text: '{"a": 1}', json: { a: 1 } },
    ]);
    expect(parseJsonDocuments('{"a":1}\n\n{"b":2}\n', 'two.jsonl')).toEqual([
      { source: 'two.jsonl:1', text: '{"a":1}', json: { a: 1 } },
      { source: 'two.jsonl:3', text: '{"b":2}', json: { b: 2 } },
    ]);
  });

  it('names the file, and the line, of what is not JSON', () => {
    expect(() => parseJsonDocuments('{}\n{x\n', 'c.jsonl')).toThrow(/^c\.jsonl:2: not JSON/);
    expect(() => parseJsonDocuments('  \n', 'e.json')).toThrow(/^e\.json: the file is empty$/);
  });
});

describe('limits of parseJsonDocuments', () => {
  it('reads up to MAX_JSON_DOCUMENTS lines, and refuses a file of 130,000 naming it', () => {
    expect(parseJsonDocuments(manyJsonLines(MAX_JSON_DOCUMENTS), 'full.jsonl')).toHaveLength(
      MAX_JSON_DOCUMENTS,
    );
    // Returned whole, these once crashed callers spreading them into push(...).
    const err = thrown(() => parseJsonDocuments(manyJsonLines(130_000), 'many.jsonl'));
    expect(err.code).toBe('TOO_MANY_DOCUMENTS');
    expect(err.message).toBe(
      `many.jsonl: more than ${MAX_JSON_DOCUMENTS} JSON documents (line ${MAX_JSON_DOCUMENTS + 1}); at most ${MAX_JSON_DOCUMENTS} are read from one file`,
    );
  });

  it('refuses a document nesting 100,000 deep, naming the file and the line', () => {
    expect(parseJsonDocuments(deepJson(MAX_JSON_DEPTH), 'ok.json')).toHaveLength(1);
    const err = thrown(() => parseJsonDocuments(deepJson(100_000), 'deep.json'));
    expect(err.code).toBe('JSON_TOO_DEEP');
    expect(err.message).toBe(`deep.json:1: nests deeper than ${MAX_JSON_DEPTH} levels`);
    expect(() => parseJsonDocuments(deepJson(MAX_JSON_DEPTH + 1), 'd.json')).toThrow(/d\.json:1:/);
    const line = thrown(() => parseJsonDocuments(`{}\n{}\n{"a":${deepJson(600)}}\n`, 'l.jsonl'));
    expect(line.message).toBe(`l.jsonl:3: nests deeper than ${MAX_JSON_DEPTH} levels`);
  });

  it('counts brackets only outside strings', () => {
    const text = JSON.stringify({ s: '['.repeat(5000), t: 'a\\"[[[[' });
    expect(parseJsonDocuments(text, 's.json')[0]!.json).toEqual(JSON.parse(text));
  });

  it('calls a binary or a script with brackets in it not JSON, not too deep', () => {
    // Characters JSON allows nowhere: the parser, not the depth count, has the last word.
    const binary = Buffer.concat([
      Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01]),
      Buffer.alloc(4096, '['),
    ]).toString('latin1');
    const script = `!function(){${'if(a){'.repeat(2000)}${'}'.repeat(2000)}}()`;
    for (const text of [binary, script, `"a\u0001"${deepJson(1000)}`]) {
      expect(thrown(() => parseJsonDocuments(text, 'app')).code).toBe('INVALID_JSON');
    }
  });
});

describe('parseJson', () => {
  it('parses, names the source in errors, and refuses deep nesting', () => {
    expect(parseJson('{"a":[1]}', 'x')).toEqual({ a: [1] });
    expect(thrown(() => parseJson('{x', 'the payload')).message).toMatch(
      /^the payload: not JSON \(/,
    );
    const err = thrown(() => parseJson(deepJson(100_000), 'the payload'));
    expect(err.code).toBe('JSON_TOO_DEEP');
  });
});

describe('checkPayloadDepth', () => {
  const sha = 'a'.repeat(64);
  it('refuses a bundle whose DSSE payload nests deeper than the limit', () => {
    const deep = JSON.parse(bundleWithPayload(deepStatement(sha, 100_000)));
    const err = thrown(() => checkPayloadDepth(deep, 'b.json'));
    expect(err.code).toBe('JSON_TOO_DEEP');
    expect(err.message).toBe(`b.json: the DSSE payload nests deeper than ${MAX_JSON_DEPTH} levels`);
  });

  it('leaves everything else to verification', () => {
    checkPayloadDepth(JSON.parse(bundleWithPayload(deepStatement(sha, 100))), 'b.json');
    checkPayloadDepth(JSON.parse(bundleWithPayload('not json at all')), 'b.json');
    for (const other of [
      null,
      1,
      'x',
      {},
      { dsseEnvelope: null },
      { dsseEnvelope: { payload: 5 } },
    ])
      checkPayloadDepth(other, 'b.json');
  });
});

describe('unwrapAttestationRecord', () => {
  it('takes the bundle out of a GitHub attestation record, and leaves a bundle as it is', () => {
    const bundle = { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' };
    expect(unwrapAttestationRecord({ bundle, repository_id: 1 })).toBe(bundle);
    expect(unwrapAttestationRecord(bundle)).toBe(bundle);
    expect(unwrapAttestationRecord([bundle])).toEqual([bundle]);
  });
});
