import {
  type BundleDescription,
  type DigestSet,
  describeBundle,
  digestFile,
  namesAlgorithm,
  namesDigest,
  PredicateType,
  SBOM_FORMATS,
  Sidecar,
  type Subject,
  sbomFormatOf,
} from '@build-artifact/core';
import type {
  ArtifactPlan,
  Credentials,
  Descriptor,
  Platform,
  PushedArtifact,
  Reference,
  Target,
} from '@build-artifact/oci';
import { PipelineError } from './errors.js';
import { type FlowContext, ociOptions } from './oci-target.js';

/** Where and how artifacts are published. */
export interface PublishTarget {
  /** `oci://REGISTRY/REPO[:TAG]` or `oci-layout:DIR[:TAG]`. */
  reference: string;
  /**
   * `each` (default): one manifest per artifact; `index`: one OCI index of every artifact, one
   * platform each (several builds of one program).
   */
  grouping?: 'each' | 'index';
  /** Platforms of the artifacts, in order, for an index (default: read from each binary). */
  platforms?: readonly (Platform | undefined)[];
  /**
   * Tags: the reference's tag (default `latest`) for one artifact or an index; with several
   * separate artifacts, or with `tagByName`, each is tagged by its file name.
   */
  tagByName?: boolean;
  /** artifactType of files that are not wasm (default `application/vnd.build-artifact.file.v1`). */
  artifactType?: string;
  /** Manifest annotations on top of the standard ones. */
  annotations?: Readonly<Record<string, string>>;
  credentials?: Credentials;
  mountFrom?: readonly string[];
}

/** What is planned for a publication: each manifest's bytes, known before anything is sent. */
export interface PublishPlan {
  target: PublishTarget;
  /** `REGISTRY/REPO` (or the layout's reference): how statements name the manifests. */
  subjectName: string;
  /** One per artifact, in order (the platform manifests of an index). */
  plans: ArtifactPlan[];
  index?: ArtifactPlan;
  /** The tag of each plan, and of the index. */
  tags: (string | undefined)[];
  indexTag?: string;
}

/** An artifact to plan: its file and digests (hashed once, earlier in the flow). */
export interface PlannableArtifact {
  name: string;
  path: string;
  digest: DigestSet;
  /** The SBOM the artifact's licences are read from (an annotation). */
  sbom?: unknown;
}

const TAG_CHARS = /[^A-Za-z0-9_.-]/g;

/** A file name as an OCI tag: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`. */
export function tagFor(name: string): string {
  const tag = name.replace(TAG_CHARS, '-').replace(/^[.-]+/, '');
  return (tag || 'artifact').slice(0, 128);
}

async function parse(reference: string): Promise<Reference> {
  const { parseReference } = await import('@build-artifact/oci');
  const ref = parseReference(reference);
  if (ref.digest)
    throw new PipelineError({
      code: 'INVALID_REQUEST',
      message: `cannot publish to a digest (${reference}): give a tag or none`,
    });
  return ref;
}

/**
 * Plans the manifests of a publication (see `ArtifactPlan`): the same bytes `publish` later
 * pushes, so their digests can be signed first. Annotations: the environment's, the
 * provenance's source and revision, the SBOM's licences, then `target.annotations`.
 */
export async function planPublication(
  target: PublishTarget,
  artifacts: readonly PlannableArtifact[],
  provenance: unknown,
  context: FlowContext,
): Promise<PublishPlan> {
  const oci = await import('@build-artifact/oci');
  const ref = await parse(target.reference);
  const created = oci.sourceDateEpoch(context.env);
  const optionsFor = (sbom: unknown) => ({
    annotations: {
      ...oci.contextAnnotations({ env: context.env, provenance, sbom }),
      ...(created ? { 'org.opencontainers.image.created': created } : {}),
      ...target.annotations,
    },
    ...(created ? { created } : {}),
    ...(target.artifactType ? { artifactType: target.artifactType } : {}),
  });
  const files = artifacts.map((a) => ({
    path: a.path,
    ...(a.digest.sha256 ? { digest: `sha256:${a.digest.sha256}` } : {}),
  }));
  const subjectName =
    ref.kind === 'registry' ? `${ref.registry}/${ref.repository}` : `oci-layout:${ref.path}`;
  if (target.grouping === 'index') {
    const plans: ArtifactPlan[] = [];
    for (const [i, file] of files.entries()) {
      const platform = target.platforms?.[i] ?? (await oci.detectPlatform(file.path));
      if (!platform)
        throw new PipelineError({
          code: 'INVALID_REQUEST',
          message: `cannot tell the platform of ${file.path}: give its platform (OS/ARCH)`,
        });
      plans.push({ ...(await oci.planArtifact(file, optionsFor(artifacts[i]!.sbom))), platform });
    }
    const seen = new Set<string>();
    for (const [i, p] of plans.entries()) {
      const key = oci.formatPlatform(p.platform!);
      if (seen.has(key))
        throw new PipelineError({
          code: 'INVALID_REQUEST',
          message: `two files for platform ${key} (${files[i]!.path})`,
        });
      seen.add(key);
    }
    const index = oci.indexOf(plans, optionsFor(undefined));
    return {
      target,
      subjectName,
      plans,
      index,
      tags: plans.map(() => undefined),
      indexTag: ref.tag ?? 'latest',
    };
  }
  const plans: ArtifactPlan[] = [];
  for (const [i, file] of files.entries())
    plans.push(await oci.planArtifact(file, optionsFor(artifacts[i]!.sbom)));
  const byName = target.tagByName === true || artifacts.length > 1;
  return {
    target,
    subjectName,
    plans,
    tags: artifacts.map((a) => (byName ? tagFor(a.name) : (ref.tag ?? 'latest'))),
  };
}

