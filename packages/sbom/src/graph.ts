import type { Assembly } from './assembly.js';
import type { Ecosystem, PackageHash } from './model.js';
import { byCodePoints } from './order.js';

/**
 * What an SBOM says, before it is written in a format: the assembly tree as nodes (third-party
 * packages merged by purl within each assembly, first-party parts kept apart), the edges the
 * inputs give, and which parts are known complete. The CycloneDX writer (bom.ts) and the SPDX
 * writer (spdx.ts) both render this one graph, so the two formats list the same packages with
 * the same edges.
 */
export interface GraphNode {
  /** Unique in the graph; the CycloneDX `bom-ref`. */
  ref: string;
  kind: 'assembly' | 'package';
  /** What an assembly is, as its Assembly says. */
  assemblyType?: Assembly['type'];
  name: string;
  /** Absent when the input has none (or an empty one). */
  version?: string;
  purl?: string;
  /** Ecosystem of a package (absent for an assembly). */
  ecosystem?: Ecosystem;
  /** Every algorithm any input gave for it, the first value of each kept. */
  hashes: readonly PackageHash[];
  properties?: Readonly<Record<string, string>>;
  /** The widest scope over every input that lists it: absent means required. */
  scope?: 'optional' | 'excluded';
  /** A workspace member, a Go main module, the assembly itself: the project's own code. */
  firstParty: boolean;
  /** Refs of the nodes it depends on, when its edges are known (possibly none). */
  deps?: Set<string>;
  /** An assembly's packages (first- and third-party), in the order its inventories list them. */
  members?: GraphNode[];
  /** An assembly's nested assemblies (wasm modules embedded in a binary). */
  children?: GraphNode[];
}

/** A CycloneDX composition: which refs, or whose edges, are complete. */
export interface Composition {
  aggregate: string;
  assemblies?: string[];
  dependencies?: string[];
}

export interface SbomGraph {
  root: GraphNode;
  /** Every node, in the order the walk met them. */
  nodes: Map<string, GraphNode>;
  compositions: Composition[];
  /** Packages (not assemblies). */
  componentCount: number;
  /** Third-party packages by ecosystem. */
  ecosystems: Record<Ecosystem, number>;
}

const REQUIRED = 1;
const OPTIONAL = 2;
const EXCLUDED = 4;
const SCOPE_BIT = { optional: OPTIONAL, excluded: EXCLUDED } as const;

/** Walks the assembly tree once into the graph both formats are written from. */
export function buildGraph(root: Assembly): SbomGraph {
  const usedRefs = new Set<string>();
  const uniqueRef = (want: string): string => {
    let ref = want;
    for (let i = 2; usedRefs.has(ref); i++) ref = `${want}#${i}`;
    usedRefs.add(ref);
    return ref;
  };
  const nodes = new Map<string, GraphNode>();
  // The scopes each node is used with, as bits: REQUIRED, OPTIONAL, EXCLUDED.
  const scopes = new Map<GraphNode, number>();
  const ecosystems: Record<Ecosystem, number> = { cargo: 0, golang: 0, npm: 0, pypi: 0 };
  const compositions: Composition[] = [];
  let componentCount = 0;

  const visit = (asm: Assembly, prefix: string, isRoot: boolean): GraphNode => {
    const asmRef = uniqueRef(isRoot ? `root:${asm.name}` : `${prefix}${asm.name}`);
    const asmNode: GraphNode = {
      ref: asmRef,
      kind: 'assembly',
      assemblyType: asm.type,
      name: asm.name,
      hashes: asm.hashes ?? [],
      properties: asm.properties,
      firstParty: true,
      members: [],
      children: [],
    };
    if (asm.version) asmNode.version = asm.version;
    nodes.set(asmRef, asmNode);
    const nestedPrefix = isRoot ? '' : `${asmRef}|`;
    const local = new Map<string, GraphNode>(); // merge key -> node, within this assembly
    const graphRefs = new Set<string>();
    const firstPartyEdgeRefs = new Set<string>();
    const firstPartyRefs: string[] = [];
    for (const inv of asm.inventories) {
      const keyToNode = new Map<string, GraphNode>();
      for (const pkg of inv.packages) {
        const mergeKey = pkg.purl && !pkg.firstParty ? pkg.purl : `${inv.source}#${pkg.key}`;
        let node = local.get(mergeKey);
        if (!node) {
          const ref = uniqueRef(
            nestedPrefix +
              (pkg.purl ??
                `${pkg.firstParty ? 'first-party' : 'unnamed'}:${inv.source}#${pkg.key}`),
          );
          node = {
            ref,
            kind: 'package',
            name: pkg.name,
            ecosystem: pkg.ecosystem,
            hashes: pkg.hashes ?? [],
            firstParty: pkg.firstParty === true,
          };
          if (pkg.version) node.version = pkg.version;
          if (pkg.purl) node.purl = pkg.purl;
          if (pkg.properties !== undefined) node.properties = pkg.properties;
          local.set(mergeKey, node);
          nodes.set(ref, node);
          asmNode.members!.push(node);
          componentCount++;
          if (pkg.firstParty) firstPartyRefs.push(ref);
          else ecosystems[pkg.ecosystem]++;
        } else if (pkg.hashes !== undefined) {
          // Seen in another lockfile: keep the hash algorithms it did not have (a new array: the
          // first one may be the parser's own).
          for (const h of pkg.hashes) {
            if (!node.hashes.some((k) => k.alg === h.alg)) node.hashes = [...node.hashes, h];
          }
        }
        scopes.set(node, (scopes.get(node) ?? 0) | (pkg.scope ? SCOPE_BIT[pkg.scope] : REQUIRED));
        keyToNode.set(pkg.key, node);
      }
      for (const pkg of inv.packages) {
        if (!inv.hasGraph && !(inv.firstPartyEdgesOnly && pkg.firstParty)) continue;
        const node = keyToNode.get(pkg.key)!;
        node.deps ??= new Set();
        for (const d of pkg.dependencies ?? []) {
          const target = keyToNode.get(d);
          if (target && target !== node) node.deps.add(target.ref);
        }
        (inv.hasGraph ? graphRefs : firstPartyEdgeRefs).add(node.ref);
      }
    }
    // The assembly depends on its first-party parts (workspace members, a Go main module); what
    // they depend on comes from the lockfile's own edges, never invented here.
    if (firstPartyRefs.length > 0) {
      asmNode.deps = new Set(firstPartyRefs);
      graphRefs.add(asmRef);
    }
    for (const child of asm.children) asmNode.children!.push(visit(child, nestedPrefix, false));
    compositions.push({ aggregate: asm.completeness, assemblies: [asmRef] });
    for (const r of firstPartyEdgeRefs) graphRefs.delete(r);
    if (graphRefs.size > 0)
      compositions.push({ aggregate: 'complete', dependencies: [...graphRefs].sort(byCodePoints) });
    if (firstPartyEdgeRefs.size > 0) {
      compositions.push({
        aggregate: 'incomplete_first_party_only',
        dependencies: [...firstPartyEdgeRefs].sort(byCodePoints),
      });
    }
    return asmNode;
  };

  const rootNode = visit(root, '', true);
  // Scope: required if any input needs it at run time, else optional, else excluded.
  for (const [node, bits] of scopes) {
    if (bits & REQUIRED) continue;
    node.scope = bits & OPTIONAL ? 'optional' : 'excluded';
  }
  return { root: rootNode, nodes, compositions, componentCount, ecosystems };
}
