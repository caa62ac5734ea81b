import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as api from '../index.js';

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'DEFAULT_SBOM_FORMAT',
        'MAX_AUDIT_JSON',
        'MAX_AUDIT_JSON_TOTAL',
        'MAX_BINARY_SIZE',
        'MAX_BOM_BYTES',
        'SKIP_DIRS',
        'SBOM_FORMATS',
        'SbomError',
        'TOOL_NAME',
        'VERSION',
        'binaryAssembly',
        'binaryInventories',
        'buildBom',
        'buildSpdx',
        'decodeDepV0',
        'detectFormat',
        'findEmbeddedWasm',
        'findGoVersion',
        'findLockfiles',
        'findModinfo',
        'findRuntimeVersion',
        'findSection',
        'generateSbom',
        'inspectBinary',
        'inspectBytes',
        'inventoryFromLockfile',
        'isSbomFormat',
        'loadYamlParser',
        'lockfileKind',
        'parseCargoLock',
        'parseGoMod',
        'parseGoSum',
        'parseModinfo',
        'parsePackageLock',
        'parsePdmLock',
        'parsePipfileLock',
        'parsePnpmLock',
        'parsePoetryLock',
        'parseProducers',
        'parseRequirements',
        'parseUvLock',
        'parseYarnLock',
        'readObjectFile',
        'symbolAddress',
        'validateBom',
        'walkWasm',
        'YamlParserNeeded',
      ].sort(),
    );
  });

  it('VERSION is the package version (it goes into metadata.tools)', () => {
    const pkg = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'),
    );
    expect(api.VERSION).toBe(pkg.version);
    expect(api.TOOL_NAME).toBe(pkg.name);
  });

  it('errors carry a code, the file and the line', () => {
    const err = new api.SbomError({
      code: 'MALFORMED_LOCKFILE',
      message: 'bad',
      file: 'a.lock',
      line: 3,
    });
    expect(err.message).toBe('a.lock:3: bad');
    expect(err.name).toBe('SbomError');
    expect([err.code, err.file, err.line]).toEqual(['MALFORMED_LOCKFILE', 'a.lock', 3]);
  });

  it('names the SBOM formats in one place, each with its media and predicate type', () => {
    expect(Object.keys(api.SBOM_FORMATS)).toEqual(['cyclonedx-json', 'spdx-json']);
    expect(api.DEFAULT_SBOM_FORMAT).toBe('cyclonedx-json');
    expect(api.SBOM_FORMATS['spdx-json'].predicateType).toBe('https://spdx.dev/Document/v2.3');
    expect(api.SBOM_FORMATS['cyclonedx-json'].mediaType).toBe('application/vnd.cyclonedx+json');
    expect(api.isSbomFormat('spdx-json')).toBe(true);
    expect(api.isSbomFormat('spdx')).toBe(false);
    expect(api.isSbomFormat('toString')).toBe(false);
  });

  it('knows lockfiles by name', () => {
    expect(api.lockfileKind('x/requirements-dev.txt')).toBe('requirements');
    // Named as syft and cdxgen find them, the word anywhere in the name.
    for (const name of [
      'dev-requirements.txt',
      'dependency-requirements.txt',
      'test_requirements.txt',
    ])
      expect(api.lockfileKind(`tools/${name}`)).toBe('requirements');
    expect(api.lockfileKind('requirements.in')).toBeUndefined();
    expect(api.lockfileKind('npm-shrinkwrap.json')).toBe('npm');
    expect(api.lockfileKind('README.txt')).toBeUndefined();
  });
});
