import { join } from 'node:path';

/** The shared real-world test data, read in place (never copied into the repository). */
export const TESTDATA = join(import.meta.dirname, '../../../../../shared/testdata/bundles');
export const GH = join(TESTDATA, 'gh-cli');
export const BCR = join(TESTDATA, 'slsa-verifier-bcr');
