export type { ActionErrorCode } from './error.js';
export { ActionError } from './error.js';
export { booleanInput, choiceInput, listInput, requiredInput, stringInput } from './inputs.js';
export { output } from './outputs.js';
export { info, logProgress } from './progress.js';
export type { AttestInputs } from './report.js';
export {
  artifactSource,
  attestRequest,
  reportAttested,
  reportPublished,
  reportVerified,
} from './report.js';
export { group, requireIdToken, runAction } from './run.js';
export type {
  SummaryData,
  SummarySbom,
  SummarySubject,
  SummaryTlogEntry,
  SummaryVerification,
} from './summary.js';
export {
  rekorLink,
  summaryMarkdown,
  text,
  writeReportSummary,
  writeSummary,
} from './summary.js';
