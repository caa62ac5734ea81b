import { resolve } from 'node:path';
import { OciLayout } from './layout.js';
import { parseReference, type Reference } from './reference.js';
import { OciClient, type OciClientOptions } from './registry.js';
import type { Target } from './target.js';

export interface OpenTargetOptions extends OciClientOptions {
  /** Directory a relative layout path is taken from (default the process's). */
  cwd?: string;
}

/** The target a reference names: a registry repository or a layout directory. */
export function openTarget(reference: Reference | string, options: OpenTargetOptions = {}): Target {
  const ref = typeof reference === 'string' ? parseReference(reference) : reference;
  if (ref.kind === 'layout') return new OciLayout(resolve(options.cwd ?? process.cwd(), ref.path));
  return new OciClient(ref, options);
}
