import { PackageURL } from 'packageurl-js';

/** PEP 503 normalised name: lower case, runs of `-`, `_` and `.` become one `-`. */
export function pep503(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

export function npmPurl(name: string, version: string): string {
  const slash = name.startsWith('@') ? name.indexOf('/') : -1;
  const namespace = slash > 0 ? name.slice(0, slash) : undefined;
  const base = slash > 0 ? name.slice(slash + 1) : name;
  return new PackageURL('npm', namespace, base, version, undefined, undefined).toString();
}

export function pypiPurl(
  name: string,
  version: string,
  qualifiers?: Record<string, string>,
): string {
  return new PackageURL('pypi', undefined, pep503(name), version, qualifiers, undefined).toString();
}

export function golangPurl(path: string, version: string): string {
  const slash = path.lastIndexOf('/');
  const namespace = slash > 0 ? path.slice(0, slash) : undefined;
  const base = slash > 0 ? path.slice(slash + 1) : path;
  return new PackageURL(
    'golang',
    namespace,
    base,
    version || undefined,
    undefined,
    undefined,
  ).toString();
}

export function cargoPurl(
  name: string,
  version: string,
  qualifiers?: Record<string, string>,
): string {
  return new PackageURL('cargo', undefined, name, version, qualifiers, undefined).toString();
}
