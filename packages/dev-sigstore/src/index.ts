export type { ClaimSet, ClaimSetName, GitHubClaims } from './claims.js';
export { claimSets, defaultClaims, derivedClaims } from './claims.js';
export type { DevSigstoreErrorCode } from './error.js';
export { DevSigstoreError } from './error.js';
export type { DevService, DevSigstore, DevSigstoreOptions } from './server.js';
export { startDevSigstore } from './server.js';
