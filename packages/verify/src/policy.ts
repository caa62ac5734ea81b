import { GITHUB_ACTIONS_ISSUER, isGitHubActionsIssuer } from '@build-artifact/core';
import type { CertificateIdentity } from './certificate.js';
import { type Failure, type FailureReason, VerifyError } from './errors.js';
import { quote } from './parse.js';
import { fail as failed, pass, type StageResult } from './stage.js';

/**
 * What the user expects. Identity comes from the certificate only, never from the predicate.
 * cosign's flags: certificateIdentity(Regexp), certificateOidcIssuer(Regexp).
 * `gh attestation verify`'s flags: repo, owner, signerWorkflow, signerRepo, signerDigest,
 * sourceRef, sourceDigest, predicateType, denySelfHostedRunners.
 */
export interface VerifyPolicy {
  certificateIdentity?: string;
  certificateIdentityRegexp?: string;
  certificateOidcIssuer?: string;
  certificateOidcIssuerRegexp?: string;
  /**
   * `OWNER/REPO`: the source repository. Unless a signer flag or a certificate identity names
   * the signer, the signing workflow must be in it too (gh's default).
   */
  repo?: string;
  /** The source repository owner; the same default for the signer as `repo`. */
  owner?: string;
  /** `[HOST/]OWNER/REPO/PATH` (a regex anchored at the start; any `@ref` after it). */
  signerWorkflow?: string;
  /** `OWNER/REPO` of the workflow that signed. */
  signerRepo?: string;
  signerDigest?: string;
  sourceRef?: string;
  sourceDigest?: string;
  /** Default `https://slsa.dev/provenance/v1`. */
  predicateType?: string;
  denySelfHostedRunners?: boolean;
  /** Fail unless the evidence supports at least this SLSA Build level. */
  minSlsaLevel?: 1 | 2 | 3;
  /** Fail unless a signed SBOM attestation (CycloneDX or SPDX) exists for the same subject. */
  requireSbom?: boolean;
  /**
   * gh's `--hostname`: `github.com` (the default) or a GitHub Enterprise Cloud tenant
   * `TENANT.ghe.com`, whose identities live on that host and whose tokens come from
   * `https://token.actions.TENANT.ghe.com`.
   */
  hostname?: string;
}

/** What else the policy is checked with: whether a public key (`--key`) was given. */
export interface PolicyContext {
  publicKey: boolean;
}

/** True when the user asked about provenance: the gh-style flags or a minimum level. */
export function asksAboutProvenance(policy: VerifyPolicy): boolean {
  return (
    policy.repo !== undefined ||
    policy.owner !== undefined ||
    policy.signerWorkflow !== undefined ||
    policy.signerRepo !== undefined ||
    policy.signerDigest !== undefined ||
    policy.sourceRef !== undefined ||
    policy.sourceDigest !== undefined ||
    policy.denySelfHostedRunners === true ||
    policy.minSlsaLevel !== undefined
  );
}

function usesGitHubFlags(policy: VerifyPolicy): boolean {
  return (
    policy.repo !== undefined ||
    policy.owner !== undefined ||
    policy.signerWorkflow !== undefined ||
    policy.signerRepo !== undefined
  );
}

/**
 * True when the policy names who must have signed a certificate: gh's `repo`, `owner`,
 * `signerRepo`, `signerWorkflow`, or cosign's certificate identity. An issuer, a level or an
 * SBOM requirement alone names nobody.
 */
export function hasIdentityConstraint(policy: VerifyPolicy): boolean {
  return (
    usesGitHubFlags(policy) ||
    policy.certificateIdentity !== undefined ||
    policy.certificateIdentityRegexp !== undefined
  );
}

