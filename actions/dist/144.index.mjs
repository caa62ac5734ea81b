export const id = 144;
export const ids = [144];
export const modules = {

/***/ 55221:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Qm: () => (/* binding */ malformed),
/* harmony export */   SP: () => (/* binding */ SbomError)
/* harmony export */ });
/* unused harmony export lineAt */
/* harmony import */ var _build_artifact_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(92462);

/** Every error of this package: the file it concerns and, where there is one, the line. */
class SbomError extends _build_artifact_core__WEBPACK_IMPORTED_MODULE_0__/* .BaseError */ .Cf {
    file;
    line;
    constructor(options) {
        const where = options.file === undefined
            ? ''
            : options.line === undefined
                ? `${options.file}: `
                : `${options.file}:${options.line}: `;
        super({ code: options.code, message: where + options.message, cause: options.cause });
        if (options.file !== undefined)
            this.file = options.file;
        if (options.line !== undefined)
            this.line = options.line;
    }
}
/** A lockfile that cannot be read as what its name says it is. */
function malformed(file, message, line, cause) {
    return new SbomError({ code: 'MALFORMED_LOCKFILE', message, file, line, cause });
}
/** The 1-based line of a character offset, for error messages. */
function lineAt(text, offset) {
    let line = 1;
    const end = Math.min(offset, text.length);
    for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1))
        line++;
    return line;
}
//# sourceMappingURL=errors.js.map

/***/ }),

/***/ 18144:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  N3: () => (/* binding */ generateSbom)
});

// UNUSED EXPORTS: READ, findLockfiles, kindOf, readText

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/core/dist/index.js + 9 modules
var dist = __webpack_require__(92462);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/enums/index.js
var enums = __webpack_require__(6820);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/models/index.js
var models = __webpack_require__(50320);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/serialize/index.node.js
var index_node = __webpack_require__(51248);
// EXTERNAL MODULE: ./node_modules/@cyclonedx/cyclonedx-library/dist.node/spec/index.js
var dist_node_spec = __webpack_require__(94321);
// EXTERNAL MODULE: ./packages/sbom/dist/errors.js
var errors = __webpack_require__(55221);
;// CONCATENATED MODULE: ./packages/sbom/dist/version.js
/** This package's version, as recorded in `metadata.tools` (a test keeps it equal to package.json). */
const VERSION = '0.1.0';
const TOOL_NAME = '@build-artifact/sbom';
//# sourceMappingURL=version.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/bom.js

// Sub-path imports: the package root also loads validation and contrib code we do not need here.






/**
 * A random (version 4) UUID. Node's crypto module takes some 8 ms to load, a tenth of a small
 * `attest sbom` run that needs nothing else from it: the 16 random bytes come from the kernel's
 * random source where there is one, from crypto elsewhere (Windows).
 */
