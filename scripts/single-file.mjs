// Turns the CLI's bundle (scripts/build-cli.mjs: index.js, a chunk per lazily loaded part, and
// the few data files the code reads beside itself) into one ES module, attest.mjs, that runs with
// `node attest.mjs` and needs nothing else on disk.
//
// - Chunks: each chunk file (`export const id`, `ids`, `modules`) becomes a function returning
//   that object, called by webpack's chunk loader instead of `import("./N.index.js")`: a command
//   still evaluates only the chunks it uses.
// - Data files (package.json, the GitHub TUF root, the CycloneDX schemas) are embedded. The
//   bundle finds them relative to its own URL; here that URL is attest.mjs's own followed by a
//   slash, as if attest.mjs were the bundle's folder. No real file can exist below a file, so a
//   package.json that happens to lie beside attest.mjs is never mistaken for ours, and the few
//   fs functions that read or copy a file (below) serve the embedded ones from memory.
// - Every built-in the bundle loads goes through `process.getBuiltinModule` (build-cli.mjs
//   rewrote them so), which is where fs gets that overlay.
//
// Everything is checked against the shapes it expects; anything else fails the build rather
// than writing a file that breaks when a user runs it. Same bundle in, same bytes out.
import { isBuiltin } from 'node:module';

const CHUNK_FILE = /^(\d+)\.index\.js$/;
const CHUNK_HEAD =
  /^export const id = (\d+);\nexport const ids = \[([\d, ]*)\];\nexport const modules = /;
const CHUNK_IMPORT = /^import \{ ([^}]+) \} from '([^']+)';$/;
const CHUNK_LOAD = 'import("./" + __nccwpck_require__.u(chunkId))';
const SOURCE_MAP = /\n\/\/# sourceMappingURL=index\.js\.map\n/;
const EXPORTED_MAIN = /export \{[^}]*\b(__webpack_exports__main) as main\b[^}]*\};\s*$/;

function fail(what) {
  throw new Error(`single file: ${what}`);
}

function count(text, needle) {
  return text.split(needle).length - 1;
}

/** `import { a as b } from 'node:path';` (before a chunk's head) as a built-in lookup. */
function builtinImport(file, line) {
  const m = CHUNK_IMPORT.exec(line);
  if (!m) return line;
  const [, names, from] = m;
  if (!isBuiltin(from)) fail(`${file} imports "${from}", which is not a Node.js built-in`);
  const bindings = names.split(',').map((n) => {
    const parts = n.trim().split(/\s+as\s+/);
    if (parts.some((p) => !/^[A-Za-z_$][\w$]*$/.test(p))) fail(`${file}: cannot read "${line}"`);
    return parts.length === 2 ? `${parts[0]}: ${parts[1]}` : parts[0];
  });
  return `const { ${bindings.join(', ')} } = process.getBuiltinModule(${JSON.stringify(from)});`;
}

/** A chunk file as `(url) => ({ id, ids, modules })`; `url` stands for its import.meta.url. */
function chunkFunction(file, source) {
  // What build-cli put before webpack's head (the CycloneDX shim: imports and a __dirname).
  const start = source.search(/^export const id = /m);
  if (start < 0) fail(`${file} does not start as a webpack chunk (export const id, ids, modules)`);
  const prefix = source
    .slice(0, start)
    .split('\n')
    .filter(Boolean)
    .map((l) => builtinImport(file, l));
  const rest = source.slice(start);
  const head = CHUNK_HEAD.exec(rest);
  if (!head) fail(`${file} does not start as a webpack chunk (export const id, ids, modules)`);
  // The three exports of the head, and no other: a chunk with more (a runtime) is not handled.
  if ((source.match(/^export /gm) ?? []).length !== 3 || /^import /m.test(rest))
    fail(`${file} has imports or exports besides its head`);
  if (`${Number(head[1])}.index.js` !== file) fail(`${file} says it is chunk ${head[1]}`);
  const body = [...prefix, `const modules = ${rest.slice(head[0].length).trimEnd()}`]
    .join('\n')
    .replaceAll('import.meta.url', '__attestChunkURL');
  if (/\bimport\.meta\b/.test(body)) fail(`${file} uses import.meta other than import.meta.url`);
  return [
    `/* ${file} */ ${head[1]}: (__attestChunkURL) => {`,
    body,
    `return { id: ${head[1]}, ids: [${head[2]}], modules };`,
    '},',
  ].join('\n');
}

