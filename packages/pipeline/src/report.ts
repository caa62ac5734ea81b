// The report flow: verify the targets, keep what the verified evidence says, and turn it into
// the report model the HTML page and the job summary render. Only verified statements count
// (the provenance whose bundle passed, an SBOM attestation verified under the same identity
// policy); a report of what was just signed (`signedReport`, for the attest and push job
// summaries) says so and is never called verified.
import {
  describeBundle,
  type Evidence,
  isGitHubActionsIssuer,
  isSbomPredicateType,
  namesDigest,
  PredicateType,
} from '@build-artifact/core';
import type {
  ArtifactSection,
  ChainGraph,
  CheckRow,
  EmbeddedArtifact,
  Field,
  GraphNode,
  ReportModel,
  TlogEntry,
  Verdict,
} from '@build-artifact/report';
import type {
  CertificateIdentity,
  CertificateSummary,
  VerificationResult,
  VerifyPolicy,
  VerifyStage,
} from '@build-artifact/verify';
import type { FlowContext } from './oci-target.js';
import type { DependencyResult, VerifiedStatements } from './recursive.js';
import { sbomParts, sbomView } from './report-sbom.js';
import {
  type TargetResult,
  type VerifyOutcome,
  type VerifyRequest,
  verifyTargets,
} from './verify.js';

export interface ReportOptions {
  title?: string;
  /** By target as given: the name to show (default the target) and where it was published. */
  targets?: Record<string, { name?: string; references?: string[] }>;
  /** `attest report 0.1.0`. */
  generator?: string;
  /** The report's time (default now). */
  now?: Date;
  notes?: string[];
}

export interface ReportOutcome extends VerifyOutcome {
  model: ReportModel;
}

/** Graph nodes for the modules inside one embedded artifact, at most. */
const MAX_MODULES_SHOWN = 8;
/** resolvedDependencies listed per artifact, at most. */
const MAX_BUILT_FROM = 50;

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

/** What reports take from the verifier: the public-good log ids (hex) and the stage order. */
interface VerifierFacts {
  publicGood: Set<string>;
  stages: readonly VerifyStage[];
}
let verifierFacts: VerifierFacts | undefined;

/** The public-good Rekor's log ids, from the trusted root shipped with the verifier, and its stages. */
async function loadVerifierFacts(): Promise<VerifierFacts> {
  if (verifierFacts) return verifierFacts;
  const { publicGoodTrustedRootJSON, STAGE_ORDER } = await import('@build-artifact/verify');
  const root = obj(publicGoodTrustedRootJSON());
  const ids = new Set<string>();
  for (const t of Array.isArray(root?.tlogs) ? root.tlogs : []) {
    const keyId = str(obj(obj(t)?.logId)?.keyId);
    if (keyId) ids.add(Buffer.from(keyId, 'base64').toString('hex'));
  }
  verifierFacts = { publicGood: ids, stages: STAGE_ORDER };
  return verifierFacts;
}

/** A file path's last part (a graph box has room for a name, not a path); other names as they are. */
function shortName(name: string): string {
  if (name.includes('://') || name.startsWith('oci-layout:')) return name;
  const parts = name.split(/[\\/]/).filter(Boolean);
  return parts.length > 1 ? parts[parts.length - 1]! : name;
}

/** `https:` URLs are links; anything else stays text (the renderers check again). */
const https = (v: string | undefined) => (v?.startsWith('https://') ? v : undefined);

function field(label: string, value: string | undefined, href?: string, claim?: boolean): Field[] {
  if (!value) return [];
  return [{ label, value, ...(href ? { href } : {}), ...(claim ? { claim: true } : {}) }];
}

/** A signer fact the job summary shows too (see `Field.role`). */
const withRole = (role: NonNullable<Field['role']>, fields: Field[]): Field[] =>
  fields.map((f) => ({ ...f, role }));

