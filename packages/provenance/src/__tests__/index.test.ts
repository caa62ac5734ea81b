import { expect, it } from 'vitest';
import * as api from '../index.js';

it('exports exactly the public API', () => {
  expect(Object.keys(api).sort()).toEqual([
    'LOCAL_BUILDER_PREFIX',
    'ProvenanceError',
    'REQUIRED_CLAIMS',
    'githubProvenance',
    'issuerForServerUrl',
    'localProvenance',
    'parseResolvedDependency',
    'provenanceStatement',
    'serverUrlForIssuer',
    'verifyOidcToken',
  ]);
});
