import { readFile, stat } from 'node:fs/promises';
import {
  CoreError,
  fileError,
  parseJsonDocuments,
  unwrapAttestationRecord,
} from '@build-artifact/core';
import { VerifyError } from './errors.js';

/** One bundle (or unsigned statement) as read from a file, with where it came from. */
export interface Evidence {
  /** `file` or `file:line` for JSON lines, or an OCI reference. */
  source: string;
  json: unknown;
}

/**
 * The evidence files looked for beside an artifact, in this order: the provenance bundle our
 * tools write, the SBOM attestation, and the `.intoto.jsonl` that slsa-github-generator and
 * many release pipelines publish.
 */
export const EVIDENCE_SUFFIXES = [
  '.sigstore.json',
  '.sbom.sigstore.json',
  '.intoto.jsonl',
] as const;

/**
 * Parses a bundle file: one JSON document, or JSON lines (one bundle per line, as
 * `gh attestation download` and `.intoto.jsonl` files hold them). GitHub attestation API
 * records (`{"bundle": {...}}`) are unwrapped.
 */
export function parseEvidence(text: string, source: string): Evidence[] {
  try {
    return parseJsonDocuments(text, source).map((d) => ({
      source: d.source,
      json: unwrapAttestationRecord(d.json),
    }));
  } catch (err) {
    if (!(err instanceof CoreError)) throw err;
    throw new VerifyError({ code: 'INVALID_EVIDENCE', message: err.message, cause: err });
  }
}

/** Reads and parses one evidence file; unreadable files are a VerifyError naming the file. */
export async function readEvidence(path: string): Promise<Evidence[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const e = fileError(path, err);
    throw new VerifyError({ code: 'EVIDENCE_UNREADABLE', message: e.message, cause: err });
  }
  return parseEvidence(text, path);
}

/** Evidence files that exist beside `artifactPath` (see EVIDENCE_SUFFIXES). */
export async function findEvidenceFiles(artifactPath: string): Promise<string[]> {
  const found: string[] = [];
  for (const suffix of EVIDENCE_SUFFIXES) {
    const candidate = artifactPath + suffix;
    try {
      if ((await stat(candidate)).isFile()) found.push(candidate);
    } catch {
      // absent: fine
    }
  }
  return found;
}
