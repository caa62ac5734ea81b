export const id = 688;
export const ids = [688];
export const modules = {

/***/ 27688:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Annotation: () => (/* reexport */ Annotation),
  DEFAULT_FILE_ARTIFACT_TYPE: () => (/* reexport */ DEFAULT_FILE_ARTIFACT_TYPE),
  EMPTY_CONFIG: () => (/* reexport */ EMPTY_CONFIG),
  LAYOUT_PREFIX: () => (/* reexport */ LAYOUT_PREFIX),
  MANIFEST_ACCEPT: () => (/* reexport */ MANIFEST_ACCEPT),
  MAX_LAYOUT_INDEX_BYTES: () => (/* reexport */ MAX_LAYOUT_INDEX_BYTES),
  MAX_MANIFEST_BYTES: () => (/* reexport */ MAX_MANIFEST_BYTES),
  OciClient: () => (/* reexport */ OciClient),
  OciError: () => (/* reexport */ OciError),
  OciLayout: () => (/* reexport */ OciLayout),
  REGISTRY_PREFIX: () => (/* reexport */ REGISTRY_PREFIX),
  RegistryTransport: () => (/* reexport */ RegistryTransport),
  addToReferrersIndex: () => (/* reexport */ addToReferrersIndex),
  attachBundle: () => (/* reexport */ attachBundle),
  attachReferrer: () => (/* reexport */ attachReferrer),
  attachSbom: () => (/* reexport */ attachSbom),
  blobFromBytes: () => (/* reexport */ blobFromBytes),
  blobFromFile: () => (/* reexport */ blobFromFile),
  checkBytes: () => (/* reexport */ checkBytes),
  contextAnnotations: () => (/* reexport */ contextAnnotations),
  descriptorDigest: () => (/* reexport */ descriptorDigest),
  detectPlatform: () => (/* reexport */ detectPlatform),
  detectWasm: () => (/* reexport */ detectWasm),
  fetchEvidence: () => (/* reexport */ fetchEvidence),
  fetchReferrer: () => (/* reexport */ fetchReferrer),
  formatPlatform: () => (/* reexport */ formatPlatform),
  formatReference: () => (/* reexport */ formatReference),
  hostPlatform: () => (/* reexport */ hostPlatform),
  indexOf: () => (/* reexport */ indexOf),
  isIndex: () => (/* reexport */ isIndex),
  isLoopback: () => (/* reexport */ isLoopback),
  listReferrers: () => (/* reexport */ listReferrers),
  openTarget: () => (/* reexport */ openTarget),
  parseChallenges: () => (/* reexport */ parseChallenges),
  parseErrorBody: () => (/* reexport */ parseErrorBody),
  parsePlan: () => (/* reexport */ parsePlan),
  parsePlatform: () => (/* reexport */ parsePlatform),
  parseReference: () => (/* reexport */ parseReference),
  planArtifact: () => (/* reexport */ planArtifact),
  planFile: () => (/* reexport */ planFile),
  planIndex: () => (/* reexport */ planIndex),
  planWasm: () => (/* reexport */ planWasm),
  pull: () => (/* reexport */ pull),
  pushArtifact: () => (/* reexport */ pushArtifact),
  pushFile: () => (/* reexport */ pushFile),
  pushIndex: () => (/* reexport */ pushIndex),
  pushPlan: () => (/* reexport */ pushPlan),
  pushWasm: () => (/* reexport */ pushWasm),
  readManifest: () => (/* reexport */ readManifest),
  referrersTag: () => (/* reexport */ referrersTag),
  repositoryScope: () => (/* reexport */ repositoryScope),
  resolveCredentials: () => (/* reexport */ resolveCredentials),
  retryAfterMs: () => (/* reexport */ retryAfterMs),
  runCredentialHelper: () => (/* reexport */ runCredentialHelper),
  serializePlan: () => (/* reexport */ serializePlan),
  sourceDateEpoch: () => (/* reexport */ sourceDateEpoch)
});

// EXTERNAL MODULE: ./packages/core/dist/index.js + 18 modules
var dist = __webpack_require__(23135);
;// CONCATENATED MODULE: ./packages/oci/dist/types.js

/** The media types a client accepts when it reads a manifest. */
const MANIFEST_ACCEPT = [
    dist.MediaType.OCI_MANIFEST,
    dist.MediaType.OCI_INDEX,
    dist.MediaType.DOCKER_MANIFEST_V2,
    dist.MediaType.DOCKER_MANIFEST_LIST,
].join(', ');
/** The standard annotation keys (OCI image-spec annotations.md) we write. */
const Annotation = {
    CREATED: 'org.opencontainers.image.created',
    SOURCE: 'org.opencontainers.image.source',
    REVISION: 'org.opencontainers.image.revision',
    VERSION: 'org.opencontainers.image.version',
    LICENSES: 'org.opencontainers.image.licenses',
    TITLE: 'org.opencontainers.image.title',
    DESCRIPTION: 'org.opencontainers.image.description',
    REF_NAME: 'org.opencontainers.image.ref.name',
    BUNDLE_CONTENT: 'dev.sigstore.bundle.content',
    BUNDLE_PREDICATE_TYPE: 'dev.sigstore.bundle.predicateType',
};
/** The artifactType of a plain file (a CLI binary, a tarball) pushed without one. */
const DEFAULT_FILE_ARTIFACT_TYPE = 'application/vnd.build-artifact.file.v1';
/** The empty JSON blob `{}` used as the config of artifacts. */
const EMPTY_CONFIG_BYTES = new TextEncoder().encode('{}');
const EMPTY_CONFIG = {
    mediaType: dist.MediaType.OCI_EMPTY,
    digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
    size: 2,
};
//# sourceMappingURL=types.js.map
;// CONCATENATED MODULE: ./packages/oci/dist/annotations.js


const obj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
const str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
function fromProvenance(statement) {
    const out = {};
    const predicate = obj(obj(statement)?.predicate);
    const build = obj(predicate?.buildDefinition);
    const deps = build?.resolvedDependencies;
    const first = Array.isArray(deps) ? obj(deps[0]) : undefined;
    const uri = str(first?.uri);
    // GitHub's provenance: git+https://github.com/o/r@refs/tags/v1.2.3 and digest.gitCommit.
    const match = uri ? /^git\+(https?:\/\/[^@]+?)(?:\.git)?@(.+)$/.exec(uri) : null;
    if (match) {
        out[Annotation.SOURCE] = match[1];
        const tag = /^refs\/tags\/(.+)$/.exec(match[2]);
        if (tag)
            out[Annotation.VERSION] = tag[1];
    }
    const commit = str(obj(first?.digest)?.gitCommit);
    if (commit)
        out[Annotation.REVISION] = commit;
    return out;
}
function licensesFromSbom(sbom) {
    const component = obj(obj(obj(sbom)?.metadata)?.component);
    const licenses = component?.licenses;
    if (!Array.isArray(licenses))
        return undefined;
    const parts = [];
    for (const entry of licenses) {
        const e = obj(entry);
        const expression = str(e?.expression);
        if (expression)
            parts.push(licenses.length > 1 ? `(${expression})` : expression);
        const license = obj(e?.license);
        const id = str(license?.id) ?? str(license?.name);
        if (id)
            parts.push(id);
    }
    return parts.length ? parts.join(' AND ') : undefined;
}
/**
 * The standard annotations (`org.opencontainers.image.source/.revision/.version/.licenses`)
 * from the build context, so a registry UI shows where an artifact came from. Explicit values
 * win over the provenance, which wins over the environment.
 */
function contextAnnotations(context) {
    const out = {};
    const env = context.env ?? {};
    if (env.GITHUB_REPOSITORY) {
        out[Annotation.SOURCE] =
            `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_REPOSITORY}`;
    }
    if (env.GITHUB_SHA)
        out[Annotation.REVISION] = env.GITHUB_SHA;
    if (env.GITHUB_REF_TYPE === 'tag' && env.GITHUB_REF_NAME)
        out[Annotation.VERSION] = env.GITHUB_REF_NAME;
    else if (env.GITHUB_REF?.startsWith('refs/tags/'))
        out[Annotation.VERSION] = env.GITHUB_REF.slice(10);
    Object.assign(out, context.provenance ? fromProvenance(context.provenance) : {});
    const licenses = context.sbom ? licensesFromSbom(context.sbom) : undefined;
    if (licenses)
        out[Annotation.LICENSES] = licenses;
    return out;
}
/** RFC 3339 time from `SOURCE_DATE_EPOCH` (seconds), when set (core's rule for its value). */
function sourceDateEpoch(env = {}) {
    const seconds = (0,dist.sourceDateEpoch)(env);
    if (seconds === undefined)
        return undefined;
    return new Date(seconds * 1000).toISOString().replace(/\.000Z$/, 'Z');
}
//# sourceMappingURL=annotations.js.map
;// CONCATENATED MODULE: ./packages/oci/dist/auth.js
/**
 * Parses a `WWW-Authenticate` header into its challenges. Parameter values may be quoted
 * strings holding commas and escaped quotes (a scope list is one), so this is a small tokenizer,
 * not a split on commas.
 */
