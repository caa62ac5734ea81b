import { X509Certificate } from 'node:crypto';
import { isSigstoreBundleMediaType, MediaType } from './media-types.js';
import type { Subject } from './statement.js';

/**
 * What a Sigstore bundle says about itself, read without verifying anything: for choosing where
 * to attach it, annotating it, naming it in a summary, or finding the statement to follow once
 * the bundle has verified. Nothing here is evidence until the verifier has checked it.
 */
export interface BundleDescription {
  /** The declared media type (a default v0.3 one when the field is absent or not a bundle's). */
  mediaType: string;
  content: 'dsse-envelope' | 'message-signature' | 'unknown';
  payloadType?: string;
  /** The in-toto statement of a DSSE envelope, as JSON (unchecked). */
  statement?: Record<string, unknown>;
  predicateType?: string;
  /** The statement's subjects that have a name or digest (unchecked). */
  subjects: Subject[];
  /** A message signature's digest of the artifact (`cosign sign-blob`), unchecked. */
  messageDigest?: { algorithm: 'sha256' | 'sha512'; hex: string };
  signedWith?: 'certificate' | 'key';
  /** The certificate's first SAN (URI or email), as the signer is usually named. */
  signer?: string;
  publicKeyHint?: string;
  /** The first transparency log entry's index. */
  logIndex?: string;
  /**
   * When the signature was made, as far as the bundle says: the first tlog entry's integrated
   * time, else the certificate's start of validity (Fulcio certificates live 10 minutes).
   */
  signedAt?: string;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function leafCertificate(material: Json | undefined): X509Certificate | undefined {
  const chain = obj(material?.x509CertificateChain)?.certificates;
  const raw =
    str(obj(material?.certificate)?.rawBytes) ??
    (Array.isArray(chain) ? str(obj(chain[0])?.rawBytes) : undefined);
  if (!raw) return undefined;
  try {
    return new X509Certificate(Buffer.from(raw, 'base64'));
  } catch {
    return undefined;
  }
}

function subjectsOf(statement: Json | undefined): Subject[] {
  const list = statement?.subject;
  if (!Array.isArray(list)) return [];
  const out: Subject[] = [];
  for (const entry of list) {
    const s = obj(entry);
    const digest = obj(s?.digest);
    if (!digest) continue;
    const digests: Record<string, string> = {};
    for (const [alg, hex] of Object.entries(digest))
      if (typeof hex === 'string') digests[alg] = hex.toLowerCase();
    out.push({ name: typeof s?.name === 'string' ? s.name : '', digest: digests });
  }
  return out;
}

/** Describes a bundle (any version; a GitHub attestation record is not unwrapped here). */
export function describeBundle(bundle: unknown): BundleDescription {
  const b = obj(bundle) ?? {};
  const declared = str(b.mediaType);
  const envelope = obj(b.dsseEnvelope);
  const description: BundleDescription = {
    mediaType: isSigstoreBundleMediaType(declared) ? declared : MediaType.SIGSTORE_BUNDLE_V03,
    content: envelope ? 'dsse-envelope' : obj(b.messageSignature) ? 'message-signature' : 'unknown',
    subjects: [],
  };
  if (envelope) {
    const payloadType = str(envelope.payloadType);
    if (payloadType) description.payloadType = payloadType;
    const payload = str(envelope.payload);
    if (payload) {
      try {
        const statement = obj(JSON.parse(Buffer.from(payload, 'base64').toString('utf8')));
        if (statement) {
          description.statement = statement;
          const predicateType = str(statement.predicateType);
          if (predicateType) description.predicateType = predicateType;
          description.subjects = subjectsOf(statement);
        }
      } catch {
        // Not an in-toto payload: nothing more to describe.
      }
    }
  }
  const message = obj(obj(b.messageSignature)?.messageDigest);
  const algorithm = message?.algorithm;
  const digest = str(message?.digest);
  if (digest && (algorithm === 'SHA2_256' || algorithm === 'SHA2_512'))
    description.messageDigest = {
      algorithm: algorithm === 'SHA2_256' ? 'sha256' : 'sha512',
      hex: Buffer.from(digest, 'base64').toString('hex'),
    };
  const material = obj(b.verificationMaterial);
  const leaf = leafCertificate(material);
  if (leaf) {
    description.signedWith = 'certificate';
    const san = leaf.subjectAltName?.split(', ')[0]?.replace(/^(URI|email):/, '');
    if (san) description.signer = san;
  } else if (obj(material?.publicKey)) {
    description.signedWith = 'key';
    const hint = str(obj(material?.publicKey)?.hint);
    if (hint) description.publicKeyHint = hint;
  }
  const entries = material?.tlogEntries;
  const first = Array.isArray(entries) ? obj(entries[0]) : undefined;
  const logIndex = first?.logIndex;
  if (typeof logIndex === 'string' || typeof logIndex === 'number')
    description.logIndex = String(logIndex);
  const integrated = str(first?.integratedTime);
  if (integrated && /^\d+$/.test(integrated) && integrated !== '0')
    description.signedAt = new Date(Number(integrated) * 1000).toISOString();
  else if (leaf) description.signedAt = new Date(leaf.validFrom).toISOString();
  return description;
}

/**
 * True when the bundle is about `digest` (`sha256:hex` or `sha512:hex`): a subject of its
 * statement has it, or its message signature is over it.
 */
export function namesDigest(description: BundleDescription, digest: string): boolean {
  const [algorithm, hex] = digest.split(':');
  if (!algorithm || !hex) return false;
  const want = hex.toLowerCase();
  const m = description.messageDigest;
  if (m && m.algorithm === algorithm && m.hex === want) return true;
  return description.subjects.some((s) => s.digest[algorithm] === want);
}

/**
 * True when the bundle names some digest with `algorithm` (a SHA-512 subject or message
 * digest): only then is it worth hashing a file with that algorithm to match it.
 */
export function namesAlgorithm(description: BundleDescription, algorithm: string): boolean {
  return (
    description.messageDigest?.algorithm === algorithm ||
    description.subjects.some((s) => s.digest[algorithm] !== undefined)
  );
}
