export const id = 224;
export const ids = [224];
export const modules = {

/***/ 28224:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lZ: () => (/* reexport */ ActionError),
  tE: () => (/* reexport */ booleanInput),
  _8: () => (/* reexport */ bundleFacts),
  ij: () => (/* reexport */ choiceInput),
  kx: () => (/* reexport */ collectArtifacts),
  zU: () => (/* reexport */ decodeExpected),
  K3: () => (/* reexport */ formatSums),
  Os: () => (/* reexport */ group),
  dt: () => (/* reexport */ listInput),
  sc: () => (/* reexport */ logProgress),
  CG: () => (/* reexport */ output),
  vU: () => (/* reexport */ rehashDirectory),
  WS: () => (/* reexport */ rekorLink),
  it: () => (/* reexport */ requireIdToken),
  YF: () => (/* reexport */ requiredInput),
  Cs: () => (/* reexport */ runAction),
  Uj: () => (/* reexport */ stringInput),
  Sy: () => (/* reexport */ writeSummary)
});

// UNUSED EXPORTS: summaryMarkdown

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/core/dist/index.js + 10 modules
var dist = __webpack_require__(82284);
;// CONCATENATED MODULE: ./actions/common/lib/error.js

class ActionError extends dist/* BaseError */.Cf {
}
//# sourceMappingURL=error.js.map
;// CONCATENATED MODULE: ./actions/common/lib/artifacts.js




/** The artifacts to attest with their digests; names are what the statement's subjects say. */
async function collectArtifacts(inputs) {
    let artifacts;
    if (inputs.checksums) {
        if (!inputs.subjectsDirectory) {
            throw new ActionError({
                code: 'INVALID_INPUT',
                message: 'checksums needs subjects-directory',
            });
        }
        const entries = (0,dist/* parseChecksumFile */.j7)(await (0,promises_.readFile)(inputs.checksums, 'utf8'), inputs.checksums);
        // The file says what was verified; hashing again here costs little and closes the gap
        // between the check and the use.
        artifacts = await (0,dist/* mapConcurrent */._k)(entries, 4, async (e) => {
            const path = (0,external_node_path_.join)(inputs.subjectsDirectory, e.path);
            const sha256 = (await (0,dist/* digestFile */.TM)(path)).sha256;
            if (sha256 !== e.hex) {
                throw new ActionError({
                    code: 'DIGEST_MISMATCH',
                    message: `${path}: sha256 ${sha256} differs from ${inputs.checksums}'s ${e.hex}`,
                });
            }
            return { name: e.path, path, sha256 };
        });
    }
    else if (inputs.subjectsDirectory) {
        const names = (await (0,promises_.readdir)(inputs.subjectsDirectory, { withFileTypes: true }))
            .filter((d) => d.isFile())
            .map((d) => d.name)
            .sort();
        artifacts = await (0,dist/* mapConcurrent */._k)(names, 4, async (name) => {
            const path = (0,external_node_path_.join)(inputs.subjectsDirectory, name);
            return { name, path, sha256: (await (0,dist/* digestFile */.TM)(path)).sha256 };
        });
    }
    else if (inputs.subjectPaths.length > 0) {
        const found = await (0,dist/* expandPaths */.pR)(inputs.subjectPaths);
        artifacts = await (0,dist/* mapConcurrent */._k)(found, 4, async (f) => ({
            name: (0,dist/* subjectName */.wn)(f),
            path: f.path,
            sha256: (await (0,dist/* digestFile */.TM)(f.path)).sha256,
        }));
    }
    else {
        throw new ActionError({
            code: 'INVALID_INPUT',
            message: 'give the artifacts in subject-path or subjects-directory',
        });
    }
    if (artifacts.length === 0) {
        throw new ActionError({ code: 'INVALID_INPUT', message: 'no artifacts found to attest' });
    }
    const seen = new Set();
    for (const a of artifacts) {
        if (seen.has(a.name)) {
            throw new ActionError({
                code: 'INVALID_INPUT',
                message: `two artifacts are named "${a.name}"`,
            });
        }
        seen.add(a.name);
    }
    return artifacts;
}
//# sourceMappingURL=artifacts.js.map
;// CONCATENATED MODULE: ./actions/common/lib/hash.js




/**
 * Decodes the digests the build legs passed on as job outputs: whitespace-separated base64 of
 * sha256sum text, one per leg (empty legs are blank).
 */
function decodeExpected(base64List) {
    return base64List
        .split(/\s+/)
        .filter((chunk) => chunk !== '')
        .map((chunk) => {
        if (!/^[A-Za-z0-9+/]+={0,2}$/.test(chunk)) {
            throw new ActionError({
                code: 'INVALID_INPUT',
                message: 'expected-base64: not base64-encoded sha256sum output',
            });
        }
        const text = Buffer.from(chunk, 'base64').toString('utf8');
        return text.endsWith('\n') ? text : `${text}\n`;
    })
        .join('');
}
function formatSums(files) {
    return files.map((f) => `${(0,dist/* formatChecksumLine */.$m)(f.sha256, f.name)}\n`).join('');
}
/**
 * Re-hashes every file of a downloaded directory against the digests that crossed the job
 * boundary as outputs, and fails closed: a digest that differs, a file that is missing, or a
 * file nobody hashed (something added after the build) all fail.
 */