function parseChallenges(header) {
    const out = [];
    let i = 0;
    const n = header.length;
    const skipSpace = () => {
        while (i < n && (header[i] === ' ' || header[i] === '\t'))
            i++;
    };
    const token = () => {
        const start = i;
        while (i < n && /[!#$%&'*+\-.^_`|~0-9A-Za-z]/.test(header[i]))
            i++;
        return header.slice(start, i);
    };
    while (i < n) {
        skipSpace();
        while (i < n && header[i] === ',') {
            i++;
            skipSpace();
        }
        const scheme = token();
        if (!scheme) {
            i++;
            continue;
        }
        const challenge = { scheme: scheme.toLowerCase(), params: {} };
        out.push(challenge);
        for (;;) {
            skipSpace();
            const save = i;
            const name = token();
            skipSpace();
            if (!name || header[i] !== '=') {
                // Not a parameter: the start of the next challenge (or a token68 we do not use).
                i = save;
                while (i < n && header[i] !== ',')
                    i++;
                break;
            }
            i++;
            skipSpace();
            let value = '';
            if (header[i] === '"') {
                i++;
                while (i < n && header[i] !== '"') {
                    if (header[i] === '\\' && i + 1 < n)
                        i++;
                    value += header[i];
                    i++;
                }
                i++;
            }
            else {
                const start = i;
                while (i < n && header[i] !== ',' && header[i] !== ' ')
                    i++;
                value = header.slice(start, i);
            }
            challenge.params[name.toLowerCase()] = value;
            skipSpace();
            if (header[i] === ',') {
                i++;
                // A parameter list goes on only if the next thing is `name=`.
                const look = i;
                skipSpace();
                const next = token();
                skipSpace();
                const isParam = next !== '' && header[i] === '=';
                i = look;
                if (!isParam)
                    break;
            }
            else {
                break;
            }
        }
    }
    return out;
}
/** `repository:<name>:<actions>` as the token protocol writes scopes. */
function repositoryScope(repository, actions) {
    return `repository:${repository}:${actions.join(',')}`;
}
/**
 * Whether `scopes` already grant `scope` (`type:name:actions`): the same resource with every
 * action it names. A registry's challenge names what one request needs (`...:pull` for a HEAD);
 * a push already asking for `...:pull,push` needs no token of its own for it.
 */
function scopeCovered(scopes, scope) {
    const split = (s) => {
        const at = s.lastIndexOf(':');
        return [s.slice(0, at), s.slice(at + 1).split(',')];
    };
    const [resource, actions] = split(scope);
    return scopes.some((s) => {
        const [r, granted] = split(s);
        return r === resource && actions.every((a) => granted.includes(a));
    });
}
//# sourceMappingURL=auth.js.map
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
;// CONCATENATED MODULE: ./packages/oci/dist/blob.js



function blobFromBytes(data) {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    return { digest: `sha256:${(0,dist.digestBytes)(bytes)}`, size: bytes.length, source: { data: bytes } };
}
/**
 * A file's blob: its size, and its digest, which takes a while for a large file. `meanwhile`,
 * started once the file is known to be there, runs during the hashing (a push readies its
 * connection); it must not reject.
 */
async function blobFromFile(path, meanwhile) {
    const size = await regularFileSize(path);
    const concurrent = meanwhile?.();
    const digest = await (0,dist.digestFile)(path, ['sha256']);
    await concurrent;
    return { digest: `sha256:${digest.sha256}`, size, source: { path } };
}
/**
 * A file's blob when its digest is already known (hashed earlier in the same flow): only its
 * size is read. A registry checks the digest of what it receives, so a file changed since
 * cannot be stored under the old digest.
 */
async function blobFromKnownFile(path, digest) {
    return { digest, size: await regularFileSize(path), source: { path } };
}
/**
 * The size of a regular file; anything else (a directory, a FIFO, a device) is an error naming
 * it and saying what it is.
 */
async function regularFileSize(path) {
    const { handle, stats } = await (0,dist.openRegularFile)(path);
    await handle.close();
    return stats.size;
}
/**
 * A stream of bytes `[start, end)` of a blob, reporting how many bytes have gone out, so
 * uploads can show progress inside one request. Called once per try: a new stream each time.
 */
function blobBody(blob, start, end, onBytes) {
    if ('data' in blob.source) {
        // Bytes in memory go out in one write, with the headers.
        const data = blob.source.data.subarray(start, end);
        onBytes?.(data.length);
        return data;
    }
    if (end <= start)
        return counted(external_node_stream_.Readable.from([]), onBytes);
    const file = (0,external_node_fs_.createReadStream)(blob.source.path, {
        start,
        end: end - 1,
        highWaterMark: 1 << 20,
    });
    return counted(file, onBytes);
}
function counted(stream, onBytes) {
    if (onBytes)
        stream.on('data', (chunk) => onBytes(chunk.length));
    return stream;
}
//# sourceMappingURL=blob.js.map
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./packages/oci/dist/error.js

/**
 * Every failure of this package. Registry answers carry who said it (`registry`), the request
 * and the HTTP status, and the registry's own error codes, so a message can say which registry
 * said what.
 */
class OciError extends dist.BaseError {
    registry;
    status;
    errors;
    /** Set for failed integrity checks: `main()` exits 1 for them, not 2. */
    exitCode;
    constructor(options) {
        super(options);
        this.registry = options.registry;
        this.status = options.status;
        this.errors = options.errors ?? [];
        if (options.code === 'DIGEST_MISMATCH')
            this.exitCode = 1;
    }
}
/** Parses an OCI error body; anything else gives no entries. */
function parseErrorBody(text) {
    try {
        const body = JSON.parse(text);
        if (!Array.isArray(body.errors))
            return [];
        return body.errors
            .filter((e) => typeof e === 'object' && e !== null)
            .map((e) => ({
            code: String(e.code ?? 'UNKNOWN'),
            ...(typeof e.message === 'string' ? { message: e.message } : {}),
            ...(e.detail === undefined ? {} : { detail: e.detail }),
        }));
    }
    catch {
        return [];
    }
}
/** Builds the error for a registry answer that was not the expected one. */
function registryError(options) {
    const errors = parseErrorBody(options.body);
    const said = errors.length > 0
        ? errors.map((e) => (e.message ? `${e.code}: ${e.message}` : e.code)).join('; ')
        : options.body.trim().slice(0, 200) || 'no details';
    const code = options.status === 401
        ? 'UNAUTHORIZED'
        : options.status === 403
            ? 'DENIED'
            : options.status === 404
                ? 'NOT_FOUND'
                : 'REGISTRY_ERROR';
    const what = options.what ? `${options.what}: ` : '';
    return new OciError({
        code,
        message: `${what}registry ${options.registry} answered ${options.status} to ${options.method} ${options.path}: ${said}`,
        registry: options.registry,
        status: options.status,
        errors,
    });
}
//# sourceMappingURL=error.js.map
;// CONCATENATED MODULE: ./packages/oci/dist/credentials.js




/** What docker and oras-go call Docker Hub in `auths` and when they ask a credential helper. */
const DOCKER_HUB_SERVER = 'https://index.docker.io/v1/';
/** The key docker uses for a registry in `auths` and `credHelpers`. */
function normaliseKey(key) {
    let host = key.replace(/^[a-z]+:\/\//i, '');
    host = host.split('/')[0] ?? host;
    if (host === 'index.docker.io' || host === 'registry-1.docker.io')
        return 'docker.io';
    return host;
}
async function readDockerConfig(env) {
    const dir = env.DOCKER_CONFIG || (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.docker');
    const path = (0,external_node_path_.join)(dir, 'config.json');
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch {
        return { path };
    }
    try {
        return { path, config: JSON.parse(text) };
    }
    catch (err) {
        throw new OciError({
            code: 'INVALID_DOCKER_CONFIG',
            message: `${path}: not valid JSON (${err.message})`,
            cause: err,
        });
    }
}
/** Runs `docker-credential-<helper> get` with the server on stdin, as docker does. */
function runCredentialHelper(helper, server, env) {
    const program = `docker-credential-${helper}`;
    return new Promise((resolve, reject) => {
        // Loaded here, not at the top: most pushes run no helper, and node:child_process costs a
        // few milliseconds of every start-up.
        const { execFile } = process.getBuiltinModule('node:child_process');
        const child = execFile(program, ['get'], { env, timeout: 30_000, maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
            if (err) {
                const text = `${stdout}${stderr}`.trim();
                // The helper protocol's "no credentials" answer is not a failure: go anonymous.
                if (/credentials not found/i.test(text))
                    return resolve(undefined);
                return reject(new OciError({
                    code: 'CREDENTIAL_HELPER',
                    message: `credential helper ${program} failed for ${server}: ${text || err.message}`,
                    cause: err,
                }));
            }
            try {
                const out = JSON.parse(stdout);
                if (!out.Secret)
                    return resolve(undefined);
                // `<token>` as the user name marks an identity (refresh) token, as in docker.
                if (out.Username === '<token>')
                    return resolve({ identityToken: out.Secret });
                resolve({ username: out.Username ?? '', password: out.Secret });
            }
            catch (e) {
                reject(new OciError({
                    code: 'CREDENTIAL_HELPER',
                    message: `credential helper ${program} printed something that is not JSON`,
                    cause: e,
                }));
            }
        });
        child.stdin?.end(server);
    });
}
/**
 * Asks a helper for a registry's credentials under the server name docker would use. Docker
 * (ResolveAuthConfig) and oras-go (ServerAddressFromRegistry) store Docker Hub's under
 * `https://index.docker.io/v1/`, and helpers answer "not found" for `docker.io`; the bare host
 * is asked second for helpers that some other client filled under it.
 */
async function askHelper(helper, key, registry, env) {
    if (key === 'docker.io') {
        const creds = await runCredentialHelper(helper, DOCKER_HUB_SERVER, env);
        if (creds)
            return creds;
    }
    return runCredentialHelper(helper, registry, env);
}
/**
 * Finds the credentials for a registry: `credHelpers`, then `auths`, then `credsStore` from
 * `$DOCKER_CONFIG/config.json` (or `~/.docker/config.json`), then `GITHUB_TOKEN` for ghcr.io.
 * Undefined means anonymous.
 */
async function resolveCredentials(registry, env = process.env) {
    const key = normaliseKey(registry);
    const { path, config } = await readDockerConfig(env);
    if (config) {
        const helper = Object.entries(config.credHelpers ?? {}).find(([k]) => normaliseKey(k) === key)?.[1];
        if (helper) {
            const creds = await askHelper(helper, key, registry, env);
            if (creds)
                return creds;
        }
        const entry = Object.entries(config.auths ?? {}).find(([k]) => normaliseKey(k) === key)?.[1];
        if (entry) {
            if (entry.registrytoken)
                return { registryToken: entry.registrytoken };
            let username = entry.username;
            let password = entry.password;
            if (entry.auth) {
                const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
                const colon = decoded.indexOf(':');
                if (colon < 0) {
                    throw new OciError({
                        code: 'INVALID_DOCKER_CONFIG',
                        message: `${path}: auths["${registry}"].auth is not base64 of user:password`,
                    });
                }
                username = decoded.slice(0, colon);
                password = decoded.slice(colon + 1);
            }
            if (entry.identitytoken)
                return { username, identityToken: entry.identitytoken };
            if (username !== undefined || password !== undefined)
                return { username, password };
        }
        if (config.credsStore) {
            const creds = await askHelper(config.credsStore, key, registry, env);
            if (creds)
                return creds;
        }
    }
    if (key === 'ghcr.io' && env.GITHUB_TOKEN) {
        // GHCR takes any user name with a GITHUB_TOKEN; the actor is what docker/login-action sends.
        return { username: env.GITHUB_ACTOR || 'x-access-token', password: env.GITHUB_TOKEN };
    }
    return undefined;
}
//# sourceMappingURL=credentials.js.map
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: external "node:timers/promises"
var external_node_timers_promises_ = __webpack_require__(58500);
;// CONCATENATED MODULE: ./packages/oci/dist/http-client.js
/** The error code of a connection that did not open in time. */
const CONNECT_TIMEOUT = 'ERR_CONNECT_TIMEOUT';
/** Bodies up to this size are drained on `discard()`; bigger ones close the connection. */
const DRAIN_MAX_BYTES = 64 * 1024;
/** As undici's default headers and body timeouts: a silent peer is given up on after 5 min. */
const IDLE_TIMEOUT_MS = 300_000;
/**
 * As docker's and crane's dialers. Without it a host that drops packets holds a request for as
 * long as the kernel resends its SYN (over two minutes on Linux), for every try.
 */
const CONNECT_TIMEOUT_MS = 30_000;
// `import http from 'node:http'` would build an ES module facade over every export of
// node:http, and reading its lazy `WebSocket`-family getters loads all of undici: about 60 ms
// in a fresh process. getBuiltinModule returns the plain module, as `require` would.
let httpModule;
let httpAgent;
let httpsAgent;
let httpsModule;
/**
 * Keep-alive agents. With NODE_USE_ENV_PROXY set, they go through HTTP_PROXY / HTTPS_PROXY
 * (minus NO_PROXY) as Node's own `fetch` then does.
 */
function agentOptions() {
    return process.env.NODE_USE_ENV_PROXY
        ? { keepAlive: true, proxyEnv: process.env }
        : { keepAlive: true };
}
function agentFor(url) {
    if (url.protocol === 'http:') {
        httpModule ??= process.getBuiltinModule('node:http');
        httpAgent ??= new httpModule.Agent(agentOptions());
        return { lib: httpModule, agent: httpAgent };
    }
    if (url.protocol !== 'https:') {
        // Node's code for it: the transport does not retry it.
        throw Object.assign(new TypeError(`unsupported URL scheme ${url.protocol} (${url.href})`), {
            code: 'ERR_INVALID_PROTOCOL',
        });
    }
    // TLS is loaded only when a registry needs it (loopback registries are plain HTTP).
    httpsModule ??= process.getBuiltinModule('node:https');
    httpsAgent ??= new httpsModule.Agent(agentOptions());
    return { lib: httpsModule, agent: httpsAgent };
}
function isReadable(body) {
    return typeof body.pipe === 'function';
}
async function httpRequest(url, init) {
    const { lib, agent } = agentFor(url);
    const headers = { ...init.headers };
    let payload;
    if (init.body instanceof URLSearchParams) {
        payload = init.body.toString();
        headers['content-type'] ??= 'application/x-www-form-urlencoded;charset=UTF-8';
    }
    else
        payload = init.body;
    if (payload !== undefined && !isReadable(payload) && headers['content-length'] === undefined) {
        headers['content-length'] = String(Buffer.byteLength(payload));
    }
    return new Promise((resolve, reject) => {
        const request = lib.request(url, { method: init.method, headers, agent });
        let settled = false;
        const fail = (err) => {
            if (settled)
                return;
            settled = true;
            if (payload !== undefined && isReadable(payload))
                payload.destroy();
            reject(err);
        };
        request.setTimeout(IDLE_TIMEOUT_MS, () => {
            request.destroy(Object.assign(new Error(`no answer from ${url.host} for ${IDLE_TIMEOUT_MS / 1000} s`), {
                code: 'ETIMEDOUT',
            }));
        });
        request.on('error', fail);
        // From the start, not from 'socket': through a proxy Node hands the socket over only once
        // the tunnel (and TLS) is up, so a silent proxy would otherwise never time out.
        const limit = init.connectTimeoutMs ?? CONNECT_TIMEOUT_MS;
        const connectTimer = setTimeout(() => {
            const err = Object.assign(new Error(`could not connect to ${url.host} within ${limit / 1000} s`), { code: CONNECT_TIMEOUT });
            // Before destroy: a request destroyed before it has a socket only records the error.
            fail(err);
            request.destroy(err);
        }, limit);
        const opened = () => clearTimeout(connectTimer);
        request.once('close', opened);
        request.on('socket', (socket) => {
            // A kept-alive connection (or a tunnel Node hands over once it is up) is already open.
            if (!socket.connecting)
                return opened();
            // TLS (to the registry, or to an https proxy) is part of opening the connection.
            socket.once('encrypted' in socket ? 'secureConnect' : 'connect', opened);
            socket.once('close', opened);
        });
        request.on('response', (message) => {
            if (settled) {
                message.destroy();
                return;
            }
            settled = true;
            // A server may answer before it has read the whole body (an early 401 or 413): stop
            // sending. The socket is not reused then (Node closes it when the request is unfinished).
            if (payload !== undefined && isReadable(payload) && !request.writableFinished) {
                payload.unpipe(request);
                payload.destroy();
            }
            const response = wrapResponse(url, message, init.method);
            // A connection goes back to the pool only once its answer has been read to the end. An
            // answer that cannot have a body is read before it is handed over, so no caller can
            // forget it (an open socket would keep the process alive), and so the next request
            // finds the connection free instead of opening another.
            if (init.method === 'HEAD' ||
                response.status === 204 ||
                response.status === 304 ||
                message.headers['content-length'] === '0') {
                response.discard().then(() => resolve(response));
            }
            else
                resolve(response);
        });
        if (payload === undefined)
            request.end();
        else if (isReadable(payload)) {
            payload.on('error', (err) => request.destroy(err));
            payload.pipe(request);
        }
        else
            request.end(payload);
    });
}
function wrapResponse(url, message, method) {
    const status = message.statusCode ?? 0;
    message.setTimeout(IDLE_TIMEOUT_MS, () => {
        message.destroy(Object.assign(new Error(`${url.host} stopped sending for ${IDLE_TIMEOUT_MS / 1000} s`), {
            code: 'ETIMEDOUT',
        }));
    });
    const collect = async (maxBytes = Number.POSITIVE_INFINITY) => {
        const chunks = [];
        let size = 0;
        for await (const chunk of message) {
            size += chunk.length;
            if (size > maxBytes) {
                message.destroy();
                throw Object.assign(new Error(`the answer from ${url.host} is larger than ${maxBytes} bytes`), { code: 'ERR_BODY_TOO_LARGE' });
            }
            chunks.push(chunk);
        }
        return Buffer.concat(chunks, size);
    };
    return {
        url,
        status,
        ok: status >= 200 && status < 300,
        headers: {
            get(name) {
                const value = message.headers[name.toLowerCase()];
                if (value === undefined)
                    return null;
                return Array.isArray(value) ? value.join(', ') : value;
            },
        },
        body: message,
        text: async (maxBytes) => (await collect(maxBytes)).toString('utf8'),
        bytes: async (maxBytes) => {
            const buffer = await collect(maxBytes);
            return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
        },
        discard: () => new Promise((resolve) => {
            if (message.readableEnded || message.destroyed) {
                resolve();
                return;
            }
            const length = Number(message.headers['content-length'] ?? Number.NaN);
            if (!(message.complete || method === 'HEAD' || length <= DRAIN_MAX_BYTES)) {
                message.destroy();
                resolve();
                return;
            }
            // Read to the end: the connection is then free for the next request.
            message.once('end', resolve);
            message.once('close', resolve);
            message.once('error', () => resolve());
            message.resume();
        }),
    };
}
//# sourceMappingURL=http-client.js.map
;// CONCATENATED MODULE: ./packages/oci/dist/reference.js

const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$|^sha512:[0-9a-f]{128}$/;
const COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const HOST = /^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)(?::[0-9]{1,5})?$/;
const LAYOUT_PREFIX = 'oci-layout:';
const REGISTRY_PREFIX = 'oci://';
function invalid(input, why) {
    return new OciError({
        code: 'INVALID_REFERENCE',
        message: `invalid reference "${input}": ${why}`,
    });
}
function splitDigest(input, rest) {
    const at = rest.lastIndexOf('@');
    if (at < 0)
        return { rest };
    const digest = rest.slice(at + 1);
    if (!DIGEST.test(digest))
        throw invalid(input, `"${digest}" is not a sha256 or sha512 digest`);
    return { rest: rest.slice(0, at), digest };
}
function splitTag(input, rest) {
    const colon = rest.lastIndexOf(':');
    if (colon < 0 || colon < rest.lastIndexOf('/'))
        return { rest };
    const tag = rest.slice(colon + 1);
    if (!TAG.test(tag))
        throw invalid(input, `"${tag}" is not a valid tag`);
    return { rest: rest.slice(0, colon), tag };
}
/**
 * Parses `oci://host[:port]/repo[:tag][@digest]`, a bare `host/repo[:tag]` as docker writes it,
 * or `oci-layout:DIR[:tag][@digest]`.
 */
function parseReference(input) {
    if (input.startsWith(LAYOUT_PREFIX)) {
        const body = input.slice(LAYOUT_PREFIX.length);
        const { rest: noDigest, digest } = splitDigest(input, body);
        // A layout path may contain ':' (rarely); only a valid tag after the last '/' is a tag.
        let path = noDigest;
        let tag;
        const colon = noDigest.lastIndexOf(':');
        if (colon > 0 && colon > noDigest.lastIndexOf('/') && TAG.test(noDigest.slice(colon + 1))) {
            path = noDigest.slice(0, colon);
            tag = noDigest.slice(colon + 1);
        }
        if (path === '')
            throw invalid(input, 'no directory given');
        return { kind: 'layout', path, ...(tag ? { tag } : {}), ...(digest ? { digest } : {}) };
    }
    let body = input;
    if (body.startsWith(REGISTRY_PREFIX))
        body = body.slice(REGISTRY_PREFIX.length);
    else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(body))
        throw invalid(input, 'expected oci://REGISTRY/REPOSITORY[:TAG] or oci-layout:DIR[:TAG]');
    const { rest: noDigest, digest } = splitDigest(input, body);
    const { rest: name, tag } = splitTag(input, noDigest);
    const slash = name.indexOf('/');
    const first = slash < 0 ? '' : name.slice(0, slash);
    let registry;
    let repository;
    // docker's rule: the first component is a registry when it has a '.' or ':' or is localhost.
    if (slash > 0 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
        registry = first;
        repository = name.slice(slash + 1);
    }
    else {
        registry = 'docker.io';
        repository = name;
    }
    if (!HOST.test(registry))
        throw invalid(input, `"${registry}" is not a registry host`);
    // docker/distribution's legacy default domain: the same Hub, so the same name and library/ rule.
    if (registry === 'index.docker.io')
        registry = 'docker.io';
    if (registry === 'docker.io' && !repository.includes('/'))
        repository = `library/${repository}`;
    if (repository === '' || !repository.split('/').every((c) => COMPONENT.test(c))) {
        throw invalid(input, `"${repository}" is not a repository name (lowercase letters, digits, separators . _ - and /)`);
    }
    return {
        kind: 'registry',
        registry,
        repository,
        ...(tag ? { tag } : {}),
        ...(digest ? { digest } : {}),
    };
}
/** Writes a reference back in the form `parseReference` reads. */
function formatReference(ref) {
    const suffix = `${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
    if (ref.kind === 'layout')
        return `${LAYOUT_PREFIX}${ref.path}${suffix}`;
    return `${REGISTRY_PREFIX}${ref.registry}/${ref.repository}${suffix}`;
}
/** True for hosts on the loopback interface, where registries are reached over plain HTTP. */
function isLoopback(registry) {
    const host = registry.startsWith('[')
        ? registry.slice(1, registry.indexOf(']'))
        : registry.replace(/:[0-9]+$/, '');
    return host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}
/** The host the distribution API is served from (Docker Hub's API lives elsewhere). */
function apiHost(registry) {
    return registry === 'docker.io' || registry === 'index.docker.io'
        ? 'registry-1.docker.io'
        : registry;
}
//# sourceMappingURL=reference.js.map
;// CONCATENATED MODULE: ./packages/oci/dist/http.js






const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);
/** A token answer is a small JSON object: a few KiB even with a long JWT and a refresh token. */
const MAX_TOKEN_ANSWER_BYTES = 256 * 1024;
/** Error bodies are read for the message only. */
const MAX_ERROR_BODY_BYTES = 256 * 1024;
const FATAL_NETWORK = new Set([
    // In its 30 s the kernel has already sent the SYN five times: another try would wait as long.
    CONNECT_TIMEOUT,
    'ENOTFOUND',
    'CERT_HAS_EXPIRED',
    'DEPTH_ZERO_SELF_SIGNED_CERT',
    'SELF_SIGNED_CERT_IN_CHAIN',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
    'ERR_TLS_CERT_ALTNAME_INVALID',
    'ERR_SSL_WRONG_VERSION_NUMBER',
    'ERR_INVALID_PROTOCOL',
]);
function networkCode(err) {
    let e = err;
    for (let depth = 0; e && depth < 4; depth++) {
        if (typeof e.code === 'string')
            return e.code;
        e = e.cause;
    }
    return undefined;
}
function describeNetworkError(err) {
    const cause = err.cause;
    const code = networkCode(err);
    const message = cause?.message ?? err.message;
    return code && !message.includes(code) ? `${code}: ${message}` : message;
}
/** Milliseconds from a `Retry-After` header (seconds or an HTTP date). */
function retryAfterMs(value, now = Date.now()) {
    if (!value)
        return undefined;
    if (/^\d+$/.test(value.trim()))
        return Number(value.trim()) * 1000;
    const date = Date.parse(value);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
/** The first challenge of a `WWW-Authenticate` header that this client can answer. */
function usableChallenge(header) {
    return parseChallenges(header).find((c) => c.scheme === 'bearer' || c.scheme === 'basic');
}
/** Tokens and warm-ups are kept per set of scopes, in any order. */
function scopeKey(scopes) {
    return [...scopes].sort().join(' ');
}
/** True when the URL's origin differs from the base (credentials must not follow). */
function sameOrigin(a, b) {
    return a.protocol === b.protocol && a.host === b.host;
}
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const MAX_REDIRECTS = 10;
/** A request not sent because its origin could not be reached a moment before. */
function notSent(origin, earlier) {
    return Object.assign(new Error(`not sent: ${origin} could not be reached just before (${earlier.message})`), { code: networkCode(earlier) });
}
/**
 * Follows redirects by hand, as the Fetch standard says: 303, and 301/302 after a POST, become
 * a GET without the body; 307 and 308 repeat the request. Returns the first answer that
 * is not a redirect, or undefined after too many.
 */
async function followRedirects(exchange) {
    let { url, method } = exchange;
    let withBody = exchange.body !== undefined;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
        const earlier = exchange.unreachable?.get(url.origin);
        if (earlier)
            throw notSent(url.origin, earlier);
        let response;
        try {
            response = await httpRequest(url, {
                method,
                headers: exchange.headersFor(url, withBody),
                body: withBody ? exchange.body?.() : undefined,
                ...(exchange.connectTimeoutMs ? { connectTimeoutMs: exchange.connectTimeoutMs } : {}),
            });
        }
        catch (err) {
            const code = networkCode(err);
            if (code !== undefined && FATAL_NETWORK.has(code))
                exchange.unreachable?.set(url.origin, err);
            throw err;
        }
        const location = response.headers.get('location');
        if (!REDIRECTS.has(response.status) || !location)
            return response;
        await response.discard();
        url = new URL(location, url);
        if (response.status === 303 ||
            ((response.status === 301 || response.status === 302) && method === 'POST')) {
            method = method === 'HEAD' ? 'HEAD' : 'GET';
            withBody = false;
        }
    }
    return undefined;
}
/**
 * The HTTP side of a registry: scheme choice, the auth challenge flow, manual redirects that
 * never carry `Authorization` to another host, and retries with backoff.
 */
class RegistryTransport {
    registry;
    baseUrl;
    #options;
    #credentials;
    #challenge;
    // Promises, so that requests sent side by side (a manifest's blobs) share one token request.
    #tokens = new Map();
    #prepared = new Map();
    /** Origins (the registry's, its token service's) that could not be reached at all. */
    #unreachable = new Map();
    constructor(registry, options = {}) {
        this.registry = registry;
        this.#options = options;
        const scheme = options.plainHttp || isLoopback(registry) ? 'http' : 'https';
        this.baseUrl = new URL(`${scheme}://${apiHost(registry)}/`);
    }
    #getCredentials() {
        if (this.#options.credentials === null)
            return Promise.resolve(undefined);
        if (this.#options.credentials)
            return Promise.resolve(this.#options.credentials);
        this.#credentials ??= resolveCredentials(this.registry, this.#options.env ?? process.env);
        return this.#credentials;
    }
    async #authorization(scopes) {
        const creds = await this.#getCredentials();
        if (creds?.registryToken)
            return `Bearer ${creds.registryToken}`;
        const challenge = this.#challenge;
        if (!challenge)
            return undefined;
        if (challenge.scheme === 'basic') {
            if (creds?.username === undefined && creds?.password === undefined)
                return undefined;
            return `Basic ${Buffer.from(`${creds.username ?? ''}:${creds.password ?? ''}`).toString('base64')}`;
        }
        if (challenge.scheme === 'bearer') {
            const key = scopeKey(scopes);
            // A token asked for with wider scopes serves too: a push's `pull,push` covers the
            // referrer reads (`pull`) that attaching its bundles makes afterwards.
            let token = this.#tokens.get(key) ?? this.#coveringToken(scopes);
            if (!token) {
                const fetched = this.#fetchToken(challenge, scopes, creds);
                token = fetched;
                // A refused request is not remembered: the next request asks again.
                fetched.catch(() => this.#forgetToken(fetched));
            }
            this.#tokens.set(key, token);
            return `Bearer ${await token}`;
        }
        return undefined;
    }
    /** A cached token whose scopes grant everything `scopes` asks for. */
    #coveringToken(scopes) {
        for (const [key, token] of this.#tokens) {
            const granted = key.split(' ');
            if (scopes.every((s) => scopeCovered(granted, s)))
                return token;
        }
        return undefined;
    }
    /** Drops a token under every scope set it serves. */
    #forgetToken(token) {
        for (const [key, cached] of this.#tokens)
            if (cached === token)
                this.#tokens.delete(key);
    }
    async #fetchToken(challenge, scopes, creds) {
        const realm = challenge.params.realm;
        if (!realm) {
            throw new OciError({
                code: 'UNAUTHORIZED',
                message: `registry ${this.registry} asked for a bearer token without a realm`,
                registry: this.registry,
            });
        }
        const url = new URL(realm);
        const service = challenge.params.service;
        let response;
        try {
            if (creds?.identityToken) {
                // An identity token is an OAuth2 refresh token: POST it, as docker does. It is in the
                // body, which only a 307 or 308 repeats, and only to the realm's origin.
                const form = new URLSearchParams({
                    grant_type: 'refresh_token',
                    refresh_token: creds.identityToken,
                    client_id: 'build-artifact',
                });
                if (service)
                    form.set('service', service);
                if (scopes.length)
                    form.set('scope', scopes.join(' '));
                const body = form.toString();
                response = await followRedirects({
                    url,
                    method: 'POST',
                    body: () => body,
                    headersFor: (to, withBody) => {
                        if (withBody && !sameOrigin(to, url)) {
                            throw new OciError({
                                code: 'UNAUTHORIZED',
                                message: `the token service ${url.origin} of registry ${this.registry} redirected the refresh token to ${to.origin}: not sent there`,
                                registry: this.registry,
                            });
                        }
                        return withBody
                            ? {
                                ...this.#baseHeaders(),
                                'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
                            }
                            : this.#baseHeaders();
                    },
                    ...this.#exchangeOptions(),
                });
            }
            else {
                if (service)
                    url.searchParams.set('service', service);
                for (const scope of scopes)
                    url.searchParams.append('scope', scope);
                const basic = creds?.username !== undefined || creds?.password !== undefined
                    ? `Basic ${Buffer.from(`${creds.username ?? ''}:${creds.password ?? ''}`).toString('base64')}`
                    : undefined;
                response = await followRedirects({
                    url,
                    method: 'GET',
                    // The password goes to the realm the registry named, not to where that redirects.
                    headersFor: (to) => basic && sameOrigin(to, url)
                        ? { ...this.#baseHeaders(), authorization: basic }
                        : this.#baseHeaders(),
                    ...this.#exchangeOptions(),
                });
            }
        }
        catch (err) {
            if (err instanceof OciError)
                throw err;
            throw new OciError({
                code: 'NETWORK',
                message: `could not reach the token service ${url.origin} of registry ${this.registry}: ${describeNetworkError(err)}`,
                registry: this.registry,
                cause: err,
            });
        }
        if (!response) {
            throw new OciError({
                code: 'UNAUTHORIZED',
                message: `the token service ${url.origin} of registry ${this.registry} redirected more than ${MAX_REDIRECTS} times`,
                registry: this.registry,
            });
        }
        let text;
        try {
            text = await response.text(MAX_TOKEN_ANSWER_BYTES);
        }
        catch (err) {
            const tooLarge = err.code === 'ERR_BODY_TOO_LARGE';
            throw new OciError({
                code: tooLarge ? 'UNAUTHORIZED' : 'NETWORK',
                message: tooLarge
                    ? `the token service ${url.origin} of registry ${this.registry} sent an answer of over ${MAX_TOKEN_ANSWER_BYTES / 1024} KiB, too large to be a token`
                    : `the token service ${url.origin} of registry ${this.registry} broke off its answer: ${describeNetworkError(err)}`,
                registry: this.registry,
                cause: err,
            });
        }
        if (!response.ok) {
            const err = registryError({
                registry: `${this.registry} (token service ${url.origin})`,
                method: 'GET',
                path: url.pathname,
                status: response.status,
                body: text,
                what: creds ? 'token request refused' : 'anonymous token request refused',
            });
            throw new OciError({
                code: response.status === 403 ? 'DENIED' : 'UNAUTHORIZED',
                message: err.message,
                registry: this.registry,
                status: response.status,
                errors: err.errors,
            });
        }
        let token;
        try {
            const json = JSON.parse(text);
            token = json.token ?? json.access_token;
        }
        catch {
            token = undefined;
        }
        if (!token) {
            throw new OciError({
                code: 'UNAUTHORIZED',
                message: `the token service of registry ${this.registry} answered without a token`,
                registry: this.registry,
            });
        }
        return token;
    }
    /** What every exchange of this transport shares: the connect timeout, unreachable origins. */
    #exchangeOptions() {
        const ms = this.#options.connectTimeoutMs;
        return ms
            ? { connectTimeoutMs: ms, unreachable: this.#unreachable }
            : { unreachable: this.#unreachable };
    }
    #baseHeaders() {
        return { 'user-agent': this.#options.userAgent ?? 'build-artifact-attest/0.1' };
    }
    #resolve(url) {
        return new URL(url, this.baseUrl);
    }
    /**
     * Sends a request: retried on resets, 429 and 5xx (when `retry` allows), redirects followed
     * by hand, the auth challenge answered once. Returns the final response, whatever its status.
     */
    async send(request) {
        // Whether this request went out with what the registry asked for last time: if not, its
        // 401 says nothing about our tokens (requests sent side by side before the first challenge).
        const sentWithAuth = this.#challenge !== undefined;
        let response = await this.#sendWithRetry(request);
        if (response.status === 401 && !sameOrigin(response.url, this.baseUrl)) {
            // A host the registry redirected to (blob storage) asks for credentials: its challenge
            // is not the registry's, and the registry's credentials are not for it.
            await response.discard();
            throw new OciError({
                code: 'UNAUTHORIZED',
                message: `registry ${this.registry} redirected ${request.method} ${this.#resolve(request.url).pathname} to ${response.url.origin}, which asked for credentials: the registry's are not sent there`,
                registry: this.registry,
                status: 401,
            });
        }
        if (response.status === 401) {
            const header = response.headers.get('www-authenticate') ?? '';
            const challenge = usableChallenge(header);
            await response.discard();
            if (!challenge) {
                throw new OciError({
                    code: 'UNAUTHORIZED',
                    message: `registry ${this.registry} answered 401 to ${request.method} ${this.#resolve(request.url).pathname} without a usable challenge ("${header}")`,
                    registry: this.registry,
                    status: 401,
                });
            }
            // A token that no longer works (expired, too narrow) is dropped and asked for again.
            if (sentWithAuth) {
                const used = this.#tokens.get(scopeKey(request.scopes));
                if (used)
                    this.#forgetToken(used);
            }
            const scopes = [...request.scopes];
            const asked = challenge.params.scope;
            if (asked)
                for (const s of asked.split(' '))
                    if (s && !scopeCovered(scopes, s))
                        scopes.push(s);
            this.#challenge = challenge;
            const creds = await this.#getCredentials();
            if (challenge.scheme === 'basic' && !creds) {
                throw new OciError({
                    code: 'UNAUTHORIZED',
                    message: `registry ${this.registry} needs credentials (basic auth) and none were found: log in with docker login or set DOCKER_CONFIG`,
                    registry: this.registry,
                    status: 401,
                });
            }
            response = await this.#sendWithRetry({ ...request, scopes });
        }
        return response;
    }
    /**
     * Learns how the registry authenticates (a GET /v2/, as docker and skopeo begin, which also
     * opens the connection) and, where it wants a token, fetches the one for exactly `scopes`, so
     * that requests with those scopes go out ready. The challenge of /v2/ is not taken as the
     * scope to ask for: GHCR names a placeholder repository there. Never throws: the requests
     * themselves report whatever is wrong.
     */
    prepare(scopes) {
        // Once per scope set: the builds of an index are pushed side by side, each asking.
        const key = scopeKey(scopes);
        let prepared = this.#prepared.get(key);
        if (!prepared) {
            prepared = this.#prepare(scopes);
            this.#prepared.set(key, prepared);
        }
        return prepared;
    }
    async #prepare(scopes) {
        try {
            const response = await this.#sendFollowingRedirects({ method: 'GET', url: '/v2/', scopes });
            await response.discard();
            if (response.status !== 401)
                return;
            const challenge = usableChallenge(response.headers.get('www-authenticate') ?? '');
            if (!challenge)
                return;
            this.#challenge ??= challenge;
            await this.#authorization(scopes);
        }
        catch {
            // Left to the requests, which retry and name the failure. A registry or token service
            // that could not be reached at all is not tried again (`#unreachable`): a push waits for
            // a dead host once, not twice.
        }
    }
    /** Sends and throws a typed error unless the status is one of `ok`. */
    async expect(request, ok, what) {
        const response = await this.send(request);
        if (ok.includes(response.status))
            return response;
        throw await this.errorFor(request, response, what);
    }
    async errorFor(request, response, what) {
        // Only for the message: a body too large to be a registry's error is left out of it.
        const body = await response.text(MAX_ERROR_BODY_BYTES).catch(() => '');
        const creds = response.status === 401 ? await this.#getCredentials() : undefined;
        const err = registryError({
            registry: this.registry,
            method: request.method,
            path: this.#resolve(request.url).pathname,
            status: response.status,
            body,
            what,
        });
        if (response.status === 401 && !creds) {
            return new OciError({
                code: 'UNAUTHORIZED',
                message: `${err.message} (no credentials found: log in with docker login, set DOCKER_CONFIG, or GITHUB_TOKEN for ghcr.io)`,
                registry: this.registry,
                status: 401,
                errors: err.errors,
            });
        }
        return err;
    }
    async #sendWithRetry(request) {
        const retry = this.#options.retry ?? {};
        const attempts = request.retry === false ? 1 : Math.max(1, retry.attempts ?? 5);
        const base = retry.baseDelayMs ?? 250;
        const maxDelay = retry.maxDelayMs ?? 8000;
        const maxRetryAfter = retry.maxRetryAfterMs ?? 60_000;
        for (let attempt = 1;; attempt++) {
            let response;
            try {
                response = await this.#sendFollowingRedirects(request);
            }
            catch (err) {
                if (err instanceof OciError)
                    throw err;
                const code = networkCode(err);
                const fatal = code !== undefined && FATAL_NETWORK.has(code);
                if (fatal || attempt >= attempts) {
                    throw new OciError({
                        code: 'NETWORK',
                        message: `${request.method} ${this.#resolve(request.url).pathname} to registry ${this.registry} failed${attempt > 1 ? ` after ${attempt} tries` : ''}: ${describeNetworkError(err)}`,
                        registry: this.registry,
                        cause: err,
                    });
                }
                const delay = Math.min(maxDelay, base * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
                this.#options.onProgress?.({
                    step: 'oci.retry',
                    level: 'warning',
                    message: `${request.method} ${this.#resolve(request.url).pathname}: ${describeNetworkError(err)}; retrying in ${Math.round(delay)} ms`,
                });
                await (0,external_node_timers_promises_.setTimeout)(delay);
                continue;
            }
            if (!RETRY_STATUS.has(response.status) || attempt >= attempts)
                return response;
            const after = retryAfterMs(response.headers.get('retry-after'));
            const backoff = Math.min(maxDelay, base * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2);
            const delay = after === undefined ? backoff : Math.min(after, maxRetryAfter);
            await response.discard();
            this.#options.onProgress?.({
                step: 'oci.retry',
                level: 'warning',
                message: `registry ${this.registry} answered ${response.status} to ${request.method} ${this.#resolve(request.url).pathname}; retrying in ${Math.round(delay)} ms`,
            });
            await (0,external_node_timers_promises_.setTimeout)(delay);
        }
    }
    async #sendFollowingRedirects(request) {
        const authorization = await this.#authorization(request.scopes);
        const response = await followRedirects({
            url: this.#resolve(request.url),
            method: request.method,
            ...(request.body ? { body: request.body } : {}),
            headersFor: (url, withBody) => {
                const headers = { ...this.#baseHeaders(), ...request.headers };
                // Credentials go to the registry's own origin only, never to a storage redirect.
                if (authorization && sameOrigin(url, this.baseUrl))
                    headers.authorization = authorization;
                if (!withBody) {
                    delete headers['content-length'];
                    delete headers['content-type'];
                }
                return headers;
            },
            ...this.#exchangeOptions(),
        });
        if (response)
            return response;
        throw new OciError({
            code: 'REGISTRY_ERROR',
            message: `registry ${this.registry}: too many redirects for ${request.method} ${request.url}`,
            registry: this.registry,
        });
    }
}
//# sourceMappingURL=http.js.map
;// CONCATENATED MODULE: ./packages/oci/dist/registry.js