/** An embedded data file: UTF-8 text as a string, anything else as base64. */
function embedded(content) {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  const text = bytes.toString('utf8');
  return Buffer.from(text, 'utf8').equals(bytes)
    ? `{ text: ${JSON.stringify(text)} }`
    : `{ base64: ${JSON.stringify(bytes.toString('base64'))} }`;
}

// What runs before the bundle: the Node.js check bin/attest.js makes, the compile cache, the
// chunk loader and the fs overlay. Its names start with __attest, which the bundle never uses.
const PRELUDE = String.raw`
const [__attestMajor, __attestMinor, __attestPatch] = process.versions.node.split('.').map(Number);
if (!(__attestMajor > 24 || (__attestMajor === 24 && __attestMinor >= 15) ||
    (__attestMajor === 22 && (__attestMinor > 22 || (__attestMinor === 22 && __attestPatch >= 2))))) {
  process.stderr.write('attest: Node.js ^22.22.2 or >= 24.15 is required (this is v' + process.versions.node + ')\n');
  process.exit(2);
}
process.getBuiltinModule('node:module').enableCompileCache?.();

// The bundle's folder: attest.mjs's own URL and a slash (see scripts/single-file.mjs).
const __attestBase = import.meta.url + '/';
const __attestIndexURL = __attestBase + 'index.js';

function __attestLoadChunk(id) {
  const chunk = __attestChunks[id];
  if (!chunk) return Promise.reject(new Error('attest.mjs has no chunk ' + id));
  return Promise.resolve().then(() => chunk(__attestBase + id + '.index.js'));
}

let __attestFilesByPath;
/** The embedded file a path or file: URL names, if any. */
function __attestFile(target) {
  const { resolve } = process.getBuiltinModule('node:path');
  const { fileURLToPath } = process.getBuiltinModule('node:url');
  __attestFilesByPath ??= new Map(
    Object.entries(__attestFiles).map(([name, file]) => [fileURLToPath(new URL(name, __attestBase)), file]),
  );
  let path;
  if (typeof target === 'string') path = resolve(target);
  else if (target instanceof URL && target.protocol === 'file:') path = fileURLToPath(target);
  else return undefined;
  const file = __attestFilesByPath.get(path);
  if (!file) return undefined;
  file.bytes ??= file.text !== undefined ? Buffer.from(file.text, 'utf8') : Buffer.from(file.base64, 'base64');
  return file;
}

function __attestContent(file, options) {
  const encoding = typeof options === 'string' ? options : options?.encoding;
  return encoding ? file.bytes.toString(encoding) : Buffer.from(file.bytes);
}

const __attestOverlays = new Map();
function __attestOverlay(name, overrides) {
  let overlay = __attestOverlays.get(name);
  if (!overlay) {
    const target = process.getBuiltinModule(name);
    const own = overrides(target);
    overlay = new Proxy(target, { get: (t, k) => (Object.hasOwn(own, k) ? own[k] : Reflect.get(t, k)) });
    __attestOverlays.set(name, overlay);
  }
  return overlay;
}

function __attestFsPromises() {
  return __attestOverlay('node:fs/promises', (fsp) => ({
    readFile(target, options) {
      const file = __attestFile(target);
      return file ? Promise.resolve(__attestContent(file, options)) : fsp.readFile(target, options);
    },
    copyFile(source, dest, mode = 0) {
      const file = __attestFile(source);
      if (!file) return fsp.copyFile(source, dest, mode);
      const flag = mode & process.getBuiltinModule('node:fs').constants.COPYFILE_EXCL ? 'wx' : 'w';
      return fsp.writeFile(dest, file.bytes, { flag });
    },
  }));
}

function __attestFs() {
  return __attestOverlay('node:fs', (fs) => ({
    get promises() {
      return __attestFsPromises();
    },
    existsSync(target) {
      return __attestFile(target) !== undefined || fs.existsSync(target);
    },
    readFileSync(target, options) {
      const file = __attestFile(target);
      return file ? __attestContent(file, options) : fs.readFileSync(target, options);
    },
    readFile(target, options, callback) {
      const file = __attestFile(target);
      if (!file) return fs.readFile(target, options, callback);
      const done = typeof options === 'function' ? options : callback;
      const content = __attestContent(file, typeof options === 'function' ? undefined : options);
      process.nextTick(() => done(null, content));
    },
    copyFileSync(source, dest, mode = 0) {
      const file = __attestFile(source);
      if (!file) return fs.copyFileSync(source, dest, mode);
      fs.writeFileSync(dest, file.bytes, { flag: mode & fs.constants.COPYFILE_EXCL ? 'wx' : 'w' });
    },
  }));
}

function __attestBuiltin(name) {
  const bare = name.startsWith('node:') ? name.slice(5) : name;
  if (bare === 'fs') return __attestFs();
  if (bare === 'fs/promises') return __attestFsPromises();
  return process.getBuiltinModule(name);
}
`;

