import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bundlePathFor,
  GITHUB_INSTANCE,
  MAX_PREDICATE_BYTES,
  PUBLIC_GOOD,
  sbomStatement,
  sigstoreInstanceFromEnv,
  writeBundle,
} from '../index.js';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sign-files-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('bundles on disk', () => {
  it('are named after the artifact', () => {
    expect(bundlePathFor('dist/nats.wasm')).toBe('dist/nats.wasm.sigstore.json');
    expect(bundlePathFor('dist/nats.wasm', 'sbom')).toBe('dist/nats.wasm.sbom.sigstore.json');
  });
  it('are written whole, with no temporary file left', async () => {
    const path = bundlePathFor(join(dir, 'a.bin'));
    await writeBundle(path, { mediaType: 'x' } as never);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({ mediaType: 'x' });
    expect(await readdir(dir)).toEqual(['a.bin.sigstore.json']);
  });
});

describe('SBOM attestation statement', () => {
  const subjects = [{ name: 'a', digest: { sha256: '00'.repeat(32) } }];
  it('has the BOM as predicate https://cyclonedx.org/bom', () => {
    const bom = { bomFormat: 'CycloneDX', specVersion: '1.6', serialNumber: 'urn:uuid:x' };
    const s = sbomStatement(subjects, bom);
    expect(s.predicateType).toBe('https://cyclonedx.org/bom');
    expect(s.predicate).toEqual(bom);
    expect(s.subject).toEqual(subjects);
  });
  it('refuses a BOM over 16 MiB', () => {
    const err = (() => {
      try {
        sbomStatement(subjects, { big: 'x'.repeat(MAX_PREDICATE_BYTES) });
      } catch (e) {
        return e as { code: string };
      }
      return undefined;
    })();
    expect(err?.code).toBe('PREDICATE_TOO_LARGE');
  });
});

describe('choosing the Sigstore instance (as actions/attest does)', () => {
  it('public repositories sign on public-good, others on GitHub', () => {
    expect(sigstoreInstanceFromEnv({}, { visibility: 'public' })).toEqual(PUBLIC_GOOD);
    expect(sigstoreInstanceFromEnv({}, { visibility: 'private' })).toEqual(GITHUB_INSTANCE);
    expect(sigstoreInstanceFromEnv({}, { visibility: 'internal' })).toEqual(GITHUB_INSTANCE);
    expect(sigstoreInstanceFromEnv({}, {})).toEqual(GITHUB_INSTANCE);
    expect(GITHUB_INSTANCE.rekorURL).toBeUndefined();
  });
  it('an explicit choice wins, and ATTEST_* URLs win over everything', () => {
    expect(sigstoreInstanceFromEnv({}, { visibility: 'public', instance: 'github' })).toEqual(
      GITHUB_INSTANCE,
    );
    expect(sigstoreInstanceFromEnv({}, { visibility: 'private', instance: 'public-good' })).toEqual(
      PUBLIC_GOOD,
    );
    expect(
      sigstoreInstanceFromEnv(
        { ATTEST_FULCIO_URL: 'http://f', ATTEST_REKOR_URL: 'http://r', ATTEST_TSA_URL: 'http://t' },
        { instance: 'public-good' },
      ),
    ).toEqual({ name: 'custom', fulcioURL: 'http://f', rekorURL: 'http://r', tsaURL: 'http://t' });
    expect(() => sigstoreInstanceFromEnv({ ATTEST_FULCIO_URL: 'http://f' })).toThrow(
      /ATTEST_REKOR_URL/,
    );
  });
});
