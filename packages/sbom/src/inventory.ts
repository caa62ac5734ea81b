import { kindOf, READ, readText } from './generate.js';
import { parseLockfile } from './lockfiles/index.js';
import type { Inventory } from './model.js';

/**
 * Parses one lockfile by its name. Synchronous, so it loads every parser with it; `generateSbom`
 * loads only the one each input needs.
 */
export function inventoryFromLockfile(path: string): Inventory {
  const kind = kindOf(path);
  return parseLockfile(kind, readText(path), path, READ);
}
