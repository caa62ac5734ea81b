// Writing verification summaries (SLSA VSA v1.1): after `verifyTargets`, one in-toto statement
// per artifact that verified, naming the artifact, the policy it met (uri and canonical digest),
// the bundles the verdict rests on, and the levels reached; signed into bundles on request, and
// attached to the OCI manifests they name.
import { resolve } from 'node:path';
import type { Statement } from '@build-artifact/core';
import type { SerializedBundle } from '@build-artifact/sign';
import type {
  AttestationRef,
  VerificationResult,
  VerificationSummary,
} from '@build-artifact/verify';
import { PipelineError } from './errors.js';
import type { FlowContext } from './oci-target.js';
import type { PublishedReferrer } from './publish.js';
import type { DependencyResult } from './recursive.js';
import {
  decodeClaims,
  type GitHubAttestationsRequest,
  resolveSigner,
  type Signer,
  type SigningRequest,
  signPayload,
} from './signing.js';
import type { TargetResult, VerifyOutcome } from './verify.js';

/** What to write after a verification, and how. */
export interface SummaryWriteRequest {
  /** The file to write (atomically): JSON lines, one statement, or one bundle when signed. */
  out?: string;
  /** Sign each summary into a Sigstore bundle (keyless, a key, or a given Sigstore). */
  signing?: SigningRequest;
  /** Store the signed summaries in the GitHub attestations API too. */
  githubAttestations?: GitHubAttestationsRequest;
  /**
   * `verifier.id`. Default: the signing identity (keyless), else in GitHub Actions the verifying
   * workflow from the job's OIDC token, else `$GITHUB_SERVER_URL/$GITHUB_WORKFLOW_REF`.
   */
  verifierId?: string;
}

/** One summary written. */
export interface WrittenSummary {
  /** The target as given to the verification. */
  target: string;
  resourceUri: string;
  statement: Statement<VerificationSummary>;
  /** The signed bundle, when signing. */
  bundle?: SerializedBundle;
  attestationId?: string;
}

export interface WrittenSummaries {
  verifier: string;
  /** Targets that verified, each with its summary; those that failed get none. */
  summaries: WrittenSummary[];
  /** The file written, absolute. */
  file?: string;
  /** For people: how the summaries were signed. */
  signedWith?: string;
}

/** Writes summaries for the outcome of a verification (see `summaryWriter`). */
export interface SummaryWriter {
  /** `verifier.id` of the summaries. */
  verifier: string;
  write(outcome: VerifyOutcome): Promise<WrittenSummaries>;
}

const invalid = (message: string): never => {
  throw new PipelineError({ code: 'INVALID_REQUEST', message });
};

/**
 * The verifier's identity from a GitHub-like token: the workflow that runs the job (a reusable
 * workflow's own path, as Fulcio names a GitHub Actions certificate), or an email identity.
 */
function identityFromClaims(claims: Record<string, unknown>, env: NodeJS.ProcessEnv) {
  if (typeof claims.job_workflow_ref === 'string')
    return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${claims.job_workflow_ref}`;
  if (typeof claims.email === 'string') return `mailto:${claims.email}`;
  return undefined;
}

async function verifierOf(
  request: SummaryWriteRequest,
  signer: Signer | undefined,
  context: FlowContext,
): Promise<string> {
  const env = context.env;
  let derived: string | undefined;
  if (signer?.claims) derived = identityFromClaims(signer.claims, env);
  else if (
    request.verifierId === undefined &&
    env.GITHUB_ACTIONS === 'true' &&
    env.ACTIONS_ID_TOKEN_REQUEST_URL
  ) {
    // Unsigned, in a job that may ask for a token: the token says which workflow runs the job.
    try {
      const sign = await import('@build-artifact/sign');
      derived = identityFromClaims(decodeClaims(await sign.actionsTokenProvider(env)()), env);
    } catch {
      // No token after all: the workflow reference below.
    }
  }
  if (request.verifierId !== undefined) {
    // A keyless summary names the identity that signs it, or no consumer could accept it.
    if (derived !== undefined && signer?.claims && derived !== request.verifierId)
      invalid(
        `the verifier id ${request.verifierId} is not the signing identity ${derived}: a consumer checks that they are the same`,
      );
    return request.verifierId;
  }
  if (derived !== undefined) return derived;
  if (env.GITHUB_ACTIONS === 'true' && env.GITHUB_WORKFLOW_REF)
    return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_WORKFLOW_REF}`;
  return invalid(
    'say who the verifier is: --verifier-id URI (keyless signing and GitHub Actions name it themselves)',
  );
}

/** Every attestation the verdict rests on, the dependencies' included, each once. */
function inputsOf(result: VerificationResult & { dependencies?: DependencyResult[] }) {
  const out: AttestationRef[] = [];
  const add = (refs: readonly AttestationRef[] | undefined) => {
    for (const ref of refs ?? [])
      if (!out.some((o) => o.digest.sha256 === ref.digest.sha256)) out.push(ref);
  };
  add(result.inputAttestations);
  const todo = [...(result.dependencies ?? [])];
  while (todo.length > 0) {
    const d = todo.shift()!;
    add(d.result?.inputAttestations);
    todo.push(...d.dependencies);
  }
  return out;
}