function signerFields(c: CertificateIdentity & Partial<CertificateSummary>): Field[] {
  const signer = c.buildSignerURI ?? c.subjectAlternativeName;
  const repo = c.sourceRepositoryURI;
  const commitHref =
    repo && c.sourceRepositoryDigest && c.issuer && isGitHubActionsIssuer(c.issuer)
      ? https(`${repo}/commit/${c.sourceRepositoryDigest}`)
      : undefined;
  return [
    ...withRole('signer', field('Signer workflow', signer, https(signer))),
    ...(c.subjectAlternativeName && c.subjectAlternativeName !== signer
      ? field('Identity (SAN)', c.subjectAlternativeName)
      : []),
    ...field('Signer digest', c.buildSignerDigest),
    ...field('Issuer', c.issuer),
    ...withRole('source', field('Source repository', repo, https(repo))),
    ...field('Ref', c.sourceRepositoryRef),
    ...withRole('commit', field('Commit', c.sourceRepositoryDigest, commitHref)),
    ...field('Caller workflow', c.buildConfigURI),
    ...field('Trigger', c.buildTrigger),
    ...field('Runner', c.runnerEnvironment),
    ...withRole('run', field('Run', c.runInvocationURI, https(c.runInvocationURI))),
    ...field('Visibility', c.sourceRepositoryVisibilityAtSigning),
    ...(c.notBefore && c.notAfter
      ? field('Certificate valid', `${c.notBefore} to ${c.notAfter}`)
      : []),
  ];
}

/** The provenance's own facts; what nothing verified is marked as a claim. */
function provenanceFacts(
  statement: Json | undefined,
  unchecked: readonly string[],
): {
  provenance: Field[];
  builtFrom: Field[];
  resolved: { uri?: string; sha256?: string; label: string }[];
} {
  const predicate = obj(statement?.predicate);
  const build = obj(predicate?.buildDefinition);
  const run = obj(predicate?.runDetails);
  const workflow = obj(obj(build?.externalParameters)?.workflow);
  const provenance = [
    ...field('Predicate', str(statement?.predicateType)),
    ...field('Build type', str(build?.buildType)),
    ...field('Builder', str(obj(run?.builder)?.id), undefined, unchecked.includes('builder.id')),
    ...field(
      'Workflow',
      workflow
        ? [str(workflow.repository), str(workflow.path), str(workflow.ref)]
            .filter(Boolean)
            .join(' ')
        : undefined,
      undefined,
      unchecked.length > 0,
    ),
    ...field('Invocation', str(obj(run?.metadata)?.invocationId)),
  ];
  const builtFrom: Field[] = [];
  const resolved: { uri?: string; sha256?: string; label: string }[] = [];
  const deps = Array.isArray(build?.resolvedDependencies) ? build.resolvedDependencies : [];
  for (const d of deps.slice(0, MAX_BUILT_FROM)) {
    const dep = obj(d);
    if (!dep) continue;
    const digest = obj(dep.digest) ?? {};
    const digests = Object.entries(digest)
      .filter(([, v]) => typeof v === 'string')
      .map(([k, v]) => `${k}:${v}`);
    const uri = str(dep.uri) ?? str(dep.name) ?? digests[0] ?? '(unnamed)';
    builtFrom.push({ label: digests.join(' '), value: uri });
    const sha256 = typeof digest.sha256 === 'string' ? digest.sha256.toLowerCase() : undefined;
    const commit = typeof digest.gitCommit === 'string' ? digest.gitCommit.slice(0, 12) : undefined;
    resolved.push({
      ...(str(dep.uri) ? { uri: str(dep.uri)! } : {}),
      ...(sha256 ? { sha256 } : {}),
      label: commit ? `${uri} @ ${commit}` : (str(dep.name) ?? uri),
    });
  }
  if (deps.length > MAX_BUILT_FROM)
    builtFrom.push({ label: '', value: `… ${deps.length - MAX_BUILT_FROM} more` });
  return { provenance, builtFrom, resolved };
}

