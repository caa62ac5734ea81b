import { buildStatement, PredicateType } from '@build-artifact/core';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import type { SerializedBundle } from '@sigstore/bundle';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signStatement } from '../index.js';
import { referenceVerifier, strictCertificate } from './helpers.js';

let dev: DevSigstore;
let bundle: SerializedBundle;
let verify: ReturnType<typeof referenceVerifier>;
const policy = () => ({
  subjectAlternativeName:
    '^https://github\\.com/build-artifact/build-artifact/\\.github/workflows/build-artifact\\.yml@refs/tags/v1\\.0\\.0$',
  extensions: { issuer: dev.oidc.issuer },
});

beforeAll(async () => {
  dev = await startDevSigstore();
  verify = referenceVerifier(dev.trustedRoot);
  bundle = await signStatement(
    buildStatement(
      [{ name: 'a.wasm', digest: { sha256: '01'.repeat(32) } }],
      PredicateType.SLSA_PROVENANCE_V1,
      {
        n: 1,
      },
    ),
    {
      fulcioURL: dev.fulcioURL,
      rekorURL: dev.rekorURL,
      tsaURL: dev.tsaURL,
      identityToken: await dev.mintToken('sigstore'),
    },
  );
});
afterAll(async () => {
  await dev?.close();
});

// Flips one bit of byte `i` of a base64 field and returns a new bundle.
function tampered(
  get: (b: SerializedBundle) => string,
  set: (b: SerializedBundle, v: string) => void,
  i: number,
) {
  const copy = structuredClone(bundle);
  const bytes = Buffer.from(get(copy), 'base64');
  bytes[i]! ^= 0x01;
  set(copy, bytes.toString('base64'));
  return copy;
}

function rejects(b: SerializedBundle): boolean {
  if (!strictCertificate(b.verificationMaterial.certificate!.rawBytes, dev.trustedRoot))
    return true;
  try {
    verify(b, policy());
    return false;
  } catch {
    return true;
  }
}

describe('a bundle from the dev Sigstore', () => {
  it('verifies untouched', () => {
    expect(rejects(bundle)).toBe(false);
  });

  const fields: [
    string,
    (b: SerializedBundle) => string,
    (b: SerializedBundle, v: string) => void,
  ][] = [
    [
      'payload',
      (b) => b.dsseEnvelope!.payload,
      (b, v) => {
        b.dsseEnvelope!.payload = v;
      },
    ],
    [
      'signature',
      (b) => b.dsseEnvelope!.signatures[0]!.sig,
      (b, v) => {
        b.dsseEnvelope!.signatures[0]!.sig = v;
      },
    ],
    [
      'certificate',
      (b) => b.verificationMaterial.certificate!.rawBytes,
      (b, v) => {
        b.verificationMaterial.certificate!.rawBytes = v;
      },
    ],
  ];
  for (const [name, get, set] of fields) {
    it(`fails after any byte of the ${name} is changed`, () => {
      const length = Buffer.from(get(bundle), 'base64').length;
      expect(length).toBeGreaterThan(0);
      const accepted: number[] = [];
      for (let i = 0; i < length; i++) if (!rejects(tampered(get, set, i))) accepted.push(i);
      expect(accepted).toEqual([]);
    });
  }

  it("fails against another instance's trusted root", async () => {
    const other = await startDevSigstore();
    try {
      expect(() => referenceVerifier(other.trustedRoot)(bundle, policy())).toThrow();
    } finally {
      await other.close();
    }
  });
});
