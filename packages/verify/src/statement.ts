import {
  type DigestAlgorithm,
  MediaType,
  parseStatement,
  type Statement,
} from '@build-artifact/core';
import type { Bundle } from '@sigstore/bundle';
import type { ArtifactData } from './artifact.js';
import { messageDigestAlgorithm } from './crypto.js';
import { quote } from './parse.js';
import { fail, pass, type StageResult } from './stage.js';
import { checkParsedKeys, parseStrictJson } from './strict-json.js';

/**
 * Subjects listed in a result: a batch of a thousand artifacts sharing one statement would
 * otherwise print the thousand subjects a thousand times.
 */
export const MAX_SUMMARY_SUBJECTS = 16;

/** What the result says about the statement (`statement` in the JSON result). */
export interface StatementSummary {
  predicateType: string;
  /** The first `MAX_SUMMARY_SUBJECTS` subjects (a release's provenance may name a thousand). */
  subjects: { name?: string; digest: Record<string, string> }[];
  /** How many subjects the statement has in all. */
  subjectCount: number;
  buildType?: string;
  builderId?: string;
}

export interface StatementFacts {
  /** Absent for a plain message signature, which signs the artifact, not a statement. */
  statement?: Statement;
  summary?: StatementSummary;
  /** The artifact's digests as computed (or given) for the comparison. */
  digest: Partial<Record<DigestAlgorithm, string>>;
}

/** A statement read once per bundle, with its subjects' digests indexed for the subject check. */
export interface IndexedStatement {
  statement: Statement;
  summary: StatementSummary;
  digests: Record<'sha256' | 'sha512', Set<string>>;
}

export function indexStatement(statement: Statement): IndexedStatement {
  const digests = { sha256: new Set<string>(), sha512: new Set<string>() };
  for (const subject of statement.subject)
    for (const algorithm of ['sha256', 'sha512'] as const) {
      const hex = subject.digest[algorithm];
      if (hex !== undefined) digests[algorithm].add(hex.toLowerCase());
    }
  return { statement, summary: summarizeStatement(statement), digests };
}

/** What the evidence must be to count for this purpose. */
export interface StatementWants {
  /** Predicate types that count (named in the failure when none does). */
  predicateTypes: readonly string[];
  /** When given, decides instead which predicate types count (a family, not a list). */
  predicateTypeCounts?: (predicateType: string) => boolean;
  /** Why a plain message signature does not count here; undefined when it does. */
  messageSignatureRefused?: string;
}

export function summarizeStatement(statement: Statement): StatementSummary {
  const p = statement.predicate as
    | { buildDefinition?: { buildType?: unknown }; runDetails?: { builder?: { id?: unknown } } }
    | undefined;
  const buildType = p?.buildDefinition?.buildType;
  const builderId = p?.runDetails?.builder?.id;
  return {
    predicateType: statement.predicateType,
    subjects: statement.subject.slice(0, MAX_SUMMARY_SUBJECTS).map((s) => ({
      ...(s.name !== undefined ? { name: s.name } : {}),
      digest: { ...s.digest },
    })),
    subjectCount: statement.subject.length,
    ...(typeof buildType === 'string' ? { buildType } : {}),
    ...(typeof builderId === 'string' ? { builderId } : {}),
  };
}

/** An unsigned statement read as evidence: its keys one way only, then its shape. */
export function readUnsignedStatement(
  json: unknown,
  source: string,
): StageResult<IndexedStatement> {
  const problem = checkParsedKeys(json);
  if (problem) return fail('parse', 'STATEMENT_INVALID', `${source}: ${problem}`);
  try {
    return pass(indexStatement(parseStatement(json, source)));
  } catch (err) {
    return fail('parse', 'STATEMENT_INVALID', (err as Error).message);
  }
}

/**
 * The DSSE payload: an in-toto statement in UTF-8 JSON whose keys read one way only. It does
 * not depend on the artifact: a batch reads it once per bundle (see the cache).
 */
export function readPayload(
  envelope: { payloadType: string; payload: Uint8Array },
  source: string,
): StageResult<IndexedStatement> {
  if (envelope.payloadType !== MediaType.IN_TOTO)
    return fail(
      'statement',
      'STATEMENT_INVALID',
      `payloadType is ${quote(envelope.payloadType)}, expected ${MediaType.IN_TOTO}`,
    );
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(envelope.payload);
  } catch {
    return fail('statement', 'STATEMENT_INVALID', `${source}: the statement is not UTF-8`);
  }
  const strict = parseStrictJson(text);
  if (!strict.ok)
    return fail('statement', 'STATEMENT_INVALID', `${source}: statement: ${strict.problem}`);
  try {
    return pass(indexStatement(parseStatement(strict.value, `${source}: statement`)));
  } catch (err) {
    return fail('statement', 'STATEMENT_INVALID', (err as Error).message);
  }
}

