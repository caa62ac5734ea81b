import { resolve } from 'node:path';
import { type ArtifactSource, MAX_KEY_FILE_BYTES, readRegularFileText } from '@build-artifact/core';
import type { SerializedBundle, SignOptions, SigstoreInstance } from '@build-artifact/sign';
import { PipelineError } from './errors.js';
import type { FlowContext } from './oci-target.js';

/**
 * How to sign: with a key, or keyless on a Sigstore instance chosen as `actions/attest` chooses
 * it (the token's repository visibility; `ATTEST_FULCIO_URL`/`_REKOR_URL`/`_TSA_URL` override).
 */
export interface SigningRequest {
  /** A PEM ECDSA P-256 private key file: signed with it, no Fulcio. */
  key?: string;
  instance?: 'public-good' | 'github';
  fulcioURL?: string;
  rekorURL?: string;
  tsaURL?: string;
  /** An OIDC token for Fulcio; default one fetched from the Actions token service. */
  identityToken?: string;
}

/** Storing the bundles in the GitHub attestations API, where `gh attestation verify` finds them. */
export interface GitHubAttestationsRequest {
  token: string;
  /** `OWNER/REPO`; default the signing token's repository, else `GITHUB_REPOSITORY`. */
  repository?: string;
  apiUrl?: string;
}

/** Signing options resolved from a request and the environment. */
export interface Signer {
  options: SignOptions;
  /** For people: which key or Sigstore instance. */
  describe: string;
  /** The keyless instance (absent for a key). */
  instance?: SigstoreInstance;
  /** The repository named by the signing token, when there is one. */
  repository?: string;
  /** The signing token's claims (keyless), unverified: what the certificate will be issued for. */
  claims?: Record<string, unknown>;
}

/** A JWT's claims, unverified ({} when it is not one). */
export function decodeClaims(token: string): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    return {};
  }
}

const invalid = (message: string): never => {
  throw new PipelineError({ code: 'INVALID_REQUEST', message });
};

/** Resolves a signing request (fetching an Actions token once when none is given). */
export async function resolveSigner(
  request: SigningRequest,
  context: FlowContext,
): Promise<Signer> {
  const sign = await import('@build-artifact/sign');
  const endpoints = {
    ...(request.rekorURL ? { rekorURL: request.rekorURL } : {}),
    ...(request.tsaURL ? { tsaURL: request.tsaURL } : {}),
  };
  if (request.key !== undefined) {
    if (request.fulcioURL || request.identityToken || request.instance)
      invalid(
        'a key signs without Fulcio: a Fulcio URL, an identity token or an instance do not apply',
      );
    const privateKeyPem = await readRegularFileText(resolve(context.cwd, request.key), {
      maxBytes: MAX_KEY_FILE_BYTES,
      what: 'key',
    });
    return {
      options: { privateKeyPem, ...endpoints, ...progress(context) },
      describe: `key ${request.key}`,
    };
  }
  const token = request.identityToken ?? (await sign.actionsTokenProvider(context.env)());
  const claims = decodeClaims(token);
  let instance: SigstoreInstance;
  if (request.fulcioURL) instance = { name: 'custom', fulcioURL: request.fulcioURL, ...endpoints };
  else {
    instance = sign.sigstoreInstanceFromEnv(context.env, {
      ...(request.instance ? { instance: request.instance } : {}),
      ...(typeof claims.repository_visibility === 'string'
        ? { visibility: claims.repository_visibility }
        : {}),
    });
    Object.assign(instance, endpoints);
  }
  if (!instance.rekorURL && !instance.tsaURL)
    invalid(
      'keyless signing needs a transparency log or a timestamp authority (a Rekor or TSA URL)',
    );
  const { name: _name, ...urls } = instance;
  return {
    options: { ...urls, identityToken: token, ...progress(context) },
    describe: `${instance.name} Sigstore (Fulcio ${instance.fulcioURL}${instance.rekorURL ? `, Rekor ${instance.rekorURL}` : ''}${instance.tsaURL ? `, TSA ${instance.tsaURL}` : ''})`,
    instance,
    ...(typeof claims.repository === 'string' ? { repository: claims.repository } : {}),
    claims,
  };
}