function randomUuid() {
    const bytes = Buffer.alloc(16);
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)('/dev/urandom', 'r');
        if ((0,external_node_fs_.readSync)(fd, bytes, 0, 16, null) !== 16)
            throw new Error('short read');
    }
    catch {
        return process.getBuiltinModule('node:crypto').randomUUID();
    }
    finally {
        if (fd !== undefined)
            (0,external_node_fs_.closeSync)(fd);
    }
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    const h = bytes.toString('hex');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
/** GitHub refuses attestation predicates past 16 MiB. */
const MAX_BOM_BYTES = 16 * 1024 * 1024;
const REQUIRED = 1;
const OPTIONAL = 2;
const EXCLUDED = 4;
const SCOPE_BIT = { optional: OPTIONAL, excluded: EXCLUDED };
const SCOPE = {
    optional: enums.ComponentScope.Optional,
    excluded: enums.ComponentScope.Excluded,
};
// What a package's component never gets anything added to (nested components, licenses,
// external references, its own dependency refs: the graph is written here, not through the
// model; properties when it has none): one empty collection serves them all, instead of five
// new ones per component, which is most of the memory ten thousand components take.
// Adding to one would add to every component: it throws instead.
function sharedEmpty(set) {
    set.add = () => {
        throw new Error('buildBom: a shared empty collection cannot be added to');
    };
    return set;
}
const NO_COMPONENTS = sharedEmpty(new models.ComponentRepository());
const NO_LICENSES = sharedEmpty(new models.LicenseRepository());
const NO_EXTERNAL_REFERENCES = sharedEmpty(new models.ExternalReferenceRepository());
const NO_DEPENDENCIES = sharedEmpty(new models.BomRefRepository());
const NO_PROPERTIES = sharedEmpty(new models.PropertyRepository());
/** Orders strings by their UTF-16 code units, as `<` does: the same on every machine. */
function byCodeUnits(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Components by bom-ref (unique: a total order), then what each holds, all the way down. */
function orderComponents(components) {
    components.sort((a, b) => byCodeUnits(a['bom-ref'] ?? '', b['bom-ref'] ?? ''));
    for (const c of components)
        orderComponent(c);
}
function orderComponent(c) {
    if (c.hashes !== undefined && c.hashes.length > 1)
        c.hashes.sort((a, b) => byCodeUnits(a.alg, b.alg) || byCodeUnits(a.content, b.content));
    if (c.properties !== undefined && c.properties.length > 1)
        c.properties.sort((a, b) => byCodeUnits(a.name ?? '', b.name ?? '') || byCodeUnits(a.value ?? '', b.value ?? ''));
    if (c.components !== undefined)
        orderComponents(c.components);
}
/**
 * Builds the CycloneDX document once, from the assembly tree. Third-party packages merge by purl;
 * first-party parts go under the assembly's own component. The library builds and normalises the
 * document; `dependencies` and `compositions` are written here because the library's model has no
 * compositions, and would list every component as a leaf where we do not know its edges.
 */
function buildBom(root, options) {
    const usedRefs = new Set();
    const uniqueRef = (want) => {
        let ref = want;
        for (let i = 2; usedRefs.has(ref); i++)
            ref = `${want}#${i}`;
        usedRefs.add(ref);
        return ref;
    };
    const nodes = new Map();
    const ecosystems = { cargo: 0, golang: 0, npm: 0, pypi: 0 };
    const compositions = [];
    let componentCount = 0;
    const makeComponent = (pkg, ref, type = enums.ComponentType.Library) => {
        const c = new models.Component(type, pkg.name, {
            bomRef: ref,
            components: NO_COMPONENTS,
            licenses: NO_LICENSES,
            externalReferences: NO_EXTERNAL_REFERENCES,
            dependencies: NO_DEPENDENCIES,
            ...(pkg.properties === undefined ? { properties: NO_PROPERTIES } : {}),
        });
        if (pkg.version)
            c.version = pkg.version;
        if (pkg.purl)
            c.purl = pkg.purl;
        for (const h of pkg.hashes ?? [])
            c.hashes.set(h.alg, h.content);
        if (pkg.properties !== undefined)
            for (const [k, v] of Object.entries(pkg.properties))
                c.properties.add(new models.Property(k, v));
        if (pkg.scope)
            c.scope = SCOPE[pkg.scope];
        return c;
    };
    // Each assembly: its component, its packages (flat for the root's third-party ones, nested
    // otherwise), and its compositions.
    const visit = (asm, prefix, isRoot) => {
        const asmRef = uniqueRef(isRoot ? `root:${asm.name}` : `${prefix}${asm.name}`);
        const comp = new models.Component(asm.type === 'application' ? enums.ComponentType.Application : enums.ComponentType.Library, asm.name, { bomRef: asmRef });
        if (asm.version)
            comp.version = asm.version;
        for (const h of asm.hashes ?? [])
            comp.hashes.set(h.alg, h.content);
        for (const [k, v] of Object.entries(asm.properties))
            comp.properties.add(new models.Property(k, v));
        const nestedPrefix = isRoot ? '' : `${asmRef}|`;
        const asmNode = { ref: asmRef, component: comp, scopes: 0 };
        nodes.set(asmRef, asmNode);
        const local = new Map(); // purl -> node, within this assembly
        const graphRefs = new Set();
        const firstPartyEdgeRefs = new Set();
        const firstPartyRefs = [];
        for (const inv of asm.inventories) {
            const keyToNode = new Map();
            for (const pkg of inv.packages) {
                const mergeKey = pkg.purl && !pkg.firstParty ? pkg.purl : `${inv.source}#${pkg.key}`;
                let node = local.get(mergeKey);
                if (!node) {
                    const ref = uniqueRef(nestedPrefix +
                        (pkg.purl ??
                            `${pkg.firstParty ? 'first-party' : 'unnamed'}:${inv.source}#${pkg.key}`));
                    const c = makeComponent(pkg, ref, pkg.firstParty ? enums.ComponentType.Application : enums.ComponentType.Library);
                    node = { ref, component: c, scopes: 0 };
                    local.set(mergeKey, node);
                    nodes.set(ref, node);
                    componentCount++;
                    if (pkg.firstParty) {
                        firstPartyRefs.push(ref);
                        comp.components.add(c);
                    }
                    else {
                        ecosystems[pkg.ecosystem]++;
                        if (isRoot)
                            topLevel.push(c);
                        else
                            comp.components.add(c);
                    }
                }
                else {
                    // Seen in another lockfile: keep the hashes it did not have, widen the scope.
                    const hashes = node.component.hashes;
                    for (const h of pkg.hashes ?? []) {
                        const alg = h.alg;
                        if (!hashes.has(alg))
                            hashes.set(alg, h.content);
                    }
                }
                node.scopes |= pkg.scope ? SCOPE_BIT[pkg.scope] : REQUIRED;
                keyToNode.set(pkg.key, node);
            }
            for (const pkg of inv.packages) {
                if (!inv.hasGraph && !(inv.firstPartyEdgesOnly && pkg.firstParty))
                    continue;
                const node = keyToNode.get(pkg.key);
                node.deps ??= new Set();
                for (const d of pkg.dependencies ?? []) {
                    const target = keyToNode.get(d);
                    if (target && target !== node)
                        node.deps.add(target.ref);
                }
                (inv.hasGraph ? graphRefs : firstPartyEdgeRefs).add(node.ref);
            }
        }
        // The assembly depends on its first-party parts (workspace members, a Go main module); what
        // they depend on comes from the lockfile's own edges, never invented here.
        if (firstPartyRefs.length > 0) {
            asmNode.deps = new Set(firstPartyRefs);
            graphRefs.add(asmRef);
        }
        for (const child of asm.children) {
            const c = visit(child, nestedPrefix, false);
            if (isRoot)
                topLevel.push(c);
            else
                comp.components.add(c);
        }
        compositions.push({ aggregate: asm.completeness, assemblies: [asmRef] });
        for (const r of firstPartyEdgeRefs)
            graphRefs.delete(r);
        if (graphRefs.size > 0)
            compositions.push({ aggregate: 'complete', dependencies: [...graphRefs].sort() });
        if (firstPartyEdgeRefs.size > 0) {
            compositions.push({
                aggregate: 'incomplete_first_party_only',
                dependencies: [...firstPartyEdgeRefs].sort(),
            });
        }
        return comp;
    };
    const topLevel = [];
    const rootComponent = visit(root, '', true);
    // Scope: required if any input needs it at run time, else optional, else excluded.
    for (const node of nodes.values()) {
        if (node.scopes === 0)
            continue;
        if (node.scopes & REQUIRED)
            node.component.scope = undefined;
        else if (node.scopes & OPTIONAL)
            node.component.scope = enums.ComponentScope.Optional;
        else
            node.component.scope = enums.ComponentScope.Excluded;
    }
    const spec = dist_node_spec.SpecVersionDict[options.specVersion];
    const bom = new models.Bom();
    bom.metadata.component = rootComponent;
    bom.metadata.tools.components.add(new models.Component(enums.ComponentType.Library, TOOL_NAME, { version: VERSION }));
    if (options.sourceDateEpoch !== undefined)
        bom.metadata.timestamp = new Date(options.sourceDateEpoch * 1000);
    else
        bom.metadata.timestamp = new Date();
    for (const c of topLevel)
        bom.components.add(c);
    // The library normalises the metadata and the components. Not the whole Bom: its dependency
    // graph (every component a leaf, the edges being ours) would be worked out only to be
    // replaced; the header fields come from an empty Bom. Not sorted by the library either: it
    // sorts with `localeCompare`, whose order follows the machine's locale (Lithuanian puts `y`
    // before `j`), so the same input would give another document on another machine.
    const factory = new index_node.JSON.Normalize.Factory(spec);
    const unsorted = { sortLists: false };
    const head = factory.makeForBom().normalize(new models.Bom(), unsorted);
    const metadata = factory.makeForMetadata().normalize(bom.metadata, unsorted);
    const components = bom.components.size > 0
        ? factory.makeForComponent().normalizeIterable(bom.components, unsorted)
        : [];
    if (metadata.component !== undefined)
        orderComponent(metadata.component);
    orderComponents(components);
    const normalized = {
        $schema: head.$schema,
        bomFormat: head.bomFormat,
        specVersion: head.specVersion,
        metadata,
        components,
    };
    const dependencies = [...nodes.values()]
        .filter((n) => n.deps !== undefined)
        .map((n) => ({ ref: n.ref, dependsOn: [...n.deps].sort() }))
        .sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : 0));
    // By their JSON text, each written once (not once per comparison: they list every ref).
    const compositionKeys = new Map(compositions.map((c) => [c, JSON.stringify(c)]));
    compositions.sort((a, b) => (compositionKeys.get(a) < compositionKeys.get(b) ? -1 : 1));
    const doc = {
        $schema: normalized.$schema,
        bomFormat: normalized.bomFormat,
        specVersion: normalized.specVersion,
        serialNumber: '',
        version: 1,
        metadata: normalized.metadata,
        components: normalized.components,
        dependencies,
        compositions,
    };
    if (options.sourceDateEpoch !== undefined) {
        // Same content, same serial number: a UUID (version 8 layout) from the document's SHA-256.
        const { createHash } = process.getBuiltinModule('node:crypto');
        const h = createHash('sha256').update(JSON.stringify(doc)).digest('hex');
        const v = ((Number.parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
        doc.serialNumber = `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${v}${h.slice(17, 20)}-${h.slice(20, 32)}`;
    }
    else {
        doc.serialNumber = `urn:uuid:${randomUuid()}`;
    }
    const json = `${JSON.stringify(doc, null, 2)}\n`;
    const bytes = Buffer.byteLength(json);
    if (bytes > MAX_BOM_BYTES) {
        throw new errors/* SbomError */.SP({
            code: 'BOM_TOO_LARGE',
            message: `the SBOM is ${(bytes / 1048576).toFixed(1)} MiB, over the 16 MiB GitHub accepts for an attestation`,
        });
    }
    return { bom: doc, json, componentCount, ecosystems };
}
//# sourceMappingURL=bom.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/detect.js

/** The lockfile kind a file name says, or undefined for anything else. */
function lockfileKind(path) {
    const name = (0,external_node_path_.basename)(path);
    switch (name) {
        case 'Cargo.lock':
            return 'cargo';
        case 'go.mod':
            return 'gomod';
        case 'uv.lock':
            return 'uv';
        case 'poetry.lock':
            return 'poetry';
        case 'pdm.lock':
            return 'pdm';
        case 'Pipfile.lock':
            return 'pipfile';
        case 'package-lock.json':
        case 'npm-shrinkwrap.json':
            return 'npm';
        case 'pnpm-lock.yaml':
            return 'pnpm';
        case 'yarn.lock':
            return 'yarn';
        default:
            return /^requirements.*\.txt$/.test(name) ? 'requirements' : undefined;
    }
}
/** Manifests users might pass instead of their lockfile: said clearly rather than read as binaries. */
const MANIFESTS = {
    'Cargo.toml': 'Cargo.lock',
    'package.json': 'package-lock.json, pnpm-lock.yaml or yarn.lock',
    'pyproject.toml': 'uv.lock, poetry.lock or pdm.lock',
    Pipfile: 'Pipfile.lock',
    'go.sum': 'go.mod',
};
/** Folders never searched for lockfiles. */
const SKIP_DIRS = new Set(['node_modules', 'target', 'vendor', '.git']);
//# sourceMappingURL=detect.js.map
;// CONCATENATED MODULE: ./packages/sbom/dist/generate.js






const MAX_LOCKFILE_BYTES = 256 * 1024 * 1024;
function readText(path) {
    try {
        if ((0,external_node_fs_.statSync)(path).size > MAX_LOCKFILE_BYTES) {
            throw new errors/* SbomError */.SP({
                code: 'LIMIT_EXCEEDED',
                file: path,
                message: 'lockfile larger than 256 MiB',
            });
        }
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (err) {
        if (err instanceof errors/* SbomError */.SP)
            throw err;
        throw (0,dist/* fileError */.zS)(path, err);
    }
}
function readOptional(path) {
    try {
        return (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return undefined;
        throw (0,dist/* fileError */.zS)(path, err);
    }
}
const READ = { required: readText, optional: readOptional };
function kindOf(path) {
    const kind = lockfileKind(path);
    if (!kind)
        throw new errors/* SbomError */.SP({
            code: 'UNSUPPORTED_INPUT',
            file: path,
            message: 'not a supported lockfile',
        });
    return kind;
}
/**
 * One lockfile's inventory, loading only its ecosystem's parser: a run over a go.mod does not
 * pay for the TOML and YAML readers, nor a Cargo.lock for the npm ones.
 */
async function inventoryOf(path) {
    const kind = kindOf(path);
    const parse = await loadParser(kind);
    return parse(readText(path), path, READ);
}
async function loadParser(kind) {
    switch (kind) {
        case 'cargo':
            return (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(789)]).then(__webpack_require__.bind(__webpack_require__, 15789))).parseCargoLock;
        case 'gomod':
            return (await __webpack_require__.e(/* import() */ 19).then(__webpack_require__.bind(__webpack_require__, 64019))).parseGoModWithSum;
        case 'uv':
            return (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(659)]).then(__webpack_require__.bind(__webpack_require__, 13659))).parseUvLock;
        case 'poetry':
            return (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(659)]).then(__webpack_require__.bind(__webpack_require__, 13659))).parsePoetryLock;
        case 'pdm':
            return (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(659)]).then(__webpack_require__.bind(__webpack_require__, 13659))).parsePdmLock;
        case 'pipfile':
            return (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(659)]).then(__webpack_require__.bind(__webpack_require__, 13659))).parsePipfileLock;
        case 'requirements': {
            const { parseRequirements } = await __webpack_require__.e(/* import() */ 757).then(__webpack_require__.bind(__webpack_require__, 42757));
            return (text, file, read) => parseRequirements(text, file, read.required);
        }
        case 'npm':
            return (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(120)]).then(__webpack_require__.bind(__webpack_require__, 86120))).parsePackageLock;
        case 'pnpm':
            return (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(913), __webpack_require__.e(222)]).then(__webpack_require__.bind(__webpack_require__, 41222))).parsePnpmLock;
        case 'yarn':
            return (await Promise.all(/* import() */[__webpack_require__.e(292), __webpack_require__.e(913), __webpack_require__.e(431)]).then(__webpack_require__.bind(__webpack_require__, 39431))).parseYarnLock;
    }
}
/** The lockfiles below a directory, in sorted order, the skipped folders left out. */
async function findLockfiles(dir) {
    const found = await (0,dist/* walkDirectory */.N7)(dir, SKIP_DIRS, (name) => lockfileKind(name) !== undefined);
    // npm ignores package-lock.json when npm-shrinkwrap.json sits beside it.
    const shrinkwrapDirs = new Set(found.filter((f) => (0,external_node_path_.basename)(f) === 'npm-shrinkwrap.json').map(external_node_path_.dirname));
    return found.filter((f) => !((0,external_node_path_.basename)(f) === 'package-lock.json' && shrinkwrapDirs.has((0,external_node_path_.dirname)(f))));
}
function parseEpoch(value) {
    if (value === undefined || value === '')
        return undefined;
    if (!/^\d{1,12}$/.test(value)) {
        throw new errors/* SbomError */.SP({
            code: 'UNSUPPORTED_INPUT',
            message: `SOURCE_DATE_EPOCH "${value}" is not a number of seconds`,
        });
    }
    return Number(value);
}
/**
 * One CycloneDX BOM for any mix of directories (every lockfile in them), lockfiles and binaries
 * (ELF, Mach-O, PE, wasm). Several paths merge into one document.
 */