/** The artifact's digest must be one of the statement's subjects (sha256 or sha512). */
export async function subjectStage(
  indexed: IndexedStatement,
  data: ArtifactData,
): Promise<StageResult<StatementFacts>> {
  const { statement, summary } = indexed;
  const digests: Partial<Record<DigestAlgorithm, string>> = {};
  // The manifest (or index) an OCI artifact was pulled by names it too.
  for (const alias of data.aliases()) {
    const [algorithm, hex] = alias.split(':') as [DigestAlgorithm, string];
    if (indexed.digests[algorithm]?.has(hex)) {
      // The result still reports the file's own digest: that is what was pulled and checked.
      const file = await data.digest('sha256');
      return pass({ statement, summary, digest: file ? { sha256: file } : { [algorithm]: hex } });
    }
  }
  for (const algorithm of ['sha256', 'sha512'] as const) {
    if (indexed.digests[algorithm].size === 0) continue;
    const have = await data.digest(algorithm);
    if (have === undefined) continue;
    digests[algorithm] = have;
    if (indexed.digests[algorithm].has(have))
      return pass({ statement, summary, digest: { [algorithm]: have } });
  }
  if (Object.keys(digests).length === 0) {
    // No subject uses sha256 or sha512: say what the artifact's sha256 is anyway.
    const sha256 = await data.digest('sha256');
    if (sha256) digests.sha256 = sha256;
  }
  const names = statement.subject
    .slice(0, 5)
    .map((s) => (s.name === undefined ? '(unnamed)' : quote(s.name, 80)))
    .join(', ');
  const have =
    Object.entries(digests)
      .map(([a, h]) => `${a}:${h}`)
      .join(', ') || 'unknown';
  return fail(
    'statement',
    'SUBJECT_MISMATCH',
    `the artifact's digest (${have}) is not a subject of the statement (subjects: ${names}${statement.subject.length > 5 ? ', ...' : ''})`,
    { statement, summary, digest: digests },
  );
}

/**
 * Stage 3, the statement and the artifact. DSSE: the payload type, the statement read strictly,
 * its predicate type one of those wanted, the artifact's digest among its subjects. A message
 * signature: only where one counts, and over the artifact's digest.
 */
export async function statementStage(
  bundle: Bundle,
  data: ArtifactData,
  wants: StatementWants,
  readStatement: (envelope: {
    payloadType: string;
    payload: Uint8Array;
  }) => StageResult<IndexedStatement>,
): Promise<StageResult<StatementFacts>> {
  if (bundle.content.$case === 'dsseEnvelope') {
    const read = readStatement(bundle.content.dsseEnvelope);
    if (!read.ok) return read as StageResult<StatementFacts>;
    const { statement, summary } = read.facts;
    const counts = wants.predicateTypeCounts
      ? wants.predicateTypeCounts(statement.predicateType)
      : wants.predicateTypes.includes(statement.predicateType);
    if (!counts)
      return fail(
        'statement',
        'PREDICATE_TYPE_MISMATCH',
        `predicate type is ${quote(statement.predicateType)}, expected ${wants.predicateTypes.join(' or ')}`,
        { statement, summary, digest: {} },
      );
    return subjectStage(read.facts, data);
  }
  if (wants.messageSignatureRefused !== undefined)
    return fail('statement', 'PREDICATE_TYPE_MISMATCH', wants.messageSignatureRefused, {
      digest: {},
    });
  const md = bundle.content.messageSignature.messageDigest;
  const algorithm = messageDigestAlgorithm(md);
  if (!md || !algorithm)
    return fail(
      'statement',
      'SUBJECT_MISMATCH',
      `the message digest algorithm ${quote(md?.algorithm ?? '(absent)')} is not sha256 or sha512`,
      { digest: {} },
    );
  const have = await data.digest(algorithm);
  const want = Buffer.from(md.digest).toString('hex');
  const digest = have === undefined ? {} : { [algorithm]: have };
  if (have !== want)
    return fail(
      'statement',
      'SUBJECT_MISMATCH',
      `the artifact's ${algorithm} is ${have}, the signature is over ${want}`,
      { digest },
    );
  return pass({ digest });
}
