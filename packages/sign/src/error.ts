import { BaseError } from '@build-artifact/core';

export type SignErrorCode =
  | 'INVALID_OPTIONS'
  | 'INVALID_KEY'
  | 'TOKEN_FAILED'
  | 'FULCIO_FAILED'
  | 'REKOR_FAILED'
  | 'TSA_FAILED'
  | 'SIGN_FAILED'
  | 'PREDICATE_TOO_LARGE'
  | 'API_FAILED';

export class SignError extends BaseError<SignErrorCode> {}
