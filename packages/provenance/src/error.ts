import { BaseError } from '@build-artifact/core';

export type ProvenanceErrorCode =
  | 'INVALID_TOKEN'
  | 'OIDC_DISCOVERY_FAILED'
  | 'MISSING_CLAIMS'
  | 'INVALID_DEPENDENCY'
  | 'INVALID_SERVER_URL'
  | 'SERVER_URL_MISMATCH';

export class ProvenanceError extends BaseError<ProvenanceErrorCode> {}
