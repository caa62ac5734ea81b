import { closeSync, openSync, readSync } from 'node:fs';
// Sub-path imports: the package root also loads validation and contrib code we do not need here.
import * as Enums from '@cyclonedx/cyclonedx-library/Enums';
import * as Models from '@cyclonedx/cyclonedx-library/Models';
import * as Serialize from '@cyclonedx/cyclonedx-library/Serialize';
import * as Spec from '@cyclonedx/cyclonedx-library/Spec';
import type { Assembly } from './assembly.js';
import { SbomError } from './errors.js';
import type { Ecosystem, Package } from './model.js';
import { TOOL_NAME, VERSION } from './version.js';

/**
 * A random (version 4) UUID. Node's crypto module takes some 8 ms to load, a tenth of a small
 * `attest sbom` run that needs nothing else from it: the 16 random bytes come from the kernel's
 * random source where there is one, from crypto elsewhere (Windows).
 */
function randomUuid(): string {
  const bytes = Buffer.alloc(16);
  let fd: number | undefined;
  try {
    fd = openSync('/dev/urandom', 'r');
    if (readSync(fd, bytes, 0, 16, null) !== 16) throw new Error('short read');
  } catch {
    return process.getBuiltinModule('node:crypto').randomUUID();
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const h = bytes.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** GitHub refuses attestation predicates past 16 MiB. */
export const MAX_BOM_BYTES = 16 * 1024 * 1024;

export interface BuildOptions {
  specVersion: '1.6' | '1.7';
  /** Seconds since the epoch: timestamp and (derived from content) serial number become fixed. */
  sourceDateEpoch?: number;
}

export interface SbomResult {
  bom: Record<string, unknown>;
  json: string;
  componentCount: number;
  ecosystems: Record<string, number>;
}

interface Node {
  ref: string;
  component: Models.Component;
  /** The scopes it is used with, as bits: REQUIRED, OPTIONAL, EXCLUDED. */
  scopes: number;
  deps?: Set<string>;
}

const REQUIRED = 1;
const OPTIONAL = 2;
const EXCLUDED = 4;
const SCOPE_BIT = { optional: OPTIONAL, excluded: EXCLUDED } as const;

interface Composition {
  aggregate: string;
  assemblies?: string[];
  dependencies?: string[];
}

const SCOPE = {
  optional: Enums.ComponentScope.Optional,
  excluded: Enums.ComponentScope.Excluded,
} as const;

// What a package's component never gets anything added to (nested components, licenses,
// external references, its own dependency refs: the graph is written here, not through the
// model; properties when it has none): one empty collection serves them all, instead of five
// new ones per component, which is most of the memory ten thousand components take.
// Adding to one would add to every component: it throws instead.
function sharedEmpty<T extends Set<unknown>>(set: T): T {
  set.add = () => {
    throw new Error('buildBom: a shared empty collection cannot be added to');
  };
  return set;
}
const NO_COMPONENTS = sharedEmpty(new Models.ComponentRepository());
const NO_LICENSES = sharedEmpty(new Models.LicenseRepository());
const NO_EXTERNAL_REFERENCES = sharedEmpty(new Models.ExternalReferenceRepository());
const NO_DEPENDENCIES = sharedEmpty(new Models.BomRefRepository());
const NO_PROPERTIES = sharedEmpty(new Models.PropertyRepository());

/** Orders strings by their UTF-16 code units, as `<` does: the same on every machine. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

type NormalizedComponent = Serialize.JSON.Types.Normalized.Component;

/** Components by bom-ref (unique: a total order), then what each holds, all the way down. */
function orderComponents(components: NormalizedComponent[]): void {
  components.sort((a, b) => byCodeUnits(a['bom-ref'] ?? '', b['bom-ref'] ?? ''));
  for (const c of components) orderComponent(c);
}

function orderComponent(c: NormalizedComponent): void {
  if (c.hashes !== undefined && c.hashes.length > 1)
    c.hashes.sort((a, b) => byCodeUnits(a.alg, b.alg) || byCodeUnits(a.content, b.content));
  if (c.properties !== undefined && c.properties.length > 1)
    c.properties.sort(
      (a, b) =>
        byCodeUnits(a.name ?? '', b.name ?? '') || byCodeUnits(a.value ?? '', b.value ?? ''),
    );
  if (c.components !== undefined) orderComponents(c.components);
}

/**
 * Builds the CycloneDX document once, from the assembly tree. Third-party packages merge by purl;
 * first-party parts go under the assembly's own component. The library builds and normalises the
 * document; `dependencies` and `compositions` are written here because the library's model has no
 * compositions, and would list every component as a leaf where we do not know its edges.
 */
export function buildBom(root: Assembly, options: BuildOptions): SbomResult {
  const usedRefs = new Set<string>();
  const uniqueRef = (want: string): string => {
    let ref = want;
    for (let i = 2; usedRefs.has(ref); i++) ref = `${want}#${i}`;
    usedRefs.add(ref);
    return ref;
  };
  const nodes = new Map<string, Node>();
  const ecosystems: Record<Ecosystem, number> = { cargo: 0, golang: 0, npm: 0, pypi: 0 };
  const compositions: Composition[] = [];
  let componentCount = 0;

  const makeComponent = (
    pkg: Package,
    ref: string,
    type = Enums.ComponentType.Library,
  ): Models.Component => {
    const c = new Models.Component(type, pkg.name, {
      bomRef: ref,
      components: NO_COMPONENTS,
      licenses: NO_LICENSES,
      externalReferences: NO_EXTERNAL_REFERENCES,
      dependencies: NO_DEPENDENCIES,
      ...(pkg.properties === undefined ? { properties: NO_PROPERTIES } : {}),
    });
    if (pkg.version) c.version = pkg.version;
    if (pkg.purl) c.purl = pkg.purl;
    for (const h of pkg.hashes ?? []) c.hashes.set(h.alg as Enums.HashAlgorithm, h.content);
    if (pkg.properties !== undefined)
      for (const [k, v] of Object.entries(pkg.properties))
        c.properties.add(new Models.Property(k, v));
    if (pkg.scope) c.scope = SCOPE[pkg.scope];
    return c;
  };

  // Each assembly: its component, its packages (flat for the root's third-party ones, nested
  // otherwise), and its compositions.
  const visit = (asm: Assembly, prefix: string, isRoot: boolean): Models.Component => {
    const asmRef = uniqueRef(isRoot ? `root:${asm.name}` : `${prefix}${asm.name}`);
    const comp = new Models.Component(
      asm.type === 'application' ? Enums.ComponentType.Application : Enums.ComponentType.Library,
      asm.name,
      { bomRef: asmRef },
    );
    if (asm.version) comp.version = asm.version;
    for (const h of asm.hashes ?? []) comp.hashes.set(h.alg as Enums.HashAlgorithm, h.content);
    for (const [k, v] of Object.entries(asm.properties))
      comp.properties.add(new Models.Property(k, v));
    const nestedPrefix = isRoot ? '' : `${asmRef}|`;
    const asmNode: Node = { ref: asmRef, component: comp, scopes: 0 };
    nodes.set(asmRef, asmNode);
    const local = new Map<string, Node>(); // purl -> node, within this assembly
    const graphRefs = new Set<string>();
    const firstPartyEdgeRefs = new Set<string>();
    const firstPartyRefs: string[] = [];
    for (const inv of asm.inventories) {
      const keyToNode = new Map<string, Node>();
      for (const pkg of inv.packages) {
        const mergeKey = pkg.purl && !pkg.firstParty ? pkg.purl : `${inv.source}#${pkg.key}`;
        let node = local.get(mergeKey);
        if (!node) {
          const ref = uniqueRef(
            nestedPrefix +
              (pkg.purl ??
                `${pkg.firstParty ? 'first-party' : 'unnamed'}:${inv.source}#${pkg.key}`),
          );
          const c = makeComponent(
            pkg,
            ref,
            pkg.firstParty ? Enums.ComponentType.Application : Enums.ComponentType.Library,
          );
          node = { ref, component: c, scopes: 0 };
          local.set(mergeKey, node);
          nodes.set(ref, node);
          componentCount++;
          if (pkg.firstParty) {
            firstPartyRefs.push(ref);
            comp.components.add(c);
          } else {
            ecosystems[pkg.ecosystem]++;
            if (isRoot) topLevel.push(c);
            else comp.components.add(c);
          }
        } else {
          // Seen in another lockfile: keep the hashes it did not have, widen the scope.
          const hashes = node.component.hashes;
          for (const h of pkg.hashes ?? []) {
            const alg = h.alg as Enums.HashAlgorithm;
            if (!hashes.has(alg)) hashes.set(alg, h.content);
          }
        }
        node.scopes |= pkg.scope ? SCOPE_BIT[pkg.scope] : REQUIRED;
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
    for (const child of asm.children) {
      const c = visit(child, nestedPrefix, false);
      if (isRoot) topLevel.push(c);
      else comp.components.add(c);
    }
    compositions.push({ aggregate: asm.completeness, assemblies: [asmRef] });
    for (const r of firstPartyEdgeRefs) graphRefs.delete(r);
    if (graphRefs.size > 0)
      compositions.push({ aggregate: 'complete', dependencies: [...graphRefs].sort() });
    if (firstPartyEdgeRefs.size > 0) {
      compositions.push({
        aggregate: 'incomplete_first_party_only',
        dependencies: [...firstPartyEdgeRefs].sort(),
      });
    }
    return comp;
  };

  const topLevel: Models.Component[] = [];
  const rootComponent = visit(root, '', true);

  // Scope: required if any input needs it at run time, else optional, else excluded.
  for (const node of nodes.values()) {
    if (node.scopes === 0) continue;
    if (node.scopes & REQUIRED) node.component.scope = undefined;
    else if (node.scopes & OPTIONAL) node.component.scope = Enums.ComponentScope.Optional;
    else node.component.scope = Enums.ComponentScope.Excluded;
  }

  const spec = Spec.SpecVersionDict[options.specVersion as Spec.Version]!;
  const bom = new Models.Bom();
  bom.metadata.component = rootComponent;
  bom.metadata.tools.components.add(
    new Models.Component(Enums.ComponentType.Library, TOOL_NAME, { version: VERSION }),
  );
  if (options.sourceDateEpoch !== undefined)
    bom.metadata.timestamp = new Date(options.sourceDateEpoch * 1000);
  else bom.metadata.timestamp = new Date();
  for (const c of topLevel) bom.components.add(c);

  // The library normalises the metadata and the components. Not the whole Bom: its dependency
  // graph (every component a leaf, the edges being ours) would be worked out only to be
  // replaced; the header fields come from an empty Bom. Not sorted by the library either: it
  // sorts with `localeCompare`, whose order follows the machine's locale (Lithuanian puts `y`
  // before `j`), so the same input would give another document on another machine.
  const factory = new Serialize.JSON.Normalize.Factory(spec);
  const unsorted = { sortLists: false };
  const head = factory.makeForBom().normalize(new Models.Bom(), unsorted);
  const metadata = factory.makeForMetadata().normalize(bom.metadata, unsorted);
  const components =
    bom.components.size > 0
      ? factory.makeForComponent().normalizeIterable(bom.components, unsorted)
      : [];
  if (metadata.component !== undefined) orderComponent(metadata.component);
  orderComponents(components);
  const dependencies = [...nodes.values()]
    .filter((n) => n.deps !== undefined)
    .map((n) => ({ ref: n.ref, dependsOn: [...n.deps!].sort() }))
    .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
  // By their JSON text, each written once (not once per comparison: they list every ref).
  const compositionKeys = new Map(compositions.map((c) => [c, JSON.stringify(c)]));
  compositions.sort((a, b) => (compositionKeys.get(a)! < compositionKeys.get(b)! ? -1 : 1));

  const doc: Record<string, unknown> = {
    $schema: head.$schema,
    bomFormat: head.bomFormat,
    specVersion: head.specVersion,
    serialNumber: '',
    version: 1,
    metadata,
    components,
    dependencies,
    compositions,
  };
  if (options.sourceDateEpoch !== undefined) {
    // Same content, same serial number: a UUID (version 8 layout) from the document's SHA-256.
    const { createHash } = process.getBuiltinModule('node:crypto');
    const h = createHash('sha256').update(JSON.stringify(doc)).digest('hex');
    const v = ((Number.parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16);
    doc.serialNumber = `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${v}${h.slice(17, 20)}-${h.slice(20, 32)}`;
  } else {
    doc.serialNumber = `urn:uuid:${randomUuid()}`;
  }
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  const bytes = Buffer.byteLength(json);
  if (bytes > MAX_BOM_BYTES) {
    throw new SbomError({
      code: 'BOM_TOO_LARGE',
      message: `the SBOM is ${(bytes / 1048576).toFixed(1)} MiB, over the 16 MiB GitHub accepts for an attestation`,
    });
  }
  return { bom: doc, json, componentCount, ecosystems };
}