/** Where a failure sits among the stages: those before it passed, those after did not run. */
function stageStatus(
  r: VerificationResult,
  stage: VerifyStage,
  stages: readonly VerifyStage[],
): CheckRow['status'] | 'skipped' {
  if (r.verified || r.failure?.reason === 'DEPENDENCY_FAILED') return 'passed';
  const failed = r.failure?.stage ?? 'parse';
  const i = stages.indexOf(stage);
  const j = stages.indexOf(failed);
  return i < j ? 'passed' : i === j ? 'failed' : 'skipped';
}

function checkRows(
  stages: readonly VerifyStage[],
  r: VerificationResult,
  statements: VerifiedStatements | undefined,
  dependencies: DependencyResult[] | undefined,
): CheckRow[] {
  const rows: CheckRow[] = [];
  const failure = r.failure;
  const add = (stage: VerifyStage, check: string, passed: string, notRun = 'not reached') => {
    const status = stageStatus(r, stage, stages);
    if (status === 'failed' && failure)
      rows.push({ check, status: 'failed', reason: failure.reason, detail: failure.message });
    else
      rows.push({
        check,
        status: status === 'skipped' ? 'not checked' : status,
        detail: status === 'skipped' ? notRun : passed,
      });
  };
  const signedAt = r.timestamps.map(
    (t) => `${t.time} (${t.kind === 'transparency-log' ? 'log' : 'timestamp'})`,
  );
  add('parse', 'Evidence found and readable', r.source ? `bundle ${r.source}` : 'a bundle');
  add(
    'crypto',
    'Signature, certificate chain, log or timestamp',
    `${r.bundle?.signedWith === 'key' ? 'signed with the given key' : 'certificate chains to a trusted root'}${r.trustedRoot ? ` (${r.trustedRoot})` : ''}${signedAt.length ? `; signed at ${signedAt.join(', ')}` : ''}`,
  );
  const subject = r.digest.sha256
    ? `sha256:${r.digest.sha256}`
    : r.digest.sha512
      ? `sha512:${r.digest.sha512}`
      : 'the artifact';
  add(
    'statement',
    'The statement names this artifact',
    `${subject} is a subject of ${r.statement?.predicateType ?? 'the signature'}`,
  );
  add(
    'identity',
    'Signer and source match the policy',
    r.certificate?.buildSignerURI ?? r.certificate?.subjectAlternativeName ?? 'the given key',
  );
  const crossStatus = stageStatus(r, 'cross-check', stages);
  if (crossStatus === 'failed' && failure)
    rows.push({
      check: 'Provenance agrees with the certificate',
      status: 'failed',
      reason: failure.reason,
      detail: failure.message,
    });
  for (const x of r.crossChecks) {
    if (x.status === 'match')
      rows.push({
        check: `Provenance ${x.name}`,
        status: 'passed',
        detail: `matches the certificate: ${x.certificate ?? x.claimed ?? ''}`,
      });
    else if (x.status === 'mismatch')
      rows.push({
        check: `Provenance ${x.name}`,
        status: r.crossChecksEnforced ? 'failed' : 'warning',
        ...(x.reason ? { reason: x.reason } : {}),
        detail: `${x.note ?? 'differs from the certificate'}${r.crossChecksEnforced ? '' : ' (reported, not enforced)'}`,
      });
    else
      rows.push({
        check: `Provenance ${x.name}`,
        status: 'not checked',
        detail: x.note ?? 'not checked',
      });
  }
  if (r.uncheckedClaims.length)
    rows.push({
      check: 'Claims nothing verified',
      status: 'not checked',
      detail: r.uncheckedClaims.join(', '),
    });
  add('level', 'SLSA Build level', r.slsa ? r.slsa.reason : 'no level');
  if (r.sbom) {
    if (r.sbom.verified)
      rows.push({ check: 'Signed SBOM (required)', status: 'passed', detail: r.sbom.source });
    else
      rows.push({
        check: 'Signed SBOM (required)',
        status: 'failed',
        reason: 'SBOM_MISSING',
        detail:
          failure?.reason === 'SBOM_MISSING'
            ? failure.message
            : (r.sbom.failure?.message ?? 'no SBOM attestation verified'),
      });
  } else
    rows.push(
      statements?.sbom
        ? {
            check: 'Signed SBOM',
            status: 'passed',
            detail: `${statements.sbom.source} (not required by the policy)`,
          }
        : {
            check: 'Signed SBOM',
            status: 'not checked',
            detail: 'not required by the policy, and none verified',
          },
    );
  if (dependencies?.length) {
    const bad = dependencies.filter((d) => !d.verified);
    rows.push(
      bad.length
        ? {
            check: 'Recorded dependencies',
            status: 'failed',
            reason: 'DEPENDENCY_FAILED',
            detail: bad
              .map((d) => `${d.name ?? d.uri ?? d.sha256}: ${d.error ?? 'did not verify'}`)
              .join('; '),
          }
        : {
            check: 'Recorded dependencies',
            status: 'passed',
            detail: `${dependencies.length} verified`,
          },
    );
  }
  // A row per evidence that was tried and failed, with its own reason.
  if (!r.verified)
    for (const a of r.attempts)
      if (!a.verified && a.failure && a.source !== r.source)
        rows.push({
          check: `Also tried ${a.source}`,
          status: 'failed',
          reason: a.failure.reason,
          detail: a.failure.message,
        });
  for (const w of r.warnings) rows.push({ check: 'Warning', status: 'warning', detail: w });
  return rows;
}

