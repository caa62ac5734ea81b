// A policy as a file: the rules `attest verify` takes as flags, under the flags' long names, so
// that a key and a flag always mean the same thing. And a policy's identity: its name and the
// SHA-256 of its canonical form, which a verification summary (VSA) records.
import { createHash } from 'node:crypto';
import { basename, dirname, extname, resolve } from 'node:path';
import { CoreError, PredicateType, readRegularFileText } from '@build-artifact/core';
import { json } from '@sigstore/core';
import { TrustedRoot } from '@sigstore/protobuf-specs';
import { isMap, isScalar, parseDocument } from 'yaml';
import { VerifyError } from './errors.js';
import { type VerifyPolicy, validatePolicy } from './policy.js';
import type { Trust } from './trust.js';

/** What each key of a policy holds, and the `VerifyPolicy` field it sets (when it is one). */
const KEYS = {
  repo: { kind: 'string', field: 'repo' },
  owner: { kind: 'string', field: 'owner' },
  'signer-workflow': { kind: 'string', field: 'signerWorkflow' },
  'signer-repo': { kind: 'string', field: 'signerRepo' },
  'signer-digest': { kind: 'string', field: 'signerDigest' },
  'source-ref': { kind: 'string', field: 'sourceRef' },
  'source-digest': { kind: 'string', field: 'sourceDigest' },
  'predicate-type': { kind: 'string', field: 'predicateType' },
  'deny-self-hosted-runners': { kind: 'boolean', field: 'denySelfHostedRunners' },
  'certificate-identity': { kind: 'string', field: 'certificateIdentity' },
  'certificate-identity-regexp': { kind: 'string', field: 'certificateIdentityRegexp' },
  'certificate-oidc-issuer': { kind: 'string', field: 'certificateOidcIssuer' },
  'certificate-oidc-issuer-regexp': { kind: 'string', field: 'certificateOidcIssuerRegexp' },
  'slsa-level': { kind: 'level', field: 'minSlsaLevel' },
  'require-sbom': { kind: 'boolean', field: 'requireSbom' },
  hostname: { kind: 'string', field: 'hostname' },
  recursive: { kind: 'boolean' },
  'trusted-root': { kind: 'path' },
  key: { kind: 'path' },
} as const satisfies Record<
  string,
  { kind: 'string' | 'boolean' | 'level' | 'path'; field?: keyof VerifyPolicy }
>;

/** The rules of a policy, by `attest verify`'s long flag names. */
export type PolicyKey = keyof typeof KEYS;

/** The keys a policy file may hold: every rule, and its `name`. */
export const POLICY_KEYS: readonly string[] = ['name', ...Object.keys(KEYS)];

/**
 * A policy's rules by flag name. Booleans are only ever turned on (false and absent mean the
 * same); `trusted-root` and `key` are paths (absolute once read from a file).
 */
export type PolicySettings = {
  -readonly [K in PolicyKey]?: (typeof KEYS)[K]['kind'] extends 'boolean'
    ? boolean
    : (typeof KEYS)[K]['kind'] extends 'level'
      ? 1 | 2 | 3
      : string;
};

/** A policy file, read and checked. */
export interface PolicyFile {
  /** The file as given. */
  source: string;
  /** Its `name`, else the file's name without its extension. */
  name: string;
  /** Its rules; `trusted-root` and `key` resolved against the file's folder. */
  settings: PolicySettings;
}

/** A policy file is a page of settings: anything much bigger is not one. */
export const MAX_POLICY_FILE_BYTES = 64 * 1024;

const invalid = (message: string): never => {
  throw new VerifyError({ code: 'INVALID_POLICY', message });
};

/** The known key closest to a mistyped one (at most two edits away), for the error message. */
function closest(key: string): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of POLICY_KEYS) {
    const d = editDistance(key.toLowerCase(), name);
    if (d <= 2 && (!best || d < best.distance)) best = { name, distance: d };
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++)
      next[j] = Math.min(
        row[j]! + 1,
        next[j - 1]! + 1,
        row[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    row = next;
  }
  return row[b.length]!;
}

const show = (value: unknown) => JSON.stringify(value)?.slice(0, 80) ?? String(value);

/**
 * Reads a policy: YAML or JSON (JSON is YAML), one mapping of the keys in POLICY_KEYS. An
 * unknown key, a key given twice, a value of the wrong type and anything that is not a single
 * mapping are INVALID_POLICY errors naming `source` and the key: a typo must never loosen a
 * policy by being ignored. Paths are resolved against `baseDir` (default: the folder of
 * `source`).
 */
