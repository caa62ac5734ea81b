import { BaseError } from '@build-artifact/core';

export type ActionErrorCode =
  | 'INVALID_INPUT'
  | 'MISSING_ID_TOKEN_PERMISSION'
  | 'DIGEST_MISMATCH'
  | 'MISSING_FILE'
  | 'UNEXPECTED_FILE'
  | 'BUILD_FAILED'
  | 'VERIFICATION_FAILED';

export class ActionError extends BaseError<ActionErrorCode> {}
