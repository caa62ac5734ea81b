import {
  createHash,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
  X509Certificate,
} from 'node:crypto';
import { preAuthEncoding } from '@build-artifact/core';
import { decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DevSigstore, startDevSigstore } from '../index.js';

// What the local Rekor stores, checked against what sigstore/rekor stores
// (pkg/types/dsse/v0.0.1/entry.go and pkg/types/intoto/v0.0.2/entry.go, Canonicalize): the
// expected bodies are spelled out here as canonical JSON, not computed by the code under test.

let dev: DevSigstore;
beforeAll(async () => {
  dev = await startDevSigstore();
});
afterAll(async () => {
  await dev?.close();
});

const PAYLOAD_TYPE = 'application/vnd.in-toto+json';
const payload = Buffer.from(
  '{"_type":"https://in-toto.io/Statement/v1","subject":[{"name":"a","digest":{"sha256":"00"}}]}',
);
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest('hex');
const b64 = (data: Uint8Array | string) => Buffer.from(data).toString('base64');

function newKey() {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const pem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
  return { publicKey, privateKey, pem };
}
const dsseSign = (key: KeyObject, body = payload, type = PAYLOAD_TYPE) =>
  b64(sign('sha256', preAuthEncoding(type, body), key));

interface LoggedEntry {
  body: string;
  integratedTime: number;
  logID: string;
  logIndex: number;
  verification: {
    inclusionProof: { rootHash: string; checkpoint: string };
    signedEntryTimestamp: string;
  };
}
type Answer = Record<string, unknown>;

async function propose(entry: unknown): Promise<{ status: number; json: Answer }> {
  const res = await fetch(`${dev.rekorURL}/api/v1/log/entries`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: typeof entry === 'string' ? entry : JSON.stringify(entry),
  });
  return { status: res.status, json: (await res.json()) as Answer };
}

/** A Fulcio certificate (PEM, as Fulcio returns it) for a fresh key. */
async function fulcioCertificate() {
  const key = newKey();
  const token = await dev.mintToken('sigstore');
  const res = await fetch(`${dev.fulcioURL}/api/v2/signingCert`, {
    method: 'POST',
    body: JSON.stringify({
      credentials: { oidcIdentityToken: token },
      publicKeyRequest: {
        publicKey: { algorithm: 'ECDSA', content: key.pem },
        proofOfPossession: b64(
          sign('sha256', Buffer.from(String(decodeJwt(token).sub)), key.privateKey),
        ),
      },
    }),
  });
  const body = (await res.json()) as {
    signedCertificateEmbeddedSct: { chain: { certificates: string[] } };
  };
  return { ...key, certificate: body.signedCertificateEmbeddedSct.chain.certificates[0]! };
}

function dsseProposal(envelope: object | string, verifiers: string[]) {
  return {
    apiVersion: '0.0.1',
    kind: 'dsse',
    spec: {
      proposedContent: {
        envelope: typeof envelope === 'string' ? envelope : JSON.stringify(envelope),
        verifiers: verifiers.map(b64),
      },
    },
  };
}

/** The one entry of a create-entry response, with the checks every stored entry must pass. */
function loggedEntry(json: Answer) {
  const [uuid, entry] = Object.entries(json as Record<string, LoggedEntry>)[0]!;
  const body = Buffer.from(entry.body, 'base64');
  const leaf = createHash('sha256')
    .update(Buffer.from([0]))
    .update(body)
    .digest('hex');
  // The inclusion proof and its checkpoint cover the stored body: a tree of one leaf.
  expect(entry.verification.inclusionProof.rootHash).toBe(leaf);
  expect(entry.verification.inclusionProof.checkpoint.split('\n')[2]).toBe(
    Buffer.from(leaf, 'hex').toString('base64'),
  );
  // The UUID is Rekor's entry ID: the tree ID (16 hex digits) and the leaf hash.
  const treeID = BigInt(/ - (\d+)\n/.exec(entry.verification.inclusionProof.checkpoint)![1]!);
  expect(uuid).toBe(`${treeID.toString(16).padStart(16, '0')}${leaf}`);
  // The SET signs the canonical {body, integratedTime, logID, logIndex}.
  const logKey = createPublicKey({
    key: Buffer.from(
      (dev.trustedRoot as { tlogs: { publicKey: { rawBytes: string } }[] }).tlogs[0]!.publicKey
        .rawBytes,
      'base64',
    ),
    format: 'der',
    type: 'spki',
  });
  const set = `{"body":"${entry.body}","integratedTime":${entry.integratedTime},"logID":"${entry.logID}","logIndex":${entry.logIndex}}`;
  expect(
    verify(
      'sha256',
      Buffer.from(set),
      logKey,
      Buffer.from(entry.verification.signedEntryTimestamp, 'base64'),
    ),
  ).toBe(true);
  return body.toString('utf8');
}