/** Manifests larger than this are refused (the distribution spec's recommended limit). */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
function escapeRepo(repository) {
    return repository.split('/').map(encodeURIComponent).join('/');
}
function isRetryableUploadError(err) {
    if (!(err instanceof OciError))
        return false;
    if (err.code === 'NETWORK')
        return true;
    const status = err.status ?? 0;
    if (status >= 500 || status === 429 || status === 416)
        return true;
    // The session vanished or the bytes did not add up after a reset: start a fresh session.
    return err.errors.some((e) => ['BLOB_UPLOAD_UNKNOWN', 'BLOB_UPLOAD_INVALID', 'DIGEST_INVALID', 'SIZE_INVALID'].includes(e.code));
}
/** Verifies bytes against a descriptor's digest and size. */
function checkBytes(bytes, descriptor, where) {
    const [alg, hex] = descriptor.digest.split(':');
    if (alg !== 'sha256' && alg !== 'sha512') {
        throw new OciError({
            code: 'INVALID_MANIFEST',
            message: `${where}: unsupported digest algorithm in ${descriptor.digest}`,
        });
    }
    const actual = (0,external_node_crypto_.createHash)(alg).update(bytes).digest('hex');
    if (actual !== hex || (descriptor.size >= 0 && bytes.length !== descriptor.size)) {
        throw new OciError({
            code: 'DIGEST_MISMATCH',
            message: `${where}: content does not match ${descriptor.digest} (${descriptor.size} bytes): got ${alg}:${actual} (${bytes.length} bytes)`,
        });
    }
}
/** The distribution spec's tag grammar. */
const registry_TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
/** The digests this client can check. */
const registry_DIGEST = /^(?:sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$/;
/**
 * A descriptor's digest, which must be one (sha256 or sha512): an index naming a child by
 * `v1` would otherwise have it fetched by tag, its content checked against nothing.
 */
function descriptorDigest(descriptor, where) {
    if (typeof descriptor.digest === 'string' && registry_DIGEST.test(descriptor.digest))
        return descriptor.digest;
    throw new OciError({
        code: 'INVALID_MANIFEST',
        message: `${where} names ${JSON.stringify(descriptor.digest)}, not a sha256 or sha512 digest`,
    });
}
/** A repository in a registry, spoken to over the OCI distribution API. */
class OciClient {
    kind = 'registry';
    registry;
    repository;
    transport;
    #options;
    /** Uploads under way, by digest: the same blob is never sent twice at once. */
    #uploading = new Map();
    constructor(ref, options = {}) {
        this.registry = ref.registry;
        this.repository = ref.repository;
        this.#options = options;
        this.transport = options.transport ?? new RegistryTransport(ref.registry, options);
    }
    get display() {
        return `${this.registry}/${this.repository}`;
    }
    /** The same registry (and tokens), another repository. */
    withRepository(repository) {
        return new OciClient({ registry: this.registry, repository }, { ...this.#options, transport: this.transport });
    }
    #path(kind, rest) {
        // Digests and tags come from manifests and referrer lists, which the registry wrote: one
        // that is neither (`../../other/manifests/x`) would read another repository's content.
        const valid = kind === 'manifests'
            ? registry_TAG.test(rest) || registry_DIGEST.test(rest)
            : kind === 'tags' || rest === 'uploads/' || registry_DIGEST.test(rest);
        if (!valid) {
            throw new OciError({
                code: 'INVALID_REFERENCE',
                message: `not a ${kind === 'manifests' ? 'tag or digest' : 'digest'}: "${rest}" (for ${this.display})`,
            });
        }
        return `/v2/${escapeRepo(this.repository)}/${kind}/${rest}`;
    }
    #pull() {
        return [repositoryScope(this.repository, ['pull'])];
    }
    #push() {
        return [repositoryScope(this.repository, ['pull', 'push'])];
    }
    /** Checks that the registry speaks the distribution API (and that we may talk to it). */
    async ping() {
        const request = { method: 'GET', url: '/v2/', scopes: [] };
        const response = await this.transport.expect(request, [200], 'ping');
        await response.discard();
    }
    /**
     * Readies a push while the caller does something else (hashes its files): the connection is
     * opened and, where the registry wants one, the token the push's requests share is fetched.
     */
    prepareToPush() {
        return this.transport.prepare(this.#push());
    }
    /** `scopes`: a push asks with its own (pull and push), so one token serves all its requests. */
    async hasBlob(digest, scopes = this.#pull()) {
        const request = {
            method: 'HEAD',
            url: this.#path('blobs', digest),
            scopes,
        };
        const response = await this.transport.send(request);
        if (response.status === 200)
            return true;
        if (response.status === 404)
            return false;
        throw await this.transport.errorFor(request, response, `checking blob ${digest}`);
    }
    /**
     * Uploads a blob unless the repository has it. Pushes side by side (the builds of an index,
     * a layer equal to its config) may name one blob twice: the second waits for the first,
     * because a registry writing the same blob twice at once can lose it (distribution 2.8 then
     * refuses the manifest with MANIFEST_BLOB_UNKNOWN).
     */
    async pushBlob(blob, options = {}) {
        const running = this.#uploading.get(blob.digest);
        if (running) {
            await running.catch(() => undefined);
            return this.pushBlob(blob, options);
        }
        const upload = this.#pushBlobOnce(blob, options);
        this.#uploading.set(blob.digest, upload);
        try {
            return await upload;
        }
        finally {
            this.#uploading.delete(blob.digest);
        }
    }
    async #pushBlobOnce(blob, options) {
        const attempts = Math.max(1, this.#options.retry?.attempts ?? 5);
        const base = this.#options.retry?.baseDelayMs ?? 250;
        let sent = 0;
        for (let attempt = 1;; attempt++) {
            try {
                // A HEAD before every try: nothing is sent twice, and a finished upload whose answer
                // was lost is recognised.
                if (await this.hasBlob(blob.digest, this.#push())) {
                    return { uploadedBytes: sent, existed: attempt === 1, mounted: false };
                }
                const result = await this.#upload(blob, options, (n) => {
                    sent += n;
                });
                return { uploadedBytes: sent, existed: false, mounted: result.mounted };
            }
            catch (err) {
                if (attempt >= attempts || !isRetryableUploadError(err))
                    throw err;
                options.onProgress?.({
                    step: 'oci.upload',
                    level: 'warning',
                    message: `upload of ${blob.digest} to ${this.display} failed (${err.message}); starting again`,
                });
                await (0,external_node_timers_promises_.setTimeout)(Math.min(8000, base * 2 ** (attempt - 1)) * (0.5 + Math.random() / 2));
            }
        }
    }
    async #startUpload(blob, options) {
        for (const from of (options.mountFrom ?? []).filter((r) => r !== this.repository)) {
            const request = {
                method: 'POST',
                url: `${this.#path('blobs', 'uploads/')}?mount=${encodeURIComponent(blob.digest)}&from=${encodeURIComponent(from)}`,
                headers: { 'content-length': '0' },
                scopes: [...this.#push(), repositoryScope(from, ['pull'])],
            };
            let response;
            try {
                response = await this.transport.expect(request, [201, 202], `mounting ${blob.digest} from ${from}`);
            }
            catch (err) {
                // A mount is an optimisation: no right to read the other repository (or no such
                // repository) means an upload, as docker does, not a failed push.
                const refused = err instanceof OciError &&
                    (['UNAUTHORIZED', 'DENIED', 'NOT_FOUND'].includes(err.code) ||
                        [401, 403, 404].includes(err.status ?? 0));
                if (!refused)
                    throw err;
                options.onProgress?.({
                    step: 'oci.upload',
                    level: 'warning',
                    message: `could not mount ${blob.digest} from ${from} (${err.message}); uploading it`,
                });
                continue;
            }
            await response.discard();
            if (response.status === 201)
                return { mounted: true };
            // 202: the registry could not mount but opened an upload session we can use.
            const location = locationOf(response);
            if (location)
                return { location, mounted: false };
        }
        const request = {
            method: 'POST',
            url: this.#path('blobs', 'uploads/'),
            headers: { 'content-length': '0' },
            scopes: this.#push(),
        };
        const response = await this.transport.expect(request, [202], `starting the upload of ${blob.digest}`);
        await response.discard();
        const location = locationOf(response);
        if (!location) {
            throw new OciError({
                code: 'REGISTRY_ERROR',
                message: `registry ${this.registry} opened an upload without a Location header`,
                registry: this.registry,
            });
        }
        return { location, mounted: false };
    }
    /** An upload session's absolute URL (locationOf) with the blob's digest added. */
    #withDigest(location, digest) {
        const url = new URL(location);
        url.searchParams.set('digest', digest);
        return url.href;
    }
    async #upload(blob, options, onSent) {
        const started = await this.#startUpload(blob, options);
        if (started.mounted)
            return { mounted: true };
        let location = started.location;
        const monolithicMax = this.#options.monolithicMaxBytes ?? 8 * 1024 * 1024;
        let done = 0;
        const progress = (n) => {
            done += n;
            onSent(n);
            options.onProgress?.({ step: 'oci.upload', message: blob.digest, done, total: blob.size });
        };
        if (blob.size <= monolithicMax) {
            const request = {
                method: 'PUT',
                url: this.#withDigest(location, blob.digest),
                headers: {
                    'content-type': 'application/octet-stream',
                    'content-length': String(blob.size),
                },
                body: () => blobBody(blob, 0, blob.size, progress),
                scopes: this.#push(),
                retry: false,
            };
            const response = await this.transport.expect(request, [201], `uploading ${blob.digest}`);
            await response.discard();
            return { mounted: false };
        }
        const chunk = this.#options.chunkBytes ?? 64 * 1024 * 1024;
        let offset = 0;
        let resumes = 0;
        while (offset < blob.size) {
            const end = Math.min(blob.size, offset + chunk);
            const request = {
                method: 'PATCH',
                url: location,
                headers: {
                    'content-type': 'application/octet-stream',
                    'content-length': String(end - offset),
                    'content-range': `${offset}-${end - 1}`,
                },
                body: () => blobBody(blob, offset, end, progress),
                scopes: this.#push(),
                retry: false,
            };
            try {
                const response = await this.transport.expect(request, [202], `uploading ${blob.digest}`);
                await response.discard();
                location = locationOf(response) ?? location;
                offset = end;
            }
            catch (err) {
                // After a reset the session may hold part of the chunk: ask where it stands and go on
                // from there, a few times, before the caller starts a new session.
                if (!(err instanceof OciError) || err.code !== 'NETWORK' || ++resumes > 3)
                    throw err;
                const status = await this.#uploadStatus(location);
                location = status.location;
                offset = status.offset;
            }
        }
        const request = {
            method: 'PUT',
            url: this.#withDigest(location, blob.digest),
            headers: { 'content-length': '0' },
            scopes: this.#push(),
        };
        const response = await this.transport.expect(request, [201], `finishing the upload of ${blob.digest}`);
        await response.discard();
        return { mounted: false };
    }
    async #uploadStatus(location) {
        const request = {
            method: 'GET',
            url: location,
            scopes: this.#push(),
        };
        const response = await this.transport.expect(request, [204], 'asking for the upload status');
        await response.discard();
        const range = /^(?:bytes=)?0-(\d+)$/.exec(response.headers.get('range') ?? '');
        // `0-0` is ambiguous in distribution 2.8 (nothing or one byte): take it as nothing; a wrong
        // guess gets 416 and a fresh session.
        const last = range ? Number(range[1]) : -1;
        return {
            location: locationOf(response) ?? location,
            offset: last > 0 ? last + 1 : 0,
        };
    }
    async #getBlob(descriptor) {
        const request = {
            method: 'GET',
            url: this.#path('blobs', descriptor.digest),
            scopes: this.#pull(),
        };
        const response = await this.transport.expect(request, [200], `fetching blob ${descriptor.digest}`);
        return { request, response };
    }
    async fetchBlobBytes(descriptor, maxBytes = 64 * 1024 * 1024) {
        if (descriptor.size > maxBytes) {
            throw new OciError({
                code: 'TOO_LARGE',
                message: `blob ${descriptor.digest} in ${this.display} is ${descriptor.size} bytes, more than the ${maxBytes} allowed here`,
            });
        }
        const { response } = await this.#getBlob(descriptor);
        const bytes = await readBody(response, maxBytes, `blob ${descriptor.digest} from ${this.display}`);
        checkBytes(bytes, descriptor, `blob ${descriptor.digest} from ${this.display}`);
        return bytes;
    }
    async fetchBlobToFile(descriptor, path) {
        const attempts = Math.max(1, this.#options.retry?.attempts ?? 5);
        for (let attempt = 1;; attempt++) {
            const tmp = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.${(0,external_node_path_.basename)(path)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
            try {
                const { response } = await this.#getBlob(descriptor);
                const [alg] = descriptor.digest.split(':');
                const hash = (0,external_node_crypto_.createHash)(alg === 'sha512' ? 'sha512' : 'sha256');
                let size = 0;
                const body = response.body;
                // Nothing beyond the descriptor's size reaches the disk: a registry sending more (by
                // mistake or to fill the disk) is cut off with the chunk that goes past it.
                const tooMuch = (sent) => new OciError({
                    code: 'DIGEST_MISMATCH',
                    message: `blob from ${this.display} does not match ${descriptor.digest}: the registry sends ${sent} bytes or more, the descriptor says ${descriptor.size}`,
                });
                const length = response.headers.get('content-length');
                if (length !== null && Number(length) > descriptor.size) {
                    body.destroy();
                    throw tooMuch(Number(length));
                }
                const counted = new external_node_stream_.Transform({
                    transform(chunk, _encoding, done) {
                        size += chunk.length;
                        if (size > descriptor.size)
                            return done(tooMuch(size));
                        hash.update(chunk);
                        done(null, chunk);
                    },
                });
                try {
                    await (0,external_node_stream_promises_.pipeline)(body, counted, (0,external_node_fs_.createWriteStream)(tmp));
                }
                catch (err) {
                    if (err instanceof OciError)
                        throw err;
                    if (err.code?.startsWith('E') &&
                        err.syscall)
                        throw (0,dist.fileError)(path, err);
                    throw new OciError({
                        code: 'NETWORK',
                        message: `download of ${descriptor.digest} from ${this.display} broke off: ${err.message}`,
                        cause: err,
                    });
                }
                const hex = hash.digest('hex');
                if (`${alg}:${hex}` !== descriptor.digest || size !== descriptor.size) {
                    throw new OciError({
                        code: 'DIGEST_MISMATCH',
                        message: `blob from ${this.display} does not match ${descriptor.digest} (${descriptor.size} bytes): got ${alg}:${hex} (${size} bytes)`,
                    });
                }
                await (0,promises_.rename)(tmp, path).catch((err) => {
                    throw (0,dist.fileError)(path, err);
                });
                return;
            }
            catch (err) {
                await (0,promises_.rm)(tmp, { force: true });
                if (attempt >= attempts || !(err instanceof OciError) || err.code !== 'NETWORK')
                    throw err;
                await (0,external_node_timers_promises_.setTimeout)(250 * 2 ** (attempt - 1));
            }
        }
    }
    async tryFetchManifest(reference) {
        const request = {
            method: 'GET',
            url: this.#path('manifests', reference),
            headers: { accept: MANIFEST_ACCEPT },
            scopes: this.#pull(),
        };
        const response = await this.transport.send(request);
        if (response.status === 404) {
            await response.discard();
            return undefined;
        }
        if (response.status !== 200)
            throw await this.transport.errorFor(request, response, `fetching manifest ${reference}`);
        const length = Number(response.headers.get('content-length') ?? 0);
        if (length > MAX_MANIFEST_BYTES) {
            await response.discard();
            throw new OciError({
                code: 'TOO_LARGE',
                message: `manifest ${reference} in ${this.display} is ${length} bytes, more than ${MAX_MANIFEST_BYTES}`,
            });
        }
        const bytes = await readBody(response, MAX_MANIFEST_BYTES, `manifest ${reference} from ${this.display}`);
        const digest = `sha256:${(0,dist.digestBytes)(bytes)}`;
        const where = `manifest ${reference} from ${this.display}`;
        if (reference.includes(':'))
            checkBytes(bytes, { mediaType: '', digest: reference, size: bytes.length }, where);
        const header = response.headers.get('docker-content-digest');
        if (header?.startsWith('sha256:') && header !== digest) {
            throw new OciError({
                code: 'DIGEST_MISMATCH',
                message: `${where}: the registry says ${header} but the content hashes to ${digest}`,
            });
        }
        let mediaType = response.headers.get('content-type')?.split(';')[0]?.trim() ?? '';
        try {
            const parsed = JSON.parse(new TextDecoder().decode(bytes));
            if (typeof parsed.mediaType === 'string')
                mediaType = parsed.mediaType;
        }
        catch {
            throw new OciError({ code: 'INVALID_MANIFEST', message: `${where} is not JSON` });
        }
        return {
            descriptor: {
                mediaType,
                digest: reference.includes(':') ? reference : digest,
                size: bytes.length,
            },
            bytes,
        };
    }
    async fetchManifest(reference) {
        const found = await this.tryFetchManifest(reference);
        if (found)
            return found;
        throw new OciError({
            code: 'NOT_FOUND',
            message: `registry ${this.registry} has no manifest ${reference} in ${this.repository}`,
            registry: this.registry,
            status: 404,
        });
    }
    async pushManifest(bytes, mediaType, tag) {
        const digest = `sha256:${(0,dist.digestBytes)(bytes)}`;
        const request = {
            method: 'PUT',
            url: this.#path('manifests', tag ?? digest),
            headers: { 'content-type': mediaType, 'content-length': String(bytes.length) },
            body: () => bytes,
            scopes: this.#push(),
        };
        const response = await this.transport.expect(request, [201], `pushing manifest ${tag ?? digest}`);
        await response.discard();
        const answered = response.headers.get('docker-content-digest');
        if (answered && answered !== digest) {
            throw new OciError({
                code: 'DIGEST_MISMATCH',
                message: `registry ${this.registry} stored manifest ${tag ?? digest} as ${answered}, not ${digest}`,
            });
        }
        const subject = response.headers.get('oci-subject') ?? undefined;
        return {
            descriptor: { mediaType, digest, size: bytes.length },
            ...(subject ? { subjectDigest: subject } : {}),
        };
    }
    async referrersApi(digest) {
        const out = [];
        const pages = new Pages(`the referrers of ${digest} in ${this.display}`);
        let url = this.#path('referrers', digest);
        while (url) {
            const request = {
                method: 'GET',
                url,
                headers: { accept: 'application/vnd.oci.image.index.v1+json' },
                scopes: this.#pull(),
            };
            const response = await this.transport.send(request);
            // 404 (and, from some registries, 400/405) means no referrers API: the tag schema applies.
            if ([400, 404, 405].includes(response.status) && out.length === 0) {
                await response.discard();
                return undefined;
            }
            if (response.status !== 200)
                throw await this.transport.errorFor(request, response, `listing referrers of ${digest}`);
            const index = (await readJson(response, `the referrers of ${digest} from ${this.display}`));
            out.push(...(index.manifests ?? []));
            url = pages.next(response);
        }
        return out;
    }
    /** Lists the tags of the repository (following `Link` pagination). */
    async listTags() {
        const tags = [];
        const pages = new Pages(`the tags of ${this.display}`);
        let url = this.#path('tags', 'list');
        while (url) {
            const request = { method: 'GET', url, scopes: this.#pull() };
            const response = await this.transport.send(request);
            if (response.status === 404) {
                await response.discard();
                return tags;
            }
            if (response.status !== 200)
                throw await this.transport.errorFor(request, response, 'listing tags');
            const body = (await readJson(response, `the tag list of ${this.display}`));
            tags.push(...(body.tags ?? []));
            url = pages.next(response);
        }
        return tags;
    }
}
/** A `Location` header as an absolute URL: relative ones are relative to the URL that answered. */
function locationOf(response) {
    const location = response.headers.get('location');
    return location ? new URL(location, response.url).href : undefined;
}
/** Enough for any real list (a page holds 100 or more entries); a loop or a flood stops here. */
const MAX_PAGES = 1000;
/** `Link: <...>; rel="next"` pagination, bounded, and refusing to visit a page twice. */
class Pages {
    #what;
    #seen = new Set();
    constructor(what) {
        this.#what = what;
    }
    next(response) {
        this.#seen.add(response.url.href);
        const link = /<([^>]+)>\s*;\s*rel="?next"?/.exec(response.headers.get('link') ?? '');
        if (!link)
            return undefined;
        const url = new URL(link[1], response.url).href;
        if (this.#seen.has(url) || this.#seen.size >= MAX_PAGES) {
            throw new OciError({
                code: 'REGISTRY_ERROR',
                message: `${this.#what}: the registry's pages ${this.#seen.has(url) ? 'loop back' : `go on past ${MAX_PAGES}`} (${url})`,
            });
        }
        return url;
    }
}
/** A whole response body, at most `maxBytes`, with errors that say what was being read. */
async function readBody(response, maxBytes, what) {
    try {
        return await response.bytes(maxBytes);
    }
    catch (err) {
        if (err.code === 'ERR_BODY_TOO_LARGE') {
            throw new OciError({
                code: 'TOO_LARGE',
                message: `${what} is larger than ${maxBytes} bytes`,
            });
        }
        throw new OciError({
            code: 'NETWORK',
            message: `${what} broke off: ${err.message}`,
            cause: err,
        });
    }
}
/** A JSON answer (an index, a tag list): at most 4 MiB, and JSON, or a registry error. */
async function readJson(response, what) {
    const bytes = await readBody(response, 4 * 1024 * 1024, what);
    try {
        return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
    }
    catch {
        throw new OciError({ code: 'REGISTRY_ERROR', message: `${what} is not JSON` });
    }
}
//# sourceMappingURL=registry.js.map
;// CONCATENATED MODULE: ./packages/oci/dist/layout.js












const LAYOUT_FILE = JSON.stringify({ imageLayoutVersion: '1.0.0' });
const EMPTY_INDEX = `${JSON.stringify({ schemaVersion: 2, mediaType: dist.MediaType.OCI_INDEX, manifests: [] })}\n`;
/** Beside index.json: held by the one writer, of any process, updating index.json. */
const INDEX_LOCK = 'index.json.lock';
/** Beside the lock: held, for a moment, by the one writer removing a lock left behind. */
const RECLAIM_GUARD = 'index.json.lock.reclaim';
/** How long a writer waits for the lock before giving up (longer than LOCK_STALE_MS). */
const LOCK_WAIT_MS = 90_000;
/**
 * A lock seen unchanged for this long was left behind: an update holds it for one read and one
 * write of index.json. Timed by the waiter's own clock, not the file's mtime, which another
 * machine's clock may have written.
 */
const LOCK_STALE_MS = 30_000;
/** A reclaim guard is held for microseconds: one seen this long was left by a crash. */
const GUARD_STALE_MS = 10_000;
const LOCK_BACKOFF_MAX_MS = 100;
/** A lock or guard file holds one line of JSON; anything longer is read this far and no more. */
const LOCK_FILE_MAX_BYTES = 4096;
/**
 * The largest index.json read: some 30,000 descriptors, tags and referrers. Blobs and manifests
 * are capped by their descriptors' sizes and MAX_MANIFEST_BYTES.
 */
const MAX_LAYOUT_INDEX_BYTES = 16 * 1024 * 1024;
/**
 * The tail of each layout directory's queue of index.json updates in this process, by real
 * path: every OciLayout on one directory waits in the same queue, so updates within a process
 * do not poll the lock file against each other.
 */
const queues = new Map();
async function inQueue(key, fn) {
    const previous = queues.get(key) ?? Promise.resolve();
    let done;
    const mine = new Promise((r) => {
        done = r;
    });
    const tail = previous.then(() => mine);
    queues.set(key, tail);
    try {
        await previous;
        return await fn();
    }
    finally {
        done();
        if (queues.get(key) === tail)
            queues.delete(key);
    }
}
function errnoCode(err) {
    return err?.code;
}
let machineId;
/**
 * What tells whether a lock's pid is a process of ours to ask about: the host name, and on Linux
 * the boot and the pid namespace (containers sharing a host name have their own pids).
 */
function machine() {
    if (machineId === undefined) {
        const read = (f) => {
            try {
                return f().trim();
            }
            catch {
                return '';
            }
        };
        machineId = [
            (0,external_node_os_.hostname)(),
            read(() => (0,external_node_fs_.readFileSync)('/proc/sys/kernel/random/boot_id', 'utf8')),
            read(() => (0,external_node_fs_.readlinkSync)('/proc/self/ns/pid')),
        ].join('|');
    }
    return machineId;
}
/**
 * A lock or guard file as it is now, or undefined if there is none. A FIFO or device put there
 * is an error naming it, not a read that never ends.
 */
async function readSmall(path) {
    let opened;
    try {
        opened = await (0,dist.openRegularFile)(path);
    }
    catch (err) {
        if (err instanceof dist.CoreError && err.code === 'FILE_NOT_FOUND')
            return undefined;
        throw err;
    }
    const { handle, stats } = opened;
    try {
        const buffer = Buffer.alloc(LOCK_FILE_MAX_BYTES);
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
        return { text: buffer.toString('utf8', 0, bytesRead), ino: stats.ino };
    }
    catch (err) {
        throw (0,dist.fileError)(path, err);
    }
    finally {
        await handle.close();
    }
}
/** Creates `path` with `text` if there is none; whether it did. */
async function tryCreate(path, text) {
    let handle;
    try {
        handle = await (0,promises_.open)(path, 'wx');
    }
    catch (err) {
        if (errnoCode(err) === 'EEXIST')
            return false;
        throw (0,dist.fileError)(path, err);
    }
    try {
        await handle.writeFile(text);
        await handle.close();
    }
    catch (err) {
        await handle.close().catch(() => undefined);
        await (0,promises_.rm)(path, { force: true });
        throw (0,dist.fileError)(path, err);
    }
    return true;
}
/** The lock file's text for process `pid` of this machine (exported for tests). */
function lockText(pid) {
    return JSON.stringify({ pid, machine: machine(), token: (0,external_node_crypto_.randomBytes)(8).toString('hex') });
}
/** Whether the lock's owner is a process of this machine that is gone. */
function ownerGone(text) {
    let owner;
    try {
        owner = JSON.parse(text);
    }
    catch {
        return false; // empty while its owner is still writing it: only time tells
    }
    if (owner.machine !== machine() || !Number.isSafeInteger(owner.pid))
        return false;
    try {
        process.kill(owner.pid, 0);
        return false;
    }
    catch (err) {
        // EPERM: the process exists, it belongs to someone else.
        return errnoCode(err) === 'ESRCH';
    }
}
/** Tracks how long one file has been seen unchanged, by the watcher's clock. */
class Watch {
    #seen;
    #since = 0;
    /** Milliseconds `file` has been seen as it is. */
    age(file) {
        if (this.#seen?.ino !== file.ino || this.#seen.text !== file.text) {
            this.#seen = file;
            this.#since = performance.now();
        }
        return performance.now() - this.#since;
    }
}
/**
 * Removes the lock `seen`, left behind by its owner. Reclaimers take turns under a guard file,
 * and remove the lock only if it is still the one they judged: a writer that finds the same
 * stale lock a moment later finds it gone, or a new one it leaves alone.
 */
async function reclaim(dir, seen, guardWatch) {
    const guard = (0,external_node_path_.join)(dir, RECLAIM_GUARD);
    if (!(await tryCreate(guard, `${process.pid}`))) {
        const left = await readSmall(guard);
        if (left && guardWatch.age(left) > GUARD_STALE_MS)
            await (0,promises_.rm)(guard, { force: true });
        return;
    }
    try {
        const now = await readSmall((0,external_node_path_.join)(dir, INDEX_LOCK));
        if (now && now.ino === seen.ino && now.text === seen.text) {
            await (0,promises_.rm)((0,external_node_path_.join)(dir, INDEX_LOCK), { force: true });
        }
    }
    finally {
        await (0,promises_.rm)(guard, { force: true });
    }
}
async function withIndexLock(dir, fn, { staleMs, waitMs }) {
    const path = (0,external_node_path_.join)(dir, INDEX_LOCK);
    const mine = lockText(process.pid);
    const started = performance.now();
    const lockWatch = new Watch();
    const guardWatch = new Watch();
    let backoff = 2;
    while (!(await tryCreate(path, mine))) {
        const held = await readSmall(path);
        if (held && (ownerGone(held.text) || lockWatch.age(held) > staleMs)) {
            await reclaim(dir, held, guardWatch);
            continue;
        }
        if (performance.now() - started >= waitMs) {
            throw new OciError({
                code: 'LAYOUT',
                message: `${dir}: index.json stayed locked for ${waitMs / 1000} s by another writer (${held?.text || 'an empty lock'}); if nothing is writing to this layout, remove ${path}`,
            });
        }
        if (held) {
            await (0,external_node_timers_promises_.setTimeout)(backoff * (1 + Math.random()));
            backoff = Math.min(backoff * 2, LOCK_BACKOFF_MAX_MS);
        }
    }
    const stillHeld = async () => {
        if ((await readSmall(path))?.text !== mine) {
            throw new OciError({
                code: 'LAYOUT',
                message: `${dir}: lost the lock on index.json (held past ${staleMs / 1000} s, taken as left behind); nothing written, run again`,
            });
        }
    };
    try {
        return await fn(stillHeld);
    }
    finally {
        // Only our own lock: one taken from us as stale is someone else's now.
        if ((await readSmall(path).catch(() => undefined))?.text === mine) {
            await (0,promises_.rm)(path, { force: true });
        }
    }
}
/**
 * An OCI image layout directory (`oci-layout`, `index.json`, `blobs/<alg>/<hex>`), as skopeo,
 * oras and containerd read it. Tags are `org.opencontainers.image.ref.name` annotations in
 * `index.json`; referrers are kept there as untagged entries, as oras does.
 */
class OciLayout {
    kind = 'layout';
    dir;
    #ready;
    #key;
    #lockTimes;
    /**
     * `lockStaleMs`: how long a lock seen unchanged counts as left behind (default 30 s);
     * `lockWaitMs`: how long a push waits for the lock before it gives up (default 90 s).
     */
    constructor(dir, options = {}) {
        this.dir = dir;
        this.#lockTimes = {
            staleMs: options.lockStaleMs ?? LOCK_STALE_MS,
            waitMs: options.lockWaitMs ?? LOCK_WAIT_MS,
        };
    }
    get display() {
        return this.dir;
    }
    #blobPath(digest) {
        const [alg, hex] = digest.split(':');
        if (!alg || !hex || !/^[a-z0-9]+$/.test(alg) || !/^[0-9a-f]+$/.test(hex)) {
            throw new OciError({
                code: 'INVALID_MANIFEST',
                message: `${this.dir}: "${digest}" is not a digest`,
            });
        }
        return (0,external_node_path_.join)(this.dir, 'blobs', alg, hex);
    }
    /**
     * Creates the directory skeleton on first write, writing only what is absent (a complete
     * layout on a read-only disk still takes blobs it has). Other writers may be creating it
     * too: `oci-layout` is the same bytes whoever writes it, and index.json is created under the
     * lock, so no reader sees either half-written and no index is written over.
     */
    #ensure() {
        this.#ready ??= (async () => {
            try {
                await (0,promises_.mkdir)((0,external_node_path_.join)(this.dir, 'blobs', 'sha256'), { recursive: true });
            }
            catch (err) {
                throw (0,dist.fileError)(this.dir, err);
            }
            const absent = async (name) => {
                try {
                    await (0,promises_.stat)((0,external_node_path_.join)(this.dir, name));
                    return false;
                }
                catch (err) {
                    if (errnoCode(err) === 'ENOENT')
                        return true;
                    throw (0,dist.fileError)((0,external_node_path_.join)(this.dir, name), err);
                }
            };
            if (await absent('oci-layout'))
                await (0,dist.writeFileAtomic)((0,external_node_path_.join)(this.dir, 'oci-layout'), LAYOUT_FILE);
            if (await absent('index.json')) {
                await this.#locked(async () => {
                    if (await absent('index.json'))
                        await (0,dist.writeFileAtomic)((0,external_node_path_.join)(this.dir, 'index.json'), EMPTY_INDEX);
                });
            }
            // An index.json that was there already is checked before anything is pushed.
            await this.#readIndex();
        })();
        return this.#ready;
    }
    async #readIndex() {
        const path = (0,external_node_path_.join)(this.dir, 'index.json');
        let text;
        try {
            text = await (0,dist.readRegularFileText)(path, {
                maxBytes: MAX_LAYOUT_INDEX_BYTES,
                what: 'an OCI layout index',
            });
        }
        catch (err) {
            if (err instanceof dist.CoreError && err.code === 'FILE_NOT_FOUND') {
                return { schemaVersion: 2, mediaType: dist.MediaType.OCI_INDEX, manifests: [] };
            }
            throw err;
        }
        const fail = (what, cause) => new OciError({ code: 'LAYOUT', message: `${path}: not an OCI index (${what})`, cause });
        let index;
        try {
            index = (0,dist.parseJson)(text, 'index.json');
        }
        catch (err) {
            throw fail(err.message, err);
        }
        if (typeof index !== 'object' || index === null || !Array.isArray(index.manifests)) {
            throw fail('no "manifests" array');
        }
        // Entries are read as descriptors everywhere: one that is not cannot crash a lookup.
        index.manifests.forEach((entry, i) => {
            if (typeof entry !== 'object' || entry === null || typeof entry.digest !== 'string') {
                throw fail(`manifests[${i}] is not a descriptor with a digest`);
            }
        });
        return index;
    }
    /**
     * A blob's bytes, or undefined if the layout has none under that digest: read only from a
     * regular file, and no more than `maxBytes` of it however large it is or grows
     * (FILE_TOO_LARGE, naming the file).
     */
    async #readBlob(digest, maxBytes, what) {
        try {
            return await (0,dist.readRegularFile)(this.#blobPath(digest), { maxBytes, what });
        }
        catch (err) {
            if (err instanceof dist.CoreError && err.code === 'FILE_NOT_FOUND')
                return undefined;
            throw err;
        }
    }
    /**
     * Runs an index.json read-modify-write with no other writer in between: those of this
     * process wait in the directory's queue, and the lock file keeps out other processes.
     */
    async #locked(fn) {
        // The directory exists by now (#ensure): its real path is one key for all its spellings.
        this.#key ??= (0,promises_.realpath)(this.dir).catch(() => (0,external_node_path_.resolve)(this.dir));
        return inQueue(await this.#key, () => withIndexLock(this.dir, fn, this.#lockTimes));
    }
    async hasBlob(digest) {
        try {
            return (await (0,promises_.stat)(this.#blobPath(digest))).isFile();
        }
        catch {
            return false;
        }
    }
    async pushBlob(blob, options = {}) {
        await this.#ensure();
        if (await this.hasBlob(blob.digest))
            return { uploadedBytes: 0, existed: true, mounted: false };
        const path = this.#blobPath(blob.digest);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(path), { recursive: true });
        if ('data' in blob.source) {
            checkBytes(blob.source.data, { mediaType: '', digest: blob.digest, size: blob.size }, `blob ${blob.digest}`);
            await (0,dist.writeFileAtomic)(path, blob.source.data);
        }
        else {
            await this.#copyChecked(blob.source.path, path, { mediaType: '', digest: blob.digest, size: blob.size }, (done) => options.onProgress?.({
                step: 'oci.upload',
                message: blob.digest,
                done,
                total: blob.size,
            }));
        }
        return { uploadedBytes: blob.size, existed: false, mounted: false };
    }
    /**
     * Copies a file while hashing it, so what lands under a digest is what that digest says. Only
     * a regular file of the descriptor's size is copied, and no byte past that size is read
     * (it may grow meanwhile): more is a mismatch, found at the first byte too many.
     */
    async #copyChecked(from, to, descriptor, onDone) {
        if (!Number.isSafeInteger(descriptor.size) || descriptor.size < 0) {
            throw new OciError({
                code: 'INVALID_MANIFEST',
                message: `${this.dir}: the descriptor of ${descriptor.digest} gives no size in bytes (${JSON.stringify(descriptor.size)})`,
            });
        }
        const { handle, stats } = await (0,dist.openRegularFile)(from);
        const mismatch = (found) => new OciError({
            code: 'DIGEST_MISMATCH',
            message: `${from}: content does not match ${descriptor.digest} (${descriptor.size} bytes): ${found}`,
        });
        if (stats.size !== descriptor.size) {
            await handle.close();
            throw mismatch(`the file is ${stats.size} bytes`);
        }
        const tmp = (0,external_node_path_.join)((0,external_node_path_.dirname)(to), `.${(0,external_node_path_.basename)(to)}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
        const [alg, hex] = descriptor.digest.split(':');
        const hash = (0,external_node_crypto_.createHash)(alg === 'sha512' ? 'sha512' : 'sha256');
        let size = 0;
        const counted = new external_node_stream_.Transform({
            transform(chunk, _encoding, done) {
                size += chunk.length;
                if (size > descriptor.size)
                    return done(mismatch('the file grew while being read'));
                hash.update(chunk);
                onDone?.(size);
                done(null, chunk);
            },
        });
        try {
            // `end` is inclusive: one byte past the size, enough to see that the file grew.
            // 1 MiB chunks: a 20 MiB module moves in 20 writes instead of 320 (64 KiB, the default).
            const input = handle.createReadStream({
                start: 0,
                end: descriptor.size,
                highWaterMark: 1 << 20,
            });
            await (0,external_node_stream_promises_.pipeline)(input, counted, (0,external_node_fs_.createWriteStream)(tmp, { highWaterMark: 1 << 20 }));
        }
        catch (err) {
            await handle.close().catch(() => undefined);
            await (0,promises_.rm)(tmp, { force: true });
            if (err instanceof OciError)
                throw err;
            throw (0,dist.fileError)(from, err);
        }
        const actual = hash.digest('hex');
        if (actual !== hex || size !== descriptor.size) {
            await (0,promises_.rm)(tmp, { force: true });
            throw new OciError({
                code: 'DIGEST_MISMATCH',
                message: `${from}: content does not match ${descriptor.digest} (${descriptor.size} bytes): got ${alg}:${actual} (${size} bytes)`,
            });
        }
        try {
            await (0,promises_.rename)(tmp, to);
        }
        catch (err) {
            await (0,promises_.rm)(tmp, { force: true });
            throw (0,dist.fileError)(to, err);
        }
    }
    async fetchBlobToFile(descriptor, path) {
        const source = this.#blobPath(descriptor.digest);
        try {
            await this.#copyChecked(source, path, descriptor);
        }
        catch (err) {
            if (err instanceof dist.CoreError && err.code === 'FILE_NOT_FOUND') {
                throw new OciError({
                    code: 'NOT_FOUND',
                    message: `${this.dir} has no blob ${descriptor.digest}`,
                    cause: err,
                });
            }
            throw err;
        }
    }
    async fetchBlobBytes(descriptor, maxBytes = 64 * 1024 * 1024) {
        if (descriptor.size > maxBytes) {
            throw new OciError({
                code: 'TOO_LARGE',
                message: `blob ${descriptor.digest} in ${this.dir} is ${descriptor.size} bytes, more than ${maxBytes}`,
            });
        }
        // No more is read than the descriptor says: a larger file is a mismatch, whatever it holds.
        const sized = Number.isSafeInteger(descriptor.size) && descriptor.size >= 0;
        let bytes;
        try {
            bytes = await this.#readBlob(descriptor.digest, sized ? descriptor.size : maxBytes, sized ? `blob ${descriptor.digest}` : 'a blob');
        }
        catch (err) {
            if (sized && err instanceof dist.CoreError && err.code === 'FILE_TOO_LARGE') {
                throw new OciError({
                    code: 'DIGEST_MISMATCH',
                    message: `${this.#blobPath(descriptor.digest)}: larger than the ${descriptor.size} bytes its descriptor gives`,
                    cause: err,
                });
            }
            throw err;
        }
        if (!bytes) {
            throw new OciError({
                code: 'NOT_FOUND',
                message: `${this.dir} has no blob ${descriptor.digest}`,
            });
        }
        checkBytes(bytes, descriptor, `blob ${descriptor.digest} in ${this.dir}`);
        return bytes;
    }
    async tryFetchManifest(reference) {
        let digest = reference;
        if (!reference.includes(':')) {
            const index = await this.#readIndex();
            const entry = index.manifests.find((m) => m.annotations?.[Annotation.REF_NAME] === reference);
            if (!entry)
                return undefined;
            digest = entry.digest;
        }
        let bytes;
        try {
            bytes = await this.#readBlob(digest, MAX_MANIFEST_BYTES, 'a manifest');
        }
        catch (err) {
            if (err instanceof dist.CoreError && err.code === 'FILE_TOO_LARGE') {
                throw new OciError({ code: 'TOO_LARGE', message: err.message, cause: err });
            }
            throw err;
        }
        if (!bytes)
            return undefined;
        checkBytes(bytes, { mediaType: '', digest, size: bytes.length }, `manifest ${digest} in ${this.dir}`);
        let mediaType;
        try {
            const manifest = (0,dist.parseJson)(new TextDecoder().decode(bytes), `manifest ${digest} in ${this.dir}`);
            const declared = manifest?.mediaType;
            mediaType = typeof declared === 'string' ? declared : dist.MediaType.OCI_MANIFEST;
        }
        catch (err) {
            throw new OciError({
                code: 'INVALID_MANIFEST',
                message: err.message,
                cause: err,
            });
        }
        return { descriptor: { mediaType, digest, size: bytes.length }, bytes };
    }
    async fetchManifest(reference) {
        const found = await this.tryFetchManifest(reference);
        if (found)
            return found;
        throw new OciError({ code: 'NOT_FOUND', message: `${this.dir} has no manifest ${reference}` });
    }
    async pushManifest(bytes, mediaType, tag) {
        await this.#ensure();
        const digest = `sha256:${(0,dist.digestBytes)(bytes)}`;
        const path = this.#blobPath(digest);
        if (!(await this.hasBlob(digest)))
            await (0,dist.writeFileAtomic)(path, bytes);
        const parsed = JSON.parse(new TextDecoder().decode(bytes));
        const descriptor = { mediaType, digest, size: bytes.length };
        if (tag || parsed.subject) {
            await this.#locked(async (stillHeld) => {
                const index = await this.#readIndex();
                const entry = { ...descriptor };
                if (parsed.artifactType)
                    entry.artifactType = parsed.artifactType;
                if (tag) {
                    entry.annotations = { [Annotation.REF_NAME]: tag };
                    index.manifests = index.manifests.filter((m) => m.annotations?.[Annotation.REF_NAME] !== tag);
                }
                else if (index.manifests.some((m) => m.digest === digest)) {
                    return;
                }
                else if (parsed.annotations) {
                    entry.annotations = parsed.annotations;
                }
                index.manifests.push(entry);
                await stillHeld();
                await (0,dist.writeFileAtomic)((0,external_node_path_.join)(this.dir, 'index.json'), `${JSON.stringify(index, null, 2)}\n`);
            });
        }
        // A layout keeps its own referrers list (index.json), like a registry with the API.
        return { descriptor, ...(parsed.subject ? { subjectDigest: parsed.subject.digest } : {}) };
    }
    async referrersApi(digest) {
        const index = await this.#readIndex();
        const out = [];
        for (const entry of index.manifests) {
            if (entry.annotations?.[Annotation.REF_NAME] !== undefined)
                continue;
            const found = await this.tryFetchManifest(entry.digest);
            if (!found)
                continue;
            const manifest = JSON.parse(new TextDecoder().decode(found.bytes));
            if (manifest.subject?.digest !== digest)
                continue;
            out.push({
                mediaType: found.descriptor.mediaType,
                digest: entry.digest,
                size: found.descriptor.size,
                ...((manifest.artifactType ?? manifest.config?.mediaType)
                    ? { artifactType: manifest.artifactType ?? manifest.config?.mediaType }
                    : {}),
                ...(manifest.annotations ? { annotations: manifest.annotations } : {}),
            });
        }
        return out;
    }
}
//# sourceMappingURL=layout.js.map
;// CONCATENATED MODULE: ./packages/oci/dist/open.js




