import { createHash } from 'node:crypto';
import type { Bundle } from '@sigstore/bundle';
import { json } from '@sigstore/core';
import type { ArtifactData } from './artifact.js';
import { type CryptoFacts, cryptoStage, messageDigestAlgorithm } from './crypto.js';
import type { Evidence } from './evidence.js';
import { type ParsedEvidence, parseStage } from './parse.js';
import type { StageResult } from './stage.js';
import { type IndexedStatement, readPayload } from './statement.js';
import type { Trust } from './trust.js';

/**
 * Remembers what does not depend on the artifact, per distinct bundle: the cryptography stage's
 * outcome (per trust), and the evidence's parse and signed statement (per evidence object), so
 * that a batch of artifacts sharing one bundle verifies its signature, chain, log entries and
 * timestamps once and reads its statement once. Create one per batch with
 * `createVerificationCache()` and pass it to every `verifyArtifact`.
 */
export interface VerificationCache {
  /** How often the cryptography ran (misses) and was reused (hits), and how many it holds. */
  stats(): { entries: number; hits: number; misses: number };
}

/** A bundle's identity: the SHA-256 (hex) of its RFC 8785 (JCS) JSON, however it was formatted. */
export function evidenceDigest(value: unknown): string {
  return createHash('sha256').update(json.canonicalize(value)).digest('hex');
}

class BatchCache implements VerificationCache {
  /** Per trust (its roots and key): bundle key -> the stage's outcome, shared while it runs. */
  private readonly byTrust = new WeakMap<Trust, Map<string, Promise<StageResult<CryptoFacts>>>>();
  /** The same evidence object is hashed once, however many artifacts it is checked against. */
  private readonly keys = new WeakMap<object, string>();
  private readonly parsed = new WeakMap<object, StageResult<ParsedEvidence>>();
  private readonly statements = new WeakMap<Bundle, StageResult<IndexedStatement>>();
  private hits = 0;
  private misses = 0;
  private entries = 0;

  stats() {
    return { entries: this.entries, hits: this.hits, misses: this.misses };
  }

  /** The parse stage, once per evidence object. */
  parse(evidence: Evidence): StageResult<ParsedEvidence> {
    const json = evidence.json;
    if (typeof json !== 'object' || json === null) return parseStage(evidence);
    let parsed = this.parsed.get(json);
    if (!parsed) {
      parsed = parseStage(evidence);
      this.parsed.set(json, parsed);
    }
    return parsed;
  }

  /** A DSSE bundle's statement, read (strictly) and indexed once per parsed bundle. */
  statement(bundle: Bundle, source: string) {
    return (envelope: { payloadType: string; payload: Uint8Array }) => {
      let read = this.statements.get(bundle);
      if (!read) {
        read = readPayload(envelope, source);
        this.statements.set(bundle, read);
      }
      return read;
    };
  }

  /** The evidence's digest (see evidenceDigest), computed once per evidence object. */
  digestOf(json: object): string {
    let key = this.keys.get(json);
    if (key === undefined) {
      key = evidenceDigest(json);
      this.keys.set(json, key);
    }
    return key;
  }

  /**
   * The crypto stage, once per bundle and trust. `json` is the bundle as read (its depth bounded
   * by the parse stage). A message signature is over the artifact, so its key includes the
   * digest it is verified against: the file's own when there is a file, else the given one.
   */
  async crypto(
    json: object,
    bundle: Bundle,
    data: ArtifactData,
    trust: Trust,
    now: number,
  ): Promise<StageResult<CryptoFacts>> {
    let key = this.digestOf(json);
    if (bundle.content.$case === 'messageSignature') {
      const algorithm =
        messageDigestAlgorithm(bundle.content.messageSignature.messageDigest) ?? 'sha256';
      const digest = data.hasFile()
        ? await data.fileDigest(algorithm)
        : await data.digest(algorithm);
      key += ` ${algorithm}:${digest ?? 'none'}`;
    }
    let perTrust = this.byTrust.get(trust);
    if (!perTrust) {
      perTrust = new Map();
      this.byTrust.set(trust, perTrust);
    }
    const known = perTrust.get(key);
    if (known) {
      this.hits++;
      return known;
    }
    this.misses++;
    this.entries++;
    const outcome = cryptoStage(bundle, data, trust, now);
    perTrust.set(key, outcome);
    // An input error (an unreadable artifact) is not a fact about the bundle: not kept.
    outcome.catch(() => {
      perTrust.delete(key);
      this.entries--;
    });
    return outcome;
  }
}

/** A cache for a batch of verifications (see `VerificationCache`). */
export function createVerificationCache(): VerificationCache {
  return new BatchCache();
}

/** The cache's working side, for verifyArtifact; a cache not made here is refused. */
export function cacheOf(cache: VerificationCache | undefined): BatchCache {
  if (cache === undefined) return new BatchCache();
  if (!(cache instanceof BatchCache))
    throw new TypeError('options.cache must come from createVerificationCache()');
  return cache;
}
