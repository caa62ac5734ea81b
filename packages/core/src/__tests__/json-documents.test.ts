import { describe, expect, it } from 'vitest';
import { parseJsonDocuments, unwrapAttestationRecord } from '../index.js';

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

describe('unwrapAttestationRecord', () => {
  it('takes the bundle out of a GitHub attestation record, and leaves a bundle as it is', () => {
    const bundle = { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json' };
    expect(unwrapAttestationRecord({ bundle, repository_id: 1 })).toBe(bundle);
    expect(unwrapAttestationRecord(bundle)).toBe(bundle);
    expect(unwrapAttestationRecord([bundle])).toEqual([bundle]);
  });
});
