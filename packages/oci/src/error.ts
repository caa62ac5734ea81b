import { BaseError } from '@build-artifact/core';

export type OciErrorCode =
  | 'INVALID_REFERENCE'
  | 'INVALID_PLATFORM'
  | 'INVALID_MANIFEST'
  | 'INVALID_WASM'
  | 'INVALID_DOCKER_CONFIG'
  | 'CREDENTIAL_HELPER'
  | 'UNAUTHORIZED'
  | 'DENIED'
  | 'NOT_FOUND'
  | 'REGISTRY_ERROR'
  | 'NETWORK'
  | 'DIGEST_MISMATCH'
  | 'TOO_LARGE'
  | 'REFERRERS_CONFLICT'
  | 'LAYOUT';

/** One entry of the OCI distribution error body `{"errors":[{code,message,detail}]}`. */
export interface RegistryErrorEntry {
  code: string;
  message?: string;
  detail?: unknown;
}

/**
 * Every failure of this package. Registry answers carry who said it (`registry`), the request
 * and the HTTP status, and the registry's own error codes, so a message can say which registry
 * said what.
 */
export class OciError extends BaseError<OciErrorCode> {
  readonly registry?: string;
  readonly status?: number;
  readonly errors: readonly RegistryErrorEntry[];
  /** Set for failed integrity checks: `main()` exits 1 for them, not 2. */
  readonly exitCode?: number;

  constructor(options: {
    code: OciErrorCode;
    message: string;
    cause?: unknown;
    registry?: string;
    status?: number;
    errors?: readonly RegistryErrorEntry[];
  }) {
    super(options);
    this.registry = options.registry;
    this.status = options.status;
    this.errors = options.errors ?? [];
    if (options.code === 'DIGEST_MISMATCH') this.exitCode = 1;
  }
}

/** Parses an OCI error body; anything else gives no entries. */
export function parseErrorBody(text: string): RegistryErrorEntry[] {
  try {
    const body = JSON.parse(text) as { errors?: unknown };
    if (!Array.isArray(body.errors)) return [];
    return body.errors
      .filter((e): e is Record<string, unknown> => typeof e === 'object' && e !== null)
      .map((e) => ({
        code: String(e.code ?? 'UNKNOWN'),
        ...(typeof e.message === 'string' ? { message: e.message } : {}),
        ...(e.detail === undefined ? {} : { detail: e.detail }),
      }));
  } catch {
    return [];
  }
}

/** Builds the error for a registry answer that was not the expected one. */
export function registryError(options: {
  registry: string;
  method: string;
  path: string;
  status: number;
  body: string;
  what?: string;
}): OciError {
  const errors = parseErrorBody(options.body);
  const said =
    errors.length > 0
      ? errors.map((e) => (e.message ? `${e.code}: ${e.message}` : e.code)).join('; ')
      : options.body.trim().slice(0, 200) || 'no details';
  const code: OciErrorCode =
    options.status === 401
      ? 'UNAUTHORIZED'
      : options.status === 403
        ? 'DENIED'
        : options.status === 404
          ? 'NOT_FOUND'
          : 'REGISTRY_ERROR';
  const what = options.what ? `${options.what}: ` : '';
  return new OciError({
    code,
    message: `${what}registry ${options.registry} answered ${options.status} to ${options.method} ${options.path}: ${said}`,
    registry: options.registry,
    status: options.status,
    errors,
  });
}