/** Every planned manifest (and the index) as statement subjects, as `actions/attest` names images. */
export function manifestSubjects(plan: PublishPlan): Subject[] {
  const digests = [...plan.plans, ...(plan.index ? [plan.index] : [])].map(
    (p) => p.descriptor.digest,
  );
  return digests.map((d) => ({ name: plan.subjectName, digest: { sha256: d.slice(7) } }));
}

/** The manifest subjects one artifact is known by: its own manifest, and the index above it. */
export function manifestSubjectsOf(plan: PublishPlan, artifact: ArtifactPlan): Subject[] {
  return [artifact, ...(plan.index ? [plan.index] : [])].map((p) => ({
    name: plan.subjectName,
    digest: { sha256: p.descriptor.digest.slice(7) },
  }));
}

/** The sidecar name an SBOM document of this format is published under (`.cdx.json`, `.spdx.json`). */
function sbomSidecar(document: unknown): string {
  return Sidecar[SBOM_FORMATS[sbomFormatOf(document)?.format ?? 'cyclonedx-json'].sidecar];
}

/** A Sigstore bundle or an SBOM document to attach as a referrer. */
export type Attachment =
  | { kind: 'bundle'; source: string; bytes: Uint8Array | string; json: unknown }
  | {
      kind: 'sbom';
      source: string;
      bytes: Uint8Array | string;
      json: unknown;
      /** The artifact (by name) it describes; default the only one, or the index. */
      artifact?: string;
    };

export interface PublishArtifact extends PlannableArtifact {}

export interface PublishRequest {
  target: PublishTarget;
  artifacts: readonly PublishArtifact[];
  /** The plan `attest` made; planned here otherwise. */
  publication?: PublishPlan;
  attachments?: readonly Attachment[];
}

/** One referrer attached. */
export interface PublishedReferrer {
  /** Where the attachment came from (a file, or `provenance`/`sbom` of an attest run). */
  source: string;
  kind: Attachment['kind'];
  /** The manifest (or index) digest it is attached to. */
  subject: string;
  digest: string;
  artifactType?: string;
}

export interface PublishedArtifact {
  name: string;
  path: string;
  /** `oci://REGISTRY/REPO@sha256:...` (or `oci-layout:DIR@sha256:...`) of its manifest. */
  reference: string;
  manifest: Descriptor;
  layer?: Descriptor;
  tag?: string;
  platform?: Platform;
}

export interface PublishResult {
  /** The top manifest (or index) by digest. */
  reference: string;
  /** The same by tag. */
  tagged?: string;
  artifacts: PublishedArtifact[];
  index?: { reference: string; manifest: Descriptor; tag?: string };
  referrers: PublishedReferrer[];
  uploadedBytes: number;
  /** Milliseconds per step (plan, push, attach). */
  timings: Record<string, number>;
}

/**
 * Publishes artifacts to an OCI registry or layout: pushes each planned manifest (and index)
 * exactly as planned, reusing the digests already computed, then attaches each attestation to
 * every manifest its statement names, by digest (a message signature to the file it signs),
 * and each SBOM document to the artifact it describes. An attestation that names none of the
 * published artifacts is refused: attached anywhere, nothing could verify with it.
 */
