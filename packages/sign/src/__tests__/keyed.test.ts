import { createPublicKey, generateKeyPairSync } from 'node:crypto';
import { buildStatement, PredicateType } from '@build-artifact/core';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicKeyId, SignError, signStatement } from '../index.js';
import { referenceVerifier } from './helpers.js';

const statement = buildStatement(
  [{ name: 'cli', digest: { sha256: 'cd'.repeat(32) } }],
  PredicateType.SLSA_PROVENANCE_V1,
  { a: 1 },
);
const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const pkcs8 = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
const sec1 = privateKey.export({ format: 'pem', type: 'sec1' }).toString();
const publicPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
const hint = publicKeyId(publicKey);

let dev: DevSigstore;
beforeAll(async () => {
  dev = await startDevSigstore();
});
afterAll(async () => {
  await dev?.close();
});

describe('keyed signing (air-gapped)', () => {
  it('makes a bundle with a publicKey hint and no log entry, which verifies with the public key', async () => {
    for (const pem of [pkcs8, sec1]) {
      const bundle = await signStatement(statement, { privateKeyPem: pem });
      expect(bundle.verificationMaterial.publicKey).toEqual({ hint });
      expect(bundle.verificationMaterial.certificate).toBeUndefined();
      expect(bundle.verificationMaterial.tlogEntries ?? []).toEqual([]);
      expect(bundle.dsseEnvelope!.signatures[0]!.keyid).toBe(hint);
      const verify = referenceVerifier(dev.trustedRoot, {
        publicKeys: { [hint]: publicPem },
        tlogThreshold: 0,
        timestampThreshold: 0,
      });
      expect(() => verify(bundle)).not.toThrow();
      const tampered = structuredClone(bundle);
      const payload = Buffer.from(tampered.dsseEnvelope!.payload, 'base64');
      payload[10]! ^= 1;
      tampered.dsseEnvelope!.payload = payload.toString('base64');
      expect(() => verify(tampered)).toThrow();
      const other = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey;
      const wrongKey = referenceVerifier(dev.trustedRoot, {
        publicKeys: { [hint]: other.export({ format: 'pem', type: 'spki' }).toString() },
        tlogThreshold: 0,
        timestampThreshold: 0,
      });
      expect(() => wrongKey(bundle)).toThrow();
    }
  });

  it('adds a Rekor entry and a timestamp when asked', async () => {
    const bundle = await signStatement(statement, {
      privateKeyPem: pkcs8,
      rekorURL: dev.rekorURL,
      tsaURL: dev.tsaURL,
    });
    expect(bundle.verificationMaterial.tlogEntries).toHaveLength(1);
    expect(bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps).toHaveLength(
      1,
    );
    const verify = referenceVerifier(dev.trustedRoot, { publicKeys: { [hint]: publicPem } });
    expect(() => verify(bundle)).not.toThrow();
  });

  it('refuses keys that are not ECDSA P-256', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
    });
    const p384 = generateKeyPairSync('ec', { namedCurve: 'secp384r1' }).privateKey.export({
      format: 'pem',
      type: 'pkcs8',
    });
    for (const pem of [String(rsa), String(p384), 'not a key', publicPem]) {
      const err = await signStatement(statement, { privateKeyPem: pem }).catch((e) => e);
      expect(err).toBeInstanceOf(SignError);
      expect(err.code).toBe('INVALID_KEY');
    }
    expect(createPublicKey(publicPem)).toBeDefined();
  });
});