/** The transitive dependencies that verified, each once (by digest). */
function dependencyResults(deps: readonly DependencyResult[]): VerificationResult[] {
  const seen = new Map<string, VerificationResult>();
  const todo = [...deps];
  while (todo.length > 0) {
    const d = todo.shift()!;
    if (d.verified && d.result && !seen.has(d.sha256)) seen.set(d.sha256, d.result);
    todo.push(...d.dependencies);
  }
  return [...seen.values()];
}

/**
 * The VSA statement for one verified target: subject = the artifact (its file's name and digests,
 * and from OCI its manifest digests), predicate = exactly the SLSA v1.1 VSA fields.
 */
export async function summaryStatement(
  result: TargetResult,
  fields: { verifier: string; timeVerified: string },
): Promise<Statement<VerificationSummary>> {
  const core = await import('@build-artifact/core');
  const v = await import('@build-artifact/verify');
  if (!result.verified || !result.subjects)
    throw new PipelineError({
      code: 'INVALID_REQUEST',
      message: `${result.target}: only an artifact that verified gets a summary`,
    });
  if (result.resourceUri === undefined)
    invalid(
      `${result.target}: say which resource the summary is about (--vsa-resource-uri URI, e.g. a pkg: URL)`,
    );
  const dependencyLevels =
    result.dependencies !== undefined
      ? v.dependencyLevelsOf(dependencyResults(result.dependencies))
      : result.summary?.dependencyLevels;
  const predicate: VerificationSummary = {
    verifier: { id: fields.verifier, version: { [v.TOOL_NAME]: v.VERSION } },
    timeVerified: fields.timeVerified,
    resourceUri: result.resourceUri!,
    policy: { uri: result.policy.uri, digest: { sha256: result.policy.digest.sha256 } },
    inputAttestations: inputsOf(result).map((a) => ({ uri: a.uri, digest: { ...a.digest } })),
    verificationResult: 'PASSED',
    verifiedLevels: v.verifiedLevelsOf(result),
    ...(dependencyLevels !== undefined ? { dependencyLevels } : {}),
    slsaVersion: v.VSA_SLSA_VERSION,
  };
  // What we write must be what we accept.
  const read = v.readSummary(predicate);
  if (!read.ok) throw new Error(`internal: the summary written is invalid: ${read.problem}`);
  return core.buildStatement(
    result.subjects,
    core.PredicateType.VERIFICATION_SUMMARY_V1,
    predicate,
  );
}

/**
 * Readies the writing of summaries before anything is verified: the signer (a keyless token is
 * fetched once) and the verifier's identity, so that a request that cannot be carried out fails
 * before the work.
 */
export async function summaryWriter(
  request: SummaryWriteRequest,
  context: FlowContext,
): Promise<SummaryWriter> {
  const signer = request.signing ? await resolveSigner(request.signing, context) : undefined;
  if (request.githubAttestations && !signer)
    invalid('storing summaries in the GitHub attestations API needs them signed');
  const verifier = await verifierOf(request, signer, context);
  return {
    verifier,
    async write(outcome) {
      const core = await import('@build-artifact/core');
      const summaries: WrittenSummary[] = [];
      for (const result of outcome.results) {
        if (!result.verified) continue;
        const statement = await summaryStatement(result, {
          verifier,
          timeVerified: outcome.verifiedAt,
        });
        const written: WrittenSummary = {
          target: result.target,
          resourceUri: statement.predicate.resourceUri,
          statement,
        };
        if (signer) {
          context.onProgress?.({
            step: 'sign',
            message: `signing the verification summary of ${result.target} with ${signer.describe}`,
          });
          const signed = await signPayload(
            signer,
            Buffer.from(JSON.stringify(statement)),
            request.githubAttestations,
            context,
          );
          written.bundle = signed.bundle;
          if (signed.attestationId !== undefined) written.attestationId = signed.attestationId;
        }
        summaries.push(written);
      }
      let file: string | undefined;
      if (request.out !== undefined) {
        file = resolve(context.cwd, request.out);
        const lines = summaries.map((s) => `${JSON.stringify(s.bundle ?? s.statement)}\n`);
        await core.writeFileAtomic(file, lines.join(''));
      }
      return {
        verifier,
        summaries,
        ...(file !== undefined ? { file } : {}),
        ...(signer ? { signedWith: signer.describe } : {}),
      };
    },
  };
}

/**
 * Attaches each signed summary of an OCI artifact to the manifest its `resourceUri` names (the
 * manifest that was verified), as a referrer: where `attest verify oci://...` and gh find it.
 */
export async function attachSummaries(
  written: WrittenSummaries,
  context: FlowContext,
): Promise<PublishedReferrer[]> {
  const { attachToManifest } = await import('./attach.js');
  const referrers: PublishedReferrer[] = [];
  for (const s of written.summaries) {
    if (!s.bundle) invalid(`${s.target}: only a signed summary can be attached (sign it)`);
    if (!s.resourceUri.startsWith('oci://') && !s.resourceUri.startsWith('oci-layout:')) continue;
    const attached = await attachToManifest(
      {
        reference: s.resourceUri,
        attachments: [
          {
            kind: 'bundle',
            source: `verification summary of ${s.target}`,
            bytes: JSON.stringify(s.bundle),
            json: s.bundle,
          },
        ],
      },
      context,
    );
    referrers.push(...attached);
  }
  return referrers;
}