/** The target a reference names: a registry repository or a layout directory. */
function openTarget(reference, options = {}) {
    const ref = typeof reference === 'string' ? parseReference(reference) : reference;
    if (ref.kind === 'layout')
        return new OciLayout((0,external_node_path_.resolve)(options.cwd ?? process.cwd(), ref.path));
    return new OciClient(ref, options);
}
//# sourceMappingURL=open.js.map
;// CONCATENATED MODULE: ./packages/oci/dist/wasm.js


// Only the section headers and the import/export sections are read: a 30 MB module costs a few
// small reads, not a full load.
const MAX_SECTION_READ = 16 * 1024 * 1024;
class Reader {
    buf;
    pos = 0;
    constructor(buf) {
        this.buf = buf;
    }
    byte() {
        if (this.pos >= this.buf.length)
            throw new Error('unexpected end');
        return this.buf[this.pos++];
    }
    u32() {
        const [value, next] = (0,dist.readUleb128)(this.buf, this.pos);
        this.pos = next;
        return value;
    }
    name() {
        const len = this.u32();
        if (this.pos + len > this.buf.length)
            throw new Error('name runs past the section');
        const s = new TextDecoder().decode(this.buf.subarray(this.pos, this.pos + len));
        this.pos += len;
        return s;
    }
    limits() {
        const flags = this.byte();
        this.u32();
        if (flags & 1)
            this.u32();
    }
}
/** Reads an unsigned LEB128 at `pos` from a file; returns the value and its length. */
async function readU32(fh, pos) {
    const buf = Buffer.alloc(5);
    const { bytesRead } = await fh.read(buf, 0, 5, pos);
    if (bytesRead === 0)
        return undefined;
    const r = new Reader(buf.subarray(0, bytesRead));
    const value = r.u32();
    return [value, r.pos];
}
function importModules(payload) {
    const r = new Reader(payload);
    const count = r.u32();
    const names = new Set();
    for (let i = 0; i < count; i++) {
        names.add(r.name());
        r.name();
        const kind = r.byte();
        if (kind === 0x00)
            r.u32();
        else if (kind === 0x01) {
            const ref = r.byte();
            if (ref === 0x63 || ref === 0x64)
                r.u32();
            r.limits();
        }
        else if (kind === 0x02)
            r.limits();
        else if (kind === 0x03) {
            const t = r.byte();
            if (t === 0x63 || t === 0x64)
                r.u32();
            r.byte();
        }
        else if (kind === 0x04) {
            r.byte();
            r.u32();
        }
        else
            throw new Error(`unknown import kind 0x${kind.toString(16)}`);
    }
    return [...names];
}
/** Names of a component's import (id 10) or export (id 11) section entries. */
function componentNames(payload, exports) {
    const r = new Reader(payload);
    const count = r.u32();
    const names = [];
    for (let i = 0; i < count; i++) {
        // externname: 0x00 name | 0x01 name (versioned, older encodings carry a url after)
        const tag = r.byte();
        names.push(r.name());
        if (tag === 0x01 && !exports) {
            // Some encoders wrote an extra string here; it is harmless to stop at the first name.
        }
        // The rest of the entry (sort/type descriptors) varies across encoder versions: stop after
        // the first name when the layout is not the one we know.
        if (exports) {
            const sort = r.byte();
            if (sort === 0x00)
                r.byte();
            r.u32();
            const hasType = r.byte();
            if (hasType === 0x01) {
                r.byte();
                r.u32();
            }
        }
        else {
            const desc = r.byte();
            if (desc === 0x00)
                r.byte();
            if (desc === 0x03) {
                const b = r.byte();
                if (b === 0x00)
                    r.u32();
                else if (b !== 0x01)
                    r.u32();
            }
            else
                r.u32();
        }
    }
    return names;
}
/**
 * Says whether a file is a WebAssembly module or component, and which WASI it targets: a core
 * module importing `wasi_snapshot_preview1` (or nothing WASI at all) is wasip1, a component is
 * wasip2. Undefined for files that are not wasm.
 */
