import { basename } from 'node:path';

export type LockfileKind =
  | 'cargo'
  | 'gomod'
  | 'uv'
  | 'poetry'
  | 'pdm'
  | 'pipfile'
  | 'requirements'
  | 'npm'
  | 'pnpm'
  | 'yarn';

/** The lockfile kind a file name says, or undefined for anything else. */
export function lockfileKind(path: string): LockfileKind | undefined {
  const name = basename(path);
  switch (name) {
    case 'Cargo.lock':
      return 'cargo';
    case 'go.mod':
      return 'gomod';
    case 'uv.lock':
      return 'uv';
    case 'poetry.lock':
      return 'poetry';
    case 'pdm.lock':
      return 'pdm';
    case 'Pipfile.lock':
      return 'pipfile';
    case 'package-lock.json':
    case 'npm-shrinkwrap.json':
      return 'npm';
    case 'pnpm-lock.yaml':
      return 'pnpm';
    case 'yarn.lock':
      return 'yarn';
    default:
      // As syft and cdxgen find them: requirements.txt, requirements-dev.txt, but also
      // dev-requirements.txt and test_requirements.txt.
      return /requirements.*\.txt$/i.test(name) ? 'requirements' : undefined;
  }
}

/** Manifests users might pass instead of their lockfile: said clearly rather than read as binaries. */
export const MANIFESTS: Record<string, string> = {
  'Cargo.toml': 'Cargo.lock',
  'package.json': 'package-lock.json, pnpm-lock.yaml or yarn.lock',
  'pyproject.toml': 'uv.lock, poetry.lock or pdm.lock',
  Pipfile: 'Pipfile.lock',
  'go.sum': 'go.mod',
};

/** Folders never searched for lockfiles. */
export const SKIP_DIRS: ReadonlySet<string> = new Set(['node_modules', 'target', 'vendor', '.git']);
