export type { BinaryFormat } from './binary.js';
export {
  detectBinaryFormat,
  readUleb128,
  WASM_COMPONENT_HEADER,
  WASM_MODULE_HEADER,
} from './binary.js';
export type { BundleDescription } from './bundle.js';
export { describeBundle, namesAlgorithm, namesDigest } from './bundle.js';
export type { ChecksumEntry } from './checksums.js';
export {
  formatChecksumLine,
  MAX_CHECKSUM_FILE_BYTES,
  parseChecksumFile,
} from './checksums.js';
export type { DigestAlgorithm, DigestSet } from './digest.js';
export {
  assertAlgorithm,
  DIGEST_ALGORITHMS,
  digestBytes,
  digestFile,
  formatDigest,
  parseDigest,
} from './digest.js';
export type { Envelope } from './dsse.js';
export { encodeEnvelope, envelopePayload, preAuthEncoding } from './dsse.js';
export { sourceDateEpoch } from './epoch.js';
export type { CoreErrorCode } from './error.js';
export { BaseError, CoreError, fileError, isBaseError } from './error.js';
export { safeJson, safeText } from './escape.js';
export type { Evidence } from './evidence.js';
export type { FoundFile } from './files.js';
export { expandPaths, subjectName, walkDirectory } from './files.js';
export { GITHUB_ACTIONS_ISSUER, isGitHubActionsIssuer } from './github.js';
export type { JsonDocument } from './json-documents.js';
export {
  checkPayloadDepth,
  MAX_JSON_DEPTH,
  MAX_JSON_DOCUMENTS,
  parseJson,
  parseJsonDocuments,
  unwrapAttestationRecord,
} from './json-documents.js';
export {
  BuildType,
  isSigstoreBundleMediaType,
  MediaType,
  OCI_EMPTY_DIGEST,
  PredicateType,
  STATEMENT_TYPE_V1,
} from './media-types.js';
export type { ProgressCallback, ProgressEvent } from './progress.js';
export type { OpenedFile, ReadRegularFileOptions } from './regular-file.js';
export {
  formatByteLimit,
  MAX_KEY_FILE_BYTES,
  openRegularFile,
  readRegularFile,
  readRegularFileText,
  readRegularFileTextSync,
} from './regular-file.js';
export type { SbomFormat } from './sbom-formats.js';
export {
  DEFAULT_SBOM_FORMAT,
  isSbomFormat,
  isSbomPredicateType,
  SBOM_FORMATS,
  SBOM_PREDICATE_TYPES,
  sbomFormatOf,
} from './sbom-formats.js';
export type { SidecarKind } from './sidecars.js';
export { EVIDENCE_SIDECARS, Sidecar, sidecarPath } from './sidecars.js';
export type { ResourceDescriptor, Statement, Subject } from './statement.js';
export { buildStatement, MAX_SUBJECTS, parseStatement } from './statement.js';
export type { ArtifactSource, CollectedArtifact, SubjectOptions } from './subjects.js';
export {
  collectArtifacts,
  dedupeSubjects,
  mapConcurrent,
  subjectsFromChecksumFile,
  subjectsFromPaths,
} from './subjects.js';
export { writeFileAtomic } from './write.js';
