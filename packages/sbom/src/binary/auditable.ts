import type { AuditablePackage } from '../model.js';

/** Inflated `.dep-v0` JSON is small (kilobytes); anything past this is a zip bomb. */
export const MAX_AUDIT_JSON = 8 * 1024 * 1024;

/**
 * All the `.dep-v0` sections of one file together (a component can hold any number of core
 * modules, each with its own): zlib expands up to ~1000 times, so a cap per section alone would
 * let 100 MB of small bombs inflate 100 GB.
 */
export const MAX_AUDIT_JSON_TOTAL = 4 * MAX_AUDIT_JSON;

export class AuditableError extends Error {
  constructor(
    message: string,
    readonly limit = false,
  ) {
    super(message);
  }
}

/**
 * cargo-auditable's `.dep-v0`: zlib-compressed JSON of the crates compiled in. `budget` is what
 * the other sections of the same file left of MAX_AUDIT_JSON_TOTAL; this one takes its share.
 */
export function decodeDepV0(
  bytes: Uint8Array,
  budget: { left: number } = { left: MAX_AUDIT_JSON },
): AuditablePackage[] {
  let json: Buffer;
  const cap = Math.min(MAX_AUDIT_JSON, budget.left);
  if (cap <= 0)
    throw new AuditableError(
      `the .dep-v0 sections inflate past ${MAX_AUDIT_JSON_TOTAL} bytes together`,
      true,
    );
  try {
    // zlib is loaded here, when a binary has a `.dep-v0`, not with the package: most runs read
    // lockfiles only.
    const { inflateSync } = process.getBuiltinModule('node:zlib');
    json = inflateSync(bytes, { maxOutputLength: cap });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new AuditableError(
        cap < MAX_AUDIT_JSON
          ? `the .dep-v0 sections inflate past ${MAX_AUDIT_JSON_TOTAL} bytes together`
          : `.dep-v0 inflates past ${MAX_AUDIT_JSON} bytes`,
        true,
      );
    }
    throw new AuditableError(`.dep-v0 is not a zlib stream: ${(err as Error).message}`);
  }
  budget.left -= json.length;
  let doc: unknown;
  try {
    doc = JSON.parse(json.toString('utf8'));
  } catch (err) {
    throw new AuditableError(`.dep-v0 is not JSON: ${(err as Error).message}`);
  }
  const list = (doc as { packages?: unknown })?.packages;
  if (!Array.isArray(list)) throw new AuditableError('.dep-v0 has no packages array');
  return list.map((p, i) => {
    const r = p as Record<string, unknown>;
    if (
      typeof r?.name !== 'string' ||
      typeof r.version !== 'string' ||
      typeof r.source !== 'string'
    ) {
      throw new AuditableError(`.dep-v0 package #${i} lacks name, version or source`);
    }
    const out: AuditablePackage = { name: r.name, version: r.version, source: r.source };
    if (r.kind === 'build' || r.kind === 'runtime') out.kind = r.kind;
    if (r.root === true) out.root = true;
    if (Array.isArray(r.dependencies)) {
      const deps = r.dependencies.filter(
        (d): d is number => Number.isInteger(d) && d >= 0 && d < list.length && d !== i,
      );
      if (deps.length !== r.dependencies.length)
        throw new AuditableError(`.dep-v0 package #${i} has a bad dependency index`);
      out.dependencies = deps;
    }
    return out;
  });
}
