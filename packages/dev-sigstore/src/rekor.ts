import { createHash, createPublicKey, type KeyObject, verify, X509Certificate } from 'node:crypto';
import { BaseError, preAuthEncoding } from '@build-artifact/core';
import type { TLog } from '@sigstore/mock/dist/rekor/tlog.js';
import type { HandlerFn } from '@sigstore/mock/dist/shared.types.js';

/**
 * A proposed entry the real Rekor would refuse: the message is what the client is told (HTTP 400).
 * Internal to the local Rekor: it never leaves the server.
 */
export class ProposedEntryError extends BaseError<'ENTRY_REFUSED'> {
  constructor(message: string) {
    super({ code: 'ENTRY_REFUSED', message });
  }
}

interface Hash {
  algorithm: 'sha256';
  value: string;
}

/** What Rekor stores for a `dsse` v0.0.1 entry (pkg/types/dsse/v0.0.1: Canonicalize). */
export interface StoredDsseEntry {
  apiVersion: '0.0.1';
  kind: 'dsse';
  spec: {
    envelopeHash: Hash;
    payloadHash: Hash;
    signatures: { signature: string; verifier: string }[];
  };
}

/** What Rekor stores for an `intoto` v0.0.2 entry (pkg/types/intoto/v0.0.2: Canonicalize). */
export interface StoredIntotoEntry {
  apiVersion: '0.0.2';
  kind: 'intoto';
  spec: {
    content: {
      envelope: {
        payloadType: string;
        signatures: { keyid?: string; sig: string; publicKey: string }[];
      };
      hash: Hash;
      payloadHash: Hash;
    };
  };
}

const MAX_VERIFIER_BYTES = 256 * 1024;
const STANDARD_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
// The DSSE payload and signatures may be standard or URL-safe base64, padded or not, as the Go
// DSSE library decodes them.
const DSSE_BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProposedEntryError(`${what} must be an object`);
  }
  return value as Record<string, unknown>;
}

function text(value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new ProposedEntryError(`${what} must be a non-empty string`);
  }
  return value;
}

/** Go's strfmt.Base64 (a JSON string of standard base64) decoded. */
function strictBase64(value: unknown, what: string): Buffer {
  const s = text(value, what);
  if (!STANDARD_BASE64.test(s)) throw new ProposedEntryError(`${what} is not base64`);
  return Buffer.from(s, 'base64');
}

function dsseBase64(value: string, what: string): Buffer {
  if (!DSSE_BASE64.test(value)) throw new ProposedEntryError(`${what} is not base64`);
  return Buffer.from(value, 'base64');
}

/**
 * A verifier as Rekor's x509 PublicKey reads it: a PEM certificate, a PEM public key, or a chain
 * of PEM certificates. `canonical` is the PEM Rekor re-encodes it to (what it stores).
 */
function parseVerifier(pem: Buffer, what: string): { key: KeyObject; canonical: string } {
  // A certificate chain is a few kilobytes: a cap keeps the PEM scan below cheap.
  if (pem.length > MAX_VERIFIER_BYTES) {
    throw new ProposedEntryError(`${what}: over ${MAX_VERIFIER_BYTES} bytes`);
  }
  const blocks = [
    ...pem
      .toString('utf8')
      .matchAll(/-----BEGIN ([A-Z0-9 ]+)-----\r?\n([\s\S]*?)-----END \1-----/g),
  ];
  if (blocks.length === 0) throw new ProposedEntryError(`${what}: failure decoding PEM`);
  try {
    if (blocks.length === 1 && blocks[0]![1] === 'PUBLIC KEY') {
      const key = createPublicKey(blocks[0]![0]);
      return { key, canonical: key.export({ format: 'pem', type: 'spki' }).toString() };
    }
    if (blocks.some((b) => b[1] !== 'CERTIFICATE')) {
      throw new ProposedEntryError(`${what}: cannot handle PEM type ${blocks[0]![1]}`);
    }
    const certs = blocks.map((b) => new X509Certificate(b[0]));
    return { key: certs[0]!.publicKey, canonical: certs.map((c) => c.toString()).join('') };
  } catch (err) {
    if (err instanceof ProposedEntryError) throw err;
    throw new ProposedEntryError(
      `${what}: not a valid key or certificate: ${(err as Error).message}`,
    );
  }
}

/** Rekor's signature verifiers: ECDSA and RSA (PKCS#1 v1.5) over SHA-256, Ed25519 pure. */
function verifies(key: KeyObject, data: Buffer, signature: Buffer): boolean {
  try {
    return verify(key.asymmetricKeyType === 'ed25519' ? null : 'sha256', data, key, signature);
  } catch {
    return false;
  }
}

