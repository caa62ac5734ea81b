import { mkdir } from 'node:fs/promises';
import {
  type ArtifactSource,
  buildStatement,
  type CollectedArtifact,
  type DigestAlgorithm,
  PredicateType,
  SBOM_FORMATS,
  type SbomFormat,
  type Sidecar,
  type SidecarKind,
  type Statement,
  type Subject,
  sidecarPath,
  sourceDateEpoch,
  writeFileAtomic,
} from '@build-artifact/core';
import type { ArtifactPlan } from '@build-artifact/oci';
import type { SbomResult } from '@build-artifact/sbom';
import type { SerializedBundle } from '@build-artifact/sign';
import { sidecarBase } from './attachments.js';
import { PipelineError } from './errors.js';
import type { FlowContext } from './oci-target.js';
import { buildPredicate, type ProvenanceRequest } from './provenance-source.js';
import {
  type Attachment,
  manifestSubjects,
  manifestSubjectsOf,
  type PublishPlan,
  type PublishResult,
  type PublishTarget,
  planPublication,
  publish,
} from './publish.js';
import {
  type GitHubAttestationsRequest,
  resolveSigner,
  type Signer,
  type SigningRequest,
  storeInGitHub,
} from './signing.js';

/** What goes into each artifact's SBOM besides what the artifact itself records. */
export interface SbomRequest {
  /** `cyclonedx-json` (default) or `spdx-json`. */
  format?: SbomFormat;
  /** CycloneDX only. */
  specVersion?: '1.6' | '1.7';
  /** Lockfiles and directories of lockfiles (the source) added to every artifact's SBOM. */
  inputs?: readonly string[];
}

/** Where the attestations are written as files (`Sidecar` names); nothing is written without it. */
export interface SidecarRequest {
  /** A flat directory for them all; default beside each artifact. */
  directory?: string;
}

export interface AttestRequest {
  artifacts: ArtifactSource;
  /** Digests of each subject (default sha256). */
  algorithms?: readonly DigestAlgorithm[];
  /** A signed SBOM attestation per artifact (default); `false` for none. */
  sbom?: SbomRequest | false;
  provenance?: ProvenanceRequest;
  /** How to sign; `false` leaves the provenance statement unsigned (and makes no SBOM bundles). */
  signing?: SigningRequest | false;
  /**
   * Where the artifacts will be published: their manifests are planned now, so the signed
   * statements name each manifest's digest too (what `gh attestation verify oci://` requires).
   */
  publishTo?: PublishTarget;
  sidecars?: SidecarRequest;
  githubAttestations?: GitHubAttestationsRequest;
}

export interface AttestedArtifact extends CollectedArtifact {
  size?: number;
  sbom?: SbomResult;
  sbomStatement?: Statement;
  sbomBundle?: SerializedBundle;
  /** The planned OCI manifest (with `publishTo`). */
  plan?: ArtifactPlan;
  /** The files written (with `sidecars`), by kind. */
  files: Partial<Record<SidecarKind, string>>;
}

export interface AttestResult {
  artifacts: AttestedArtifact[];
  /** One provenance statement over every artifact (and planned manifest). */
  provenance: {
    statement: Statement;
    /** The statement's text: the exact bytes signed (so what is written is what is signed). */
    text: string;
    bundle?: SerializedBundle;
    describe: string;
  };
  /** The planned publication (with `publishTo`): hand it to `publish` as it is. */
  publication?: PublishPlan;
  signer?: Pick<Signer, 'describe' | 'instance'>;
  /** Ids given by the GitHub attestations API, in the order the bundles were stored. */
  attestationIds: string[];
  /** Milliseconds per step (hash, sbom, provenance, plan, sign, store, write). */
  timings: Record<string, number>;
}

async function sbomFor(
  path: string,
  request: SbomRequest,
  context: FlowContext,
): Promise<SbomResult> {
  const { generateSbom, SbomError } = await import('@build-artifact/sbom');
  const inputs = [...(request.inputs ?? [])];
  // The run's environment, not the process's (a library caller's context may differ).
  const epoch = sourceDateEpoch(context.env);
  const options = {
    ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}),
    ...(request.format ? { format: request.format } : {}),
    ...(request.specVersion ? { specVersion: request.specVersion } : {}),
    ...(context.onProgress ? { onProgress: context.onProgress } : {}),
  };
  try {
    return await generateSbom([path, ...inputs], options);
  } catch (err) {
    // A file the binary inspectors cannot read (a tarball, a wheel) is described by the
    // lockfiles it was built from alone.
    if (
      !(err instanceof SbomError) ||
      err.code !== 'UNSUPPORTED_INPUT' ||
      err.file !== path ||
      inputs.length === 0
    )
      throw err;
    context.onProgress?.({
      step: 'attest.sbom',
      message: `${path} is not a binary the SBOM inspectors read; its SBOM lists its lockfiles`,
    });
    return generateSbom(inputs, options);
  }
}