async function rehashDirectory(directory, expectedText) {
    const expected = (0,dist/* parseChecksumFile */.j7)(expectedText, 'expected digests');
    if (expected.length === 0) {
        throw new ActionError({ code: 'INVALID_INPUT', message: 'no expected digests were given' });
    }
    const byName = new Map();
    for (const e of expected) {
        if (e.algorithm !== 'sha256') {
            throw new ActionError({
                code: 'INVALID_INPUT',
                message: `${e.path}: only sha256 digests are expected`,
            });
        }
        if (e.path.includes('/') || e.path.includes('\\') || e.path === '.' || e.path === '..') {
            throw new ActionError({
                code: 'INVALID_INPUT',
                message: `${e.path}: expected a plain file name`,
            });
        }
        if (byName.has(e.path) && byName.get(e.path) !== e.hex) {
            throw new ActionError({
                code: 'INVALID_INPUT',
                message: `${e.path}: listed twice with different digests`,
            });
        }
        byName.set(e.path, e.hex);
    }
    let present;
    try {
        present = (await (0,promises_.readdir)(directory, { withFileTypes: true }))
            .map((d) => {
            if (!d.isFile()) {
                throw new ActionError({
                    code: 'UNEXPECTED_FILE',
                    message: `${(0,external_node_path_.join)(directory, d.name)}: not a regular file; only the built files are expected`,
                });
            }
            return d.name;
        })
            .sort();
    }
    catch (err) {
        if (err instanceof ActionError)
            throw err;
        throw new ActionError({
            code: 'MISSING_FILE',
            message: `${directory}: cannot read the directory`,
            cause: err,
        });
    }
    const unexpected = present.filter((n) => !byName.has(n));
    if (unexpected.length > 0) {
        throw new ActionError({
            code: 'UNEXPECTED_FILE',
            message: `${directory}: ${unexpected.join(', ')} ${unexpected.length === 1 ? 'was' : 'were'} not hashed by the build job`,
        });
    }
    const names = [...byName.keys()].sort();
    const missing = names.filter((n) => !present.includes(n));
    if (missing.length > 0) {
        throw new ActionError({
            code: 'MISSING_FILE',
            message: `${directory}: ${missing.join(', ')} hashed by the build job but not downloaded`,
        });
    }
    const hashed = await (0,dist/* mapConcurrent */._k)(names, 4, async (name) => ({
        name,
        sha256: (await (0,dist/* digestFile */.TM)((0,external_node_path_.join)(directory, name))).sha256,
    }));
    for (const file of hashed) {
        if (file.sha256 !== byName.get(file.name)) {
            throw new ActionError({
                code: 'DIGEST_MISMATCH',
                message: `${(0,external_node_path_.join)(directory, file.name)}: sha256 ${file.sha256} differs from the build job's ${byName.get(file.name)}`,
            });
        }
    }
    return hashed;
}
//# sourceMappingURL=hash.js.map
// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 14 modules
var core = __webpack_require__(96421);
;// CONCATENATED MODULE: ./actions/common/lib/inputs.js


// Thin typed readers over @actions/core: the runner passes inputs as INPUT_<NAME> with the
// name upper-cased and hyphens kept (INPUT_OCI-REPOSITORY).
function stringInput(name, fallback = '') {
    return core/* getInput */.V4(name).trim() || fallback;
}
function requiredInput(name) {
    const value = core/* getInput */.V4(name).trim();
    if (value === '') {
        throw new ActionError({ code: 'INVALID_INPUT', message: `input "${name}" is required` });
    }
    return value;
}
/** Newline-separated values, blank lines and `#` comments dropped. */
function listInput(name) {
    return core/* getInput */.V4(name)
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '' && !l.startsWith('#'));
}
function booleanInput(name, fallback) {
    const raw = core/* getInput */.V4(name).trim();
    if (raw === '')
        return fallback;
    if (/^(true|yes|1)$/i.test(raw))
        return true;
    if (/^(false|no|0)$/i.test(raw))
        return false;
    throw new ActionError({
        code: 'INVALID_INPUT',
        message: `input "${name}" must be true or false, got "${raw}"`,
    });
}
function choiceInput(name, choices, fallback) {
    const raw = core/* getInput */.V4(name).trim();
    if (raw === '')
        return fallback;
    if (!choices.includes(raw)) {
        throw new ActionError({
            code: 'INVALID_INPUT',
            message: `input "${name}" must be one of ${choices.join(', ')}, got "${raw}"`,
        });
    }
    return raw;
}
//# sourceMappingURL=inputs.js.map
;// CONCATENATED MODULE: ./actions/common/lib/outputs.js

