import type { LockfileKind } from '../detect.js';
import type { Inventory } from '../model.js';
import { parseCargoLock } from './cargo.js';
import { parseGoModWithSum } from './gomod.js';
import { parsePackageLock } from './npm.js';
import { parsePnpmLock } from './pnpm.js';
import { parsePdmLock, parsePipfileLock, parsePoetryLock, parseUvLock } from './python.js';
import { parseRequirements, type ReadText } from './requirements.js';
import { parseYarnLock } from './yarn.js';

/** How parsers read the files a lockfile points at (go.sum, `-r` includes). */
export interface ReadCompanion {
  required: ReadText;
  optional: (path: string) => string | undefined;
}

/** Parses a lockfile's text with the parser of its kind. */
export function parseLockfile(
  kind: LockfileKind,
  text: string,
  file: string,
  read: ReadCompanion,
): Inventory {
  switch (kind) {
    case 'cargo':
      return parseCargoLock(text, file);
    case 'gomod':
      return parseGoModWithSum(text, file, read);
    case 'uv':
      return parseUvLock(text, file);
    case 'poetry':
      return parsePoetryLock(text, file);
    case 'pdm':
      return parsePdmLock(text, file);
    case 'pipfile':
      return parsePipfileLock(text, file);
    case 'requirements':
      return parseRequirements(text, file, read.required);
    case 'npm':
      return parsePackageLock(text, file);
    case 'pnpm':
      return parsePnpmLock(text, file);
    case 'yarn':
      return parseYarnLock(text, file);
  }
}
