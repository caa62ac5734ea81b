export type { Assembly } from './assembly.js';
export { binaryAssembly, binaryInventories } from './assembly.js';
export { decodeDepV0, MAX_AUDIT_JSON, MAX_AUDIT_JSON_TOTAL } from './binary/auditable.js';
export type { GoVersionSource } from './binary/gobuildinfo.js';
export {
  findGoVersion,
  findModinfo,
  findRuntimeVersion,
  parseModinfo,
} from './binary/gobuildinfo.js';
export {
  findEmbeddedWasm,
  inspectBinary,
  inspectBytes,
  MAX_BINARY_SIZE,
} from './binary/inspect.js';
export type { ObjectFile, ObjectSection } from './binary/objfile.js';
export {
  detectFormat,
  findSection,
  readObjectFile,
  symbolAddress,
} from './binary/objfile.js';
export type { WasmSection, WasmWalk } from './binary/wasm.js';
export { parseProducers, walkWasm } from './binary/wasm.js';
export type { BuildOptions } from './bom.js';
export { buildBom } from './bom.js';
export type { LockfileKind } from './detect.js';
export { lockfileKind, SKIP_DIRS } from './detect.js';
export type { SbomErrorCode } from './errors.js';
export { SbomError } from './errors.js';
export type { SbomFormat, SbomResult } from './format.js';
export { DEFAULT_SBOM_FORMAT, isSbomFormat, MAX_BOM_BYTES, SBOM_FORMATS } from './format.js';
export type { SbomOptions } from './generate.js';
export { findLockfiles, generateSbom } from './generate.js';
export { inventoryFromLockfile } from './inventory.js';
export { parseCargoLock } from './lockfiles/cargo.js';
export { parseGoMod, parseGoSum } from './lockfiles/gomod.js';
export { parsePackageLock } from './lockfiles/npm.js';
export { parsePnpmLock } from './lockfiles/pnpm.js';
export {
  parsePdmLock,
  parsePipfileLock,
  parsePoetryLock,
  parseUvLock,
} from './lockfiles/python.js';
export { parseRequirements } from './lockfiles/requirements.js';
export { loadYamlParser, YamlParserNeeded } from './lockfiles/yamlfile.js';
export { parseYarnLock } from './lockfiles/yarn.js';
export type {
  AuditablePackage,
  BinaryFormat,
  BinaryInfo,
  Ecosystem,
  GoBuildInfo,
  GoModule,
  HashAlgorithm,
  Inventory,
  Package,
  PackageHash,
} from './model.js';
export type { SpdxDocument, SpdxOptions, SpdxPackage, SpdxRelationship } from './spdx.js';
export { buildSpdx } from './spdx.js';
export { validateBom } from './validate.js';
export { TOOL_NAME, VERSION } from './version.js';