/**
 * Rekor's verifyEnvelope: each key tried must verify at least one signature of the envelope (over
 * its pre-authentication encoding), and every signature must be verified by some key. The dsse
 * type stops trying keys once every signature is verified; the intoto type tries them all.
 * Returns, for each signature (as the envelope spells it), the key that verified it.
 */
function verifyEnvelope(
  payloadType: string,
  payload: Buffer,
  signatures: string[],
  keys: { key: KeyObject; canonical: string }[],
  stopWhenAllVerified: boolean,
): Map<string, { key: KeyObject; canonical: string }> {
  const pae = preAuthEncoding(payloadType, payload);
  const bySignature = new Map<string, { key: KeyObject; canonical: string }>();
  for (const [i, verifier] of keys.entries()) {
    if (stopWhenAllVerified && signatures.every((sig) => bySignature.has(sig))) break;
    let accepted = 0;
    for (const sig of signatures) {
      if (verifies(verifier.key, pae, dsseBase64(sig, 'a signature'))) {
        bySignature.set(sig, verifier);
        accepted++;
      }
    }
    if (accepted === 0) {
      throw new ProposedEntryError(
        `could not verify envelope: no signature verifies with verifier ${i}`,
      );
    }
  }
  if (signatures.some((sig) => !bySignature.has(sig))) {
    throw new ProposedEntryError('all signatures must have a key that verifies it');
  }
  return bySignature;
}

function envelopeSignatures(value: unknown, what: string): { keyid?: string; sig: string }[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new ProposedEntryError(`${what} must contain 1 or more signatures`);
  }
  return value.map((s, i) => {
    const signature = record(s, `${what}[${i}]`);
    const keyid = signature.keyid;
    if (keyid !== undefined && typeof keyid !== 'string') {
      throw new ProposedEntryError(`${what}[${i}].keyid must be a string`);
    }
    return { ...(keyid ? { keyid } : {}), sig: text(signature.sig, `${what}[${i}].sig`) };
  });
}

/**
 * A proposed `dsse` v0.0.1 entry as Rekor stores it: the envelope is verified with the given
 * verifiers and then dropped; what remains is the SHA-256 of the envelope (as sent), of its
 * payload, and its signatures each with the canonical PEM of the verifier that checked it,
 * ordered by signature.
 */
export function storedDsseEntry(spec: Record<string, unknown>): StoredDsseEntry {
  if (spec.envelopeHash !== undefined || spec.payloadHash !== undefined || spec.signatures) {
    throw new ProposedEntryError(
      'either proposedContent or envelopeHash, payloadHash, and signatures must be present but not both',
    );
  }
  const proposed = record(spec.proposedContent, 'spec.proposedContent');
  const envelopeText = text(proposed.envelope, 'spec.proposedContent.envelope');
  const verifierList = proposed.verifiers;
  if (!Array.isArray(verifierList) || verifierList.length === 0) {
    throw new ProposedEntryError('spec.proposedContent.verifiers must list 1 or more verifiers');
  }
  let envelope: Record<string, unknown>;
  try {
    envelope = record(JSON.parse(envelopeText), 'the envelope');
  } catch (err) {
    if (err instanceof ProposedEntryError) throw err;
    throw new ProposedEntryError('spec.proposedContent.envelope is not JSON');
  }
  for (const field of ['payload', 'payloadType'] as const) {
    if (envelope[field] !== undefined && typeof envelope[field] !== 'string') {
      throw new ProposedEntryError(`the envelope's ${field} must be a string`);
    }
  }
  const payloadType = (envelope.payloadType as string | undefined) ?? '';
  const payload = dsseBase64(
    (envelope.payload as string | undefined) ?? '',
    'the envelope payload',
  );
  const signatures = envelopeSignatures(envelope.signatures, 'the envelope signatures');
  const keys = verifierList.map((v, i) =>
    parseVerifier(strictBase64(v, `spec.proposedContent.verifiers[${i}]`), `verifier ${i}`),
  );
  const bySignature = verifyEnvelope(
    payloadType,
    payload,
    signatures.map((s) => s.sig),
    keys,
    true,
  );
  const sorted = [...bySignature.keys()].sort();
  return {
    apiVersion: '0.0.1',
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256Hex(envelopeText) },
      payloadHash: { algorithm: 'sha256', value: sha256Hex(payload) },
      signatures: sorted.map((signature) => ({
        signature,
        verifier: Buffer.from(bySignature.get(signature)!.canonical).toString('base64'),
      })),
    },
  };
}

/**
 * A proposed `intoto` v0.0.2 entry as Rekor stores it: the envelope (payload and signatures
 * doubly base64-encoded, each signature with its public key) is verified; the payload is
 * dropped and its SHA-256 computed; the signatures and the client's envelope hash are kept.
 */
