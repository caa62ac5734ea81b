import { GITHUB_ACTIONS_ISSUER } from '@build-artifact/core';
import { ASN1Obj, type X509Certificate } from '@sigstore/core';

/**
 * The Fulcio certificate fields an identity policy can use, by their Sigstore names
 * (https://github.com/sigstore/fulcio/blob/main/docs/oid-info.md).
 */
export interface CertificateIdentity {
  /** The SAN: for GitHub Actions, the workflow that ran the signing job. */
  subjectAlternativeName?: string;
  issuer?: string;
  buildSignerURI?: string;
  buildSignerDigest?: string;
  runnerEnvironment?: string;
  sourceRepositoryURI?: string;
  sourceRepositoryDigest?: string;
  sourceRepositoryRef?: string;
  sourceRepositoryIdentifier?: string;
  sourceRepositoryOwnerURI?: string;
  sourceRepositoryOwnerIdentifier?: string;
  buildConfigURI?: string;
  buildConfigDigest?: string;
  buildTrigger?: string;
  runInvocationURI?: string;
  sourceRepositoryVisibilityAtSigning?: string;
  /** Deprecated extension .4: the workflow's display name. */
  workflowName?: string;
  /** Which fields came from the deprecated .1-.6 extensions (older certificates). */
  deprecatedExtensions: string[];
}

const OID = '1.3.6.1.4.1.57264.1.';

// .8 onwards: DER-encoded UTF8String inside the extension value.
const DER_FIELDS: [number, keyof CertificateIdentity][] = [
  [8, 'issuer'],
  [9, 'buildSignerURI'],
  [10, 'buildSignerDigest'],
  [11, 'runnerEnvironment'],
  [12, 'sourceRepositoryURI'],
  [13, 'sourceRepositoryDigest'],
  [14, 'sourceRepositoryRef'],
  [15, 'sourceRepositoryIdentifier'],
  [16, 'sourceRepositoryOwnerURI'],
  [17, 'sourceRepositoryOwnerIdentifier'],
  [18, 'buildConfigURI'],
  [19, 'buildConfigDigest'],
  [20, 'buildTrigger'],
  [21, 'runInvocationURI'],
  [22, 'sourceRepositoryVisibilityAtSigning'],
];

const UTF8_STRING = 0x0c;

function derString(cert: X509Certificate, oid: string): string | undefined {
  const ext = cert.extension(oid);
  if (!ext) return undefined;
  const inner = ASN1Obj.parseBuffer(Buffer.from(ext.value));
  if (!inner.tag.isUniversal() || inner.tag.number !== UTF8_STRING || inner.tag.constructed) {
    throw new Error(`certificate extension ${oid} is not a UTF8String`);
  }
  return inner.value.toString('utf8');
}

function rawString(cert: X509Certificate, oid: string): string | undefined {
  const ext = cert.extension(oid);
  return ext ? Buffer.from(ext.value).toString('utf8') : undefined;
}

/**
 * Reads the identity from a Fulcio certificate: the SAN and the 57264.1 extensions, new
 * (.8-.22) and deprecated (.1-.6). Where only the deprecated ones exist (certificates issued
 * before Fulcio added .8+), the equivalent fields are derived from them.
 */
export function certificateIdentity(cert: X509Certificate): CertificateIdentity {
  const id: CertificateIdentity = { deprecatedExtensions: [] };
  const san = cert.extSubjectAltName;
  id.subjectAlternativeName = san?.uri ?? san?.rfc822Name;
  for (const [n, field] of DER_FIELDS) {
    const value = derString(cert, OID + n);
    if (value !== undefined) (id as unknown as Record<string, string>)[field] = value;
  }
  const legacy = (n: number, field: keyof CertificateIdentity, map = (v: string) => v) => {
    const value = rawString(cert, OID + n);
    if (value === undefined) return;
    if (n === 4) id.workflowName = value;
    if ((id as unknown as Record<string, unknown>)[field] !== undefined || value === '') return;
    (id as unknown as Record<string, string>)[field] = map(value);
    id.deprecatedExtensions.push(field);
  };
  legacy(1, 'issuer');
  legacy(2, 'buildTrigger');
  legacy(3, 'sourceRepositoryDigest');
  legacy(4, 'workflowName');
  // The deprecated repository extension is `owner/repo`; GitHub is the only issuer that set it.
  if (id.issuer === GITHUB_ACTIONS_ISSUER) {
    legacy(5, 'sourceRepositoryURI', (v) => `https://github.com/${v}`);
    if (id.buildSignerURI === undefined && id.subjectAlternativeName?.startsWith('https://')) {
      id.buildSignerURI = id.subjectAlternativeName;
      id.deprecatedExtensions.push('buildSignerURI');
    }
  }
  legacy(6, 'sourceRepositoryRef');
  return id;
}
