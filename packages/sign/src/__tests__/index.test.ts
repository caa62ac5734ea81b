import { expect, it } from 'vitest';
import * as api from '../index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'GITHUB_INSTANCE',
    'MAX_PREDICATE_BYTES',
    'PUBLIC_GOOD',
    'SignError',
    'actionsTokenProvider',
    'bundlePathFor',
    'fetchActionsIdToken',
    'publicKeyId',
    'sbomStatement',
    'signStatement',
    'signStatements',
    'sigstoreInstanceFromEnv',
    'storeAttestation',
    'writeBundle',
  ]);
});
