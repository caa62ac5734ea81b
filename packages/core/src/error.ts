/**
 * The one error shape of every package: a string-literal `code` that callers switch on, an
 * optional `cause`, and the class name as `name` so logs say which package threw.
 */
export class BaseError<Code extends string = string> extends Error {
  readonly code: Code;

  constructor(options: { code: Code; message: string; cause?: unknown }) {
    super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.name = this.constructor.name;
  }
}

export type CoreErrorCode =
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'NOT_REGULAR_FILE'
  | 'FILE_TOO_LARGE'
  | 'INVALID_ALGORITHM'
  | 'INVALID_CHECKSUM_FILE'
  | 'INVALID_STATEMENT'
  | 'INVALID_ENVELOPE'
  | 'INVALID_JSON'
  | 'JSON_TOO_DEEP'
  | 'TOO_MANY_DOCUMENTS'
  | 'DUPLICATE_SUBJECT'
  | 'DIGEST_MISMATCH'
  | 'TOO_MANY_SUBJECTS'
  | 'NO_SUBJECTS'
  | 'INVALID_SOURCE_DATE_EPOCH';

export class CoreError extends BaseError<CoreErrorCode> {}

/** True for errors thrown by any build-artifact package (they all extend BaseError). */
export function isBaseError(value: unknown): value is BaseError {
  return value instanceof BaseError;
}

/** Turns a Node.js fs error into a CoreError that names the file. */
export function fileError(path: string, err: unknown): CoreError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') {
    return new CoreError({
      code: 'FILE_NOT_FOUND',
      message: `${path}: no such file or directory`,
      cause: err,
    });
  }
  const reason =
    code === 'EACCES'
      ? 'permission denied'
      : code === 'EISDIR'
        ? 'is a directory'
        : code === 'ELOOP'
          ? 'too many levels of symbolic links'
          : ((err as Error)?.message ?? String(err));
  return new CoreError({ code: 'FILE_UNREADABLE', message: `${path}: ${reason}`, cause: err });
}
