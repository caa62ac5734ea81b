// Recursion: after an artifact verified, follow the artifacts its signed evidence says it was
// built from (the provenance's resolvedDependencies and the SBOM's embedded binaries, by
// SHA-256) and verify each of them with the same trust and policy.
import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import {
  type BundleDescription,
  describeBundle,
  digestBytes,
  digestFile,
  type Evidence,
  isSbomPredicateType,
  namesDigest,
  PredicateType,
  readRegularFile,
  Sidecar,
  sbomFormatOf,
  sidecarPath,
} from '@build-artifact/core';
import type {
  Trust,
  VerificationCache,
  VerificationResult,
  VerifyPolicy,
} from '@build-artifact/verify';
import { type FlowContext, fetchOciArtifact } from './oci-target.js';

/** One artifact the verified evidence records, and what became of verifying it. */
export interface DependencyResult {
  /** SHA-256 (hex) recorded for it: the identity everything is checked against. */
  sha256: string;
  /** The file name recorded in the provenance, when there is one. */
  name?: string;
  /** The provenance's URI for it (e.g. an `oci://...@sha256:...` reference). */
  uri?: string;
  /** Where the record came from: the signed provenance, the signed SBOM, or both. */
  recordedIn: ('provenance' | 'sbom')[];
  /** How its bytes were found: a file beside the artifact, extracted from it, or pulled. */
  via?: 'beside' | 'embedded' | 'oci';
  /** The file (or reference) that was verified. */
  artifact?: string;
  verified: boolean;
  /** Why it did not verify (every place tried), absent when verified. */
  error?: string;
  result?: VerificationResult;
  dependencies: DependencyResult[];
  /** With `keepStatements`: what its verified evidence says. */
  statements?: VerifiedStatements;
  /** With `keepStatements`: the size in bytes of the file verified. */
  size?: number;
}

/**
 * What an artifact's verified evidence says, for reports: only statements whose bundle
 * verified for this artifact count.
 */
export interface VerifiedStatements {
  /** The statement of the bundle that passed the policy (SLSA provenance by default). */
  provenance?: { source: string; statement: Record<string, unknown> };
  /**
   * A signed SBOM statement (CycloneDX, else SPDX) naming the artifact that verifies under the
   * same identity policy; `required` when the policy asked for it (`requireSbom`).
   */
  sbom?: { source: string; statement: Record<string, unknown>; required: boolean };
}

export interface RecursiveInput {
  /** The verified artifact's file (local, or pulled from OCI). */
  path?: string;
  /** The evidence the artifact was verified with. */
  evidence: Evidence[];
  result: VerificationResult;
  policy: VerifyPolicy;
  trust: Trust;
  cache?: VerificationCache;
  /** Keep each dependency's verified statements and size (see `VerifiedStatements`). */
  keepStatements?: boolean;
}

// A module embedding a module embedding a module is already unusual; a cycle is a forgery.
const MAX_DEPTH = 4;

interface Recorded {
  sha256: string;
  name?: string;
  uri?: string;
  recordedIn: Set<'provenance' | 'sbom'>;
  /** SBOM properties: where an embedded binary sits inside its parent. */
  offset?: number;
  size?: number;
}

const HEX64 = /^[0-9a-f]{64}$/;

/** resolvedDependencies with a sha256 (the source checkout, with only gitCommit, is not one). */
function fromProvenance(statement: Record<string, unknown>, into: Map<string, Recorded>): void {
  const predicate = statement.predicate as
    | { buildDefinition?: { resolvedDependencies?: unknown } }
    | undefined;
  const deps = predicate?.buildDefinition?.resolvedDependencies;
  if (!Array.isArray(deps)) return;
  for (const d of deps as { uri?: unknown; name?: unknown; digest?: { sha256?: unknown } }[]) {
    const sha = typeof d?.digest?.sha256 === 'string' ? d.digest.sha256.toLowerCase() : undefined;
    if (!sha || !HEX64.test(sha)) continue;
    const r = into.get(sha) ?? { sha256: sha, recordedIn: new Set() };
    r.recordedIn.add('provenance');
    if (typeof d.uri === 'string') r.uri ??= d.uri;
    if (typeof d.name === 'string') r.name ??= d.name;
    into.set(sha, r);
  }
}

interface BomComponent {
  hashes?: { alg?: string; content?: string }[];
  properties?: { name?: string; value?: string }[];
  components?: BomComponent[];
}

/**
 * Binaries embedded in the artifact, as the SBOM records them: components (at any depth) that
 * carry our `build-artifact:binary.format` property and a SHA-256. Packages from lockfiles or
 * Go build info are not artifacts of their own and are not followed.
 */
