import type { LockfileKind } from '../detect.js';
import type { Inventory } from '../model.js';
import { parseCargoLock } from './cargo.js';
import { parseGoMod } from './gomod.js';
import { parsePackageLock } from './npm.js';
import { parsePnpmLock } from './pnpm.js';
import { parsePdmLock, parsePipfileLock, parsePoetryLock, parseUvLock } from './python.js';
import { parseRequirements, type ReadText } from './requirements.js';
import { parseYarnLock } from './yarn.js';

/** Parses a lockfile's text; `read` fetches companions (go.sum, `-r` includes). */
export function parseLockfile(
  kind: LockfileKind,
  text: string,
  file: string,
  read: { required: ReadText; optional: (path: string) => string | undefined },
): Inventory {
  switch (kind) {
    case 'cargo':
      return parseCargoLock(text, file);
    case 'gomod': {
      const sumPath = file.replace(/go\.mod$/, 'go.sum');
      const sum = read.optional(sumPath);
      return parseGoMod(text, file, sum === undefined ? undefined : { text: sum, file: sumPath });
    }
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
