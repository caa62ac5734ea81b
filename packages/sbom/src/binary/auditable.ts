import type { AuditablePackage } from '../model.js';

/** Inflated `.dep-v0` JSON is small (kilobytes); anything past this is a zip bomb. */
export const MAX_AUDIT_JSON = 8 * 1024 * 1024;

export class AuditableError extends Error {
  constructor(
    message: string,
    readonly limit = false,
  ) {
    super(message);
  }
}

/** cargo-auditable's `.dep-v0`: zlib-compressed JSON of the crates compiled in. */
export function decodeDepV0(bytes: Uint8Array): AuditablePackage[] {
  let json: Buffer;
  try {
    // zlib is loaded here, when a binary has a `.dep-v0`, not with the package: most runs read
    // lockfiles only.
    const { inflateSync } = process.getBuiltinModule('node:zlib');
    json = inflateSync(bytes, { maxOutputLength: MAX_AUDIT_JSON });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE' || err instanceof RangeError) {
      throw new AuditableError(`.dep-v0 inflates past ${MAX_AUDIT_JSON} bytes`, true);
    }
    throw new AuditableError(`.dep-v0 is not a zlib stream: ${(err as Error).message}`);
  }
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
