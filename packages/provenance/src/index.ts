export type { ProvenanceErrorCode } from './error.js';
export { ProvenanceError } from './error.js';
export type { GitHubProvenanceOptions } from './github.js';
export { githubProvenance } from './github.js';
export type { LocalProvenanceOptions } from './local.js';
export { LOCAL_BUILDER_PREFIX, localProvenance } from './local.js';
export type { VerifyTokenOptions } from './oidc.js';
export {
  issuerForServerUrl,
  REQUIRED_CLAIMS,
  serverUrlForIssuer,
  verifyOidcToken,
} from './oidc.js';
export { parseResolvedDependency, provenanceStatement } from './statement.js';
export type { GitHubClaims, SlsaProvenanceV1 } from './types.js';
