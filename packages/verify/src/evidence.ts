import { stat } from 'node:fs/promises';
import {
  CoreError,
  checkPayloadDepth,
  EVIDENCE_SIDECARS,
  type Evidence,
  parseJsonDocuments,
  readRegularFileText,
  Sidecar,
  unwrapAttestationRecord,
} from '@build-artifact/core';
import { VerifyError } from './errors.js';

export type { Evidence } from '@build-artifact/core';

/**
 * The largest evidence file read: a bundle of the largest SBOM GitHub accepts (16 MiB of
 * predicate, a third more in base64) with room for a few more bundles beside it.
 */
export const MAX_EVIDENCE_FILE_BYTES = 64 * 1024 * 1024;

/**
 * The evidence files looked for beside an artifact, in this order (core's EVIDENCE_SIDECARS): the
 * provenance bundle our tools write, the SBOM attestation, the `.intoto.jsonl` that
 * slsa-github-generator and many release pipelines publish, and a verifier's summary (VSA).
 */
export const EVIDENCE_SUFFIXES: readonly string[] = EVIDENCE_SIDECARS.map((kind) => Sidecar[kind]);

/**
 * Parses a bundle file: one JSON document, or JSON lines (one bundle per line, as
 * `gh attestation download` and `.intoto.jsonl` files hold them). GitHub attestation API
 * records (`{"bundle": {...}}`) are unwrapped. Limits (INVALID_EVIDENCE beyond them): at most
 * MAX_JSON_DOCUMENTS documents, each, and each bundle's DSSE payload, nesting at most
 * MAX_JSON_DEPTH levels.
 */
export function parseEvidence(text: string, source: string): Evidence[] {
  try {
    return parseJsonDocuments(text, source).map((d) => {
      const json = unwrapAttestationRecord(d.json);
      checkPayloadDepth(json, d.source);
      return { source: d.source, json };
    });
  } catch (err) {
    if (!(err instanceof CoreError)) throw err;
    throw new VerifyError({ code: 'INVALID_EVIDENCE', message: err.message, cause: err });
  }
}

/**
 * Reads and parses one evidence file (see parseEvidence): a regular file of at most
 * MAX_EVIDENCE_FILE_BYTES, else EVIDENCE_UNREADABLE naming the file and what is wrong.
 */
export async function readEvidence(path: string): Promise<Evidence[]> {
  let text: string;
  try {
    text = await readRegularFileText(path, {
      maxBytes: MAX_EVIDENCE_FILE_BYTES,
      what: 'an evidence file',
    });
  } catch (err) {
    if (!(err instanceof CoreError)) throw err;
    throw new VerifyError({ code: 'EVIDENCE_UNREADABLE', message: err.message, cause: err });
  }
  return parseEvidence(text, path);
}

/**
 * Evidence files that exist beside `artifactPath` (see EVIDENCE_SUFFIXES). Whatever has such a
 * name counts, a FIFO or a directory too: reading it then says what is wrong with it, where
 * passing over it would leave the user wondering why their evidence was not seen.
 */
export async function findEvidenceFiles(artifactPath: string): Promise<string[]> {
  const found: string[] = [];
  for (const suffix of EVIDENCE_SUFFIXES) {
    const candidate = artifactPath + suffix;
    try {
      await stat(candidate);
      found.push(candidate);
    } catch {
      // absent (or a dangling link): fine
    }
  }
  return found;
}

/** The evidence given with an artifact, else what is found beside its file (see EVIDENCE_SUFFIXES). */
export async function evidenceFor(input: {
  path?: string;
  evidence?: Evidence[];
}): Promise<Evidence[]> {
  if (input.evidence !== undefined) return input.evidence;
  const found: Evidence[] = [];
  if (input.path !== undefined)
    for (const file of await findEvidenceFiles(input.path))
      for (const e of await readEvidence(file)) found.push(e);
  return found;
}