export function parsePolicy(text: string, source: string, baseDir = dirname(source)): PolicyFile {
  // YAML 1.2's core schema: `yes` is a string, not true. No aliases: a policy needs none, and
  // each one could multiply what is read.
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: false });
  const problem = doc.errors[0] ?? doc.warnings[0];
  if (problem) invalid(`${source}: not a YAML or JSON policy (${problem.message.split('\n')[0]})`);
  if (doc.contents === null) invalid(`${source}: the policy is empty`);
  if (!isMap(doc.contents))
    invalid(`${source}: a policy is a mapping of keys (repo: OWNER/REPO, slsa-level: 3, ...)`);
  const settings: PolicySettings = {};
  const set = settings as Record<string, unknown>;
  let name: string | undefined;
  for (const pair of (doc.contents as { items: { key: unknown; value: unknown }[] }).items) {
    if (!isScalar(pair.key) || typeof pair.key.value !== 'string')
      invalid(`${source}: every key is a plain name (${POLICY_KEYS.join(', ')})`);
    const key = (pair.key as { value: string }).value;
    if (!POLICY_KEYS.includes(key)) {
      const hint = closest(key);
      invalid(
        `${source}: unknown key ${show(key)}${hint ? ` (did you mean "${hint}"?)` : ''}; known keys: ${POLICY_KEYS.join(', ')}`,
      );
    }
    if (!isScalar(pair.value) || pair.value.value === null)
      invalid(`${source}: "${key}" must have a single value`);
    const value = (pair.value as { value: unknown }).value;
    const where = `${source}: "${key}"`;
    if (key === 'name') {
      if (typeof value !== 'string' || value.trim() === '') invalid(`${where} must be a name`);
      name = value as string;
      continue;
    }
    const kind = KEYS[key as PolicyKey].kind;
    if (kind === 'boolean') {
      if (typeof value !== 'boolean') invalid(`${where} must be true or false, not ${show(value)}`);
      if (value === true) set[key] = true;
    } else if (kind === 'level') {
      if (value !== 1 && value !== 2 && value !== 3)
        invalid(`${where} must be 1, 2 or 3, not ${show(value)}`);
      set[key] = value;
    } else {
      if (typeof value !== 'string' || value === '')
        invalid(`${where} must be a non-empty string, not ${show(value)}`);
      set[key] = kind === 'path' ? resolve(baseDir, value as string) : value;
    }
  }
  // The rules' own shape (OWNER/REPO, a regex that compiles, one signer flag), said with the file's
  // name: once merged with the flags, an error could no longer say where the rule came from.
  try {
    validatePolicy(verifyPolicyOf(settings));
  } catch (err) {
    if (!(err instanceof VerifyError)) throw err;
    invalid(`${source}: ${err.message}`);
  }
  return {
    source,
    name: name ?? (basename(source, extname(source)) || 'policy'),
    settings,
  };
}

/** Reads and parses a policy file (see parsePolicy): a regular file of at most 64 KiB. */
export async function readPolicyFile(path: string, source = path): Promise<PolicyFile> {
  let text: string;
  try {
    text = await readRegularFileText(path, { maxBytes: MAX_POLICY_FILE_BYTES, what: 'a policy' });
  } catch (err) {
    if (!(err instanceof CoreError)) throw err;
    throw new VerifyError({ code: 'INVALID_POLICY', message: err.message, cause: err });
  }
  return parsePolicy(text, source, dirname(path));
}

/** The rules `over` sets replace those of `base` (flags over a file); the rest are kept. */
export function mergePolicySettings(base: PolicySettings, over: PolicySettings): PolicySettings {
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over))
    if (value !== undefined && value !== false) merged[key] = value;
  return merged as PolicySettings;
}

/** The rules of a `VerifyPolicy`, by flag name (recursion and trust are not in it). */
export function policySettingsOf(policy: VerifyPolicy): PolicySettings {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(KEYS)) {
    if (!('field' in spec)) continue;
    const value = policy[spec.field];
    if (value !== undefined && value !== false) out[key] = value;
  }
  return out as PolicySettings;
}

/** The `VerifyPolicy` the settings state (recursion and trust are the caller's). */
export function verifyPolicyOf(settings: PolicySettings): VerifyPolicy {
  const out: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(KEYS)) {
    if (!('field' in spec)) continue;
    const value = (settings as Record<string, unknown>)[key];
    if (value !== undefined && value !== false) out[spec.field] = value;
  }
  return out as VerifyPolicy;
}

/** A policy's identity: what a verdict is printed with and a VSA records. */
export interface PolicyIdentity {
  name: string;
  /** Where the policy can be found (a VSA's `policy.uri`). */
  uri: string;
  /** SHA-256 (hex) of the canonical form. */
  digest: { sha256: string };
}

const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

/**
 * The canonical form of a policy, whose SHA-256 is its digest: the effective rules (a file's,
 * with the flags given over them) as a JSON object keyed by flag name, serialized as RFC 8785
 * (JCS) JSON. Left out: `name`, booleans that are off, and values equal to the defaults
 * (`predicate-type` https://slsa.dev/provenance/v1, `hostname` github.com). `trusted-root` and
 * `key` are what they trust, not where the file lay: `sha256:` of the RFC 8785 JSON of the
 * trusted roots (as protobuf-specs writes them), and `sha256:` of the key's DER
 * SubjectPublicKeyInfo. So the same rules give the same digest on every machine, in any order,
 * YAML or JSON, and whatever the paths.
 */
export function canonicalPolicy(settings: PolicySettings, trust?: Trust): string {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    if (value === undefined || value === false || key === 'trusted-root' || key === 'key') continue;
    if (key === 'predicate-type' && value === PredicateType.SLSA_PROVENANCE_V1) continue;
    if (key === 'hostname' && String(value).toLowerCase() === 'github.com') continue;
    out[key] = value;
  }
  if (settings['trusted-root'] !== undefined) {
    if (!trust || trust.roots.length === 0)
      invalid('the trusted roots must be loaded to compute the policy digest');
    out['trusted-root'] =
      `sha256:${sha256(json.canonicalize(trust!.roots.map((r) => TrustedRoot.toJSON(r.trustedRoot))))}`;
  }
  if (settings.key !== undefined) {
    if (!trust?.publicKey) invalid('the key must be loaded to compute the policy digest');
    out.key = `sha256:${sha256(trust!.publicKey!.export({ type: 'spki', format: 'der' }))}`;
  }
  return json.canonicalize(out);
}

/** The SHA-256 (hex) of the policy's canonical form (see canonicalPolicy). */
export function policyDigest(settings: PolicySettings, trust?: Trust): string {
  return sha256(canonicalPolicy(settings, trust));
}