/**
 * attest.mjs from the bundle's files (bundle-relative path -> content, as bundleFiles() returns
 * them; inputs.json is the checkout's and is left out). `header` is a comment for its top.
 */
export function singleFile(files, { header = '' } = {}) {
  const chunks = [];
  const data = [];
  let index;
  for (const name of Object.keys(files).sort()) {
    if (name === 'inputs.json') continue;
    if (name === 'index.js') index = String(files[name]);
    else if (CHUNK_FILE.test(name)) chunks.push(name);
    else if (/\.m?js$/.test(name)) fail(`${name} is code but not a chunk`);
    else data.push(name);
  }
  if (index === undefined) fail('the bundle has no index.js');
  for (const name of ['index.js', ...chunks])
    if (String(files[name]).includes('__attest'))
      fail(`${name} already uses a name starting with __attest`);

  if (count(index, CHUNK_LOAD) !== 1) fail(`index.js does not load chunks with ${CHUNK_LOAD}`);
  const main = index
    .replace(CHUNK_LOAD, '__attestLoadChunk(chunkId)')
    .replace(SOURCE_MAP, '\n')
    .replaceAll('import.meta.url', '__attestIndexURL');
  if (/\bimport\.meta\b/.test(main)) fail('index.js uses import.meta other than import.meta.url');
  const exported = EXPORTED_MAIN.exec(main);
  if (!exported) fail('index.js does not export main');

  // Every built-in the bundle and its chunks load goes through the overlay.
  const viaOverlay = (code) => code.replaceAll('process.getBuiltinModule(', '__attestBuiltin(');
  const chunkTable = chunks.map((name) => viaOverlay(chunkFunction(name, String(files[name]))));
  const dataTable = data.map((name) => `${JSON.stringify(name)}: ${embedded(files[name])},`);
  return [
    '#!/usr/bin/env node',
    ...(header ? [header.trimEnd()] : []),
    PRELUDE.trim(),
    '',
    `const __attestFiles = {\n${dataTable.join('\n')}\n};`,
    '',
    `const __attestChunks = {\n${chunkTable.join('\n')}\n};`,
    '',
    viaOverlay(main).trimEnd(),
    '',
    `process.exitCode = await ${exported[1]}(process.argv.slice(2));`,
    '',
  ].join('\n');
}
