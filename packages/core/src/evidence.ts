/**
 * One piece of evidence as read, before anything is verified: a Sigstore bundle (or an unsigned
 * in-toto statement) and where it came from (`file`, `file:line` for JSON lines, or an OCI
 * reference of a referrer).
 */
export interface Evidence {
  source: string;
  json: unknown;
}
