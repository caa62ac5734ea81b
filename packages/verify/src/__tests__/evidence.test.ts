import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_JSON_DEPTH, MAX_JSON_DOCUMENTS } from '@build-artifact/core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  bundleWithPayload,
  deepStatement,
  makeFifo,
  manyJsonLines,
  releaseFifos,
} from '../../../../test/helpers/hostile-files.js';
import { findEvidenceFiles, parseEvidence, readEvidence, VerifyError } from '../index.js';
import { BCR, GH } from './testdata.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verify-evidence-'));
});
afterEach(() => releaseFifos());
afterAll(() => rm(dir, { recursive: true, force: true }));

async function failure(p: Promise<unknown>): Promise<VerifyError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(VerifyError);
  return err as VerifyError;
}

const SHA = 'c'.repeat(64);

describe('readEvidence', () => {
  it('reads a real JSON-lines bundle file, one evidence per line', async () => {
    const path = join(GH, 'sigstore-js-2.1.0_with_2_bundles.jsonl');
    const evidence = await readEvidence(path);
    expect(evidence.map((e) => e.source)).toEqual([`${path}:1`, `${path}:2`]);
  });

  it('refuses a FIFO given as a bundle without waiting for a writer', {
    timeout: 5000,
  }, async () => {
    const fifo = makeFifo(join(dir, 'bundle.fifo.json'));
    const err = await failure(readEvidence(fifo));
    expect(err.code).toBe('EVIDENCE_UNREADABLE');
    expect(err.message).toBe(`${fifo}: is a named pipe (FIFO), not a regular file`);
  });

  it('refuses a file of 130,000 JSON lines, naming it', async () => {
    const path = join(dir, 'many.jsonl');
    await writeFile(path, manyJsonLines(130_000));
    const err = await failure(readEvidence(path));
    expect(err.code).toBe('INVALID_EVIDENCE');
    expect(err.message).toContain(`${path}: more than ${MAX_JSON_DOCUMENTS} JSON documents`);
  });

  it('refuses a bundle whose statement nests 100,000 deep, naming the file and line', async () => {
    const path = join(dir, 'deep.intoto.jsonl');
    await writeFile(path, `${bundleWithPayload(deepStatement(SHA, 100_000))}\n`);
    const err = await failure(readEvidence(path));
    expect(err.code).toBe('INVALID_EVIDENCE');
    expect(err.message).toBe(
      `${path}: the DSSE payload nests deeper than ${MAX_JSON_DEPTH} levels`,
    );
    // A statement within the limit is read as before.
    expect(parseEvidence(bundleWithPayload(deepStatement(SHA, 100)), 'ok.json')).toHaveLength(1);
  });
});

describe('findEvidenceFiles', () => {
  it('finds a sidecar that is no regular file, so that reading it says what is wrong', async () => {
    const artifact = join(dir, 'app.tgz');
    await writeFile(artifact, 'an artifact');
    await copyFile(join(BCR, 'MODULE.bazel.intoto.jsonl'), `${artifact}.intoto.jsonl`);
    const fifo = makeFifo(`${artifact}.sigstore.json`);
    expect(await findEvidenceFiles(artifact)).toEqual([fifo, `${artifact}.intoto.jsonl`]);
    await expect(readEvidence(fifo)).rejects.toMatchObject({ code: 'EVIDENCE_UNREADABLE' });
  });
});
