import { createHash } from 'node:crypto';
import type { CA, CTLog } from '@sigstore/mock/dist/fulcio/index.js';
import type { TLog } from '@sigstore/mock/dist/rekor/tlog.js';
import type { TSA } from '@sigstore/mock/dist/timestamp/index.js';
import { HashAlgorithm, PublicKeyDetails, TrustedRoot } from '@sigstore/protobuf-specs';

const MEDIA_TYPE = 'application/vnd.dev.sigstore.trustedroot+json;version=0.1';
const OPERATOR = 'build-artifact dev-sigstore (local, not trusted by default)';

function bytes(view: ArrayBufferView): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

/** The protobuf-specs TrustedRoot (as JSON) for a dev instance's CA, CT log, Rekor and TSA keys. */
export function buildTrustedRoot(parts: {
  ca: CA;
  ctlog: CTLog;
  tlog: TLog;
  tsa: TSA;
  fulcioURL: string;
  rekorURL: string;
  tsaURL: string;
  validFrom: Date;
}): Record<string, unknown> {
  const validFor = { start: parts.validFrom, end: undefined };
  const root: TrustedRoot = {
    mediaType: MEDIA_TYPE,
    tlogs: [
      {
        baseUrl: parts.rekorURL,
        hashAlgorithm: HashAlgorithm.SHA2_256,
        publicKey: {
          rawBytes: parts.tlog.publicKey,
          keyDetails: PublicKeyDetails.PKIX_ECDSA_P256_SHA_256,
          validFor,
        },
        logId: { keyId: createHash('sha256').update(parts.tlog.publicKey).digest() },
        checkpointKeyId: undefined,
        operator: OPERATOR,
      },
    ],
    certificateAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'sigstore' },
        uri: parts.fulcioURL,
        certChain: { certificates: [{ rawBytes: bytes(parts.ca.rootCertificate) }] },
        validFor,
        operator: OPERATOR,
      },
    ],
    ctlogs: [
      {
        baseUrl: `${parts.fulcioURL}/ct`,
        hashAlgorithm: HashAlgorithm.SHA2_256,
        publicKey: {
          rawBytes: parts.ctlog.publicKey,
          keyDetails: PublicKeyDetails.PKIX_ECDSA_P256_SHA_256,
          validFor,
        },
        logId: { keyId: bytes(parts.ctlog.logID) },
        checkpointKeyId: undefined,
        operator: OPERATOR,
      },
    ],
    timestampAuthorities: [
      {
        subject: { organization: 'sigstore.mock', commonName: 'tsa' },
        uri: parts.tsaURL,
        certChain: {
          certificates: [
            { rawBytes: bytes(parts.tsa.intCertificate) },
            { rawBytes: bytes(parts.tsa.rootCertificate) },
          ],
        },
        validFor,
        operator: OPERATOR,
      },
    ],
  };
  return TrustedRoot.toJSON(root) as Record<string, unknown>;
}
