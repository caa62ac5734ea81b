/**
 * Packages never print: they report what they do through this callback and the host (the CLI,
 * an action) decides what to show.
 */
export interface ProgressEvent {
  /** Which step is talking, e.g. `digest`, `oci.upload`, `sign.fulcio`. */
  step: string;
  message: string;
  level?: 'debug' | 'info' | 'warning';
  /** Bytes or items done and the total, where known. */
  done?: number;
  total?: number;
}

export type ProgressCallback = (event: ProgressEvent) => void;