export function storedIntotoEntry(spec: Record<string, unknown>): StoredIntotoEntry {
  const content = record(spec.content, 'spec.content');
  const envelope = record(content.envelope, 'spec.content.envelope');
  const payloadType = text(envelope.payloadType, 'spec.content.envelope.payloadType');
  const payloadText = strictBase64(envelope.payload, 'spec.content.envelope.payload').toString(
    'utf8',
  );
  const payload = dsseBase64(payloadText, 'the envelope payload');
  const hash = record(content.hash, 'spec.content.hash (the envelope digest)');
  if (hash.algorithm !== 'sha256' || typeof hash.value !== 'string') {
    throw new ProposedEntryError('spec.content.hash must be {"algorithm":"sha256","value":"..."}');
  }
  const list = envelope.signatures;
  if (!Array.isArray(list) || list.length === 0) {
    throw new ProposedEntryError('spec.content.envelope.signatures: missing signatures content');
  }
  const signatures = list.map((s, i) => {
    const what = `spec.content.envelope.signatures[${i}]`;
    const signature = record(s, what);
    if (signature.keyid !== undefined && typeof signature.keyid !== 'string') {
      throw new ProposedEntryError(`${what}.keyid must be a string`);
    }
    const sig = strictBase64(signature.sig, `${what}.sig`);
    const publicKey = strictBase64(signature.publicKey, `${what}.publicKey`);
    return {
      keyid: (signature.keyid as string | undefined) ?? '',
      sig,
      publicKey,
      verifier: parseVerifier(publicKey, `${what}.publicKey`),
    };
  });
  verifyEnvelope(
    payloadType,
    payload,
    signatures.map((s) => s.sig.toString('utf8')),
    signatures.map((s) => s.verifier),
    false,
  );
  return {
    apiVersion: '0.0.2',
    kind: 'intoto',
    spec: {
      content: {
        envelope: {
          payloadType,
          signatures: signatures.map((s) => ({
            ...(s.keyid ? { keyid: s.keyid } : {}),
            sig: s.sig.toString('base64'),
            publicKey: s.publicKey.toString('base64'),
          })),
        },
        hash: { algorithm: 'sha256', value: hash.value },
        payloadHash: { algorithm: 'sha256', value: sha256Hex(payload) },
      },
    },
  };
}

/**
 * The entry Rekor writes to its log for a proposed entry. `dsse` v0.0.1 and `intoto` v0.0.2 are
 * verified and reduced to what the real Rekor stores; `hashedrekord` v0.0.1 as @sigstore/sign
 * proposes it is already in its stored form and is kept; anything else is refused.
 */
export function storedEntry(proposed: unknown): object {
  const entry = record(proposed, 'the proposed entry');
  const spec = record(entry.spec, 'spec');
  const kind = `${String(entry.kind)}/${String(entry.apiVersion)}`;
  switch (kind) {
    case 'dsse/0.0.1':
      return storedDsseEntry(spec);
    case 'intoto/0.0.2':
      return storedIntotoEntry(spec);
    case 'hashedrekord/0.0.1':
      return entry;
    default:
      throw new ProposedEntryError(`unsupported entry kind/apiVersion ${kind}`);
  }
}

interface LogEntryResponse {
  body: string;
  verification?: { inclusionProof?: { checkpoint?: string } };
}

/**
 * Rekor's `POST /api/v1/log/entries` over @sigstore/mock's log: the entry is reduced to its
 * stored form before the log signs it, so the body, the SET, the inclusion proof and the
 * checkpoint all cover what is stored. The response is keyed, as Rekor's, by the entry's UUID:
 * the log's tree ID (16 hex digits) and the Merkle leaf hash of the body.
 */
export function devRekorHandler(tlog: TLog): HandlerFn {
  return async (request) => {
    let stored: object;
    try {
      stored = storedEntry(JSON.parse(request));
    } catch (err) {
      const message =
        err instanceof ProposedEntryError ? err.message : 'the request body is not JSON';
      return {
        statusCode: 400,
        response: JSON.stringify({ code: 400, message }),
        contentType: 'application/json',
      };
    }
    const logged = (await tlog.log(stored)) as unknown as Record<string, LogEntryResponse>;
    const entry = Object.values(logged)[0]!;
    const leaf = createHash('sha256')
      .update(Buffer.from([0]))
      .update(Buffer.from(entry.body, 'base64'))
      .digest('hex');
    // The checkpoint's origin line is "<host> - <tree ID>".
    const origin = entry.verification?.inclusionProof?.checkpoint?.split('\n', 1)[0] ?? '';
    const treeID = BigInt(/ - (\d+)$/.exec(origin)?.[1] ?? '0');
    return {
      statusCode: 201,
      response: JSON.stringify({ [`${treeID.toString(16).padStart(16, '0')}${leaf}`]: entry }),
      contentType: 'application/json',
    };
  };
}
