// Sub-path imports: the package root also loads validation and contrib code we do not need here.
import * as Enums from '@cyclonedx/cyclonedx-library/Enums';
import * as Models from '@cyclonedx/cyclonedx-library/Models';
import * as Serialize from '@cyclonedx/cyclonedx-library/Serialize';
import * as Spec from '@cyclonedx/cyclonedx-library/Spec';
import type { Assembly } from './assembly.js';
import { documentJson, type SbomResult } from './format.js';
import { buildGraph, type GraphNode } from './graph.js';
import { byCodePoints } from './order.js';
import { contentUuid, randomUuid } from './uuid.js';
import { TOOL_NAME, VERSION } from './version.js';

export interface BuildOptions {
  specVersion: '1.6' | '1.7';
  /** Seconds since the epoch: timestamp and (derived from content) serial number become fixed. */
  sourceDateEpoch?: number;
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

type NormalizedComponent = Serialize.JSON.Types.Normalized.Component;

/** Components by bom-ref (unique: a total order), then what each holds, all the way down. */
function orderComponents(components: NormalizedComponent[]): void {
  components.sort((a, b) => byCodePoints(a['bom-ref'] ?? '', b['bom-ref'] ?? ''));
  for (const c of components) orderComponent(c);
}

function orderComponent(c: NormalizedComponent): void {
  if (c.hashes !== undefined && c.hashes.length > 1)
    c.hashes.sort((a, b) => byCodePoints(a.alg, b.alg) || byCodePoints(a.content, b.content));
  if (c.properties !== undefined && c.properties.length > 1)
    c.properties.sort(
      (a, b) =>
        byCodePoints(a.name ?? '', b.name ?? '') || byCodePoints(a.value ?? '', b.value ?? ''),
    );
  if (c.components !== undefined) orderComponents(c.components);
}

/**
 * Writes the graph as a CycloneDX document. Third-party packages of the root assembly are
 * top-level components, its first-party parts nest under its own component (metadata), and
 * everything of a nested assembly nests under that assembly's component. The library builds and
 * normalises the components; `dependencies` and `compositions` are written here because the
 * library's model has no compositions, and would list every component as a leaf where we do not
 * know its edges.
 */
export function buildBom(root: Assembly, options: BuildOptions): SbomResult {
  const graph = buildGraph(root);

  const packageComponent = (node: GraphNode): Models.Component => {
    const c = new Models.Component(
      node.firstParty ? Enums.ComponentType.Application : Enums.ComponentType.Library,
      node.name,
      {
        bomRef: node.ref,
        components: NO_COMPONENTS,
        licenses: NO_LICENSES,
        externalReferences: NO_EXTERNAL_REFERENCES,
        dependencies: NO_DEPENDENCIES,
        ...(node.properties === undefined ? { properties: NO_PROPERTIES } : {}),
      },
    );
    if (node.version) c.version = node.version;
    if (node.purl) c.purl = node.purl;
    for (const h of node.hashes) c.hashes.set(h.alg as Enums.HashAlgorithm, h.content);
    if (node.properties !== undefined)
      for (const [k, v] of Object.entries(node.properties))
        c.properties.add(new Models.Property(k, v));
    if (node.scope) c.scope = SCOPE[node.scope];
    return c;
  };

  const topLevel: Models.Component[] = [];
  const assemblyComponent = (node: GraphNode, isRoot: boolean): Models.Component => {
    const comp = new Models.Component(
      node.assemblyType === 'application'
        ? Enums.ComponentType.Application
        : Enums.ComponentType.Library,
      node.name,
      { bomRef: node.ref },
    );
    if (node.version) comp.version = node.version;
    for (const h of node.hashes) comp.hashes.set(h.alg as Enums.HashAlgorithm, h.content);
    for (const [k, v] of Object.entries(node.properties ?? {}))
      comp.properties.add(new Models.Property(k, v));
    for (const m of node.members!) {
      const c = packageComponent(m);
      if (isRoot && !m.firstParty) topLevel.push(c);
      else comp.components.add(c);
    }
    for (const child of node.children!) {
      const c = assemblyComponent(child, false);
      if (isRoot) topLevel.push(c);
      else comp.components.add(c);
    }
    return comp;
  };
  const rootComponent = assemblyComponent(graph.root, true);

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
  const dependencies = [...graph.nodes.values()]
    .filter((n) => n.deps !== undefined)
    .map((n) => ({ ref: n.ref, dependsOn: [...n.deps!].sort(byCodePoints) }))
    .sort((a, b) => byCodePoints(a.ref, b.ref));
  // By their JSON text, each written once (not once per comparison: they list every ref).
  const compositions = graph.compositions;
  const compositionKeys = new Map(compositions.map((c) => [c, JSON.stringify(c)]));
  compositions.sort((a, b) => byCodePoints(compositionKeys.get(a)!, compositionKeys.get(b)!));

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
    // Same content, same serial number.
    doc.serialNumber = `urn:uuid:${contentUuid(JSON.stringify(doc))}`;
  } else {
    doc.serialNumber = `urn:uuid:${randomUuid()}`;
  }
  const json = documentJson(doc);
  return {
    format: 'cyclonedx-json',
    bom: doc,
    json,
    componentCount: graph.componentCount,
    ecosystems: graph.ecosystems,
  };
}