/** Sets an output, and says so in the log (outputs are otherwise invisible). */
function output(name, value) {
    core/* setOutput */.uH(name, value);
    core/* debug */.Yz(`output ${name}=${String(value)}`);
}
//# sourceMappingURL=outputs.js.map
;// CONCATENATED MODULE: ./actions/common/lib/progress.js

/** Packages report through a callback; in an action that is the log (warnings become annotations). */
function logProgress(event) {
    const line = `${event.step}: ${event.message}`;
    if (event.level === 'debug')
        core/* debug */.Yz(line);
    else if (event.level === 'warning')
        core/* warning */.$e(line);
    else
        core/* info */.pq(line);
}
//# sourceMappingURL=progress.js.map
;// CONCATENATED MODULE: ./actions/common/lib/run.js



/**
 * The one top-level of every action: read the inputs, run, and on any error call
 * `core.setFailed` once (an error annotation and exit code 1). Errors of our packages carry
 * their own clear message; anything else is shown with its stack in the debug log.
 */
async function runAction(read, run) {
    try {
        await run(read());
    }
    catch (err) {
        if ((0,dist/* isBaseError */.A)(err)) {
            core/* setFailed */.C1(err.message);
        }
        else {
            core/* debug */.Yz(err?.stack ?? String(err));
            core/* setFailed */.C1(`internal error: ${err?.message ?? String(err)}`);
        }
    }
}
/**
 * Fails before any work when the job cannot get an OIDC token, with the fix (as actions/attest
 * does): the runner only sets these variables when the job has `id-token: write`.
 */
function requireIdToken(env = process.env) {
    if (!env.ACTIONS_ID_TOKEN_REQUEST_URL || !env.ACTIONS_ID_TOKEN_REQUEST_TOKEN) {
        throw new ActionError({
            code: 'MISSING_ID_TOKEN_PERMISSION',
            message: 'missing "id-token: write" permission: signing needs an OIDC token. Add to the job:\n' +
                '  permissions:\n    id-token: write # Needed to sign with Sigstore\n' +
                '    contents: read',
        });
    }
}
/** Runs `fn` inside a collapsible log group. */
async function group(title, fn) {
    return core/* group */.Os(title, fn);
}
//# sourceMappingURL=run.js.map
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./actions/common/lib/summary.js


const cell = (s) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
const code = (s) => `\`${s.replace(/`/g, "'")}\``;
function table(headers, rows) {
    return [
        `| ${headers.join(' | ')} |`,
        `| ${headers.map(() => '---').join(' | ')} |`,
        ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    ].join('\n');
}
/** The job summary as Markdown: what was attested, from what, by whom, and where it went. */
function summaryMarkdown(data) {
    const parts = [`## ${data.title}`];
    if (data.subjects?.length) {
        parts.push(table(['Subject', 'sha256'], data.subjects.map((s) => [code(s.name), code(s.sha256)])));
    }
    if (data.sboms?.length) {
        const ecosystems = [...new Set(data.sboms.flatMap((s) => Object.keys(s.ecosystems)))].sort();
        parts.push(table(['SBOM of', 'components', ...ecosystems], data.sboms.map((s) => [
            code(s.subject),
            String(s.componentCount),
            ...ecosystems.map((e) => String(s.ecosystems[e] ?? 0)),
        ])));
    }
    if (data.signer)
        parts.push(`Signed by ${code(data.signer)}`);
    if (data.tlog?.length) {
        parts.push(table(['Transparency log entry', 'for'], data.tlog.map((t) => [
            t.url ? `[${t.logIndex}](${t.url})` : t.logIndex,
            t.subject ? code(t.subject) : '',
        ])));
    }
    if (data.oci?.length)
        parts.push(table(['OCI reference'], data.oci.map((r) => [code(r)])));
    if (data.verifications?.length) {
        parts.push(table(['Artifact', 'Result', 'Detail'], data.verifications.map((v) => [
            code(v.artifact),
            v.verified ? 'verified' : '**FAILED**',
            v.detail,
        ])));
    }
    for (const note of data.notes ?? [])
        parts.push(note);
    return `${parts.join('\n\n')}\n`;
}
async function writeSummary(data) {
    // Outside a runner (no GITHUB_STEP_SUMMARY) there is nowhere to write it: not an error.
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    await core/* summary */.z.addRaw(summaryMarkdown(data)).write();
}
/** Who signed a Sigstore bundle and where it was logged, read from the bundle itself. */
function bundleFacts(bundle) {
    const vm = bundle?.verificationMaterial ?? {};
    const facts = {};
    const raw = vm.certificate?.rawBytes ?? vm.x509CertificateChain?.certificates?.[0]?.rawBytes;
    if (raw) {
        try {
            const san = new external_node_crypto_.X509Certificate(Buffer.from(raw, 'base64')).subjectAltName ?? '';
            facts.signer = san.replace(/^(URI|email):/, '').split(', ')[0];
        }
        catch {
            // An unreadable certificate leaves the signer out of the summary; verification is elsewhere.
        }
    }
    else if (vm.publicKey?.hint) {
        facts.signer = `key ${vm.publicKey.hint}`;
    }
    const index = vm.tlogEntries?.[0]?.logIndex;
    if (index !== undefined)
        facts.logIndex = String(index);
    return facts;
}
/** A browsable link for a Rekor log index: the Sigstore search UI for public-good, else the API. */
function rekorLink(rekorURL, logIndex) {
    if (!rekorURL)
        return undefined;
    if (/^https:\/\/rekor\.sigstore\.dev\/?$/.test(rekorURL)) {
        return `https://search.sigstore.dev/?logIndex=${logIndex}`;
    }
    return `${rekorURL.replace(/\/$/, '')}/api/v1/log/entries?logIndex=${logIndex}`;
}
//# sourceMappingURL=summary.js.map
;// CONCATENATED MODULE: ./actions/common/lib/index.js