/** `^(?:RE)$`; a pattern that does not compile is INVALID_POLICY naming `flag`. */
export function anchored(source: string, flag: string): RegExp {
  try {
    return new RegExp(`^(?:${source})$`);
  } catch (err) {
    throw new VerifyError({
      code: 'INVALID_POLICY',
      message: `${flag}: invalid regular expression (${(err as Error).message})`,
    });
  }
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const OWNER_REPO = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;
const OWNER = /^[A-Za-z0-9_.-]+$/;
const TENANT_HOST = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\.ghe\.com$/i;

/** The GitHub Enterprise Cloud tenant a hostname names (`acme.ghe.com` -> `acme`), if any. */
const tenantOf = (hostname: string | undefined) =>
  hostname === undefined ? undefined : TENANT_HOST.exec(hostname)?.[1]?.toLowerCase();

const hostOf = (policy: VerifyPolicy) => policy.hostname?.toLowerCase() ?? 'github.com';

/**
 * The issuer gh expects when no issuer flag is given: GitHub Actions', or the tenant's
 * (`https://token.actions.TENANT.ghe.com`, as gh derives it from `--hostname`).
 */
function defaultIssuer(policy: VerifyPolicy): string {
  const tenant = tenantOf(policy.hostname);
  return tenant === undefined ? GITHUB_ACTIONS_ISSUER : `https://token.actions.${tenant}.ghe.com`;
}

const WHO_SIGNED =
  'say who must have signed: --repo OWNER/REPO, --owner OWNER, --signer-repo/--signer-workflow, --certificate-identity(-regexp), or --key FILE';

/**
 * Checks the policy once, before any artifact (a bad policy is exit 2). With `context`, it also
 * refuses a policy that names no signer where no key is given either: like gh (which requires
 * `--owner` or `--repo`) and cosign (an identity), a certificate is only worth something when
 * it is known whose it must be. `verifyArtifact` always checks with its trust's key.
 */
export function validatePolicy(policy: VerifyPolicy, context?: PolicyContext): void {
  const bad = (message: string): never => {
    throw new VerifyError({ code: 'INVALID_POLICY', message });
  };
  if (context && !context.publicKey && !hasIdentityConstraint(policy))
    bad(
      `${WHO_SIGNED}${policy.minSlsaLevel !== undefined ? ' (a minimum SLSA level names nobody)' : ''}`,
    );
  if (policy.repo !== undefined && !OWNER_REPO.test(policy.repo))
    bad(`--repo ${quote(policy.repo)}: expected OWNER/REPO`);
  if (policy.signerRepo !== undefined && !OWNER_REPO.test(policy.signerRepo))
    bad(`--signer-repo ${quote(policy.signerRepo)}: expected OWNER/REPO`);
  if (policy.owner !== undefined && !OWNER.test(policy.owner))
    bad(`--owner ${quote(policy.owner)}: expected an owner name`);
  if (
    policy.repo &&
    policy.owner &&
    !policy.repo.toLowerCase().startsWith(`${policy.owner.toLowerCase()}/`)
  )
    bad(`--repo ${policy.repo} is not owned by --owner ${policy.owner}`);
  if (
    policy.hostname !== undefined &&
    policy.hostname.toLowerCase() !== 'github.com' &&
    tenantOf(policy.hostname) === undefined
  )
    bad(
      `--hostname ${quote(policy.hostname)}: expected github.com or a GitHub Enterprise Cloud tenant (TENANT.ghe.com)`,
    );
  // Each names the signer, and only one of them is used (gh's flags are mutually exclusive).
  const signerFlags = [
    ['--certificate-identity', policy.certificateIdentity],
    ['--certificate-identity-regexp', policy.certificateIdentityRegexp],
    ['--signer-repo', policy.signerRepo],
    ['--signer-workflow', policy.signerWorkflow],
  ].filter(([, v]) => v !== undefined);
  if (signerFlags.length > 1)
    bad(`use one of ${signerFlags.map(([f]) => f).join(', ')}: each names the signer`);
  if (
    policy.certificateOidcIssuer !== undefined &&
    policy.certificateOidcIssuerRegexp !== undefined
  )
    bad('use either --certificate-oidc-issuer or --certificate-oidc-issuer-regexp, not both');
  if (policy.certificateIdentityRegexp !== undefined)
    anchored(policy.certificateIdentityRegexp, '--certificate-identity-regexp');
  if (policy.certificateOidcIssuerRegexp !== undefined)
    anchored(policy.certificateOidcIssuerRegexp, '--certificate-oidc-issuer-regexp');
  if (policy.signerWorkflow !== undefined) signerWorkflowRegex(policy);
}

function signerWorkflowRegex(policy: VerifyPolicy): RegExp {
  let wf = policy.signerWorkflow!.replace(/^https:\/\//, '');
  // As gh: `OWNER/REPO/path` gets the host prepended; `host.tld/OWNER/...` is kept.
  if (!/^[a-zA-Z0-9-]+\.[a-zA-Z0-9-]+[^/]*\//.test(wf)) wf = `${escapeRegex(hostOf(policy))}/${wf}`;
  // Pinned by tag or by commit SHA, both verify: any `@ref` may follow unless one is given.
  const tail = wf.includes('@') ? '' : '(?:@.+)?';
  return anchored(`https://${wf}${tail}`, '--signer-workflow');
}

const mismatch = (reason: FailureReason, message: string): Failure => ({
  reason,
  message,
  stage: 'identity',
});

const lower = (s: string | undefined) => s?.toLowerCase();
const q = (s: string | undefined) => (s === undefined ? '(absent)' : quote(s, 200));

/**
 * Who signed, by gh's matcher order: the first given of `signerRepo`, `signerWorkflow`,
 * `certificateIdentity(Regexp)` names the signing workflow (the SAN); only when none is given
 * must it live in `repo` (or `owner`), which keeps a fork's or another repository's workflow out.
 */
function checkSigner(id: CertificateIdentity, policy: VerifyPolicy): Failure | undefined {
  const host = hostOf(policy);
  const san = id.subjectAlternativeName;
  if (policy.certificateIdentity !== undefined) {
    if (san !== policy.certificateIdentity)
      return mismatch(
        'IDENTITY_MISMATCH',
        `certificate identity is ${q(san)}, expected ${q(policy.certificateIdentity)}`,
      );
    return undefined;
  }
  if (policy.certificateIdentityRegexp !== undefined) {
    if (san === undefined || !anchored(policy.certificateIdentityRegexp, '').test(san))
      return mismatch(
        'IDENTITY_MISMATCH',
        `certificate identity ${q(san)} does not match /^(?:${policy.certificateIdentityRegexp})$/`,
      );
    return undefined;
  }
  if (!usesGitHubFlags(policy)) return undefined;
  if (san === undefined)
    return mismatch('NO_CERTIFICATE_IDENTITY', 'the certificate names no signing workflow');
  // gh matches the SAN; a GitHub certificate's build signer URI is the same workflow, and a
  // certificate where they differ must not pass on either alone.
  const signers = [
    san,
    ...(id.buildSignerURI !== undefined && id.buildSignerURI !== san ? [id.buildSignerURI] : []),
  ];
  const inside = (ownerOrRepo: string) => (signer: string) =>
    signer.toLowerCase().startsWith(`https://${host}/${ownerOrRepo}/`.toLowerCase());
  let matches: (signer: string) => boolean;
  let fails: (signer: string) => Failure;
  if (policy.signerRepo !== undefined) {
    matches = inside(policy.signerRepo);
    fails = (signer) =>
      mismatch(
        'SIGNER_REPOSITORY_MISMATCH',
        `signing workflow ${q(signer)} is not in ${policy.signerRepo}`,
      );
  } else if (policy.signerWorkflow !== undefined) {
    const re = signerWorkflowRegex(policy);
    matches = (signer) => re.test(signer);
    fails = (signer) =>
      mismatch(
        'SIGNER_WORKFLOW_MISMATCH',
        `signing workflow ${q(signer)} does not match ${policy.signerWorkflow}`,
      );
  } else if (policy.repo !== undefined) {
    matches = inside(policy.repo);
    fails = (signer) =>
      mismatch(
        'SIGNER_REPOSITORY_MISMATCH',
        `signing workflow ${q(signer)} is not in ${policy.repo}; if a reusable workflow from another repository signs, say which with --signer-repo, --signer-workflow or --certificate-identity`,
      );
  } else {
    matches = inside(policy.owner!);
    fails = (signer) =>
      mismatch(
        'SIGNER_REPOSITORY_MISMATCH',
        `signing workflow ${q(signer)} is not owned by ${policy.owner}; use --signer-repo, --signer-workflow or --certificate-identity to accept it`,
      );
  }
  const wrong = signers.find((signer) => !matches(signer));
  return wrong === undefined ? undefined : fails(wrong);
}

/** The issuer named by a flag, or gh's default (GitHub Actions', or the tenant's) with gh flags. */
function checkIssuer(id: CertificateIdentity, policy: VerifyPolicy): Failure | undefined {
  const issuer = id.issuer;
  if (policy.certificateOidcIssuerRegexp !== undefined) {
    if (issuer === undefined || !anchored(policy.certificateOidcIssuerRegexp, '').test(issuer))
      return mismatch(
        'ISSUER_MISMATCH',
        `certificate OIDC issuer ${q(issuer)} does not match /^(?:${policy.certificateOidcIssuerRegexp})$/`,
      );
    return undefined;
  }
  let want = policy.certificateOidcIssuer;
  // As gh: naming github.com's issuer on a tenant means the tenant's.
  if (want === GITHUB_ACTIONS_ISSUER && tenantOf(policy.hostname) !== undefined)
    want = defaultIssuer(policy);
  if (want === undefined && usesGitHubFlags(policy)) want = defaultIssuer(policy);
  if (want === undefined || issuer === want) return undefined;
  // An enterprise's custom issuer (`<issuer>/<enterprise-slug>`, and only that form) is
  // accepted where gh accepts it: when named.
  const enterprise = issuer !== undefined && isGitHubActionsIssuer(issuer, want);
  return mismatch(
    'ISSUER_MISMATCH',
    `certificate OIDC issuer is ${q(issuer)}, expected ${q(want)}${enterprise ? `; for an enterprise's custom OIDC issuer, name it with --certificate-oidc-issuer ${issuer}` : ''}`,
  );
}

/**
 * Applies the identity policy to the verified certificate's fields; returns the first mismatch.
 * Mirrors `gh attestation verify`: the signer (see checkSigner), the issuer, `repo` and `owner`
 * against the source repository (and its owner) only, the signer digest, source ref and
 * digest, and the runner.
 */
export function checkIdentity(id: CertificateIdentity, policy: VerifyPolicy): Failure | undefined {
  // Which matcher names the signer is gh's order (checkSigner); what is reported first when
  // several fail is: a certificate identity, the issuer, the source repository, the signer.
  const namedIdentity =
    policy.certificateIdentity !== undefined || policy.certificateIdentityRegexp !== undefined;
  if (namedIdentity) {
    const signer = checkSigner(id, policy);
    if (signer) return signer;
  }
  const issuer = checkIssuer(id, policy);
  if (issuer) return issuer;
  const host = hostOf(policy);
  if (policy.repo !== undefined) {
    const want = `https://${host}/${policy.repo}`;
    if (lower(id.sourceRepositoryURI) !== lower(want))
      return mismatch(
        'REPOSITORY_MISMATCH',
        `source repository is ${q(id.sourceRepositoryURI)}, expected ${q(want)}`,
      );
  }
  const owner = policy.owner ?? policy.repo?.split('/')[0];
  if (owner !== undefined) {
    const want = `https://${host}/${owner}`;
    // Certificates from before Fulcio's .16 extension: the owner of the source repository URI.
    const have =
      id.sourceRepositoryOwnerURI ??
      (id.sourceRepositoryURI
        ? id.sourceRepositoryURI.split('/').slice(0, 4).join('/')
        : undefined);
    if (lower(have) !== lower(want))
      return mismatch(
        'OWNER_MISMATCH',
        `source repository owner is ${q(have)}, expected ${q(want)}`,
      );
  }
  if (!namedIdentity) {
    const signer = checkSigner(id, policy);
    if (signer) return signer;
  }
  if (
    policy.signerDigest !== undefined &&
    lower(id.buildSignerDigest) !== lower(policy.signerDigest)
  )
    return mismatch(
      'SIGNER_DIGEST_MISMATCH',
      `signing workflow digest is ${q(id.buildSignerDigest)}, expected ${q(policy.signerDigest)}`,
    );
  if (policy.sourceRef !== undefined && id.sourceRepositoryRef !== policy.sourceRef)
    return mismatch(
      'SOURCE_REF_MISMATCH',
      `source ref is ${q(id.sourceRepositoryRef)}, expected ${q(policy.sourceRef)}`,
    );
  if (
    policy.sourceDigest !== undefined &&
    lower(id.sourceRepositoryDigest) !== lower(policy.sourceDigest)
  )
    return mismatch(
      'SOURCE_DIGEST_MISMATCH',
      `source commit is ${q(id.sourceRepositoryDigest)}, expected ${q(policy.sourceDigest)}`,
    );
  if (policy.denySelfHostedRunners && id.runnerEnvironment !== 'github-hosted')
    return mismatch(
      'SELF_HOSTED_RUNNER',
      `runner environment is ${q(id.runnerEnvironment)}, not github-hosted`,
    );
  return undefined;
}

/**
 * The flags given that only a certificate can meet: every identity and issuer flag, and gh's
 * signer digest, source ref and digest and runner checks (all read from its extensions).
 */
function certificateFlags(policy: VerifyPolicy): string[] {
  const given: [string, unknown][] = [
    ['--certificate-identity', policy.certificateIdentity],
    ['--certificate-identity-regexp', policy.certificateIdentityRegexp],
    ['--certificate-oidc-issuer', policy.certificateOidcIssuer],
    ['--certificate-oidc-issuer-regexp', policy.certificateOidcIssuerRegexp],
    ['--repo', policy.repo],
    ['--owner', policy.owner],
    ['--signer-repo', policy.signerRepo],
    ['--signer-workflow', policy.signerWorkflow],
    ['--signer-digest', policy.signerDigest],
    ['--source-ref', policy.sourceRef],
    ['--source-digest', policy.sourceDigest],
    ['--deny-self-hosted-runners', policy.denySelfHostedRunners || undefined],
  ];
  return given.filter(([, value]) => value !== undefined).map(([flag]) => flag);
}

/**
 * Stage 4, identity, from the certificate only (never from the predicate). A key-signed bundle
 * got here through `--key` and fails every flag only a certificate can meet (certificateFlags);
 * a certificate passes only when the policy names its signer and it meets every identity flag.
 */
export function identityStage(
  identity: CertificateIdentity | undefined,
  policy: VerifyPolicy,
): StageResult<undefined> {
  if (identity === undefined) {
    const flags = certificateFlags(policy);
    if (flags.length > 0)
      return failed(
        'identity',
        'NO_CERTIFICATE_IDENTITY',
        `signed with a key: there is no certificate to check ${flags.join(', ')} against`,
      );
    return pass(undefined);
  }
  if (!hasIdentityConstraint(policy))
    return failed(
      'identity',
      'IDENTITY_MISMATCH',
      `signed with a certificate (${q(identity.subjectAlternativeName)}), not with the --key given: a certificate is accepted only when identity flags name its signer (${WHO_SIGNED.replace(/^say who must have signed: /, '').replace(/, or --key FILE$/, '')})`,
    );
  const failure = checkIdentity(identity, policy);
  return failure ? { ok: false, failure } : pass(undefined);
}
