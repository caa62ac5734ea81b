// A signed SBOM (CycloneDX or SPDX 2.3) as the report shows it: counts by ecosystem, licences,
// and one tree of what the artifact contains (nested components: an embedded module and its Go
// modules) and depends on (the dependency graph). The SBOM is signed but its shape is the
// signer's: every field is checked for its type, and the tree is bounded in size and depth.
import { PredicateType } from '@build-artifact/core';
import type { SbomView, TreeNode, Verdict } from '@build-artifact/report';

/** Tree entries a page shows at most; the rest are counted as omitted. */
export const MAX_TREE_ENTRIES = 40_000;
/** Levels a tree shows at most (a dependency chain deeper than this is cut, and counted). */
export const MAX_TREE_DEPTH = 64;
/** Components read from one SBOM at most. */
const MAX_PARTS = 200_000;

/** One component, whatever the SBOM format. */
export interface SbomPart {
  ref: string;
  name: string;
  version?: string;
  purl?: string;
  licences: string[];
  sha256?: string;
  /** A binary with its own components (our `build-artifact:binary.*` properties). */
  binary: boolean;
  firstParty: boolean;
}

/** An SBOM reduced to what the views need: parts, containment, dependencies. */
export interface SbomParts {
  format: string;
  root: SbomPart;
  parts: Map<string, SbomPart>;
  /** Nested components (CycloneDX `components` of a component; SPDX CONTAINS). */
  contains: Map<string, string[]>;
  /** The dependency graph (CycloneDX `dependencies`; SPDX DEPENDS_ON). */
  dependsOn: Map<string, string[]>;
  /** Parts listed at the top (CycloneDX `components`; SPDX packages), in order. */
  topLevel: string[];
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function push(m: Map<string, string[]>, key: string, value: string): void {
  const list = m.get(key);
  if (list) list.push(value);
  else m.set(key, [value]);
}

/** `pkg:cargo/...` -> `cargo`. */
export function purlType(purl: string | undefined): string | undefined {
  const m = purl ? /^pkg:([a-z0-9.+-]+)\//i.exec(purl) : null;
  return m ? m[1]!.toLowerCase() : undefined;
}

function cdxLicences(c: Json): string[] {
  const out: string[] = [];
  for (const entry of arr(c.licenses)) {
    const e = obj(entry);
    const l = obj(e?.license);
    const text = str(e?.expression) ?? str(l?.id) ?? str(l?.name);
    if (text) out.push(text);
  }
  return out;
}

function cdxPart(c: Json, ref: string): SbomPart {
  const props = arr(c.properties).map(obj);
  const prop = (n: string) => str(props.find((p) => p?.name === n)?.value);
  const sha256 = arr(c.hashes)
    .map(obj)
    .find((h) => h?.alg === 'SHA-256' && typeof h.content === 'string')?.content as
    | string
    | undefined;
  const purl = str(c.purl);
  return {
    ref,
    name: str(c.name) ?? ref,
    ...(str(c.version) ? { version: str(c.version)! } : {}),
    ...(purl ? { purl } : {}),
    licences: cdxLicences(c),
    ...(sha256 && /^[0-9a-fA-F]{64}$/.test(sha256) ? { sha256: sha256.toLowerCase() } : {}),
    binary: prop('build-artifact:binary.format') !== undefined,
    firstParty: ref.startsWith('first-party:') || (c.type === 'application' && !purl),
  };
}

/** A CycloneDX document's parts. */
export function cyclonedxParts(bom: unknown): SbomParts | undefined {
  const b = obj(bom);
  if (!b) return undefined;
  const parts = new Map<string, SbomPart>();
  const contains = new Map<string, string[]>();
  let unnamed = 0;
  const refOf = (c: Json) => str(c['bom-ref']) ?? `unnamed-${++unnamed}`;
  const meta = obj(obj(b.metadata)?.component);
  const rootJson = meta ?? { name: 'the artifact', type: 'application' };
  const rootRef = refOf(rootJson);
  const root = cdxPart(rootJson, rootRef);
  parts.set(rootRef, root);
  // Depth first without recursion: nesting is the signer's to choose.
  const stack: { list: unknown[]; parent: string | undefined }[] = [
    { list: arr(rootJson.components), parent: rootRef },
    { list: arr(b.components), parent: undefined },
  ];
  const topLevel: string[] = [];
  while (stack.length > 0 && parts.size < MAX_PARTS) {
    const { list, parent } = stack.pop()!;
    for (const entry of list) {
      const c = obj(entry);
      if (!c) continue;
      const ref = refOf(c);
      if (parts.has(ref)) continue;
      parts.set(ref, cdxPart(c, ref));
      if (parent === undefined) topLevel.push(ref);
      else push(contains, parent, ref);
      const nested = arr(c.components);
      if (nested.length) stack.push({ list: nested, parent: ref });
    }
  }
  const dependsOn = new Map<string, string[]>();
  for (const entry of arr(b.dependencies)) {
    const d = obj(entry);
    const ref = str(d?.ref);
    if (!ref) continue;
    for (const t of arr(d?.dependsOn)) if (typeof t === 'string') push(dependsOn, ref, t);
  }
  return {
    format: `CycloneDX ${str(b.specVersion) ?? ''}`.trim(),
    root,
    parts,
    contains,
    dependsOn,
    topLevel,
  };
}

/** An SPDX 2.3 document's parts: the described package is the root. */
export function spdxParts(doc: unknown): SbomParts | undefined {
  const d = obj(doc);
  if (!d) return undefined;
  const parts = new Map<string, SbomPart>();
  const topLevel: string[] = [];
  for (const entry of arr(d.packages)) {
    const p = obj(entry);
    const ref = str(p?.SPDXID);
    if (!p || !ref || parts.has(ref) || parts.size >= MAX_PARTS) continue;
    const purl = arr(p.externalRefs)
      .map(obj)
      .find((r) => r?.referenceType === 'purl' && typeof r.referenceLocator === 'string')
      ?.referenceLocator as string | undefined;
    const sha256 = arr(p.checksums)
      .map(obj)
      .find((c) => c?.algorithm === 'SHA256' && typeof c.checksumValue === 'string')
      ?.checksumValue as string | undefined;
    const licences = [str(p.licenseConcluded), str(p.licenseDeclared)].filter(
      (l): l is string => l !== undefined && l !== 'NOASSERTION' && l !== 'NONE',
    );
    parts.set(ref, {
      ref,
      name: str(p.name) ?? ref,
      ...(str(p.versionInfo) ? { version: str(p.versionInfo)! } : {}),
      ...(purl ? { purl } : {}),
      licences: [...new Set(licences)],
      ...(sha256 && /^[0-9a-fA-F]{64}$/.test(sha256) ? { sha256: sha256.toLowerCase() } : {}),
      binary: false,
      firstParty: false,
    });
    topLevel.push(ref);
  }
  const contains = new Map<string, string[]>();
  const dependsOn = new Map<string, string[]>();
  const add = push;
  let rootRef: string | undefined;
  for (const entry of arr(d.relationships)) {
    const r = obj(entry);
    const a = str(r?.spdxElementId);
    const b = str(r?.relatedSpdxElement);
    const type = str(r?.relationshipType);
    if (!a || !b || !type) continue;
    if (type === 'DESCRIBES' && a === 'SPDXRef-DOCUMENT') rootRef ??= b;
    else if (type === 'DEPENDS_ON') add(dependsOn, a, b);
    else if (type === 'DEPENDENCY_OF') add(dependsOn, b, a);
    else if (type === 'CONTAINS') add(contains, a, b);
    else if (type === 'CONTAINED_BY') add(contains, b, a);
  }
  rootRef ??= arr(d.documentDescribes).find((x): x is string => typeof x === 'string');
  const root: SbomPart = (rootRef && parts.get(rootRef)) || {
    ref: rootRef ?? 'SPDXRef-DOCUMENT',
    name: str(d.name) ?? 'the artifact',
    licences: [],
    binary: false,
    firstParty: false,
  };
  parts.set(root.ref, root);
  return {
    format: str(d.spdxVersion) ?? 'SPDX',
    root,
    parts,
    contains,
    dependsOn,
    topLevel: topLevel.filter((r) => r !== root.ref),
  };
}

/** The parts of an SBOM statement's predicate, by its predicate type. */
export function sbomParts(predicateType: unknown, predicate: unknown): SbomParts | undefined {
  if (predicateType === PredicateType.CYCLONEDX_BOM) return cyclonedxParts(predicate);
  if (predicateType === PredicateType.SPDX_DOCUMENT_V2_3) return spdxParts(predicate);
  return undefined;
}

export interface TreeOptions {
  /** Prefix of the tree's HTML ids (the section's id). */
  idPrefix: string;
  /** The verification of an embedded binary, by its SHA-256, when the report has one. */
  verificationOf?: (sha256: string) => { href: string; verdict: Verdict } | undefined;
}

/**
 * The view: counts and the tree. Each part appears in full once, where the walk first meets
 * it; later mentions point back to it, so the tree grows with the edges, not their paths.
 */
export function sbomView(
  sbom: SbomParts,
  source: string,
  required: boolean | undefined,
  options: TreeOptions,
): SbomView {
  const counted = [...sbom.parts.values()].filter((p) => p !== sbom.root && !p.binary);
  const ecosystems: Record<string, number> = {};
  const licences = new Map<string, number>();
  for (const p of counted) {
    const eco = purlType(p.purl) ?? (p.firstParty ? 'first-party' : 'no purl');
    ecosystems[eco] = (ecosystems[eco] ?? 0) + 1;
    for (const l of p.licences.length ? p.licences : ['none recorded'])
      licences.set(l, (licences.get(l) ?? 0) + 1);
  }

  let entries = 0;
  let omitted = 0;
  const firstId = new Map<string, string>();
  const makeNode = (part: SbomPart, relation: TreeNode['relation'] | undefined): TreeNode => {
    const id = `${options.idPrefix}-n${++entries}`;
    const kind: TreeNode['kind'] =
      part === sbom.root
        ? 'artifact'
        : part.binary
          ? 'embedded'
          : part.firstParty
            ? 'first-party'
            : 'component';
    const ecosystem = purlType(part.purl);
    const verification =
      part.binary && part.sha256 ? options.verificationOf?.(part.sha256) : undefined;
    return {
      id,
      name: part.name,
      ...(part.version ? { version: part.version } : {}),
      ...(part.purl ? { purl: part.purl } : {}),
      ...(ecosystem ? { ecosystem } : {}),
      ...(part.licences.length ? { licences: part.licences } : {}),
      kind,
      ...(relation ? { relation } : {}),
      ...(part.sha256 ? { sha256: part.sha256 } : {}),
      ...(verification ? { verification } : {}),
      children: [],
    };
  };

  const tree = makeNode(sbom.root, undefined);
  firstId.set(sbom.root.ref, tree.id);
  type Step = { ref: string; parent: TreeNode; relation: TreeNode['relation']; depth: number };
  const stack: Step[] = [];
  const pushChildren = (ref: string, node: TreeNode, depth: number) => {
    const nested = sbom.contains.get(ref) ?? [];
    const inside = new Set(nested);
    const deps = (sbom.dependsOn.get(ref) ?? []).filter((d) => !inside.has(d));
    const steps: Step[] = [
      ...nested.map((r) => ({ ref: r, parent: node, relation: 'contains' as const, depth })),
      ...deps.map((r) => ({ ref: r, parent: node, relation: 'depends on' as const, depth })),
    ];
    for (let i = steps.length - 1; i >= 0; i--) stack.push(steps[i]!);
  };
  const walk = () => {
    while (stack.length > 0) {
      const step = stack.pop()!;
      const part = sbom.parts.get(step.ref);
      if (!part) continue;
      if (entries >= MAX_TREE_ENTRIES || step.depth > MAX_TREE_DEPTH) {
        omitted++;
        continue;
      }
      const node = makeNode(part, step.relation);
      step.parent.children.push(node);
      const seen = firstId.get(step.ref);
      if (seen) {
        node.repeatOf = seen;
        continue;
      }
      firstId.set(step.ref, node.id);
      pushChildren(step.ref, node, step.depth + 1);
    }
  };
  pushChildren(sbom.root.ref, tree, 1);
  walk();
  // What nothing reached (a lockfile without a graph, an embedded module): under the root.
  for (const ref of sbom.topLevel) {
    if (firstId.has(ref)) continue;
    stack.push({ ref, parent: tree, relation: 'contains', depth: 1 });
    walk();
  }
  return {
    source,
    format: sbom.format,
    ...(required !== undefined ? { required } : {}),
    componentCount: counted.length,
    ecosystems,
    licences: [...licences.entries()]
      .map(([licence, count]) => ({ licence, count }))
      .sort((a, b) => b.count - a.count || (a.licence < b.licence ? -1 : 1)),
    tree,
    ...(omitted ? { omitted } : {}),
  };
}