function fromSbom(bom: unknown, own: string, into: Map<string, Recorded>): void {
  // Depth first without recursion: a crafted SBOM may nest components deeper than the stack.
  const b = bom as { metadata?: { component?: BomComponent }; components?: unknown };
  const stack: unknown[] = [b?.components, b?.metadata?.component?.components];
  while (stack.length > 0) {
    const list = stack.pop();
    if (!Array.isArray(list)) continue;
    for (const c of [...(list as BomComponent[])].reverse()) stack.push(c?.components);
    for (const c of list as BomComponent[]) {
      const prop = (n: string) => c?.properties?.find((p) => p?.name === n)?.value;
      const sha = c?.hashes
        ?.find((h) => h?.alg === 'SHA-256' && typeof h.content === 'string')
        ?.content?.toLowerCase();
      if (prop('build-artifact:binary.format') === undefined || !sha || !HEX64.test(sha)) continue;
      if (sha === own) continue;
      const r = into.get(sha) ?? { sha256: sha, recordedIn: new Set() };
      r.recordedIn.add('sbom');
      const offset = Number(prop('build-artifact:binary.offset'));
      const size = Number(prop('build-artifact:binary.size'));
      if (Number.isSafeInteger(offset) && Number.isSafeInteger(size)) {
        r.offset ??= offset;
        r.size ??= size;
      }
      into.set(sha, r);
    }
  }
}