async function detectWasm(path) {
    // A regular file only: open(2) of a FIFO would wait for a writer.
    const { handle: fh } = await (0,dist.openRegularFile)(path);
    try {
        const head = Buffer.alloc(8);
        const { bytesRead } = await fh.read(head, 0, 8, 0);
        if (bytesRead < 8)
            return undefined;
        const isModule = dist.WASM_MODULE_HEADER.every((b, i) => head[i] === b);
        const isComponent = dist.WASM_COMPONENT_HEADER.every((b, i) => head[i] === b);
        if (!isModule && !isComponent)
            return undefined;
        const size = (await fh.stat()).size;
        const info = {
            kind: isModule ? 'module' : 'component',
            os: isModule ? 'wasip1' : 'wasip2',
            importModules: [],
        };
        let pos = 8;
        while (pos < size) {
            const id = (await fh.read(Buffer.alloc(1), 0, 1, pos)).buffer[0];
            const len = await readU32(fh, pos + 1).catch(() => undefined);
            if (!len) {
                throw new OciError({
                    code: 'INVALID_WASM',
                    message: `${path}: section ${id} at byte ${pos} has no readable size (file cut short?)`,
                });
            }
            const start = pos + 1 + len[1];
            const end = start + len[0];
            if (end > size) {
                throw new OciError({
                    code: 'INVALID_WASM',
                    message: `${path}: section ${id} at byte ${pos} runs past the end of the file`,
                });
            }
            const wanted = isModule ? id === 2 : id === 10 || id === 11;
            if (wanted && len[0] <= MAX_SECTION_READ) {
                const payload = Buffer.alloc(len[0]);
                await fh.read(payload, 0, len[0], start);
                try {
                    if (isModule)
                        info.importModules = importModules(payload);
                    else if (id === 10)
                        info.componentImports = componentNames(payload, false);
                    else
                        info.componentExports = componentNames(payload, true);
                }
                catch (err) {
                    if (isModule) {
                        throw new OciError({
                            code: 'INVALID_WASM',
                            message: `${path}: cannot read the import section: ${err.message}`,
                        });
                    }
                    // Component encodings still move; the names are a courtesy, not a requirement.
                }
                if (isModule)
                    break;
            }
            // Core module sections come in order: past the import section (id 2) there is none.
            if (isModule && id > 2)
                break;
            pos = end;
        }
        return info;
    }
    finally {
        await fh.close();
    }
}
//# sourceMappingURL=wasm.js.map
;// CONCATENATED MODULE: ./packages/oci/dist/platform.js