//# sourceMappingURL=index.js.map

/***/ }),

/***/ 82284:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Cf: () => (/* reexport */ BaseError),
  nw: () => (/* reexport */ BuildType),
  am: () => (/* reexport */ error_CoreError),
  zu: () => (/* reexport */ MediaType),
  Ot: () => (/* reexport */ PredicateType),
  Y5: () => (/* reexport */ buildStatement),
  QN: () => (/* reexport */ digestBytes),
  TM: () => (/* reexport */ digest_digestFile),
  pR: () => (/* reexport */ files_expandPaths),
  zS: () => (/* reexport */ error_fileError),
  $m: () => (/* reexport */ formatChecksumLine),
  A: () => (/* reexport */ isBaseError),
  _k: () => (/* reexport */ mapConcurrent),
  j7: () => (/* reexport */ checksums_parseChecksumFile),
  m: () => (/* reexport */ parseDigest),
  q: () => (/* reexport */ parseJsonDocuments),
  By: () => (/* reexport */ parseStatement),
  wn: () => (/* reexport */ files_subjectName),
  $f: () => (/* reexport */ unwrapAttestationRecord),
  N7: () => (/* reexport */ walkDirectory),
  Zf: () => (/* reexport */ writeFileAtomic)
});

// UNUSED EXPORTS: DIGEST_ALGORITHMS, MAX_SUBJECTS, OCI_EMPTY_DIGEST, STATEMENT_TYPE_V1, assertAlgorithm, dedupeSubjects, encodeEnvelope, envelopePayload, formatDigest, preAuthEncoding, subjectsFromChecksumFile, subjectsFromPaths

;// CONCATENATED MODULE: ./packages/core/dist/error.js
/**
 * The one error shape of every package: a string-literal `code` that callers switch on, an
 * optional `cause`, and the class name as `name` so logs say which package threw.
 */
class BaseError extends Error {
    code;
    constructor(options) {
        super(options.message, options.cause === undefined ? undefined : { cause: options.cause });
        this.code = options.code;
        this.name = this.constructor.name;
    }
}
class error_CoreError extends BaseError {
}
/** True for errors thrown by any build-artifact package (they all extend BaseError). */
function isBaseError(value) {
    return value instanceof BaseError;
}
/** Turns a Node.js fs error into a CoreError that names the file. */
function error_fileError(path, err) {
    const code = err?.code;
    if (code === 'ENOENT') {
        return new error_CoreError({
            code: 'FILE_NOT_FOUND',
            message: `${path}: no such file or directory`,
            cause: err,
        });
    }
    const reason = code === 'EACCES'
        ? 'permission denied'
        : code === 'EISDIR'
            ? 'is a directory'
            : (err?.message ?? String(err));
    return new error_CoreError({ code: 'FILE_UNREADABLE', message: `${path}: ${reason}`, cause: err });
}
//# sourceMappingURL=error.js.map
;// CONCATENATED MODULE: ./packages/core/dist/checksums.js

const HEX_LENGTH = { 64: 'sha256', 128: 'sha512' };
// GNU coreutils escapes a name holding a backslash, newline or carriage return and marks the
// line with a leading backslash, so every entry stays on one line.
function escapeName(name) {
    if (!/[\\\n\r]/.test(name))
        return { escaped: false, text: name };
    return {
        escaped: true,
        text: name.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '\\r'),
    };
}
function unescapeName(text) {
    return text.replace(/\\(.)/g, (_, c) => (c === 'n' ? '\n' : c === 'r' ? '\r' : c));
}
/** One line as `sha256sum` prints it: `<hex>  <path>`, escaped like GNU coreutils when needed. */
function formatChecksumLine(hex, path) {
    const { escaped, text } = escapeName(path);
    return `${escaped ? '\\' : ''}${hex}  ${text}`;
}
/**
 * Parses `sha256sum`/`sha512sum` output (GNU, with `*` binary markers and escaped names) and
 * the BSD tag form `SHA256 (name) = hex`. `source` names the file in errors.
 */
