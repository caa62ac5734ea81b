import { createHash, X509Certificate } from 'node:crypto';
import { buildStatement, PredicateType } from '@build-artifact/core';
import { type DevSigstore, startDevSigstore } from '@build-artifact/dev-sigstore';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  actionsTokenProvider,
  fetchActionsIdToken,
  SignError,
  sbomStatement,
  signStatement,
  signStatements,
} from '../index.js';
import { referenceVerifier } from './helpers.js';

const statement = buildStatement(
  [{ name: 'nats.wasm', digest: { sha256: 'ef'.repeat(32) } }],
  PredicateType.SLSA_PROVENANCE_V1,
  { b: 2 },
);
const fast = { retries: 3, minTimeout: 5, maxTimeout: 20 };
let dev: DevSigstore;
beforeAll(async () => {
  dev = await startDevSigstore();
});
afterAll(async () => {
  await dev?.close();
});

describe('keyless signing', () => {
  it('gets its token from the Actions endpoint (audience sigstore) and signs', async () => {
    const bundle = await signStatement(statement, {
      fulcioURL: dev.fulcioURL,
      rekorURL: dev.rekorURL,
      tokenProvider: actionsTokenProvider(dev.env()),
    });
    const signer = referenceVerifier(dev.trustedRoot)(bundle, {
      subjectAlternativeName:
        '^https://github\\.com/build-artifact/build-artifact/\\.github/workflows/build-artifact\\.yml@refs/tags/v1\\.0\\.0$',
      extensions: { issuer: dev.oidc.issuer },
    });
    expect(signer.key).toBeDefined();
  });

  it('signs several statements with one certificate: one Fulcio request, a log entry and a timestamp each', async () => {
    const others = [
      buildStatement(statement.subject, PredicateType.SLSA_PROVENANCE_V1, { c: 3 }),
      sbomStatement(statement.subject, { bomFormat: 'CycloneDX', specVersion: '1.6' }),
    ];
    const before = dev.requestCounts();
    const bundles = await signStatements([statement, ...others], {
      fulcioURL: dev.fulcioURL,
      rekorURL: dev.rekorURL,
      tsaURL: dev.tsaURL,
      identityToken: await dev.mintToken('sigstore'),
    });
    const after = dev.requestCounts();
    expect(after.fulcio - before.fulcio).toBe(1);
    expect(after.rekor - before.rekor).toBe(3);
    expect(after.tsa - before.tsa).toBe(3);
    expect(bundles).toHaveLength(3);
    // In order, each its own statement, all under the one certificate, each verified alone.
    const payloads = bundles.map((b) =>
      JSON.parse(Buffer.from(b.dsseEnvelope!.payload, 'base64').toString()),
    );
    expect(payloads).toEqual([statement, ...others]);
    const certificates = new Set(bundles.map((b) => b.verificationMaterial.certificate!.rawBytes));
    expect(certificates.size).toBe(1);
    const entries = new Set(bundles.map((b) => b.verificationMaterial.tlogEntries[0]!.logIndex));
    expect(entries.size).toBe(3);
    for (const bundle of bundles)
      expect(() => referenceVerifier(dev.trustedRoot)(bundle)).not.toThrow();
    // A second call certifies a new key.
    const [again] = await signStatements([statement], {
      fulcioURL: dev.fulcioURL,
      rekorURL: dev.rekorURL,
      identityToken: await dev.mintToken('sigstore'),
    });
    expect(certificates.has(again!.verificationMaterial.certificate!.rawBytes)).toBe(false);
  });

  it('fails every statement of a call, naming Fulcio, when the certificate cannot be had', async () => {
    dev.injectFailures('fulcio', 10, 500);
    const failed = await signStatements([statement, statement], {
      fulcioURL: dev.fulcioURL,
      rekorURL: dev.rekorURL,
      identityToken: await dev.mintToken('sigstore'),
      retry: { retries: 1, minTimeout: 5, maxTimeout: 10 },
    }).then(
      () => undefined,
      (err: unknown) => err,
    );
    dev.injectFailures('fulcio', 0);
    expect(failed).toBeInstanceOf(SignError);
    expect((failed as SignError).code).toBe('FULCIO_FAILED');
  });

  it('logs a dsse/0.0.1 entry by default, as @sigstore/sign and actions/attest do', async () => {
    const bundle = await signStatement(statement, {
      fulcioURL: dev.fulcioURL,
      rekorURL: dev.rekorURL,
      identityToken: await dev.mintToken('sigstore'),
    });
    const entry = bundle.verificationMaterial.tlogEntries[0]!;
    expect(entry.kindVersion).toEqual({ kind: 'dsse', version: '0.0.1' });
    // What Rekor stores for it: hashes and the signature with its verifier, not the envelope.
    const body = JSON.parse(Buffer.from(entry.canonicalizedBody, 'base64').toString());
    expect(Object.keys(body.spec).sort()).toEqual(['envelopeHash', 'payloadHash', 'signatures']);
    expect(body.spec.payloadHash.value).toBe(
      createHash('sha256')
        .update(Buffer.from(bundle.dsseEnvelope!.payload, 'base64'))
        .digest('hex'),
    );
    expect(body.spec.signatures).toEqual([
      {
        signature: bundle.dsseEnvelope!.signatures[0]!.sig,
        verifier: Buffer.from(
          new X509Certificate(
            Buffer.from(bundle.verificationMaterial.certificate!.rawBytes, 'base64'),
          ).toString(),
        ).toString('base64'),
      },
    ]);
    expect(() => referenceVerifier(dev.trustedRoot)(bundle)).not.toThrow();
  });

  it('logs an intoto/0.0.2 entry when asked, which @sigstore/verify accepts too', async () => {
    const bundle = await signStatement(statement, {
      fulcioURL: dev.fulcioURL,
      rekorURL: dev.rekorURL,
      rekorEntryType: 'intoto',
      identityToken: await dev.mintToken('sigstore'),
    });
    const entry = bundle.verificationMaterial.tlogEntries[0]!;
    expect(entry.kindVersion).toEqual({ kind: 'intoto', version: '0.0.2' });
    const body = JSON.parse(Buffer.from(entry.canonicalizedBody, 'base64').toString());
    expect(body.spec.content.envelope.payload).toBeUndefined();
    expect(() => referenceVerifier(dev.trustedRoot)(bundle)).not.toThrow();
    const bad = await signStatement(statement, {
      fulcioURL: dev.fulcioURL,
      rekorURL: dev.rekorURL,
      rekorEntryType: 'hashedrekord' as never,
      identityToken: 'x',
    }).catch((e) => e);
    expect(bad.code).toBe('INVALID_OPTIONS');
  });

  it("signs as on GitHub's instance: Fulcio + TSA, no Rekor entry", async () => {
    const before = dev.requestCounts().rekor;
    const bundle = await signStatement(statement, {
      fulcioURL: dev.fulcioURL,
      tsaURL: dev.tsaURL,
      identityToken: await dev.mintToken('sigstore'),
    });
    expect(dev.requestCounts().rekor).toBe(before);
    expect(bundle.verificationMaterial.tlogEntries ?? []).toEqual([]);
    expect(bundle.verificationMaterial.timestampVerificationData!.rfc3161Timestamps).toHaveLength(
      1,
    );
    expect(() => referenceVerifier(dev.trustedRoot, { tlogThreshold: 0 })(bundle)).not.toThrow();
    // Without the timestamp nothing dates the signature: it must not verify.
    const stripped = structuredClone(bundle);
    stripped.verificationMaterial.timestampVerificationData = { rfc3161Timestamps: [] };
    expect(() => referenceVerifier(dev.trustedRoot, { tlogThreshold: 0 })(stripped)).toThrow();
  });

  it('signs an SBOM attestation (predicate https://cyclonedx.org/bom) over the same subjects', async () => {
    const bom = {
      bomFormat: 'CycloneDX',
      specVersion: '1.6',
      serialNumber: 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79',
      version: 1,
    };
    const bundle = await signStatement(sbomStatement(statement.subject, bom), {
      fulcioURL: dev.fulcioURL,
      rekorURL: dev.rekorURL,
      identityToken: await dev.mintToken('sigstore'),
    });
    expect(() => referenceVerifier(dev.trustedRoot)(bundle)).not.toThrow();
    const signed = JSON.parse(Buffer.from(bundle.dsseEnvelope!.payload, 'base64').toString());
    expect(signed.predicateType).toBe('https://cyclonedx.org/bom');
    expect(signed.predicate).toEqual(bom);
    expect(signed.subject).toEqual(statement.subject);
  });

  it('retries transient failures of Fulcio, Rekor, the TSA and the token endpoint', async () => {
    dev.injectFailures('oidc', 2);
    dev.injectFailures('fulcio', 2);
    dev.injectFailures('rekor', 2, 502);
    dev.injectFailures('tsa', 1, 429);
    const counts = dev.requestCounts();
    const bundle = await signStatement(statement, {
      fulcioURL: dev.fulcioURL,
      rekorURL: dev.rekorURL,
      tsaURL: dev.tsaURL,
      tokenProvider: actionsTokenProvider(dev.env(), 'sigstore', fast),
      retry: fast,
    });
    const after = dev.requestCounts();
    expect(after.oidc - counts.oidc).toBe(3);
    expect(after.fulcio - counts.fulcio).toBe(3);
    expect(after.rekor - counts.rekor).toBe(3);
    expect(after.tsa - counts.tsa).toBe(2);
    expect(() => referenceVerifier(dev.trustedRoot)(bundle)).not.toThrow();
  });

  it('names the service that failed for good', async () => {
    const cases = [
      ['fulcio', 'FULCIO_FAILED', /Fulcio/],
      ['rekor', 'REKOR_FAILED', /Rekor/],
      ['tsa', 'TSA_FAILED', /timestamp authority/],
    ] as const;
    for (const [service, code, name] of cases) {
      dev.injectFailures(service, 10);
      const err = await signStatement(statement, {
        fulcioURL: dev.fulcioURL,
        rekorURL: dev.rekorURL,
        tsaURL: dev.tsaURL,
        identityToken: await dev.mintToken('sigstore'),
        retry: { retries: 1, minTimeout: 5 },
      }).catch((e) => e);
      dev.injectFailures(service, 0);
      expect(err).toBeInstanceOf(SignError);
      expect(err.code).toBe(code);
      expect(err.message).toMatch(name);
    }
  });

  it('refuses a token Fulcio does not accept, and explains a missing token', async () => {
    const wrongAudience = await signStatement(statement, {
      fulcioURL: dev.fulcioURL,
      rekorURL: dev.rekorURL,
      identityToken: await dev.mintToken('nobody'),
    }).catch((e) => e);
    expect(wrongAudience.code).toBe('FULCIO_FAILED');
    const missing = await fetchActionsIdToken({}, 'sigstore').catch((e) => e);
    expect(missing.code).toBe('TOKEN_FAILED');
    expect(missing.message).toMatch(/id-token: write/);
    const noWitness = await signStatement(statement, {
      fulcioURL: dev.fulcioURL,
      identityToken: 'x',
    }).catch((e) => e);
    expect(noWitness.code).toBe('INVALID_OPTIONS');
  });
});
