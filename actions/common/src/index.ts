export type { Artifact, ArtifactSource } from './artifacts.js';
export { collectArtifacts } from './artifacts.js';
export type { ActionErrorCode } from './error.js';
export { ActionError } from './error.js';
export type { HashedFile } from './hash.js';
export { decodeExpected, formatSums, rehashDirectory } from './hash.js';
export { booleanInput, choiceInput, listInput, requiredInput, stringInput } from './inputs.js';
export { output } from './outputs.js';
export { logProgress } from './progress.js';
export { group, requireIdToken, runAction } from './run.js';
export type {
  BundleFacts,
  SummaryData,
  SummarySbom,
  SummarySubject,
  SummaryTlogEntry,
  SummaryVerification,
} from './summary.js';
export { bundleFacts, rekorLink, summaryMarkdown, writeSummary } from './summary.js';