function checksums_parseChecksumFile(text, source = 'checksums') {
    const entries = [];
    const lines = text.split('\n');
    lines.forEach((raw, index) => {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (line.trim() === '' || line.startsWith('#'))
            return;
        const fail = (what) => {
            throw new error_CoreError({
                code: 'INVALID_CHECKSUM_FILE',
                message: `${source}:${index + 1}: ${what}`,
            });
        };
        const bsd = /^(\\?)(SHA256|SHA512) \((.*)\) = ([0-9a-fA-F]+)$/.exec(line);
        if (bsd) {
            const algorithm = bsd[2].toLowerCase();
            const hex = bsd[4].toLowerCase();
            if (HEX_LENGTH[hex.length] !== algorithm)
                fail(`${bsd[2]} digest has ${hex.length} hex characters`);
            entries.push({ algorithm, hex, path: bsd[1] ? unescapeName(bsd[3]) : bsd[3] });
            return;
        }
        const gnu = /^(\\?)([0-9a-fA-F]+) ([ *])(.+)$/.exec(line);
        if (!gnu)
            fail('expected "<hex>  <file>"');
        const hex = gnu[2].toLowerCase();
        const algorithm = HEX_LENGTH[hex.length];
        if (!algorithm)
            fail(`a digest of ${hex.length} hex characters is neither sha256 nor sha512`);
        entries.push({
            algorithm: algorithm,
            hex,
            path: gnu[1] ? unescapeName(gnu[4]) : gnu[4],
            ...(gnu[3] === '*' ? { binary: true } : {}),
        });
    });
    return entries;
}
//# sourceMappingURL=checksums.js.map
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./packages/core/dist/digest.js



const DIGEST_ALGORITHMS = (/* unused pure expression or super */ null && (['sha256', 'sha512']));
// Reads are large so that the per-call overhead disappears next to hashing, and two buffers
// alternate so that the next read runs in the thread pool while this chunk is hashed. 1 MiB,
// not more: a chunk the hash reads while it is still in the CPU's cache hashes a 25 MB file
// some 20% faster than 4 MiB chunks do.
const CHUNK_SIZE = 1024 * 1024;
function assertAlgorithm(value) {
    if (DIGEST_ALGORITHMS.includes(value))
        return value;
    throw new CoreError({
        code: 'INVALID_ALGORITHM',
        message: `unsupported digest algorithm "${value}" (expected one of: ${DIGEST_ALGORITHMS.join(', ')})`,
    });
}
/** Hashes bytes already in memory. */
function digestBytes(data, algorithm = 'sha256') {
    return (0,external_node_crypto_.createHash)(algorithm).update(data).digest('hex');
}
/**
 * Hashes a file with one or more algorithms in a single pass, streaming: memory use is two
 * chunks whatever the file size.
 */
async function digest_digestFile(path, algorithms = ['sha256'], onProgress) {
    let handle;
    try {
        handle = await (0,promises_.open)(path, 'r');
    }
    catch (err) {
        throw error_fileError(path, err);
    }
    try {
        const hashes = algorithms.map((a) => (0,external_node_crypto_.createHash)(a));
        const size = (await handle.stat()).size;
        const buffers = [
            Buffer.allocUnsafe(Math.min(CHUNK_SIZE, Math.max(size, 1))),
            Buffer.allocUnsafe(0),
        ];
        let position = 0;
        let current = 0;
        let pending = handle.read(buffers[0], 0, buffers[0].length, position);
        for (;;) {
            const { bytesRead } = await pending;
            if (bytesRead === 0)
                break;
            position += bytesRead;
            const chunk = buffers[current].subarray(0, bytesRead);
            current ^= 1;
            if (buffers[current].length === 0)
                buffers[current] = Buffer.allocUnsafe(buffers[0].length);
            const next = buffers[current];
            pending = handle.read(next, 0, next.length, position);
            for (const h of hashes)
                h.update(chunk);
            onProgress?.(position);
        }
        const result = {};
        algorithms.forEach((a, i) => {
            result[a] = hashes[i].digest('hex');
        });
        return result;
    }
    catch (err) {
        if (err instanceof error_CoreError)
            throw err;
        throw error_fileError(path, err);
    }
    finally {
        await handle.close();
    }
}
/** `sha256:<hex>` as OCI and container tooling write digests. */
function formatDigest(algorithm, hex) {
    return `${algorithm}:${hex}`;
}
/** Splits `sha256:<hex>` into its parts, checking the hex length for the algorithm. */
function parseDigest(value) {
    const match = /^(sha256|sha512):([0-9a-f]+)$/.exec(value);
    const expected = match?.[1] === 'sha512' ? 128 : 64;
    if (!match || match[2].length !== expected) {
        throw new error_CoreError({
            code: 'INVALID_ALGORITHM',
            message: `not a sha256 or sha512 digest: "${value}"`,
        });
    }
    return { algorithm: match[1], hex: match[2] };
}
//# sourceMappingURL=digest.js.map
;// CONCATENATED MODULE: ./packages/core/dist/dsse.js

