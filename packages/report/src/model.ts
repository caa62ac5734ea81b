// The report model: what the views show, already decided. Every string in it may come from
// evidence or an SBOM (names, versions, certificate fields, reasons): the renderers escape
// all of them, and build links only from `href` fields that passed `safeHref`.

/**
 * What became of an artifact: every check passed, a check failed, or (a report of what was
 * just attested or pushed, not verified) signed.
 */
export type Verdict = 'verified' | 'failed' | 'signed';

/** A verdict in words (never colour alone): the page, the graph and the Mermaid chart say the same. */
export const VERDICT_TEXT: Readonly<Record<Verdict, string>> = {
  verified: '✓ verified',
  failed: '✗ FAILED',
  signed: 'signed',
};

/** One labelled fact (a certificate field, a digest); `href` makes the value a link. */
export interface Field {
  label: string;
  value: string;
  href?: string;
  /** The value is a claim nothing verified: shown as such. */
  claim?: boolean;
  /** What a signer fact is, for views that show only some of them (the job summary). */
  role?: 'signer' | 'source' | 'commit' | 'run';
}

export type CheckStatus = 'passed' | 'failed' | 'not checked' | 'warning';

/** One row of the checks table. */
export interface CheckRow {
  check: string;
  status: CheckStatus;
  /** The failure code (`SUBJECT_MISMATCH`), for failed rows. */
  reason?: string;
  detail: string;
}

export interface TlogEntry {
  logIndex: string;
  /** Hex key id of the log. */
  logId: string;
  kind: string;
  integratedTime?: string;
  /** The public log's search page for the entry (only for the public-good instance). */
  href?: string;
}

/** A node of an SBOM's tree: its components, what they contain and what they depend on. */
export interface TreeNode {
  /** Unique within the page (an HTML id). */
  id: string;
  name: string;
  version?: string;
  purl?: string;
  /** The purl type (`cargo`, `golang`, `npm`, `pypi`), when there is a purl. */
  ecosystem?: string;
  licences?: string[];
  /**
   * `artifact`: the SBOM's subject; `embedded`: a binary inside it (with its own components);
   * `first-party`: the project's own packages; `component`: a package it uses.
   */
  kind: 'artifact' | 'embedded' | 'first-party' | 'component';
  /** How it hangs under its parent: nested in it, or a dependency of it. */
  relation?: 'contains' | 'depends on';
  sha256?: string;
  /** The embedded artifact's own verification (an anchor in the page). */
  verification?: { href: string; verdict: Verdict };
  /** Shown in full elsewhere in the tree: the id of that node. */
  repeatOf?: string;
  children: TreeNode[];
}

export interface SbomView {
  /** The attestation it came from. */
  source: string;
  /** `CycloneDX 1.6`, `SPDX-2.3`. */
  format: string;
  /** Whether the policy required it (`requireSbom`), else it was verified for the report. */
  required?: boolean;
  componentCount: number;
  /** Components by purl type; `other` for those without a purl. */
  ecosystems: Record<string, number>;
  /** Licence (id, name or expression) -> number of components; `none recorded` included. */
  licences: { licence: string; count: number }[];
  tree: TreeNode;
  /** Tree entries left out past the page's limit. */
  omitted?: number;
}

/** A binary the artifact embeds (or was built from), with its own verification. */
export interface EmbeddedArtifact {
  name: string;
  sha256: string;
  verdict: Verdict;
  /** Where the record came from (`provenance`, `sbom`) and how the bytes were found. */
  detail: string;
  /** The section of its own verification. */
  href?: string;
}

/** One artifact: a target of the verification, or an artifact one of them embeds. */
export interface ArtifactSection {
  /** The section's HTML id (`a1`): anchors, graph links and tree links point here. */
  id: string;
  name: string;
  /** The target as given (file, `oci://` reference, digest), when it differs from the name. */
  target?: string;
  /** Set for an embedded artifact: the section of the artifact that records it. */
  parent?: { id: string; name: string; relation: string };
  verdict: Verdict;
  failure?: { reason: string; message: string; source?: string; stage?: string };
  size?: number;
  digests: Field[];
  /** Where it was published (`oci://...@sha256:...`). */
  references?: string[];
  checks: CheckRow[];
  /** Who signed and from what source: certificate fields (verified) or the signer's claims. */
  signer: Field[];
  slsa?: { level: number; reason: string };
  /** The provenance's facts: build type, builder, invocation (claims marked as such). */
  provenance: Field[];
  /** The provenance's resolvedDependencies. */
  builtFrom: Field[];
  tlog: TlogEntry[];
  timestamps: { kind: string; time: string }[];
  /** The evidence used, by role (`provenance`, `SBOM`). */
  evidence: Field[];
  sbom?: SbomView;
  embedded: EmbeddedArtifact[];
  warnings: string[];
}

export type GraphNodeKind = 'artifact' | 'embedded' | 'module' | 'source' | 'more';

export interface GraphNode {
  id: string;
  label: string;
  kind: GraphNodeKind;
  verdict?: Verdict;
  /** An anchor in the page (`#a2`). */
  href?: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  relation: 'embeds' | 'contains' | 'built from';
}

/** The chain: artifacts -> what they embed -> its modules, and what each was built from. */
export interface ChainGraph {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export interface ReportModel {
  title: string;
  /** ISO 8601. */
  generatedAt: string;
  /** `attest report 0.1.0`. */
  generator: string;
  verdict: Verdict;
  /** What the verification asked for (policy and trust), as label/value rows. */
  policy: Field[];
  artifacts: ArtifactSection[];
  graph: ChainGraph;
  notes: string[];
  /** A link to the HTML report (for the job summary): the run's artifacts page. */
  reportLink?: { href: string; label: string };
}
