import { type Evidence, parseJson } from '@build-artifact/core';
import { RFC3161Timestamp, X509Certificate } from '@sigstore/core';
import { type CertificateIdentity, certificateIdentity } from './certificate.js';

/** A bundle or statement decoded for people, without any judgement on it. */
export interface InspectedEvidence {
  source: string;
  kind: 'bundle' | 'statement' | 'unknown';
  mediaType?: string;
  content?: 'dsseEnvelope' | 'messageSignature';
  signedWith?: 'certificate' | 'key';
  payloadType?: string;
  statement?: unknown;
  messageDigest?: { algorithm: string; digest: string };
  certificate?: CertificateIdentity & {
    subject?: string;
    certificateIssuer: string;
    notBefore: string;
    notAfter: string;
    serialNumber: string;
  };
  publicKeyHint?: string;
  tlogEntries?: {
    logIndex?: string;
    logId?: string;
    integratedTime?: string;
    kind?: string;
    inclusionProof: boolean;
    checkpoint: boolean;
    inclusionPromise: boolean;
  }[];
  rfc3161Timestamps?: { time?: string; error?: string }[];
  errors: string[];
}

// biome-ignore lint/suspicious/noExplicitAny: untrusted JSON is decoded field by field, each guarded
type J = Record<string, any>;

function dn(der: Buffer): string {
  // Printable strings of a DER Name, enough to recognise an issuer (O=..., CN=...).
  return (der.toString('latin1').match(/[ -~]{3,}/g) ?? []).join(', ');
}

/** Decodes a bundle (any version) or an in-toto statement. Never throws; problems go in `errors`. */
export function inspectEvidence(evidence: Evidence): InspectedEvidence {
  const out: InspectedEvidence = { source: evidence.source, kind: 'unknown', errors: [] };
  const j = evidence.json as J;
  if (typeof j !== 'object' || j === null) {
    out.errors.push('not a JSON object');
    return out;
  }
  if ('_type' in j) {
    out.kind = 'statement';
    out.statement = j;
    return out;
  }
  out.kind = 'bundle';
  out.mediaType = j.mediaType;
  const vm: J = j.verificationMaterial ?? {};
  if (j.dsseEnvelope) {
    out.content = 'dsseEnvelope';
    out.payloadType = j.dsseEnvelope.payloadType;
    try {
      // Depth-checked: a statement nested thousands deep would overflow whatever prints it.
      out.statement = parseJson(
        Buffer.from(String(j.dsseEnvelope.payload), 'base64').toString('utf8'),
        'the DSSE payload',
      );
    } catch (err) {
      out.errors.push((err as Error).message);
    }
  } else if (j.messageSignature) {
    out.content = 'messageSignature';
    const md = j.messageSignature.messageDigest ?? {};
    out.messageDigest = {
      algorithm: md.algorithm,
      digest: Buffer.from(String(md.digest ?? ''), 'base64').toString('hex'),
    };
  } else out.errors.push('neither dsseEnvelope nor messageSignature');
  const rawCert: string | undefined =
    vm.certificate?.rawBytes ?? vm.x509CertificateChain?.certificates?.[0]?.rawBytes;
  if (rawCert) {
    out.signedWith = 'certificate';
    try {
      const cert = X509Certificate.parse(Buffer.from(rawCert, 'base64'));
      out.certificate = {
        ...certificateIdentity(cert),
        subject: dn(cert.subject) || undefined,
        certificateIssuer: dn(cert.issuer),
        notBefore: cert.notBefore.toISOString(),
        notAfter: cert.notAfter.toISOString(),
        serialNumber: cert.serialNumber.toString('hex'),
      };
    } catch (err) {
      out.errors.push(`the certificate does not parse: ${(err as Error).message}`);
    }
  } else if (vm.publicKey) {
    out.signedWith = 'key';
    out.publicKeyHint = vm.publicKey.hint;
  }
  out.tlogEntries = (vm.tlogEntries ?? []).map((e: J) => ({
    logIndex: e.logIndex,
    logId: e.logId?.keyId ? Buffer.from(e.logId.keyId, 'base64').toString('hex') : undefined,
    integratedTime: e.integratedTime
      ? new Date(Number(e.integratedTime) * 1000).toISOString()
      : undefined,
    kind: e.kindVersion ? `${e.kindVersion.kind}/${e.kindVersion.version}` : undefined,
    inclusionProof: Boolean(e.inclusionProof),
    checkpoint: Boolean(e.inclusionProof?.checkpoint?.envelope),
    inclusionPromise: Boolean(e.inclusionPromise?.signedEntryTimestamp),
  }));
  out.rfc3161Timestamps = (vm.timestampVerificationData?.rfc3161Timestamps ?? []).map((t: J) => {
    try {
      // Imported lazily would not help: @sigstore/core is already loaded for the certificate.

      return {
        time: RFC3161Timestamp.parse(
          Buffer.from(String(t.signedTimestamp), 'base64'),
        ).signingTime.toISOString(),
      };
    } catch (err) {
      return { error: (err as Error).message };
    }
  });
  return out;
}
