import { describe, expect, it } from 'vitest';
import { describeBundle, namesDigest } from '../bundle.js';
import { isSigstoreBundleMediaType, MediaType } from '../media-types.js';

const statement = {
  _type: 'https://in-toto.io/Statement/v1',
  subject: [{ name: 'app', digest: { sha256: 'AB'.repeat(32) } }],
  predicateType: 'https://slsa.dev/provenance/v1',
  predicate: {},
};
const dsse = {
  mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
  verificationMaterial: {
    publicKey: { hint: 'abc' },
    tlogEntries: [{ logIndex: '3', integratedTime: '1700000000' }],
  },
  dsseEnvelope: {
    payloadType: 'application/vnd.in-toto+json',
    payload: Buffer.from(JSON.stringify(statement)).toString('base64'),
    signatures: [],
  },
};

describe('describeBundle', () => {
  it('reads nothing from what is not a bundle', () => {
    expect(describeBundle({})).toEqual({
      mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      content: 'unknown',
      subjects: [],
    });
    expect(describeBundle(null).subjects).toEqual([]);
  });

  it('says what a DSSE bundle names, and when it was logged', () => {
    const d = describeBundle(dsse);
    expect(d).toMatchObject({
      content: 'dsse-envelope',
      predicateType: 'https://slsa.dev/provenance/v1',
      signedWith: 'key',
      publicKeyHint: 'abc',
      logIndex: '3',
      signedAt: '2023-11-14T22:13:20.000Z',
    });
    expect(d.subjects).toEqual([{ name: 'app', digest: { sha256: 'ab'.repeat(32) } }]);
    expect(namesDigest(d, `sha256:${'AB'.repeat(32)}`)).toBe(true);
    expect(namesDigest(d, `sha256:${'cd'.repeat(32)}`)).toBe(false);
    expect(namesDigest(d, 'nonsense')).toBe(false);
  });

  it('a message signature is about the digest it signs', () => {
    const d = describeBundle({
      messageSignature: {
        messageDigest: { algorithm: 'SHA2_256', digest: Buffer.alloc(32, 1).toString('base64') },
        signature: '',
      },
    });
    expect(d.content).toBe('message-signature');
    expect(namesDigest(d, `sha256:${'01'.repeat(32)}`)).toBe(true);
    expect(namesDigest(d, `sha512:${'01'.repeat(32)}`)).toBe(false);
  });
});

describe('isSigstoreBundleMediaType', () => {
  it('takes every bundle version, and nothing else', () => {
    for (const v of [
      MediaType.SIGSTORE_BUNDLE_V01,
      MediaType.SIGSTORE_BUNDLE_V02,
      MediaType.SIGSTORE_BUNDLE_V03,
      'application/vnd.dev.sigstore.bundle.v0.4+json',
    ])
      expect(isSigstoreBundleMediaType(v)).toBe(true);
    for (const v of [MediaType.IN_TOTO, MediaType.CYCLONEDX_JSON, undefined, 3, ''])
      expect(isSigstoreBundleMediaType(v)).toBe(false);
    expect(describeBundle({ mediaType: MediaType.SIGSTORE_BUNDLE_V01 }).mediaType).toBe(
      MediaType.SIGSTORE_BUNDLE_V01,
    );
    expect(describeBundle({ mediaType: MediaType.IN_TOTO }).mediaType).toBe(
      MediaType.SIGSTORE_BUNDLE_V03,
    );
  });
});