/** The subjects naming one artifact: its file, and its planned manifest (and index) if any. */
function subjectsOf(a: AttestedArtifact, publication: PublishPlan | undefined): Subject[] {
  const out: Subject[] = [{ name: a.name, digest: { ...a.digest } }];
  if (publication && a.plan) out.push(...manifestSubjectsOf(publication, a.plan));
  return out;
}

/**
 * Attests the artifacts of a run: hashes each once, writes its SBOM, builds the provenance
 * from verified claims (or the local builder), plans the OCI manifests when a destination is
 * given, signs the provenance (one statement over all) and each SBOM, and stores or writes the
 * bundles when asked. Returns everything in memory; writes files only with `sidecars`.
 */
export async function attest(request: AttestRequest, context: FlowContext): Promise<AttestResult> {
  const core = await import('@build-artifact/core');
  const say = (step: string, message: string) => context.onProgress?.({ step, message });
  const timings: Record<string, number> = {};
  const time = async <T>(step: string, fn: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await fn();
    } finally {
      timings[step] = (timings[step] ?? 0) + (performance.now() - t0);
    }
  };
  const collected = await time('hash', () =>
    core.collectArtifacts(
      request.artifacts,
      request.algorithms ? { algorithms: request.algorithms } : {},
    ),
  );
  for (const a of collected) say('attest.hash', `${a.digest.sha256 ?? a.digest.sha512}  ${a.name}`);
  const artifacts: AttestedArtifact[] = collected.map((a) => ({ ...a, files: {} }));

  const predicate = await time('provenance', () =>
    buildPredicate(request.provenance ?? {}, context),
  );
  say('attest.provenance', predicate.describe);
  const signer =
    request.signing === false
      ? undefined
      : await resolveSigner(
          {
            ...(predicate.token && request.signing?.key === undefined
              ? { identityToken: predicate.token }
              : {}),
            ...request.signing,
          },
          context,
        );
  if (signer) say('attest.sign', `signing with ${signer.describe}`);

  const withFiles = (what: string): (AttestedArtifact & { path: string })[] => {
    const pathless = artifacts.find((a) => a.path === undefined);
    if (pathless)
      throw new PipelineError({
        code: 'INVALID_REQUEST',
        message: `${pathless.name} is known only by its digest: ${what} needs the file`,
      });
    return artifacts as (AttestedArtifact & { path: string })[];
  };
  const sbomRequest = request.sbom;
  if (sbomRequest !== false)
    for (const a of withFiles('an SBOM')) {
      a.sbom = await time('sbom', () => sbomFor(a.path, sbomRequest ?? {}, context));
      say('attest.sbom', `${a.name}: ${a.sbom.componentCount} components`);
    }

  const provenanceStatement = buildStatement(
    artifacts.map((a) => ({ name: a.name, digest: { ...a.digest } })),
    PredicateType.SLSA_PROVENANCE_V1,
    predicate.predicate,
  );
  let publication: PublishPlan | undefined;
  const publishTo = request.publishTo;
  if (publishTo) {
    publication = await time('plan', () =>
      planPublication(
        publishTo,
        withFiles('publishing').map((a) => ({ ...a, ...(a.sbom ? { sbom: a.sbom.bom } : {}) })),
        provenanceStatement,
        context,
      ),
    );
    for (const [i, a] of artifacts.entries()) a.plan = publication.plans[i]!;
    // The statement names the manifests as well: gh looks attestations up by manifest digest.
    provenanceStatement.subject = [
      ...provenanceStatement.subject,
      ...manifestSubjects(publication),
    ];
  }

  const sign = signer ? await import('@build-artifact/sign') : undefined;
  const provenanceText = `${JSON.stringify(provenanceStatement, null, 2)}\n`;
  let provenanceBundle: SerializedBundle | undefined;
  if (sign && signer) {
    // One call for all the signatures: one Fulcio certificate serves them, and Rekor and the
    // TSA are asked side by side.
    for (const a of artifacts)
      if (a.sbom) a.sbomStatement = sign.sbomStatement(subjectsOf(a, publication), a.sbom.bom);
    const withSbom = artifacts.filter((a) => a.sbomStatement !== undefined);
    await time('sign', async () => {
      const [provenance, ...sboms] = await sign.signStatements(
        [provenanceText, ...withSbom.map((a) => a.sbomStatement!)],
        signer.options,
      );
      provenanceBundle = provenance;
      for (const [i, a] of withSbom.entries()) a.sbomBundle = sboms[i];
    });
  } else
    for (const a of artifacts)
      if (a.sbom)
        a.sbomStatement = buildStatement(
          subjectsOf(a, publication),
          SBOM_FORMATS[a.sbom.format].predicateType,
          a.sbom.bom,
        );

  const attestationIds: string[] = [];
  const store = request.githubAttestations;
  if (store && provenanceBundle) {
    const bundles = [
      provenanceBundle,
      ...artifacts.flatMap((a) => (a.sbomBundle ? [a.sbomBundle] : [])),
    ];
    for (const bundle of bundles)
      attestationIds.push(await time('store', () => storeInGitHub(bundle, store, signer, context)));
  }

  const sidecars = request.sidecars;
  if (sidecars) await time('write', () => writeSidecars(artifacts, provenanceBundle, sidecars));
  return {
    artifacts,
    provenance: {
      statement: provenanceStatement,
      text: provenanceText,
      ...(provenanceBundle ? { bundle: provenanceBundle } : {}),
      describe: predicate.describe,
    },
    ...(publication ? { publication } : {}),
    ...(signer
      ? {
          signer: {
            describe: signer.describe,
            ...(signer.instance ? { instance: signer.instance } : {}),
          },
        }
      : {}),
    attestationIds,
    timings,
  };
}