function digestFields(digest: Partial<Record<string, string>>): Field[] {
  return Object.entries(digest)
    .filter(([, v]) => typeof v === 'string')
    .map(([alg, hex]) => ({
      label: alg.toUpperCase().replace('SHA', 'SHA-'),
      value: `${alg}:${hex}`,
    }));
}

function tlogEntries(
  entries: { logIndex?: string; logId?: string; kind?: string; integratedTime?: string }[],
  publicGood: Set<string>,
): TlogEntry[] {
  return entries.flatMap((t) =>
    t.logIndex === undefined
      ? []
      : [
          {
            logIndex: String(t.logIndex),
            logId: t.logId ?? '',
            kind: t.kind ?? '?',
            ...(t.integratedTime ? { integratedTime: t.integratedTime } : {}),
            ...(t.logId && publicGood.has(t.logId) && /^\d+$/.test(String(t.logIndex))
              ? { href: `https://search.sigstore.dev/?logIndex=${t.logIndex}` }
              : {}),
          },
        ],
  );
}

/** Builds the sections and the graph; one instance per report. */
class ModelBuilder {
  readonly sections: ArtifactSection[] = [];
  private readonly bySha = new Map<string, ArtifactSection>();
  private readonly graph: ChainGraph = { nodes: [], edges: [] };
  private readonly nodeOf = new Map<string, string>();
  private readonly nodeOfSection = new Map<string, string>();
  private readonly modulesShown = new Set<string>();
  private pendingTrees: (() => void)[] = [];
  private pendingChains: (() => void)[] = [];
  private next = 0;

  constructor(private readonly verifier: VerifierFacts) {}

  newId(): string {
    return `a${++this.next}`;
  }

