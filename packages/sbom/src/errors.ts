import { BaseError } from '@build-artifact/core';

export type SbomErrorCode =
  | 'MALFORMED_LOCKFILE'
  | 'MALFORMED_BINARY'
  | 'UNSUPPORTED_INPUT'
  | 'NO_INPUTS'
  | 'LIMIT_EXCEEDED'
  | 'BOM_TOO_LARGE'
  | 'INVALID_BOM';

/** Every error of this package: the file it concerns and, where there is one, the line. */
export class SbomError extends BaseError<SbomErrorCode> {
  readonly file?: string;
  readonly line?: number;

  constructor(options: {
    code: SbomErrorCode;
    message: string;
    file?: string;
    line?: number;
    cause?: unknown;
  }) {
    const where =
      options.file === undefined
        ? ''
        : options.line === undefined
          ? `${options.file}: `
          : `${options.file}:${options.line}: `;
    super({ code: options.code, message: where + options.message, cause: options.cause });
    if (options.file !== undefined) this.file = options.file;
    if (options.line !== undefined) this.line = options.line;
  }
}

/** A lockfile that cannot be read as what its name says it is. */
export function malformed(
  file: string,
  message: string,
  line?: number,
  cause?: unknown,
): SbomError {
  return new SbomError({ code: 'MALFORMED_LOCKFILE', message, file, line, cause });
}

/** The 1-based line of a character offset, for error messages. */
export function lineAt(text: string, offset: number): number {
  let line = 1;
  const end = Math.min(offset, text.length);
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