/** Evidence files in a directory (bundles and in-toto JSON lines), parsed; unreadable ones skipped. */
async function evidenceInDirectory(dir: string): Promise<Evidence[]> {
  const v = await import('@build-artifact/verify');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const out: Evidence[] = [];
  for (const name of names.sort()) {
    if (!name.endsWith(Sidecar.PROVENANCE) && !name.endsWith(Sidecar.INTOTO_JSONL)) continue;
    try {
      for (const e of await v.readEvidence(join(dir, name))) out.push(e);
    } catch {
      // Not ours to judge here: an unreadable file simply offers no evidence.
    }
  }
  return out;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The evidence `attest verify FILE` reads when no bundle is given. */
export async function evidenceBeside(path: string): Promise<Evidence[]> {
  const v = await import('@build-artifact/verify');
  return v.evidenceFor({ path });
}

/**
 * Verifies what a verified artifact was built from, depth first. Fails closed: a recorded
 * dependency whose bytes or evidence cannot be found, or that does not verify, fails the whole.
 */
export async function verifyDependencies(
  input: RecursiveInput,
  context: FlowContext,
): Promise<{
  verified: boolean;
  dependencies: DependencyResult[];
  /** The artifact's own verified statements, as `verifiedStatements` finds them. */
  statements: VerifiedStatements;
}> {
  const scratch = await mkdtemp(join(tmpdir(), 'attest-recursive-'));
  // A file beside the artifacts is hashed once per walk, however many dependencies ask.
  const digests = new Map<string, Promise<string | undefined>>();
  const sha256Of = (path: string) => {
    let d = digests.get(path);
    if (!d) {
      d = digestFile(path, ['sha256']).then((x) => x.sha256);
      digests.set(path, d);
    }
    return d;
  };
  try {
    const { statements, dependencies } = await walk(
      input,
      context,
      { scratch, sha256Of },
      1,
      new Set(ownDigest(input.result)),
    );
    return { verified: dependencies.every(allVerified), dependencies, statements };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function allVerified(d: DependencyResult): boolean {
  return d.verified && d.dependencies.every(allVerified);
}

function ownDigest(r: VerificationResult): string[] {
  return r.digest.sha256 ? [r.digest.sha256.toLowerCase()] : [];
}

/** What one walk shares: its scratch folder, and the digests of the files it looked at. */
interface Walk {
  scratch: string;
  sha256Of(path: string): Promise<string | undefined>;
}

async function walk(
  input: RecursiveInput,
  context: FlowContext,
  shared: Walk,
  depth: number,
  seen: Set<string>,
): Promise<{ statements: VerifiedStatements; dependencies: DependencyResult[] }> {
  const { result } = input;
  const recorded = new Map<string, Recorded>();
  const statements = await verifiedStatements(input);
  if (statements.provenance?.statement.predicateType === PredicateType.SLSA_PROVENANCE_V1)
    fromProvenance(statements.provenance.statement, recorded);
  if (sbomFormatOf(statements.sbom?.statement.predicate)?.format === 'cyclonedx-json')
    fromSbom(statements.sbom!.statement.predicate, ownDigest(result)[0] ?? '', recorded);

  const out: DependencyResult[] = [];
  for (const rec of recorded.values()) {
    const dep: DependencyResult = {
      sha256: rec.sha256,
      ...(rec.name ? { name: rec.name } : {}),
      ...(rec.uri ? { uri: rec.uri } : {}),
      recordedIn: [...rec.recordedIn].sort(),
      verified: false,
      dependencies: [],
    };
    out.push(dep);
    if (seen.has(rec.sha256) || depth > MAX_DEPTH) {
      dep.error =
        depth > MAX_DEPTH
          ? `dependencies nest deeper than ${MAX_DEPTH} levels`
          : 'the dependency graph has a cycle';
      continue;
    }
    const tried: string[] = [];
    const found = await resolve(input, context, rec, shared, tried);
    if (!found) {
      dep.error = `cannot verify the recorded dependency: ${tried.join('; ') || 'no bytes or evidence found'}`;
      continue;
    }
    dep.via = found.via;
    dep.artifact = found.name;
    dep.result = found.result;
    dep.verified = true;
    if (input.keepStatements && found.path !== undefined) {
      const size = await fileSize(found.path);
      if (size !== undefined) dep.size = size;
    }
    const below = await walk(
      {
        ...input,
        ...(found.path ? { path: found.path } : {}),
        evidence: found.evidence,
        result: found.result,
      },
      context,
      shared,
      depth + 1,
      new Set([...seen, rec.sha256]),
    );
    dep.dependencies = below.dependencies;
    if (input.keepStatements) dep.statements = below.statements;
  }
  return { statements, dependencies: out };
}

async function fileSize(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch {
    return undefined;
  }
}

/**
 * The statements of an artifact's verified evidence: the provenance whose bundle passed the
 * policy, and the first SBOM attestation naming the artifact (CycloneDX before SPDX) that
 * verifies with the same identity policy (taken as is when `requireSbom` already verified it).
 */
export async function verifiedStatements(
  input: Omit<RecursiveInput, 'keepStatements'>,
): Promise<VerifiedStatements> {
  const v = await import('@build-artifact/verify');
  const { result, evidence, policy, trust } = input;
  const own = ownDigest(result)[0] ?? '';
  const out: VerifiedStatements = {};
  const passed = result.attempts.some((a) => a.source === result.source && a.verified);
  const provenance = passed ? evidence.find((e) => e.source === result.source) : undefined;
  const provStatement = provenance ? describeBundle(provenance.json).statement : undefined;
  if (provenance && provStatement)
    out.provenance = { source: provenance.source, statement: provStatement };

  const described = new Map<Evidence, BundleDescription>(
    evidence.map((e) => [e, describeBundle(e.json)]),
  );
  // Any SBOM attestation (cosign's and versioned predicate types too), CycloneDX first.
  const sboms = evidence.filter((e) => {
    const d = described.get(e)!;
    return isSbomPredicateType(d.predicateType) && own !== '' && namesDigest(d, `sha256:${own}`);
  });
  const cyclonedx = (e: Evidence) =>
    described.get(e)!.predicateType!.startsWith(PredicateType.CYCLONEDX_BOM);
  const candidates = [...sboms.filter(cyclonedx), ...sboms.filter((e) => !cyclonedx(e))];
  for (const e of candidates) {
    const required = result.sbom?.verified === true && result.sbom.source === e.source;
    let ok = required;
    if (!ok) {
      const { minSlsaLevel: _l, requireSbom: _s, ...rest } = policy;
      const r = await v.verifyArtifact(
        {
          name: result.artifact,
          ...(input.path ? { path: input.path } : { digest: { sha256: own } }),
          evidence: [e],
        },
        { ...rest, predicateType: described.get(e)!.predicateType! },
        trust,
        input.cache ? { cache: input.cache } : {},
      );
      ok = r.verified;
      // The SBOM the walk follows is evidence the verdict rests on too (a VSA lists it).
      if (ok)
        for (const used of r.inputAttestations ?? [])
          if (!result.inputAttestations?.some((u) => u.digest.sha256 === used.digest.sha256))
            result.inputAttestations = [...(result.inputAttestations ?? []), used];
    }
    const statement = described.get(e)!.statement;
    if (ok && statement) {
      out.sbom = { source: e.source, statement, required: policy.requireSbom === true };
      break;
    }
  }
  return out;
}

interface Found {
  via: 'beside' | 'embedded' | 'oci';
  name: string;
  path?: string;
  evidence: Evidence[];
  result: VerificationResult;
}

/**
 * Finds the dependency's bytes and evidence and verifies them: a file beside the artifact with
 * that digest; the module extracted from the artifact itself, with bundles beside it naming the
 * digest; the OCI reference the provenance records. The first that verifies wins; each attempt
 * that fails says why in `tried`. A file beside the artifact under the recorded name whose
 * digest differs is a tampered copy and fails the dependency outright.
 */
async function resolve(
  input: RecursiveInput,
  context: FlowContext,
  rec: Recorded,
  shared: Walk,
  tried: string[],
): Promise<Found | undefined> {
  const v = await import('@build-artifact/verify');
  const { policy, trust } = input;
  const attempt = async (
    via: Found['via'],
    name: string,
    artifact: { path?: string; digest?: { sha256: string } },
    evidence: Evidence[],
  ): Promise<Found | undefined> => {
    if (evidence.length === 0) {
      tried.push(`${via}: no bundle for sha256:${rec.sha256} found`);
      return undefined;
    }
    const result = await v.verifyArtifact(
      { name, ...artifact, evidence },
      policy,
      trust,
      input.cache ? { cache: input.cache } : {},
    );
    if (result.verified) return { via, name, ...artifact, evidence, result };
    tried.push(
      `${via} ${name}: ${result.failure?.reason ?? 'FAILED'}${result.failure ? ` (${result.failure.message})` : ''}`,
    );
    return undefined;
  };

  const dir = input.path ? dirname(input.path) : undefined;
  if (dir && rec.name && basename(rec.name) === rec.name) {
    const named = join(dir, rec.name);
    if (named !== input.path && (await isFile(named))) {
      const sha = await shared.sha256Of(named);
      if (sha !== rec.sha256) {
        tried.push(
          `${named} has sha256:${sha}, but the provenance records sha256:${rec.sha256}: the copy beside the artifact was modified`,
        );
        return undefined;
      }
    }
  }

  // 1. A file beside the artifact (one with a bundle of its own) whose digest matches.
  if (dir) {
    for (const name of (await readdir(dir).catch(() => [] as string[])).sort()) {
      const file = join(dir, name);
      if (file === input.path || name.endsWith('.json') || name.endsWith('.jsonl')) continue;
      if (!(await isFile(sidecarPath(file, 'PROVENANCE')))) continue;
      if ((await shared.sha256Of(file)) !== rec.sha256) continue;
      const found = await attempt('beside', file, { path: file }, await evidenceBeside(file));
      if (found) return found;
    }
  }

  // 2. The module inside the artifact: where the SBOM says, else found by walking wasm magic.
  if (input.path) {
    const extracted = await extract(input.path, rec, shared.scratch);
    if (extracted && dir) {
      const evidence = (await evidenceInDirectory(dir)).filter((e) =>
        namesDigest(describeBundle(e.json), `sha256:${rec.sha256}`),
      );
      const found = await attempt(
        'embedded',
        `${input.result.artifact} (embedded sha256:${rec.sha256.slice(0, 12)}…)`,
        { path: extracted },
        evidence,
      );
      if (found) return found;
    }
  }

  // 3. The OCI reference the provenance records.
  if (rec.uri && (rec.uri.startsWith('oci://') || rec.uri.startsWith('oci-layout:'))) {
    try {
      const pulled = await fetchOciArtifact(rec.uri, context);
      const layer = pulled.fileDigest.replace(/^sha256:/, '');
      const pinned = /@sha256:([0-9a-f]{64})$/.exec(rec.uri)?.[1];
      if (layer !== rec.sha256 && pinned !== rec.sha256) {
        tried.push(`oci ${rec.uri}: holds sha256:${layer}, not sha256:${rec.sha256}`);
      } else {
        const found = await attempt(
          'oci',
          rec.uri,
          { path: pulled.path, digest: { sha256: layer } },
          pulled.evidence,
        );
        if (found) return found;
      }
    } catch (err) {
      tried.push(`oci ${rec.uri}: ${(err as Error).message}`);
    }
  }
  return undefined;
}

/** Writes the embedded module with the recorded digest to a scratch file, or undefined. */
async function extract(path: string, rec: Recorded, scratch: string): Promise<string | undefined> {
  const { findEmbeddedWasm, MAX_BINARY_SIZE } = await import('@build-artifact/sbom');
  let buf: Buffer;
  try {
    buf = await readRegularFile(path, { maxBytes: MAX_BINARY_SIZE, what: 'artifact' });
  } catch {
    return undefined;
  }
  const candidates: { start: number; end: number }[] = [];
  if (rec.offset !== undefined && rec.size !== undefined)
    candidates.push({ start: rec.offset, end: rec.offset + rec.size });
  try {
    for (const c of findEmbeddedWasm(buf, 0, buf.length)) candidates.push(c);
  } catch {
    // Not a binary we can walk: only the SBOM's location is left.
  }
  for (const c of candidates) {
    if (c.start < 0 || c.end > buf.length || c.end <= c.start) continue;
    const slice = buf.subarray(c.start, c.end);
    if (digestBytes(slice) !== rec.sha256) continue;
    const out = join(scratch, `${rec.sha256}.wasm`);
    await writeFile(out, slice);
    return out;
  }
  return undefined;
}