/** Parses `os/arch[/variant]` (e.g. `linux/amd64`, `linux/arm/v7`, `wasip1/wasm`). */
function parsePlatform(value) {
    const parts = value.split('/');
    if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^[a-z0-9._-]+$/i.test(p))) {
        throw new OciError({
            code: 'INVALID_PLATFORM',
            message: `invalid platform "${value}": expected os/arch[/variant], e.g. linux/amd64`,
        });
    }
    const [os, architecture, variant] = parts;
    return { os, architecture, ...(variant ? { variant } : {}) };
}
function formatPlatform(p) {
    return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}
const ELF_MACHINES = {
    3: '386',
    40: 'arm',
    62: 'amd64',
    183: 'arm64',
    243: 'riscv64',
    22: 's390x',
    258: 'loong64',
};
const ELF_OSABI = {
    0: 'linux',
    3: 'linux',
    9: 'freebsd',
    12: 'openbsd',
    2: 'netbsd',
};
const PE_MACHINES = { 34404: 'amd64', 43620: 'arm64', 332: '386' };
const MACHO_CPU = { 16777223: 'amd64', 16777228: 'arm64' };
/**
 * The platform a binary was built for, read from its header (ELF, Mach-O, PE, wasm); undefined
 * when the file is none of these (a tarball, a script): then `--platform` must say it.
 */
async function detectPlatform(path) {
    const wasm = await detectWasm(path);
    if (wasm)
        return { os: wasm.os, architecture: 'wasm' };
    let fh;
    try {
        fh = await (0,promises_.open)(path, 'r');
    }
    catch (err) {
        throw (0,dist.fileError)(path, err);
    }
    try {
        const head = Buffer.alloc(64);
        const { bytesRead } = await fh.read(head, 0, 64, 0);
        if (bytesRead < 20)
            return undefined;
        if (head.readUInt32BE(0) === 0x7f454c46) {
            const le = head[5] === 1;
            const machine = le ? head.readUInt16LE(18) : head.readUInt16BE(18);
            const os = ELF_OSABI[head[7]] ?? 'linux';
            let architecture = ELF_MACHINES[machine];
            if (machine === 0x15)
                architecture = le ? 'ppc64le' : 'ppc64';
            if (machine === 0x08)
                architecture = le ? 'mipsle' : 'mips';
            return architecture ? { os, architecture } : undefined;
        }
        const magic = head.readUInt32LE(0);
        if (magic === 0xfeedfacf || magic === 0xfeedface) {
            const architecture = MACHO_CPU[head.readUInt32LE(4)];
            return architecture ? { os: 'darwin', architecture } : undefined;
        }
        if (head[0] === 0x4d && head[1] === 0x5a && bytesRead >= 64) {
            const peOffset = head.readUInt32LE(0x3c);
            const pe = Buffer.alloc(6);
            const r = await fh.read(pe, 0, 6, peOffset);
            if (r.bytesRead === 6 && pe.readUInt32BE(0) === 0x50450000) {
                const architecture = PE_MACHINES[pe.readUInt16LE(4)];
                return architecture ? { os: 'windows', architecture } : undefined;
            }
        }
        return undefined;
    }
    finally {
        await fh.close();
    }
}
//# sourceMappingURL=platform.js.map
;// CONCATENATED MODULE: ./packages/oci/dist/referrers.js



/**
 * The referrers tag schema of distribution-spec v1.1: `<alg>-<ref>`, the algorithm cut to 32
 * characters and the encoded part to 64, anything a tag cannot hold replaced by `-`
 * (`sha256:<hex>` becomes `sha256-<hex>`).
 */
