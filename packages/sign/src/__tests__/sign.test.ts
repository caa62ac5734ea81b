import { buildStatement, PredicateType } from '@build-artifact/core';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signStatement } from '../index.js';
import { verifyBundle } from './helpers.js';

let dev: DevSigstore;
beforeAll(async () => {
  dev = await startDevSigstore();
});
afterAll(async () => {
  await dev?.close();
});

const statement = buildStatement(
  [{ name: 'nats.wasm', digest: { sha256: 'ab'.repeat(32) } }],
  PredicateType.SLSA_PROVENANCE_V1,
  { buildDefinition: { buildType: 'x' } },
);

describe('signStatement against the dev Sigstore', () => {
  it('makes a bundle v0.3 that @sigstore/verify accepts', async () => {
    const token = await dev.mintToken('sigstore');
    const bundle = await signStatement(statement, {
      fulcioURL: dev.fulcioURL,
      rekorURL: dev.rekorURL,
      tsaURL: dev.tsaURL,
      identityToken: token,
    });
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    const signer = verifyBundle(bundle, dev.trustedRoot, {
      subjectAlternativeName:
        '^https://github\\.com/build-artifact/build-artifact/\\.github/workflows/build-artifact\\.yml@refs/tags/v1\\.0\\.0$',
      extensions: { issuer: dev.oidc.issuer },
    });
    expect(signer.identity?.subjectAlternativeName).toMatch(/build-artifact\.yml/);
  });
});
