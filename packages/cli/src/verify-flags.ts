// The flags `attest verify` shares with every command that verifies (`attest report`): the
// targets' evidence, the policy (gh's and cosign's flag names), trust and recursion, as one
// request for the verify flow.
import type { VerifyRequest } from '@build-artifact/pipeline';
import type { VerifyPolicy } from '@build-artifact/verify';
import { type OptionsConfig, UsageError } from './command.js';

export const verifyHelp: readonly [string, string][] = [
  [
    'ARTIFACT',
    'a file (bundles beside it: FILE.sigstore.json, FILE.sbom.sigstore.json, FILE.intoto.jsonl), oci://REF or oci-layout:DIR[:TAG] (bundles from referrers), or a digest sha256:HEX / sha512:HEX (with --bundle)',
  ],
  ['-b, --bundle FILE', 'a bundle file (JSON or JSON lines); repeatable; used for every ARTIFACT'],
  [
    '-R, --repo OWNER/REPO',
    'source repository; the signing workflow must be in it unless --signer-* says otherwise',
  ],
  [
    '--owner OWNER',
    'source repository owner; the signing workflow must belong to it unless --signer-*',
  ],
  [
    '--signer-workflow WF',
    '[HOST/]OWNER/REPO/PATH of the signing workflow (regex, any @ref unless given)',
  ],
  ['--signer-repo OWNER/REPO', 'repository of the signing (reusable) workflow'],
  ['--signer-digest SHA', 'commit of the signing workflow'],
  ['--source-ref REF', 'source ref, e.g. refs/tags/v1.2.3'],
  ['--source-digest SHA', 'source commit'],
  ['--predicate-type URI', 'default https://slsa.dev/provenance/v1'],
  ['--deny-self-hosted-runners', 'fail unless the signing job ran on a GitHub-hosted runner'],
  ['--certificate-identity ID', 'exact certificate SAN (cosign)'],
  ['--certificate-identity-regexp RE', 'certificate SAN regex, anchored (cosign)'],
  ['--certificate-oidc-issuer URL', 'exact OIDC issuer (cosign; alias --cert-oidc-issuer)'],
  ['--certificate-oidc-issuer-regexp RE', 'OIDC issuer regex, anchored (cosign)'],
  ['--slsa-level N', 'fail unless the evidence supports SLSA Build level N (1-3)'],
  ['--require-sbom', 'fail unless a signed CycloneDX attestation exists for the artifact'],
  ['--key FILE', 'PEM public key for bundles signed with a key'],
  ['--trusted-root FILE', 'Sigstore trusted root (JSON or JSON lines); replaces the shipped roots'],
  ['--tuf-refresh', 'refresh trusted roots from their TUF repositories (network)'],
  ['--format FORMAT', 'text (default) or json (one object per artifact, one per line)'],
  [
    '--recursive',
    'also verify what the artifact embeds or was built from (provenance resolvedDependencies, SBOM embedded binaries), with the same policy',
  ],
];

export const verifyOptions: OptionsConfig = {
  bundle: { type: 'string', short: 'b', multiple: true },
  repo: { type: 'string', short: 'R' },
  owner: { type: 'string' },
  'signer-workflow': { type: 'string' },
  'signer-repo': { type: 'string' },
  'signer-digest': { type: 'string' },
  'source-ref': { type: 'string' },
  'source-digest': { type: 'string' },
  'predicate-type': { type: 'string' },
  'deny-self-hosted-runners': { type: 'boolean' },
  'certificate-identity': { type: 'string' },
  'certificate-identity-regexp': { type: 'string' },
  'certificate-oidc-issuer': { type: 'string' },
  'cert-oidc-issuer': { type: 'string' },
  'certificate-oidc-issuer-regexp': { type: 'string' },
  'slsa-level': { type: 'string' },
  'require-sbom': { type: 'boolean' },
  key: { type: 'string' },
  'trusted-root': { type: 'string' },
  'tuf-refresh': { type: 'boolean' },
  format: { type: 'string', default: 'text' },
  recursive: { type: 'boolean' },
};

function strip<T extends object>(o: T): T {
  for (const k of Object.keys(o))
    if ((o as Record<string, unknown>)[k] === undefined) delete (o as Record<string, unknown>)[k];
  return o;
}

/** The policy the flags state; the flag names are gh's and cosign's. */
export function policyFromFlags(values: Record<string, unknown>): VerifyPolicy {
  const s = (name: string) => (values[name] === undefined ? undefined : String(values[name]));
  let minSlsaLevel: VerifyPolicy['minSlsaLevel'];
  if (values['slsa-level'] !== undefined) {
    const n = Number(values['slsa-level']);
    if (n !== 1 && n !== 2 && n !== 3) throw new UsageError('--slsa-level must be 1, 2 or 3');
    minSlsaLevel = n;
  }
  if (values['cert-oidc-issuer'] !== undefined && values['certificate-oidc-issuer'] !== undefined)
    throw new UsageError('--cert-oidc-issuer is an alias of --certificate-oidc-issuer: give one');
  return strip({
    repo: s('repo'),
    owner: s('owner'),
    signerWorkflow: s('signer-workflow'),
    signerRepo: s('signer-repo'),
    signerDigest: s('signer-digest'),
    sourceRef: s('source-ref'),
    sourceDigest: s('source-digest'),
    predicateType: s('predicate-type'),
    denySelfHostedRunners: values['deny-self-hosted-runners'] === true ? true : undefined,
    certificateIdentity: s('certificate-identity'),
    certificateIdentityRegexp: s('certificate-identity-regexp'),
    certificateOidcIssuer: s('certificate-oidc-issuer') ?? s('cert-oidc-issuer'),
    certificateOidcIssuerRegexp: s('certificate-oidc-issuer-regexp'),
    minSlsaLevel,
    requireSbom: values['require-sbom'] === true ? true : undefined,
  });
}

/** The verify flow's request from the flags and the targets. */
export function verifyRequest(values: Record<string, unknown>, targets: string[]): VerifyRequest {
  const s = (name: string) => (values[name] === undefined ? undefined : String(values[name]));
  return {
    targets,
    bundles: (values.bundle as string[] | undefined) ?? [],
    policy: policyFromFlags(values),
    trust: strip({
      trustedRoot: s('trusted-root'),
      tufRefresh: values['tuf-refresh'] === true ? true : undefined,
      key: s('key'),
    }),
    recursive: values.recursive === true,
  };
}