function referrersTag(digest) {
    const colon = digest.indexOf(':');
    const algorithm = colon < 0 ? digest : digest.slice(0, colon);
    const encoded = colon < 0 ? '' : digest.slice(colon + 1);
    // Each part cut on its own, not the whole tag: a sha512 subject then gets the tag other
    // clients (regclient's `%.32s-%.64s`) read and write, not `sha512-` and 121 hex digits.
    return `${algorithm.slice(0, 32)}-${encoded.slice(0, 64)}`.replace(/[^A-Za-z0-9_.-]/g, '-');
}
function decodeIndex(bytes, where) {
    try {
        const index = JSON.parse(new TextDecoder().decode(bytes));
        if (!Array.isArray(index.manifests))
            throw new Error('no "manifests" array');
        return index;
    }
    catch (err) {
        throw new OciError({
            code: 'INVALID_MANIFEST',
            message: `${where} is not an OCI index: ${err.message}`,
            cause: err,
        });
    }
}
async function readTagIndex(target, subject) {
    const found = await target.tryFetchManifest(referrersTag(subject));
    if (!found)
        return undefined;
    return decodeIndex(found.bytes, `referrers index ${referrersTag(subject)} in ${target.display}`);
}
/**
 * Adds one entry to the referrers tag index of `subject`, keeping every entry another writer
 * put there. Distribution 2.8 has no conditional PUT, so this re-reads after writing and merges
 * again when a concurrent writer's index replaced ours.
 */
async function addToReferrersIndex(target, subject, entry, options = {}) {
    const attempts = options.attempts ?? 10;
    const settle = options.settleMs ?? 200;
    const tag = referrersTag(subject);
    let confirmed = 0;
    // How long one read-modify-write takes here: another writer's takes about as long, so the
    // pause before looking again grows with it (a loaded registry, a slow link).
    let window = 0;
    for (let attempt = 1; attempt <= attempts; attempt++) {
        const started = Date.now();
        const current = await readTagIndex(target, subject);
        if (!current?.manifests.some((m) => m.digest === entry.digest)) {
            confirmed = 0;
            const index = {
                schemaVersion: 2,
                mediaType: dist.MediaType.OCI_INDEX,
                manifests: [...(current?.manifests ?? []), entry],
            };
            await target.pushManifest(new TextEncoder().encode(JSON.stringify(index)), dist.MediaType.OCI_INDEX, tag);
            window = Math.max(window, Date.now() - started);
        }
        else if (attempt === 1 || ++confirmed >= 2) {
            // Already there before we wrote anything (an earlier run put it there): nothing to do.
            return;
        }
        // A writer that read the index before our write may still write after it and drop our
        // entry: look again once such a read-modify-write has had time to land, and merge again if
        // it did. Seen twice, with a pause between, the entry is taken as settled.
        const pause = Math.max(settle, 3 * window);
        await (0,external_node_timers_promises_.setTimeout)(pause / 2 + Math.random() * pause);
    }
    throw new OciError({
        code: 'REFERRERS_CONFLICT',
        message: `could not add ${entry.digest} to the referrers index ${tag} in ${target.display}: other writers kept replacing it`,
    });
}
/**
 * The referrers of a manifest: from the referrers API where the registry has it, else from the
 * referrers tag schema index (a missing tag means none).
 */
async function listReferrers(target, digest, options = {}) {
    let list = await target.referrersApi(digest);
    if (list === undefined)
        list = (await readTagIndex(target, digest))?.manifests ?? [];
    return options.artifactType ? list.filter((d) => d.artifactType === options.artifactType) : list;
}
//# sourceMappingURL=referrers.js.map
;// CONCATENATED MODULE: ./packages/oci/dist/pull.js








/** Fetches and decodes a manifest or index by tag or digest (digest checked). */
async function readManifest(target, reference) {
    const found = await target.fetchManifest(reference);
    let manifest;
    try {
        manifest = JSON.parse(new TextDecoder().decode(found.bytes));
    }
    catch {
        throw new OciError({
            code: 'INVALID_MANIFEST',
            message: `manifest ${reference} in ${target.display} is not JSON`,
        });
    }
    if (manifest.schemaVersion !== 2) {
        throw new OciError({
            code: 'INVALID_MANIFEST',
            message: `manifest ${reference} in ${target.display} has schemaVersion ${String(manifest.schemaVersion)}, not 2`,
        });
    }
    const isIndex = Array.isArray(manifest.manifests);
    const mediaType = manifest.mediaType ?? (isIndex ? dist.MediaType.OCI_INDEX : dist.MediaType.OCI_MANIFEST);
    const descriptor = { ...found.descriptor, mediaType };
    if (manifest.artifactType)
        descriptor.artifactType = manifest.artifactType;
    return { descriptor, manifest, bytes: found.bytes };
}
function isIndex(manifest) {
    return Array.isArray(manifest.manifests);
}
/** A file name from an annotation, reduced to a safe base name (no directories, no `..`). */
function safeName(value) {
    if (!value)
        return undefined;
    const name = (0,external_node_path_.basename)(value.replaceAll('\\', '/'));
    return name === '' || name === '.' || name === '..' ? undefined : name;
}
/** Referrer content is read into memory: bundles and SBOMs are far smaller than this. */
const MAX_REFERRER_BYTES = 64 * 1024 * 1024;
/** An SBOM document's format, by the referrer's artifactType. */
function sbomFormatOfType(artifactType) {
    return Object.values(dist.SBOM_FORMATS).find((f) => f.mediaType === artifactType);
}
/** The referrers pull writes out, as `fetchEvidence` picks bundles: Sigstore bundles, SBOMs. */
function isKnownReferrer(artifactType) {
    return (0,dist.isSigstoreBundleMediaType)(artifactType) || sbomFormatOfType(artifactType) !== undefined;
}
/** The file name a known referrer is written to beside its artifact. */
function referrerFileName(artifactName, entry, content) {
    const sbom = sbomFormatOfType(entry.artifactType);
    if (sbom)
        return { name: `${artifactName}${dist.Sidecar[sbom.sidecar]}`, role: 'sbom' };
    // A Sigstore bundle: its predicate type says whether it attests an SBOM.
    let predicateType = entry.annotations?.[Annotation.BUNDLE_PREDICATE_TYPE];
    if (!predicateType) {
        try {
            predicateType = (0,dist.describeBundle)(JSON.parse(new TextDecoder().decode(content))).predicateType;
        }
        catch {
            predicateType = undefined;
        }
    }
    // Any SBOM predicate, cosign's too: named as the provenance, it would take its place.
    const isSbom = (0,dist.isSbomPredicateType)(predicateType);
    // A verifier's summary is not the provenance: under the provenance's name it could take its
    // place beside the artifact.
    if (predicateType === dist.PredicateType.VERIFICATION_SUMMARY_V1)
        return { name: artifactName + dist.Sidecar.VSA_BUNDLE, role: 'vsa-bundle' };
    return isSbom
        ? { name: artifactName + dist.Sidecar.SBOM_BUNDLE, role: 'sbom-bundle' }
        : { name: artifactName + dist.Sidecar.PROVENANCE, role: 'bundle' };
}
/** The layer a referrer keeps its content in, or why it has none to read. */
function referrerLayer(manifest) {
    if (isIndex(manifest))
        return { reason: 'it is an index, not a manifest with a layer' };
    if (!Array.isArray(manifest.layers) || manifest.layers.length === 0) {
        return { reason: 'its manifest has no layer' };
    }
    return { manifest, layer: manifest.layers[0] };
}
/**
 * Fetches the one-layer content of a referrer manifest, checking every digest on the way.
 */
async function fetchReferrer(target, entry) {
    const found = referrerLayer((await readManifest(target, entry.digest)).manifest);
    if (!('layer' in found)) {
        throw new OciError({
            code: 'INVALID_MANIFEST',
            message: `referrer ${entry.digest} in ${target.display} has no layer`,
        });
    }
    const content = await target.fetchBlobBytes(found.layer);
    return { ...found, content };
}
/**
 * Pulls an artifact into `outputDir`: its file(s) under their titles, and its referrers beside
 * them under their sidecar names (`<file>.sigstore.json`, `.sbom.sigstore.json`,
 * `.vsa.sigstore.json`, `.cdx.json`, `.spdx.json`: core's `Sidecar`). Every blob
 * and manifest is checked against its digest before it is written; files appear atomically.
 */
async function pull(target, reference, outputDir, options = {}) {
    try {
        await (0,promises_.mkdir)(outputDir, { recursive: true });
    }
    catch (err) {
        throw (0,dist.fileError)(outputDir, err);
    }
    const top = await readManifest(target, reference);
    const files = [];
    const skipped = [];
    const used = new Set();
    const claim = (name) => {
        let candidate = name;
        for (let i = 2; used.has(candidate); i++) {
            const dot = name.indexOf('.');
            candidate = dot > 0 ? `${name.slice(0, dot)}-${i}${name.slice(dot)}` : `${name}-${i}`;
        }
        used.add(candidate);
        return candidate;
    };
    const fallbackName = (descriptor) => `artifact-${descriptor.digest.slice(7, 19)}${descriptor.mediaType === dist.MediaType.WASM_LAYER ? '.wasm' : ''}`;
    const skip = (subject, entry, reason) => {
        skipped.push({
            digest: entry.digest,
            ...(entry.artifactType ? { artifactType: entry.artifactType } : {}),
            manifest: subject.digest,
            reason,
        });
        options.onProgress?.({
            step: 'oci.pull',
            message: `skipped referrer ${entry.digest} (${entry.artifactType ?? 'no artifactType'}): ${reason}`,
        });
    };
    const pullReferrers = async (subject, artifactName) => {
        if (options.referrers === false)
            return;
        for (const entry of await listReferrers(target, subject.digest)) {
            // Other tools attach their own referrers (signatures, scan reports, indexes of them):
            // one that pull cannot read must not cost the user the artifact and the ones it can.
            if (!isKnownReferrer(entry.artifactType)) {
                skip(subject, entry, entry.artifactType
                    ? `artifactType ${entry.artifactType} is not a Sigstore bundle nor a CycloneDX or SPDX SBOM`
                    : 'it has no artifactType');
                continue;
            }
            if (entry.mediaType === dist.MediaType.OCI_INDEX ||
                entry.mediaType === dist.MediaType.DOCKER_MANIFEST_LIST) {
                skip(subject, entry, 'it is an index, not a manifest with a layer');
                continue;
            }
            // Digest checked on reading: a known referrer whose bytes do not match fails the pull.
            const digest = descriptorDigest(entry, `the referrers of ${subject.digest}`);
            const found = referrerLayer((await readManifest(target, digest)).manifest);
            if (!('layer' in found)) {
                skip(subject, entry, found.reason);
                continue;
            }
            const { layer } = found;
            if (layer.size > MAX_REFERRER_BYTES) {
                skip(subject, entry, `its layer is ${layer.size} bytes, more than the ${MAX_REFERRER_BYTES} pull reads`);
                continue;
            }
            const content = await target.fetchBlobBytes(layer, MAX_REFERRER_BYTES);
            const known = referrerFileName(artifactName, entry, content);
            const name = claim(known.name);
            const path = (0,external_node_path_.join)(outputDir, name);
            await (0,dist.writeFileAtomic)(path, content);
            files.push({
                path,
                digest: layer.digest,
                size: layer.size,
                role: known.role,
                manifest: subject.digest,
            });
            options.onProgress?.({
                step: 'oci.pull',
                message: `${name} (${entry.artifactType ?? 'referrer'})`,
            });
        }
    };
    const pullManifest = async (descriptor, manifest, nameHint) => {
        if (!Array.isArray(manifest.layers) || !manifest.config) {
            throw new OciError({
                code: 'INVALID_MANIFEST',
                message: `manifest ${descriptor.digest} in ${target.display} has no config or layers`,
            });
        }
        // The config is checked too (it is a blob of the artifact), though not written.
        const config = await target.fetchBlobBytes(manifest.config, 4 * 1024 * 1024);
        checkBytes(config, manifest.config, `config of ${descriptor.digest}`);
        let firstName;
        for (const layer of manifest.layers) {
            const name = claim(safeName(layer.annotations?.[Annotation.TITLE]) ??
                (manifest.layers.length === 1
                    ? safeName(manifest.annotations?.[Annotation.TITLE])
                    : undefined) ??
                nameHint ??
                fallbackName(layer));
            firstName ??= name;
            const path = (0,external_node_path_.join)(outputDir, name);
            await target.fetchBlobToFile(layer, path);
            files.push({
                path,
                digest: layer.digest,
                size: layer.size,
                role: 'artifact',
                manifest: descriptor.digest,
            });
            options.onProgress?.({
                step: 'oci.pull',
                message: `${name} (${layer.size} bytes, ${layer.digest})`,
            });
        }
        await pullReferrers(descriptor, firstName ?? nameHint ?? fallbackName(descriptor));
    };
    if (isIndex(top.manifest)) {
        for (const child of top.manifest.manifests) {
            const read = await readManifest(target, descriptorDigest(child, `index ${reference}`));
            if (isIndex(read.manifest))
                continue;
            // The platform comes from the registry: keep only [A-Za-z0-9._-], or a `\` (a separator
            // on Windows) with `..` would lead out of the output folder.
            const hint = child.platform
                ? `artifact-${formatPlatform(child.platform).replace(/[^A-Za-z0-9._-]/g, '-')}`
                : undefined;
            await pullManifest(read.descriptor, read.manifest, safeName(child.annotations?.[Annotation.TITLE]) ?? hint);
        }
        await pullReferrers(top.descriptor, safeName(top.manifest.annotations?.[Annotation.TITLE]) ?? 'index');
    }
    else {
        await pullManifest(top.descriptor, top.manifest);
    }
    return { descriptor: top.descriptor, files, skipped };
}
//# sourceMappingURL=pull.js.map
;// CONCATENATED MODULE: ./packages/oci/dist/evidence.js













// Node's names where Go's (and so OCI's) differ. Node calls little-endian POWER `ppc64`, as
// on Linux; AIX, big-endian, is Go's `ppc64`.
const NODE_ARCH = {
    x64: 'amd64',
    ia32: '386',
    mipsel: 'mipsle',
    ppc64: 'ppc64le',
};
/** The running process's platform in OCI terms (`linux/amd64`, `windows/arm64`, ...). */
function hostPlatform(platform = process.platform, arch = process.arch) {
    return {
        os: platform === 'win32' ? 'windows' : platform,
        architecture: platform === 'aix' ? arch : (NODE_ARCH[arch] ?? arch),
    };
}
function pickChild(manifests, platform, ref) {
    if (manifests.length === 1)
        return manifests[0];
    const match = manifests.find((m) => m.platform?.os === platform.os &&
        m.platform.architecture === platform.architecture &&
        (!platform.variant || m.platform.variant === platform.variant));
    if (match)
        return match;
    const listed = manifests
        .map((m) => (m.platform ? formatPlatform(m.platform) : m.digest))
        .join(', ');
    throw new OciError({
        code: 'NOT_FOUND',
        message: `${ref} is an index of ${listed}; none is for ${formatPlatform(platform)}: name one by digest (oci://...@sha256:...)`,
    });
}
// One temporary root per process, removed at exit: the verifier reads the file after this
// returns, so it cannot be removed any earlier.
let tempRoot;
async function artifactDir(directory) {
    if (directory) {
        await (0,promises_.mkdir)(directory, { recursive: true });
        return (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(directory, 'a-'));
    }
    if (!tempRoot) {
        tempRoot = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'attest-oci-'));
        const root = tempRoot;
        process.once('exit', () => (0,external_node_fs_.rmSync)(root, { recursive: true, force: true }));
    }
    return (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(tempRoot, 'a-'));
}
/**
 * Pulls what verifying an `oci://` or `oci-layout:` artifact needs: its one layer to a local
 * file (digest checked), the layer's descriptor as subject, and every Sigstore bundle attached
 * as a referrer to its manifest and, for an index, to the index above it. An index resolves to
 * the manifest for `options.platform` (default the host's).
 */
async function fetchEvidence(reference, options = {}) {
    const ref = typeof reference === 'string' ? parseReference(reference) : reference;
    const refText = typeof reference === 'string' ? reference : formatReference(reference);
    const { directory, platform, ...open } = options;
    const target = openTarget(ref, open);
    const top = await readManifest(target, ref.digest ?? ref.tag ?? 'latest');
    const subjects = [top.descriptor];
    let manifest = top.manifest;
    if (isIndex(manifest)) {
        const child = pickChild(manifest.manifests, platform ?? hostPlatform(), refText);
        const read = await readManifest(target, descriptorDigest(child, `index ${refText}`));
        if (isIndex(read.manifest)) {
            throw new OciError({
                code: 'INVALID_MANIFEST',
                message: `${refText}: nested indexes are not supported`,
            });
        }
        manifest = read.manifest;
        subjects.unshift(read.descriptor);
    }
    if (manifest.layers.length !== 1) {
        throw new OciError({
            code: 'INVALID_MANIFEST',
            message: `${refText}: expected an artifact with one layer, found ${manifest.layers.length}`,
        });
    }
    const layer = manifest.layers[0];
    // The title comes from the registry: keep it one plain file name inside our folder.
    const title = layer.annotations?.[Annotation.TITLE]?.replace(/[/\\]/g, '_') || 'artifact';
    const artifactPath = (0,external_node_path_.join)(await artifactDir(directory), title === '.' || title === '..' ? 'artifact' : title);
    await target.fetchBlobToFile(layer, artifactPath);
    const bundles = [];
    const { tag: _tag, ...base } = ref;
    for (const subject of subjects) {
        for (const entry of await listReferrers(target, subject.digest)) {
            if (!(0,dist.isSigstoreBundleMediaType)(entry.artifactType))
                continue;
            descriptorDigest(entry, `the referrers of ${subject.digest}`);
            let content;
            try {
                ({ content } = await fetchReferrer(target, entry));
            }
            catch (err) {
                // Not a bundle at all (an index, a manifest without a layer): not evidence, and not a
                // reason to stop reading the others. Content that fails its digest still stops it.
                if (err instanceof OciError && err.code === 'INVALID_MANIFEST')
                    continue;
                throw err;
            }
            const source = formatReference({ ...base, digest: entry.digest });
            let json;
            try {
                // Depth-checked, its DSSE payload too: the same limits as a bundle file's.
                json = (0,dist.parseJson)(new TextDecoder().decode(content), source);
                (0,dist.checkPayloadDepth)(json, source);
            }
            catch (err) {
                throw new OciError({
                    code: 'INVALID_MANIFEST',
                    message: err instanceof dist.CoreError && err.code === 'INVALID_JSON'
                        ? `bundle ${entry.digest} attached to ${refText} is not JSON`
                        : err.message,
                    cause: err,
                });
            }
            bundles.push({ source, json });
        }
    }
    return {
        subject: { digest: layer.digest, mediaType: layer.mediaType, size: layer.size },
        manifestDigests: subjects.map((s) => s.digest),
        artifactPath,
        bundles,
    };
}
//# sourceMappingURL=evidence.js.map
;// CONCATENATED MODULE: ./packages/oci/dist/plan-file.js