async function generateSbom(paths, options = {}) {
    if (paths.length === 0)
        throw new errors/* SbomError */.SP({ code: 'NO_INPUTS', message: 'no paths given' });
    const progress = options.onProgress ?? (() => { });
    const inventories = [];
    const binaries = [];
    const names = [];
    for (const path of paths) {
        let isDir;
        try {
            isDir = (0,external_node_fs_.statSync)(path).isDirectory();
        }
        catch (err) {
            throw (0,dist/* fileError */.zS)(path, err);
        }
        if (isDir) {
            names.push((0,external_node_path_.basename)((0,external_node_path_.resolve)(path)));
            const files = await findLockfiles(path);
            progress({ step: 'sbom', message: `${path}: ${files.length} lockfile(s)`, level: 'debug' });
            if (files.length === 0) {
                progress({
                    step: 'sbom',
                    message: `${path}: no supported lockfile found`,
                    level: 'warning',
                });
            }
            for (const f of files) {
                const inv = await inventoryOf(f);
                // Paths in the BOM are relative to the argument, so the output does not depend on
                // where the tree sits on disk.
                inv.source = (0,external_node_path_.relative)(path, f).split(external_node_path_.sep).join('/');
                inventories.push(inv);
            }
            continue;
        }
        names.push((0,external_node_path_.basename)(path));
        if (lockfileKind(path)) {
            const inv = await inventoryOf(path);
            inv.source = (0,external_node_path_.basename)(path);
            inventories.push(inv);
            continue;
        }
        const manifest = MANIFESTS[(0,external_node_path_.basename)(path)];
        if (manifest) {
            throw new errors/* SbomError */.SP({
                code: 'UNSUPPORTED_INPUT',
                file: path,
                message: `a manifest, not a lockfile: give ${manifest} (or its directory)`,
            });
        }
        progress({ step: 'sbom', message: `${path}: reading as a binary`, level: 'debug' });
        // Loaded only for binaries: the object-file readers and zlib (cargo-auditable).
        const [{ inspectBinary }, { binaryAssembly }] = await Promise.all([
            __webpack_require__.e(/* import() */ 454).then(__webpack_require__.bind(__webpack_require__, 64454)),
            __webpack_require__.e(/* import() */ 66).then(__webpack_require__.bind(__webpack_require__, 29066)),
        ]);
        binaries.push(binaryAssembly(await inspectBinary(path), (0,external_node_path_.basename)(path)));
    }
    for (const inv of inventories) {
        for (const w of inv.warnings)
            progress({ step: 'sbom', message: w, level: 'warning' });
    }
    for (const b of binaries) {
        const walk = (a) => {
            for (const inv of a.inventories)
                for (const w of inv.warnings)
                    progress({ step: 'sbom', message: w, level: 'warning' });
            if (a.inventories.length === 0) {
                progress({
                    step: 'sbom',
                    message: `${a.name}: no Go build info or cargo-auditable data: its own dependencies are not listed${a.children.length ? ' (only those of the modules embedded in it)' : ''}`,
                    level: 'warning',
                });
            }
            a.children.forEach(walk);
        };
        walk(b);
    }
    let root;
    if (binaries.length === 1 && inventories.length === 0) {
        root = binaries[0];
    }
    else {
        const parts = [
            ...inventories.map((i) => i.completeness),
            ...binaries.map((b) => b.completeness),
        ];
        root = {
            name: names.join('+'),
            type: 'application',
            properties: {},
            inventories,
            children: binaries,
            completeness: parts.includes('unknown') || parts.length === 0
                ? 'unknown'
                : parts.includes('incomplete')
                    ? 'incomplete'
                    : 'complete',
        };
    }
    const sourceDateEpoch = options.sourceDateEpoch ?? parseEpoch(process.env.SOURCE_DATE_EPOCH);
    return buildBom(root, {
        specVersion: options.specVersion ?? '1.6',
        ...(sourceDateEpoch === undefined ? {} : { sourceDateEpoch }),
    });
}
//# sourceMappingURL=generate.js.map

/***/ })

};