describe('the local Rekor stores a dsse v0.0.1 entry as Rekor does', () => {
  it('keeps the envelope and payload hashes and the signatures with their verifiers, not the envelope', async () => {
    const cert = await fulcioCertificate();
    const envelope = JSON.stringify({
      payload: b64(payload),
      payloadType: PAYLOAD_TYPE,
      signatures: [{ keyid: '', sig: dsseSign(cert.privateKey) }],
    });
    const sig = JSON.parse(envelope).signatures[0].sig;
    // Sent without the final newline: Rekor stores its own PEM encoding of the certificate.
    const { status, json } = await propose(dsseProposal(envelope, [cert.certificate.trimEnd()]));
    expect(status).toBe(201);
    const canonicalPem = new X509Certificate(cert.certificate).toString();
    expect(canonicalPem.endsWith('-----END CERTIFICATE-----\n')).toBe(true);
    expect(loggedEntry(json)).toBe(
      `{"apiVersion":"0.0.1","kind":"dsse","spec":{"envelopeHash":{"algorithm":"sha256","value":"${sha256(envelope)}"},"payloadHash":{"algorithm":"sha256","value":"${sha256(payload)}"},"signatures":[{"signature":"${sig}","verifier":"${b64(canonicalPem)}"}]}}`,
    );
  });

  it('orders several signatures by signature, each with the key that verified it', async () => {
    const keys = [newKey(), newKey()].map((k) => ({ ...k, sig: dsseSign(k.privateKey) }));
    const [first, second] = [...keys].sort((a, b) => (a.sig < b.sig ? -1 : 1));
    const envelope = {
      payload: b64(payload),
      payloadType: PAYLOAD_TYPE,
      signatures: [{ sig: second!.sig }, { sig: first!.sig }],
    };
    // Verifiers and signatures both out of order: the stored order is the signatures' own.
    const { status, json } = await propose(dsseProposal(envelope, [second!.pem, first!.pem]));
    expect(status).toBe(201);
    const stored = JSON.parse(loggedEntry(json));
    expect(stored.spec.signatures).toEqual([
      { signature: first!.sig, verifier: b64(first!.pem) },
      { signature: second!.sig, verifier: b64(second!.pem) },
    ]);
  });

  it('refuses what Rekor refuses: HTTP 400 with the reason', async () => {
    const key = newKey();
    const other = newKey();
    const good = { payload: b64(payload), payloadType: PAYLOAD_TYPE, signatures: [] as object[] };
    good.signatures = [{ sig: dsseSign(key.privateKey) }];
    const cases: [string, unknown, RegExp][] = [
      [
        'a signature over other content',
        dsseProposal({ ...good, payload: b64('{"other":1}') }, [key.pem]),
        /no signature verifies/,
      ],
      ['a verifier that checks no signature', dsseProposal(good, [other.pem]), /verif/],
      [
        'a signature no verifier checks',
        dsseProposal(
          { ...good, signatures: [...good.signatures, { sig: dsseSign(other.privateKey) }] },
          [key.pem],
        ),
        /all signatures must have a key that verifies it/,
      ],
      ['no verifiers', dsseProposal(good, []), /verifiers/],
      ['a verifier that is not PEM', dsseProposal(good, ['not a key']), /PEM/],
      [
        'no signatures',
        dsseProposal({ ...good, signatures: [] }, [key.pem]),
        /1 or more signatures/,
      ],
      ['an envelope that is not JSON', dsseProposal('{', [key.pem]), /not JSON/],
      [
        'a payloadType that is not a string',
        dsseProposal({ ...good, payloadType: 7 }, [key.pem]),
        /payloadType must be a string/,
      ],
      [
        'a verifier of a megabyte',
        dsseProposal(good, [`-----BEGIN CERTIFICATE-----\n${'A'.repeat(1 << 20)}`]),
        /over \d+ bytes/,
      ],
      [
        'proposed content and stored fields together',
        {
          ...dsseProposal(good, [key.pem]),
          spec: {
            ...dsseProposal(good, [key.pem]).spec,
            payloadHash: { algorithm: 'sha256', value: sha256(payload) },
          },
        },
        /not both/,
      ],
      ['an unknown kind', { apiVersion: '0.0.1', kind: 'rpm', spec: {} }, /unsupported/],
      ['a body that is not JSON', 'nope', /not JSON/],
    ];
    for (const [what, entry, message] of cases) {
      const { status, json } = await propose(entry);
      expect(status, what).toBe(400);
      expect(json.message, what).toMatch(message);
    }
  });
});

