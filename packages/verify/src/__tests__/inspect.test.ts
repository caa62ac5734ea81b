import { MAX_JSON_DEPTH } from '@build-artifact/core';
import { describe, expect, it } from 'vitest';
import { bundleWithPayload, deepStatement } from '../../../../test/helpers/hostile-files.js';
import { inspectEvidence } from '../index.js';

const SHA = 'd'.repeat(64);

describe('inspectEvidence', () => {
  it('decodes the statement of a signed bundle', () => {
    const inspected = inspectEvidence({
      source: 'ok.json',
      json: JSON.parse(bundleWithPayload(deepStatement(SHA, 3))),
    });
    expect(inspected.kind).toBe('bundle');
    expect(inspected.signedWith).toBe('key');
    expect(inspected.statement).toMatchObject({ subject: [{ digest: { sha256: SHA } }] });
    expect(inspected.errors).toEqual([]);
  });

  it('leaves out a statement nesting 100,000 deep, saying why, so it can be printed', () => {
    // Evidence need not come from a file (an OCI referrer, a caller's own): checked here too.
    const inspected = inspectEvidence({
      source: 'deep.json',
      json: JSON.parse(bundleWithPayload(deepStatement(SHA, 100_000))),
    });
    expect(inspected.statement).toBeUndefined();
    expect(inspected.errors).toEqual([
      `the DSSE payload: nests deeper than ${MAX_JSON_DEPTH} levels`,
    ]);
    expect(() => JSON.stringify(inspected)).not.toThrow();
  });
});
