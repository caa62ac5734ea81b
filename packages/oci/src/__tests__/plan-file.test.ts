import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { digestBytes } from '@build-artifact/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OciError, OciLayout, parsePlan, planFile, pushPlan, serializePlan } from './exports.js';

let dir: string;
let file: string;
let digest: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oci-plan-'));
  file = join(dir, 'tool');
  await writeFile(file, 'a tool');
  digest = `sha256:${digestBytes('a tool')}`;
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const SOURCE = 'tool.oci-manifest.json';

function refused(text: string, expected: RegExp): void {
  let err: unknown;
  try {
    parsePlan(text, file, digest, SOURCE);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(OciError);
  expect((err as OciError).code).toBe('INVALID_MANIFEST');
  expect((err as OciError).message).toMatch(expected);
}

/** A plan file whose manifest is `manifest` (and blobs `blobs`) as written. */
const planText = (manifest: unknown, blobs: unknown = []) =>
  JSON.stringify({
    format: 'build-artifact.oci-plan.v1',
    manifest: Buffer.from(JSON.stringify(manifest)).toString('base64'),
    blobs,
  });

describe('plan files', () => {
  it('carry a plan to another job, which pushes the manifest planned, byte for byte', async () => {
    const planned = await planFile(file, { created: '2024-01-01T00:00:00Z' });
    const read = parsePlan(serializePlan(planned), file, digest, SOURCE);
    expect(read.descriptor).toEqual(planned.descriptor);
    expect(Buffer.from(read.bytes)).toEqual(Buffer.from(planned.bytes));
    expect(read.title).toBe('tool');
    const pushed = await pushPlan(new OciLayout(join(dir, 'layout')), read);
    expect(pushed.descriptor.digest).toBe(planned.descriptor.digest);
  });

  it('refuse another file, a tampered blob, a missing config, naming the plan', async () => {
    const text = serializePlan(await planFile(file));
    const other = `sha256:${'0'.repeat(64)}`;
    expect(() => parsePlan(text, file, other, SOURCE)).toThrow(
      `${SOURCE}: its layer is ${digest}, but ${file} is ${other}`,
    );
    const plan = JSON.parse(text);
    refused(
      JSON.stringify({ ...plan, blobs: [{ ...plan.blobs[0], data: 'e30K' }] }),
      /does not match its content/,
    );
    refused(JSON.stringify({ ...plan, blobs: [] }), /its config blob is missing/);
  });

  it('refuse hostile shapes with a typed error, never a TypeError', () => {
    const layer = { mediaType: 'application/octet-stream', digest, size: 6 };
    refused('{x', /^tool\.oci-manifest\.json: not JSON/);
    refused('[]', /not a build-artifact\.oci-plan\.v1 plan/);
    refused(`{"a":${'['.repeat(600)}${']'.repeat(600)}}`, /nests deeper/);
    refused(planText(null), /exactly one layer/);
    refused(planText({ layers: [null] }), /not a descriptor with a size/);
    refused(planText({ layers: [{ digest }] }), /not a descriptor with a size/);
    refused(planText({ layers: [layer] }), /has no config/);
    refused(planText({ layers: [layer], config: {} }, [null]), /does not match its content/);
  });
});