describe('the local Rekor stores an intoto v0.0.2 entry as Rekor does', () => {
  function intotoProposal(key: { pem: string; privateKey: KeyObject }, sig?: string) {
    const signature = sig ?? dsseSign(key.privateKey);
    return {
      apiVersion: '0.0.2',
      kind: 'intoto',
      spec: {
        content: {
          envelope: {
            payloadType: PAYLOAD_TYPE,
            // Doubly encoded, as Rekor's schema has it (strfmt.Base64 of the DSSE base64 text).
            payload: b64(b64(payload)),
            signatures: [{ keyid: 'k1', sig: b64(signature), publicKey: b64(key.pem) }],
          },
          hash: { algorithm: 'sha256', value: 'ab'.repeat(32) },
          // Rekor computes this itself, whatever the client says.
          payloadHash: { algorithm: 'sha256', value: '00'.repeat(32) },
        },
      },
    };
  }

  it('drops the payload, computes its hash and keeps the signatures and envelope hash', async () => {
    const key = newKey();
    const proposal = intotoProposal(key);
    const { status, json } = await propose(proposal);
    expect(status).toBe(201);
    const sent = proposal.spec.content.envelope.signatures[0]!;
    expect(loggedEntry(json)).toBe(
      `{"apiVersion":"0.0.2","kind":"intoto","spec":{"content":{"envelope":{"payloadType":"${PAYLOAD_TYPE}","signatures":[{"keyid":"k1","publicKey":"${sent.publicKey}","sig":"${sent.sig}"}]},"hash":{"algorithm":"sha256","value":"${'ab'.repeat(32)}"},"payloadHash":{"algorithm":"sha256","value":"${sha256(payload)}"}}}}`,
    );
  });

  it('refuses a signature that does not verify, or an entry without the envelope hash', async () => {
    const key = newKey();
    const forged = intotoProposal(key, dsseSign(key.privateKey, Buffer.from('{"other":1}')));
    expect((await propose(forged)).status).toBe(400);
    const noHash = intotoProposal(key);
    delete (noHash.spec.content as { hash?: unknown }).hash;
    const r = await propose(noHash);
    expect(r.status).toBe(400);
    expect(r.json.message).toMatch(/hash/);
    const notBase64 = intotoProposal(key);
    notBase64.spec.content.envelope.signatures[0]!.sig = '***';
    expect((await propose(notBase64)).json.message).toMatch(/not base64/);
  });
});

it('logs a hashedrekord v0.0.1 entry as proposed (already the form Rekor stores)', async () => {
  const key = newKey();
  const digest = sha256(payload);
  const entry = {
    apiVersion: '0.0.1',
    kind: 'hashedrekord',
    spec: {
      data: { hash: { algorithm: 'sha256', value: digest } },
      signature: {
        content: b64(sign('sha256', payload, key.privateKey)),
        publicKey: { content: b64(key.pem) },
      },
    },
  };
  const { status, json } = await propose(entry);
  expect(status).toBe(201);
  expect(JSON.parse(loggedEntry(json))).toEqual(entry);
});
