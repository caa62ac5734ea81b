export type { SignErrorCode } from './error.js';
export { SignError } from './error.js';
export type { SigstoreInstance, SigstoreInstanceName } from './instance.js';
export { GITHUB_INSTANCE, PUBLIC_GOOD, sigstoreInstanceFromEnv } from './instance.js';
export type { RetryOptions } from './retry.js';
export type { KeyedSignOptions, KeylessSignOptions, SignOptions } from './sign.js';
export { publicKeyId, signStatement } from './sign.js';
export type { TokenProvider } from './token.js';
export { actionsTokenProvider, fetchActionsIdToken } from './token.js';