/** Writes each artifact's attestations under their sidecar names, each file atomically. */
async function writeSidecars(
  artifacts: AttestedArtifact[],
  provenanceBundle: SerializedBundle | undefined,
  request: SidecarRequest,
): Promise<void> {
  if (request.directory) await mkdir(request.directory, { recursive: true });
  const { serializePlan } = await import('@build-artifact/oci');
  const write = async (a: AttestedArtifact, kind: keyof typeof Sidecar, text: string) => {
    const base = sidecarBase(a, request.directory);
    // A subject known only by its digest has no file to write beside.
    if (base === undefined) return;
    const path = sidecarPath(base, kind);
    await writeFileAtomic(path, text);
    a.files[kind] = path;
  };
  for (const a of artifacts) {
    if (a.sbom) await write(a, SBOM_FORMATS[a.sbom.format].sidecar, a.sbom.json);
    if (a.sbomBundle) await write(a, 'SBOM_BUNDLE', `${JSON.stringify(a.sbomBundle)}\n`);
    if (provenanceBundle) await write(a, 'PROVENANCE', `${JSON.stringify(provenanceBundle)}\n`);
    if (a.plan) await write(a, 'OCI_MANIFEST', serializePlan(a.plan));
  }
}

/** What an attest run made, as the attachments `publish` takes: bundles, then SBOM documents. */
export function attachmentsOf(result: AttestResult): Attachment[] {
  const out: Attachment[] = [];
  const bundle = (source: string, json: SerializedBundle | undefined) => {
    if (json) out.push({ kind: 'bundle', source, bytes: JSON.stringify(json), json });
  };
  bundle('provenance', result.provenance.bundle);
  for (const a of result.artifacts) bundle(`SBOM attestation of ${a.name}`, a.sbomBundle);
  for (const a of result.artifacts)
    if (a.sbom)
      out.push({
        kind: 'sbom',
        source: `SBOM of ${a.name}`,
        bytes: a.sbom.json,
        json: a.sbom.bom,
        artifact: a.name,
      });
  return out;
}

/**
 * Publishes what an attest run made, as planned: its artifacts to the destination it planned
 * for (`publishTo`), with its bundles and SBOMs attached. `target` adds what only publishing
 * needs (credentials); the reference and manifests are the planned ones.
 */
export async function publishAttested(
  attested: AttestResult,
  context: FlowContext,
  target: Partial<PublishTarget> = {},
): Promise<PublishResult> {
  const publication = attested.publication;
  if (!publication)
    throw new PipelineError({
      code: 'INVALID_REQUEST',
      message: 'nothing was planned for publishing: attest with publishTo first',
    });
  return publish(
    {
      target: { ...publication.target, ...target },
      artifacts: attested.artifacts.map((a) => ({ name: a.name, path: a.path!, digest: a.digest })),
      publication,
      attachments: attachmentsOf(attested),
    },
    context,
  );
}
