// Types only: the flows (and @sigstore/*) are imported when the command runs, so that `attest`
// starts fast and `attest verify` loads nothing of the SBOM or signing code.
import type { VerifyPolicy } from '@build-artifact/verify';
import { type Command, UsageError } from '../command.js';
import { outputFormat, writeSafeJson } from '../output.js';
import { ociProgress } from '../progress.js';

export const verifyCommand: Command = {
  name: 'verify',
  summary:
    'verify an artifact against its Sigstore bundles: signature, subject, signer, source, SLSA level',
  usage:
    'verify ARTIFACT... [--bundle FILE] [--repo OWNER/REPO | --owner OWNER | --certificate-identity ...] [flags]',
  help: [
    [
      'ARTIFACT',
      'a file (bundles beside it: FILE.sigstore.json, FILE.sbom.sigstore.json, FILE.intoto.jsonl), oci://REF or oci-layout:DIR[:TAG] (bundles from referrers), or a digest sha256:HEX / sha512:HEX (with --bundle)',
    ],
    [
      '-b, --bundle FILE',
      'a bundle file (JSON or JSON lines); repeatable; used for every ARTIFACT',
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
    ['--require-sbom', 'fail unless a signed CycloneDX attestation exists for the artifact'],
    ['--key FILE', 'PEM public key for bundles signed with a key'],
    [
      '--trusted-root FILE',
      'Sigstore trusted root (JSON or JSON lines); replaces the shipped roots',
    ],
    ['--tuf-refresh', 'refresh trusted roots from their TUF repositories (network)'],
    ['--format FORMAT', 'text (default) or json (one object per artifact, one per line)'],
    [
      '--recursive',
      'also verify what the artifact embeds or was built from (provenance resolvedDependencies, SBOM embedded binaries), with the same policy',
    ],
  ],
  examples: [
    'attest verify dist/app.wasm --repo my-org/my-repo',
    'attest verify app.tgz --bundle app.intoto.jsonl --repo o/r --signer-repo o/build-workflows --slsa-level 3',
    'attest verify sha256:9f86d0... --bundle blob.sigstore.json --certificate-identity me@example.com --certificate-oidc-issuer https://accounts.google.com',
    'attest verify blob --certificate-identity-regexp "https://github.com/o/r/.*" --certificate-oidc-issuer https://token.actions.githubusercontent.com',
  ],
  options: {
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
  },
  positionals: true,
  async run({ values, positionals }, io) {
    if (positionals.length === 0) throw new UsageError('verify needs at least one ARTIFACT');
    const format = outputFormat(values.format);
    const s = (name: string) => (values[name] === undefined ? undefined : String(values[name]));
    const { verifyTargets } = await import('@build-artifact/pipeline');
    const { formatTarget } = await import('../render/verify.js');
    const outcome = await verifyTargets(
      {
        targets: positionals,
        bundles: (values.bundle as string[] | undefined) ?? [],
        policy: policyFromFlags(values),
        trust: strip({
          trustedRoot: s('trusted-root'),
          tufRefresh: values['tuf-refresh'] === true ? true : undefined,
          key: s('key'),
        }),
        recursive: values.recursive === true,
      },
      { cwd: io.cwd, env: io.env, onProgress: ociProgress(io, 'verify') },
    );
    for (const result of outcome.results)
      if (format === 'json') writeSafeJson(io.stdout, result);
      else io.stdout.write(formatTarget(result));
    const failed = outcome.results.filter((r) => !r.verified).length;
    if (format === 'text' && positionals.length > 1)
      io.stderr.write(
        `${positionals.length - failed} of ${positionals.length} artifacts verified\n`,
      );
    return outcome.verified ? 0 : 1;
  },
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