/** DSSE v1 pre-authentication encoding: `DSSEv1 SP len(type) SP type SP len(body) SP body`. */
function preAuthEncoding(payloadType, payload) {
    const type = Buffer.from(payloadType, 'utf8');
    const head = Buffer.from(`DSSEv1 ${type.length} ${payloadType} ${payload.length} `, 'utf8');
    return Buffer.concat([head, payload]);
}
function encodeEnvelope(payloadType, payload, signatures) {
    return {
        payloadType,
        payload: Buffer.from(payload).toString('base64'),
        signatures: signatures.map((s) => ({
            ...(s.keyid ? { keyid: s.keyid } : {}),
            sig: Buffer.from(s.sig).toString('base64'),
        })),
    };
}
/** The raw payload bytes of an envelope, checking that it is well-formed. */
function envelopePayload(envelope, source = 'envelope') {
    const e = envelope;
    if (typeof e !== 'object' ||
        e === null ||
        typeof e.payload !== 'string' ||
        typeof e.payloadType !== 'string') {
        throw new CoreError({
            code: 'INVALID_ENVELOPE',
            message: `${source}: not a DSSE envelope (payload and payloadType are required)`,
        });
    }
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(e.payload)) {
        throw new CoreError({ code: 'INVALID_ENVELOPE', message: `${source}: payload is not base64` });
    }
    return Buffer.from(e.payload, 'base64');
}
//# sourceMappingURL=dsse.js.map
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./packages/core/dist/files.js




