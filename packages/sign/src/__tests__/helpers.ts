import { X509Certificate } from 'node:crypto';
import { bundleFromJSON, type SerializedBundle } from '@sigstore/bundle';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { toSignedEntity, toTrustMaterial, Verifier } from '@sigstore/verify';

export interface TestPolicy {
  subjectAlternativeName?: string;
  extensions?: { issuer?: string };
}

/** A reference (@sigstore/verify) verifier over a trusted root (JSON); keyed mode when `publicKeys` is given. */
export function referenceVerifier(
  trustedRoot: unknown,
  options: {
    publicKeys?: Record<string, string>;
    timestampThreshold?: number;
    tlogThreshold?: number;
  } = {},
) {
  const keys = Object.fromEntries(
    Object.entries(options.publicKeys ?? {}).map(([hint, pem]) => [
      hint,
      { rawBytes: Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64') } as never,
    ]),
  );
  const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(trustedRoot), keys), {
    ...(options.timestampThreshold !== undefined
      ? { timestampThreshold: options.timestampThreshold }
      : {}),
    ...(options.tlogThreshold !== undefined ? { tlogThreshold: options.tlogThreshold } : {}),
    ctlogThreshold: options.publicKeys ? 0 : 1,
  });
  return (bundle: SerializedBundle, policy: TestPolicy = {}) =>
    verifier.verify(toSignedEntity(bundleFromJSON(bundle)), policy);
}

export function verifyBundle(
  bundle: SerializedBundle,
  trustedRoot: unknown,
  policy: TestPolicy = {},
) {
  return referenceVerifier(trustedRoot)(bundle, policy);
}

/**
 * @sigstore/core's ASN.1 reader ignores a few bits outside the signed part of a certificate (the
 * outer tags, the BIT STRING's unused-bits count, the tag of the ECDSA signature value), so the
 * reference verifier alone accepts those edits. A strict DER parse (OpenSSL) that must re-encode
 * to the same bytes, and OpenSSL's own check of the signature by a CA of the trusted root, close
 * that: the verify package should do the same.
 */
export function strictCertificate(certificateBase64: string, trustedRoot: unknown): boolean {
  const der = Buffer.from(certificateBase64, 'base64');
  try {
    const cert = new X509Certificate(der);
    if (Buffer.compare(cert.raw, der) !== 0) return false;
    const cas = (
      trustedRoot as {
        certificateAuthorities: { certChain: { certificates: { rawBytes: string }[] } }[];
      }
    ).certificateAuthorities;
    return cas.some((ca) =>
      ca.certChain.certificates.some((c) => {
        const issuer = new X509Certificate(Buffer.from(c.rawBytes, 'base64'));
        return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
      }),
    );
  } catch {
    return false;
  }
}