  /** A section from a verification; the SBOM tree is built once every section exists. */
  fromResult(
    r: VerificationResult,
    extra: {
      name: string;
      target?: string;
      size?: number;
      statements?: VerifiedStatements;
      dependencies?: DependencyResult[];
      parent?: ArtifactSection['parent'];
      verdict?: Verdict;
    },
  ): ArtifactSection {
    const id = this.newId();
    const statements = extra.statements;
    const facts = provenanceFacts(statements?.provenance?.statement, r.uncheckedClaims);
    const section: ArtifactSection = {
      id,
      name: extra.name,
      ...(extra.target ? { target: extra.target } : {}),
      ...(extra.parent ? { parent: extra.parent } : {}),
      verdict: extra.verdict ?? (r.verified ? 'verified' : 'failed'),
      ...(r.failure
        ? {
            failure: {
              reason: r.failure.reason,
              message: r.failure.message,
              ...(r.failure.source ? { source: r.failure.source } : {}),
              ...(r.failure.stage ? { stage: r.failure.stage } : {}),
            },
          }
        : {}),
      ...(extra.size !== undefined ? { size: extra.size } : {}),
      digests: digestFields(r.digest),
      checks: checkRows(this.verifier.stages, r, statements, extra.dependencies),
      signer: r.certificate
        ? signerFields(r.certificate)
        : r.bundle?.signedWith === 'key'
          ? [{ label: 'Signer', value: 'a public key (--key)', role: 'signer' as const }]
          : [],
      ...(r.slsa ? { slsa: r.slsa } : {}),
      provenance: facts.provenance,
      builtFrom: facts.builtFrom,
      tlog: tlogEntries(r.tlogEntries, this.verifier.publicGood),
      timestamps: r.timestamps,
      evidence: [
        ...field('Provenance', statements?.provenance?.source),
        ...field('SBOM attestation', statements?.sbom?.source),
      ],
      embedded: [],
      warnings: [],
    };
    this.add(section, r.digest.sha256);
    this.addChain(section, facts.resolved);
    const sbom = statements?.sbom;
    if (sbom)
      this.pendingTrees.push(() =>
        this.attachSbom(section, sbom.source, sbom.statement, sbom.required),
      );
    return section;
  }

  add(section: ArtifactSection, sha256: string | undefined): void {
    this.sections.push(section);
    if (sha256 && !this.bySha.has(sha256)) this.bySha.set(sha256, section);
    // One box per artifact: an embedded module that is also a target of its own is drawn once
    // (two targets with the same bytes but different evidence keep a box each).
    const existing = section.parent && sha256 ? this.nodeOf.get(sha256) : undefined;
    if (existing) {
      this.nodeOfSection.set(section.id, existing);
      return;
    }
    const node: GraphNode = {
      id: `g-${section.id}`,
      label: shortName(section.name),
      kind: section.parent ? 'embedded' : 'artifact',
      verdict: section.verdict,
      href: `#${section.id}`,
    };
    this.graph.nodes.push(node);
    this.nodeOfSection.set(section.id, node.id);
    if (sha256) this.nodeOf.set(sha256, node.id);
  }

  /** The graph node of a section (shared by sections of the same artifact). */
  private node(section: ArtifactSection): string {
    return this.nodeOfSection.get(section.id) ?? `g-${section.id}`;
  }

  private addChain(
    section: ArtifactSection,
    resolved: { uri?: string; sha256?: string; label: string }[],
  ): void {
    for (const dep of resolved) {
      // A recorded artifact with its own section is linked when that section exists (later).
      if (dep.sha256) {
        this.pendingChains.push(() => {
          const to = this.nodeOf.get(dep.sha256!);
          if (to) this.edge(this.node(section), to, 'built from');
          else this.sourceNode(section, dep.label);
        });
      } else this.pendingChains.push(() => this.sourceNode(section, dep.label));
    }
  }

  private sourceNode(section: ArtifactSection, label: string): void {
    let id = this.graph.nodes.find((n) => n.kind === 'source' && n.label === label)?.id;
    if (!id) {
      id = `g-s${this.graph.nodes.length}`;
      this.graph.nodes.push({ id, label, kind: 'source' });
    }
    this.edge(this.node(section), id, 'built from');
  }

  private edge(from: string, to: string, relation: 'embeds' | 'contains' | 'built from'): void {
    if (!this.graph.edges.some((e) => e.from === from && e.to === to))
      this.graph.edges.push({ from, to, relation });
  }

