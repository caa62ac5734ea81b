import type { Assembly } from './assembly.js';
import { SbomError } from './errors.js';
import { documentJson, type SbomResult } from './format.js';
import { buildGraph, type GraphNode } from './graph.js';
import type { HashAlgorithm } from './model.js';
import { byCodePoints, sortByKey } from './order.js';
import { contentUuid, randomUuid } from './uuid.js';
import { TOOL_NAME, VERSION } from './version.js';

export interface SpdxOptions {
  /** Seconds since the epoch: `created` and (derived from content) the namespace become fixed. */
  sourceDateEpoch?: number;
}

/** The parts of an SPDX 2.3 document this package writes. */
export interface SpdxDocument {
  spdxVersion: 'SPDX-2.3';
  dataLicense: 'CC0-1.0';
  SPDXID: 'SPDXRef-DOCUMENT';
  name: string;
  documentNamespace: string;
  creationInfo: { created: string; creators: string[] };
  packages: SpdxPackage[];
  relationships: SpdxRelationship[];
}

export interface SpdxPackage {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  /** Always NOASSERTION: lockfiles and binaries say where a package came from, not a URL. */
  downloadLocation: 'NOASSERTION';
  /** Always false: packages are known from metadata, their files are not analysed. */
  filesAnalyzed: false;
  checksums?: { algorithm: string; checksumValue: string }[];
  externalRefs?: { referenceCategory: string; referenceType: string; referenceLocator: string }[];
  primaryPackagePurpose: 'APPLICATION' | 'LIBRARY' | 'FILE';
  annotations?: {
    annotationDate: string;
    annotationType: 'OTHER';
    annotator: string;
    comment: string;
  }[];
}

export interface SpdxRelationship {
  spdxElementId: string;
  relationshipType: 'DESCRIBES' | 'CONTAINS' | 'DEPENDS_ON';
  relatedSpdxElement: string;
}

/** CycloneDX hash names to SPDX checksum algorithms: the same hashes, other spellings. */
const CHECKSUM_ALGORITHM: Record<HashAlgorithm, string> = {
  'SHA-1': 'SHA1',
  'SHA-256': 'SHA256',
  'SHA-384': 'SHA384',
  'SHA-512': 'SHA512',
};

const CREATOR = `Tool: ${TOOL_NAME}-${VERSION}`;
const ZERO_UUID = '00000000-0000-0000-0000-000000000000';

/** An SPDX identifier's `[idstring]`: letters, digits, `.` and `-` only. */
function idString(text: string): string {
  return text.replace(/[^A-Za-z0-9.-]+/g, '-').replace(/^-+|-+$/g, '') || 'unnamed';
}

/** `YYYY-MM-DDThh:mm:ssZ`, the only form SPDX accepts (no fraction of a second). */
function spdxDate(date: Date): string {
  const iso = date.toISOString();
  if (!/^\d{4}-/.test(iso)) {
    throw new SbomError({
      code: 'UNSUPPORTED_INPUT',
      message: `the time ${iso} has no four-digit year, which SPDX needs (SOURCE_DATE_EPOCH too large?)`,
    });
  }
  return `${iso.slice(0, 19)}Z`;
}

/**
 * Writes the graph as an SPDX 2.3 JSON document: one package per graph node, with its purl as a
 * `PACKAGE-MANAGER` external reference and its hashes as checksums; the document DESCRIBES the
 * root; an assembly CONTAINS its packages and the assemblies nested in it (a Rust binary its wasm
 * module, the module its Go modules); the inputs' edges are DEPENDS_ON (DEPENDS_ON NONE where the
 * edges are known and there are none, as CycloneDX lists a leaf). What SPDX 2.3 has no field
 * for (a dev-only or optional scope, the properties of the CycloneDX output) is kept as annotations
 * `name=value` by this tool. Every list is sorted by code point, so the same input gives the same
 * bytes; with `sourceDateEpoch` the namespace is derived from the content.
 */
