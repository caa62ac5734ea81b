import * as core from '@actions/core';
import { ActionError } from './error.js';

// Thin typed readers over @actions/core: the runner passes inputs as INPUT_<NAME> with the
// name upper-cased and hyphens kept (INPUT_OCI-REPOSITORY).

export function stringInput(name: string, fallback = ''): string {
  return core.getInput(name).trim() || fallback;
}

export function requiredInput(name: string): string {
  const value = core.getInput(name).trim();
  if (value === '') {
    throw new ActionError({ code: 'INVALID_INPUT', message: `input "${name}" is required` });
  }
  return value;
}

/** Newline-separated values, blank lines and `#` comments dropped. */
export function listInput(name: string): string[] {
  return core
    .getInput(name)
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

export function booleanInput(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim();
  if (raw === '') return fallback;
  if (/^(true|yes|1)$/i.test(raw)) return true;
  if (/^(false|no|0)$/i.test(raw)) return false;
  throw new ActionError({
    code: 'INVALID_INPUT',
    message: `input "${name}" must be true or false, got "${raw}"`,
  });
}

export function choiceInput<T extends string>(name: string, choices: readonly T[], fallback: T): T {
  const raw = core.getInput(name).trim();
  if (raw === '') return fallback;
  if (!(choices as readonly string[]).includes(raw)) {
    throw new ActionError({
      code: 'INVALID_INPUT',
      message: `input "${name}" must be one of ${choices.join(', ')}, got "${raw}"`,
    });
  }
  return raw as T;
}