const GLOB_CHARS = /[*?[{]/;
// Byte-wise ordering, as `LC_ALL=C sort` and `find | sort` give: independent of the locale.
function compareNames(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/**
 * Every regular file below `dir` (that `accept` takes, by name), recursing in sorted order;
 * symlinks to files and folders are followed, dangling ones skipped as `find -type f` would.
 * The walk is synchronous, on the entry types `readdir` already returns: one call per folder,
 * a stat only for links, no round trips through the thread pool (a large tree costs a
 * fraction of a stat per file, and a command that only walks does not load node:fs/promises).
 */
async function walkDirectory(dir, skip = new Set(), accept = () => true) {
    const out = [];
    const visit = (current) => {
        let entries;
        try {
            entries = (0,external_node_fs_.readdirSync)(current, { withFileTypes: true }).sort((a, b) => compareNames(a.name, b.name));
        }
        catch (err) {
            throw error_fileError(current, err);
        }
        for (const entry of entries) {
            if (skip.has(entry.name))
                continue;
            const full = (0,external_node_path_.join)(current, entry.name);
            let isDirectory = entry.isDirectory();
            let isFile = entry.isFile();
            if (entry.isSymbolicLink()) {
                try {
                    const info = (0,external_node_fs_.statSync)(full);
                    isDirectory = info.isDirectory();
                    isFile = info.isFile();
                }
                catch (err) {
                    // Dangling (or a loop of links): skipped, as find -type f does. Anything else (no
                    // permission to follow it) is an error that names the link.
                    const code = err.code;
                    if (code === 'ENOENT' || code === 'ELOOP')
                        continue;
                    throw error_fileError(full, err);
                }
            }
            if (isDirectory)
                visit(full);
            else if (isFile && accept(entry.name))
                out.push(full);
        }
    };
    visit(dir);
    return out;
}
/**
 * Expands path arguments into regular files: a file is itself, a directory is every file below
 * it in sorted order, and an argument with glob characters that names no existing file is
 * expanded as a glob (sorted).
 */
async function files_expandPaths(args, options = {}) {
    const found = [];
    for (const arg of args) {
        let info;
        try {
            info = await (0,promises_.stat)(arg);
        }
        catch (err) {
            if (!GLOB_CHARS.test(arg))
                throw error_fileError(arg, err);
        }
        if (info?.isDirectory()) {
            for (const path of await walkDirectory(arg, options.skip))
                found.push({ path, from: arg });
        }
        else if (info) {
            found.push({ path: arg, from: arg });
        }
        else {
            const matches = [];
            for await (const match of (0,promises_.glob)(arg))
                matches.push(match);
            const files = [];
            for (const m of matches.sort(compareNames)) {
                if ((await (0,promises_.stat)(m)).isFile())
                    files.push(m);
            }
            if (files.length === 0)
                throw error_fileError(arg, Object.assign(new Error('no match'), { code: 'ENOENT' }));
            for (const path of files)
                found.push({ path, from: arg });
        }
    }
    return found;
}
/** The name a found file gets as an in-toto subject: its path below the directory it came from, else its base name. */
function files_subjectName(file) {
    if (file.path === file.from)
        return file.path.split(external_node_path_.sep).pop();
    const rel = (0,external_node_path_.relative)(file.from, file.path);
    return rel.startsWith('..') ? file.path.split(external_node_path_.sep).pop() : rel.split(external_node_path_.sep).join('/');
}
//# sourceMappingURL=files.js.map
;// CONCATENATED MODULE: ./packages/core/dist/json-documents.js

/**
 * A file of one JSON document, or of JSON lines (one document per line, as `gh attestation
 * download`, `.intoto.jsonl` files and trusted-root bundles hold them). Errors name the file
 * and, for a line, its number.
 */
function parseJsonDocuments(text, source) {
    const trimmed = text.trim();
    if (trimmed === '') {
        throw new error_CoreError({ code: 'INVALID_JSON', message: `${source}: the file is empty` });
    }
    try {
        return [{ source, text: trimmed, json: JSON.parse(trimmed) }];
    }
    catch {
        // Not one JSON document: read it as JSON lines.
    }
    const out = [];
    for (const [i, line] of text.split('\n').entries()) {
        const lineText = line.trim();
        if (lineText === '')
            continue;
        try {
            out.push({ source: `${source}:${i + 1}`, text: lineText, json: JSON.parse(lineText) });
        }
        catch (err) {
            throw new error_CoreError({
                code: 'INVALID_JSON',
                message: `${source}:${i + 1}: not JSON (${err.message})`,
            });
        }
    }
    return out;
}
/**
 * A Sigstore bundle inside a GitHub attestation API record (`{"bundle": {...}}`, as the API and
 * `gh attestation download` give them); anything else as it is.
 */
function unwrapAttestationRecord(value) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
        const record = value;
        if (record.mediaType === undefined && typeof record.bundle === 'object')
            return record.bundle;
    }
    return value;
}
//# sourceMappingURL=json-documents.js.map
;// CONCATENATED MODULE: ./packages/core/dist/media-types.js
/** Media types and well-known URIs used across the toolkit (see REFERENCE.md for sources). */
const MediaType = {
    IN_TOTO: 'application/vnd.in-toto+json',
    SIGSTORE_BUNDLE_V03: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    SIGSTORE_BUNDLE_V02: 'application/vnd.dev.sigstore.bundle+json;version=0.2',
    SIGSTORE_BUNDLE_V01: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
    CYCLONEDX_JSON: 'application/vnd.cyclonedx+json',
    OCI_MANIFEST: 'application/vnd.oci.image.manifest.v1+json',
    OCI_INDEX: 'application/vnd.oci.image.index.v1+json',
    OCI_EMPTY: 'application/vnd.oci.empty.v1+json',
    OCI_LAYER_TAR: 'application/vnd.oci.image.layer.v1.tar',
    DOCKER_MANIFEST_V2: 'application/vnd.docker.distribution.manifest.v2+json',
    DOCKER_MANIFEST_LIST: 'application/vnd.docker.distribution.manifest.list.v2+json',
    WASM_CONFIG: 'application/vnd.wasm.config.v0+json',
    WASM_LAYER: 'application/wasm',
    OCTET_STREAM: 'application/octet-stream',
};
const PredicateType = {
    SLSA_PROVENANCE_V1: 'https://slsa.dev/provenance/v1',
    CYCLONEDX_BOM: 'https://cyclonedx.org/bom',
};
const STATEMENT_TYPE_V1 = 'https://in-toto.io/Statement/v1';
const BuildType = {
    /** GitHub's buildType, the shape the GitHub attestations API accepts. */
    GITHUB_WORKFLOW_V1: 'https://actions.github.io/buildtypes/workflow/v1',
    /** Older GitHub provenance (slsa-github-generator and early actions/attest). */
    GITHUB_WORKFLOW_LEGACY_V1: 'https://slsa-framework.github.io/github-actions-buildtypes/workflow/v1',
    /** Our own buildType for builds outside GitHub Actions: never passes for a GitHub build. */
    LOCAL_V1: 'https://build-artifact.dev/buildtypes/local/v1',
};
/** The digest of the OCI empty descriptor content `{}`. */
const OCI_EMPTY_DIGEST = 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a';
//# sourceMappingURL=media-types.js.map
;// CONCATENATED MODULE: ./packages/core/dist/statement.js


const statement_MAX_SUBJECTS = 1024;
function buildStatement(subjects, predicateType, predicate) {
    if (subjects.length === 0) {
        throw new error_CoreError({ code: 'NO_SUBJECTS', message: 'a statement needs at least one subject' });
    }
    if (subjects.length > statement_MAX_SUBJECTS) {
        throw new error_CoreError({
            code: 'TOO_MANY_SUBJECTS',
            message: `${subjects.length} subjects: at most ${statement_MAX_SUBJECTS} fit in one statement`,
        });
    }
    return {
        _type: STATEMENT_TYPE_V1,
        subject: subjects.map((s) => ({ name: s.name, digest: { ...s.digest } })),
        predicateType,
        predicate,
    };
}
const HEX = /^[0-9a-f]+$/;
/** Checks the shape of an in-toto Statement v1 parsed from JSON; `source` names it in errors. */
function parseStatement(value, source = 'statement') {
    const fail = (what) => {
        throw new error_CoreError({ code: 'INVALID_STATEMENT', message: `${source}: ${what}` });
    };
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        fail('not a JSON object');
    const s = value;
    if (s._type !== STATEMENT_TYPE_V1 && s._type !== 'https://in-toto.io/Statement/v0.1') {
        fail(`_type is ${JSON.stringify(s._type)}, expected "${STATEMENT_TYPE_V1}"`);
    }
    if (!Array.isArray(s.subject) || s.subject.length === 0)
        fail('subject must be a non-empty array');
    s.subject.forEach((sub, i) => {
        const d = sub?.digest;
        if (typeof d !== 'object' || d === null || Object.keys(d).length === 0)
            fail(`subject[${i}] has no digest`);
        for (const [alg, hex] of Object.entries(d)) {
            if (typeof hex !== 'string' || !HEX.test(hex.toLowerCase()))
                fail(`subject[${i}].digest.${alg} is not hex`);
        }
    });
    if (typeof s.predicateType !== 'string' || s.predicateType === '')
        fail('predicateType must be a non-empty string');
    return s;
}
//# sourceMappingURL=statement.js.map
;// CONCATENATED MODULE: ./packages/core/dist/subjects.js






/** Runs `fn` over `items` with at most `limit` promises in flight, keeping the order of results. */
async function mapConcurrent(items, limit, fn) {
    const results = new Array(items.length);
    let next = 0;
    // After a failure no new item starts: the call is failing, and (an upload, a hash) the rest
    // would be work for nothing. Items under way finish or fail on their own.
    let failed = false;
    const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
        while (next < items.length && !failed) {
            const i = next++;
            try {
                results[i] = await fn(items[i], i);
            }
            catch (err) {
                failed = true;
                throw err;
            }
        }
    });
    await Promise.all(workers);
    return results;
}
/** Subjects for files, directories (recursed, sorted) and globs; names must be unique. */
async function subjectsFromPaths(paths, options = {}) {
    const files = await expandPaths(paths);
    const limit = options.limit ?? MAX_SUBJECTS;
    if (files.length > limit) {
        throw new CoreError({
            code: 'TOO_MANY_SUBJECTS',
            message: `${files.length} files found: at most ${limit} subjects are allowed`,
        });
    }
    const algorithms = options.algorithms ?? ['sha256'];
    const subjects = await mapConcurrent(files, options.concurrency ?? 4, async (f) => ({
        name: subjectName(f),
        digest: (await digestFile(f.path, algorithms)),
    }));
    return dedupeSubjects(subjects);
}
/** Subjects listed in a `sha256sum`/`sha512sum` style checksums file. */
async function subjectsFromChecksumFile(path) {
    let text;
    try {
        text = await readFile(path, 'utf8');
    }
    catch (err) {
        throw fileError(path, err);
    }
    const entries = parseChecksumFile(text, path);
    return dedupeSubjects(entries.map((e) => ({ name: e.path, digest: { [e.algorithm]: e.hex } })));
}
/**
 * One subject per name: the same name with the same digest (a file given twice, or both as a
 * path and in a checksums file) is kept once; with another digest it is an error.
 */
