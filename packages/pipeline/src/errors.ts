import { BaseError } from '@build-artifact/core';

/**
 * A request a flow cannot carry out as asked (exit 2 at the edges): a bad target, a missing
 * input. A verification that fails is never thrown: it is a result that says which check failed.
 */
export type PipelineErrorCode =
  | 'INVALID_REQUEST'
  | 'INVALID_TARGET'
  | 'DIGEST_MISMATCH'
  | 'MISSING_FILE'
  | 'UNEXPECTED_FILE'
  | 'NOTHING_TO_DO'
  | 'EXAMPLES_NOT_FOUND'
  | 'NOTHING_BUILT'
  | 'STAGE_FAILED';

export class PipelineError extends BaseError<PipelineErrorCode> {
  /** The demo's stage and artifact, when a stage failed. */
  readonly stage?: string;
  readonly artifact?: string;
  /** 1 for a failure of the pipeline's own checks, 2 (the default) for bad input. */
  readonly exitCode: 1 | 2;

  constructor(options: {
    code: PipelineErrorCode;
    message: string;
    cause?: unknown;
    stage?: string;
    artifact?: string;
    exitCode?: 1 | 2;
  }) {
    super(options);
    if (options.stage !== undefined) this.stage = options.stage;
    if (options.artifact !== undefined) this.artifact = options.artifact;
    this.exitCode = options.exitCode ?? 2;
  }
}
