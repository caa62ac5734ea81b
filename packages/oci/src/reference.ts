import { OciError } from './error.js';

/** A repository in a registry: `oci://host[:port]/repo[:tag][@sha256:...]`. */
export interface RegistryReference {
  kind: 'registry';
  /** `host[:port]` as written (`docker.io` for Docker Hub). */
  registry: string;
  repository: string;
  tag?: string;
  digest?: string;
}

/** An OCI image layout directory: `oci-layout:./dir[:tag][@sha256:...]`. */
export interface LayoutReference {
  kind: 'layout';
  path: string;
  tag?: string;
  digest?: string;
}

export type Reference = RegistryReference | LayoutReference;

const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$|^sha512:[0-9a-f]{128}$/;
const COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const HOST = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::[0-9]{1,5})?$/;

export const LAYOUT_PREFIX = 'oci-layout:';
export const REGISTRY_PREFIX = 'oci://';

function invalid(input: string, why: string): OciError {
  return new OciError({
    code: 'INVALID_REFERENCE',
    message: `invalid reference "${input}": ${why}`,
  });
}

function splitDigest(input: string, rest: string): { rest: string; digest?: string } {
  const at = rest.lastIndexOf('@');
  if (at < 0) return { rest };
  const digest = rest.slice(at + 1);
  if (!DIGEST.test(digest)) throw invalid(input, `"${digest}" is not a sha256 or sha512 digest`);
  return { rest: rest.slice(0, at), digest };
}

function splitTag(input: string, rest: string): { rest: string; tag?: string } {
  const colon = rest.lastIndexOf(':');
  if (colon < 0 || colon < rest.lastIndexOf('/')) return { rest };
  const tag = rest.slice(colon + 1);
  if (!TAG.test(tag)) throw invalid(input, `"${tag}" is not a valid tag`);
  return { rest: rest.slice(0, colon), tag };
}

/**
 * Parses `oci://host[:port]/repo[:tag][@digest]`, a bare `host/repo[:tag]` as docker writes it,
 * or `oci-layout:DIR[:tag][@digest]`.
 */
export function parseReference(input: string): Reference {
  if (input.startsWith(LAYOUT_PREFIX)) {
    const body = input.slice(LAYOUT_PREFIX.length);
    const { rest: noDigest, digest } = splitDigest(input, body);
    // A layout path may contain ':' (rarely); only a valid tag after the last '/' is a tag.
    let path = noDigest;
    let tag: string | undefined;
    const colon = noDigest.lastIndexOf(':');
    if (colon > 0 && colon > noDigest.lastIndexOf('/') && TAG.test(noDigest.slice(colon + 1))) {
      path = noDigest.slice(0, colon);
      tag = noDigest.slice(colon + 1);
    }
    if (path === '') throw invalid(input, 'no directory given');
    return { kind: 'layout', path, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
  }
  let body = input;
  if (body.startsWith(REGISTRY_PREFIX)) body = body.slice(REGISTRY_PREFIX.length);
  else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(body))
    throw invalid(input, 'expected oci://REGISTRY/REPOSITORY[:TAG] or oci-layout:DIR[:TAG]');
  const { rest: noDigest, digest } = splitDigest(input, body);
  const { rest: name, tag } = splitTag(input, noDigest);
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  let registry: string;
  let repository: string;
  // docker's rule: the first component is a registry when it has a '.' or ':' or is localhost.
  if (slash > 0 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
    registry = first;
    repository = name.slice(slash + 1);
  } else {
    registry = 'docker.io';
    repository = name;
  }
  if (!HOST.test(registry)) throw invalid(input, `"${registry}" is not a registry host`);
  // docker/distribution's legacy default domain: the same Hub, so the same name and library/ rule.
  if (registry === 'index.docker.io') registry = 'docker.io';
  if (registry === 'docker.io' && !repository.includes('/')) repository = `library/${repository}`;
  if (repository === '' || !repository.split('/').every((c) => COMPONENT.test(c))) {
    throw invalid(
      input,
      `"${repository}" is not a repository name (lowercase letters, digits, separators . _ - and /)`,
    );
  }
  return {
    kind: 'registry',
    registry,
    repository,
    ...(tag ? { tag } : {}),
    ...(digest ? { digest } : {}),
  };
}

/** Writes a reference back in the form `parseReference` reads. */
export function formatReference(ref: Reference): string {
  const suffix = `${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
  if (ref.kind === 'layout') return `${LAYOUT_PREFIX}${ref.path}${suffix}`;
  return `${REGISTRY_PREFIX}${ref.registry}/${ref.repository}${suffix}`;
}

/** True for hosts on the loopback interface, where registries are reached over plain HTTP. */
export function isLoopback(registry: string): boolean {
  const host = registry.startsWith('[')
    ? registry.slice(1, registry.indexOf(']'))
    : registry.replace(/:[0-9]+$/, '');
  return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/** The host the distribution API is served from (Docker Hub's API lives elsewhere). */
export function apiHost(registry: string): string {
  return registry === 'docker.io' || registry === 'index.docker.io'
    ? 'registry-1.docker.io'
    : registry;
}
