import { BaseError } from '@build-artifact/core';

export type DevSigstoreErrorCode = 'START_FAILED' | 'INVALID_OPTIONS';

export class DevSigstoreError extends BaseError<DevSigstoreErrorCode> {}