  private attachSbom(
    section: ArtifactSection,
    source: string,
    statement: Json,
    required: boolean,
  ): void {
    const parts = sbomParts(statement.predicateType, statement.predicate);
    if (!parts) return;
    section.sbom = sbomView(parts, source, required, {
      idPrefix: section.id,
      verificationOf: (sha) => {
        const s = this.bySha.get(sha);
        return s && s !== section ? { href: `#${s.id}`, verdict: s.verdict } : undefined;
      },
    });
    // The chain: each embedded binary, and the modules inside it.
    const from = this.node(section);
    for (const part of parts.parts.values()) {
      if (!part.binary || part === parts.root) continue;
      let node = part.sha256 ? this.nodeOf.get(part.sha256) : undefined;
      if (!node) {
        node = `g-e${this.graph.nodes.length}`;
        this.graph.nodes.push({ id: node, label: part.name, kind: 'embedded' });
        if (part.sha256) this.nodeOf.set(part.sha256, node);
      }
      this.edge(from, node, 'embeds');
      if (this.modulesShown.has(node)) continue;
      const inside = (parts.contains.get(part.ref) ?? [])
        .map((r) => parts.parts.get(r)!)
        .filter((p) => p && !p.binary);
      if (inside.length === 0) continue;
      this.modulesShown.add(node);
      for (const m of inside.slice(0, MAX_MODULES_SHOWN)) {
        const id = `g-m${this.graph.nodes.length}`;
        this.graph.nodes.push({
          id,
          label: m.version ? `${m.name} ${m.version}` : m.name,
          kind: 'module',
        });
        this.edge(node, id, 'contains');
      }
      if (inside.length > MAX_MODULES_SHOWN) {
        const id = `g-m${this.graph.nodes.length}`;
        this.graph.nodes.push({
          id,
          label: `${inside.length - MAX_MODULES_SHOWN} more components`,
          kind: 'more',
        });
        this.edge(node, id, 'contains');
      }
    }
  }

  /** The dependencies of a recursive verification, depth first, each a section of its own. */
  fromDependencies(parent: ArtifactSection, deps: DependencyResult[]): void {
    for (const d of deps) {
      const name = d.name ?? d.uri ?? `sha256:${d.sha256.slice(0, 12)}…`;
      const how =
        d.via === 'embedded'
          ? 'found embedded in it'
          : d.via === 'beside'
            ? 'found beside it'
            : d.via === 'oci'
              ? 'pulled from OCI'
              : 'not found';
      const relation = d.recordedIn.includes('sbom') ? 'Embedded in' : 'Recorded as built from';
      let section: ArtifactSection;
      if (d.result) {
        section = this.fromResult(d.result, {
          name,
          ...(d.artifact ? { target: d.artifact } : {}),
          ...(d.size !== undefined ? { size: d.size } : {}),
          ...(d.statements ? { statements: d.statements } : {}),
          dependencies: d.dependencies,
          parent: { id: parent.id, name: parent.name, relation },
          verdict: d.verified && d.dependencies.every((x) => x.verified) ? 'verified' : 'failed',
        });
      } else {
        section = {
          id: this.newId(),
          name,
          parent: { id: parent.id, name: parent.name, relation },
          verdict: 'failed',
          failure: {
            reason: 'DEPENDENCY_FAILED',
            message: d.error ?? 'the recorded dependency did not verify',
          },
          digests: [{ label: 'SHA-256', value: `sha256:${d.sha256}` }],
          checks: [
            {
              check: 'Found and verified',
              status: 'failed',
              reason: 'DEPENDENCY_FAILED',
              detail: d.error ?? 'did not verify',
            },
          ],
          signer: [],
          provenance: [],
          builtFrom: [],
          tlog: [],
          timestamps: [],
          evidence: [],
          embedded: [],
          warnings: [],
        };
        this.add(section, d.sha256);
      }
      this.edge(
        this.node(parent),
        this.node(section),
        d.recordedIn.includes('sbom') ? 'embeds' : 'built from',
      );
      const embedded: EmbeddedArtifact = {
        name,
        sha256: d.sha256,
        verdict: section.verdict,
        detail: `recorded in ${d.recordedIn.join(' and ')}; ${how}${d.error ? `: ${d.error}` : ''}`,
        href: `#${section.id}`,
      };
      parent.embedded.push(embedded);
      this.fromDependencies(section, d.dependencies);
    }
  }

