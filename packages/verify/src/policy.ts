import { GITHUB_ACTIONS_ISSUER } from '@build-artifact/core';
import type { CertificateIdentity } from './certificate.js';
import { CheckFailed, type FailureReason, VerifyError } from './errors.js';

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
  /** `OWNER/REPO`: the source repository; without a signer flag the signer must be in it too. */
  repo?: string;
  /** The source repository owner; without a signer flag the signer must belong to it too. */
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
  /** Fail unless a signed CycloneDX attestation exists for the same subject. */
  requireSbom?: boolean;
  /** GitHub host for repo/owner/signer flags; default github.com. */
  hostname?: string;
}

const STAGE_IDENTITY = 3;

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

/** True when the policy names who must have signed (a keyless bundle needs one). */
export function hasIdentityConstraint(policy: VerifyPolicy): boolean {
  return (
    usesGitHubFlags(policy) ||
    policy.certificateIdentity !== undefined ||
    policy.certificateIdentityRegexp !== undefined
  );
}

function anchored(source: string, flag: string, flags = ''): RegExp {
  try {
    return new RegExp(`^(?:${source})$`, flags);
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

/** Checks the policy's own shape once, before any artifact (bad flags are exit 2). */
export function validatePolicy(policy: VerifyPolicy, options: { key?: boolean } = {}): void {
  const bad = (message: string): never => {
    throw new VerifyError({ code: 'INVALID_POLICY', message });
  };
  if (!hasIdentityConstraint(policy) && !options.key)
    bad(
      'say who must have signed: --repo OWNER/REPO, --owner OWNER, --signer-repo/--signer-workflow, --certificate-identity(-regexp), or --key FILE',
    );
  if (policy.repo !== undefined && !OWNER_REPO.test(policy.repo))
    bad(`--repo "${policy.repo}": expected OWNER/REPO`);
  if (policy.signerRepo !== undefined && !OWNER_REPO.test(policy.signerRepo))
    bad(`--signer-repo "${policy.signerRepo}": expected OWNER/REPO`);
  if (policy.owner !== undefined && !OWNER.test(policy.owner))
    bad(`--owner "${policy.owner}": expected an owner name`);
  if (
    policy.repo &&
    policy.owner &&
    !policy.repo.toLowerCase().startsWith(`${policy.owner.toLowerCase()}/`)
  )
    bad(`--repo ${policy.repo} is not owned by --owner ${policy.owner}`);
  if (policy.certificateIdentity !== undefined && policy.certificateIdentityRegexp !== undefined)
    bad('use either --certificate-identity or --certificate-identity-regexp, not both');
  if (
    policy.certificateOidcIssuer !== undefined &&
    policy.certificateOidcIssuerRegexp !== undefined
  )
    bad('use either --certificate-oidc-issuer or --certificate-oidc-issuer-regexp, not both');
  if (policy.signerWorkflow !== undefined && policy.signerRepo !== undefined)
    bad('use either --signer-workflow or --signer-repo, not both');
  if (policy.certificateIdentityRegexp !== undefined)
    anchored(policy.certificateIdentityRegexp, '--certificate-identity-regexp');
  if (policy.certificateOidcIssuerRegexp !== undefined)
    anchored(policy.certificateOidcIssuerRegexp, '--certificate-oidc-issuer-regexp');
  if (policy.signerWorkflow !== undefined) signerWorkflowRegex(policy);
}

function signerWorkflowRegex(policy: VerifyPolicy): RegExp {
  const host = policy.hostname ?? 'github.com';
  let wf = policy.signerWorkflow!.replace(/^https:\/\//, '');
  // As gh: `OWNER/REPO/path` gets the host prepended; `host.tld/OWNER/...` is kept.
  if (!/^[a-zA-Z0-9-]+\.[a-zA-Z0-9-]+[^/]*\//.test(wf)) wf = `${escapeRegex(host)}/${wf}`;
  // Pinned by tag or by commit SHA, both verify: any `@ref` may follow unless one is given.
  const tail = wf.includes('@') ? '' : '(?:@.+)?';
  return anchored(`https://${wf}${tail}`, '--signer-workflow');
}

function fail(reason: FailureReason, message: string): never {
  throw new CheckFailed(reason, message, STAGE_IDENTITY);
}

const lower = (s: string | undefined) => s?.toLowerCase();

/**
 * Applies the identity policy to the verified certificate's fields; throws CheckFailed with
 * the first mismatch. Mirrors `gh attestation verify`: `--repo`/`--owner` pin the source
 * repository, and without `--signer-*` the signing workflow must live in that same
 * repository (or owner), so a workflow from a fork or another repository is refused.
 */
export function checkIdentity(id: CertificateIdentity, policy: VerifyPolicy): void {
  const host = policy.hostname ?? 'github.com';
  const san = id.subjectAlternativeName;
  if (policy.certificateIdentity !== undefined && san !== policy.certificateIdentity)
    fail(
      'IDENTITY_MISMATCH',
      `certificate identity is ${q(san)}, expected ${q(policy.certificateIdentity)}`,
    );
  if (policy.certificateIdentityRegexp !== undefined) {
    if (san === undefined || !anchored(policy.certificateIdentityRegexp, '').test(san))
      fail(
        'IDENTITY_MISMATCH',
        `certificate identity ${q(san)} does not match /^(?:${policy.certificateIdentityRegexp})$/`,
      );
  }
  if (policy.certificateOidcIssuer !== undefined && id.issuer !== policy.certificateOidcIssuer)
    fail(
      'ISSUER_MISMATCH',
      `certificate OIDC issuer is ${q(id.issuer)}, expected ${q(policy.certificateOidcIssuer)}`,
    );
  if (policy.certificateOidcIssuerRegexp !== undefined) {
    if (
      id.issuer === undefined ||
      !anchored(policy.certificateOidcIssuerRegexp, '').test(id.issuer)
    )
      fail(
        'ISSUER_MISMATCH',
        `certificate OIDC issuer ${q(id.issuer)} does not match /^(?:${policy.certificateOidcIssuerRegexp})$/`,
      );
  }
  const github = usesGitHubFlags(policy);
  // gh's default issuer: GitHub Actions, unless the user named another one.
  if (
    github &&
    policy.certificateOidcIssuer === undefined &&
    policy.certificateOidcIssuerRegexp === undefined
  ) {
    if (id.issuer !== GITHUB_ACTIONS_ISSUER)
      fail(
        'ISSUER_MISMATCH',
        `certificate OIDC issuer is ${q(id.issuer)}, expected ${q(GITHUB_ACTIONS_ISSUER)}`,
      );
  }
  if (github && id.buildSignerURI === undefined && san === undefined)
    fail('NO_CERTIFICATE_IDENTITY', 'the certificate names no signing workflow');
  const signer = id.buildSignerURI ?? san ?? '';
  if (policy.repo !== undefined) {
    const want = `https://${host}/${policy.repo}`;
    if (lower(id.sourceRepositoryURI) !== lower(want))
      fail(
        'REPOSITORY_MISMATCH',
        `source repository is ${q(id.sourceRepositoryURI)}, expected ${q(want)}`,
      );
  }
  if (policy.owner !== undefined) {
    const want = `https://${host}/${policy.owner}`;
    const owner =
      id.sourceRepositoryOwnerURI ??
      (id.sourceRepositoryURI
        ? id.sourceRepositoryURI.split('/').slice(0, 4).join('/')
        : undefined);
    if (lower(owner) !== lower(want))
      fail('OWNER_MISMATCH', `source repository owner is ${q(owner)}, expected ${q(want)}`);
  }
  if (policy.signerRepo !== undefined) {
    const prefix = `https://${host}/${policy.signerRepo}/`.toLowerCase();
    if (!signer.toLowerCase().startsWith(prefix))
      fail(
        'SIGNER_REPOSITORY_MISMATCH',
        `signing workflow ${q(signer)} is not in ${policy.signerRepo}`,
      );
  } else if (policy.signerWorkflow !== undefined) {
    const re = signerWorkflowRegex(policy);
    if (!re.test(signer))
      fail(
        'SIGNER_WORKFLOW_MISMATCH',
        `signing workflow ${q(signer)} does not match ${policy.signerWorkflow}`,
      );
  } else if (policy.repo !== undefined) {
    const prefix = `https://${host}/${policy.repo}/`.toLowerCase();
    if (!signer.toLowerCase().startsWith(prefix))
      fail(
        'SIGNER_REPOSITORY_MISMATCH',
        `signing workflow ${q(signer)} is not in ${policy.repo}; if a reusable workflow from another repository signs, say which with --signer-repo or --signer-workflow`,
      );
  } else if (policy.owner !== undefined) {
    const prefix = `https://${host}/${policy.owner}/`.toLowerCase();
    if (!signer.toLowerCase().startsWith(prefix))
      fail(
        'SIGNER_REPOSITORY_MISMATCH',
        `signing workflow ${q(signer)} is not owned by ${policy.owner}; use --signer-repo or --signer-workflow to accept it`,
      );
  }
  if (
    policy.signerDigest !== undefined &&
    lower(id.buildSignerDigest) !== lower(policy.signerDigest)
  )
    fail(
      'SIGNER_DIGEST_MISMATCH',
      `signing workflow digest is ${q(id.buildSignerDigest)}, expected ${q(policy.signerDigest)}`,
    );
  if (policy.sourceRef !== undefined && id.sourceRepositoryRef !== policy.sourceRef)
    fail(
      'SOURCE_REF_MISMATCH',
      `source ref is ${q(id.sourceRepositoryRef)}, expected ${q(policy.sourceRef)}`,
    );
  if (
    policy.sourceDigest !== undefined &&
    lower(id.sourceRepositoryDigest) !== lower(policy.sourceDigest)
  )
    fail(
      'SOURCE_DIGEST_MISMATCH',
      `source commit is ${q(id.sourceRepositoryDigest)}, expected ${q(policy.sourceDigest)}`,
    );
  if (policy.denySelfHostedRunners && id.runnerEnvironment !== 'github-hosted')
    fail(
      'SELF_HOSTED_RUNNER',
      `runner environment is ${q(id.runnerEnvironment)}, not github-hosted`,
    );
}

const q = (s: string | undefined) => (s === undefined ? '(absent)' : JSON.stringify(s));
