import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { X509Certificate } from '@sigstore/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateIdentity } from '../index.js';

// Certificates made by OpenSSL with Fulcio's extensions, both encodings: the deprecated
// .1-.6 as raw bytes, .8+ as DER UTF8String.
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'verify-cert-'));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const hex = (s: string) => Buffer.from(s).toString('hex');
const OID = '1.3.6.1.4.1.57264.1.';

async function makeCert(name: string, extensions: string[]): Promise<X509Certificate> {
  const pem = join(dir, `${name}.pem`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      join(dir, `${name}.key`),
      '-out',
      pem,
      '-subj',
      '/O=test',
      '-days',
      '1',
      ...extensions.flatMap((e) => ['-addext', e]),
    ],
    { stdio: 'pipe' },
  );
  return X509Certificate.parse(await readFile(pem, 'utf8'));
}

const SAN = 'https://github.com/o/r/.github/workflows/rel.yml@refs/tags/v1';

describe('certificateIdentity', () => {
  it('reads an old certificate with only the deprecated extensions (.1-.6)', async () => {
    const cert = await makeCert('old', [
      `subjectAltName=URI:${SAN}`,
      `${OID}1=DER:${hex('https://token.actions.githubusercontent.com')}`,
      `${OID}2=DER:${hex('push')}`,
      `${OID}3=DER:${hex('0123456789abcdef0123456789abcdef01234567')}`,
      `${OID}4=DER:${hex('Release')}`,
      `${OID}5=DER:${hex('o/r')}`,
      `${OID}6=DER:${hex('refs/tags/v1')}`,
    ]);
    const id = certificateIdentity(cert);
    expect(id).toMatchObject({
      subjectAlternativeName: SAN,
      issuer: 'https://token.actions.githubusercontent.com',
      buildTrigger: 'push',
      sourceRepositoryDigest: '0123456789abcdef0123456789abcdef01234567',
      sourceRepositoryURI: 'https://github.com/o/r',
      sourceRepositoryRef: 'refs/tags/v1',
      buildSignerURI: SAN,
      workflowName: 'Release',
    });
    expect(id.deprecatedExtensions.sort()).toEqual(
      [
        'buildSignerURI',
        'buildTrigger',
        'issuer',
        'sourceRepositoryDigest',
        'sourceRepositoryRef',
        'sourceRepositoryURI',
      ].sort(),
    );
    // An old certificate names no runner: it cannot claim a hosted build platform.
    expect(id.runnerEnvironment).toBeUndefined();
  });

  it('prefers the DER UTF8String extensions (.8+) when both are present', async () => {
    const cert = await makeCert('new', [
      `subjectAltName=URI:${SAN}`,
      `${OID}1=DER:${hex('https://token.actions.githubusercontent.com')}`,
      `${OID}5=DER:${hex('o/r')}`,
      `${OID}8=ASN1:UTF8String:https://token.actions.githubusercontent.com`,
      `${OID}9=ASN1:UTF8String:https://github.com/builder/wf/.github/workflows/b.yml@refs/tags/v2`,
      `${OID}11=ASN1:UTF8String:github-hosted`,
      `${OID}12=ASN1:UTF8String:https://github.com/o/r2`,
      `${OID}22=ASN1:UTF8String:public`,
    ]);
    const id = certificateIdentity(cert);
    expect(id.buildSignerURI).toBe(
      'https://github.com/builder/wf/.github/workflows/b.yml@refs/tags/v2',
    );
    expect(id.sourceRepositoryURI).toBe('https://github.com/o/r2');
    expect(id.runnerEnvironment).toBe('github-hosted');
    expect(id.sourceRepositoryVisibilityAtSigning).toBe('public');
    expect(id.deprecatedExtensions).toEqual([]);
  });

  it('refuses a .8+ extension that is not a UTF8String', async () => {
    const cert = await makeCert('bad', [`${OID}9=ASN1:IA5String:https://github.com/x`]);
    expect(() => certificateIdentity(cert)).toThrow(/not a UTF8String/);
  });
});
