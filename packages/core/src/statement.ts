import type { DigestSet } from './digest.js';
import { CoreError } from './error.js';
import { STATEMENT_TYPE_V1 } from './media-types.js';

/** in-toto ResourceDescriptor, as used for subjects, materials and byproducts. */
export interface ResourceDescriptor {
  name?: string;
  uri?: string;
  digest?: Record<string, string>;
  content?: string;
  downloadLocation?: string;
  mediaType?: string;
  annotations?: Record<string, unknown>;
}

export interface Subject {
  name: string;
  digest: DigestSet & Record<string, string>;
}

/** in-toto Statement v1. */
export interface Statement<P = unknown> {
  _type: typeof STATEMENT_TYPE_V1;
  subject: Subject[];
  predicateType: string;
  predicate: P;
}

export const MAX_SUBJECTS = 1024;

export function buildStatement<P>(
  subjects: readonly Subject[],
  predicateType: string,
  predicate: P,
): Statement<P> {
  if (subjects.length === 0) {
    throw new CoreError({ code: 'NO_SUBJECTS', message: 'a statement needs at least one subject' });
  }
  if (subjects.length > MAX_SUBJECTS) {
    throw new CoreError({
      code: 'TOO_MANY_SUBJECTS',
      message: `${subjects.length} subjects: at most ${MAX_SUBJECTS} fit in one statement`,
    });
  }
  return {
    _type: STATEMENT_TYPE_V1,
    subject: subjects.map((s) => ({ name: s.name, digest: { ...s.digest } })),
    predicateType,
    predicate,
  };
}

const HEX = /^[0-9a-f]+$/;

/** Checks the shape of an in-toto Statement v1 parsed from JSON; `source` names it in errors. */
export function parseStatement(value: unknown, source = 'statement'): Statement {
  const fail = (what: string): never => {
    throw new CoreError({ code: 'INVALID_STATEMENT', message: `${source}: ${what}` });
  };
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    fail('not a JSON object');
  const s = value as Record<string, unknown>;
  if (s._type !== STATEMENT_TYPE_V1 && s._type !== 'https://in-toto.io/Statement/v0.1') {
    fail(`_type is ${JSON.stringify(s._type)}, expected "${STATEMENT_TYPE_V1}"`);
  }
  if (!Array.isArray(s.subject) || s.subject.length === 0)
    fail('subject must be a non-empty array');
  (s.subject as unknown[]).forEach((sub, i) => {
    const d = (sub as { digest?: unknown } | null)?.digest;
    if (typeof d !== 'object' || d === null || Object.keys(d).length === 0)
      fail(`subject[${i}] has no digest`);
    for (const [alg, hex] of Object.entries(d as object)) {
      if (typeof hex !== 'string' || !HEX.test(hex.toLowerCase()))
        fail(`subject[${i}].digest.${alg} is not hex`);
    }
  });
  if (typeof s.predicateType !== 'string' || s.predicateType === '')
    fail('predicateType must be a non-empty string');
  return s as unknown as Statement;
}
