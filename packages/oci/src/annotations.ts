import { sourceDateEpoch as epochSeconds } from '@build-artifact/core';
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

/** RFC 3339 time from `SOURCE_DATE_EPOCH` (seconds), when set (core's rule for its value). */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = {}): string | undefined {
  const seconds = epochSeconds(env);
  if (seconds === undefined) return undefined;
  return new Date(seconds * 1000).toISOString().replace(/\.000Z$/, 'Z');
}
