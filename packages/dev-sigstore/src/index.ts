export type { GitHubClaims } from './claims.js';
export { defaultClaims, derivedClaims } from './claims.js';
export type { DevSigstoreErrorCode } from './error.js';
export { DevSigstoreError } from './error.js';
export type { DevService, DevSigstore, DevSigstoreOptions } from './server.js';
export { startDevSigstore } from './server.js';
