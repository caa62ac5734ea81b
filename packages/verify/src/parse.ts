import { MediaType } from '@build-artifact/core';
import { BUNDLE_V03_LEGACY_MEDIA_TYPE, type Bundle, bundleFromJSON } from '@sigstore/bundle';
import type { Evidence } from './evidence.js';
import { fail, pass, type StageResult } from './stage.js';

/** What a piece of evidence is, before anything about it is believed. */
export type ParsedEvidence =
  | { kind: 'statement'; json: unknown }
  | {
      kind: 'bundle';
      bundle: Bundle;
      /** What the result reports as `bundle`. */
      summary: {
        mediaType: string;
        content: 'dsseEnvelope' | 'messageSignature';
        signedWith: 'certificate' | 'key';
      };
    };

/**
 * The bundle media types of the Sigstore client spec. `@sigstore/bundle` accepts any
 * `v<digit>.<digit>` and any trailing parameters: a version we do not know may mean something
 * we do not check, so only these are read.
 */
const KNOWN_MEDIA_TYPES = new Set<string>([
  MediaType.SIGSTORE_BUNDLE_V01,
  MediaType.SIGSTORE_BUNDLE_V02,
  BUNDLE_V03_LEGACY_MEDIA_TYPE,
  MediaType.SIGSTORE_BUNDLE_V03,
]);

/** A real bundle nests a handful of levels; anything deeper is refused before it is walked. */
const MAX_BUNDLE_DEPTH = 32;

function depthExceeds(value: unknown, max: number): boolean {
  const todo: [unknown, number][] = [[value, 0]];
  while (todo.length > 0) {
    const [v, depth] = todo.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(v)) todo.push([child, depth + 1]);
  }
  return false;
}

const isStatementShaped = (json: unknown): boolean =>
  typeof json === 'object' && json !== null && '_type' in json && 'subject' in json;

/** A value from evidence, quoted for a message: escaped, and cut short. */
export const quote = (value: unknown, max = 120): string => {
  const s = JSON.stringify(value) ?? String(value);
  return s.length > max ? `${s.slice(0, max)}…` : s;
};

/** Stage 1: what the evidence is (an unsigned statement, or a bundle of a known media type). */
export function parseStage(evidence: Evidence): StageResult<ParsedEvidence> {
  const json = evidence.json;
  if (isStatementShaped(json)) return pass({ kind: 'statement', json });
  if (depthExceeds(json, MAX_BUNDLE_DEPTH))
    return fail(
      'parse',
      'BUNDLE_INVALID',
      `not a Sigstore bundle: nested deeper than ${MAX_BUNDLE_DEPTH} levels`,
    );
  const mediaType = (json as { mediaType?: unknown } | null)?.mediaType;
  if (typeof mediaType === 'string' && !KNOWN_MEDIA_TYPES.has(mediaType))
    return fail(
      'parse',
      'BUNDLE_INVALID',
      `unknown bundle media type ${quote(mediaType)}: known are ${[...KNOWN_MEDIA_TYPES].join(', ')}`,
    );
  let bundle: Bundle;
  try {
    bundle = bundleFromJSON(json);
  } catch (err) {
    return fail(
      'parse',
      'BUNDLE_INVALID',
      `not a valid Sigstore bundle: ${(err as Error).message}`,
    );
  }
  return pass({
    kind: 'bundle',
    bundle,
    summary: {
      mediaType: bundle.mediaType,
      content: bundle.content.$case,
      signedWith: bundle.verificationMaterial.content.$case === 'publicKey' ? 'key' : 'certificate',
    },
  });
}
