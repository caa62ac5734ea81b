import { BaseError } from '@build-artifact/core';

export type DemoErrorCode = 'EXAMPLES_NOT_FOUND' | 'STAGE_FAILED' | 'NOTHING_BUILT';

/**
 * A demo stage that failed, naming the stage and the artifact. Exit code 1: the pipeline
 * itself failed, as a verification would, rather than the user's input being wrong.
 */
export class DemoError extends BaseError<DemoErrorCode> {
  readonly exitCode: number;
  readonly stage?: string;
  readonly artifact?: string;
  constructor(options: {
    code: DemoErrorCode;
    message: string;
    cause?: unknown;
    stage?: string;
    artifact?: string;
    exitCode?: number;
  }) {
    super(options);
    this.exitCode = options.exitCode ?? 1;
    if (options.stage) this.stage = options.stage;
    if (options.artifact) this.artifact = options.artifact;
  }
}