export async function publish(
  request: PublishRequest,
  context: FlowContext,
): Promise<PublishResult> {
  const oci = await import('@build-artifact/oci');
  if (request.artifacts.length === 0)
    throw new PipelineError({ code: 'NOTHING_TO_DO', message: 'nothing to publish' });
  const ref = await parse(request.target.reference);
  const attachments = request.attachments ?? [];
  const timings: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (step: string) => {
    const now = performance.now();
    timings[step] = (timings[step] ?? 0) + (now - t0);
    t0 = now;
  };
  const provenance = attachments
    .filter((a) => a.kind === 'bundle')
    .map((a) => describeBundle(a.json))
    .find((d) => d.predicateType === PredicateType.SLSA_PROVENANCE_V1)?.statement;
  const publication =
    request.publication ??
    (await planPublication(
      request.target,
      request.artifacts.map((a) => ({
        ...a,
        sbom: attachments.find(
          (x) => x.kind === 'sbom' && (x.artifact === undefined || x.artifact === a.name),
        )?.json,
      })),
      provenance,
      context,
    ));
  lap('plan');
  const target: Target = oci.openTarget(ref, ociOptions(context, request.target.credentials));
  const { tag: _tag, ...base } = ref;
  const byDigest = (digest: string) => oci.formatReference({ ...base, digest });
  const pushOptions = {
    ...(request.target.mountFrom ? { mountFrom: request.target.mountFrom } : {}),
    ...(context.onProgress ? { onProgress: context.onProgress } : {}),
  };

  // Where each attestation goes, decided from the plan before anything is sent: an
  // attestation about none of the artifacts fails the publication with nothing pushed.
  const sha512s = new Map<string, Promise<string | undefined>>();
  const sha512Of = (i: number) => {
    const a = request.artifacts[i]!;
    let d = sha512s.get(a.path);
    if (!d) {
      d = a.digest.sha512
        ? Promise.resolve(a.digest.sha512)
        : digestFile(a.path, ['sha512']).then((x) => x.sha512);
      sha512s.set(a.path, d);
    }
    return d;
  };
  type Place = 'index' | number;
  const about = async (d: BundleDescription): Promise<Place[]> => {
    const out: Place[] = [];
    if (publication.index && namesDigest(d, publication.index.descriptor.digest)) out.push('index');
    const bySha512 = namesAlgorithm(d, 'sha512');
    for (const [i, plan] of publication.plans.entries()) {
      if (
        namesDigest(d, plan.descriptor.digest) ||
        (plan.layer && namesDigest(d, plan.layer.digest))
      )
        out.push(i);
      else if (bySha512 && namesDigest(d, `sha512:${await sha512Of(i)}`)) out.push(i);
    }
    return out;
  };
  const placed: { attachment: Attachment; places: Place[] }[] = [];
  for (const a of attachments) {
    if (a.kind === 'bundle') {
      const places = await about(describeBundle(a.json));
      if (places.length === 0)
        throw new PipelineError({
          code: 'INVALID_REQUEST',
          message: `${a.source}: the bundle is about none of the published artifacts (no subject or signed digest matches a file or manifest)`,
        });
      placed.push({ attachment: a, places });
    } else {
      const named =
        a.artifact === undefined ? -1 : request.artifacts.findIndex((x) => x.name === a.artifact);
      const places: Place[] =
        named >= 0 ? [named] : publication.index ? ['index'] : publication.plans.map((_, i) => i);
      placed.push({ attachment: a, places });
    }
  }

  let uploadedBytes = 0;
  const pushed: PushedArtifact[] = [];
  let index: PushedArtifact | undefined;
  if (publication.index) {
    index = await oci.pushPlan(target, publication.index, {
      ...pushOptions,
      ...(publication.indexTag ? { tag: publication.indexTag } : {}),
    });
    for (const child of index.children ?? []) pushed.push(child);
    uploadedBytes = index.uploadedBytes;
  } else
    for (const [i, plan] of publication.plans.entries()) {
      const tag = publication.tags[i];
      const p = await oci.pushPlan(target, plan, { ...pushOptions, ...(tag ? { tag } : {}) });
      pushed.push(p);
      uploadedBytes += p.uploadedBytes;
    }

  lap('push');
  const referrers: PublishedReferrer[] = [];
  for (const { attachment: a, places } of placed) {
    const subjects = places.map((p) => (p === 'index' ? index! : pushed[p]!));
    for (const subject of subjects) {
      const descriptor =
        a.kind === 'bundle'
          ? await oci.attachBundle(subject, a.bytes, undefined, pushOptions)
          : await oci.attachSbom(subject, a.bytes, {
              ...pushOptions,
              ...(subject.title ? { title: subject.title + sbomSidecar(a.json) } : {}),
            });
      referrers.push({
        source: a.source,
        kind: a.kind,
        subject: subject.descriptor.digest,
        digest: descriptor.digest,
        ...(descriptor.artifactType ? { artifactType: descriptor.artifactType } : {}),
      });
    }
  }

  lap('attach');
  const artifacts: PublishedArtifact[] = pushed.map((m, i) => ({
    name: request.artifacts[i]!.name,
    path: request.artifacts[i]!.path,
    reference: byDigest(m.descriptor.digest),
    manifest: m.descriptor,
    ...(m.layer ? { layer: m.layer } : {}),
    ...(m.tag ? { tag: m.tag } : {}),
    ...(m.platform ? { platform: m.platform } : {}),
  }));
  const top = index ?? pushed[0]!;
  return {
    reference: byDigest(top.descriptor.digest),
    ...(top.tag ? { tagged: oci.formatReference({ ...base, tag: top.tag }) } : {}),
    artifacts,
    ...(index
      ? {
          index: {
            reference: byDigest(index.descriptor.digest),
            manifest: index.descriptor,
            ...(index.tag ? { tag: index.tag } : {}),
          },
        }
      : {}),
    referrers,
    uploadedBytes,
    timings,
  };
}
