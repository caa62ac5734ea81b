// Tests import the package through its public entry point only.

export type { ProgressEvent as ProgressEventLike } from '@build-artifact/core';
export * from '../index.js';