const progress = (context: FlowContext) =>
  context.onProgress ? { onProgress: context.onProgress } : {};

/** What `attest sign` signs: a statement's own bytes, or an SBOM over some files. */
export type SignSubject =
  | { statement: Uint8Array; source: string }
  | { sbom: object; source: string; subjects: ArtifactSource };

export interface SignRequest {
  subject: SignSubject;
  signing: SigningRequest;
  githubAttestations?: GitHubAttestationsRequest;
}

export interface SignResult {
  bundle: SerializedBundle;
  signer: Pick<Signer, 'describe' | 'instance'>;
  attestationId?: string;
}

/**
 * Stores a bundle in the GitHub attestations API (where `gh attestation verify` finds it), for
 * the request's repository, else the signing token's, else `GITHUB_REPOSITORY`; returns its id.
 */
export async function storeInGitHub(
  bundle: SerializedBundle,
  request: GitHubAttestationsRequest,
  signer: Pick<Signer, 'repository'> | undefined,
  context: FlowContext,
): Promise<string> {
  const sign = await import('@build-artifact/sign');
  const repository = request.repository ?? signer?.repository ?? context.env.GITHUB_REPOSITORY;
  if (!repository)
    return invalid('storing attestations in GitHub needs the repository (GITHUB_REPOSITORY)');
  const id = await sign.storeAttestation(bundle, {
    repository,
    token: request.token,
    apiUrl: request.apiUrl ?? context.env.GITHUB_API_URL ?? 'https://api.github.com',
  });
  context.onProgress?.({
    step: 'attest.store',
    message: `stored attestation ${id} in ${repository}`,
  });
  return String(id);
}

/**
 * Signs an in-toto statement's bytes with a resolved signer (a DSSE bundle), and stores the
 * bundle in the GitHub attestations API when asked.
 */
export async function signPayload(
  signer: Signer,
  payload: Uint8Array,
  githubAttestations: GitHubAttestationsRequest | undefined,
  context: FlowContext,
): Promise<{ bundle: SerializedBundle; attestationId?: string }> {
  const sign = await import('@build-artifact/sign');
  const bundle = await sign.signStatement(Buffer.from(payload), signer.options);
  if (!githubAttestations) return { bundle };
  return {
    bundle,
    attestationId: await storeInGitHub(bundle, githubAttestations, signer, context),
  };
}

/**
 * Signs one in-toto statement into a Sigstore bundle: the statement's own bytes (what was
 * reviewed is what is signed), or an SBOM attestation over the given files.
 */
export async function signAttestation(
  request: SignRequest,
  context: FlowContext,
): Promise<SignResult> {
  const core = await import('@build-artifact/core');
  const sign = await import('@build-artifact/sign');
  let payload: Uint8Array;
  if ('statement' in request.subject) {
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(request.subject.statement).toString('utf8'));
    } catch (err) {
      throw new PipelineError({
        code: 'INVALID_REQUEST',
        message: `${request.subject.source}: not JSON (${(err as Error).message})`,
      });
    }
    core.parseStatement(json, request.subject.source);
    payload = request.subject.statement;
  } else {
    if (!core.sbomFormatOf(request.subject.sbom))
      throw new PipelineError({
        code: 'INVALID_REQUEST',
        message: `${request.subject.source}: not an SBOM (neither CycloneDX's "bomFormat" nor SPDX 2's "spdxVersion")`,
      });
    const subjects = await core.collectArtifacts(request.subject.subjects);
    payload = Buffer.from(
      JSON.stringify(
        sign.sbomStatement(
          subjects.map((s) => ({ name: s.name, digest: s.digest })),
          request.subject.sbom,
        ),
      ),
    );
  }
  const signer = await resolveSigner(request.signing, context);
  context.onProgress?.({
    step: 'sign',
    message: `signing ${request.subject.source} with ${signer.describe}`,
  });
  const { bundle, attestationId } = await signPayload(
    signer,
    payload,
    request.githubAttestations,
    context,
  );
  return {
    bundle,
    signer: {
      describe: signer.describe,
      ...(signer.instance ? { instance: signer.instance } : {}),
    },
    ...(attestationId !== undefined ? { attestationId } : {}),
  };
}
