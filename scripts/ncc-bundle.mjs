// What build-actions.mjs and build-cli.mjs share: running ncc, and fixing up its bundle.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

/**
 * Bundles `entry` with ncc: the files of the bundle (bundle-relative path -> content), code
 * split where the sources import lazily. No V8 cache in the bundle: the actions' bundle is
 * committed and must be the same bytes on every machine, and the CLI's is covered by Node's
 * own compile cache.
 */
export async function nccFiles(entry) {
  const ncc = require('@vercel/ncc');
  const { code, assets } = await ncc(entry, {
    cache: false,
    minify: false,
    sourceMap: false,
    quiet: true,
    v8cache: false,
  });
  const files = { 'index.js': code };
  for (const [file, asset] of Object.entries(assets ?? {})) files[file] = asset.source;
  return files;
}

// @cyclonedx/cyclonedx-library reads its JSON schemas at run time from
// resolve(__dirname, '..', 'res') (only its Validation part, which `validateBom` loads on use),
// which ncc neither rewrites nor copies, and an ESM bundle has no __dirname. The chunk using it
// gets a __dirname of <bundle>/lib (a folder that need not exist), so the library looks in
// <bundle>/res, where the schemas it validates against are copied.
const CYCLONEDX_ROOT = "(0, node_path_1.resolve)(__dirname, '..', 'res')";
const CYCLONEDX_SCHEMAS = [
  'bom-1.6.SNAPSHOT.schema.json',
  'bom-1.7.SNAPSHOT.schema.json',
  'spdx.SNAPSHOT.schema.json',
  'jsf-0.82.SNAPSHOT.schema.json',
  'cryptography-defs.SNAPSHOT.schema.json',
];

/**
 * Adds the CycloneDX schemas to `files` (bundle-relative path -> content) and gives the one
 * chunk that uses `__dirname` its own. Any other use of `__dirname` is an error: a bundle that
 * would look for files beside it that are not there must not be written.
 */
export function withCycloneDxSchemas(files, bundleName) {
  const users = Object.keys(files).filter(
    (file) => /\.m?js$/.test(file) && String(files[file]).includes('__dirname'),
  );
  if (users.length === 0) return;
  const uses = users.map((file) => String(files[file]).split('__dirname').length - 1);
  if (users.length !== 1 || uses[0] !== 1 || !String(files[users[0]]).includes(CYCLONEDX_ROOT)) {
    throw new Error(
      `${bundleName} uses __dirname in ${users.join(', ')} in a way the bundle scripts do not know`,
    );
  }
  const library = path.dirname(
    require.resolve('@cyclonedx/cyclonedx-library/package.json', {
      paths: [path.join(root, 'packages', 'sbom')],
    }),
  );
  for (const file of CYCLONEDX_SCHEMAS) {
    files[`res/schema/${file}`] = new Uint8Array(
      readFileSync(path.join(library, 'res', 'schema', file)),
    );
  }
  const shim =
    "import { dirname as __baDirname, join as __baJoin } from 'node:path';\n" +
    "import { fileURLToPath as __baFileURLToPath } from 'node:url';\n" +
    "const __dirname = __baJoin(__baDirname(__baFileURLToPath(import.meta.url)), 'lib');\n";
  files[users[0]] = shim + String(files[users[0]]);
}
