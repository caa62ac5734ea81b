/** This package's name and version, as a VSA's `verifier.version` records them (a test keeps it equal to package.json). */
export const VERSION = '0.1.0';
export const TOOL_NAME = '@build-artifact/verify';