function dedupeSubjects(subjects) {
    const byName = new Map();
    for (const s of subjects) {
        const seen = byName.get(s.name);
        if (seen && JSON.stringify(seen.digest) !== JSON.stringify(s.digest)) {
            throw new CoreError({
                code: 'DUPLICATE_SUBJECT',
                message: `two different files would both be named "${s.name}"`,
            });
        }
        if (!seen)
            byName.set(s.name, s);
    }
    return [...byName.values()];
}
//# sourceMappingURL=subjects.js.map
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./packages/core/dist/write.js




// The callback API of node:fs, which every process has loaded already: node:fs/promises would
// cost a command that only writes its output file a few ms to load.
const openFile = (0,external_node_util_.promisify)(external_node_fs_.open);
const writeAll = (0,external_node_util_.promisify)(external_node_fs_.writeFile);
const closeFile = (0,external_node_util_.promisify)(external_node_fs_.close);
const renameFile = (0,external_node_util_.promisify)(external_node_fs_.rename);
const remove = (0,external_node_util_.promisify)(external_node_fs_.rm);
let written = 0;
/**
 * A temporary name beside `path`. It needs to be unlikely to collide, not unguessable: the file
 * is created exclusively (`wx`), so a name that exists already fails the write and is never
 * written through. (node:crypto for a random name would cost every command a few ms to load.)
 */
function temporaryName(path) {
    const unique = `${process.pid.toString(36)}${(written++).toString(36)}${Math.random().toString(36).slice(2, 10)}`;
    return (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.${(0,external_node_path_.basename)(path)}.${unique}.tmp`);
}
/**
 * Writes a file so that readers see either the old content or all of the new: the data goes to
 * a temporary file beside it, which is then renamed over the target. Nothing half-written is
 * ever left at `path`.
 */
async function writeFileAtomic(path, data, mode) {
    const tmp = temporaryName(path);
    let created = false;
    try {
        const fd = await openFile(tmp, 'wx', mode);
        created = true;
        try {
            await writeAll(fd, data);
        }
        finally {
            await closeFile(fd);
        }
        await renameFile(tmp, path);
    }
    catch (err) {
        if (created)
            await remove(tmp, { force: true });
        throw error_fileError(path, err);
    }
}
//# sourceMappingURL=write.js.map
;// CONCATENATED MODULE: ./packages/core/dist/index.js










//# sourceMappingURL=index.js.map

/***/ })

};
