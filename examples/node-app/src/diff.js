// Compare two CycloneDX BOMs by component identity (the purl without its version, else the
// name): what was added, removed, upgraded, downgraded, or changed in a way semver cannot order.
import semver from 'semver';

export class BomError extends Error {
  constructor(message) {
    super(message);
    this.name = 'BomError';
  }
}

function* walk(components) {
  // Components nest (a wasm module inside a CLI carries its own Go modules).
  for (const component of components ?? []) {
    yield component;
    yield* walk(component.components);
  }
}

function identity(component) {
  if (component.purl) {
    // pkg:golang/golang.org/x/crypto@v0.4.0?type=module -> pkg:golang/golang.org/x/crypto
    return component.purl.replace(/[?#].*$/, '').replace(/@[^/@]*$/, '');
  }
  return `${component.group ? `${component.group}/` : ''}${component.name}`;
}

/** Map identity -> version (the last one wins when a BOM lists a package twice). */
export function componentVersions(bom) {
  if (bom === null || typeof bom !== 'object' || bom.bomFormat !== 'CycloneDX') {
    throw new BomError("not a CycloneDX BOM (bomFormat is not 'CycloneDX')");
  }
  const versions = new Map();
  for (const component of walk(bom.components)) {
    versions.set(identity(component), component.version ?? '');
  }
  return versions;
}

function compare(before, after) {
  const a = semver.coerce(before, { loose: true });
  const b = semver.coerce(after, { loose: true });
  // Go pseudo-versions and other non-semver strings keep their full text in the report.
  if (!a || !b || semver.eq(a, b)) return 'changed';
  return semver.gt(b, a) ? 'upgraded' : 'downgraded';
}

/** Differences between two BOMs, each list sorted by identity. */
export function diffBoms(oldBom, newBom) {
  const before = componentVersions(oldBom);
  const after = componentVersions(newBom);
  const result = { added: [], removed: [], upgraded: [], downgraded: [], changed: [] };
  for (const [id, version] of after) {
    if (!before.has(id)) result.added.push({ id, version });
    else if (before.get(id) !== version) {
      result[compare(before.get(id), version)].push({ id, from: before.get(id), to: version });
    }
  }
  for (const [id, version] of before) {
    if (!after.has(id)) result.removed.push({ id, version });
  }
  for (const list of Object.values(result)) list.sort((x, y) => (x.id < y.id ? -1 : 1));
  return result;
}
