import { BaseError } from '@build-artifact/core';

export type ProvenanceErrorCode =
  | 'INVALID_TOKEN'
  | 'OIDC_DISCOVERY_FAILED'
  | 'MISSING_CLAIMS'
  | 'INVALID_DEPENDENCY';

export class ProvenanceError extends BaseError<ProvenanceErrorCode> {}