export function buildSpdx(root: Assembly, options: SpdxOptions = {}): SbomResult {
  const graph = buildGraph(root);
  const created = spdxDate(
    options.sourceDateEpoch === undefined ? new Date() : new Date(options.sourceDateEpoch * 1000),
  );

  // Identifiers from what each node is, made unique in the order of the (unique) refs.
  const ids = new Map<GraphNode, string>();
  const used = new Set<string>(['SPDXRef-DOCUMENT']);
  const ordered = sortByKey([...graph.nodes.values()], (n) => n.ref);
  for (const node of ordered) {
    const want =
      node.kind === 'assembly'
        ? `SPDXRef-Application-${idString(node.name)}`
        : `SPDXRef-Package-${node.ecosystem}-${idString(node.name)}${node.version ? `-${idString(node.version)}` : ''}`;
    let id = want;
    for (let i = 2; used.has(id); i++) id = `${want}-${i}`;
    used.add(id);
    ids.set(node, id);
  }

  const packages = sortByKey(
    ordered.map((node) => spdxPackage(node, ids.get(node)!, created)),
    (p) => p.SPDXID,
  );

  // Relationships in order of (element, type, related element), written in that order rather
  // than sorted afterwards: identifiers are ASCII, so `<` is code point order; by element, then
  // CONTAINS before DEPENDS_ON before DESCRIBES (the document's only one, the root).
  const idOfRef = (ref: string): string => ids.get(graph.nodes.get(ref)!)!;
  const fromNode = new Map<string, GraphNode>();
  for (const [node, id] of ids) fromNode.set(id, node);
  const relationships: SpdxRelationship[] = [];
  const push = (from: string, type: SpdxRelationship['relationshipType'], to: string[]): void => {
    for (const related of to.sort())
      relationships.push({
        spdxElementId: from,
        relationshipType: type,
        relatedSpdxElement: related,
      });
  };
  for (const from of [...fromNode.keys(), 'SPDXRef-DOCUMENT'].sort()) {
    const node = fromNode.get(from);
    if (node === undefined) {
      push(from, 'DESCRIBES', [ids.get(graph.root)!]);
      continue;
    }
    push(
      from,
      'CONTAINS',
      [...(node.members ?? []), ...(node.children ?? [])].map((part) => ids.get(part)!),
    );
    // Edges known, and there are none (a leaf of a lockfile's graph): NONE says so (SPDX 2.3,
    // 11.1), where no relationship at all would assert nothing.
    if (node.deps !== undefined)
      push(from, 'DEPENDS_ON', node.deps.size > 0 ? [...node.deps].map(idOfRef) : ['NONE']);
  }

  const doc: SpdxDocument = {
    spdxVersion: 'SPDX-2.3',
    dataLicense: 'CC0-1.0',
    SPDXID: 'SPDXRef-DOCUMENT',
    name: graph.root.name,
    documentNamespace: '',
    creationInfo: { created, creators: [CREATOR] },
    packages,
    relationships,
  };
  // A unique absolute URI without a `#` part (SPDX 2.3, 6.5), in the form the spec suggests for
  // creators without a site of their own. Reproducible: the UUID is the SHA-256 of the document
  // as written with a zero UUID, which is then put in its place (same length, one key of that
  // name): one serialisation of the document, not two.
  const prefix = `https://spdx.org/spdxdocs/${idString(doc.name)}-`;
  doc.documentNamespace = `${prefix}${ZERO_UUID}`;
  const bom = doc as unknown as Record<string, unknown>;
  let json = documentJson(bom);
  const uuid = options.sourceDateEpoch === undefined ? randomUuid() : contentUuid(json);
  const placeholder = `"documentNamespace": ${JSON.stringify(doc.documentNamespace)}`;
  doc.documentNamespace = `${prefix}${uuid}`;
  json = json.replace(
    placeholder,
    () => `"documentNamespace": ${JSON.stringify(doc.documentNamespace)}`,
  );
  return {
    format: 'spdx-json',
    bom,
    json,
    componentCount: graph.componentCount,
    ecosystems: graph.ecosystems,
  };
}

function spdxPackage(node: GraphNode, id: string, created: string): SpdxPackage {
  const pkg: SpdxPackage = {
    SPDXID: id,
    name: node.name,
    downloadLocation: 'NOASSERTION',
    filesAnalyzed: false,
    primaryPackagePurpose:
      node.kind === 'package'
        ? node.firstParty
          ? 'APPLICATION'
          : 'LIBRARY'
        : node.assemblyType === 'application'
          ? 'APPLICATION'
          : node.assemblyType === 'file'
            ? 'FILE'
            : 'LIBRARY',
  };
  if (node.version) pkg.versionInfo = node.version;
  if (node.hashes.length > 0) {
    // One value per algorithm, the last given winning, as in the CycloneDX output.
    const byAlg = new Map<string, string>();
    for (const h of node.hashes) byAlg.set(CHECKSUM_ALGORITHM[h.alg], h.content);
    pkg.checksums = [...byAlg]
      .map(([algorithm, checksumValue]) => ({ algorithm, checksumValue }))
      .sort((a, b) => byCodePoints(a.algorithm, b.algorithm));
  }
  if (node.purl) {
    pkg.externalRefs = [
      { referenceCategory: 'PACKAGE-MANAGER', referenceType: 'purl', referenceLocator: node.purl },
    ];
  }
  const notes: string[] = [];
  if (node.scope) notes.push(`build-artifact:scope=${node.scope}`);
  for (const [name, value] of Object.entries(node.properties ?? {})) notes.push(`${name}=${value}`);
  if (notes.length > 0) {
    pkg.annotations = notes.sort(byCodePoints).map((comment) => ({
      annotationDate: created,
      annotationType: 'OTHER',
      annotator: CREATOR,
      comment,
    }));
  }
  return pkg;
}
