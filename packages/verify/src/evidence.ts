import { readFile, stat } from 'node:fs/promises';
import { fileError } from '@build-artifact/core';
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
  const trimmed = text.trim();
  if (trimmed === '') {
    throw new VerifyError({ code: 'INVALID_EVIDENCE', message: `${source}: the file is empty` });
  }
  try {
    return [{ source, json: unwrap(JSON.parse(trimmed)) }];
  } catch {
    // Not one JSON document: read it as JSON lines.
  }
  const out: Evidence[] = [];
  const lines = text.split('\n');
  lines.forEach((line, i) => {
    if (line.trim() === '') return;
    try {
      out.push({ source: `${source}:${i + 1}`, json: unwrap(JSON.parse(line)) });
    } catch (err) {
      throw new VerifyError({
        code: 'INVALID_EVIDENCE',
        message: `${source}:${i + 1}: not JSON (${(err as Error).message})`,
      });
    }
  });
  return out;
}

function unwrap(value: unknown): unknown {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    if (record.mediaType === undefined && typeof record.bundle === 'object') return record.bundle;
  }
  return value;
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