/** The version of the plan file: a manifest to push as it is, with its small blobs. */
const PLAN_FORMAT = 'build-artifact.oci-plan.v1';
/**
 * A planned single-file artifact as text, for another job to push exactly as planned: the
 * manifest's bytes and the blobs that are not the file itself.
 */
function serializePlan(plan) {
    if (plan.children)
        throw new OciError({
            code: 'INVALID_MANIFEST',
            message: 'an index plan is not written to a file',
        });
    const file = {
        format: PLAN_FORMAT,
        manifest: Buffer.from(plan.bytes).toString('base64'),
        blobs: plan.blobs.flatMap((b) => 'data' in b.source
            ? [{ digest: b.digest, data: Buffer.from(b.source.data).toString('base64') }]
            : []),
    };
    return `${JSON.stringify(file)}\n`;
}
/**
 * Reads a plan written by `serializePlan` for the artifact at `path` whose digest is `digest`:
 * the manifest must have one layer, that file's digest, and every other blob it names must be
 * in the plan with the right content. Nothing in it is trusted beyond what is checked here;
 * the manifest's own digest is what the signed statements name.
 */
function parsePlan(text, path, digest, source) {
    const bad = (why) => {
        throw new OciError({ code: 'INVALID_MANIFEST', message: `${source}: ${why}` });
    };
    let file;
    try {
        file = (0,dist.parseJson)(text, source);
    }
    catch (err) {
        // parseJson's message names the source already.
        throw new OciError({ code: 'INVALID_MANIFEST', message: err.message, cause: err });
    }
    if (file?.format !== PLAN_FORMAT ||
        typeof file.manifest !== 'string' ||
        !Array.isArray(file.blobs))
        bad(`not a ${PLAN_FORMAT} plan`);
    const bytes = Buffer.from(file.manifest, 'base64');
    let manifest;
    try {
        manifest = (0,dist.parseJson)(bytes.toString('utf8'), `${source}: its manifest`);
    }
    catch (err) {
        throw new OciError({ code: 'INVALID_MANIFEST', message: err.message, cause: err });
    }
    if (typeof manifest !== 'object' ||
        manifest === null ||
        isIndex(manifest) ||
        !Array.isArray(manifest.layers) ||
        manifest.layers.length !== 1)
        bad('its manifest must have exactly one layer');
    const m = manifest;
    const layer = m.layers[0];
    if (typeof layer !== 'object' || layer === null || !Number.isSafeInteger(layer.size))
        return bad('its layer is not a descriptor with a size');
    if (layer.digest !== digest)
        bad(`its layer is ${layer.digest}, but ${path} is ${digest}`);
    if (typeof m.config !== 'object' || m.config === null)
        return bad('its manifest has no config');
    const blobs = [];
    for (const b of file.blobs) {
        const data = Buffer.from(String(b?.data ?? ''), 'base64');
        const blob = blobFromBytes(data);
        if (blob.digest !== b?.digest)
            bad(`blob ${String(b?.digest)} does not match its content`);
        blobs.push(blob);
    }
    if (!blobs.some((b) => b.digest === m.config.digest))
        bad('its config blob is missing');
    blobs.push({ digest: layer.digest, size: layer.size, source: { path } });
    return {
        descriptor: {
            mediaType: m.mediaType ?? dist.MediaType.OCI_MANIFEST,
            digest: `sha256:${(0,dist.digestBytes)(bytes)}`,
            size: bytes.length,
            ...(m.artifactType ? { artifactType: m.artifactType } : {}),
        },
        bytes,
        blobs,
        layer,
        ...(layer.annotations?.[Annotation.TITLE]
            ? { title: layer.annotations[Annotation.TITLE] }
            : {}),
    };
}
//# sourceMappingURL=plan-file.js.map
;// CONCATENATED MODULE: ./packages/oci/dist/push.js









function encode(value) {
    return new TextEncoder().encode(JSON.stringify(value));
}
const EXTENSION_TYPES = [
    [/\.(tar\.gz|tgz)$/i, 'application/gzip'],
    [/\.tar$/i, 'application/x-tar'],
    [/\.zip$/i, 'application/zip'],
    [/\.json$/i, 'application/json'],
    [/\.wasm$/i, dist.MediaType.WASM_LAYER],
];
function layerTypeFor(name) {
    return EXTENSION_TYPES.find(([re]) => re.test(name))?.[1] ?? dist.MediaType.OCTET_STREAM;
}
async function createdFor(path, options) {
    if (options.created)
        return options.created;
    try {
        // The file's time, not "now": pushing the same file again gives the same manifest.
        return new Date(Math.floor((await (0,promises_.stat)(path)).mtimeMs / 1000) * 1000)
            .toISOString()
            .replace(/\.000Z$/, 'Z');
    }
    catch (err) {
        throw (0,dist.fileError)(path, err);
    }
}
/** Blobs (or platform builds) sent at once: a registry takes a few uploads in parallel well. */
const BLOB_CONCURRENCY = 4;
/** Uploads the blobs side by side (as skopeo does): a manifest's config need not wait for its layer. */
async function pushBlobs(target, blobs, options) {
    const uploaded = await (0,dist.mapConcurrent)(blobs, BLOB_CONCURRENCY, async (blob) => {
        const result = await target.pushBlob(blob, {
            ...(options.onProgress ? { onProgress: options.onProgress } : {}),
            ...(options.mountFrom ? { mountFrom: options.mountFrom } : {}),
        });
        options.onProgress?.({
            step: 'oci.blob',
            level: 'debug',
            message: `${blob.digest} ${result.existed ? 'already there' : result.mounted ? 'mounted' : 'uploaded'} (${blob.size} bytes)`,
        });
        return result.uploadedBytes;
    });
    return uploaded.reduce((a, b) => a + b, 0);
}
/** What readies `target` for a push while a file is hashed (a registry's connection and token). */
function readyForPush(target) {
    return target.prepareToPush?.bind(target);
}
function plan(manifest, blobs, extra) {
    const bytes = encode(manifest);
    const descriptor = {
        mediaType: manifest.mediaType,
        digest: `sha256:${(0,dist.digestBytes)(bytes)}`,
        size: bytes.length,
        ...(manifest.artifactType ? { artifactType: manifest.artifactType } : {}),
    };
    return { descriptor, bytes, blobs, ...extra };
}
async function layerBlob(file, meanwhile) {
    return file.digest
        ? blobFromKnownFile(file.path, file.digest)
        : blobFromFile(file.path, meanwhile);
}
/** Plans a WebAssembly module or component as a CNCF wasm artifact. */
async function planWasm(file, options = {}, meanwhile) {
    const f = typeof file === 'string' ? { path: file } : file;
    const info = await detectWasm(f.path);
    if (!info)
        throw new OciError({
            code: 'INVALID_WASM',
            message: `${f.path}: not a WebAssembly module or component`,
        });
    const layerBlobValue = await layerBlob(f, meanwhile);
    const created = await createdFor(f.path, options);
    const title = (0,external_node_path_.basename)(f.path);
    const config = {
        created,
        architecture: 'wasm',
        os: info.os,
        layerDigests: [layerBlobValue.digest],
    };
    if (info.kind === 'component') {
        config.component = {
            imports: info.componentImports ?? [],
            exports: info.componentExports ?? [],
        };
    }
    const configBlob = blobFromBytes(encode(config));
    const layer = {
        mediaType: dist.MediaType.WASM_LAYER,
        digest: layerBlobValue.digest,
        size: layerBlobValue.size,
        annotations: { [Annotation.TITLE]: title },
    };
    const manifest = {
        schemaVersion: 2,
        mediaType: dist.MediaType.OCI_MANIFEST,
        config: { mediaType: dist.MediaType.WASM_CONFIG, digest: configBlob.digest, size: configBlob.size },
        layers: [layer],
        annotations: {
            [Annotation.CREATED]: created,
            [Annotation.TITLE]: title,
            ...options.annotations,
        },
    };
    return plan(manifest, [configBlob, layerBlobValue], {
        layer,
        title,
        platform: { os: info.os, architecture: 'wasm' },
    });
}
/** Plans any file as an artifact: artifactType, the empty config, one layer, a title. */
async function planFile(file, options = {}, meanwhile) {
    const f = typeof file === 'string' ? { path: file } : file;
    const layerBlobValue = await layerBlob(f, meanwhile);
    const created = await createdFor(f.path, options);
    const title = (0,external_node_path_.basename)(f.path);
    const layer = {
        mediaType: options.layerMediaType ?? layerTypeFor(title),
        digest: layerBlobValue.digest,
        size: layerBlobValue.size,
        annotations: { [Annotation.TITLE]: title },
    };
    const manifest = {
        schemaVersion: 2,
        mediaType: dist.MediaType.OCI_MANIFEST,
        artifactType: options.artifactType ?? DEFAULT_FILE_ARTIFACT_TYPE,
        config: EMPTY_CONFIG,
        layers: [layer],
        annotations: {
            [Annotation.CREATED]: created,
            [Annotation.TITLE]: title,
            ...options.annotations,
        },
    };
    return plan(manifest, [blobFromBytes(EMPTY_CONFIG_BYTES), layerBlobValue], { layer, title });
}
/** Plans a wasm file with the wasm layout and anything else with `planFile`. */
async function planArtifact(file, options = {}, meanwhile) {
    const path = typeof file === 'string' ? file : file.path;
    return (await detectWasm(path))
        ? planWasm(file, options, meanwhile)
        : planFile(file, options, meanwhile);
}
/** Plans several platform builds of one program grouped in an OCI index. */
async function planIndex(files, options = {}, meanwhile) {
    const seen = new Set();
    for (const f of files) {
        const key = formatPlatform(f.platform);
        if (seen.has(key))
            throw new OciError({
                code: 'INVALID_PLATFORM',
                message: `two files for platform ${key} (${f.path})`,
            });
        seen.add(key);
    }
    const started = meanwhile?.();
    const children = await (0,dist.mapConcurrent)(files, BLOB_CONCURRENCY, async (file) => ({
        ...(await planArtifact(file, options)),
        platform: file.platform,
    }));
    await started;
    return indexOf(children, options);
}
/** The index over planned platform manifests. */
function indexOf(children, options = {}) {
    const artifactTypes = new Set(children.map((c) => c.descriptor.artifactType));
    const index = {
        schemaVersion: 2,
        mediaType: dist.MediaType.OCI_INDEX,
        manifests: children.map((c) => ({
            ...c.descriptor,
            ...(c.platform ? { platform: c.platform } : {}),
            ...(c.title ? { annotations: { [Annotation.TITLE]: c.title } } : {}),
        })),
        annotations: {
            ...(options.created ? { [Annotation.CREATED]: options.created } : {}),
            ...options.annotations,
        },
    };
    const [onlyType] = artifactTypes;
    if (artifactTypes.size === 1 && onlyType)
        index.artifactType = onlyType;
    return plan(index, [], { children });
}
/**
 * Pushes a planned artifact: blobs first, manifest last, so a manifest never points at a blob
 * that is not there; an index after all its platform manifests. The manifest bytes are the
 * plan's, so its digest is the one planned.
 */
async function pushPlan(target, artifact, options = {}) {
    const children = artifact.children
        ? await (0,dist.mapConcurrent)(artifact.children, BLOB_CONCURRENCY, (c) => pushPlan(target, c, { ...options, tag: undefined }))
        : undefined;
    const uploadedBytes = (await pushBlobs(target, artifact.blobs, options)) +
        (children ?? []).reduce((n, c) => n + c.uploadedBytes, 0);
    const pushed = await target.pushManifest(artifact.bytes, artifact.descriptor.mediaType, options.tag);
    if (pushed.descriptor.digest !== artifact.descriptor.digest)
        throw new OciError({
            code: 'INVALID_MANIFEST',
            message: `${target.display}: stored the manifest as ${pushed.descriptor.digest}, planned ${artifact.descriptor.digest}`,
        });
    return {
        target,
        descriptor: artifact.descriptor,
        ...(options.tag ? { tag: options.tag } : {}),
        ...(artifact.layer ? { layer: artifact.layer } : {}),
        ...(artifact.title ? { title: artifact.title } : {}),
        ...(artifact.platform ? { platform: artifact.platform } : {}),
        ...(children ? { children } : {}),
        uploadedBytes,
    };
}
/** Pushes a WebAssembly module or component as a CNCF wasm artifact. */
async function pushWasm(target, path, options = {}) {
    return pushPlan(target, await planWasm(path, options, readyForPush(target)), options);
}
/** Pushes any file as an artifact: artifactType, the empty config, one layer, a title. */
async function pushFile(target, path, options = {}) {
    return pushPlan(target, await planFile(path, options, readyForPush(target)), options);
}
/** Pushes a wasm file with the wasm layout and anything else with `pushFile`. */
async function pushArtifact(target, path, options = {}) {
    return pushPlan(target, await planArtifact(path, options, readyForPush(target)), options);
}
/** Pushes several platform builds of one program and groups them in an OCI index. */
async function pushIndex(target, files, options = {}) {
    return pushPlan(target, await planIndex(files, options, readyForPush(target)), options);
}
/**
 * Pushes one referrer (empty config, one layer, subject) and records it: a registry with the
 * referrers API does that itself (it answers `OCI-Subject`), otherwise the referrers tag index
 * is updated.
 */
async function attachReferrer(subject, content, artifactType, annotations, options = {}) {
    const { target } = subject;
    const blob = blobFromBytes(content);
    await pushBlobs(target, [blobFromBytes(EMPTY_CONFIG_BYTES), blob], options);
    const manifest = {
        schemaVersion: 2,
        mediaType: dist.MediaType.OCI_MANIFEST,
        artifactType,
        config: EMPTY_CONFIG,
        layers: [{ mediaType: artifactType, digest: blob.digest, size: blob.size }],
        subject: {
            mediaType: subject.descriptor.mediaType,
            digest: subject.descriptor.digest,
            size: subject.descriptor.size,
        },
        annotations,
    };
    const pushed = await target.pushManifest(encode(manifest), dist.MediaType.OCI_MANIFEST);
    const entry = { ...pushed.descriptor, artifactType, annotations };
    if (!pushed.subjectDigest)
        await addToReferrersIndex(target, subject.descriptor.digest, entry);
    return entry;
}
function toBytes(value) {
    if (typeof value === 'string')
        return new TextEncoder().encode(value);
    if (value instanceof Uint8Array)
        return value;
    return encode(value);
}
/**
 * Attaches a Sigstore bundle as cosign v3 and actions/attest do: artifactType and layer the
 * bundle media type, annotations `dev.sigstore.bundle.content`, `.predicateType`, created.
 * The bundle's bytes are stored as given.
 */
async function attachBundle(subject, bundle, predicateType, options = {}) {
    const bytes = toBytes(bundle);
    let parsed;
    try {
        parsed = JSON.parse(new TextDecoder().decode(bytes));
    }
    catch (err) {
        throw new OciError({
            code: 'INVALID_MANIFEST',
            message: `the bundle to attach is not JSON: ${err.message}`,
            cause: err,
        });
    }
    const facts = (0,dist.describeBundle)(parsed);
    const type = predicateType ?? facts.predicateType;
    const annotations = {
        [Annotation.BUNDLE_CONTENT]: facts.content === 'dsse-envelope' ? 'dsse-envelope' : 'message-signature',
        ...(type ? { [Annotation.BUNDLE_PREDICATE_TYPE]: type } : {}),
        [Annotation.CREATED]: options.created ?? facts.signedAt ?? new Date().toISOString(),
        ...options.annotations,
    };
    return attachReferrer(subject, bytes, facts.mediaType, annotations, options);
}
/** Attaches an SBOM: CycloneDX (`application/vnd.cyclonedx+json`) or SPDX (`application/spdx+json`). */
async function attachSbom(subject, sbom, options = {}) {
    const bytes = toBytes(sbom);
    let kind;
    try {
        kind = (0,dist.sbomFormatOf)(JSON.parse(new TextDecoder().decode(bytes)));
        if (!kind)
            throw new Error('neither CycloneDX ("bomFormat") nor SPDX 2 ("spdxVersion")');
    }
    catch (err) {
        throw new OciError({
            code: 'INVALID_MANIFEST',
            message: `the SBOM to attach is not CycloneDX or SPDX JSON: ${err.message}`,
            cause: err,
        });
    }
    const annotations = {
        [Annotation.CREATED]: options.created ?? kind.created ?? new Date().toISOString(),
        ...(options.title ? { [Annotation.TITLE]: options.title } : {}),
        ...options.annotations,
    };
    return attachReferrer(subject, bytes, dist.SBOM_FORMATS[kind.format].mediaType, annotations, options);
}
//# sourceMappingURL=push.js.map
;// CONCATENATED MODULE: ./packages/oci/dist/index.js


















//# sourceMappingURL=index.js.map

/***/ })

};
