import type { Failure, FailureReason, VerifyStage } from './errors.js';

export const STAGE_ORDER: readonly VerifyStage[] = [
  'parse',
  'crypto',
  'statement',
  'identity',
  'cross-check',
  'level',
  'sbom',
  // A verification summary's own fields, after its bundle passed the stages above.
  'summary',
];

/**
 * What a stage returns: its facts, or why it failed (a value, never thrown) with the facts it
 * had found by then (a failed subject check still says what the statement and the digest were).
 */
export type StageResult<T> =
  | { ok: true; facts: T }
  | { ok: false; failure: Failure; facts?: Partial<T> };

export const pass = <T>(facts: T): StageResult<T> => ({ ok: true, facts });

export const fail = <T = never>(
  stage: VerifyStage,
  reason: FailureReason,
  message: string,
  facts?: Partial<T>,
): StageResult<T> => ({
  ok: false,
  failure: { reason, message, stage },
  ...(facts !== undefined ? { facts } : {}),
});
