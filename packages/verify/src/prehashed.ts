import type { KeyObject } from 'node:crypto';
import type { toSignedEntity } from '@sigstore/verify';

type SignatureContent = ReturnType<typeof toSignedEntity>['signature'];

type Ecdsa = typeof import('@noble/curves/nist.js')['p256'];

export type PrehashVerifier = (key: KeyObject, digest: Buffer, signature: Buffer) => boolean;

/**
 * Loads the curve arithmetic (only a digest-only message signature needs it, so `attest verify`
 * does not pay for it otherwise) and returns `verifyPrehashed`.
 */
export async function prehashVerifier(): Promise<PrehashVerifier> {
  const { p256, p384, p521 } = await import('@noble/curves/nist.js');
  const curves = { prime256v1: p256, secp384r1: p384, secp521r1: p521 } as const;
  return (key, digest, signature) => verifyPrehashed(curves, key, digest, signature);
}

/**
 * Verifies an ECDSA signature over a digest the caller already has (the artifact was given as
 * `sha256:<hex>`, not as a file). node:crypto only verifies over the message, hashing it itself,
 * so the curve arithmetic is noble's. Other key types (Ed25519 signs the message, not a digest;
 * RSA) cannot be checked from a digest: the caller is told to give the file.
 */
function verifyPrehashed(
  curves: Partial<Record<string, Ecdsa>>,
  key: KeyObject,
  digest: Buffer,
  signature: Buffer,
): boolean {
  const curve = key.asymmetricKeyDetails?.namedCurve;
  const ecdsa = key.asymmetricKeyType === 'ec' && curve !== undefined ? curves[curve] : undefined;
  if (!ecdsa) throw new PrehashUnsupported(key.asymmetricKeyType ?? 'unknown', curve);
  const jwk = key.export({ format: 'jwk' });
  const point = Buffer.concat([
    Buffer.from([0x04]),
    Buffer.from(jwk.x!, 'base64url'),
    Buffer.from(jwk.y!, 'base64url'),
  ]);
  try {
    return ecdsa.verify(signature, digest, point, { prehash: false, format: 'der', lowS: false });
  } catch {
    return false; // a signature that is not DER does not verify
  }
}

export class PrehashUnsupported extends Error {
  constructor(keyType: string, curve?: string) {
    super(
      `a ${keyType}${curve ? ` (${curve})` : ''} signature cannot be checked against a digest alone: give the artifact file`,
    );
  }
}

/**
 * The signature content of a message-signature bundle checked against a given digest instead of
 * the artifact's bytes: the same comparisons @sigstore/verify makes, with the signature verified
 * over `digest` (which must also be the bundle's message digest; that is checked afterwards).
 */
export async function prehashedContent(
  content: SignatureContent,
  digest: Buffer,
): Promise<SignatureContent> {
  const verifyPrehashed = await prehashVerifier();
  return {
    signature: content.signature,
    compareSignature: (s) => content.compareSignature(s),
    compareDigest: (d) => content.compareDigest(d),
    compareSignedDigest: (d) => content.compareSignedDigest(d),
    verifySignature: (key) => verifyPrehashed(key, digest, content.signature),
  };
}
