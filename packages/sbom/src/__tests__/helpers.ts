import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
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

export interface Spdx {
  spdxVersion: string;
  dataLicense: string;
  SPDXID: string;
  name: string;
  documentNamespace: string;
  creationInfo: { created: string; creators: string[] };
  packages: SpdxPackage[];
  relationships: { spdxElementId: string; relationshipType: string; relatedSpdxElement: string }[];
}
export interface SpdxPackage {
  SPDXID: string;
  name: string;
  versionInfo?: string;
  primaryPackagePurpose?: string;
  checksums?: { algorithm: string; checksumValue: string }[];
  externalRefs?: { referenceCategory: string; referenceType: string; referenceLocator: string }[];
  annotations?: { annotationDate: string; annotator: string; comment: string }[];
  licenseDeclared?: string;
}

const SPDX_SCHEMA = join(import.meta.dirname, '__fixtures__', 'spdx-2.3.schema.json');
let spdxValidator: ((doc: unknown) => boolean) & { errors?: unknown } = undefined as never;

/** The official SPDX 2.3 JSON schema (see __fixtures__/spdx-2.3.schema.md), compiled once. */
function spdxSchemaValidator() {
  if (!spdxValidator) {
    const ajv = new Ajv({ allErrors: true, strict: false });
    spdxValidator = ajv.compile(JSON.parse(readFileSync(SPDX_SCHEMA, 'utf8')));
  }
  return spdxValidator;
}

// What SPDX 2.3 requires in its text (and the 2.3.1 schema checks with patterns) but the 2.3
// schema does not.
const SPDX_ID = /^SPDXRef-[A-Za-z0-9.-]+$/;
const SPDX_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\dZ$/;
const CHECKSUM_HEX: Record<string, number> = { SHA1: 40, SHA256: 64, SHA384: 96, SHA512: 128 };

/**
 * Parses and checks an SPDX document: valid against the official 2.3 schema, and consistent the
 * way the specification's text requires: unique well-formed identifiers, relationships between
 * elements that exist, one root described, every package reachable from it, a namespace that is
 * an absolute URI without `#`, dates without fractions, lower-case hex checksums of the right
 * length, purls that parse.
 */
export function validateSpdx(json: string): Spdx {
  const doc = JSON.parse(json) as Spdx;
  const validate = spdxSchemaValidator();
  if (!validate(doc))
    throw new Error(`not valid SPDX 2.3: ${JSON.stringify(validate.errors).slice(0, 2000)}`);
  if (doc.spdxVersion !== 'SPDX-2.3' || doc.dataLicense !== 'CC0-1.0')
    throw new Error('not an SPDX 2.3 document under CC0-1.0');
  const ns = new URL(doc.documentNamespace);
  if (!ns.protocol || doc.documentNamespace.includes('#'))
    throw new Error(`bad documentNamespace ${doc.documentNamespace}`);
  if (!SPDX_DATE.test(doc.creationInfo.created))
    throw new Error(`bad created ${doc.creationInfo.created}`);
  const ids = new Set<string>();
  for (const p of doc.packages) {
    if (!SPDX_ID.test(p.SPDXID)) throw new Error(`bad SPDXID ${p.SPDXID}`);
    if (ids.has(p.SPDXID)) throw new Error(`duplicate SPDXID ${p.SPDXID}`);
    ids.add(p.SPDXID);
    for (const c of p.checksums ?? []) {
      if (
        !/^[0-9a-f]+$/.test(c.checksumValue) ||
        c.checksumValue.length !== CHECKSUM_HEX[c.algorithm]
      )
        throw new Error(`bad ${c.algorithm} checksum of ${p.SPDXID}`);
    }
    for (const r of p.externalRefs ?? []) {
      if (r.referenceType === 'purl') PackageURL.fromString(r.referenceLocator);
      if (/\s/.test(r.referenceLocator)) throw new Error(`space in a locator of ${p.SPDXID}`);
    }
    for (const a of p.annotations ?? [])
      if (!SPDX_DATE.test(a.annotationDate)) throw new Error(`bad annotation date in ${p.SPDXID}`);
  }
  const edges = new Map<string, string[]>();
  const described: string[] = [];
  for (const r of doc.relationships) {
    if (r.spdxElementId === 'SPDXRef-DOCUMENT') {
      if (r.relationshipType !== 'DESCRIBES') throw new Error(`document ${r.relationshipType}`);
      described.push(r.relatedSpdxElement);
    } else if (!ids.has(r.spdxElementId)) {
      throw new Error(`relationship from unknown ${r.spdxElementId}`);
    }
    if (r.relatedSpdxElement === 'NONE' || r.relatedSpdxElement === 'NOASSERTION') continue;
    if (!ids.has(r.relatedSpdxElement))
      throw new Error(`relationship to unknown ${r.relatedSpdxElement}`);
    edges.set(r.spdxElementId, [...(edges.get(r.spdxElementId) ?? []), r.relatedSpdxElement]);
  }
  if (described.length !== 1) throw new Error(`${described.length} packages described`);
  const seen = new Set<string>();
  const stack = [...described];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(edges.get(id) ?? []));
  }
  const orphans = [...ids].filter((id) => !seen.has(id));
  if (orphans.length > 0) throw new Error(`not reachable from the root: ${orphans.slice(0, 5)}`);
  return doc;
}

/** `name@version purl` of every package of an SPDX document. */
export function spdxPackageSet(doc: Spdx): Set<string> {
  return new Set(
    doc.packages.map(
      (p) =>
        `${p.name}@${p.versionInfo ?? ''} ${p.externalRefs?.find((r) => r.referenceType === 'purl')?.referenceLocator ?? ''}`,
    ),
  );
}

/** The same of every component of a CycloneDX BOM, the root and nested ones included. */
export function cdxPackageSet(doc: Cdx): Set<string> {
  const out = new Set<string>();
  const walk = (c: CdxComponent): void => {
    out.add(`${c.name}@${c.version ?? ''} ${c.purl ?? ''}`);
    for (const n of c.components ?? []) walk(n);
  };
  walk(doc.metadata.component);
  for (const c of doc.components) walk(c);
  return out;
}
