import { createHash, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PrehashUnsupported, prehashVerifier } from '../prehashed.js';

const verifyPrehashed = await prehashVerifier();

// Digest-only verification (`attest verify sha256:<hex> --bundle ...`): the ECDSA signature is
// checked over the digest itself, for each NIST curve Sigstore keys use.
describe('verifyPrehashed', () => {
  const message = Buffer.from('the artifact');
  for (const [curve, hash] of [
    ['P-256', 'sha256'],
    ['P-384', 'sha384'],
    ['P-521', 'sha512'],
    ['P-256', 'sha512'],
  ] as const) {
    it(`checks ${curve} signatures over a ${hash} digest`, () => {
      const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: curve });
      const signature = sign(hash, message, privateKey);
      const digest = createHash(hash).update(message).digest();
      expect(verifyPrehashed(publicKey, digest, signature)).toBe(true);
      const wrong = Buffer.from(digest);
      wrong[0]! ^= 0x01;
      expect(verifyPrehashed(publicKey, wrong, signature)).toBe(false);
      const other = generateKeyPairSync('ec', { namedCurve: curve }).publicKey;
      expect(verifyPrehashed(other, digest, signature)).toBe(false);
      expect(verifyPrehashed(publicKey, digest, Buffer.from('not DER'))).toBe(false);
    });
  }

  it('refuses key types whose signatures cannot be checked from a digest', () => {
    const { publicKey } = generateKeyPairSync('ed25519');
    const digest = createHash('sha256').update(message).digest();
    expect(() => verifyPrehashed(publicKey, digest, Buffer.alloc(64))).toThrow(PrehashUnsupported);
    expect(() => verifyPrehashed(publicKey, digest, Buffer.alloc(64))).toThrow(
      /give the artifact file/,
    );
  });
});