  /** Trees and chain edges need every section's id: built last. */
  finish(): ChainGraph {
    // Trees first: they add the embedded binaries a recorded dependency may point at.
    for (const build of [...this.pendingTrees, ...this.pendingChains]) build();
    this.pendingTrees = [];
    this.pendingChains = [];
    return this.graph;
  }
}

function policyFields(policy: VerifyPolicy | undefined): Field[] {
  if (!policy) return [];
  const names: [keyof VerifyPolicy, string][] = [
    ['repo', 'Repository'],
    ['owner', 'Owner'],
    ['signerWorkflow', 'Signer workflow'],
    ['signerRepo', 'Signer repository'],
    ['signerDigest', 'Signer digest'],
    ['sourceRef', 'Source ref'],
    ['sourceDigest', 'Source commit'],
    ['predicateType', 'Predicate type'],
    ['certificateIdentity', 'Certificate identity'],
    ['certificateIdentityRegexp', 'Certificate identity (regexp)'],
    ['certificateOidcIssuer', 'OIDC issuer'],
    ['certificateOidcIssuerRegexp', 'OIDC issuer (regexp)'],
    ['minSlsaLevel', 'Minimum SLSA Build level'],
    ['denySelfHostedRunners', 'Deny self-hosted runners'],
    ['requireSbom', 'Require a signed SBOM'],
  ];
  return names.flatMap(([k, label]) =>
    policy[k] === undefined ? [] : [{ label, value: String(policy[k]) }],
  );
}

function model(
  builder: ModelBuilder,
  options: ReportOptions & { policy?: VerifyPolicy; verdict: Verdict; title: string },
): ReportModel {
  const graph = builder.finish();
  return {
    title: options.title,
    generatedAt: (options.now ?? new Date()).toISOString(),
    generator: options.generator ?? 'build-artifact',
    verdict: options.verdict,
    policy: policyFields(options.policy),
    artifacts: builder.sections,
    graph,
    notes: options.notes ?? [],
  };
}

/**
 * The report model of verification results (from `verifyTargets` with `keepStatements`):
 * failed targets first, each followed by what it embeds; every check with its reason.
 */
export async function verifiedReport(
  results: readonly TargetResult[],
  options: ReportOptions & { policy?: VerifyPolicy } = {},
): Promise<ReportModel> {
  const builder = new ModelBuilder(await loadVerifierFacts());
  const ordered = [...results.filter((r) => !r.verified), ...results.filter((r) => r.verified)];
  for (const r of ordered) {
    const known = options.targets?.[r.target];
    const name = known?.name ?? r.target;
    const section = builder.fromResult(r, {
      name,
      ...(name !== r.target ? { target: r.target } : {}),
      ...(r.size !== undefined ? { size: r.size } : {}),
      ...(r.statements ? { statements: r.statements } : {}),
      ...(r.dependencies ? { dependencies: r.dependencies } : {}),
    });
    if (known?.references?.length) section.references = [...known.references];
    builder.fromDependencies(section, r.dependencies ?? []);
  }
  const failed = results.some((r) => !r.verified);
  return model(builder, {
    ...options,
    title:
      options.title ??
      (results.length === 1
        ? `Verification of ${results[0]!.target}`
        : `Verification of ${results.length} artifacts`),
    verdict: failed ? 'failed' : 'verified',
  });
}

/**
 * Verifies the targets (as `verifyTargets`, keeping the verified statements) and builds the
 * report model of the outcome. Bad requests and unreadable input throw, as for verify.
 */
export async function reportTargets(
  request: VerifyRequest,
  context: FlowContext,
  options: ReportOptions = {},
): Promise<ReportOutcome> {
  const outcome = await verifyTargets({ ...request, keepStatements: true }, context);
  const m = await verifiedReport(outcome.results, { ...options, policy: request.policy });
  return { ...outcome, model: m };
}

