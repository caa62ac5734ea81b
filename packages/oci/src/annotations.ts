import { X509Certificate } from 'node:crypto';
import { Annotation } from './types.js';

export interface AnnotationContext {
  /** Environment of the build (GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_REF...). */
  env?: NodeJS.ProcessEnv;
  /** A provenance in-toto Statement (decoded from the bundle) to take source and revision from. */
  provenance?: unknown;
  /** A CycloneDX SBOM to take the licenses from. */
  sbom?: unknown;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

function fromProvenance(statement: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  const predicate = obj(obj(statement)?.predicate);
  const build = obj(predicate?.buildDefinition);
  const deps = build?.resolvedDependencies;
  const first = Array.isArray(deps) ? obj(deps[0]) : undefined;
  const uri = str(first?.uri);
  // GitHub's provenance: git+https://github.com/o/r@refs/tags/v1.2.3 and digest.gitCommit.
  const match = uri ? /^git\+(https?:\/\/[^@]+?)(?:\.git)?@(.+)$/.exec(uri) : null;
  if (match) {
    out[Annotation.SOURCE] = match[1]!;
    const tag = /^refs\/tags\/(.+)$/.exec(match[2]!);
    if (tag) out[Annotation.VERSION] = tag[1]!;
  }
  const commit = str(obj(first?.digest)?.gitCommit);
  if (commit) out[Annotation.REVISION] = commit;
  return out;
}

function licensesFromSbom(sbom: unknown): string | undefined {
  const component = obj(obj(obj(sbom)?.metadata)?.component);
  const licenses = component?.licenses;
  if (!Array.isArray(licenses)) return undefined;
  const parts: string[] = [];
  for (const entry of licenses) {
    const e = obj(entry);
    const expression = str(e?.expression);
    if (expression) parts.push(licenses.length > 1 ? `(${expression})` : expression);
    const license = obj(e?.license);
    const id = str(license?.id) ?? str(license?.name);
    if (id) parts.push(id);
  }
  return parts.length ? parts.join(' AND ') : undefined;
}

/**
 * The standard annotations (`org.opencontainers.image.source/.revision/.version/.licenses`)
 * from the build context, so a registry UI shows where an artifact came from. Explicit values
 * win over the provenance, which wins over the environment.
 */
export function contextAnnotations(context: AnnotationContext): Record<string, string> {
  const out: Record<string, string> = {};
  const env = context.env ?? {};
  if (env.GITHUB_REPOSITORY) {
    out[Annotation.SOURCE] =
      `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}`;
  }
  if (env.GITHUB_SHA) out[Annotation.REVISION] = env.GITHUB_SHA;
  if (env.GITHUB_REF_TYPE === 'tag' && env.GITHUB_REF_NAME)
    out[Annotation.VERSION] = env.GITHUB_REF_NAME;
  else if (env.GITHUB_REF?.startsWith('refs/tags/'))
    out[Annotation.VERSION] = env.GITHUB_REF.slice(10);
  Object.assign(out, context.provenance ? fromProvenance(context.provenance) : {});
  const licenses = context.sbom ? licensesFromSbom(context.sbom) : undefined;
  if (licenses) out[Annotation.LICENSES] = licenses;
  return out;
}

/** RFC 3339 time from `SOURCE_DATE_EPOCH` (seconds), when set. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = {}): string | undefined {
  const value = env.SOURCE_DATE_EPOCH;
  if (!value || !/^\d+$/.test(value)) return undefined;
  return new Date(Number(value) * 1000).toISOString().replace(/\.000Z$/, 'Z');
}

export interface BundleFacts {
  mediaType: string;
  content: 'dsse-envelope' | 'message-signature';
  predicateType?: string;
  /** The in-toto Statement inside, when the bundle holds one. */
  statement?: unknown;
  /** When it was signed (tlog integration time, else the certificate's start). */
  signedAt?: string;
}

/** What a Sigstore bundle says about itself, for the referrer manifest's annotations. */
export function bundleFacts(bundle: unknown): BundleFacts {
  const b = obj(bundle) ?? {};
  const declared = str(b.mediaType);
  const mediaType = declared?.startsWith('application/vnd.dev.sigstore.bundle')
    ? declared
    : 'application/vnd.dev.sigstore.bundle.v0.3+json';
  const envelope = obj(b.dsseEnvelope);
  const facts: BundleFacts = {
    mediaType,
    content: envelope ? 'dsse-envelope' : 'message-signature',
  };
  if (envelope && str(envelope.payload)) {
    try {
      const statement = JSON.parse(
        Buffer.from(envelope.payload as string, 'base64').toString('utf8'),
      ) as Json;
      facts.statement = statement;
      const predicateType = str(statement.predicateType);
      if (predicateType) facts.predicateType = predicateType;
    } catch {
      // Not an in-toto payload: no predicate type to show.
    }
  }
  const material = obj(b.verificationMaterial);
  const entries = material?.tlogEntries;
  const integrated = Array.isArray(entries) ? str(obj(entries[0])?.integratedTime) : undefined;
  if (integrated && /^\d+$/.test(integrated) && integrated !== '0') {
    facts.signedAt = new Date(Number(integrated) * 1000).toISOString();
  } else {
    const raw =
      str(obj(material?.certificate)?.rawBytes) ??
      str(
        obj((obj(material?.x509CertificateChain)?.certificates as unknown[] | undefined)?.[0])
          ?.rawBytes,
      );
    if (raw) {
      try {
        facts.signedAt = new Date(
          new X509Certificate(Buffer.from(raw, 'base64')).validFrom,
        ).toISOString();
      } catch {
        // An unreadable certificate is for the verifier to reject; here it only costs the time.
      }
    }
  }
  return facts;
}
