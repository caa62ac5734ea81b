// The flags `attest verify` shares with every command that verifies (`attest report`): the
// targets' evidence, the policy (gh's and cosign's flag names, or a policy file whose keys are
// the same names), trust, recursion and trusted verification summaries, as one request for the
// verify flow. And the flags only `attest verify` has: writing verification summaries.
import type { SummaryWriteRequest, VerifyRequest } from '@build-artifact/pipeline';
import type { VerifyPolicy } from '@build-artifact/verify';
import { type CommandIO, type OptionsConfig, stringFlag, UsageError } from './command.js';
import { signHelp, signingRequest, signOptions, storeRequest } from './sign-flags.js';

export const verifyHelp: readonly [string, string][] = [
  [
    'ARTIFACT',
    'a file (bundles beside it: FILE.sigstore.json, FILE.sbom.sigstore.json, FILE.intoto.jsonl), oci://REF or oci-layout:DIR[:TAG] (bundles from referrers), or a digest sha256:HEX / sha512:HEX (with --bundle)',
  ],
  ['-b, --bundle FILE', 'a bundle file (JSON or JSON lines); repeatable; used for every ARTIFACT'],
  [
    '--policy FILE',
    "a policy file (YAML or JSON) whose keys are these flags' long names (repo, signer-workflow, slsa-level, require-sbom, recursive, trusted-root, ...) plus name; flags given override it; an unknown key is an error",
  ],
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
  [
    '--require-sbom',
    'fail unless a signed SBOM attestation (CycloneDX or SPDX) exists for the artifact',
  ],
  [
    '--hostname HOST',
    'github.com (default) or a GitHub Enterprise Cloud tenant TENANT.ghe.com (gh)',
  ],
  ['--key FILE', 'PEM public key for bundles signed with a key'],
  ['--trusted-root FILE', 'Sigstore trusted root (JSON or JSON lines); replaces the shipped roots'],
  ['--tuf-refresh', 'refresh trusted roots from their TUF repositories (network)'],
  ['--format FORMAT', 'text (default) or json (one object per artifact, one per line)'],
  [
    '--recursive',
    'also verify what the artifact embeds or was built from (provenance resolvedDependencies, SBOM embedded binaries), with the same policy',
  ],
  [
    '--vsa-verifier ID',
    'accept instead a verification summary (SLSA VSA) signed by this verifier (certificate identity, exact); it must name the artifact, say PASSED, reach --slsa-level (and --require-sbom), and with --policy name the same policy digest',
  ],
  ['--vsa-verifier-regexp RE', "the verifier's certificate identity as an anchored regex"],
  [
    '--vsa-verifier-issuer URL',
    "OIDC issuer of the verifier's certificate (default https://token.actions.githubusercontent.com)",
  ],
  ['--vsa-max-age DURATION', 'refuse summaries older than this (30m, 12h, 7d, 1d12h)'],
  [
    '--vsa-resource-uri URI',
    "the resource a summary names (default: the file's name, or oci://REGISTRY/REPO@sha256:... of the manifest); for one ARTIFACT",
  ],
];

/** Writing verification summaries: `attest verify` only. */
export const vsaOutHelp: readonly [string, string][] = [
  [
    '--vsa-out FILE',
    'write a verification summary (SLSA VSA v1.1 in-toto statement) for each artifact that verified, as JSON lines',
  ],
  [
    '--verifier-id URI',
    "the summaries' verifier.id (default: the signing identity, or in GitHub Actions the workflow)",
  ],
  [
    '--sign',
    'sign each summary into a Sigstore bundle (keyless by default: the flags below as for attest sign)',
  ],
  ['--sign-key FILE', 'sign the summaries with this ECDSA P-256 private key (PEM)'],
  ...signHelp.filter(([flag]) => !flag.startsWith('--key ')),
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
  policy: { type: 'string' },
  hostname: { type: 'string' },
  'vsa-verifier': { type: 'string' },
  'vsa-verifier-regexp': { type: 'string' },
  'vsa-verifier-issuer': { type: 'string' },
  'vsa-max-age': { type: 'string' },
  'vsa-resource-uri': { type: 'string' },
};

const { key: _signKey, ...keylessSignOptions } = signOptions;

export const vsaOutOptions: OptionsConfig = {
  'vsa-out': { type: 'string' },
  'verifier-id': { type: 'string' },
  sign: { type: 'boolean' },
  'sign-key': { type: 'string' },
  ...keylessSignOptions,
};

function strip<T extends object>(o: T): T {
  for (const k of Object.keys(o))
    if ((o as Record<string, unknown>)[k] === undefined) delete (o as Record<string, unknown>)[k];
  return o;
}

/** The policy the flags state; the flag names are gh's and cosign's. */
export function policyFromFlags(values: Record<string, unknown>): VerifyPolicy {
  const s = (name: string) => stringFlag(values, name);
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
    hostname: s('hostname'),
  });
}

/** The verify flow's request from the flags and the targets. */
export function verifyRequest(values: Record<string, unknown>, targets: string[]): VerifyRequest {
  const s = (name: string) => stringFlag(values, name);
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
    ...(values.policy !== undefined ? { policyFile: String(values.policy) } : {}),
    ...(values['vsa-resource-uri'] !== undefined
      ? { resourceUri: String(values['vsa-resource-uri']) }
      : {}),
    ...summaries(values),
  };
}

/** The trusted verifier flags as the request's `summaries`. */
function summaries(values: Record<string, unknown>): Pick<VerifyRequest, 'summaries'> {
  const s = (name: string) => stringFlag(values, name);
  const verifier = s('vsa-verifier');
  const verifierRegexp = s('vsa-verifier-regexp');
  if (verifier === undefined && verifierRegexp === undefined) {
    for (const flag of ['vsa-verifier-issuer', 'vsa-max-age'])
      if (values[flag] !== undefined)
        throw new UsageError(`--${flag} applies to --vsa-verifier or --vsa-verifier-regexp`);
    return {};
  }
  if (verifier !== undefined && verifierRegexp !== undefined)
    throw new UsageError('give one of --vsa-verifier and --vsa-verifier-regexp');
  return {
    summaries: strip({
      verifier,
      verifierRegexp,
      issuer: s('vsa-verifier-issuer'),
      maxAge: s('vsa-max-age'),
    }),
  };
}

/** `--vsa-out` and its signing flags as a request; undefined without `--vsa-out`. */
export function summaryWriteRequest(
  values: Record<string, unknown>,
  io: CommandIO,
): SummaryWriteRequest | undefined {
  const out = stringFlag(values, 'vsa-out');
  const signFlags = ['sign-key', ...Object.keys(keylessSignOptions)].filter(
    (f) => values[f] !== undefined,
  );
  if (out === undefined) {
    const stray = ['sign', 'verifier-id', ...signFlags].find((f) => values[f] !== undefined);
    if (stray) throw new UsageError(`--${stray} applies to --vsa-out FILE`);
    return undefined;
  }
  if (values.sign !== true && signFlags.length > 0)
    throw new UsageError(`--${signFlags[0]} signs the summaries: add --sign`);
  const request: SummaryWriteRequest = { out };
  if (values['verifier-id'] !== undefined) request.verifierId = String(values['verifier-id']);
  if (values.sign === true) {
    request.signing = signingRequest({ ...values, key: values['sign-key'] });
    Object.assign(request, storeRequest(values, io));
  }
  return request;
}