/**
 * A result as `attest verify --format json` shows it: the statements a report kept are in the
 * bundles already (and an SBOM can be megabytes), at every level of dependencies.
 */
export function withoutStatements<
  T extends { statements?: unknown; dependencies?: DependencyResult[] },
>(result: T): T {
  const { statements: _s, ...rest } = result;
  return {
    ...rest,
    ...(result.dependencies ? { dependencies: result.dependencies.map(withoutStatements) } : {}),
  } as T;
}

/** An artifact that was just attested or published, for a report of what was signed. */
export interface SignedArtifact {
  name: string;
  digest: Partial<Record<string, string>>;
  size?: number;
  /** Where it was published. */
  references?: string[];
}

/**
 * A report of what was signed (the attest and push job summaries), read from the bundles
 * without verifying them: the certificate's fields and the SLSA level they support, the log
 * entries, the SBOM. Its verdict is `signed`, never `verified`: `attest verify` checks it.
 */
export async function signedReport(
  input: { title: string; artifacts: readonly SignedArtifact[]; evidence: readonly Evidence[] },
  options: ReportOptions = {},
): Promise<ReportModel> {
  const v = await import('@build-artifact/verify');
  const facts = await loadVerifierFacts();
  const builder = new ModelBuilder(facts);
  const described = input.evidence.map((e) => ({ e, d: describeBundle(e.json) }));
  for (const a of input.artifacts) {
    const sha256 = a.digest.sha256?.toLowerCase();
    const naming = described.filter(({ d }) => sha256 && namesDigest(d, `sha256:${sha256}`));
    const provenance = naming.find(({ d }) => d.predicateType === PredicateType.SLSA_PROVENANCE_V1);
    const sbom = naming.find(({ d }) => isSbomPredicateType(d.predicateType));
    const inspected = provenance ? v.inspectEvidence(provenance.e) : undefined;
    const id = inspected?.certificate;
    const statements: VerifiedStatements = {
      ...(provenance?.d.statement
        ? { provenance: { source: provenance.e.source, statement: provenance.d.statement } }
        : {}),
      ...(sbom?.d.statement
        ? { sbom: { source: sbom.e.source, statement: sbom.d.statement, required: false } }
        : {}),
    };
    const slsa = provenance
      ? v.slsaLevel(inspected?.signedWith === 'key' ? 'key' : 'certificate', true, id)
      : undefined;
    const result: VerificationResult = {
      artifact: a.name,
      digest: a.digest,
      verified: false,
      timestamps: [],
      tlogEntries: [],
      crossChecks: [],
      crossChecksEnforced: false,
      uncheckedClaims: [],
      attempts: [],
      warnings: [],
      ...(id ? { certificate: id } : {}),
      ...(inspected?.signedWith
        ? { bundle: { mediaType: '', content: 'dsseEnvelope', signedWith: inspected.signedWith } }
        : {}),
      ...(slsa
        ? {
            slsa: {
              level: slsa.level,
              reason: `${slsa.reason} (as the signing certificate states)`,
            },
          }
        : {}),
    };
    const section = builder.fromResult(result, {
      name: a.name,
      ...(a.size !== undefined ? { size: a.size } : {}),
      statements,
      verdict: 'signed',
    });
    section.checks = [];
    section.tlog = tlogEntries(
      (inspected?.tlogEntries ?? []).map((t) => ({
        ...(t.logIndex !== undefined ? { logIndex: String(t.logIndex) } : {}),
        ...(t.logId ? { logId: t.logId } : {}),
        ...(t.kind ? { kind: t.kind } : {}),
        ...(t.integratedTime ? { integratedTime: t.integratedTime } : {}),
      })),
      facts.publicGood,
    );
    if (a.references?.length) section.references = [...a.references];
  }
  return model(builder, { ...options, title: input.title, verdict: 'signed' });
}
