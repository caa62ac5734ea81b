import { join } from 'node:path';
import { PackageURL } from 'packageurl-js';

/** The shared real-world test data, read in place. */
export const LOCKFILES = join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  '..',
  '..',
  'shared',
  'testdata',
  'lockfiles',
);

export interface Cdx {
  components: CdxComponent[];
  dependencies: { ref: string; dependsOn?: string[] }[];
  compositions: { aggregate: string; assemblies?: string[]; dependencies?: string[] }[];
  metadata: { timestamp: string; component: CdxComponent; tools: unknown };
  serialNumber: string;
}
export interface CdxComponent {
  'bom-ref': string;
  type: string;
  name: string;
  version?: string;
  purl?: string;
  scope?: string;
  hashes?: { alg: string; content: string }[];
  properties?: { name: string; value: string }[];
  components?: CdxComponent[];
}

/** `type:namespace/name@version` of each component with a purl of that type. */
export function purlSet(components: CdxComponent[], type: string): Set<string> {
  const out = new Set<string>();
  for (const c of components) {
    if (!c.purl) continue;
    const p = PackageURL.fromString(c.purl);
    if (p.type !== type) continue;
    out.add(`${p.namespace ? `${p.namespace}/` : ''}${p.name}@${p.version ?? ''}`);
  }
  return out;
}

/** Every bom-ref in the document, nested ones included. */
export function allRefs(doc: Cdx): Set<string> {
  const refs = new Set<string>();
  const walk = (c: CdxComponent): void => {
    refs.add(c['bom-ref']);
    for (const n of c.components ?? []) walk(n);
  };
  walk(doc.metadata.component);
  for (const c of doc.components) walk(c);
  return refs;
}

/** Checks the graph: every ref resolvable. */
export function assertGraphResolvable(doc: Cdx): void {
  const refs = allRefs(doc);
  for (const d of doc.dependencies) {
    if (!refs.has(d.ref)) throw new Error(`dangling dependency ref ${d.ref}`);
    for (const r of d.dependsOn ?? [])
      if (!refs.has(r)) throw new Error(`dangling dependsOn ${r} in ${d.ref}`);
  }
  for (const c of doc.compositions) {
    for (const r of [...(c.assemblies ?? []), ...(c.dependencies ?? [])]) {
      if (!refs.has(r)) throw new Error(`dangling composition ref ${r}`);
    }
  }
}
