import type * as Spec from '@cyclonedx/cyclonedx-library/Spec';
import { SbomError } from './errors.js';

/**
 * Checks a BOM against the official CycloneDX JSON schema (strict) and, since the schema cannot,
 * that every bom-ref is unique and every dependency ref names a component. Throws INVALID_BOM.
 */
export async function validateBom(json: string): Promise<void> {
  const doc = JSON.parse(json) as Record<string, unknown>;
  const version = String(doc.specVersion) as Spec.Version;
  // Loaded on use: validation (ajv and the schemas) is for tests and checks, not every run.
  const { JsonStrictValidator } = await import('@cyclonedx/cyclonedx-library/Validation');
  const validator = new JsonStrictValidator(version);
  const errors = await validator.validate(json);
  if (errors !== null) {
    throw new SbomError({
      code: 'INVALID_BOM',
      message: `not valid CycloneDX ${version}: ${JSON.stringify(errors).slice(0, 2000)}`,
    });
  }
  const refs = new Set<string>();
  const collect = (c: Record<string, unknown> | undefined): void => {
    if (!c) return;
    const ref = c['bom-ref'];
    if (typeof ref === 'string') {
      if (refs.has(ref))
        throw new SbomError({ code: 'INVALID_BOM', message: `duplicate bom-ref "${ref}"` });
      refs.add(ref);
    }
    for (const n of (c.components as Record<string, unknown>[] | undefined) ?? []) collect(n);
  };
  collect(
    (doc.metadata as Record<string, unknown> | undefined)?.component as Record<string, unknown>,
  );
  for (const c of (doc.components as Record<string, unknown>[] | undefined) ?? []) collect(c);
  for (const d of (doc.dependencies as { ref: string; dependsOn?: string[] }[] | undefined) ?? []) {
    for (const r of [d.ref, ...(d.dependsOn ?? [])]) {
      if (!refs.has(r))
        throw new SbomError({
          code: 'INVALID_BOM',
          message: `dependency ref "${r}" names no component`,
        });
    }
  }
  for (const c of (doc.compositions as
    | { assemblies?: string[]; dependencies?: string[] }[]
    | undefined) ?? []) {
    for (const r of [...(c.assemblies ?? []), ...(c.dependencies ?? [])]) {
      if (!refs.has(r))
        throw new SbomError({
          code: 'INVALID_BOM',
          message: `composition ref "${r}" names no component`,
        });
    }
  }
}
