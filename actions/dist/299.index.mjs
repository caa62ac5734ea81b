export const id = 299;
export const ids = [299];
export const modules = {

/***/ 50299:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  lZ: () => (/* reexport */ ActionError),
  k8: () => (/* reexport */ artifactSource),
  vV: () => (/* reexport */ attestRequest),
  tE: () => (/* reexport */ booleanInput),
  ij: () => (/* reexport */ choiceInput),
  Os: () => (/* reexport */ group),
  pq: () => (/* reexport */ info),
  dt: () => (/* reexport */ listInput),
  sc: () => (/* reexport */ logProgress),
  CG: () => (/* reexport */ output),
  f4: () => (/* reexport */ reportAttested),
  tn: () => (/* reexport */ reportPublished),
  $G: () => (/* reexport */ reportVerified),
  it: () => (/* reexport */ requireIdToken),
  YF: () => (/* reexport */ requiredInput),
  Cs: () => (/* reexport */ runAction),
  Uj: () => (/* reexport */ stringInput),
  Sy: () => (/* reexport */ writeSummary)
});

// UNUSED EXPORTS: rekorLink, summaryMarkdown, text, writeReportSummary

// EXTERNAL MODULE: ./packages/core/dist/index.js + 18 modules
var dist = __webpack_require__(23135);
;// CONCATENATED MODULE: ./actions/common/lib/error.js

class ActionError extends dist.BaseError {
}
//# sourceMappingURL=error.js.map
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
    // Outputs carry text from evidence (results, subjects): escaped in the log like every line.
    core/* debug */.Yz((0,dist.safeText)(`output ${name}=${String(value)}`));
}
//# sourceMappingURL=outputs.js.map
;// CONCATENATED MODULE: ./actions/common/lib/progress.js


/**
 * Packages report through a callback; in an action that is the log (warnings become
 * annotations). Messages can carry text from evidence (file names, subjects): each line is
 * escaped, so none can start a workflow command (`::set-output`, `::add-mask`) or move the
 * cursor.
 */
function logProgress(event) {
    const line = (0,dist.safeText)(`${event.step}: ${event.message}`);
    if (event.level === 'debug')
        core/* debug */.Yz(line);
    else if (event.level === 'warning')
        core/* warning */.$e(line);
    else
        core/* info */.pq(line);
}
/** One log line from text that may come from evidence (see `safeText`). */
function info(text) {
    core/* info */.pq((0,dist.safeText)(text));
}
//# sourceMappingURL=progress.js.map
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/pipeline/dist/index.js + 17 modules
var pipeline_dist = __webpack_require__(64748);
// EXTERNAL MODULE: ./packages/provenance/dist/index.js + 6 modules
var provenance_dist = __webpack_require__(26395);
// EXTERNAL MODULE: ./packages/report/dist/index.js + 6 modules
var report_dist = __webpack_require__(67360);
;// CONCATENATED MODULE: ./actions/common/lib/summary.js


// Text in a summary may come from evidence: controls escaped, and nothing an artifact's author
// wrote is read as Markdown or HTML (tables, links, tags); the report package says how, once.
const code = report_dist/* markdownCode */.D9;
/** Plain text from evidence: controls escaped, Markdown and HTML characters made inert. */
const summary_text = report_dist/* markdownText */.p7;
function table(headers, rows) {
    return [
        `| ${headers.join(' | ')} |`,
        `| ${headers.map(() => '---').join(' | ')} |`,
        // Cells are built from `code` and `text`, whose output never holds a bare `|`.
        ...rows.map((r) => `| ${r.join(' | ')} |`),
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
            t.url && (0,report_dist/* safeHref */.v7)(t.url) ? `[${summary_text(t.logIndex)}](${(0,report_dist/* safeHref */.v7)(t.url)})` : summary_text(t.logIndex),
            t.subject ? code(t.subject) : '',
        ])));
    }
    if (data.oci?.length)
        parts.push(table(['OCI reference'], data.oci.map((r) => [code(r)])));
    if (data.verifications?.length) {
        parts.push(table(['Artifact', 'Result', 'Detail'], data.verifications.map((v) => [
            code(v.artifact),
            v.verified ? 'verified' : '**FAILED**',
            summary_text(v.detail),
        ])));
    }
    for (const note of data.notes ?? [])
        parts.push(note);
    return `${parts.join('\n\n')}\n`;
}
/** Writes the report of a run (per artifact, with the Mermaid chain) as the job summary. */
async function writeReportSummary(model) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    await core/* summary */.z.addRaw((0,report_dist/* renderMarkdown */.Gc)(model)).write();
}
async function writeSummary(data) {
    // Outside a runner (no GITHUB_STEP_SUMMARY) there is nowhere to write it: not an error.
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    await core/* summary */.z.addRaw(summaryMarkdown(data)).write();
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
;// CONCATENATED MODULE: ./actions/common/lib/report.js







/**
 * Where the artifacts are, from the inputs every attesting action has: a flat directory (with
 * the hash action's verified checksums when given), else paths, directories and globs.
 */
function artifactSource(inputs) {
    return inputs.checksums
        ? { directory: inputs.subjectsDirectory, checksums: inputs.checksums }
        : inputs.subjectsDirectory
            ? { directory: inputs.subjectsDirectory }
            : { paths: inputs.subjectPaths };
}
/** The attest flow's request, from the action's inputs. */
function attestRequest(inputs) {
    const sbomInputs = inputs.sbomPaths.length > 0
        ? inputs.sbomPaths.map((p) => (0,external_node_path_.resolve)(inputs.sourceDirectory, p))
        : [inputs.sourceDirectory];
    return {
        artifacts: artifactSource(inputs),
        sbom: inputs.sbom
            ? {
                format: inputs.sbomFormat,
                ...(inputs.sbomFormat === 'cyclonedx-json' ? { specVersion: inputs.specVersion } : {}),
                inputs: sbomInputs,
            }
            : false,
        provenance: {
            builder: 'github',
            resolvedDependencies: inputs.resolvedDependencies.map((d) => (0,provenance_dist.parseResolvedDependency)(d)),
        },
        signing: {},
        ...(inputs.ociRepository
            ? { publishTo: { reference: inputs.ociRepository, tagByName: true } }
            : {}),
        sidecars: inputs.outputDirectory ? { directory: inputs.outputDirectory } : {},
        ...(inputs.githubAttestations ? { githubAttestations: { token: inputs.token } } : {}),
    };
}
/**
 * The attest flow's result as the action's outputs, log lines and job summary (per artifact:
 * digest, SLSA level and signer from the certificate, log entry, SBOM counts, the chain).
 * `summary: false` when a publish summary will say the same and more.
 */
async function reportAttested(result, options = {}) {
    const a = result.artifacts;
    const bundles = [result.provenance.bundle, ...a.map((x) => x.sbomBundle)];
    const tlog = bundles.flatMap((bundle, i) => {
        const d = bundle ? (0,dist.describeBundle)(bundle) : undefined;
        if (d?.logIndex === undefined)
            return [];
        const url = rekorLink(result.signer?.instance?.rekorURL, d.logIndex);
        const subject = i === 0 ? 'provenance' : `SBOM of ${a[i - 1].name}`;
        return [{ subject, logIndex: d.logIndex, ...(url ? { url } : {}) }];
    });
    for (const t of tlog)
        info(`${t.subject}: transparency log entry ${t.logIndex}`);
    const paths = (...kinds) => a.flatMap((x) => kinds.flatMap((k) => (x.files[k] ? [x.files[k]] : []))).join('\n');
    output('bundle-path', a[0]?.files.PROVENANCE ?? '');
    output('bundle-paths', paths('PROVENANCE'));
    output('sbom-paths', paths('CYCLONEDX', 'SPDX'));
    output('sbom-bundle-paths', paths('SBOM_BUNDLE'));
    output('digests', (0,pipeline_dist/* formatSums */.K3)(a.map((x) => ({ name: x.name, sha256: x.digest.sha256 }))));
    output('tlog-entries', tlog.map((t) => `${t.logIndex}${t.url ? ` ${t.url}` : ''}`).join('\n'));
    output('attestation-ids', result.attestationIds.join('\n'));
    if (options.summary === false)
        return;
    const evidence = [
        ...(result.provenance.bundle ? [{ source: 'provenance', json: result.provenance.bundle }] : []),
        ...a.flatMap((x) => x.sbomBundle ? [{ source: `SBOM attestation of ${x.name}`, json: x.sbomBundle }] : []),
    ];
    const model = await (0,pipeline_dist/* signedReport */.VZ)({
        title: 'Attested',
        artifacts: a.map((x) => ({
            name: x.name,
            digest: x.digest,
            ...(x.size !== undefined ? { size: x.size } : {}),
        })),
        evidence,
    }, {
        generator: 'build-artifact attest',
        notes: result.attestationIds.length
            ? [`Stored in the GitHub attestations API: ${result.attestationIds.join(', ')}.`]
            : [],
    });
    await writeReportSummary(model);
}
/**
 * The publish flow's result as log lines and a job summary (outputs are each action's own): per
 * artifact where it went, and what its attached bundles say.
 */
async function reportPublished(result, attachments = []) {
    for (const a of result.artifacts)
        info(`pushed ${a.reference}`);
    for (const r of result.referrers)
        info(`attached ${r.source} to ${r.subject} as ${r.digest}`);
    const model = await (0,pipeline_dist/* signedReport */.VZ)({
        title: 'Pushed to OCI',
        artifacts: result.artifacts.map((a) => {
            const layer = a.layer?.digest;
            return {
                name: a.name,
                digest: layer?.startsWith('sha256:') ? { sha256: layer.slice(7) } : {},
                references: [a.reference],
            };
        }),
        evidence: attachments.flatMap((x) => x.kind === 'bundle' ? [{ source: x.source, json: x.json }] : []),
    }, {
        generator: 'build-artifact push',
        notes: [`${result.referrers.length} bundles and SBOMs attached as referrers.`],
    });
    await writeReportSummary(model);
}
/**
 * The report flow's outcome as the verify action's outputs, log lines and job summary (per
 * artifact a table of checks with a row per failed reason), and the HTML page when asked.
 */
async function reportVerified(outcome, htmlReport) {
    output('results', (0,dist.safeJson)(outcome.results.map(pipeline_dist/* withoutStatements */.x6)));
    output('verified', outcome.verified);
    if (htmlReport) {
        const { renderHtml } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 67360));
        await (0,dist.writeFileAtomic)(htmlReport, renderHtml(outcome.model));
        output('report', htmlReport);
        info(`wrote the HTML report to ${htmlReport}`);
    }
    await writeReportSummary(outcome.model);
}
//# sourceMappingURL=report.js.map
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
        if ((0,dist.isBaseError)(err)) {
            core/* setFailed */.C1((0,dist.safeText)(err.message));
        }
        else {
            core/* debug */.Yz(err?.stack ?? String(err));
            core/* setFailed */.C1((0,dist.safeText)(`internal error: ${err?.message ?? String(err)}`));
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
    return core/* group */.Os((0,dist.safeText)(title), fn);
}
//# sourceMappingURL=run.js.map
;// CONCATENATED MODULE: ./actions/common/lib/index.js







//# sourceMappingURL=index.js.map

/***/ }),

/***/ 23135:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  BaseError: () => (/* reexport */ BaseError),
  BuildType: () => (/* reexport */ BuildType),
  CoreError: () => (/* reexport */ CoreError),
  DEFAULT_SBOM_FORMAT: () => (/* reexport */ DEFAULT_SBOM_FORMAT),
  DIGEST_ALGORITHMS: () => (/* reexport */ DIGEST_ALGORITHMS),
  EVIDENCE_SIDECARS: () => (/* reexport */ EVIDENCE_SIDECARS),
  GITHUB_ACTIONS_ISSUER: () => (/* reexport */ GITHUB_ACTIONS_ISSUER),
  MAX_CHECKSUM_FILE_BYTES: () => (/* reexport */ MAX_CHECKSUM_FILE_BYTES),
  MAX_JSON_DEPTH: () => (/* reexport */ MAX_JSON_DEPTH),
  MAX_JSON_DOCUMENTS: () => (/* reexport */ MAX_JSON_DOCUMENTS),
  MAX_KEY_FILE_BYTES: () => (/* reexport */ MAX_KEY_FILE_BYTES),
  MAX_SUBJECTS: () => (/* reexport */ MAX_SUBJECTS),
  MediaType: () => (/* reexport */ MediaType),
  OCI_EMPTY_DIGEST: () => (/* reexport */ OCI_EMPTY_DIGEST),
  PredicateType: () => (/* reexport */ PredicateType),
  SBOM_FORMATS: () => (/* reexport */ SBOM_FORMATS),
  SBOM_PREDICATE_TYPES: () => (/* reexport */ SBOM_PREDICATE_TYPES),
  STATEMENT_TYPE_V1: () => (/* reexport */ STATEMENT_TYPE_V1),
  Sidecar: () => (/* reexport */ Sidecar),
  WASM_COMPONENT_HEADER: () => (/* reexport */ WASM_COMPONENT_HEADER),
  WASM_MODULE_HEADER: () => (/* reexport */ WASM_MODULE_HEADER),
  assertAlgorithm: () => (/* reexport */ assertAlgorithm),
  buildStatement: () => (/* reexport */ buildStatement),
  checkPayloadDepth: () => (/* reexport */ checkPayloadDepth),
  collectArtifacts: () => (/* reexport */ collectArtifacts),
  dedupeSubjects: () => (/* reexport */ dedupeSubjects),
  describeBundle: () => (/* reexport */ describeBundle),
  detectBinaryFormat: () => (/* reexport */ detectBinaryFormat),
  digestBytes: () => (/* reexport */ digestBytes),
  digestFile: () => (/* reexport */ digestFile),
  encodeEnvelope: () => (/* reexport */ encodeEnvelope),
  envelopePayload: () => (/* reexport */ envelopePayload),
  expandPaths: () => (/* reexport */ expandPaths),
  fileError: () => (/* reexport */ fileError),
  formatByteLimit: () => (/* reexport */ formatByteLimit),
  formatChecksumLine: () => (/* reexport */ formatChecksumLine),
  formatDigest: () => (/* reexport */ formatDigest),
  isBaseError: () => (/* reexport */ isBaseError),
  isGitHubActionsIssuer: () => (/* reexport */ isGitHubActionsIssuer),
  isSbomFormat: () => (/* reexport */ isSbomFormat),
  isSbomPredicateType: () => (/* reexport */ isSbomPredicateType),
  isSigstoreBundleMediaType: () => (/* reexport */ isSigstoreBundleMediaType),
  mapConcurrent: () => (/* reexport */ mapConcurrent),
  namesAlgorithm: () => (/* reexport */ namesAlgorithm),
  namesDigest: () => (/* reexport */ namesDigest),
  openRegularFile: () => (/* reexport */ openRegularFile),
  parseChecksumFile: () => (/* reexport */ parseChecksumFile),
  parseDigest: () => (/* reexport */ parseDigest),
  parseJson: () => (/* reexport */ parseJson),
  parseJsonDocuments: () => (/* reexport */ parseJsonDocuments),
  parseStatement: () => (/* reexport */ parseStatement),
  preAuthEncoding: () => (/* reexport */ preAuthEncoding),
  readRegularFile: () => (/* reexport */ readRegularFile),
  readRegularFileText: () => (/* reexport */ readRegularFileText),
  readRegularFileTextSync: () => (/* reexport */ readRegularFileTextSync),
  readUleb128: () => (/* reexport */ readUleb128),
  safeJson: () => (/* reexport */ safeJson),
  safeText: () => (/* reexport */ safeText),
  sbomFormatOf: () => (/* reexport */ sbomFormatOf),
  sidecarPath: () => (/* reexport */ sidecarPath),
  sourceDateEpoch: () => (/* reexport */ sourceDateEpoch),
  subjectName: () => (/* reexport */ subjectName),
  subjectsFromChecksumFile: () => (/* reexport */ subjectsFromChecksumFile),
  subjectsFromPaths: () => (/* reexport */ subjectsFromPaths),
  unwrapAttestationRecord: () => (/* reexport */ unwrapAttestationRecord),
  walkDirectory: () => (/* reexport */ walkDirectory),
  writeFileAtomic: () => (/* reexport */ writeFileAtomic)
});

;// CONCATENATED MODULE: ./packages/core/dist/binary.js
// What kind of binary a file is, from its first bytes, and the LEB128 numbers its containers
// (wasm, Go build info) are written in: read once here for the SBOM inspectors and the OCI
// client alike.
/** The first bytes of a wasm core module (magic, version 1) and of a component (layer 1). */
const WASM_MODULE_HEADER = Uint8Array.of(0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00);
const WASM_COMPONENT_HEADER = Uint8Array.of(0x00, 0x61, 0x73, 0x6d, 0x0d, 0x00, 0x01, 0x00);
/** The format the first 8 bytes of a file say, or undefined. */
function detectBinaryFormat(head) {
    if (head.length < 8)
        return undefined;
    const b = Buffer.from(head.buffer, head.byteOffset, 8);
    if (b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46)
        return 'elf';
    const m = b.readUInt32LE(0);
    if (m === 0xfeedfacf || m === 0xfeedface || m === 0xcefaedfe || m === 0xcffaedfe)
        return 'macho';
    if (m === 0xbebafeca)
        return 'macho'; // universal (fat) binary
    if (b[0] === 0x4d && b[1] === 0x5a)
        return 'pe';
    if (b[0] === 0 && b[1] === 0x61 && b[2] === 0x73 && b[3] === 0x6d)
        return b[4] === 0x0d ? 'wasm-component' : 'wasm';
    return undefined;
}
/**
 * An unsigned LEB128 of at most `maxBytes` bytes (5 for a u32) at `pos`, before `end`; the
 * value and the position after it. Throws RangeError when truncated or too long. LEB128 may be
 * non-minimal (Go writes 5-byte sizes).
 */
function readUleb128(buf, pos, end = buf.length, maxBytes = 5) {
    let value = 0;
    let mul = 1;
    for (let i = 0; i < maxBytes; i++) {
        if (pos >= end)
            throw new RangeError('truncated LEB128');
        const byte = buf[pos++];
        value += (byte & 0x7f) * mul;
        if ((byte & 0x80) === 0)
            return [value, pos];
        mul *= 128;
    }
    throw new RangeError('LEB128 too long');
}
//# sourceMappingURL=binary.js.map
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./packages/core/dist/media-types.js
/** Media types and well-known URIs used across the toolkit (see REFERENCE.md for sources). */
const MediaType = {
    IN_TOTO: 'application/vnd.in-toto+json',
    SIGSTORE_BUNDLE_V03: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    SIGSTORE_BUNDLE_V02: 'application/vnd.dev.sigstore.bundle+json;version=0.2',
    SIGSTORE_BUNDLE_V01: 'application/vnd.dev.sigstore.bundle+json;version=0.1',
    CYCLONEDX_JSON: 'application/vnd.cyclonedx+json',
    SPDX_JSON: 'application/spdx+json',
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
/**
 * Whether a media type is a Sigstore bundle's, of any version (`...bundle+json;version=0.1`,
 * `...bundle.v0.3+json`): what a bundle declares, and what a bundle referrer's artifactType is.
 */
function isSigstoreBundleMediaType(mediaType) {
    return (typeof mediaType === 'string' && mediaType.startsWith('application/vnd.dev.sigstore.bundle'));
}
const PredicateType = {
    SLSA_PROVENANCE_V1: 'https://slsa.dev/provenance/v1',
    CYCLONEDX_BOM: 'https://cyclonedx.org/bom',
    SPDX_DOCUMENT_V2_3: 'https://spdx.dev/Document/v2.3',
    /** SLSA v1.1 verification summary attestation (VSA). */
    VERIFICATION_SUMMARY_V1: 'https://slsa.dev/verification_summary/v1',
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
;// CONCATENATED MODULE: ./packages/core/dist/bundle.js


const obj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
const str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
function leafCertificate(material) {
    const chain = obj(material?.x509CertificateChain)?.certificates;
    const raw = str(obj(material?.certificate)?.rawBytes) ??
        (Array.isArray(chain) ? str(obj(chain[0])?.rawBytes) : undefined);
    if (!raw)
        return undefined;
    try {
        return new external_node_crypto_.X509Certificate(Buffer.from(raw, 'base64'));
    }
    catch {
        return undefined;
    }
}
function subjectsOf(statement) {
    const list = statement?.subject;
    if (!Array.isArray(list))
        return [];
    const out = [];
    for (const entry of list) {
        const s = obj(entry);
        const digest = obj(s?.digest);
        if (!digest)
            continue;
        const digests = {};
        for (const [alg, hex] of Object.entries(digest))
            if (typeof hex === 'string')
                digests[alg] = hex.toLowerCase();
        out.push({ name: typeof s?.name === 'string' ? s.name : '', digest: digests });
    }
    return out;
}
/** Describes a bundle (any version; a GitHub attestation record is not unwrapped here). */
function describeBundle(bundle) {
    const b = obj(bundle) ?? {};
    const declared = str(b.mediaType);
    const envelope = obj(b.dsseEnvelope);
    const description = {
        mediaType: isSigstoreBundleMediaType(declared) ? declared : MediaType.SIGSTORE_BUNDLE_V03,
        content: envelope ? 'dsse-envelope' : obj(b.messageSignature) ? 'message-signature' : 'unknown',
        subjects: [],
    };
    if (envelope) {
        const payloadType = str(envelope.payloadType);
        if (payloadType)
            description.payloadType = payloadType;
        const payload = str(envelope.payload);
        if (payload) {
            try {
                const statement = obj(JSON.parse(Buffer.from(payload, 'base64').toString('utf8')));
                if (statement) {
                    description.statement = statement;
                    const predicateType = str(statement.predicateType);
                    if (predicateType)
                        description.predicateType = predicateType;
                    description.subjects = subjectsOf(statement);
                }
            }
            catch {
                // Not an in-toto payload: nothing more to describe.
            }
        }
    }
    const message = obj(obj(b.messageSignature)?.messageDigest);
    const algorithm = message?.algorithm;
    const digest = str(message?.digest);
    if (digest && (algorithm === 'SHA2_256' || algorithm === 'SHA2_512'))
        description.messageDigest = {
            algorithm: algorithm === 'SHA2_256' ? 'sha256' : 'sha512',
            hex: Buffer.from(digest, 'base64').toString('hex'),
        };
    const material = obj(b.verificationMaterial);
    const leaf = leafCertificate(material);
    if (leaf) {
        description.signedWith = 'certificate';
        const san = leaf.subjectAltName?.split(', ')[0]?.replace(/^(URI|email):/, '');
        if (san)
            description.signer = san;
    }
    else if (obj(material?.publicKey)) {
        description.signedWith = 'key';
        const hint = str(obj(material?.publicKey)?.hint);
        if (hint)
            description.publicKeyHint = hint;
    }
    const entries = material?.tlogEntries;
    const first = Array.isArray(entries) ? obj(entries[0]) : undefined;
    const logIndex = first?.logIndex;
    if (typeof logIndex === 'string' || typeof logIndex === 'number')
        description.logIndex = String(logIndex);
    const integrated = str(first?.integratedTime);
    if (integrated && /^\d+$/.test(integrated) && integrated !== '0')
        description.signedAt = new Date(Number(integrated) * 1000).toISOString();
    else if (leaf)
        description.signedAt = new Date(leaf.validFrom).toISOString();
    return description;
}
/**
 * True when the bundle is about `digest` (`sha256:hex` or `sha512:hex`): a subject of its
 * statement has it, or its message signature is over it.
 */
function namesDigest(description, digest) {
    const [algorithm, hex] = digest.split(':');
    if (!algorithm || !hex)
        return false;
    const want = hex.toLowerCase();
    const m = description.messageDigest;
    if (m && m.algorithm === algorithm && m.hex === want)
        return true;
    return description.subjects.some((s) => s.digest[algorithm] === want);
}
/**
 * True when the bundle names some digest with `algorithm` (a SHA-512 subject or message
 * digest): only then is it worth hashing a file with that algorithm to match it.
 */
function namesAlgorithm(description, algorithm) {
    return (description.messageDigest?.algorithm === algorithm ||
        description.subjects.some((s) => s.digest[algorithm] !== undefined));
}
//# sourceMappingURL=bundle.js.map
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
class CoreError extends BaseError {
}
/** True for errors thrown by any build-artifact package (they all extend BaseError). */
function isBaseError(value) {
    return value instanceof BaseError;
}
/** Turns a Node.js fs error into a CoreError that names the file. */
function fileError(path, err) {
    const code = err?.code;
    if (code === 'ENOENT') {
        return new CoreError({
            code: 'FILE_NOT_FOUND',
            message: `${path}: no such file or directory`,
            cause: err,
        });
    }
    const reason = code === 'EACCES'
        ? 'permission denied'
        : code === 'EISDIR'
            ? 'is a directory'
            : code === 'ELOOP'
                ? 'too many levels of symbolic links'
                : (err?.message ?? String(err));
    return new CoreError({ code: 'FILE_UNREADABLE', message: `${path}: ${reason}`, cause: err });
}
//# sourceMappingURL=error.js.map
;// CONCATENATED MODULE: ./packages/core/dist/checksums.js

/**
 * The largest checksums file read: some 100,000 lines of sha256sum output, far more than the
 * MAX_SUBJECTS a statement takes.
 */
const MAX_CHECKSUM_FILE_BYTES = 16 * 1024 * 1024;
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
function parseChecksumFile(text, source = 'checksums') {
    const entries = [];
    const lines = text.split('\n');
    lines.forEach((raw, index) => {
        const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
        if (line.trim() === '' || line.startsWith('#'))
            return;
        const fail = (what) => {
            throw new CoreError({
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
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
;// CONCATENATED MODULE: ./packages/core/dist/regular-file.js



/**
 * Opening never waits: O_NONBLOCK makes open(2) of a FIFO with no writer return at once (it is
 * then refused as not a regular file), and O_NOCTTY keeps a terminal from becoming ours. On a
 * regular file neither flag changes anything. Windows has neither.
 */
const OPEN_FLAGS = external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NONBLOCK ?? 0) | (external_node_fs_.constants.O_NOCTTY ?? 0);
/** How much a read grows its buffer by at least, when a file turns out longer than it said. */
const MIN_GROWTH = 64 * 1024;
/** A PEM key is a few hundred bytes: a file near this size is not one. */
const MAX_KEY_FILE_BYTES = 64 * 1024;
/** `64 MiB` for whole mebibytes, else the byte count. */
function formatByteLimit(bytes) {
    const mib = bytes / (1024 * 1024);
    return Number.isInteger(mib) ? `${mib} MiB` : `${bytes} bytes`;
}
function whatItIs(info) {
    if (info.isDirectory())
        return 'a directory';
    if (info.isFIFO())
        return 'a named pipe (FIFO)';
    if (info.isCharacterDevice())
        return 'a character device';
    if (info.isBlockDevice())
        return 'a block device';
    if (info.isSocket())
        return 'a socket';
    return 'something else';
}
function notRegular(path, what, cause) {
    return new CoreError({
        code: 'NOT_REGULAR_FILE',
        message: `${path}: is ${what}, not a regular file`,
        cause,
    });
}
/** An open(2) failure, named: a Unix socket or a device with no driver behind it gives ENXIO. */
function openFailure(path, err) {
    if (err.code === 'ENXIO')
        return notRegular(path, 'a socket or a device', err);
    return fileError(path, err);
}
/**
 * Opens `path` for reading if, once open, it is a regular file (symlinks followed). The type is
 * taken from the open handle (`fstat`), not from the path beforehand, which could be swapped
 * in between; the open itself never blocks (see OPEN_FLAGS). Errors are CoreErrors naming the
 * file: FILE_NOT_FOUND, NOT_REGULAR_FILE, FILE_UNREADABLE.
 */
async function openRegularFile(path) {
    let handle;
    try {
        handle = await (0,promises_.open)(path, OPEN_FLAGS);
    }
    catch (err) {
        throw openFailure(path, err);
    }
    try {
        const stats = await handle.stat();
        if (!stats.isFile())
            throw notRegular(path, whatItIs(stats));
        return { handle, stats };
    }
    catch (err) {
        await handle.close().catch(() => undefined);
        if (err instanceof CoreError)
            throw err;
        throw fileError(path, err);
    }
}
function tooLarge(path, message) {
    return new CoreError({ code: 'FILE_TOO_LARGE', message: `${path}: ${message}` });
}
/**
 * The buffer to read on into once `buffer` is full: twice as large (at least MIN_GROWTH), up
 * to one byte past the limit, so that reading that byte shows the file grew past it.
 */
function grown(buffer, path, maxBytes, limit) {
    if (buffer.length > maxBytes)
        throw tooLarge(path, `grew while being read, past the ${limit}`);
    const next = Buffer.allocUnsafe(Math.min(maxBytes + 1, Math.max(buffer.length * 2, MIN_GROWTH)));
    buffer.copy(next);
    return next;
}
/**
 * The whole content of a regular file of at most `maxBytes`: refused before reading if its size
 * says more, and while reading if it grows past that (the cap holds whatever the size said).
 * FIFOs, devices (a symlink to /dev/zero), sockets and directories are refused without reading
 * a byte. Errors are CoreErrors naming the file (FILE_TOO_LARGE, and those of openRegularFile).
 */
async function readRegularFile(path, options) {
    const { maxBytes, what = 'this file' } = options;
    const { handle, stats } = await openRegularFile(path);
    const { size } = stats;
    try {
        const limit = `${formatByteLimit(maxBytes)} allowed for ${what}`;
        if (size > maxBytes)
            throw tooLarge(path, `${size} bytes, more than the ${limit}`);
        // One byte more than the size: reading it means the file grew.
        let buffer = Buffer.allocUnsafe(size + 1);
        let length = 0;
        for (;;) {
            if (length === buffer.length)
                buffer = grown(buffer, path, maxBytes, limit);
            const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
            if (bytesRead === 0)
                break;
            length += bytesRead;
        }
        return buffer.subarray(0, length);
    }
    catch (err) {
        if (err instanceof CoreError)
            throw err;
        throw fileError(path, err);
    }
    finally {
        await handle.close();
    }
}
/** readRegularFile as UTF-8 text. */
async function readRegularFileText(path, options) {
    return (await readRegularFile(path, options)).toString('utf8');
}
/**
 * readRegularFileText for synchronous readers (the lockfile parsers read companions such as
 * Cargo.toml mid-parse): the same checks, the same errors, the same bound. A FIFO named like a
 * lockfile is refused, not waited on.
 */
function readRegularFileTextSync(path, options) {
    const { maxBytes, what = 'this file' } = options;
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(path, OPEN_FLAGS);
    }
    catch (err) {
        throw openFailure(path, err);
    }
    try {
        const stats = (0,external_node_fs_.fstatSync)(fd);
        if (!stats.isFile())
            throw notRegular(path, whatItIs(stats));
        const limit = `${formatByteLimit(maxBytes)} allowed for ${what}`;
        if (stats.size > maxBytes)
            throw tooLarge(path, `${stats.size} bytes, more than the ${limit}`);
        let buffer = Buffer.allocUnsafe(stats.size + 1);
        let length = 0;
        for (;;) {
            if (length === buffer.length)
                buffer = grown(buffer, path, maxBytes, limit);
            const bytesRead = (0,external_node_fs_.readSync)(fd, buffer, length, buffer.length - length, length);
            if (bytesRead === 0)
                break;
            length += bytesRead;
        }
        return buffer.toString('utf8', 0, length);
    }
    catch (err) {
        if (err instanceof CoreError)
            throw err;
        throw fileError(path, err);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
//# sourceMappingURL=regular-file.js.map
;// CONCATENATED MODULE: ./packages/core/dist/digest.js



const DIGEST_ALGORITHMS = ['sha256', 'sha512'];
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
async function digestFile(path, algorithms = ['sha256'], onProgress) {
    // A regular file only: a FIFO would block the open (and the process) until a writer came,
    // a device would never end.
    const { handle, stats } = await openRegularFile(path);
    try {
        const hashes = algorithms.map((a) => (0,external_node_crypto_.createHash)(a));
        const size = stats.size;
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
        if (err instanceof CoreError)
            throw err;
        throw fileError(path, err);
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
        throw new CoreError({
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
;// CONCATENATED MODULE: ./packages/core/dist/epoch.js

/**
 * `SOURCE_DATE_EPOCH` (reproducible-builds.org) of an environment: the seconds since 1970 a
 * build writes as its time (SBOM timestamps, manifest `created`), so that the same sources give
 * the same bytes. Undefined when unset or empty; anything but 1-12 digits is refused.
 */
function sourceDateEpoch(env) {
    const value = env.SOURCE_DATE_EPOCH;
    if (value === undefined || value === '')
        return undefined;
    if (!/^\d{1,12}$/.test(value))
        throw new CoreError({
            code: 'INVALID_SOURCE_DATE_EPOCH',
            message: `SOURCE_DATE_EPOCH ${JSON.stringify(value.slice(0, 40))} is not a number of seconds`,
        });
    return Number(value);
}
//# sourceMappingURL=epoch.js.map
;// CONCATENATED MODULE: ./packages/core/dist/escape.js
// Text from evidence (subject names, certificate fields, SBOM names) is written by whoever
// signed it, and a failing verification must not be able to paint itself as a passing one.
// C0 and C1 controls, DEL, and the Unicode format characters that reorder or hide text
// (bidirectional overrides and isolates, line and paragraph separators, zero-width joiners and
// the byte-order mark).
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;
// What JSON.stringify leaves raw inside strings (C0 controls it escapes itself; outside strings
// they are only the indentation's newlines).
const UNESCAPED_BY_JSON = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;
function escapeChar(c) {
    const code = c.codePointAt(0);
    if (c === '\n')
        return '\\n';
    if (c === '\r')
        return '\\r';
    if (c === '\t')
        return '\\t';
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}
/**
 * One line of text safe for a terminal and a workflow log: every control and reordering
 * character shown as an escape (`\x1b`, `\n`, `\u{202e}`), and a leading `::` (a GitHub
 * Actions workflow command) broken with a backslash.
 */
function safeText(text) {
    const escaped = text.replace(UNSAFE, escapeChar);
    return escaped.startsWith('::') ? `\\${escaped}` : escaped;
}
/**
 * JSON for a terminal or a log: `JSON.stringify` escapes C0 controls but leaves C1 controls
 * and reordering characters raw; these become `\uXXXX` too. The value parses back unchanged.
 */
function safeJson(value, space) {
    return JSON.stringify(value, null, space).replace(UNESCAPED_BY_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
//# sourceMappingURL=escape.js.map
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
            throw fileError(current, err);
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
                    throw fileError(full, err);
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
async function expandPaths(args, options = {}) {
    const found = [];
    for (const arg of args) {
        let info;
        try {
            info = await (0,promises_.stat)(arg);
        }
        catch (err) {
            if (!GLOB_CHARS.test(arg))
                throw fileError(arg, err);
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
                throw fileError(arg, Object.assign(new Error('no match'), { code: 'ENOENT' }));
            for (const path of files)
                found.push({ path, from: arg });
        }
    }
    return found;
}
/** The name a found file gets as an in-toto subject: its path below the directory it came from, else its base name. */
function subjectName(file) {
    if (file.path === file.from)
        return file.path.split(external_node_path_.sep).pop();
    const rel = (0,external_node_path_.relative)(file.from, file.path);
    return rel.startsWith('..') ? file.path.split(external_node_path_.sep).pop() : rel.split(external_node_path_.sep).join('/');
}
//# sourceMappingURL=files.js.map
;// CONCATENATED MODULE: ./packages/core/dist/github.js
/** The OIDC issuer of GitHub Actions' job tokens on github.com. */
const GITHUB_ACTIONS_ISSUER = 'https://token.actions.githubusercontent.com';
// An enterprise slug as GitHub Enterprise Cloud allows them in a custom issuer path.
const ENTERPRISE_SLUG = /^[A-Za-z0-9](?:[A-Za-z0-9_-]{0,98}[A-Za-z0-9])?$/;
/**
 * True for `base` itself and for its GitHub Enterprise Cloud form with a custom issuer,
 * `<base>/<enterprise-slug>` (one path segment, nothing else): the only two shapes GitHub issues.
 */
function isGitHubActionsIssuer(iss, base = GITHUB_ACTIONS_ISSUER) {
    if (iss === base)
        return true;
    if (!iss.startsWith(`${base}/`))
        return false;
    return ENTERPRISE_SLUG.test(iss.slice(base.length + 1));
}
//# sourceMappingURL=github.js.map
;// CONCATENATED MODULE: ./packages/core/dist/json-documents.js

/**
 * The most documents one file of JSON lines may hold. `gh attestation download` writes one line
 * per attestation of a digest and `.intoto.jsonl` files a handful; a file of thousands is not
 * evidence anyone made, and every document costs a verification.
 */
const MAX_JSON_DOCUMENTS = 1024;
/**
 * The deepest a JSON document (and a DSSE payload inside one) may nest arrays and objects. Real
 * bundles, statements and SBOMs stay under 20 levels; code that walks a value recursively
 * (JSON.stringify, canonicalisation, the Sigstore libraries) overflows the stack some thousands
 * of levels down, so deeper input is refused before anything walks it.
 */
const MAX_JSON_DEPTH = 512;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SPACE = 0x20;
/** The characters JSON text may hold outside strings: structure, numbers, true, false, null. */
const OUTSIDE_STRINGS = new Uint8Array(128);
for (const c of ' \t\n\r{}[],:0123456789+-.eEtruefalsn')
    OUTSIDE_STRINGS[c.charCodeAt(0)] = 1;
/**
 * Where JSON text first nests arrays and objects deeper than MAX_JSON_DEPTH, or -1: one pass
 * over the characters, no recursion, no parsing (brackets inside strings do not count). At the
 * first character JSON allows nowhere there (a control character in a string; outside strings,
 * anything but structure, numbers and literals) it answers -1: the text is no JSON, and the
 * parser, which stops there at the latest, says so. A binary or a JavaScript bundle thus reads
 * as not JSON, whatever brackets it holds. Bytes read as latin1 work as well: the characters
 * counted are ASCII, which no byte of a multi-byte UTF-8 character can be.
 */
function depthExceededAt(text) {
    let depth = 0;
    let inString = false;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (inString) {
            if (c === BACKSLASH)
                i++;
            else if (c === QUOTE)
                inString = false;
            else if (c < SPACE)
                return -1;
        }
        else if (c === QUOTE) {
            inString = true;
        }
        else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
            if (++depth > MAX_JSON_DEPTH)
                return i;
        }
        else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
            depth--;
        }
        else if (c >= 128 || OUTSIDE_STRINGS[c] !== 1) {
            return -1;
        }
    }
    return -1;
}
/** The 1-based line of offset `at` in `text`. */
function lineAt(text, at) {
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1 && i < at; i = text.indexOf('\n', i + 1))
        line++;
    return line;
}
function tooDeep(source, what = 'nests') {
    return new CoreError({
        code: 'JSON_TOO_DEEP',
        message: `${source}: ${what} deeper than ${MAX_JSON_DEPTH} levels`,
    });
}
/**
 * JSON.parse for untrusted text: refuses documents nesting deeper than MAX_JSON_DEPTH
 * (JSON_TOO_DEEP) and names `source` in every error (INVALID_JSON).
 */
function parseJson(text, source) {
    if (depthExceededAt(text) !== -1)
        throw tooDeep(source);
    try {
        return JSON.parse(text);
    }
    catch (err) {
        throw new CoreError({
            code: 'INVALID_JSON',
            message: `${source}: not JSON (${err.message})`,
            cause: err,
        });
    }
}
/**
 * A file of one JSON document, or of JSON lines (one document per line, as `gh attestation
 * download`, `.intoto.jsonl` files and trusted-root bundles hold them). Errors name the file
 * and, for a line, its number. At most MAX_JSON_DOCUMENTS documents (TOO_MANY_DOCUMENTS), each
 * nesting at most MAX_JSON_DEPTH levels (JSON_TOO_DEEP).
 */
function parseJsonDocuments(text, source) {
    const trimmed = text.trim();
    if (trimmed === '') {
        throw new CoreError({ code: 'INVALID_JSON', message: `${source}: the file is empty` });
    }
    // Before any parsing: millions of nested arrays would cost gigabytes to build.
    const deep = depthExceededAt(text);
    if (deep !== -1)
        throw tooDeep(`${source}:${lineAt(text, deep)}`);
    try {
        return [{ source, text: trimmed, json: JSON.parse(trimmed) }];
    }
    catch {
        // Not one JSON document: read it as JSON lines.
    }
    // JSON lines, walked line by line: no array of every line of a large file.
    const out = [];
    let lineNumber = 0;
    for (let start = 0; start < text.length;) {
        const newline = text.indexOf('\n', start);
        const end = newline === -1 ? text.length : newline;
        lineNumber++;
        const lineText = text.slice(start, end).trim();
        start = end + 1;
        if (lineText === '')
            continue;
        if (out.length === MAX_JSON_DOCUMENTS) {
            throw new CoreError({
                code: 'TOO_MANY_DOCUMENTS',
                message: `${source}: more than ${MAX_JSON_DOCUMENTS} JSON documents (line ${lineNumber}); at most ${MAX_JSON_DOCUMENTS} are read from one file`,
            });
        }
        try {
            out.push({ source: `${source}:${lineNumber}`, text: lineText, json: JSON.parse(lineText) });
        }
        catch (err) {
            throw new CoreError({
                code: 'INVALID_JSON',
                message: `${source}:${lineNumber}: not JSON (${err.message})`,
                cause: err,
            });
        }
    }
    return out;
}
/**
 * Refuses a Sigstore bundle whose DSSE payload (an in-toto statement, base64 inside the bundle,
 * so out of sight of the check of the file) nests deeper than MAX_JSON_DEPTH: JSON_TOO_DEEP,
 * naming `source`. Anything else passes: judging it is verification's job.
 */
function checkPayloadDepth(bundle, source) {
    if (typeof bundle !== 'object' || bundle === null)
        return;
    const envelope = bundle.dsseEnvelope;
    if (typeof envelope !== 'object' || envelope === null)
        return;
    const payload = envelope.payload;
    if (typeof payload !== 'string')
        return;
    // latin1: one character per byte, the cheapest decoding (see depthExceededAt).
    if (depthExceededAt(Buffer.from(payload, 'base64').toString('latin1')) !== -1) {
        throw tooDeep(source, 'the DSSE payload nests');
    }
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
;// CONCATENATED MODULE: ./packages/core/dist/sbom-formats.js

/**
 * The SBOM formats the toolkit writes and reads, and what goes with each: the media type of the
 * file, the predicate type of its attestation, the sidecar it is published as. Spelled here only.
 */
const SBOM_FORMATS = {
    'cyclonedx-json': {
        mediaType: MediaType.CYCLONEDX_JSON,
        predicateType: PredicateType.CYCLONEDX_BOM,
        sidecar: 'CYCLONEDX',
    },
    'spdx-json': {
        mediaType: MediaType.SPDX_JSON,
        predicateType: PredicateType.SPDX_DOCUMENT_V2_3,
        sidecar: 'SPDX',
    },
};
const DEFAULT_SBOM_FORMAT = 'cyclonedx-json';
function isSbomFormat(value) {
    return typeof value === 'string' && Object.hasOwn(SBOM_FORMATS, value);
}
/** The predicate types of SBOM attestations: what `--require-sbom` accepts. */
const SBOM_PREDICATE_TYPES = Object.values(SBOM_FORMATS).map((f) => f.predicateType);
// The SBOM predicate types other tools attach: cosign's `https://spdx.dev/Document` (cosign
// attest --type spdxjson), and versioned forms (`https://spdx.dev/Document/v2.2`,
// `https://cyclonedx.org/bom/v1.5`).
const SBOM_PREDICATE_TYPE = /^https:\/\/(?:spdx\.dev\/Document|cyclonedx\.org\/bom)(?:\/v\d+(?:\.\d+)*)?$/;
/**
 * Whether a predicate type says the statement attests an SBOM: ours (SBOM_PREDICATE_TYPES) and
 * the forms other tools write (cosign's unversioned `https://spdx.dev/Document`, versioned ones).
 */
function isSbomPredicateType(predicateType) {
    return typeof predicateType === 'string' && SBOM_PREDICATE_TYPE.test(predicateType);
}
/**
 * Which SBOM format a parsed JSON document is, by the fields each format requires
 * (CycloneDX `bomFormat`, SPDX `spdxVersion` 2.x), and when it says it was made; undefined
 * for anything else.
 */
function sbomFormatOf(document) {
    if (typeof document !== 'object' || document === null)
        return undefined;
    const d = document;
    const text = (v) => (typeof v === 'string' ? { created: v } : {});
    if (d.bomFormat === 'CycloneDX')
        return { format: 'cyclonedx-json', ...text(d.metadata?.timestamp) };
    if (typeof d.spdxVersion === 'string' && d.spdxVersion.startsWith('SPDX-2.'))
        return { format: 'spdx-json', ...text(d.creationInfo?.created) };
    return undefined;
}
//# sourceMappingURL=sbom-formats.js.map
;// CONCATENATED MODULE: ./packages/core/dist/sidecars.js
/**
 * The files published beside an artifact, by kind: the names `attest`, the actions and the
 * workflows write, and the ones `attest verify` and `attest push` look for. Spelled here only.
 */
const Sidecar = {
    /** The signed SLSA provenance (the release-asset convention). */
    PROVENANCE: '.sigstore.json',
    /** The signed SBOM attestation. */
    SBOM_BUNDLE: '.sbom.sigstore.json',
    /** The CycloneDX SBOM itself. */
    CYCLONEDX: '.cdx.json',
    /** The SPDX SBOM itself. */
    SPDX: '.spdx.json',
    /** In-toto JSON lines, as slsa-github-generator and many release pipelines publish them. */
    INTOTO_JSONL: '.intoto.jsonl',
    /** A verifier's signed verification summary (SLSA VSA) of the artifact. */
    VSA_BUNDLE: '.vsa.sigstore.json',
    /**
     * The OCI manifest planned when the artifact was attested, pushed later as it is (its digest
     * is a subject of the signed statements): how the reusable workflow's jobs hand it on.
     */
    OCI_MANIFEST: '.oci-manifest.json',
};
/** The evidence sidecars `attest verify` reads beside an artifact, in this order. */
const EVIDENCE_SIDECARS = [
    'PROVENANCE',
    'SBOM_BUNDLE',
    'INTOTO_JSONL',
    'VSA_BUNDLE',
];
/** `<artifact><suffix>` for a sidecar kind. */
function sidecarPath(artifactPath, kind) {
    return artifactPath + Sidecar[kind];
}
//# sourceMappingURL=sidecars.js.map
;// CONCATENATED MODULE: ./packages/core/dist/statement.js


const MAX_SUBJECTS = 1024;
function buildStatement(subjects, predicateType, predicate) {
    if (subjects.length === 0) {
        throw new CoreError({ code: 'NO_SUBJECTS', message: 'a statement needs at least one subject' });
    }
    if (subjects.length > MAX_SUBJECTS) {
        throw new CoreError({
            code: 'TOO_MANY_SUBJECTS',
            message: `${subjects.length} subjects: at most ${MAX_SUBJECTS} fit in one statement`,
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
        throw new CoreError({ code: 'INVALID_STATEMENT', message: `${source}: ${what}` });
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
/**
 * Subjects for files, directories (recursed, sorted) and globs; names must be unique. The
 * subjects of `collectArtifacts({ paths })`, without the paths.
 */
async function subjectsFromPaths(paths, options = {}) {
    const artifacts = await collectArtifacts({ paths }, options);
    return artifacts.map(({ name, digest }) => ({ name, digest }));
}
/** Subjects listed in a `sha256sum`/`sha512sum` style checksums file. */
async function subjectsFromChecksumFile(path) {
    const text = await readRegularFileText(path, {
        maxBytes: MAX_CHECKSUM_FILE_BYTES,
        what: 'a checksums file',
    });
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
/**
 * The artifacts of a run, each hashed once, with the names their subjects get: the one
 * collector of the CLI, the actions and the demo. Names are unique; at most `limit`.
 */
async function collectArtifacts(source, options = {}) {
    const algorithms = options.algorithms ?? ['sha256'];
    const concurrency = options.concurrency ?? 4;
    const hash = async (name, path) => ({
        name,
        path,
        digest: (await digestFile(path, algorithms)),
    });
    let found;
    if (source.checksums !== undefined) {
        if (source.directory === undefined)
            throw new CoreError({
                code: 'INVALID_CHECKSUM_FILE',
                message: `${source.checksums}: a checksums file needs the directory it lists`,
            });
        const text = await readRegularFileText(source.checksums, {
            maxBytes: MAX_CHECKSUM_FILE_BYTES,
            what: 'a checksums file',
        });
        // Counted before any file is hashed, as paths are below.
        const entries = checked(parseChecksumFile(text, source.checksums), options);
        const artifacts = await mapConcurrent(entries, concurrency, async (e) => {
            if (/[/\\]/.test(e.path) || e.path === '.' || e.path === '..')
                throw new CoreError({
                    code: 'INVALID_CHECKSUM_FILE',
                    message: `${source.checksums}: ${e.path} is not a plain file name`,
                });
            const path = (0,external_node_path_.join)(source.directory, e.path);
            const digest = await digestFile(path, [...new Set([...algorithms, e.algorithm])]);
            if (digest[e.algorithm] !== e.hex)
                throw new CoreError({
                    code: 'DIGEST_MISMATCH',
                    message: `${path}: ${e.algorithm} ${digest[e.algorithm]} differs from ${source.checksums}'s ${e.hex}`,
                });
            const kept = Object.fromEntries(algorithms.map((a) => [a, digest[a]]));
            return { name: e.path, path, digest: kept };
        });
        return dedupeSubjects(artifacts);
    }
    const listed = source.digests !== undefined ? await subjectsFromChecksumFile(source.digests) : [];
    if (source.directory !== undefined) {
        let names;
        try {
            names = (await (0,promises_.readdir)(source.directory, { withFileTypes: true }))
                .filter((d) => d.isFile())
                .map((d) => d.name)
                .sort(compareNames);
        }
        catch (err) {
            throw fileError(source.directory, err);
        }
        found = names.map((name) => ({ name, path: (0,external_node_path_.join)(source.directory, name) }));
    }
    else {
        found = (await expandPaths(source.paths ?? [])).map((f) => ({
            name: subjectName(f),
            path: f.path,
        }));
    }
    if (found.length + listed.length === 0) {
        const paths = source.paths ?? [];
        const where = source.directory !== undefined
            ? `${source.directory}: no regular file in it`
            : paths.length > 0
                ? `no files in ${paths.join(', ')}`
                : 'no paths given';
        throw new CoreError({ code: 'NO_SUBJECTS', message: `${where}: no artifacts to attest` });
    }
    checked([...found, ...listed], options);
    const artifacts = await mapConcurrent(found, concurrency, (f) => hash(f.name, f.path));
    return dedupeSubjects([...artifacts, ...listed]);
}
function checked(items, options) {
    const limit = options.limit ?? MAX_SUBJECTS;
    if (items.length > limit)
        throw new CoreError({
            code: 'TOO_MANY_SUBJECTS',
            message: `${items.length} files found: at most ${limit} subjects are allowed`,
        });
    return items;
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
        throw fileError(path, err);
    }
}
//# sourceMappingURL=write.js.map
;// CONCATENATED MODULE: ./packages/core/dist/index.js


















//# sourceMappingURL=index.js.map

/***/ }),

/***/ 50148:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   attachToManifest: () => (/* binding */ attachToManifest)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var _build_artifact_core__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(23135);
/* harmony import */ var _attachments_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(93135);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(98506);
/* harmony import */ var _oci_target_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(16200);
// Attaching attestations to a manifest that is already published (`attest push --bundle B
// oci://REGISTRY/REPO@sha256:...` with no file): what a later job does with what it signs
// about a published artifact, such as a verification summary. Nothing is pushed again.







const invalid = (message) => new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .PipelineError */ .z({ code: 'INVALID_REQUEST', message });
/**
 * Attaches each attestation to the manifest named by digest: a bundle only when its statement
 * (or message signature) names that manifest or the file it holds, as publish attaches them;
 * an SBOM document as it is. The manifest must exist.
 */
async function attachToManifest(request, context) {
    const oci = await __webpack_require__.e(/* import() */ 688).then(__webpack_require__.bind(__webpack_require__, 27688));
    const ref = oci.parseReference(request.reference);
    if (!ref.digest)
        throw invalid(`${request.reference}: name the published manifest by digest (…@sha256:…) to attach to it`);
    // The files first: a bad one fails before the registry is asked anything.
    const attachments = [
        ...(request.attachments ?? []),
        ...(await (0,_attachments_js__WEBPACK_IMPORTED_MODULE_4__/* .readAttachments */ .V_)({ bundles: request.bundles ?? [], sboms: request.sboms ?? [] })),
    ];
    const target = oci.openTarget(ref, (0,_oci_target_js__WEBPACK_IMPORTED_MODULE_6__/* .ociOptions */ .S)(context, request.credentials));
    const { descriptor, bytes } = await target.fetchManifest(ref.digest);
    let layers = [];
    try {
        const manifest = JSON.parse(new TextDecoder().decode(bytes));
        if (Array.isArray(manifest.layers))
            layers = manifest.layers.filter((l) => typeof l?.digest === 'string' &&
                Number.isSafeInteger(l.size));
    }
    catch {
        // An unreadable manifest names no file: only its own digest can match.
    }
    const subject = { target, descriptor };
    const options = context.onProgress ? { onProgress: context.onProgress } : {};
    // A bundle may name its file by SHA-512 alone (as publish matches it): the layers are then
    // fetched, checked against their own digests, and hashed with SHA-512, once each.
    let scratch;
    const sha512s = new Map();
    const sha512Of = (layer) => {
        let d = sha512s.get(layer.digest);
        if (!d) {
            d = (async () => {
                scratch ??= await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)(), 'attest-attach-'));
                const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(scratch, layer.digest.replace(':', '-'));
                await target.fetchBlobToFile(layer, path);
                return `sha512:${(await (0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_3__.digestFile)(path, ['sha512'])).sha512}`;
            })();
            sha512s.set(layer.digest, d);
        }
        return d;
    };
    try {
        // Every bundle is checked before the first is sent: a wrong one leaves nothing half-attached.
        for (const a of attachments) {
            if (a.kind !== 'bundle')
                continue;
            const d = (0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_3__.describeBundle)(a.json);
            if ((0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_3__.namesDigest)(d, descriptor.digest) || layers.some((l) => (0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_3__.namesDigest)(d, l.digest)))
                continue;
            if ((0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_3__.namesAlgorithm)(d, 'sha512')) {
                let found = false;
                for (const l of layers)
                    if (!found && (0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_3__.namesDigest)(d, await sha512Of(l)))
                        found = true;
                if (found)
                    continue;
            }
            throw invalid(`${a.source}: the bundle is not about ${request.reference} (no subject or signed digest is its manifest or its file)`);
        }
    }
    finally {
        if (scratch)
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(scratch, { recursive: true, force: true });
    }
    const referrers = [];
    for (const a of attachments) {
        const attached = a.kind === 'bundle'
            ? await oci.attachBundle(subject, a.bytes, undefined, options)
            : await oci.attachSbom(subject, a.bytes, options);
        referrers.push({
            source: a.source,
            kind: a.kind,
            subject: descriptor.digest,
            digest: attached.digest,
            ...(attached.artifactType ? { artifactType: attached.artifactType } : {}),
        });
    }
    return referrers;
}
//# sourceMappingURL=attach.js.map

/***/ }),

/***/ 93135:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Th: () => (/* binding */ readPlannedPublication),
/* harmony export */   V_: () => (/* binding */ readAttachments),
/* harmony export */   nd: () => (/* binding */ sidecarBase)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var _build_artifact_core__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(23135);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(98506);
/* harmony import */ var _publish_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7414);




const invalid = (message) => new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .PipelineError */ .z({ code: 'INVALID_REQUEST', message });
/** An attestation file is at most this big (as `attest verify` reads evidence). */
const MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024;
async function readText(path) {
    try {
        return await (0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_1__.readRegularFileText)(path, { maxBytes: MAX_ATTACHMENT_BYTES, what: 'attestation' });
    }
    catch (err) {
        if (err.code === 'FILE_NOT_FOUND')
            return undefined;
        throw err;
    }
}
const isBundle = (json) => (0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_1__.isSigstoreBundleMediaType)(json?.mediaType);
/**
 * Reads attestations to attach: one CycloneDX SBOM, or Sigstore bundles (one JSON document, or
 * JSON lines of them as gh writes), each checked to be what it claims before anything is pushed.
 */
function attachments(path, text, kind, artifact) {
    if (kind === 'sbom') {
        let json;
        try {
            json = JSON.parse(text);
        }
        catch (err) {
            throw invalid(`${path}: not JSON (${err.message})`);
        }
        if (!(0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_1__.sbomFormatOf)(json))
            throw invalid(`${path}: not an SBOM (neither CycloneDX's "bomFormat" nor SPDX 2's "spdxVersion")`);
        return [{ kind, source: path, bytes: text, json, ...(artifact ? { artifact } : {}) }];
    }
    // As attest verify --bundle reads them: one document or JSON lines, attestation API records
    // unwrapped. What goes to the registry is the bundle's own JSON.
    return (0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_1__.parseJsonDocuments)(text, path).map((doc) => {
        const json = (0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_1__.unwrapAttestationRecord)(doc.json);
        if (!isBundle(json))
            throw invalid(`${doc.source}: not a Sigstore bundle (no "mediaType": "application/vnd.dev.sigstore.bundle...")`);
        const whole = doc.source === path ? text : doc.text;
        return {
            kind,
            source: doc.source,
            bytes: json === doc.json ? whole : JSON.stringify(json),
            json,
        };
    });
}
function sidecarBase(artifact, directory) {
    return directory ? (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(directory, artifact.name.replace(/\//g, '_')) : artifact.path;
}
/**
 * Reads attestations to attach, each checked to be what it claims before anything is pushed:
 * the files named, then the sidecars of each artifact (`Sidecar` names) found beside it or in
 * `directory`. A file named but absent is an error; an absent sidecar is skipped.
 */
async function readAttachments(files) {
    const out = [];
    const read = async (path) => {
        const text = await readText(path);
        if (text === undefined)
            throw (0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_1__.fileError)(path, Object.assign(new Error(), { code: 'ENOENT' }));
        return text;
    };
    for (const path of files.bundles ?? [])
        out.push(...attachments(path, await read(path), 'bundle'));
    for (const path of files.sboms ?? [])
        out.push(...attachments(path, await read(path), 'sbom'));
    for (const artifact of files.beside ?? []) {
        const base = sidecarBase(artifact, files.directory);
        for (const kind of [..._build_artifact_core__WEBPACK_IMPORTED_MODULE_1__.EVIDENCE_SIDECARS, 'CYCLONEDX', 'SPDX']) {
            const path = base + _build_artifact_core__WEBPACK_IMPORTED_MODULE_1__.Sidecar[kind];
            if (out.some((a) => a.source === path || a.source.startsWith(`${path}:`)))
                continue;
            const text = await readText(path);
            if (text === undefined)
                continue;
            for (const a of attachments(path, text, kind === 'CYCLONEDX' || kind === 'SPDX' ? 'sbom' : 'bundle', artifact.name))
                out.push(a);
        }
    }
    return out;
}
/**
 * The manifests `attest` planned for these artifacts (`Sidecar.OCI_MANIFEST` files, beside them
 * or in `directory`), so they are pushed exactly as their statements name them; undefined when
 * none was planned. Some planned and some not is an error: the run is half of one thing.
 */
async function readPlannedPublication(target, artifacts, directory) {
    const { parsePlan, parseReference } = await __webpack_require__.e(/* import() */ 688).then(__webpack_require__.bind(__webpack_require__, 27688));
    const plans = [];
    const missing = [];
    for (const a of artifacts) {
        const path = sidecarBase(a, directory) + _build_artifact_core__WEBPACK_IMPORTED_MODULE_1__.Sidecar.OCI_MANIFEST;
        const text = await readText(path);
        if (text === undefined) {
            missing.push(path);
            continue;
        }
        plans.push(parsePlan(text, a.path, `sha256:${a.digest.sha256}`, path));
    }
    if (plans.length === 0)
        return undefined;
    if (missing.length > 0)
        throw invalid(`planned manifests are missing for some artifacts: ${missing.join(', ')}`);
    const ref = parseReference(target.reference);
    const byName = target.tagByName === true || artifacts.length > 1;
    return {
        target,
        subjectName: ref.kind === 'registry' ? `${ref.registry}/${ref.repository}` : `oci-layout:${ref.path}`,
        plans,
        tags: artifacts.map((a) => (byName ? (0,_publish_js__WEBPACK_IMPORTED_MODULE_3__/* .tagFor */ .gY)(a.name) : (ref.tag ?? 'latest'))),
    };
}
//# sourceMappingURL=attachments.js.map

/***/ }),

/***/ 98506:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ PipelineError)
/* harmony export */ });
/* harmony import */ var _build_artifact_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(23135);

class PipelineError extends _build_artifact_core__WEBPACK_IMPORTED_MODULE_0__.BaseError {
    /** The demo's stage and artifact, when a stage failed. */
    stage;
    artifact;
    /** 1 for a failure of the pipeline's own checks, 2 (the default) for bad input. */
    exitCode;
    constructor(options) {
        super(options);
        if (options.stage !== undefined)
            this.stage = options.stage;
        if (options.artifact !== undefined)
            this.artifact = options.artifact;
        this.exitCode = options.exitCode ?? 2;
    }
}
//# sourceMappingURL=errors.js.map

/***/ }),

/***/ 64748:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zC: () => (/* reexport */ errors/* PipelineError */.z),
  O4: () => (/* reexport */ vsa_attachSummaries),
  sF: () => (/* reexport */ attachmentsOf),
  st: () => (/* reexport */ attest_attest),
  zU: () => (/* reexport */ decodeExpected),
  PC: () => (/* reexport */ describeArtifacts),
  K3: () => (/* reexport */ formatSums),
  Mz: () => (/* reexport */ attest_publishAttested),
  bg: () => (/* reexport */ publishFiles),
  vU: () => (/* reexport */ rehashDirectory),
  RV: () => (/* reexport */ reportTargets),
  VZ: () => (/* reexport */ signedReport),
  uO: () => (/* reexport */ vsa_summaryWriter),
  x6: () => (/* reexport */ report_withoutStatements)
});

// UNUSED EXPORTS: DEMO_REPOSITORY, DEMO_SIGNER_REPOSITORY, DEMO_SIGNER_WORKFLOW, FLAGS_POLICY_NAME, STAGES, attachToManifest, buildPredicate, decodeClaims, demoClaims, discoverReferrers, fetchOciArtifact, findCargo, findGo, inGitHubActions, isOciArgument, manifestSubjects, manifestSubjectsOf, parseTarget, planPublication, policyIdentity, policyUri, publish, pullArtifact, resolvePolicy, resolveSigner, runDemo, signAttestation, signPayload, summaryStatement, tagFor, verifiedReport, verifyTargets

// EXTERNAL MODULE: ./packages/pipeline/dist/attach.js
var attach = __webpack_require__(50148);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./packages/core/dist/index.js + 18 modules
var dist = __webpack_require__(23135);
// EXTERNAL MODULE: ./packages/pipeline/dist/attachments.js
var dist_attachments = __webpack_require__(93135);
// EXTERNAL MODULE: ./packages/pipeline/dist/errors.js
var errors = __webpack_require__(98506);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __webpack_require__(57975);
;// CONCATENATED MODULE: ./packages/pipeline/dist/provenance-source.js



const run = (0,external_node_util_.promisify)(external_node_child_process_.execFile);
async function git(cwd, ...args) {
    try {
        const { stdout } = await run('git', ['-C', cwd, ...args], { timeout: 10_000 });
        return stdout.trim() || undefined;
    }
    catch {
        return undefined;
    }
}
/** Inside Actions the job's OIDC token service is in the environment. */
function inGitHubActions(env) {
    return Boolean(env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN);
}
/**
 * The SLSA predicate of this run. In GitHub Actions a token is read from the token service and
 * verified against its issuer's keys: the claims, not the GITHUB_* variables a build step could
 * change, are the source of truth. Elsewhere, the local builder with the git checkout as source.
 */
async function buildPredicate(request, context) {
    const prov = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 26395));
    const resolvedDependencies = request.resolvedDependencies ?? [];
    const builder = request.builder === 'auto' || request.builder === undefined
        ? inGitHubActions(context.env)
            ? 'github'
            : 'local'
        : request.builder;
    if (builder === 'github') {
        const { fetchActionsIdToken } = await Promise.all(/* import() */[__webpack_require__.e(476), __webpack_require__.e(74), __webpack_require__.e(335), __webpack_require__.e(179), __webpack_require__.e(95)]).then(__webpack_require__.bind(__webpack_require__, 94476));
        // The runner's server URL only picks the default issuer (github.com, *.ghe.com, GHES) and
        // must agree with the token; the token's claims are the source of truth.
        const serverUrl = context.env.GITHUB_SERVER_URL || undefined;
        const issuer = request.issuer ?? (context.env.ATTEST_OIDC_ISSUER || prov.issuerForServerUrl(serverUrl));
        const jwksUrl = request.jwksUrl ?? context.env.ATTEST_OIDC_JWKS_URL;
        const token = await fetchActionsIdToken(context.env, 'sigstore');
        const claims = await prov.verifyOidcToken(token, {
            issuer,
            ...(jwksUrl ? { jwksUrl } : {}),
        });
        return {
            token,
            predicate: prov.githubProvenance(claims, {
                resolvedDependencies: [...resolvedDependencies],
                ...(serverUrl ? { serverUrl } : {}),
            }),
            describe: `GitHub Actions run ${claims.repository} #${claims.run_id}, workflow ${claims.job_workflow_ref ?? claims.workflow_ref} (token verified against ${claims.iss})`,
        };
    }
    const [commit, remote, ref] = await Promise.all([
        git(context.cwd, 'rev-parse', 'HEAD'),
        git(context.cwd, 'config', '--get', 'remote.origin.url'),
        git(context.cwd, 'symbolic-ref', '-q', 'HEAD'),
    ]);
    const source = commit && remote
        ? {
            uri: `git+${remote.replace(/^git@([^:]+):/, 'https://$1/')}${ref ? `@${ref}` : ''}`,
            gitCommit: commit,
        }
        : undefined;
    const predicate = prov.localProvenance({
        hostname: (0,external_node_os_.hostname)(),
        ...(source ? { source } : {}),
        resolvedDependencies: [...resolvedDependencies],
    });
    return { predicate, describe: `local build (builder ${predicate.runDetails.builder.id})` };
}
//# sourceMappingURL=provenance-source.js.map
// EXTERNAL MODULE: ./packages/pipeline/dist/publish.js
var publish = __webpack_require__(7414);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./packages/pipeline/dist/signing.js



/** A JWT's claims, unverified ({} when it is not one). */
function decodeClaims(token) {
    try {
        return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    }
    catch {
        return {};
    }
}
const invalid = (message) => {
    throw new errors/* PipelineError */.z({ code: 'INVALID_REQUEST', message });
};
/** Resolves a signing request (fetching an Actions token once when none is given). */
async function resolveSigner(request, context) {
    const sign = await Promise.all(/* import() */[__webpack_require__.e(476), __webpack_require__.e(74), __webpack_require__.e(335), __webpack_require__.e(179), __webpack_require__.e(95)]).then(__webpack_require__.bind(__webpack_require__, 94476));
    const endpoints = {
        ...(request.rekorURL ? { rekorURL: request.rekorURL } : {}),
        ...(request.tsaURL ? { tsaURL: request.tsaURL } : {}),
    };
    if (request.key !== undefined) {
        if (request.fulcioURL || request.identityToken || request.instance)
            invalid('a key signs without Fulcio: a Fulcio URL, an identity token or an instance do not apply');
        const privateKeyPem = await (0,dist.readRegularFileText)((0,external_node_path_.resolve)(context.cwd, request.key), {
            maxBytes: dist.MAX_KEY_FILE_BYTES,
            what: 'key',
        });
        return {
            options: { privateKeyPem, ...endpoints, ...progress(context) },
            describe: `key ${request.key}`,
        };
    }
    const token = request.identityToken ?? (await sign.actionsTokenProvider(context.env)());
    const claims = decodeClaims(token);
    let instance;
    if (request.fulcioURL)
        instance = { name: 'custom', fulcioURL: request.fulcioURL, ...endpoints };
    else {
        instance = sign.sigstoreInstanceFromEnv(context.env, {
            ...(request.instance ? { instance: request.instance } : {}),
            ...(typeof claims.repository_visibility === 'string'
                ? { visibility: claims.repository_visibility }
                : {}),
        });
        Object.assign(instance, endpoints);
    }
    if (!instance.rekorURL && !instance.tsaURL)
        invalid('keyless signing needs a transparency log or a timestamp authority (a Rekor or TSA URL)');
    const { name: _name, ...urls } = instance;
    return {
        options: { ...urls, identityToken: token, ...progress(context) },
        describe: `${instance.name} Sigstore (Fulcio ${instance.fulcioURL}${instance.rekorURL ? `, Rekor ${instance.rekorURL}` : ''}${instance.tsaURL ? `, TSA ${instance.tsaURL}` : ''})`,
        instance,
        ...(typeof claims.repository === 'string' ? { repository: claims.repository } : {}),
        claims,
    };
}
const progress = (context) => context.onProgress ? { onProgress: context.onProgress } : {};
/**
 * Stores a bundle in the GitHub attestations API (where `gh attestation verify` finds it), for
 * the request's repository, else the signing token's, else `GITHUB_REPOSITORY`; returns its id.
 */
async function storeInGitHub(bundle, request, signer, context) {
    const sign = await Promise.all(/* import() */[__webpack_require__.e(476), __webpack_require__.e(74), __webpack_require__.e(335), __webpack_require__.e(179), __webpack_require__.e(95)]).then(__webpack_require__.bind(__webpack_require__, 94476));
    const repository = request.repository ?? signer?.repository ?? context.env.GITHUB_REPOSITORY;
    if (!repository)
        return invalid('storing attestations in GitHub needs the repository (GITHUB_REPOSITORY)');
    const id = await sign.storeAttestation(bundle, {
        repository,
        token: request.token,
        apiUrl: request.apiUrl ?? context.env.GITHUB_API_URL ?? 'https://api.github.com',
    });
    context.onProgress?.({
        step: 'attest.store',
        message: `stored attestation ${id} in ${repository}`,
    });
    return String(id);
}
/**
 * Signs an in-toto statement's bytes with a resolved signer (a DSSE bundle), and stores the
 * bundle in the GitHub attestations API when asked.
 */
async function signPayload(signer, payload, githubAttestations, context) {
    const sign = await Promise.all(/* import() */[__webpack_require__.e(476), __webpack_require__.e(74), __webpack_require__.e(335), __webpack_require__.e(179), __webpack_require__.e(95)]).then(__webpack_require__.bind(__webpack_require__, 94476));
    const bundle = await sign.signStatement(Buffer.from(payload), signer.options);
    if (!githubAttestations)
        return { bundle };
    return {
        bundle,
        attestationId: await storeInGitHub(bundle, githubAttestations, signer, context),
    };
}
/**
 * Signs one in-toto statement into a Sigstore bundle: the statement's own bytes (what was
 * reviewed is what is signed), or an SBOM attestation over the given files.
 */
async function signAttestation(request, context) {
    const core = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 23135));
    const sign = await Promise.all(/* import() */[__webpack_require__.e(476), __webpack_require__.e(74), __webpack_require__.e(335), __webpack_require__.e(179), __webpack_require__.e(95)]).then(__webpack_require__.bind(__webpack_require__, 94476));
    let payload;
    if ('statement' in request.subject) {
        let json;
        try {
            json = JSON.parse(Buffer.from(request.subject.statement).toString('utf8'));
        }
        catch (err) {
            throw new PipelineError({
                code: 'INVALID_REQUEST',
                message: `${request.subject.source}: not JSON (${err.message})`,
            });
        }
        core.parseStatement(json, request.subject.source);
        payload = request.subject.statement;
    }
    else {
        if (!core.sbomFormatOf(request.subject.sbom))
            throw new PipelineError({
                code: 'INVALID_REQUEST',
                message: `${request.subject.source}: not an SBOM (neither CycloneDX's "bomFormat" nor SPDX 2's "spdxVersion")`,
            });
        const subjects = await core.collectArtifacts(request.subject.subjects);
        payload = Buffer.from(JSON.stringify(sign.sbomStatement(subjects.map((s) => ({ name: s.name, digest: s.digest })), request.subject.sbom)));
    }
    const signer = await resolveSigner(request.signing, context);
    context.onProgress?.({
        step: 'sign',
        message: `signing ${request.subject.source} with ${signer.describe}`,
    });
    const { bundle, attestationId } = await signPayload(signer, payload, request.githubAttestations, context);
    return {
        bundle,
        signer: {
            describe: signer.describe,
            ...(signer.instance ? { instance: signer.instance } : {}),
        },
        ...(attestationId !== undefined ? { attestationId } : {}),
    };
}
//# sourceMappingURL=signing.js.map
;// CONCATENATED MODULE: ./packages/pipeline/dist/attest.js







async function sbomFor(path, request, context) {
    const { generateSbom, SbomError } = await Promise.all(/* import() */[__webpack_require__.e(124), __webpack_require__.e(294)]).then(__webpack_require__.bind(__webpack_require__, 20294));
    const inputs = [...(request.inputs ?? [])];
    // The run's environment, not the process's (a library caller's context may differ).
    const epoch = (0,dist.sourceDateEpoch)(context.env);
    const options = {
        ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}),
        ...(request.format ? { format: request.format } : {}),
        ...(request.specVersion ? { specVersion: request.specVersion } : {}),
        ...(context.onProgress ? { onProgress: context.onProgress } : {}),
    };
    try {
        return await generateSbom([path, ...inputs], options);
    }
    catch (err) {
        // A file the binary inspectors cannot read (a tarball, a wheel) is described by the
        // lockfiles it was built from alone.
        if (!(err instanceof SbomError) ||
            err.code !== 'UNSUPPORTED_INPUT' ||
            err.file !== path ||
            inputs.length === 0)
            throw err;
        context.onProgress?.({
            step: 'attest.sbom',
            message: `${path} is not a binary the SBOM inspectors read; its SBOM lists its lockfiles`,
        });
        return generateSbom(inputs, options);
    }
}
/** The subjects naming one artifact: its file, and its planned manifest (and index) if any. */
function subjectsOf(a, publication) {
    const out = [{ name: a.name, digest: { ...a.digest } }];
    if (publication && a.plan)
        out.push(...(0,publish/* manifestSubjectsOf */.sT)(publication, a.plan));
    return out;
}
/**
 * Attests the artifacts of a run: hashes each once, writes its SBOM, builds the provenance
 * from verified claims (or the local builder), plans the OCI manifests when a destination is
 * given, signs the provenance (one statement over all) and each SBOM, and stores or writes the
 * bundles when asked. Returns everything in memory; writes files only with `sidecars`.
 */
async function attest_attest(request, context) {
    const core = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 23135));
    const say = (step, message) => context.onProgress?.({ step, message });
    const timings = {};
    const time = async (step, fn) => {
        const t0 = performance.now();
        try {
            return await fn();
        }
        finally {
            timings[step] = (timings[step] ?? 0) + (performance.now() - t0);
        }
    };
    const collected = await time('hash', () => core.collectArtifacts(request.artifacts, request.algorithms ? { algorithms: request.algorithms } : {}));
    for (const a of collected)
        say('attest.hash', `${a.digest.sha256 ?? a.digest.sha512}  ${a.name}`);
    const artifacts = collected.map((a) => ({ ...a, files: {} }));
    const predicate = await time('provenance', () => buildPredicate(request.provenance ?? {}, context));
    say('attest.provenance', predicate.describe);
    const signer = request.signing === false
        ? undefined
        : await resolveSigner({
            ...(predicate.token && request.signing?.key === undefined
                ? { identityToken: predicate.token }
                : {}),
            ...request.signing,
        }, context);
    if (signer)
        say('attest.sign', `signing with ${signer.describe}`);
    const withFiles = (what) => {
        const pathless = artifacts.find((a) => a.path === undefined);
        if (pathless)
            throw new errors/* PipelineError */.z({
                code: 'INVALID_REQUEST',
                message: `${pathless.name} is known only by its digest: ${what} needs the file`,
            });
        return artifacts;
    };
    const sbomRequest = request.sbom;
    if (sbomRequest !== false)
        for (const a of withFiles('an SBOM')) {
            a.sbom = await time('sbom', () => sbomFor(a.path, sbomRequest ?? {}, context));
            say('attest.sbom', `${a.name}: ${a.sbom.componentCount} components`);
        }
    const provenanceStatement = (0,dist.buildStatement)(artifacts.map((a) => ({ name: a.name, digest: { ...a.digest } })), dist.PredicateType.SLSA_PROVENANCE_V1, predicate.predicate);
    let publication;
    const publishTo = request.publishTo;
    if (publishTo) {
        publication = await time('plan', () => (0,publish/* planPublication */.WW)(publishTo, withFiles('publishing').map((a) => ({ ...a, ...(a.sbom ? { sbom: a.sbom.bom } : {}) })), provenanceStatement, context));
        for (const [i, a] of artifacts.entries())
            a.plan = publication.plans[i];
        // The statement names the manifests as well: gh looks attestations up by manifest digest.
        provenanceStatement.subject = [
            ...provenanceStatement.subject,
            ...(0,publish/* manifestSubjects */.P9)(publication),
        ];
    }
    const sign = signer ? await Promise.all(/* import() */[__webpack_require__.e(476), __webpack_require__.e(74), __webpack_require__.e(335), __webpack_require__.e(179), __webpack_require__.e(95)]).then(__webpack_require__.bind(__webpack_require__, 94476)) : undefined;
    const provenanceText = `${JSON.stringify(provenanceStatement, null, 2)}\n`;
    let provenanceBundle;
    if (sign && signer) {
        // One call for all the signatures: one Fulcio certificate serves them, and Rekor and the
        // TSA are asked side by side.
        for (const a of artifacts)
            if (a.sbom)
                a.sbomStatement = sign.sbomStatement(subjectsOf(a, publication), a.sbom.bom);
        const withSbom = artifacts.filter((a) => a.sbomStatement !== undefined);
        await time('sign', async () => {
            const [provenance, ...sboms] = await sign.signStatements([provenanceText, ...withSbom.map((a) => a.sbomStatement)], signer.options);
            provenanceBundle = provenance;
            for (const [i, a] of withSbom.entries())
                a.sbomBundle = sboms[i];
        });
    }
    else
        for (const a of artifacts)
            if (a.sbom)
                a.sbomStatement = (0,dist.buildStatement)(subjectsOf(a, publication), dist.SBOM_FORMATS[a.sbom.format].predicateType, a.sbom.bom);
    const attestationIds = [];
    const store = request.githubAttestations;
    if (store && provenanceBundle) {
        const bundles = [
            provenanceBundle,
            ...artifacts.flatMap((a) => (a.sbomBundle ? [a.sbomBundle] : [])),
        ];
        for (const bundle of bundles)
            attestationIds.push(await time('store', () => storeInGitHub(bundle, store, signer, context)));
    }
    const sidecars = request.sidecars;
    if (sidecars)
        await time('write', () => writeSidecars(artifacts, provenanceBundle, sidecars));
    return {
        artifacts,
        provenance: {
            statement: provenanceStatement,
            text: provenanceText,
            ...(provenanceBundle ? { bundle: provenanceBundle } : {}),
            describe: predicate.describe,
        },
        ...(publication ? { publication } : {}),
        ...(signer
            ? {
                signer: {
                    describe: signer.describe,
                    ...(signer.instance ? { instance: signer.instance } : {}),
                },
            }
            : {}),
        attestationIds,
        timings,
    };
}
/** Writes each artifact's attestations under their sidecar names, each file atomically. */
async function writeSidecars(artifacts, provenanceBundle, request) {
    if (request.directory)
        await (0,promises_.mkdir)(request.directory, { recursive: true });
    const { serializePlan } = await __webpack_require__.e(/* import() */ 688).then(__webpack_require__.bind(__webpack_require__, 27688));
    const write = async (a, kind, text) => {
        const base = (0,dist_attachments/* sidecarBase */.nd)(a, request.directory);
        // A subject known only by its digest has no file to write beside.
        if (base === undefined)
            return;
        const path = (0,dist.sidecarPath)(base, kind);
        await (0,dist.writeFileAtomic)(path, text);
        a.files[kind] = path;
    };
    for (const a of artifacts) {
        if (a.sbom)
            await write(a, dist.SBOM_FORMATS[a.sbom.format].sidecar, a.sbom.json);
        if (a.sbomBundle)
            await write(a, 'SBOM_BUNDLE', `${JSON.stringify(a.sbomBundle)}\n`);
        if (provenanceBundle)
            await write(a, 'PROVENANCE', `${JSON.stringify(provenanceBundle)}\n`);
        if (a.plan)
            await write(a, 'OCI_MANIFEST', serializePlan(a.plan));
    }
}
/** What an attest run made, as the attachments `publish` takes: bundles, then SBOM documents. */
function attachmentsOf(result) {
    const out = [];
    const bundle = (source, json) => {
        if (json)
            out.push({ kind: 'bundle', source, bytes: JSON.stringify(json), json });
    };
    bundle('provenance', result.provenance.bundle);
    for (const a of result.artifacts)
        bundle(`SBOM attestation of ${a.name}`, a.sbomBundle);
    for (const a of result.artifacts)
        if (a.sbom)
            out.push({
                kind: 'sbom',
                source: `SBOM of ${a.name}`,
                bytes: a.sbom.json,
                json: a.sbom.bom,
                artifact: a.name,
            });
    return out;
}
/**
 * Publishes what an attest run made, as planned: its artifacts to the destination it planned
 * for (`publishTo`), with its bundles and SBOMs attached. `target` adds what only publishing
 * needs (credentials); the reference and manifests are the planned ones.
 */
async function attest_publishAttested(attested, context, target = {}) {
    const publication = attested.publication;
    if (!publication)
        throw new errors/* PipelineError */.z({
            code: 'INVALID_REQUEST',
            message: 'nothing was planned for publishing: attest with publishTo first',
        });
    return (0,publish/* publish */.mk)({
        target: { ...publication.target, ...target },
        artifacts: attested.artifacts.map((a) => ({ name: a.name, path: a.path, digest: a.digest })),
        publication,
        attachments: attachmentsOf(attested),
    }, context);
}
//# sourceMappingURL=attest.js.map
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./packages/pipeline/dist/demo/build.js
// The demo's builds: whatever this machine has a toolchain for, each either built or skipped
// with the reason, never silently missing.







/** `$XDG_CACHE_HOME/build-artifact` (default ~/.cache/build-artifact): Go's and cargo's caches. */
function demoCacheDir(env) {
    return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'build-artifact');
}
function execText(file, args, env) {
    return new Promise((resolve) => {
        execFile(file, args, { env, timeout: 30_000, encoding: 'utf8' }, (err, stdout) => resolve(err ? undefined : stdout.trim()));
    });
}
/** Go >= 1.21 (wasip1): `go` on PATH, else Debian's /usr/lib/go-1.2x (newest first). */
async function findGo(env) {
    const debian = (() => {
        try {
            return readdirSync('/usr/lib')
                .filter((d) => /^go-1\.\d+$/.test(d))
                .sort((a, b) => Number(b.slice(5)) - Number(a.slice(5)))
                .map((d) => `/usr/lib/${d}/bin/go`);
        }
        catch {
            return [];
        }
    })();
    for (const bin of [env.GO || 'go', ...debian]) {
        const version = await execText(bin, ['env', 'GOVERSION'], { ...env, GOTOOLCHAIN: 'local' });
        const minor = /^go1\.(\d+)/.exec(version ?? '');
        if (version && minor && Number(minor[1]) >= 21)
            return { bin, version };
    }
    return undefined;
}
/** cargo on PATH, else ~/.cargo/bin/cargo. */
async function build_findCargo(env) {
    const home = env.CARGO_HOME || join(env.HOME || homedir(), '.cargo');
    for (const bin of [env.CARGO || 'cargo', join(home, 'bin', 'cargo')]) {
        const version = await execText(bin, ['--version'], env);
        if (version)
            return { bin, version };
    }
    return undefined;
}
/** Runs a build command; its output goes to `log` line by line, the last 4 KiB into errors. */
function runBuild(file, args, options) {
    return new Promise((resolve, reject) => {
        const child = spawn(file, args, {
            cwd: options.cwd,
            env: options.env,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        let tail = '';
        child.stdout.setEncoding('utf8').on('data', (d) => {
            stdout += d;
        });
        let partial = '';
        child.stderr.setEncoding('utf8').on('data', (d) => {
            tail = (tail + d).slice(-4096);
            const lines = (partial + d).split('\n');
            partial = lines.pop() ?? '';
            for (const line of lines)
                if (line.trim())
                    options.log(line);
        });
        child.on('error', (err) => reject(err));
        child.on('close', (code, signal) => {
            if (code === 0)
                resolve(stdout);
            else
                reject(new Error(`${file} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${tail}`));
        });
    });
}
/** The commit of the checkout the examples are in, when git can say. */
function build_gitHead(dir) {
    return new Promise((res) => execFile('git', ['-C', dir, 'rev-parse', 'HEAD'], { timeout: 10_000 }, (err, out) => res(err || !/^[0-9a-f]{40}$/.test(out.trim()) ? undefined : out.trim())));
}
/** The NATS server for wasip1, by examples/nats-wasip1/build.sh; a reason when it cannot be. */
async function build_natsPrerequisites(ctx) {
    const script = join(ctx.examples, 'nats-wasip1', 'build.sh');
    if (!existsSync(script))
        return `${script} not found`;
    const go = await findGo(ctx.env);
    if (!go)
        return 'no Go >= 1.21 on PATH or in /usr/lib/go-1.2x (apt-get install -t bookworm-backports golang-1.23-go)';
    const src = ctx.env.GOCODE_SRC || '/usr/share/gocode/src';
    if (!existsSync(join(src, 'github.com/nats-io/nats-server')))
        return `the NATS server sources are not in ${src} (apt-get install golang-github-nats-io-nats-server-dev)`;
    if (!(await execText('dpkg-query', ['--version'], ctx.env)))
        return 'build.sh reads Debian package versions, and dpkg-query is missing';
    return go;
}
async function build_buildNats(ctx, go) {
    const bin = dirname(go.bin);
    const env = {
        ...ctx.env,
        GO: go.bin,
        PATH: bin === '.' ? ctx.env.PATH : `${bin}:${ctx.env.PATH ?? ''}`,
        // Go's build cache makes every run after the first a relink only.
        GOCACHE: join(demoCacheDir(ctx.env), 'go-build'),
        GOTOOLCHAIN: 'local',
    };
    const stdout = await runBuild('bash', [join(ctx.examples, 'nats-wasip1', 'build.sh'), ctx.out], {
        env,
        log: ctx.log,
    });
    const built = stdout.trim().split('\n').pop() ?? '';
    if (!existsSync(built))
        throw new Error(`build.sh printed "${built}", which does not exist`);
    return built;
}
/** The Rust CLI embedding the module (offline, no crates), copied to OUT/embedding-cli. */
async function build_buildCli(ctx, cargo, wasm) {
    const manifest = join(ctx.examples, 'embedding-cli', 'Cargo.toml');
    const targetDir = join(demoCacheDir(ctx.env), 'cargo-target');
    const { sha256 } = await digestFile(wasm, ['sha256']);
    // build.rs reruns when NATS_WASM changes or the file's mtime does: embedding from one fixed
    // path, rewritten only when the module changed, keeps an unchanged CLI a no-op for cargo.
    const staged = join(demoCacheDir(ctx.env), 'embed', 'nats-server.wasm');
    const current = existsSync(staged) ? (await digestFile(staged, ['sha256'])).sha256 : undefined;
    if (current !== sha256) {
        await mkdir(dirname(staged), { recursive: true });
        await writeFileAtomic(staged, await readFile(wasm));
    }
    await runBuild(cargo.bin, ['build', '--release', '--offline', '--locked', '--manifest-path', manifest], {
        env: {
            ...ctx.env,
            CARGO_TARGET_DIR: targetDir,
            NATS_WASM: staged,
            NATS_WASM_SHA256: sha256,
        },
        log: ctx.log,
    });
    const exe = process.platform === 'win32' ? 'embedding-cli.exe' : 'embedding-cli';
    const out = join(ctx.out, exe);
    await copyFile(join(targetDir, 'release', exe), out);
    return out;
}
// Never packaged: installed dependencies and caches are not the project's sources.
const EXCLUDE = new Set(['node_modules', '.venv', 'venv', '__pycache__', '.git', 'dist', 'build']);
async function listTree(root, dir = root) {
    const out = [];
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    for (const e of entries) {
        if (EXCLUDE.has(e.name))
            continue;
        const full = join(dir, e.name);
        if (e.isDirectory())
            out.push(...(await listTree(root, full)));
        else if (e.isFile())
            out.push(relative(root, full));
    }
    return out;
}
/** A ustar header block (names up to 100 bytes, or split with a 155-byte prefix). */
function tarHeader(name, size, mode, mtime) {
    const h = Buffer.alloc(512);
    let prefix = '';
    let base = name;
    if (Buffer.byteLength(name) > 100) {
        const cut = name.lastIndexOf('/', 155);
        if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100)
            throw new Error(`path too long for a tar archive: ${name}`);
        prefix = name.slice(0, cut);
        base = name.slice(cut + 1);
    }
    const octal = (n, len) => n.toString(8).padStart(len - 1, '0');
    h.write(base, 0, 100);
    h.write(octal(mode, 8), 100);
    h.write(octal(0, 8), 108);
    h.write(octal(0, 8), 116);
    h.write(octal(size, 12), 124);
    h.write(octal(mtime, 12), 136);
    h.write('        ', 148);
    h.write('0', 156);
    h.write('ustar\0', 257);
    h.write('00', 263);
    h.write(prefix, 345, 155);
    let sum = 0;
    for (const b of h)
        sum += b;
    h.write(`${octal(sum, 7)}\0`, 148);
    return h;
}
/**
 * A project packaged as `<name>.tgz` (`<name>/...` inside, as `npm pack` nests under
 * `package/`): sorted entries, owner 0, mtime SOURCE_DATE_EPOCH (or 0), gzip without a
 * timestamp, so the same sources give the same bytes.
 */
async function build_packageApp(ctx, name) {
    const root = join(ctx.examples, name);
    const epoch = Number(ctx.env.SOURCE_DATE_EPOCH ?? 0) || 0;
    const parts = [];
    for (const rel of await listTree(root)) {
        const full = join(root, rel);
        const data = await readFile(full);
        const mode = (await stat(full)).mode & 0o111 ? 0o755 : 0o644;
        parts.push(tarHeader(`${name}/${rel.split('\\').join('/')}`, data.length, mode, epoch), data);
        const pad = (512 - (data.length % 512)) % 512;
        if (pad)
            parts.push(Buffer.alloc(pad));
    }
    parts.push(Buffer.alloc(1024));
    const out = join(ctx.out, `${name}.tgz`);
    await mkdir(ctx.out, { recursive: true });
    await writeFileAtomic(out, gzipSync(Buffer.concat(parts), { level: 9 }));
    return out;
}
function build_appPrerequisite(ctx, name) {
    const dir = join(ctx.examples, name);
    if (!existsSync(dir))
        return `${dir} not found`;
    return undefined;
}
//# sourceMappingURL=build.js.map
;// CONCATENATED MODULE: ./packages/pipeline/dist/report-sbom.js
// A signed SBOM (CycloneDX or SPDX 2.3) as the report shows it: counts by ecosystem, licences,
// and one tree of what the artifact contains (nested components: an embedded module and its Go
// modules) and depends on (the dependency graph). The SBOM is signed but its shape is the
// signer's: every field is checked for its type, and the tree is bounded in size and depth.

/** Tree entries a page shows at most; the rest are counted as omitted. */
const MAX_TREE_ENTRIES = 40_000;
/** Levels a tree shows at most (a dependency chain deeper than this is cut, and counted). */
const MAX_TREE_DEPTH = 64;
/** Components read from one SBOM at most. */
const MAX_PARTS = 200_000;
const obj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
const str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
const arr = (v) => (Array.isArray(v) ? v : []);
function push(m, key, value) {
    const list = m.get(key);
    if (list)
        list.push(value);
    else
        m.set(key, [value]);
}
/** `pkg:cargo/...` -> `cargo`. */
function purlType(purl) {
    const m = purl ? /^pkg:([a-z0-9.+-]+)\//i.exec(purl) : null;
    return m ? m[1].toLowerCase() : undefined;
}
function cdxLicences(c) {
    const out = [];
    for (const entry of arr(c.licenses)) {
        const e = obj(entry);
        const l = obj(e?.license);
        const text = str(e?.expression) ?? str(l?.id) ?? str(l?.name);
        if (text)
            out.push(text);
    }
    return out;
}
function cdxPart(c, ref) {
    const props = arr(c.properties).map(obj);
    const prop = (n) => str(props.find((p) => p?.name === n)?.value);
    const sha256 = arr(c.hashes)
        .map(obj)
        .find((h) => h?.alg === 'SHA-256' && typeof h.content === 'string')?.content;
    const purl = str(c.purl);
    return {
        ref,
        name: str(c.name) ?? ref,
        ...(str(c.version) ? { version: str(c.version) } : {}),
        ...(purl ? { purl } : {}),
        licences: cdxLicences(c),
        ...(sha256 && /^[0-9a-fA-F]{64}$/.test(sha256) ? { sha256: sha256.toLowerCase() } : {}),
        binary: prop('build-artifact:binary.format') !== undefined,
        firstParty: ref.startsWith('first-party:') || (c.type === 'application' && !purl),
    };
}
/** A CycloneDX document's parts. */
function cyclonedxParts(bom) {
    const b = obj(bom);
    if (!b)
        return undefined;
    const parts = new Map();
    const contains = new Map();
    let unnamed = 0;
    const refOf = (c) => str(c['bom-ref']) ?? `unnamed-${++unnamed}`;
    const meta = obj(obj(b.metadata)?.component);
    const rootJson = meta ?? { name: 'the artifact', type: 'application' };
    const rootRef = refOf(rootJson);
    const root = cdxPart(rootJson, rootRef);
    parts.set(rootRef, root);
    // Depth first without recursion: nesting is the signer's to choose.
    const stack = [
        { list: arr(rootJson.components), parent: rootRef },
        { list: arr(b.components), parent: undefined },
    ];
    const topLevel = [];
    while (stack.length > 0 && parts.size < MAX_PARTS) {
        const { list, parent } = stack.pop();
        for (const entry of list) {
            const c = obj(entry);
            if (!c)
                continue;
            const ref = refOf(c);
            if (parts.has(ref))
                continue;
            parts.set(ref, cdxPart(c, ref));
            if (parent === undefined)
                topLevel.push(ref);
            else
                push(contains, parent, ref);
            const nested = arr(c.components);
            if (nested.length)
                stack.push({ list: nested, parent: ref });
        }
    }
    const dependsOn = new Map();
    for (const entry of arr(b.dependencies)) {
        const d = obj(entry);
        const ref = str(d?.ref);
        if (!ref)
            continue;
        for (const t of arr(d?.dependsOn))
            if (typeof t === 'string')
                push(dependsOn, ref, t);
    }
    return {
        format: `CycloneDX ${str(b.specVersion) ?? ''}`.trim(),
        root,
        parts,
        contains,
        dependsOn,
        topLevel,
    };
}
/** An SPDX 2.3 document's parts: the described package is the root. */
function spdxParts(doc) {
    const d = obj(doc);
    if (!d)
        return undefined;
    const parts = new Map();
    const topLevel = [];
    for (const entry of arr(d.packages)) {
        const p = obj(entry);
        const ref = str(p?.SPDXID);
        if (!p || !ref || parts.has(ref) || parts.size >= MAX_PARTS)
            continue;
        const purl = arr(p.externalRefs)
            .map(obj)
            .find((r) => r?.referenceType === 'purl' && typeof r.referenceLocator === 'string')
            ?.referenceLocator;
        const sha256 = arr(p.checksums)
            .map(obj)
            .find((c) => c?.algorithm === 'SHA256' && typeof c.checksumValue === 'string')
            ?.checksumValue;
        const licences = [str(p.licenseConcluded), str(p.licenseDeclared)].filter((l) => l !== undefined && l !== 'NOASSERTION' && l !== 'NONE');
        parts.set(ref, {
            ref,
            name: str(p.name) ?? ref,
            ...(str(p.versionInfo) ? { version: str(p.versionInfo) } : {}),
            ...(purl ? { purl } : {}),
            licences: [...new Set(licences)],
            ...(sha256 && /^[0-9a-fA-F]{64}$/.test(sha256) ? { sha256: sha256.toLowerCase() } : {}),
            binary: false,
            firstParty: false,
        });
        topLevel.push(ref);
    }
    const contains = new Map();
    const dependsOn = new Map();
    const add = push;
    let rootRef;
    for (const entry of arr(d.relationships)) {
        const r = obj(entry);
        const a = str(r?.spdxElementId);
        const b = str(r?.relatedSpdxElement);
        const type = str(r?.relationshipType);
        if (!a || !b || !type)
            continue;
        if (type === 'DESCRIBES' && a === 'SPDXRef-DOCUMENT')
            rootRef ??= b;
        else if (type === 'DEPENDS_ON')
            add(dependsOn, a, b);
        else if (type === 'DEPENDENCY_OF')
            add(dependsOn, b, a);
        else if (type === 'CONTAINS')
            add(contains, a, b);
        else if (type === 'CONTAINED_BY')
            add(contains, b, a);
    }
    rootRef ??= arr(d.documentDescribes).find((x) => typeof x === 'string');
    const root = (rootRef && parts.get(rootRef)) || {
        ref: rootRef ?? 'SPDXRef-DOCUMENT',
        name: str(d.name) ?? 'the artifact',
        licences: [],
        binary: false,
        firstParty: false,
    };
    parts.set(root.ref, root);
    return {
        format: str(d.spdxVersion) ?? 'SPDX',
        root,
        parts,
        contains,
        dependsOn,
        topLevel: topLevel.filter((r) => r !== root.ref),
    };
}
/** The parts of an SBOM statement's predicate, by its predicate type. */
function sbomParts(predicateType, predicate) {
    if (predicateType === dist.PredicateType.CYCLONEDX_BOM)
        return cyclonedxParts(predicate);
    if (predicateType === dist.PredicateType.SPDX_DOCUMENT_V2_3)
        return spdxParts(predicate);
    return undefined;
}
/**
 * The view: counts and the tree. Each part appears in full once, where the walk first meets
 * it; later mentions point back to it, so the tree grows with the edges, not their paths.
 */
function sbomView(sbom, source, required, options) {
    const counted = [...sbom.parts.values()].filter((p) => p !== sbom.root && !p.binary);
    const ecosystems = {};
    const licences = new Map();
    for (const p of counted) {
        const eco = purlType(p.purl) ?? (p.firstParty ? 'first-party' : 'no purl');
        ecosystems[eco] = (ecosystems[eco] ?? 0) + 1;
        for (const l of p.licences.length ? p.licences : ['none recorded'])
            licences.set(l, (licences.get(l) ?? 0) + 1);
    }
    let entries = 0;
    let omitted = 0;
    const firstId = new Map();
    const makeNode = (part, relation) => {
        const id = `${options.idPrefix}-n${++entries}`;
        const kind = part === sbom.root
            ? 'artifact'
            : part.binary
                ? 'embedded'
                : part.firstParty
                    ? 'first-party'
                    : 'component';
        const ecosystem = purlType(part.purl);
        const verification = part.binary && part.sha256 ? options.verificationOf?.(part.sha256) : undefined;
        return {
            id,
            name: part.name,
            ...(part.version ? { version: part.version } : {}),
            ...(part.purl ? { purl: part.purl } : {}),
            ...(ecosystem ? { ecosystem } : {}),
            ...(part.licences.length ? { licences: part.licences } : {}),
            kind,
            ...(relation ? { relation } : {}),
            ...(part.sha256 ? { sha256: part.sha256 } : {}),
            ...(verification ? { verification } : {}),
            children: [],
        };
    };
    const tree = makeNode(sbom.root, undefined);
    firstId.set(sbom.root.ref, tree.id);
    const stack = [];
    const pushChildren = (ref, node, depth) => {
        const nested = sbom.contains.get(ref) ?? [];
        const inside = new Set(nested);
        const deps = (sbom.dependsOn.get(ref) ?? []).filter((d) => !inside.has(d));
        const steps = [
            ...nested.map((r) => ({ ref: r, parent: node, relation: 'contains', depth })),
            ...deps.map((r) => ({ ref: r, parent: node, relation: 'depends on', depth })),
        ];
        for (let i = steps.length - 1; i >= 0; i--)
            stack.push(steps[i]);
    };
    const walk = () => {
        while (stack.length > 0) {
            const step = stack.pop();
            const part = sbom.parts.get(step.ref);
            if (!part)
                continue;
            if (entries >= MAX_TREE_ENTRIES || step.depth > MAX_TREE_DEPTH) {
                omitted++;
                continue;
            }
            const node = makeNode(part, step.relation);
            step.parent.children.push(node);
            const seen = firstId.get(step.ref);
            if (seen) {
                node.repeatOf = seen;
                continue;
            }
            firstId.set(step.ref, node.id);
            pushChildren(step.ref, node, step.depth + 1);
        }
    };
    pushChildren(sbom.root.ref, tree, 1);
    walk();
    // What nothing reached (a lockfile without a graph, an embedded module): under the root.
    for (const ref of sbom.topLevel) {
        if (firstId.has(ref))
            continue;
        stack.push({ ref, parent: tree, relation: 'contains', depth: 1 });
        walk();
    }
    return {
        source,
        format: sbom.format,
        ...(required !== undefined ? { required } : {}),
        componentCount: counted.length,
        ecosystems,
        licences: [...licences.entries()]
            .map(([licence, count]) => ({ licence, count }))
            .sort((a, b) => b.count - a.count || (a.licence < b.licence ? -1 : 1)),
        tree,
        ...(omitted ? { omitted } : {}),
    };
}
//# sourceMappingURL=report-sbom.js.map
// EXTERNAL MODULE: ./packages/pipeline/dist/oci-target.js
var oci_target = __webpack_require__(16200);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
;// CONCATENATED MODULE: ./packages/pipeline/dist/policy.js
// The policy a verification runs under: a policy file's rules with the request's (the flags or
// the action's inputs) over them, the trust they name, and the policy's identity.


/** The name of a policy stated by flags (or inputs) alone. */
const FLAGS_POLICY_NAME = 'flags';
/**
 * Reads the policy file (relative to `context.cwd`) and puts the request's rules over its own:
 * a rule the request sets replaces the file's, the others stay. The file's `trusted-root` and
 * `key` are relative to the file's folder, the request's to `context.cwd`.
 */
async function resolvePolicy(request, context) {
    const v = await Promise.all(/* import() */[__webpack_require__.e(476), __webpack_require__.e(815), __webpack_require__.e(74), __webpack_require__.e(242), __webpack_require__.e(648)]).then(__webpack_require__.bind(__webpack_require__, 64648));
    const trust = request.trust ?? {};
    const given = {
        ...v.policySettingsOf(request.policy),
        ...(request.recursive ? { recursive: true } : {}),
        ...(trust.trustedRoot !== undefined
            ? { 'trusted-root': (0,external_node_path_.resolve)(context.cwd, trust.trustedRoot) }
            : {}),
        ...(trust.key !== undefined ? { key: (0,external_node_path_.resolve)(context.cwd, trust.key) } : {}),
    };
    let file;
    let settings = given;
    if (request.policyFile !== undefined) {
        const path = (0,external_node_path_.resolve)(context.cwd, request.policyFile);
        file = { ...(await v.readPolicyFile(path, request.policyFile)), path };
        settings = v.mergePolicySettings(file.settings, given);
    }
    return {
        settings,
        policy: v.verifyPolicyOf(settings),
        trust: {
            ...(settings['trusted-root'] !== undefined ? { trustedRoot: settings['trusted-root'] } : {}),
            ...(settings.key !== undefined ? { key: settings.key } : {}),
            ...(trust.tufRefresh ? { tufRefresh: true } : {}),
        },
        recursive: settings.recursive === true,
        ...(file ? { file } : {}),
    };
}
/**
 * Where the policy can be found, for a VSA's `policy.uri`: in GitHub Actions, a policy file of
 * the checked-out repository is its blob at the workflow's commit
 * (`$GITHUB_SERVER_URL/$GITHUB_REPOSITORY/blob/$GITHUB_SHA/PATH`); elsewhere its `file:` URL. A
 * policy stated by flags alone is `urn:build-artifact:policy:flags` (its digest says what it is).
 */
function policyUri(path, env) {
    if (path === undefined)
        return `urn:build-artifact:policy:${FLAGS_POLICY_NAME}`;
    const { GITHUB_ACTIONS, GITHUB_SERVER_URL, GITHUB_REPOSITORY, GITHUB_SHA, GITHUB_WORKSPACE } = env;
    if (GITHUB_ACTIONS === 'true' && GITHUB_SERVER_URL && GITHUB_REPOSITORY && GITHUB_SHA) {
        const inside = GITHUB_WORKSPACE ? (0,external_node_path_.relative)(GITHUB_WORKSPACE, path) : undefined;
        if (inside && !inside.startsWith('..') && !(0,external_node_path_.isAbsolute)(inside))
            return `${GITHUB_SERVER_URL}/${GITHUB_REPOSITORY}/blob/${GITHUB_SHA}/${inside.split(external_node_path_.sep).map(encodeURIComponent).join('/')}`;
    }
    return (0,external_node_url_.pathToFileURL)(path).href;
}
/** The policy's identity once its trust is loaded: name, where it is, canonical digest. */
async function policyIdentity(resolved, trust, env) {
    const v = await Promise.all(/* import() */[__webpack_require__.e(476), __webpack_require__.e(815), __webpack_require__.e(74), __webpack_require__.e(242), __webpack_require__.e(648)]).then(__webpack_require__.bind(__webpack_require__, 64648));
    return {
        name: resolved.file?.name ?? FLAGS_POLICY_NAME,
        uri: policyUri(resolved.file?.path, env),
        digest: { sha256: v.policyDigest(resolved.settings, trust) },
    };
}
//# sourceMappingURL=policy.js.map
;// CONCATENATED MODULE: ./packages/pipeline/dist/recursive.js
// Recursion: after an artifact verified, follow the artifacts its signed evidence says it was
// built from (the provenance's resolvedDependencies and the SBOM's embedded binaries, by
// SHA-256) and verify each of them with the same trust and policy.





// A module embedding a module embedding a module is already unusual; a cycle is a forgery.
const MAX_DEPTH = 4;
const HEX64 = /^[0-9a-f]{64}$/;
/** resolvedDependencies with a sha256 (the source checkout, with only gitCommit, is not one). */
function fromProvenance(statement, into) {
    const predicate = statement.predicate;
    const deps = predicate?.buildDefinition?.resolvedDependencies;
    if (!Array.isArray(deps))
        return;
    for (const d of deps) {
        const sha = typeof d?.digest?.sha256 === 'string' ? d.digest.sha256.toLowerCase() : undefined;
        if (!sha || !HEX64.test(sha))
            continue;
        const r = into.get(sha) ?? { sha256: sha, recordedIn: new Set() };
        r.recordedIn.add('provenance');
        if (typeof d.uri === 'string')
            r.uri ??= d.uri;
        if (typeof d.name === 'string')
            r.name ??= d.name;
        into.set(sha, r);
    }
}
/**
 * Binaries embedded in the artifact, as the SBOM records them: components (at any depth) that
 * carry our `build-artifact:binary.format` property and a SHA-256. Packages from lockfiles or
 * Go build info are not artifacts of their own and are not followed.
 */
function fromSbom(bom, own, into) {
    // Depth first without recursion: a crafted SBOM may nest components deeper than the stack.
    const b = bom;
    const stack = [b?.components, b?.metadata?.component?.components];
    while (stack.length > 0) {
        const list = stack.pop();
        if (!Array.isArray(list))
            continue;
        for (const c of [...list].reverse())
            stack.push(c?.components);
        for (const c of list) {
            const prop = (n) => c?.properties?.find((p) => p?.name === n)?.value;
            const sha = c?.hashes
                ?.find((h) => h?.alg === 'SHA-256' && typeof h.content === 'string')
                ?.content?.toLowerCase();
            if (prop('build-artifact:binary.format') === undefined || !sha || !HEX64.test(sha))
                continue;
            if (sha === own)
                continue;
            const r = into.get(sha) ?? { sha256: sha, recordedIn: new Set() };
            r.recordedIn.add('sbom');
            const offset = Number(prop('build-artifact:binary.offset'));
            const size = Number(prop('build-artifact:binary.size'));
            if (Number.isSafeInteger(offset) && Number.isSafeInteger(size)) {
                r.offset ??= offset;
                r.size ??= size;
            }
            into.set(sha, r);
        }
    }
}
/** Evidence files in a directory (bundles and in-toto JSON lines), parsed; unreadable ones skipped. */
async function evidenceInDirectory(dir) {
    const v = await Promise.all(/* import() */[__webpack_require__.e(476), __webpack_require__.e(815), __webpack_require__.e(74), __webpack_require__.e(242), __webpack_require__.e(648)]).then(__webpack_require__.bind(__webpack_require__, 64648));
    let names;
    try {
        names = await (0,promises_.readdir)(dir);
    }
    catch {
        return [];
    }
    const out = [];
    for (const name of names.sort()) {
        if (!name.endsWith(dist.Sidecar.PROVENANCE) && !name.endsWith(dist.Sidecar.INTOTO_JSONL))
            continue;
        try {
            for (const e of await v.readEvidence((0,external_node_path_.join)(dir, name)))
                out.push(e);
        }
        catch {
            // Not ours to judge here: an unreadable file simply offers no evidence.
        }
    }
    return out;
}
async function isFile(path) {
    try {
        return (await (0,promises_.stat)(path)).isFile();
    }
    catch {
        return false;
    }
}
/** The evidence `attest verify FILE` reads when no bundle is given. */
async function evidenceBeside(path) {
    const v = await Promise.all(/* import() */[__webpack_require__.e(476), __webpack_require__.e(815), __webpack_require__.e(74), __webpack_require__.e(242), __webpack_require__.e(648)]).then(__webpack_require__.bind(__webpack_require__, 64648));
    return v.evidenceFor({ path });
}
/**
 * Verifies what a verified artifact was built from, depth first. Fails closed: a recorded
 * dependency whose bytes or evidence cannot be found, or that does not verify, fails the whole.
 */
async function verifyDependencies(input, context) {
    const scratch = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'attest-recursive-'));
    // A file beside the artifacts is hashed once per walk, however many dependencies ask.
    const digests = new Map();
    const sha256Of = (path) => {
        let d = digests.get(path);
        if (!d) {
            d = (0,dist.digestFile)(path, ['sha256']).then((x) => x.sha256);
            digests.set(path, d);
        }
        return d;
    };
    try {
        const { statements, dependencies } = await walk(input, context, { scratch, sha256Of }, 1, new Set(ownDigest(input.result)));
        return { verified: dependencies.every(allVerified), dependencies, statements };
    }
    finally {
        await (0,promises_.rm)(scratch, { recursive: true, force: true });
    }
}
function allVerified(d) {
    return d.verified && d.dependencies.every(allVerified);
}
function ownDigest(r) {
    return r.digest.sha256 ? [r.digest.sha256.toLowerCase()] : [];
}
async function walk(input, context, shared, depth, seen) {
    const { result } = input;
    const recorded = new Map();
    const statements = await verifiedStatements(input);
    if (statements.provenance?.statement.predicateType === dist.PredicateType.SLSA_PROVENANCE_V1)
        fromProvenance(statements.provenance.statement, recorded);
    if ((0,dist.sbomFormatOf)(statements.sbom?.statement.predicate)?.format === 'cyclonedx-json')
        fromSbom(statements.sbom.statement.predicate, ownDigest(result)[0] ?? '', recorded);
    const out = [];
    for (const rec of recorded.values()) {
        const dep = {
            sha256: rec.sha256,
            ...(rec.name ? { name: rec.name } : {}),
            ...(rec.uri ? { uri: rec.uri } : {}),
            recordedIn: [...rec.recordedIn].sort(),
            verified: false,
            dependencies: [],
        };
        out.push(dep);
        if (seen.has(rec.sha256) || depth > MAX_DEPTH) {
            dep.error =
                depth > MAX_DEPTH
                    ? `dependencies nest deeper than ${MAX_DEPTH} levels`
                    : 'the dependency graph has a cycle';
            continue;
        }
        const tried = [];
        const found = await recursive_resolve(input, context, rec, shared, tried);
        if (!found) {
            dep.error = `cannot verify the recorded dependency: ${tried.join('; ') || 'no bytes or evidence found'}`;
            continue;
        }
        dep.via = found.via;
        dep.artifact = found.name;
        dep.result = found.result;
        dep.verified = true;
        if (input.keepStatements && found.path !== undefined) {
            const size = await fileSize(found.path);
            if (size !== undefined)
                dep.size = size;
        }
        const below = await walk({
            ...input,
            ...(found.path ? { path: found.path } : {}),
            evidence: found.evidence,
            result: found.result,
        }, context, shared, depth + 1, new Set([...seen, rec.sha256]));
        dep.dependencies = below.dependencies;
        if (input.keepStatements)
            dep.statements = below.statements;
    }
    return { statements, dependencies: out };
}
async function fileSize(path) {
    try {
        return (await (0,promises_.stat)(path)).size;
    }
    catch {
        return undefined;
    }
}
/**
 * The statements of an artifact's verified evidence: the provenance whose bundle passed the
 * policy, and the first SBOM attestation naming the artifact (CycloneDX before SPDX) that
 * verifies with the same identity policy (taken as is when `requireSbom` already verified it).
 */
async function verifiedStatements(input) {
    const v = await Promise.all(/* import() */[__webpack_require__.e(476), __webpack_require__.e(815), __webpack_require__.e(74), __webpack_require__.e(242), __webpack_require__.e(648)]).then(__webpack_require__.bind(__webpack_require__, 64648));
    const { result, evidence, policy, trust } = input;
    const own = ownDigest(result)[0] ?? '';
    const out = {};
    const passed = result.attempts.some((a) => a.source === result.source && a.verified);
    const provenance = passed ? evidence.find((e) => e.source === result.source) : undefined;
    const provStatement = provenance ? (0,dist.describeBundle)(provenance.json).statement : undefined;
    if (provenance && provStatement)
        out.provenance = { source: provenance.source, statement: provStatement };
    const described = new Map(evidence.map((e) => [e, (0,dist.describeBundle)(e.json)]));
    // Any SBOM attestation (cosign's and versioned predicate types too), CycloneDX first.
    const sboms = evidence.filter((e) => {
        const d = described.get(e);
        return (0,dist.isSbomPredicateType)(d.predicateType) && own !== '' && (0,dist.namesDigest)(d, `sha256:${own}`);
    });
    const cyclonedx = (e) => described.get(e).predicateType.startsWith(dist.PredicateType.CYCLONEDX_BOM);
    const candidates = [...sboms.filter(cyclonedx), ...sboms.filter((e) => !cyclonedx(e))];
    for (const e of candidates) {
        const required = result.sbom?.verified === true && result.sbom.source === e.source;
        let ok = required;
        if (!ok) {
            const { minSlsaLevel: _l, requireSbom: _s, ...rest } = policy;
            const r = await v.verifyArtifact({
                name: result.artifact,
                ...(input.path ? { path: input.path } : { digest: { sha256: own } }),
                evidence: [e],
            }, { ...rest, predicateType: described.get(e).predicateType }, trust, input.cache ? { cache: input.cache } : {});
            ok = r.verified;
            // The SBOM the walk follows is evidence the verdict rests on too (a VSA lists it).
            if (ok)
                for (const used of r.inputAttestations ?? [])
                    if (!result.inputAttestations?.some((u) => u.digest.sha256 === used.digest.sha256))
                        result.inputAttestations = [...(result.inputAttestations ?? []), used];
        }
        const statement = described.get(e).statement;
        if (ok && statement) {
            out.sbom = { source: e.source, statement, required: policy.requireSbom === true };
            break;
        }
    }
    return out;
}
/**
 * Finds the dependency's bytes and evidence and verifies them: a file beside the artifact with
 * that digest; the module extracted from the artifact itself, with bundles beside it naming the
 * digest; the OCI reference the provenance records. The first that verifies wins; each attempt
 * that fails says why in `tried`. A file beside the artifact under the recorded name whose
 * digest differs is a tampered copy and fails the dependency outright.
 */
async function recursive_resolve(input, context, rec, shared, tried) {
    const v = await Promise.all(/* import() */[__webpack_require__.e(476), __webpack_require__.e(815), __webpack_require__.e(74), __webpack_require__.e(242), __webpack_require__.e(648)]).then(__webpack_require__.bind(__webpack_require__, 64648));
    const { policy, trust } = input;
    const attempt = async (via, name, artifact, evidence) => {
        if (evidence.length === 0) {
            tried.push(`${via}: no bundle for sha256:${rec.sha256} found`);
            return undefined;
        }
        const result = await v.verifyArtifact({ name, ...artifact, evidence }, policy, trust, input.cache ? { cache: input.cache } : {});
        if (result.verified)
            return { via, name, ...artifact, evidence, result };
        tried.push(`${via} ${name}: ${result.failure?.reason ?? 'FAILED'}${result.failure ? ` (${result.failure.message})` : ''}`);
        return undefined;
    };
    const dir = input.path ? (0,external_node_path_.dirname)(input.path) : undefined;
    if (dir && rec.name && (0,external_node_path_.basename)(rec.name) === rec.name) {
        const named = (0,external_node_path_.join)(dir, rec.name);
        if (named !== input.path && (await isFile(named))) {
            const sha = await shared.sha256Of(named);
            if (sha !== rec.sha256) {
                tried.push(`${named} has sha256:${sha}, but the provenance records sha256:${rec.sha256}: the copy beside the artifact was modified`);
                return undefined;
            }
        }
    }
    // 1. A file beside the artifact (one with a bundle of its own) whose digest matches.
    if (dir) {
        for (const name of (await (0,promises_.readdir)(dir).catch(() => [])).sort()) {
            const file = (0,external_node_path_.join)(dir, name);
            if (file === input.path || name.endsWith('.json') || name.endsWith('.jsonl'))
                continue;
            if (!(await isFile((0,dist.sidecarPath)(file, 'PROVENANCE'))))
                continue;
            if ((await shared.sha256Of(file)) !== rec.sha256)
                continue;
            const found = await attempt('beside', file, { path: file }, await evidenceBeside(file));
            if (found)
                return found;
        }
    }
    // 2. The module inside the artifact: where the SBOM says, else found by walking wasm magic.
    if (input.path) {
        const extracted = await extract(input.path, rec, shared.scratch);
        if (extracted && dir) {
            const evidence = (await evidenceInDirectory(dir)).filter((e) => (0,dist.namesDigest)((0,dist.describeBundle)(e.json), `sha256:${rec.sha256}`));
            const found = await attempt('embedded', `${input.result.artifact} (embedded sha256:${rec.sha256.slice(0, 12)}…)`, { path: extracted }, evidence);
            if (found)
                return found;
        }
    }
    // 3. The OCI reference the provenance records.
    if (rec.uri && (rec.uri.startsWith('oci://') || rec.uri.startsWith('oci-layout:'))) {
        try {
            const pulled = await (0,oci_target/* fetchOciArtifact */.M)(rec.uri, context);
            const layer = pulled.fileDigest.replace(/^sha256:/, '');
            const pinned = /@sha256:([0-9a-f]{64})$/.exec(rec.uri)?.[1];
            if (layer !== rec.sha256 && pinned !== rec.sha256) {
                tried.push(`oci ${rec.uri}: holds sha256:${layer}, not sha256:${rec.sha256}`);
            }
            else {
                const found = await attempt('oci', rec.uri, { path: pulled.path, digest: { sha256: layer } }, pulled.evidence);
                if (found)
                    return found;
            }
        }
        catch (err) {
            tried.push(`oci ${rec.uri}: ${err.message}`);
        }
    }
    return undefined;
}
/** Writes the embedded module with the recorded digest to a scratch file, or undefined. */
async function extract(path, rec, scratch) {
    const { findEmbeddedWasm, MAX_BINARY_SIZE } = await Promise.all(/* import() */[__webpack_require__.e(124), __webpack_require__.e(294)]).then(__webpack_require__.bind(__webpack_require__, 20294));
    let buf;
    try {
        buf = await (0,dist.readRegularFile)(path, { maxBytes: MAX_BINARY_SIZE, what: 'artifact' });
    }
    catch {
        return undefined;
    }
    const candidates = [];
    if (rec.offset !== undefined && rec.size !== undefined)
        candidates.push({ start: rec.offset, end: rec.offset + rec.size });
    try {
        for (const c of findEmbeddedWasm(buf, 0, buf.length))
            candidates.push(c);
    }
    catch {
        // Not a binary we can walk: only the SBOM's location is left.
    }
    for (const c of candidates) {
        if (c.start < 0 || c.end > buf.length || c.end <= c.start)
            continue;
        const slice = buf.subarray(c.start, c.end);
        if ((0,dist.digestBytes)(slice) !== rec.sha256)
            continue;
        const out = (0,external_node_path_.join)(scratch, `${rec.sha256}.wasm`);
        await (0,promises_.writeFile)(out, slice);
        return out;
    }
    return undefined;
}
//# sourceMappingURL=recursive.js.map
;// CONCATENATED MODULE: ./packages/pipeline/dist/targets.js


const DIGEST_ARG = /^(sha256|sha512):([0-9a-fA-F]+)$/;
const HEX_LENGTH = { sha256: 64, sha512: 128 };
/** True for `oci://...` and `oci-layout:...` arguments. */
function isOciArgument(arg) {
    return arg.startsWith('oci://') || arg.startsWith('oci-layout:');
}
/**
 * Reads one target argument: `sha256:HEX`/`sha512:HEX` (an artifact named by its digest, as
 * sigstore-conformance's verify-bundle protocol does), an `oci://`/`oci-layout:` reference, or a
 * file (relative to `cwd`).
 */
function parseTarget(arg, cwd) {
    const digest = DIGEST_ARG.exec(arg);
    if (digest) {
        const algorithm = digest[1];
        const hex = digest[2].toLowerCase();
        if (hex.length !== HEX_LENGTH[algorithm])
            throw new errors/* PipelineError */.z({
                code: 'INVALID_TARGET',
                message: `${arg}: a ${algorithm} digest is ${HEX_LENGTH[algorithm]} hex digits`,
            });
        return { kind: 'digest', arg, algorithm, hex };
    }
    if (isOciArgument(arg))
        return { kind: 'oci', arg };
    if (arg === '')
        throw new errors/* PipelineError */.z({ code: 'INVALID_TARGET', message: 'an empty artifact argument' });
    return { kind: 'file', arg, path: (0,external_node_path_.resolve)(cwd, arg) };
}
//# sourceMappingURL=targets.js.map
;// CONCATENATED MODULE: ./packages/pipeline/dist/verify.js









/** Targets verified side by side: hashing and pulling overlap, signatures are checked in turn. */
const TARGET_CONCURRENCY = 4;
async function loadTrust(request, context) {
    const v = await Promise.all(/* import() */[__webpack_require__.e(476), __webpack_require__.e(815), __webpack_require__.e(74), __webpack_require__.e(242), __webpack_require__.e(648)]).then(__webpack_require__.bind(__webpack_require__, 64648));
    let publicKeyPem;
    if (request.key !== undefined) {
        const keyPath = (0,external_node_path_.resolve)(context.cwd, request.key);
        publicKeyPem = await (0,dist.readRegularFileText)(keyPath, {
            maxBytes: dist.MAX_KEY_FILE_BYTES,
            what: 'key',
        });
    }
    const env = context.env;
    return v.loadTrustedRoot({
        ...(request.trustedRoot !== undefined
            ? { trustedRootPath: (0,external_node_path_.resolve)(context.cwd, request.trustedRoot) }
            : {}),
        tufRefresh: request.tufRefresh === true,
        cacheDir: env.ATTEST_CACHE_DIR
            ? (0,external_node_path_.join)(env.ATTEST_CACHE_DIR, 'tuf')
            : (0,external_node_path_.join)(env.XDG_CACHE_HOME || (0,external_node_path_.join)((0,external_node_os_.homedir)(), '.cache'), 'build-artifact', 'tuf'),
        ...(env.ATTEST_GITHUB_TUF_URL ? { githubTufURL: env.ATTEST_GITHUB_TUF_URL } : {}),
        ...(publicKeyPem !== undefined ? { publicKeyPem } : {}),
    });
}
async function prepare(target, shared, 
/** Recursion and reports read the evidence beside a file themselves (the verifier would too). */
readsEvidence, context) {
    switch (target.kind) {
        case 'digest': {
            if (shared.length === 0)
                throw new errors/* PipelineError */.z({
                    code: 'INVALID_REQUEST',
                    message: `${target.arg}: an artifact given by its digest needs a bundle (--bundle FILE)`,
                });
            return {
                input: { name: target.arg, digest: { [target.algorithm]: target.hex }, evidence: shared },
                evidence: shared,
                resourceUris: [],
                subjectName: target.arg,
            };
        }
        case 'oci': {
            const artifact = await (0,oci_target/* fetchOciArtifact */.M)(target.arg, context);
            const [algorithm, hex] = artifact.fileDigest.split(':');
            const evidence = [...artifact.evidence, ...shared];
            return {
                resourceUris: artifact.manifestDigests.map(artifact.referenceFor),
                subjectName: (0,external_node_path_.basename)(artifact.path),
                manifests: artifact.manifestDigests.map((d) => ({
                    name: artifact.subjectName,
                    digest: { sha256: d.replace(/^sha256:/, '') },
                })),
                input: {
                    name: target.arg,
                    path: artifact.path,
                    ...(algorithm === 'sha256' || algorithm === 'sha512'
                        ? { digest: { [algorithm]: hex } }
                        : {}),
                    alsoKnownAs: artifact.manifestDigests,
                    evidence,
                },
                path: artifact.path,
                evidence,
            };
        }
        case 'file': {
            // With recursion, the dependencies are followed from the very statements that verified:
            // the evidence beside the file is read once, for both (read again, it could have changed).
            let evidence = shared.length > 0 ? shared : undefined;
            if (!evidence && readsEvidence) {
                const beside = await evidenceBeside(target.path);
                // None found: the verifier looks for itself and says where it looked.
                if (beside.length > 0)
                    evidence = beside;
            }
            return {
                input: { name: target.arg, path: target.path, ...(evidence ? { evidence } : {}) },
                path: target.path,
                ...(evidence ? { evidence } : {}),
                resourceUris: [(0,external_node_path_.basename)(target.path)],
                subjectName: (0,external_node_path_.basename)(target.path),
            };
        }
    }
}
const SUMMARY_ONLY_RULES = new Set([
    'slsa-level',
    'require-sbom',
    'recursive',
    'trusted-root',
    'key',
]);
/** The summary policy of a request, less what only each target knows (its resource URIs). */
async function summaryPolicy(request, resolved, identity) {
    const v = await Promise.all(/* import() */[__webpack_require__.e(476), __webpack_require__.e(815), __webpack_require__.e(74), __webpack_require__.e(242), __webpack_require__.e(648)]).then(__webpack_require__.bind(__webpack_require__, 64648));
    const s = request.summaries;
    if (!resolved.file) {
        // Without a policy file there is no digest to ask of the summary: rules a summary does not
        // state could not be checked, and a check that cannot be made must not pass.
        const unstated = Object.keys(resolved.settings).filter((k) => !SUMMARY_ONLY_RULES.has(k));
        if (unstated.length > 0)
            throw new errors/* PipelineError */.z({
                code: 'INVALID_REQUEST',
                message: `a verification summary does not state ${unstated.map((k) => `--${k}`).join(', ')}: give the verifier's policy with --policy FILE (the summary must name its digest), or only --slsa-level, --require-sbom and --recursive`,
            });
    }
    return {
        ...(s.verifier !== undefined ? { verifier: s.verifier } : {}),
        ...(s.verifierRegexp !== undefined ? { verifierRegexp: s.verifierRegexp } : {}),
        ...(s.issuer !== undefined ? { issuer: s.issuer } : {}),
        ...(s.maxAge !== undefined ? { maxAgeMs: v.parseDuration(s.maxAge) } : {}),
        ...(resolved.policy.minSlsaLevel !== undefined
            ? { minSlsaLevel: resolved.policy.minSlsaLevel }
            : {}),
        ...(resolved.policy.requireSbom ? { requireSbom: true } : {}),
        ...(resolved.recursive ? { dependencies: true } : {}),
        ...(resolved.file ? { policyDigest: identity.digest.sha256 } : {}),
    };
}
/**
 * Verifies each target (file, digest, OCI reference) against its evidence, the policy and the
 * trust, and with `recursive` what each was built from; with `summaries`, against a trusted
 * verifier's VSA instead. A policy file's rules apply under the request's. Bad requests and
 * unreadable input throw; a failed check is a result (`verified: false` with the reason).
 */
async function verify_verifyTargets(request, context) {
    if (request.targets.length === 0)
        throw new errors/* PipelineError */.z({ code: 'NOTHING_TO_DO', message: 'no artifact to verify' });
    if (request.resourceUri !== undefined && request.targets.length > 1)
        throw new errors/* PipelineError */.z({
            code: 'INVALID_REQUEST',
            message: 'a resource URI names one artifact: verify one target with it',
        });
    const verifiedAt = new Date().toISOString();
    const v = await Promise.all(/* import() */[__webpack_require__.e(476), __webpack_require__.e(815), __webpack_require__.e(74), __webpack_require__.e(242), __webpack_require__.e(648)]).then(__webpack_require__.bind(__webpack_require__, 64648));
    const targets = request.targets.map((t) => parseTarget(t, context.cwd));
    const resolved = await resolvePolicy(request, context);
    const { policy, recursive } = resolved;
    // A summary names its own signer (the verifier); the artifact's policy is only its shape then.
    if (request.summaries)
        v.validatePolicy(policy);
    else
        v.validatePolicy(policy, { publicKey: resolved.trust.key !== undefined });
    const trust = await loadTrust(resolved.trust, context);
    const identity = await policyIdentity(resolved, trust, context.env);
    const summaries = request.summaries
        ? await summaryPolicy(request, resolved, identity)
        : undefined;
    const shared = [];
    for (const file of request.bundles ?? [])
        for (const e of await v.readEvidence((0,external_node_path_.resolve)(context.cwd, file)))
            shared.push(e);
    const cache = v.createVerificationCache();
    const keep = request.keepStatements === true;
    const results = await (0,dist.mapConcurrent)(targets, TARGET_CONCURRENCY, async (target) => {
        const prepared = await prepare(target, shared, recursive || keep, context);
        const resourceUris = request.resourceUri !== undefined ? [request.resourceUri] : prepared.resourceUris;
        const named = (r) => ({
            ...r,
            target: target.arg,
            policy: identity,
            ...(resourceUris[0] !== undefined ? { resourceUri: resourceUris[0] } : {}),
            ...(r.verified
                ? {
                    subjects: [
                        { name: prepared.subjectName, digest: { ...r.digest } },
                        ...(prepared.manifests ?? []),
                    ],
                }
                : {}),
        });
        if (summaries) {
            if (resourceUris.length === 0)
                throw new errors/* PipelineError */.z({
                    code: 'INVALID_REQUEST',
                    message: `${target.arg}: say which resource the verification summary must name (--vsa-resource-uri URI)`,
                });
            const r = await v.verifySummary(prepared.input, { ...summaries, resourceUris }, trust, {
                cache,
            });
            if (r.verified && !resolved.file)
                r.warnings.push('accepted whatever policy the verifier applied: give its policy with --policy FILE to require it (the summary names its digest)');
            return named(r);
        }
        const result = await v.verifyArtifact(prepared.input, policy, trust, { cache });
        const shown = named(result);
        if (keep && prepared.path !== undefined) {
            const size = await (0,promises_.stat)(prepared.path).then((s) => s.size, () => undefined);
            if (size !== undefined)
                shown.size = size;
        }
        // Nothing to follow: the evidence beside the file need not be read again.
        if (!keep && !(recursive && result.verified))
            return shown;
        const followed = {
            ...(prepared.path !== undefined ? { path: prepared.path } : {}),
            evidence: prepared.evidence ?? (prepared.path ? await evidenceBeside(prepared.path) : []),
            result,
            policy,
            trust,
            cache,
            keepStatements: keep,
        };
        if (!recursive || !result.verified) {
            if (keep)
                shown.statements = await verifiedStatements(followed);
            return shown;
        }
        const deps = await verifyDependencies(followed, context);
        shown.dependencies = deps.dependencies;
        if (keep)
            shown.statements = deps.statements;
        if (!deps.verified) {
            shown.verified = false;
            delete shown.subjects;
            shown.failure = {
                reason: 'DEPENDENCY_FAILED',
                message: 'a dependency recorded in its provenance did not verify',
            };
        }
        return shown;
    });
    return {
        results,
        verified: results.every((r) => r.verified),
        policy: identity,
        verifiedAt,
    };
}
//# sourceMappingURL=verify.js.map
;// CONCATENATED MODULE: ./packages/pipeline/dist/report.js
// The report flow: verify the targets, keep what the verified evidence says, and turn it into
// the report model the HTML page and the job summary render. Only verified statements count
// (the provenance whose bundle passed, an SBOM attestation verified under the same identity
// policy); a report of what was just signed (`signedReport`, for the attest and push job
// summaries) says so and is never called verified.



/** Graph nodes for the modules inside one embedded artifact, at most. */
const MAX_MODULES_SHOWN = 8;
/** resolvedDependencies listed per artifact, at most. */
const MAX_BUILT_FROM = 50;
const report_obj = (v) => typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
const report_str = (v) => (typeof v === 'string' && v !== '' ? v : undefined);
let verifierFacts;
/** The public-good Rekor's log ids, from the trusted root shipped with the verifier, and its stages. */
async function loadVerifierFacts() {
    if (verifierFacts)
        return verifierFacts;
    const { publicGoodTrustedRootJSON, STAGE_ORDER } = await Promise.all(/* import() */[__webpack_require__.e(476), __webpack_require__.e(815), __webpack_require__.e(74), __webpack_require__.e(242), __webpack_require__.e(648)]).then(__webpack_require__.bind(__webpack_require__, 64648));
    const root = report_obj(publicGoodTrustedRootJSON());
    const ids = new Set();
    for (const t of Array.isArray(root?.tlogs) ? root.tlogs : []) {
        const keyId = report_str(report_obj(report_obj(t)?.logId)?.keyId);
        if (keyId)
            ids.add(Buffer.from(keyId, 'base64').toString('hex'));
    }
    verifierFacts = { publicGood: ids, stages: STAGE_ORDER };
    return verifierFacts;
}
/** A file path's last part (a graph box has room for a name, not a path); other names as they are. */
function shortName(name) {
    if (name.includes('://') || name.startsWith('oci-layout:'))
        return name;
    const parts = name.split(/[\\/]/).filter(Boolean);
    return parts.length > 1 ? parts[parts.length - 1] : name;
}
/** `https:` URLs are links; anything else stays text (the renderers check again). */
const https = (v) => (v?.startsWith('https://') ? v : undefined);
function field(label, value, href, claim) {
    if (!value)
        return [];
    return [{ label, value, ...(href ? { href } : {}), ...(claim ? { claim: true } : {}) }];
}
/** A signer fact the job summary shows too (see `Field.role`). */
const withRole = (role, fields) => fields.map((f) => ({ ...f, role }));
function signerFields(c) {
    const signer = c.buildSignerURI ?? c.subjectAlternativeName;
    const repo = c.sourceRepositoryURI;
    const commitHref = repo && c.sourceRepositoryDigest && c.issuer && (0,dist.isGitHubActionsIssuer)(c.issuer)
        ? https(`${repo}/commit/${c.sourceRepositoryDigest}`)
        : undefined;
    return [
        ...withRole('signer', field('Signer workflow', signer, https(signer))),
        ...(c.subjectAlternativeName && c.subjectAlternativeName !== signer
            ? field('Identity (SAN)', c.subjectAlternativeName)
            : []),
        ...field('Signer digest', c.buildSignerDigest),
        ...field('Issuer', c.issuer),
        ...withRole('source', field('Source repository', repo, https(repo))),
        ...field('Ref', c.sourceRepositoryRef),
        ...withRole('commit', field('Commit', c.sourceRepositoryDigest, commitHref)),
        ...field('Caller workflow', c.buildConfigURI),
        ...field('Trigger', c.buildTrigger),
        ...field('Runner', c.runnerEnvironment),
        ...withRole('run', field('Run', c.runInvocationURI, https(c.runInvocationURI))),
        ...field('Visibility', c.sourceRepositoryVisibilityAtSigning),
        ...(c.notBefore && c.notAfter
            ? field('Certificate valid', `${c.notBefore} to ${c.notAfter}`)
            : []),
    ];
}
/** The provenance's own facts; what nothing verified is marked as a claim. */
function provenanceFacts(statement, unchecked) {
    const predicate = report_obj(statement?.predicate);
    const build = report_obj(predicate?.buildDefinition);
    const run = report_obj(predicate?.runDetails);
    const workflow = report_obj(report_obj(build?.externalParameters)?.workflow);
    const provenance = [
        ...field('Predicate', report_str(statement?.predicateType)),
        ...field('Build type', report_str(build?.buildType)),
        ...field('Builder', report_str(report_obj(run?.builder)?.id), undefined, unchecked.includes('builder.id')),
        ...field('Workflow', workflow
            ? [report_str(workflow.repository), report_str(workflow.path), report_str(workflow.ref)]
                .filter(Boolean)
                .join(' ')
            : undefined, undefined, unchecked.length > 0),
        ...field('Invocation', report_str(report_obj(run?.metadata)?.invocationId)),
    ];
    const builtFrom = [];
    const resolved = [];
    const deps = Array.isArray(build?.resolvedDependencies) ? build.resolvedDependencies : [];
    for (const d of deps.slice(0, MAX_BUILT_FROM)) {
        const dep = report_obj(d);
        if (!dep)
            continue;
        const digest = report_obj(dep.digest) ?? {};
        const digests = Object.entries(digest)
            .filter(([, v]) => typeof v === 'string')
            .map(([k, v]) => `${k}:${v}`);
        const uri = report_str(dep.uri) ?? report_str(dep.name) ?? digests[0] ?? '(unnamed)';
        builtFrom.push({ label: digests.join(' '), value: uri });
        const sha256 = typeof digest.sha256 === 'string' ? digest.sha256.toLowerCase() : undefined;
        const commit = typeof digest.gitCommit === 'string' ? digest.gitCommit.slice(0, 12) : undefined;
        resolved.push({
            ...(report_str(dep.uri) ? { uri: report_str(dep.uri) } : {}),
            ...(sha256 ? { sha256 } : {}),
            label: commit ? `${uri} @ ${commit}` : (report_str(dep.name) ?? uri),
        });
    }
    if (deps.length > MAX_BUILT_FROM)
        builtFrom.push({ label: '', value: `… ${deps.length - MAX_BUILT_FROM} more` });
    return { provenance, builtFrom, resolved };
}
/** Where a failure sits among the stages: those before it passed, those after did not run. */
function stageStatus(r, stage, stages) {
    if (r.verified || r.failure?.reason === 'DEPENDENCY_FAILED')
        return 'passed';
    const failed = r.failure?.stage ?? 'parse';
    const i = stages.indexOf(stage);
    const j = stages.indexOf(failed);
    return i < j ? 'passed' : i === j ? 'failed' : 'skipped';
}
function checkRows(stages, r, statements, dependencies) {
    const rows = [];
    const failure = r.failure;
    const add = (stage, check, passed, notRun = 'not reached') => {
        const status = stageStatus(r, stage, stages);
        if (status === 'failed' && failure)
            rows.push({ check, status: 'failed', reason: failure.reason, detail: failure.message });
        else
            rows.push({
                check,
                status: status === 'skipped' ? 'not checked' : status,
                detail: status === 'skipped' ? notRun : passed,
            });
    };
    const signedAt = r.timestamps.map((t) => `${t.time} (${t.kind === 'transparency-log' ? 'log' : 'timestamp'})`);
    add('parse', 'Evidence found and readable', r.source ? `bundle ${r.source}` : 'a bundle');
    add('crypto', 'Signature, certificate chain, log or timestamp', `${r.bundle?.signedWith === 'key' ? 'signed with the given key' : 'certificate chains to a trusted root'}${r.trustedRoot ? ` (${r.trustedRoot})` : ''}${signedAt.length ? `; signed at ${signedAt.join(', ')}` : ''}`);
    const subject = r.digest.sha256
        ? `sha256:${r.digest.sha256}`
        : r.digest.sha512
            ? `sha512:${r.digest.sha512}`
            : 'the artifact';
    add('statement', 'The statement names this artifact', `${subject} is a subject of ${r.statement?.predicateType ?? 'the signature'}`);
    add('identity', 'Signer and source match the policy', r.certificate?.buildSignerURI ?? r.certificate?.subjectAlternativeName ?? 'the given key');
    const crossStatus = stageStatus(r, 'cross-check', stages);
    if (crossStatus === 'failed' && failure)
        rows.push({
            check: 'Provenance agrees with the certificate',
            status: 'failed',
            reason: failure.reason,
            detail: failure.message,
        });
    for (const x of r.crossChecks) {
        if (x.status === 'match')
            rows.push({
                check: `Provenance ${x.name}`,
                status: 'passed',
                detail: `matches the certificate: ${x.certificate ?? x.claimed ?? ''}`,
            });
        else if (x.status === 'mismatch')
            rows.push({
                check: `Provenance ${x.name}`,
                status: r.crossChecksEnforced ? 'failed' : 'warning',
                ...(x.reason ? { reason: x.reason } : {}),
                detail: `${x.note ?? 'differs from the certificate'}${r.crossChecksEnforced ? '' : ' (reported, not enforced)'}`,
            });
        else
            rows.push({
                check: `Provenance ${x.name}`,
                status: 'not checked',
                detail: x.note ?? 'not checked',
            });
    }
    if (r.uncheckedClaims.length)
        rows.push({
            check: 'Claims nothing verified',
            status: 'not checked',
            detail: r.uncheckedClaims.join(', '),
        });
    add('level', 'SLSA Build level', r.slsa ? r.slsa.reason : 'no level');
    if (r.sbom) {
        if (r.sbom.verified)
            rows.push({ check: 'Signed SBOM (required)', status: 'passed', detail: r.sbom.source });
        else
            rows.push({
                check: 'Signed SBOM (required)',
                status: 'failed',
                reason: 'SBOM_MISSING',
                detail: failure?.reason === 'SBOM_MISSING'
                    ? failure.message
                    : (r.sbom.failure?.message ?? 'no SBOM attestation verified'),
            });
    }
    else
        rows.push(statements?.sbom
            ? {
                check: 'Signed SBOM',
                status: 'passed',
                detail: `${statements.sbom.source} (not required by the policy)`,
            }
            : {
                check: 'Signed SBOM',
                status: 'not checked',
                detail: 'not required by the policy, and none verified',
            });
    if (dependencies?.length) {
        const bad = dependencies.filter((d) => !d.verified);
        rows.push(bad.length
            ? {
                check: 'Recorded dependencies',
                status: 'failed',
                reason: 'DEPENDENCY_FAILED',
                detail: bad
                    .map((d) => `${d.name ?? d.uri ?? d.sha256}: ${d.error ?? 'did not verify'}`)
                    .join('; '),
            }
            : {
                check: 'Recorded dependencies',
                status: 'passed',
                detail: `${dependencies.length} verified`,
            });
    }
    // A row per evidence that was tried and failed, with its own reason.
    if (!r.verified)
        for (const a of r.attempts)
            if (!a.verified && a.failure && a.source !== r.source)
                rows.push({
                    check: `Also tried ${a.source}`,
                    status: 'failed',
                    reason: a.failure.reason,
                    detail: a.failure.message,
                });
    for (const w of r.warnings)
        rows.push({ check: 'Warning', status: 'warning', detail: w });
    return rows;
}
function digestFields(digest) {
    return Object.entries(digest)
        .filter(([, v]) => typeof v === 'string')
        .map(([alg, hex]) => ({
        label: alg.toUpperCase().replace('SHA', 'SHA-'),
        value: `${alg}:${hex}`,
    }));
}
function tlogEntries(entries, publicGood) {
    return entries.flatMap((t) => t.logIndex === undefined
        ? []
        : [
            {
                logIndex: String(t.logIndex),
                logId: t.logId ?? '',
                kind: t.kind ?? '?',
                ...(t.integratedTime ? { integratedTime: t.integratedTime } : {}),
                ...(t.logId && publicGood.has(t.logId) && /^\d+$/.test(String(t.logIndex))
                    ? { href: `https://search.sigstore.dev/?logIndex=${t.logIndex}` }
                    : {}),
            },
        ]);
}
/** Builds the sections and the graph; one instance per report. */
class ModelBuilder {
    verifier;
    sections = [];
    bySha = new Map();
    graph = { nodes: [], edges: [] };
    nodeOf = new Map();
    nodeOfSection = new Map();
    modulesShown = new Set();
    pendingTrees = [];
    pendingChains = [];
    next = 0;
    constructor(verifier) {
        this.verifier = verifier;
    }
    newId() {
        return `a${++this.next}`;
    }
    /** A section from a verification; the SBOM tree is built once every section exists. */
    fromResult(r, extra) {
        const id = this.newId();
        const statements = extra.statements;
        const facts = provenanceFacts(statements?.provenance?.statement, r.uncheckedClaims);
        const section = {
            id,
            name: extra.name,
            ...(extra.target ? { target: extra.target } : {}),
            ...(extra.parent ? { parent: extra.parent } : {}),
            verdict: extra.verdict ?? (r.verified ? 'verified' : 'failed'),
            ...(r.failure
                ? {
                    failure: {
                        reason: r.failure.reason,
                        message: r.failure.message,
                        ...(r.failure.source ? { source: r.failure.source } : {}),
                        ...(r.failure.stage ? { stage: r.failure.stage } : {}),
                    },
                }
                : {}),
            ...(extra.size !== undefined ? { size: extra.size } : {}),
            digests: digestFields(r.digest),
            checks: checkRows(this.verifier.stages, r, statements, extra.dependencies),
            signer: r.certificate
                ? signerFields(r.certificate)
                : r.bundle?.signedWith === 'key'
                    ? [{ label: 'Signer', value: 'a public key (--key)', role: 'signer' }]
                    : [],
            ...(r.slsa ? { slsa: r.slsa } : {}),
            provenance: facts.provenance,
            builtFrom: facts.builtFrom,
            tlog: tlogEntries(r.tlogEntries, this.verifier.publicGood),
            timestamps: r.timestamps,
            evidence: [
                ...field('Provenance', statements?.provenance?.source),
                ...field('SBOM attestation', statements?.sbom?.source),
            ],
            embedded: [],
            warnings: [],
        };
        this.add(section, r.digest.sha256);
        this.addChain(section, facts.resolved);
        const sbom = statements?.sbom;
        if (sbom)
            this.pendingTrees.push(() => this.attachSbom(section, sbom.source, sbom.statement, sbom.required));
        return section;
    }
    add(section, sha256) {
        this.sections.push(section);
        if (sha256 && !this.bySha.has(sha256))
            this.bySha.set(sha256, section);
        // One box per artifact: an embedded module that is also a target of its own is drawn once
        // (two targets with the same bytes but different evidence keep a box each).
        const existing = section.parent && sha256 ? this.nodeOf.get(sha256) : undefined;
        if (existing) {
            this.nodeOfSection.set(section.id, existing);
            return;
        }
        const node = {
            id: `g-${section.id}`,
            label: shortName(section.name),
            kind: section.parent ? 'embedded' : 'artifact',
            verdict: section.verdict,
            href: `#${section.id}`,
        };
        this.graph.nodes.push(node);
        this.nodeOfSection.set(section.id, node.id);
        if (sha256)
            this.nodeOf.set(sha256, node.id);
    }
    /** The graph node of a section (shared by sections of the same artifact). */
    node(section) {
        return this.nodeOfSection.get(section.id) ?? `g-${section.id}`;
    }
    addChain(section, resolved) {
        for (const dep of resolved) {
            // A recorded artifact with its own section is linked when that section exists (later).
            if (dep.sha256) {
                this.pendingChains.push(() => {
                    const to = this.nodeOf.get(dep.sha256);
                    if (to)
                        this.edge(this.node(section), to, 'built from');
                    else
                        this.sourceNode(section, dep.label);
                });
            }
            else
                this.pendingChains.push(() => this.sourceNode(section, dep.label));
        }
    }
    sourceNode(section, label) {
        let id = this.graph.nodes.find((n) => n.kind === 'source' && n.label === label)?.id;
        if (!id) {
            id = `g-s${this.graph.nodes.length}`;
            this.graph.nodes.push({ id, label, kind: 'source' });
        }
        this.edge(this.node(section), id, 'built from');
    }
    edge(from, to, relation) {
        if (!this.graph.edges.some((e) => e.from === from && e.to === to))
            this.graph.edges.push({ from, to, relation });
    }
    attachSbom(section, source, statement, required) {
        const parts = sbomParts(statement.predicateType, statement.predicate);
        if (!parts)
            return;
        section.sbom = sbomView(parts, source, required, {
            idPrefix: section.id,
            verificationOf: (sha) => {
                const s = this.bySha.get(sha);
                return s && s !== section ? { href: `#${s.id}`, verdict: s.verdict } : undefined;
            },
        });
        // The chain: each embedded binary, and the modules inside it.
        const from = this.node(section);
        for (const part of parts.parts.values()) {
            if (!part.binary || part === parts.root)
                continue;
            let node = part.sha256 ? this.nodeOf.get(part.sha256) : undefined;
            if (!node) {
                node = `g-e${this.graph.nodes.length}`;
                this.graph.nodes.push({ id: node, label: part.name, kind: 'embedded' });
                if (part.sha256)
                    this.nodeOf.set(part.sha256, node);
            }
            this.edge(from, node, 'embeds');
            if (this.modulesShown.has(node))
                continue;
            const inside = (parts.contains.get(part.ref) ?? [])
                .map((r) => parts.parts.get(r))
                .filter((p) => p && !p.binary);
            if (inside.length === 0)
                continue;
            this.modulesShown.add(node);
            for (const m of inside.slice(0, MAX_MODULES_SHOWN)) {
                const id = `g-m${this.graph.nodes.length}`;
                this.graph.nodes.push({
                    id,
                    label: m.version ? `${m.name} ${m.version}` : m.name,
                    kind: 'module',
                });
                this.edge(node, id, 'contains');
            }
            if (inside.length > MAX_MODULES_SHOWN) {
                const id = `g-m${this.graph.nodes.length}`;
                this.graph.nodes.push({
                    id,
                    label: `${inside.length - MAX_MODULES_SHOWN} more components`,
                    kind: 'more',
                });
                this.edge(node, id, 'contains');
            }
        }
    }
    /** The dependencies of a recursive verification, depth first, each a section of its own. */
    fromDependencies(parent, deps) {
        for (const d of deps) {
            const name = d.name ?? d.uri ?? `sha256:${d.sha256.slice(0, 12)}…`;
            const how = d.via === 'embedded'
                ? 'found embedded in it'
                : d.via === 'beside'
                    ? 'found beside it'
                    : d.via === 'oci'
                        ? 'pulled from OCI'
                        : 'not found';
            const relation = d.recordedIn.includes('sbom') ? 'Embedded in' : 'Recorded as built from';
            let section;
            if (d.result) {
                section = this.fromResult(d.result, {
                    name,
                    ...(d.artifact ? { target: d.artifact } : {}),
                    ...(d.size !== undefined ? { size: d.size } : {}),
                    ...(d.statements ? { statements: d.statements } : {}),
                    dependencies: d.dependencies,
                    parent: { id: parent.id, name: parent.name, relation },
                    verdict: d.verified && d.dependencies.every((x) => x.verified) ? 'verified' : 'failed',
                });
            }
            else {
                section = {
                    id: this.newId(),
                    name,
                    parent: { id: parent.id, name: parent.name, relation },
                    verdict: 'failed',
                    failure: {
                        reason: 'DEPENDENCY_FAILED',
                        message: d.error ?? 'the recorded dependency did not verify',
                    },
                    digests: [{ label: 'SHA-256', value: `sha256:${d.sha256}` }],
                    checks: [
                        {
                            check: 'Found and verified',
                            status: 'failed',
                            reason: 'DEPENDENCY_FAILED',
                            detail: d.error ?? 'did not verify',
                        },
                    ],
                    signer: [],
                    provenance: [],
                    builtFrom: [],
                    tlog: [],
                    timestamps: [],
                    evidence: [],
                    embedded: [],
                    warnings: [],
                };
                this.add(section, d.sha256);
            }
            this.edge(this.node(parent), this.node(section), d.recordedIn.includes('sbom') ? 'embeds' : 'built from');
            const embedded = {
                name,
                sha256: d.sha256,
                verdict: section.verdict,
                detail: `recorded in ${d.recordedIn.join(' and ')}; ${how}${d.error ? `: ${d.error}` : ''}`,
                href: `#${section.id}`,
            };
            parent.embedded.push(embedded);
            this.fromDependencies(section, d.dependencies);
        }
    }
    /** Trees and chain edges need every section's id: built last. */
    finish() {
        // Trees first: they add the embedded binaries a recorded dependency may point at.
        for (const build of [...this.pendingTrees, ...this.pendingChains])
            build();
        this.pendingTrees = [];
        this.pendingChains = [];
        return this.graph;
    }
}
function policyFields(policy) {
    if (!policy)
        return [];
    const names = [
        ['repo', 'Repository'],
        ['owner', 'Owner'],
        ['signerWorkflow', 'Signer workflow'],
        ['signerRepo', 'Signer repository'],
        ['signerDigest', 'Signer digest'],
        ['sourceRef', 'Source ref'],
        ['sourceDigest', 'Source commit'],
        ['predicateType', 'Predicate type'],
        ['certificateIdentity', 'Certificate identity'],
        ['certificateIdentityRegexp', 'Certificate identity (regexp)'],
        ['certificateOidcIssuer', 'OIDC issuer'],
        ['certificateOidcIssuerRegexp', 'OIDC issuer (regexp)'],
        ['minSlsaLevel', 'Minimum SLSA Build level'],
        ['denySelfHostedRunners', 'Deny self-hosted runners'],
        ['requireSbom', 'Require a signed SBOM'],
    ];
    return names.flatMap(([k, label]) => policy[k] === undefined ? [] : [{ label, value: String(policy[k]) }]);
}
function model(builder, options) {
    const graph = builder.finish();
    return {
        title: options.title,
        generatedAt: (options.now ?? new Date()).toISOString(),
        generator: options.generator ?? 'build-artifact',
        verdict: options.verdict,
        policy: policyFields(options.policy),
        artifacts: builder.sections,
        graph,
        notes: options.notes ?? [],
    };
}
/**
 * The report model of verification results (from `verifyTargets` with `keepStatements`):
 * failed targets first, each followed by what it embeds; every check with its reason.
 */
async function report_verifiedReport(results, options = {}) {
    const builder = new ModelBuilder(await loadVerifierFacts());
    const ordered = [...results.filter((r) => !r.verified), ...results.filter((r) => r.verified)];
    for (const r of ordered) {
        const known = options.targets?.[r.target];
        const name = known?.name ?? r.target;
        const section = builder.fromResult(r, {
            name,
            ...(name !== r.target ? { target: r.target } : {}),
            ...(r.size !== undefined ? { size: r.size } : {}),
            ...(r.statements ? { statements: r.statements } : {}),
            ...(r.dependencies ? { dependencies: r.dependencies } : {}),
        });
        if (known?.references?.length)
            section.references = [...known.references];
        builder.fromDependencies(section, r.dependencies ?? []);
    }
    const failed = results.some((r) => !r.verified);
    return model(builder, {
        ...options,
        title: options.title ??
            (results.length === 1
                ? `Verification of ${results[0].target}`
                : `Verification of ${results.length} artifacts`),
        verdict: failed ? 'failed' : 'verified',
    });
}
/**
 * Verifies the targets (as `verifyTargets`, keeping the verified statements) and builds the
 * report model of the outcome. Bad requests and unreadable input throw, as for verify.
 */
async function reportTargets(request, context, options = {}) {
    const outcome = await verify_verifyTargets({ ...request, keepStatements: true }, context);
    const m = await report_verifiedReport(outcome.results, { ...options, policy: request.policy });
    return { ...outcome, model: m };
}
/**
 * A result as `attest verify --format json` shows it: the statements a report kept are in the
 * bundles already (and an SBOM can be megabytes), at every level of dependencies.
 */
function report_withoutStatements(result) {
    const { statements: _s, ...rest } = result;
    return {
        ...rest,
        ...(result.dependencies ? { dependencies: result.dependencies.map(report_withoutStatements) } : {}),
    };
}
/**
 * A report of what was signed (the attest and push job summaries), read from the bundles
 * without verifying them: the certificate's fields and the SLSA level they support, the log
 * entries, the SBOM. Its verdict is `signed`, never `verified`: `attest verify` checks it.
 */
async function signedReport(input, options = {}) {
    const v = await Promise.all(/* import() */[__webpack_require__.e(476), __webpack_require__.e(815), __webpack_require__.e(74), __webpack_require__.e(242), __webpack_require__.e(648)]).then(__webpack_require__.bind(__webpack_require__, 64648));
    const facts = await loadVerifierFacts();
    const builder = new ModelBuilder(facts);
    const described = input.evidence.map((e) => ({ e, d: (0,dist.describeBundle)(e.json) }));
    for (const a of input.artifacts) {
        const sha256 = a.digest.sha256?.toLowerCase();
        const naming = described.filter(({ d }) => sha256 && (0,dist.namesDigest)(d, `sha256:${sha256}`));
        const provenance = naming.find(({ d }) => d.predicateType === dist.PredicateType.SLSA_PROVENANCE_V1);
        const sbom = naming.find(({ d }) => (0,dist.isSbomPredicateType)(d.predicateType));
        const inspected = provenance ? v.inspectEvidence(provenance.e) : undefined;
        const id = inspected?.certificate;
        const statements = {
            ...(provenance?.d.statement
                ? { provenance: { source: provenance.e.source, statement: provenance.d.statement } }
                : {}),
            ...(sbom?.d.statement
                ? { sbom: { source: sbom.e.source, statement: sbom.d.statement, required: false } }
                : {}),
        };
        const slsa = provenance
            ? v.slsaLevel(inspected?.signedWith === 'key' ? 'key' : 'certificate', true, id)
            : undefined;
        const result = {
            artifact: a.name,
            digest: a.digest,
            verified: false,
            timestamps: [],
            tlogEntries: [],
            crossChecks: [],
            crossChecksEnforced: false,
            uncheckedClaims: [],
            attempts: [],
            warnings: [],
            ...(id ? { certificate: id } : {}),
            ...(inspected?.signedWith
                ? { bundle: { mediaType: '', content: 'dsseEnvelope', signedWith: inspected.signedWith } }
                : {}),
            ...(slsa
                ? {
                    slsa: {
                        level: slsa.level,
                        reason: `${slsa.reason} (as the signing certificate states)`,
                    },
                }
                : {}),
        };
        const section = builder.fromResult(result, {
            name: a.name,
            ...(a.size !== undefined ? { size: a.size } : {}),
            statements,
            verdict: 'signed',
        });
        section.checks = [];
        section.tlog = tlogEntries((inspected?.tlogEntries ?? []).map((t) => ({
            ...(t.logIndex !== undefined ? { logIndex: String(t.logIndex) } : {}),
            ...(t.logId ? { logId: t.logId } : {}),
            ...(t.kind ? { kind: t.kind } : {}),
            ...(t.integratedTime ? { integratedTime: t.integratedTime } : {}),
        })), facts.publicGood);
        if (a.references?.length)
            section.references = [...a.references];
    }
    return model(builder, { ...options, title: input.title, verdict: 'signed' });
}
//# sourceMappingURL=report.js.map
;// CONCATENATED MODULE: ./packages/pipeline/dist/vsa.js
// Writing verification summaries (SLSA VSA v1.1): after `verifyTargets`, one in-toto statement
// per artifact that verified, naming the artifact, the policy it met (uri and canonical digest),
// the bundles the verdict rests on, and the levels reached; signed into bundles on request, and
// attached to the OCI manifests they name.



const vsa_invalid = (message) => {
    throw new errors/* PipelineError */.z({ code: 'INVALID_REQUEST', message });
};
/**
 * The verifier's identity from a GitHub-like token: the workflow that runs the job (a reusable
 * workflow's own path, as Fulcio names a GitHub Actions certificate), or an email identity.
 */
function identityFromClaims(claims, env) {
    if (typeof claims.job_workflow_ref === 'string')
        return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${claims.job_workflow_ref}`;
    if (typeof claims.email === 'string')
        return `mailto:${claims.email}`;
    return undefined;
}
async function verifierOf(request, signer, context) {
    const env = context.env;
    let derived;
    if (signer?.claims)
        derived = identityFromClaims(signer.claims, env);
    else if (request.verifierId === undefined &&
        env.GITHUB_ACTIONS === 'true' &&
        env.ACTIONS_ID_TOKEN_REQUEST_URL) {
        // Unsigned, in a job that may ask for a token: the token says which workflow runs the job.
        try {
            const sign = await Promise.all(/* import() */[__webpack_require__.e(476), __webpack_require__.e(74), __webpack_require__.e(335), __webpack_require__.e(179), __webpack_require__.e(95)]).then(__webpack_require__.bind(__webpack_require__, 94476));
            derived = identityFromClaims(decodeClaims(await sign.actionsTokenProvider(env)()), env);
        }
        catch {
            // No token after all: the workflow reference below.
        }
    }
    if (request.verifierId !== undefined) {
        // A keyless summary names the identity that signs it, or no consumer could accept it.
        if (derived !== undefined && signer?.claims && derived !== request.verifierId)
            vsa_invalid(`the verifier id ${request.verifierId} is not the signing identity ${derived}: a consumer checks that they are the same`);
        return request.verifierId;
    }
    if (derived !== undefined)
        return derived;
    if (env.GITHUB_ACTIONS === 'true' && env.GITHUB_WORKFLOW_REF)
        return `${env.GITHUB_SERVER_URL || 'https://github.com'}/${env.GITHUB_WORKFLOW_REF}`;
    return vsa_invalid('say who the verifier is: --verifier-id URI (keyless signing and GitHub Actions name it themselves)');
}
/** Every attestation the verdict rests on, the dependencies' included, each once. */
function inputsOf(result) {
    const out = [];
    const add = (refs) => {
        for (const ref of refs ?? [])
            if (!out.some((o) => o.digest.sha256 === ref.digest.sha256))
                out.push(ref);
    };
    add(result.inputAttestations);
    const todo = [...(result.dependencies ?? [])];
    while (todo.length > 0) {
        const d = todo.shift();
        add(d.result?.inputAttestations);
        todo.push(...d.dependencies);
    }
    return out;
}
/** The transitive dependencies that verified, each once (by digest). */
function dependencyResults(deps) {
    const seen = new Map();
    const todo = [...deps];
    while (todo.length > 0) {
        const d = todo.shift();
        if (d.verified && d.result && !seen.has(d.sha256))
            seen.set(d.sha256, d.result);
        todo.push(...d.dependencies);
    }
    return [...seen.values()];
}
/**
 * The VSA statement for one verified target: subject = the artifact (its file's name and digests,
 * and from OCI its manifest digests), predicate = exactly the SLSA v1.1 VSA fields.
 */
async function summaryStatement(result, fields) {
    const core = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 23135));
    const v = await Promise.all(/* import() */[__webpack_require__.e(476), __webpack_require__.e(815), __webpack_require__.e(74), __webpack_require__.e(242), __webpack_require__.e(648)]).then(__webpack_require__.bind(__webpack_require__, 64648));
    if (!result.verified || !result.subjects)
        throw new errors/* PipelineError */.z({
            code: 'INVALID_REQUEST',
            message: `${result.target}: only an artifact that verified gets a summary`,
        });
    if (result.resourceUri === undefined)
        vsa_invalid(`${result.target}: say which resource the summary is about (--vsa-resource-uri URI, e.g. a pkg: URL)`);
    const dependencyLevels = result.dependencies !== undefined
        ? v.dependencyLevelsOf(dependencyResults(result.dependencies))
        : result.summary?.dependencyLevels;
    const predicate = {
        verifier: { id: fields.verifier, version: { [v.TOOL_NAME]: v.VERSION } },
        timeVerified: fields.timeVerified,
        resourceUri: result.resourceUri,
        policy: { uri: result.policy.uri, digest: { sha256: result.policy.digest.sha256 } },
        inputAttestations: inputsOf(result).map((a) => ({ uri: a.uri, digest: { ...a.digest } })),
        verificationResult: 'PASSED',
        verifiedLevels: v.verifiedLevelsOf(result),
        ...(dependencyLevels !== undefined ? { dependencyLevels } : {}),
        slsaVersion: v.VSA_SLSA_VERSION,
    };
    // What we write must be what we accept.
    const read = v.readSummary(predicate);
    if (!read.ok)
        throw new Error(`internal: the summary written is invalid: ${read.problem}`);
    return core.buildStatement(result.subjects, core.PredicateType.VERIFICATION_SUMMARY_V1, predicate);
}
/**
 * Readies the writing of summaries before anything is verified: the signer (a keyless token is
 * fetched once) and the verifier's identity, so that a request that cannot be carried out fails
 * before the work.
 */
async function vsa_summaryWriter(request, context) {
    const signer = request.signing ? await resolveSigner(request.signing, context) : undefined;
    if (request.githubAttestations && !signer)
        vsa_invalid('storing summaries in the GitHub attestations API needs them signed');
    const verifier = await verifierOf(request, signer, context);
    return {
        verifier,
        async write(outcome) {
            const core = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 23135));
            const summaries = [];
            for (const result of outcome.results) {
                if (!result.verified)
                    continue;
                const statement = await summaryStatement(result, {
                    verifier,
                    timeVerified: outcome.verifiedAt,
                });
                const written = {
                    target: result.target,
                    resourceUri: statement.predicate.resourceUri,
                    statement,
                };
                if (signer) {
                    context.onProgress?.({
                        step: 'sign',
                        message: `signing the verification summary of ${result.target} with ${signer.describe}`,
                    });
                    const signed = await signPayload(signer, Buffer.from(JSON.stringify(statement)), request.githubAttestations, context);
                    written.bundle = signed.bundle;
                    if (signed.attestationId !== undefined)
                        written.attestationId = signed.attestationId;
                }
                summaries.push(written);
            }
            let file;
            if (request.out !== undefined) {
                file = (0,external_node_path_.resolve)(context.cwd, request.out);
                const lines = summaries.map((s) => `${JSON.stringify(s.bundle ?? s.statement)}\n`);
                await core.writeFileAtomic(file, lines.join(''));
            }
            return {
                verifier,
                summaries,
                ...(file !== undefined ? { file } : {}),
                ...(signer ? { signedWith: signer.describe } : {}),
            };
        },
    };
}
/**
 * Attaches each signed summary of an OCI artifact to the manifest its `resourceUri` names (the
 * manifest that was verified), as a referrer: where `attest verify oci://...` and gh find it.
 */
async function vsa_attachSummaries(written, context) {
    const { attachToManifest } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 50148));
    const referrers = [];
    for (const s of written.summaries) {
        if (!s.bundle)
            vsa_invalid(`${s.target}: only a signed summary can be attached (sign it)`);
        if (!s.resourceUri.startsWith('oci://') && !s.resourceUri.startsWith('oci-layout:'))
            continue;
        const attached = await attachToManifest({
            reference: s.resourceUri,
            attachments: [
                {
                    kind: 'bundle',
                    source: `verification summary of ${s.target}`,
                    bytes: JSON.stringify(s.bundle),
                    json: s.bundle,
                },
            ],
        }, context);
        referrers.push(...attached);
    }
    return referrers;
}
//# sourceMappingURL=vsa.js.map
;// CONCATENATED MODULE: ./packages/pipeline/dist/demo/summaries.js
// The demo's last step, verify once and prove it everywhere: every published artifact is
// verified against the demo's policy file, gets a signed verification summary (SLSA VSA)
// attached to its manifest, and is then verified again through that summary alone, from OCI and
// from the file.




/** The demo's policy, as a file: the rules of its checks, and the local Sigstore's trust. */
function policyText(repo, signerRepo) {
    return [
        '# The policy attest demo verifies its artifacts against before it signs their summaries.',
        'name: build-artifact-demo',
        `repo: ${repo}`,
        `signer-repo: ${signerRepo}`,
        'slsa-level: 3',
        'require-sbom: true',
        'recursive: true',
        '# Relative to this file: the local Sigstore the demo signs with.',
        'trusted-root: trusted_root.json',
        '',
    ].join('\n');
}
/**
 * Verifies the published artifacts against the demo's policy, writes and attaches a signed VSA
 * for each (signed by `signing`'s context: the local Sigstore), and verifies each again through
 * its VSA alone. `artifacts` are `{ name, path, oci }` of what was published.
 */
async function summaries_demoSummaries(artifacts, identity, out, signing, context) {
    const policyFile = join(out, 'policy.yml');
    await writeFile(policyFile, policyText(identity.repo, identity.signerRepo));
    const file = join(out, 'verification-summaries.jsonl');
    const writer = await summaryWriter({
        out: file,
        signing: {
            fulcioURL: signing.sigstore.fulcioURL,
            rekorURL: signing.sigstore.rekorURL,
            tsaURL: signing.sigstore.tsaURL,
        },
    }, signing);
    const targets = artifacts.map((a) => a.oci);
    const outcome = await verifyTargets({ targets, policy: {}, policyFile }, context);
    const written = await writer.write(outcome);
    const referrers = await attachSummaries(written, context);
    const summaries = [];
    for (const [i, a] of artifacts.entries()) {
        const checked = outcome.results[i];
        const s = written.summaries.find((w) => w.target === a.oci);
        if (!s) {
            summaries.push({
                artifact: a.name,
                resourceUri: checked.resourceUri ?? a.oci,
                verifier: written.verifier,
                policy: outcome.policy,
                verifiedLevels: [],
                verified: false,
                summary: `no summary: ${checked.failure?.reason}: ${checked.failure?.message}`,
                command: [],
            });
            continue;
        }
        const accept = { verifier: written.verifier, maxAge: '1h' };
        // Through the summary alone: from OCI (attached as a referrer), and from the file with the
        // summaries file as its only evidence (the summary names the manifest it was pulled from).
        const fromOci = await verifyTargets({ targets: [a.oci], policy: {}, policyFile, summaries: accept }, context);
        const fromFile = await verifyTargets({
            targets: [a.path],
            bundles: [file],
            policy: {},
            policyFile,
            summaries: accept,
            resourceUri: s.resourceUri,
        }, context);
        const results = [fromOci.results[0], fromFile.results[0]];
        const failed = results.find((r) => !r.verified);
        const p = s.statement.predicate;
        summaries.push({
            artifact: a.name,
            resourceUri: s.resourceUri,
            verifier: written.verifier,
            policy: outcome.policy,
            verifiedLevels: p.verifiedLevels,
            ...(p.dependencyLevels !== undefined ? { dependencyLevels: p.dependencyLevels } : {}),
            ...(referrers.find((r) => r.source.endsWith(a.oci))
                ? { referrer: referrers.find((r) => r.source.endsWith(a.oci)).digest }
                : {}),
            verified: failed === undefined,
            summary: failed
                ? `${failed.failure?.reason}: ${failed.failure?.message}`
                : `${p.verificationResult} ${p.verifiedLevels.join(', ')}; verified through the summary alone, from OCI and from the file`,
            command: [
                'verify',
                a.oci,
                '--policy',
                policyFile,
                '--vsa-verifier',
                written.verifier,
                '--vsa-max-age',
                '1h',
            ],
        });
    }
    return { policyFile, file, summaries };
}
//# sourceMappingURL=summaries.js.map
;// CONCATENATED MODULE: ./packages/pipeline/dist/demo/demo.js
// `attest demo`: the whole pipeline on the examples, with no network and no configuration:
// build what the machine can, then the three flows every edge uses (attest, publish, verify),
// signing with the local Sigstore whose tokens carry the reusable workflow's L3 identity.











const STAGES = (/* unused pure expression or super */ null && (['build', 'attest', 'publish', 'verify']));
/** The identity the demo's tokens carry: a caller repository and the reusable workflow. */
const DEMO_REPOSITORY = 'example/build-artifact-demo';
const DEMO_SIGNER_REPOSITORY = 'build-artifact/build-artifact';
const DEMO_SIGNER_WORKFLOW = (/* unused pure expression or super */ null && (`${DEMO_SIGNER_REPOSITORY}/.github/workflows/build-artifact.yml`));
/**
 * The claims of the demo's tokens at a commit: the caller repository's release workflow running
 * the reusable workflow at a tag, as a GitHub Actions token says it (a SLSA Build L3 identity).
 */
function demoClaims(sha) {
    return {
        sub: `repo:${DEMO_REPOSITORY}:ref:refs/heads/main`,
        repository: DEMO_REPOSITORY,
        repository_owner: DEMO_REPOSITORY.split('/')[0],
        sha,
        workflow_sha: sha,
        ref: 'refs/heads/main',
        workflow: 'release',
        workflow_ref: `${DEMO_REPOSITORY}/.github/workflows/release.yml@refs/heads/main`,
        job_workflow_ref: `${DEMO_SIGNER_WORKFLOW}@refs/tags/v1.0.0`,
    };
}
/** What `policyFlags` say, as the policy the verify flow takes. */
const DEMO_POLICY = {
    repo: DEMO_REPOSITORY,
    signerRepo: DEMO_SIGNER_REPOSITORY,
    minSlsaLevel: 3,
    requireSbom: true,
};
async function timed(timings, stage, artifact, fn) {
    const t0 = performance.now();
    try {
        return await fn();
    }
    catch (err) {
        if (err instanceof PipelineError && err.stage)
            throw err;
        throw new PipelineError({
            code: 'STAGE_FAILED',
            stage,
            artifact,
            exitCode: 1,
            message: `stage "${stage}" failed for ${artifact}: ${isBaseError(err) || err instanceof Error ? err.message : String(err)}`,
            cause: err,
        });
    }
    finally {
        timings[stage] = (timings[stage] ?? 0) + (performance.now() - t0);
    }
}
/** One line for a verdict: the failure, the level, the SBOM, the dependencies. */
function summarize(r) {
    const parts = [];
    if (r.failure)
        parts.push(`${r.failure.reason}: ${r.failure.message}`);
    if (r.slsa?.level)
        parts.push(`SLSA Build L${r.slsa.level}`);
    if (r.sbom?.verified)
        parts.push('signed SBOM');
    for (const d of r.dependencies ?? [])
        parts.push(d.verified
            ? `embedded ${d.name ?? 'module'} verified (${d.via})`
            : `embedded ${d.name ?? 'module'} FAILED: ${d.error ?? 'see dependencies'}`);
    return parts.join('; ');
}
/** Runs the pipeline; a stage that fails is a PipelineError naming the stage and artifact. */
async function runDemo(options, context) {
    const started = performance.now();
    const log = options.log ?? (() => { });
    const examples = resolve(context.cwd, options.examples);
    if (!existsSync(examples))
        throw new PipelineError({
            code: 'EXAMPLES_NOT_FOUND',
            message: `no examples directory at ${options.examples}: give the repository's examples/ (https://github.com/build-artifact/build-artifact/tree/main/examples)`,
        });
    const wanted = options.out ? resolve(context.cwd, options.out) : undefined;
    let out;
    try {
        out = wanted ?? (await mkdtemp(join(tmpdir(), 'attest-demo-')));
        await mkdir(out, { recursive: true });
    }
    catch (err) {
        // A path that cannot be a folder is bad input: exit 2 naming it, not an internal error.
        throw fileError(wanted ?? tmpdir(), err);
    }
    const want = (id) => !options.only || options.only.includes(id);
    const { startDevSigstore } = await Promise.all(/* import() */[__webpack_require__.e(476), __webpack_require__.e(824), __webpack_require__.e(313)]).then(__webpack_require__.bind(__webpack_require__, 91313));
    const ctx = { examples, out, env: context.env, log: (l) => log(`  ${l}`) };
    const skipped = [];
    const artifacts = [];
    // The local Sigstore, in-process; its tokens look like GitHub's (issuer included) and name
    // the reusable workflow as the signing job's workflow: a SLSA Build L3 identity.
    const sha = (await gitHead(examples)) ?? 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
    log('starting the local Sigstore (Fulcio, Rekor, timestamp authority, GitHub-like OIDC issuer)');
    const dev = await startDevSigstore({ issuer: GITHUB_ACTIONS_ISSUER, claims: demoClaims(sha) });
    try {
        const trustedRoot = join(out, 'trusted_root.json');
        await dev.writeTrustedRoot(trustedRoot);
        // The flows run as they would in a workflow job: the token service in the environment.
        const flow = { ...context, env: { ...context.env, ...dev.env() } };
        const ociTarget = options.registry
            ? `oci://${options.registry}/build-artifact-demo`
            : `oci-layout:${join(out, 'oci')}`;
        const destination = (id) => options.registry ? `${ociTarget}/${id}:demo` : `${ociTarget}:${id}`;
        /** Attest and publish one built artifact: the two flows, as every edge calls them. */
        const ship = async (id, path, timings, sbomInputs, resolvedDependencies, target = {}) => {
            const name = basename(path);
            const publishTo = { reference: destination(id), ...target };
            log(`${name}: SBOM, provenance and signatures`);
            const attested = await timed(timings, 'attest', name, () => attest({
                artifacts: { paths: [path] },
                sbom: { inputs: sbomInputs },
                provenance: {
                    builder: 'github',
                    issuer: dev.oidc.issuer,
                    jwksUrl: dev.oidc.jwksURL,
                    resolvedDependencies,
                },
                signing: { fulcioURL: dev.fulcioURL, rekorURL: dev.rekorURL, tsaURL: dev.tsaURL },
                publishTo,
                sidecars: {},
            }, flow));
            log(`${name}: pushing to ${ociTarget}`);
            const a = attested.artifacts[0];
            const published = await timed(timings, 'publish', name, () => publishAttested(attested, flow));
            Object.assign(timings, attested.timings, published.timings);
            return {
                id,
                name,
                path,
                sha256: a.digest.sha256,
                size: (await stat(path)).size,
                sbomPath: a.files.CYCLONEDX,
                components: a.sbom.componentCount,
                ecosystems: a.sbom.ecosystems,
                provenanceBundle: a.files.PROVENANCE,
                sbomBundle: a.files.SBOM_BUNDLE,
                oci: published.reference,
                resolvedDependencies,
                timings,
            };
        };
        // 1. The NATS server for wasip1.
        let wasm;
        if (want('nats') || want('cli')) {
            const go = await natsPrerequisites(ctx);
            if (typeof go === 'string')
                skipped.push({ artifact: 'nats-server.wasm', reason: go });
            else {
                const timings = {};
                log(`nats-server.wasm: building with ${go.version} (examples/nats-wasip1/build.sh)`);
                const path = await timed(timings, 'build', 'nats-server.wasm', () => buildNats(ctx, go));
                wasm = await ship('nats-server', path, timings, [], []);
                artifacts.push(wasm);
            }
        }
        // 2. The Rust CLI embedding it.
        if (want('cli')) {
            const cargo = await findCargo(context.env);
            const cliDir = join(examples, 'embedding-cli');
            if (!wasm)
                skipped.push({
                    artifact: 'embedding-cli',
                    reason: 'it embeds nats-server.wasm, which was not built',
                });
            else if (!existsSync(join(cliDir, 'Cargo.toml')))
                skipped.push({ artifact: 'embedding-cli', reason: `${cliDir}/Cargo.toml not found` });
            else if (!cargo)
                skipped.push({
                    artifact: 'embedding-cli',
                    reason: 'no cargo on PATH or in ~/.cargo/bin (install Rust with rustup)',
                });
            else {
                const timings = {};
                log(`embedding-cli: building with ${cargo.version} (cargo build --release --offline)`);
                const module = wasm;
                const path = await timed(timings, 'build', 'embedding-cli', () => buildCli(ctx, cargo, module.path));
                // The module it embeds, by digest and by where it was published: what
                // `attest verify --recursive` follows.
                const dependency = {
                    name: module.name,
                    uri: module.oci,
                    digest: { sha256: module.sha256 },
                    mediaType: 'application/wasm',
                };
                const oci = await __webpack_require__.e(/* import() */ 688).then(__webpack_require__.bind(__webpack_require__, 27688));
                const detected = await oci.detectPlatform(path).catch(() => undefined);
                artifacts.push(await ship('embedding-cli', path, timings, [], [dependency], {
                    artifactType: 'application/vnd.build-artifact.executable',
                    ...(detected
                        ? { annotations: { 'build-artifact.platform': oci.formatPlatform(detected) } }
                        : {}),
                }));
            }
        }
        // 3. The Node and Python apps, packaged with their lockfiles.
        for (const app of ['node-app', 'python-app']) {
            if (!want(app))
                continue;
            const missing = appPrerequisite(ctx, app);
            if (missing) {
                skipped.push({ artifact: `${app}.tgz`, reason: missing });
                continue;
            }
            const timings = {};
            log(`${app}.tgz: packaging examples/${app}`);
            const path = await timed(timings, 'build', `${app}.tgz`, () => packageApp(ctx, app));
            artifacts.push(await ship(app, path, timings, [join(examples, app)], [], {
                artifactType: 'application/vnd.build-artifact.package',
            }));
        }
        if (artifacts.length === 0)
            throw new PipelineError({
                code: 'NOTHING_BUILT',
                exitCode: 1,
                message: `nothing could be built: ${skipped.map((s) => `${s.artifact}: ${s.reason}`).join('; ')}`,
            });
        // 4. Verify everything back with the verify flow: from the files, then from OCI.
        const policyFlags = [
            '--trusted-root',
            trustedRoot,
            '--repo',
            DEMO_REPOSITORY,
            '--signer-repo',
            DEMO_SIGNER_REPOSITORY,
            '--slsa-level',
            '3',
            '--require-sbom',
        ];
        const checks = [];
        const reported = [];
        for (const a of artifacts) {
            const recursive = a.resolvedDependencies.length > 0;
            for (const [from, target] of [
                ['file', a.path],
                ['oci', a.oci],
            ]) {
                log(`${a.name}: verifying from ${from === 'file' ? 'the files' : 'OCI'}`);
                const outcome = await timed(a.timings, 'verify', a.name, () => verifyTargets({
                    targets: [target],
                    policy: DEMO_POLICY,
                    trust: { trustedRoot },
                    recursive,
                    // The report shows what the verified statements say.
                    keepStatements: from === 'file',
                }, context));
                const result = withoutStatements(outcome.results[0]);
                if (from === 'file')
                    reported.push(outcome.results[0]);
                let verified = result.verified;
                let summary = summarize(result);
                if (verified && from === 'file') {
                    // The SBOM kept on disk must be the one that was signed.
                    const signed = await signedSbom(a.sbomBundle);
                    const kept = JSON.parse(await readFile(a.sbomPath, 'utf8'));
                    if (JSON.stringify(signed) !== JSON.stringify(kept)) {
                        verified = false;
                        summary = `${a.sbomPath} differs from the SBOM its attestation signs`;
                    }
                    else
                        summary += '; SBOM file = signed SBOM';
                }
                checks.push({
                    artifact: a.name,
                    from,
                    command: ['verify', target, ...(recursive ? ['--recursive'] : []), ...policyFlags],
                    verified,
                    summary,
                    result,
                });
            }
        }
        // 5. Verify once, prove it everywhere: a signed summary per artifact, then checks through it.
        log('verification summaries: verifying against policy.yml, signing, attaching, re-checking');
        const summaries = await demoSummaries(artifacts.map((a) => ({ name: a.name, path: a.path, oci: a.oci })), { repo: DEMO_REPOSITORY, signerRepo: DEMO_SIGNER_REPOSITORY }, out, { ...flow, sigstore: dev }, context);
        const report = await writeDemoReport(out, reported, artifacts, checks, summaries);
        return {
            out,
            ociTarget,
            trustedRoot,
            artifacts,
            skipped,
            checks,
            summaries,
            verified: checks.every((c) => c.verified) && summaries.summaries.every((s) => s.verified),
            report,
            policyFlags,
            totalMs: performance.now() - started,
        };
    }
    finally {
        await dev.close();
    }
}
/** `report.html`: the verification from the files, with where each artifact was pushed. */
async function writeDemoReport(out, results, artifacts, checks, summaries) {
    const { renderHtml } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 67360));
    const model = await verifiedReport(results, {
        title: 'attest demo',
        generator: 'attest demo',
        policy: DEMO_POLICY,
        targets: Object.fromEntries(artifacts.map((a) => [a.path, { name: a.name, ...(a.oci ? { references: [a.oci] } : {}) }])),
        notes: [
            ...checks
                .filter((c) => c.from === 'oci')
                .map((c) => `Verified again from OCI: ${c.artifact}: ${c.verified ? 'verified' : 'FAILED'}`),
            // The signed verification summaries (SLSA VSA) written for the same artifacts.
            ...summaries.summaries.map((x) => `Verification summary of ${x.artifact}: ${x.verifiedLevels.join(', ')} against policy ${x.policy.name} (sha256:${x.policy.digest.sha256}), signed by ${x.verifier}, for ${x.resourceUri}; verified through it alone: ${x.verified ? 'yes' : 'FAILED'}`),
        ],
    });
    const path = join(out, 'report.html');
    await writeFileAtomic(path, renderHtml(model));
    return path;
}
async function signedSbom(bundlePath) {
    const { describeBundle } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 23135));
    return describeBundle(JSON.parse(await readFile(bundlePath, 'utf8'))).statement?.predicate;
}
//# sourceMappingURL=demo.js.map
;// CONCATENATED MODULE: ./packages/pipeline/dist/fetch.js
// Reading what is published: an artifact with its attestations pulled to a folder (`attest
// pull`), and the tree of referrers attached to it (`attest discover`).



/** An `oci://` or `oci-layout:` reference, parsed; anything else is a request error. */
async function openReference(reference, context, credentials) {
    if (!reference.startsWith('oci://') && !reference.startsWith('oci-layout:'))
        throw new PipelineError({
            code: 'INVALID_REQUEST',
            message: `the reference must be oci://REGISTRY/REPOSITORY[:TAG] or oci-layout:DIR[:TAG], not "${reference}"`,
        });
    const oci = await __webpack_require__.e(/* import() */ 688).then(__webpack_require__.bind(__webpack_require__, 27688));
    const ref = oci.parseReference(reference);
    const target = oci.openTarget(ref, ociOptions(context, credentials));
    const { tag: _tag, ...base } = ref;
    return {
        oci,
        target,
        /** What the reference points at in its target: a digest, a tag, or `latest`. */
        at: ref.digest ?? ref.tag ?? 'latest',
        /** The reference to a manifest of the same repository by digest. */
        byDigest: (digest) => oci.formatReference({ ...base, digest }),
    };
}
/** Pulls an artifact and, unless asked not to, its attestations: every digest checked. */
async function pullArtifact(request, context) {
    const { oci, target, at, byDigest } = await openReference(request.reference, context, request.credentials);
    const output = resolve(context.cwd, request.output);
    const result = await oci.pull(target, at, output, {
        referrers: request.referrers !== false,
        ...(context.onProgress ? { onProgress: context.onProgress } : {}),
    });
    return {
        reference: byDigest(result.descriptor.digest),
        output,
        files: result.files,
        skipped: result.skipped,
    };
}
/**
 * The referrers attached to a manifest (and to each manifest of an index), with theirs, down to
 * `depth` levels; each digest listed once, so a cycle of referrers ends.
 */
async function discoverReferrers(request, context) {
    const depth = request.depth ?? 3;
    if (!Number.isSafeInteger(depth) || depth < 1)
        throw new PipelineError({
            code: 'INVALID_REQUEST',
            message: `the depth must be a positive integer, not ${depth}`,
        });
    const { oci, target, at, byDigest } = await openReference(request.reference, context, request.credentials);
    const node = (d) => ({
        digest: d.digest,
        mediaType: d.mediaType,
        size: d.size,
        ...(d.artifactType ? { artifactType: d.artifactType } : {}),
        ...(d.platform ? { platform: oci.formatPlatform(d.platform) } : {}),
        ...(d.annotations ? { annotations: d.annotations } : {}),
    });
    const seen = new Set();
    const referrersOf = async (t, digest, left) => {
        if (left <= 0)
            return [];
        const out = [];
        for (const d of await oci.listReferrers(t, digest)) {
            if (seen.has(d.digest))
                continue;
            seen.add(d.digest);
            out.push({ ...node(d), referrers: await referrersOf(t, d.digest, left - 1) });
        }
        return out;
    };
    const top = await oci.readManifest(target, at);
    seen.add(top.descriptor.digest);
    const root = {
        ...node(top.descriptor),
        referrers: await referrersOf(target, top.descriptor.digest, depth),
    };
    if (oci.isIndex(top.manifest)) {
        root.manifests = [];
        for (const child of top.manifest.manifests) {
            seen.add(child.digest);
            root.manifests.push({
                ...node(child),
                referrers: await referrersOf(target, child.digest, depth),
            });
        }
    }
    return { reference: byDigest(top.descriptor.digest), root };
}
//# sourceMappingURL=fetch.js.map
;// CONCATENATED MODULE: ./packages/pipeline/dist/publish-files.js
// Publishing files that were attested earlier (another job, another machine): what `attest push`
// and the push action both do, so the same files and sidecars give the same manifests.




const publish_files_invalid = (message) => new errors/* PipelineError */.z({ code: 'INVALID_REQUEST', message });
/**
 * Publishes files with their attestations: each file hashed once; the manifest `attest` planned
 * for it (its `Sidecar.OCI_MANIFEST`) pushed exactly as planned, so the digests its statements
 * name are the ones pushed; the bundles and SBOMs named, and its sidecars, attached by digest.
 */
async function publishFiles(request, context) {
    const artifacts = (await (0,dist.collectArtifacts)(request.files)).map((a) => ({
        name: a.name,
        path: a.path,
        digest: a.digest,
    }));
    const { target } = request;
    if (artifacts.length > 1 && target.grouping !== 'index' && !target.tagByName) {
        const { parseReference } = await __webpack_require__.e(/* import() */ 688).then(__webpack_require__.bind(__webpack_require__, 27688));
        const tag = parseReference(target.reference).tag;
        if (tag)
            throw publish_files_invalid(`${target.reference} names one tag (${tag}) but ${artifacts.length} files are published: give no tag (each is tagged by its name), or publish them as one index`);
    }
    const directory = request.sidecarDirectory;
    const publication = await (0,dist_attachments/* readPlannedPublication */.Th)(target, artifacts, directory);
    // A plan wins over grouping (its manifests are what was signed); platforms contradict it.
    if (publication && target.platforms?.some((p) => p !== undefined))
        throw publish_files_invalid(`${artifacts.map((a) => a.path).join(', ')}: their manifests were planned when they were attested (their ${dist.Sidecar.OCI_MANIFEST} sidecars) and are pushed as planned: give no platforms`);
    const attachments = await (0,dist_attachments/* readAttachments */.V_)({
        ...(request.bundles ? { bundles: request.bundles } : {}),
        ...(request.sboms ? { sboms: request.sboms } : {}),
        beside: request.attachSidecars === false ? [] : artifacts,
        ...(directory ? { directory } : {}),
    });
    const published = await (0,publish/* publish */.mk)({ target, artifacts, ...(publication ? { publication } : {}), attachments }, context);
    return { ...published, attachments };
}
//# sourceMappingURL=publish-files.js.map
;// CONCATENATED MODULE: ./packages/pipeline/dist/rehash.js




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
            throw new errors/* PipelineError */.z({
                code: 'INVALID_REQUEST',
                message: 'expected-base64: not base64-encoded sha256sum output',
            });
        }
        const text = Buffer.from(chunk, 'base64').toString('utf8');
        return text.endsWith('\n') ? text : `${text}\n`;
    })
        .join('');
}
function formatSums(files) {
    return files.map((f) => `${(0,dist.formatChecksumLine)(f.sha256, f.name)}\n`).join('');
}
/**
 * Re-hashes every file of a downloaded directory against the digests that crossed the job
 * boundary as outputs, and fails closed: a digest that differs, a file that is missing, or a
 * file nobody hashed (something added after the build) all fail.
 */
async function rehashDirectory(directory, expectedText) {
    const expected = (0,dist.parseChecksumFile)(expectedText, 'expected digests');
    if (expected.length === 0) {
        throw new errors/* PipelineError */.z({ code: 'INVALID_REQUEST', message: 'no expected digests were given' });
    }
    const byName = new Map();
    for (const e of expected) {
        if (e.algorithm !== 'sha256') {
            throw new errors/* PipelineError */.z({
                code: 'INVALID_REQUEST',
                message: `${e.path}: only sha256 digests are expected`,
            });
        }
        if (e.path.includes('/') || e.path.includes('\\') || e.path === '.' || e.path === '..') {
            throw new errors/* PipelineError */.z({
                code: 'INVALID_REQUEST',
                message: `${e.path}: expected a plain file name`,
            });
        }
        if (byName.has(e.path) && byName.get(e.path) !== e.hex) {
            throw new errors/* PipelineError */.z({
                code: 'INVALID_REQUEST',
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
                throw new errors/* PipelineError */.z({
                    code: 'UNEXPECTED_FILE',
                    message: `${(0,external_node_path_.join)(directory, d.name)}: not a regular file; only the built files are expected`,
                });
            }
            return d.name;
        })
            .sort();
    }
    catch (err) {
        if (err instanceof errors/* PipelineError */.z)
            throw err;
        throw new errors/* PipelineError */.z({
            code: 'MISSING_FILE',
            message: `${directory}: cannot read the directory`,
            cause: err,
        });
    }
    const unexpected = present.filter((n) => !byName.has(n));
    if (unexpected.length > 0) {
        throw new errors/* PipelineError */.z({
            code: 'UNEXPECTED_FILE',
            message: `${directory}: ${unexpected.join(', ')} ${unexpected.length === 1 ? 'was' : 'were'} not hashed by the build job`,
        });
    }
    const names = [...byName.keys()].sort();
    const missing = names.filter((n) => !present.includes(n));
    if (missing.length > 0) {
        throw new errors/* PipelineError */.z({
            code: 'MISSING_FILE',
            message: `${directory}: ${missing.join(', ')} hashed by the build job but not downloaded`,
        });
    }
    const hashed = await (0,dist.mapConcurrent)(names, 4, async (name) => ({
        name,
        sha256: (await (0,dist.digestFile)((0,external_node_path_.join)(directory, name))).sha256,
    }));
    for (const file of hashed) {
        if (file.sha256 !== byName.get(file.name)) {
            throw new errors/* PipelineError */.z({
                code: 'DIGEST_MISMATCH',
                message: `${(0,external_node_path_.join)(directory, file.name)}: sha256 ${file.sha256} differs from the build job's ${byName.get(file.name)}`,
            });
        }
    }
    return hashed;
}
//# sourceMappingURL=rehash.js.map
;// CONCATENATED MODULE: ./packages/pipeline/dist/sbom.js


/** Writes one SBOM of everything the paths hold (`attest sbom`, the sbom action). */
async function describeArtifacts(request, context) {
    const { generateSbom } = await Promise.all(/* import() */[__webpack_require__.e(124), __webpack_require__.e(294)]).then(__webpack_require__.bind(__webpack_require__, 20294));
    // The run's environment, not the process's: the same request gives the same bytes.
    const epoch = (0,dist.sourceDateEpoch)(context.env);
    const result = await generateSbom(request.paths.map((p) => (0,external_node_path_.resolve)(context.cwd, p)), {
        ...(request.format ? { format: request.format } : {}),
        ...(request.specVersion ? { specVersion: request.specVersion } : {}),
        ...(epoch !== undefined ? { sourceDateEpoch: epoch } : {}),
        ...(context.onProgress ? { onProgress: context.onProgress } : {}),
    });
    if (request.output === undefined)
        return result;
    const output = (0,external_node_path_.resolve)(context.cwd, request.output);
    await (0,dist.writeFileAtomic)(output, result.json);
    return { ...result, output };
}
//# sourceMappingURL=sbom.js.map
;// CONCATENATED MODULE: ./packages/pipeline/dist/index.js


















//# sourceMappingURL=index.js.map

/***/ }),

/***/ 16200:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ fetchOciArtifact),
/* harmony export */   S: () => (/* binding */ ociOptions)
/* harmony export */ });
/**
 * How a flow's OCI client connects: plain HTTP when the context asks or `ATTEST_PLAIN_HTTP=1`
 * (a registry off loopback without TLS, as in a CI service container), the run's progress.
 */
function ociOptions(context, credentials) {
    const plainHttp = context.plainHttp ?? context.env.ATTEST_PLAIN_HTTP === '1';
    return {
        cwd: context.cwd,
        env: context.env,
        ...(plainHttp ? { plainHttp: true } : {}),
        ...(credentials ? { credentials } : {}),
        ...(context.onProgress ? { onProgress: context.onProgress } : {}),
    };
}
/**
 * Pulls what verifying an `oci://` or `oci-layout:` artifact needs (see `fetchEvidence`): an
 * index resolves to the host's platform.
 */
async function fetchOciArtifact(reference, context) {
    // Loaded on first use: verifying a file needs none of the OCI client.
    const { fetchEvidence, formatReference, parseReference } = await __webpack_require__.e(/* import() */ 688).then(__webpack_require__.bind(__webpack_require__, 27688));
    const { tag: _tag, digest: _digest, ...base } = parseReference(reference);
    const fetched = await fetchEvidence(reference, ociOptions(context));
    return {
        path: fetched.artifactPath,
        fileDigest: fetched.subject.digest,
        manifestDigests: fetched.manifestDigests,
        evidence: fetched.bundles,
        subjectName: base.kind === 'registry' ? `${base.registry}/${base.repository}` : `oci-layout:${base.path}`,
        referenceFor: (digest) => formatReference({ ...base, digest }),
    };
}
//# sourceMappingURL=oci-target.js.map

/***/ }),

/***/ 7414:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P9: () => (/* binding */ manifestSubjects),
/* harmony export */   WW: () => (/* binding */ planPublication),
/* harmony export */   gY: () => (/* binding */ tagFor),
/* harmony export */   mk: () => (/* binding */ publish),
/* harmony export */   sT: () => (/* binding */ manifestSubjectsOf)
/* harmony export */ });
/* harmony import */ var _build_artifact_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(23135);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98506);
/* harmony import */ var _oci_target_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(16200);



const TAG_CHARS = /[^A-Za-z0-9_.-]/g;
/** A file name as an OCI tag: `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`. */
function tagFor(name) {
    const tag = name.replace(TAG_CHARS, '-').replace(/^[.-]+/, '');
    return (tag || 'artifact').slice(0, 128);
}
async function parse(reference) {
    const { parseReference } = await __webpack_require__.e(/* import() */ 688).then(__webpack_require__.bind(__webpack_require__, 27688));
    const ref = parseReference(reference);
    if (ref.digest)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PipelineError */ .z({
            code: 'INVALID_REQUEST',
            message: `cannot publish to a digest (${reference}): give a tag or none`,
        });
    return ref;
}
/**
 * Plans the manifests of a publication (see `ArtifactPlan`): the same bytes `publish` later
 * pushes, so their digests can be signed first. Annotations: the environment's, the
 * provenance's source and revision, the SBOM's licences, then `target.annotations`.
 */
async function planPublication(target, artifacts, provenance, context) {
    const oci = await __webpack_require__.e(/* import() */ 688).then(__webpack_require__.bind(__webpack_require__, 27688));
    const ref = await parse(target.reference);
    const created = oci.sourceDateEpoch(context.env);
    const optionsFor = (sbom) => ({
        annotations: {
            ...oci.contextAnnotations({ env: context.env, provenance, sbom }),
            ...(created ? { 'org.opencontainers.image.created': created } : {}),
            ...target.annotations,
        },
        ...(created ? { created } : {}),
        ...(target.artifactType ? { artifactType: target.artifactType } : {}),
    });
    const files = artifacts.map((a) => ({
        path: a.path,
        ...(a.digest.sha256 ? { digest: `sha256:${a.digest.sha256}` } : {}),
    }));
    const subjectName = ref.kind === 'registry' ? `${ref.registry}/${ref.repository}` : `oci-layout:${ref.path}`;
    if (target.grouping === 'index') {
        const plans = [];
        for (const [i, file] of files.entries()) {
            const platform = target.platforms?.[i] ?? (await oci.detectPlatform(file.path));
            if (!platform)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PipelineError */ .z({
                    code: 'INVALID_REQUEST',
                    message: `cannot tell the platform of ${file.path}: give its platform (OS/ARCH)`,
                });
            plans.push({ ...(await oci.planArtifact(file, optionsFor(artifacts[i].sbom))), platform });
        }
        const seen = new Set();
        for (const [i, p] of plans.entries()) {
            const key = oci.formatPlatform(p.platform);
            if (seen.has(key))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PipelineError */ .z({
                    code: 'INVALID_REQUEST',
                    message: `two files for platform ${key} (${files[i].path})`,
                });
            seen.add(key);
        }
        const index = oci.indexOf(plans, optionsFor(undefined));
        return {
            target,
            subjectName,
            plans,
            index,
            tags: plans.map(() => undefined),
            indexTag: ref.tag ?? 'latest',
        };
    }
    const plans = [];
    for (const [i, file] of files.entries())
        plans.push(await oci.planArtifact(file, optionsFor(artifacts[i].sbom)));
    const byName = target.tagByName === true || artifacts.length > 1;
    return {
        target,
        subjectName,
        plans,
        tags: artifacts.map((a) => (byName ? tagFor(a.name) : (ref.tag ?? 'latest'))),
    };
}
/** Every planned manifest (and the index) as statement subjects, as `actions/attest` names images. */
function manifestSubjects(plan) {
    const digests = [...plan.plans, ...(plan.index ? [plan.index] : [])].map((p) => p.descriptor.digest);
    return digests.map((d) => ({ name: plan.subjectName, digest: { sha256: d.slice(7) } }));
}
/** The manifest subjects one artifact is known by: its own manifest, and the index above it. */
function manifestSubjectsOf(plan, artifact) {
    return [artifact, ...(plan.index ? [plan.index] : [])].map((p) => ({
        name: plan.subjectName,
        digest: { sha256: p.descriptor.digest.slice(7) },
    }));
}
/** The sidecar name an SBOM document of this format is published under (`.cdx.json`, `.spdx.json`). */
function sbomSidecar(document) {
    return _build_artifact_core__WEBPACK_IMPORTED_MODULE_0__.Sidecar[_build_artifact_core__WEBPACK_IMPORTED_MODULE_0__.SBOM_FORMATS[(0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_0__.sbomFormatOf)(document)?.format ?? 'cyclonedx-json'].sidecar];
}
/**
 * Publishes artifacts to an OCI registry or layout: pushes each planned manifest (and index)
 * exactly as planned, reusing the digests already computed, then attaches each attestation to
 * every manifest its statement names, by digest (a message signature to the file it signs),
 * and each SBOM document to the artifact it describes. An attestation that names none of the
 * published artifacts is refused: attached anywhere, nothing could verify with it.
 */
async function publish(request, context) {
    const oci = await __webpack_require__.e(/* import() */ 688).then(__webpack_require__.bind(__webpack_require__, 27688));
    if (request.artifacts.length === 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PipelineError */ .z({ code: 'NOTHING_TO_DO', message: 'nothing to publish' });
    const ref = await parse(request.target.reference);
    const attachments = request.attachments ?? [];
    const timings = {};
    let t0 = performance.now();
    const lap = (step) => {
        const now = performance.now();
        timings[step] = (timings[step] ?? 0) + (now - t0);
        t0 = now;
    };
    const provenance = attachments
        .filter((a) => a.kind === 'bundle')
        .map((a) => (0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_0__.describeBundle)(a.json))
        .find((d) => d.predicateType === _build_artifact_core__WEBPACK_IMPORTED_MODULE_0__.PredicateType.SLSA_PROVENANCE_V1)?.statement;
    const publication = request.publication ??
        (await planPublication(request.target, request.artifacts.map((a) => ({
            ...a,
            sbom: attachments.find((x) => x.kind === 'sbom' && (x.artifact === undefined || x.artifact === a.name))?.json,
        })), provenance, context));
    lap('plan');
    const target = oci.openTarget(ref, (0,_oci_target_js__WEBPACK_IMPORTED_MODULE_2__/* .ociOptions */ .S)(context, request.target.credentials));
    const { tag: _tag, ...base } = ref;
    const byDigest = (digest) => oci.formatReference({ ...base, digest });
    const pushOptions = {
        ...(request.target.mountFrom ? { mountFrom: request.target.mountFrom } : {}),
        ...(context.onProgress ? { onProgress: context.onProgress } : {}),
    };
    // Where each attestation goes, decided from the plan before anything is sent: an
    // attestation about none of the artifacts fails the publication with nothing pushed.
    const sha512s = new Map();
    const sha512Of = (i) => {
        const a = request.artifacts[i];
        let d = sha512s.get(a.path);
        if (!d) {
            d = a.digest.sha512
                ? Promise.resolve(a.digest.sha512)
                : (0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_0__.digestFile)(a.path, ['sha512']).then((x) => x.sha512);
            sha512s.set(a.path, d);
        }
        return d;
    };
    const about = async (d) => {
        const out = [];
        if (publication.index && (0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_0__.namesDigest)(d, publication.index.descriptor.digest))
            out.push('index');
        const bySha512 = (0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_0__.namesAlgorithm)(d, 'sha512');
        for (const [i, plan] of publication.plans.entries()) {
            if ((0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_0__.namesDigest)(d, plan.descriptor.digest) ||
                (plan.layer && (0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_0__.namesDigest)(d, plan.layer.digest)))
                out.push(i);
            else if (bySha512 && (0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_0__.namesDigest)(d, `sha512:${await sha512Of(i)}`))
                out.push(i);
        }
        return out;
    };
    const placed = [];
    for (const a of attachments) {
        if (a.kind === 'bundle') {
            const places = await about((0,_build_artifact_core__WEBPACK_IMPORTED_MODULE_0__.describeBundle)(a.json));
            if (places.length === 0)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .PipelineError */ .z({
                    code: 'INVALID_REQUEST',
                    message: `${a.source}: the bundle is about none of the published artifacts (no subject or signed digest matches a file or manifest)`,
                });
            placed.push({ attachment: a, places });
        }
        else {
            const named = a.artifact === undefined ? -1 : request.artifacts.findIndex((x) => x.name === a.artifact);
            const places = named >= 0 ? [named] : publication.index ? ['index'] : publication.plans.map((_, i) => i);
            placed.push({ attachment: a, places });
        }
    }
    let uploadedBytes = 0;
    const pushed = [];
    let index;
    if (publication.index) {
        index = await oci.pushPlan(target, publication.index, {
            ...pushOptions,
            ...(publication.indexTag ? { tag: publication.indexTag } : {}),
        });
        for (const child of index.children ?? [])
            pushed.push(child);
        uploadedBytes = index.uploadedBytes;
    }
    else
        for (const [i, plan] of publication.plans.entries()) {
            const tag = publication.tags[i];
            const p = await oci.pushPlan(target, plan, { ...pushOptions, ...(tag ? { tag } : {}) });
            pushed.push(p);
            uploadedBytes += p.uploadedBytes;
        }
    lap('push');
    const referrers = [];
    for (const { attachment: a, places } of placed) {
        const subjects = places.map((p) => (p === 'index' ? index : pushed[p]));
        for (const subject of subjects) {
            const descriptor = a.kind === 'bundle'
                ? await oci.attachBundle(subject, a.bytes, undefined, pushOptions)
                : await oci.attachSbom(subject, a.bytes, {
                    ...pushOptions,
                    ...(subject.title ? { title: subject.title + sbomSidecar(a.json) } : {}),
                });
            referrers.push({
                source: a.source,
                kind: a.kind,
                subject: subject.descriptor.digest,
                digest: descriptor.digest,
                ...(descriptor.artifactType ? { artifactType: descriptor.artifactType } : {}),
            });
        }
    }
    lap('attach');
    const artifacts = pushed.map((m, i) => ({
        name: request.artifacts[i].name,
        path: request.artifacts[i].path,
        reference: byDigest(m.descriptor.digest),
        manifest: m.descriptor,
        ...(m.layer ? { layer: m.layer } : {}),
        ...(m.tag ? { tag: m.tag } : {}),
        ...(m.platform ? { platform: m.platform } : {}),
    }));
    const top = index ?? pushed[0];
    return {
        reference: byDigest(top.descriptor.digest),
        ...(top.tag ? { tagged: oci.formatReference({ ...base, tag: top.tag }) } : {}),
        artifacts,
        ...(index
            ? {
                index: {
                    reference: byDigest(index.descriptor.digest),
                    manifest: index.descriptor,
                    ...(index.tag ? { tag: index.tag } : {}),
                },
            }
            : {}),
        referrers,
        uploadedBytes,
        timings,
    };
}
//# sourceMappingURL=publish.js.map

/***/ }),

/***/ 26395:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  LOCAL_BUILDER_PREFIX: () => (/* reexport */ LOCAL_BUILDER_PREFIX),
  ProvenanceError: () => (/* reexport */ ProvenanceError),
  REQUIRED_CLAIMS: () => (/* reexport */ REQUIRED_CLAIMS),
  githubProvenance: () => (/* reexport */ githubProvenance),
  issuerForServerUrl: () => (/* reexport */ issuerForServerUrl),
  localProvenance: () => (/* reexport */ localProvenance),
  parseResolvedDependency: () => (/* reexport */ parseResolvedDependency),
  provenanceStatement: () => (/* reexport */ provenanceStatement),
  serverUrlForIssuer: () => (/* reexport */ serverUrlForIssuer),
  verifyOidcToken: () => (/* reexport */ verifyOidcToken)
});

// EXTERNAL MODULE: ./packages/core/dist/index.js + 18 modules
var dist = __webpack_require__(23135);
;// CONCATENATED MODULE: ./packages/provenance/dist/error.js

class ProvenanceError extends dist.BaseError {
}
//# sourceMappingURL=error.js.map
// EXTERNAL MODULE: ./node_modules/jose/dist/node/esm/util/decode_jwt.js + 1 modules
var decode_jwt = __webpack_require__(3650);
// EXTERNAL MODULE: ./node_modules/jose/dist/node/esm/jwks/remote.js + 2 modules
var remote = __webpack_require__(18474);
// EXTERNAL MODULE: ./node_modules/jose/dist/node/esm/jwt/verify.js + 4 modules
var verify = __webpack_require__(95852);
// EXTERNAL MODULE: ./node_modules/jose/dist/node/esm/util/errors.js
var errors = __webpack_require__(19112);
;// CONCATENATED MODULE: ./packages/provenance/dist/text.js
/**
 * A value from a token, a discovery document or the environment, quoted for an error message:
 * anything but printable ASCII is escaped and long values are cut, so that what a token or a
 * server says cannot move a terminal's cursor or forge a line of a workflow log.
 */
function quoted(value, max = 200) {
    const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
    const cut = text.length > max ? text.slice(0, max) : text;
    const escaped = cut.replace(/[^\x20-\x7e]|["\\]/g, (c) => c === '"' || c === '\\' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
    return `"${escaped}"${cut.length < text.length ? '...' : ''}`;
}
//# sourceMappingURL=text.js.map
;// CONCATENATED MODULE: ./packages/provenance/dist/oidc.js




// The claims GitHub's provenance is derived from (actions/attest's list, plus the claims that
// name the signing workflow and the visibility that picks the Sigstore instance).
const REQUIRED_CLAIMS = [
    'iss',
    'sub',
    'ref',
    'sha',
    'repository',
    'repository_id',
    'repository_owner',
    'repository_owner_id',
    'event_name',
    'workflow_ref',
    'job_workflow_ref',
    'runner_environment',
    'run_id',
    'run_attempt',
];
const GITHUB_SERVER_URL = 'https://github.com';
const DISCOVERY_TIMEOUT_MS = 30_000;
// GitHub's discovery document is under 2 KiB; anything near this is not one.
const MAX_DISCOVERY_BYTES = 1024 * 1024;
const keySets = new Map();
async function readLimited(response, limit) {
    const reader = response.body?.getReader();
    if (!reader)
        return '';
    const chunks = [];
    let size = 0;
    for (;;) {
        const { done, value } = await reader.read();
        if (done)
            break;
        size += value.byteLength;
        if (size > limit) {
            await reader.cancel();
            throw new Error(`larger than ${limit} bytes`);
        }
        chunks.push(value);
    }
    return Buffer.concat(chunks).toString('utf8');
}
/** The JWKS URL from `<issuer>/.well-known/openid-configuration`, which must name that issuer. */
async function discoverJwks(issuer) {
    const url = `${issuer.replace(/\/+$/, '')}/.well-known/openid-configuration`;
    const fail = (why, cause) => new ProvenanceError({
        code: 'OIDC_DISCOVERY_FAILED',
        message: `cannot read the OpenID configuration of ${quoted(issuer)} (${quoted(url)}): ${why}`,
        cause,
    });
    let text;
    try {
        const response = await fetch(url, { signal: AbortSignal.timeout(DISCOVERY_TIMEOUT_MS) });
        if (!response.ok) {
            await response.body?.cancel();
            throw fail(`HTTP ${response.status}`);
        }
        text = await readLimited(response, MAX_DISCOVERY_BYTES);
    }
    catch (err) {
        if (err instanceof ProvenanceError)
            throw err;
        const e = err;
        throw fail(e.name === 'TimeoutError'
            ? `no answer within ${DISCOVERY_TIMEOUT_MS / 1000} s`
            : `${e.message}${e.cause?.code ? ` (${e.cause.code})` : ''}`, err);
    }
    let config;
    try {
        config = JSON.parse(text);
    }
    catch (err) {
        throw fail('the answer is not JSON', err);
    }
    if (typeof config !== 'object' || config === null)
        throw fail('the answer is not a JSON object');
    if (config.issuer !== issuer) {
        throw fail(`it names the issuer ${quoted(config.issuer)}`);
    }
    let jwks;
    try {
        if (typeof config.jwks_uri === 'string')
            jwks = new URL(config.jwks_uri);
    }
    catch {
        jwks = undefined;
    }
    if (!jwks || (jwks.protocol !== 'https:' && jwks.protocol !== 'http:')) {
        throw fail(`its jwks_uri ${quoted(config.jwks_uri)} is not an http(s) URL`);
    }
    return jwks;
}
function invalidToken(reason, cause) {
    return new ProvenanceError({
        code: 'INVALID_TOKEN',
        message: `OIDC token rejected: ${reason}`,
        cause,
    });
}
/** The `iss` the token claims, read before verifying it: it says whose keys to verify with. */
function claimedIssuer(token) {
    let payload;
    try {
        payload = (0,decode_jwt/* decodeJwt */.i)(token);
    }
    catch (err) {
        throw invalidToken('it is not a JWT', err);
    }
    if (typeof payload.iss !== 'string')
        throw invalidToken('claim "iss" is missing');
    return payload.iss;
}
/**
 * Verifies a GitHub Actions OIDC token: RS256 signature by a key of the JWKS that its issuer's
 * discovery document names, `iss`, `aud`, `exp`/`nbf` with a small skew, and the presence of the
 * claims provenance is built from. The issuer is the expected one or its GitHub Enterprise Cloud
 * form `<issuer>/<enterprise-slug>` (an enterprise with a custom issuer), and nothing else;
 * the enterprise form is checked against its own keys, under its own path. Returns the claims;
 * nothing is read from the environment, which a build step could change.
 */
async function verifyOidcToken(token, options = {}) {
    const expected = options.issuer ?? dist.GITHUB_ACTIONS_ISSUER;
    const audience = options.audience ?? 'sigstore';
    const issuer = claimedIssuer(token);
    // Only the two shapes GitHub issues: a prefix match (what @actions/attest checks) would also
    // take `<issuer>.evil.example` or `<issuer>/a/b`.
    if (!(0,dist.isGitHubActionsIssuer)(issuer, expected)) {
        throw invalidToken(`claim "iss" is wrong: ${quoted(issuer)} is neither ${quoted(expected)} nor its enterprise form ${quoted(`${expected}/<enterprise-slug>`)}`);
    }
    const jwksUrl = options.jwksUrl ?? (await discoverJwks(issuer)).href;
    // One key set per URL for the process: jose refetches it by itself when a token names a kid
    // it has not seen (key rotation), with a cooldown.
    let jwks = keySets.get(jwksUrl);
    if (!jwks) {
        jwks = (0,remote/* createRemoteJWKSet */.RD)(new URL(jwksUrl));
        keySets.set(jwksUrl, jwks);
    }
    let payload;
    try {
        ({ payload } = await (0,verify/* jwtVerify */.V)(token, jwks, {
            issuer,
            audience,
            algorithms: ['RS256'],
            clockTolerance: options.clockTolerance ?? 60,
            requiredClaims: ['exp'],
        }));
    }
    catch (err) {
        const reason = err instanceof errors/* JWTExpired */.n
            ? 'the token has expired'
            : err instanceof errors/* JWTClaimValidationFailed */.ie
                ? `claim "${err.claim}" is wrong: ${err.message}`
                : err instanceof errors/* JWSSignatureVerificationFailed */.h2
                    ? 'the signature does not verify'
                    : err instanceof errors/* JWKSNoMatchingKey */.BT
                        ? `no key of the issuer ${quoted(issuer)} matches the token`
                        : err.message;
        throw invalidToken(reason, err);
    }
    const missing = REQUIRED_CLAIMS.filter((c) => typeof payload[c] !== 'string' || payload[c] === '');
    if (missing.length > 0) {
        throw new ProvenanceError({
            code: 'MISSING_CLAIMS',
            message: `the OIDC token lacks claims provenance needs: ${missing.join(', ')}`,
        });
    }
    return payload;
}
/**
 * A GitHub web URL as the runner gives it (`GITHUB_SERVER_URL`): http(s), a host and nothing
 * after it. Returns its origin (`https://github.com`, `https://acme.ghe.com`, a GHES host).
 */
function parseServerUrl(serverUrl) {
    let url;
    try {
        url = new URL(serverUrl);
    }
    catch {
        url = undefined;
    }
    if (!url ||
        (url.protocol !== 'https:' && url.protocol !== 'http:') ||
        url.username !== '' ||
        url.password !== '' ||
        url.pathname !== '/' ||
        url.search !== '' ||
        url.hash !== '') {
        throw new ProvenanceError({
            code: 'INVALID_SERVER_URL',
            message: `GitHub server URL ${quoted(serverUrl)} is not an http(s) URL of a host alone (like https://github.com)`,
        });
    }
    return url.origin;
}
// GitHub Enterprise Cloud with data residency: https://<tenant>.ghe.com, whose tokens come from
// https://token.actions.<tenant>.ghe.com (the tenant names @actions/attest accepts).
const GHE_COM_SERVER = /^https:\/\/([a-z0-9-]+)\.ghe\.com$/;
const GHE_COM_ISSUER_HOST = /^token\.actions\.([a-z0-9-]+)\.ghe\.com$/;
/**
 * The OIDC issuer of GitHub Actions' tokens on a GitHub server: GitHub's own for github.com,
 * `https://token.actions.<tenant>.ghe.com` for `https://<tenant>.ghe.com`, and
 * `<server>/_services/token` for a GitHub Enterprise Server. (An enterprise with a custom issuer
 * gets tokens from `<that issuer>/<enterprise-slug>`, which `verifyOidcToken` accepts too.)
 */
function issuerForServerUrl(serverUrl = GITHUB_SERVER_URL) {
    const origin = parseServerUrl(serverUrl);
    if (origin === GITHUB_SERVER_URL)
        return dist.GITHUB_ACTIONS_ISSUER;
    const tenant = GHE_COM_SERVER.exec(origin);
    if (tenant)
        return `https://token.actions.${tenant[1]}.ghe.com`;
    return `${origin}/_services/token`;
}
/**
 * GitHub's web URL for a token issuer, the inverse of `issuerForServerUrl`, so that URLs in
 * provenance come from the verified token: github.com for GitHub's issuer (and its enterprise
 * form `…/<slug>`), `https://<tenant>.ghe.com` for `https://token.actions.<tenant>.ghe.com`, the
 * host for GitHub Enterprise Server's `https://HOST/_services/token`. Undefined for any other
 * issuer (a local one in tests).
 */
function serverUrlForIssuer(issuer) {
    if ((0,dist.isGitHubActionsIssuer)(issuer))
        return GITHUB_SERVER_URL;
    let url;
    try {
        url = new URL(issuer);
    }
    catch {
        return undefined;
    }
    if (url.protocol !== 'https:')
        return undefined;
    const tenant = GHE_COM_ISSUER_HOST.exec(url.hostname);
    if (tenant) {
        return (0,dist.isGitHubActionsIssuer)(issuer, url.origin) ? `https://${tenant[1]}.ghe.com` : undefined;
    }
    return (0,dist.isGitHubActionsIssuer)(issuer, `${url.origin}/_services/token`) ? url.origin : undefined;
}
//# sourceMappingURL=oidc.js.map
;// CONCATENATED MODULE: ./packages/provenance/dist/github.js




function serverFor(claims, given) {
    const fromToken = typeof claims.iss === 'string' ? serverUrlForIssuer(claims.iss) : undefined;
    const fromRunner = given === undefined ? undefined : parseServerUrl(given);
    // @actions/attest writes GITHUB_SERVER_URL whatever the token says. A runner whose server is
    // not the one that issued its token is misconfigured or tampered with: refuse rather than name
    // another server in signed provenance.
    if (fromToken && fromRunner && fromToken !== fromRunner) {
        throw new ProvenanceError({
            code: 'SERVER_URL_MISMATCH',
            message: `the GitHub server URL ${fromRunner} is not that of the token's issuer ${quoted(claims.iss)} (${fromToken})`,
        });
    }
    return fromToken ?? fromRunner ?? 'https://github.com';
}
/**
 * The SLSA v1 predicate GitHub's own tooling writes (buildType
 * https://actions.github.io/buildtypes/workflow/v1, field for field as @actions/attest's
 * `buildSLSAProvenancePredicate` builds it), from verified OIDC claims. `builder.id` is the
 * workflow that ran the signing job (`job_workflow_ref`): the reusable workflow when signing
 * happens inside one.
 */
function githubProvenance(claims, options = {}) {
    const server = serverFor(claims, options.serverUrl);
    // owner/repo/.github/workflows/main.yml@refs/heads/main -> .github/workflows/main.yml. The
    // ref is the `ref` claim (as @actions/attest >= 1.6 has it), so a ref holding '@' stays whole.
    const [path] = claims.workflow_ref.replace(`${claims.repository}/`, '').split('@');
    return {
        buildDefinition: {
            buildType: dist.BuildType.GITHUB_WORKFLOW_V1,
            externalParameters: {
                workflow: {
                    ref: claims.ref,
                    repository: `${server}/${claims.repository}`,
                    path,
                },
            },
            internalParameters: {
                github: {
                    event_name: claims.event_name,
                    repository_id: claims.repository_id,
                    repository_owner_id: claims.repository_owner_id,
                    runner_environment: claims.runner_environment,
                },
            },
            resolvedDependencies: [
                {
                    uri: `git+${server}/${claims.repository}@${claims.ref}`,
                    digest: { gitCommit: claims.sha },
                },
                ...(options.resolvedDependencies ?? []).map((d) => ({ ...d })),
            ],
        },
        runDetails: {
            builder: { id: `${server}/${claims.job_workflow_ref}` },
            metadata: {
                invocationId: `${server}/${claims.repository}/actions/runs/${claims.run_id}/attempts/${claims.run_attempt}`,
            },
        },
    };
}
//# sourceMappingURL=github.js.map
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
;// CONCATENATED MODULE: ./packages/provenance/dist/local.js


const LOCAL_BUILDER_PREFIX = 'https://build-artifact.dev/local/';
/**
 * Provenance for a build outside GitHub Actions. Its own buildType
 * (https://build-artifact.dev/buildtypes/local/v1) and a builder id under
 * https://build-artifact.dev/local/ mean nothing local can pass for a GitHub build.
 */
function localProvenance(options = {}) {
    const host = options.hostname ?? (0,external_node_os_.hostname)();
    const dependencies = [];
    if (options.source) {
        dependencies.push({
            uri: options.source.uri,
            ...(options.source.gitCommit ? { digest: { gitCommit: options.source.gitCommit } } : {}),
        });
    }
    dependencies.push(...(options.resolvedDependencies ?? []).map((d) => ({ ...d })));
    const metadata = {};
    if (options.startedOn)
        metadata.startedOn = options.startedOn.toISOString();
    if (options.finishedOn)
        metadata.finishedOn = options.finishedOn.toISOString();
    return {
        buildDefinition: {
            buildType: dist.BuildType.LOCAL_V1,
            externalParameters: { ...(options.externalParameters ?? {}) },
            internalParameters: { local: { hostname: host } },
            resolvedDependencies: dependencies,
        },
        runDetails: {
            builder: { id: `${LOCAL_BUILDER_PREFIX}${encodeURIComponent(host)}` },
            ...(Object.keys(metadata).length > 0 ? { metadata } : {}),
        },
    };
}
//# sourceMappingURL=local.js.map
;// CONCATENATED MODULE: ./packages/provenance/dist/statement.js


/** The unsigned in-toto Statement v1 with the SLSA v1 predicate. */
function provenanceStatement(subjects, predicate) {
    return (0,dist.buildStatement)(subjects, dist.PredicateType.SLSA_PROVENANCE_V1, predicate);
}
/**
 * Parses a resolved dependency given on the command line: `URI=sha256:HEX` (or sha512), or an
 * OCI reference pinned by digest (`oci://host/repo@sha256:HEX`), whose digest is taken from it.
 */
function parseResolvedDependency(value) {
    const fail = (why) => {
        throw new ProvenanceError({
            code: 'INVALID_DEPENDENCY',
            message: `resolved dependency "${value}": ${why} (expected URI=sha256:HEX or oci://...@sha256:HEX)`,
        });
    };
    const eq = value.lastIndexOf('=');
    let uri;
    let digest;
    if (eq > 0 && /^(sha256|sha512):/.test(value.slice(eq + 1))) {
        uri = value.slice(0, eq);
        digest = value.slice(eq + 1);
    }
    else {
        const at = /@((?:sha256|sha512):[0-9a-f]+)$/.exec(value);
        if (!at)
            return fail('no digest');
        uri = value;
        digest = at[1];
    }
    if (!/^[a-z][a-z0-9+.-]*:/i.test(uri))
        fail('the URI has no scheme');
    let parsed;
    try {
        parsed = (0,dist.parseDigest)(digest);
    }
    catch {
        return fail(`"${digest}" is not a sha256 or sha512 digest`);
    }
    return { uri, digest: { [parsed.algorithm]: parsed.hex } };
}
//# sourceMappingURL=statement.js.map
;// CONCATENATED MODULE: ./packages/provenance/dist/index.js





//# sourceMappingURL=index.js.map

/***/ }),

/***/ 67360:
/***/ ((__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  D9: () => (/* reexport */ markdownCode),
  p7: () => (/* reexport */ markdownText),
  renderHtml: () => (/* reexport */ renderHtml),
  Gc: () => (/* reexport */ renderMarkdown),
  v7: () => (/* reexport */ safeHref)
});

// UNUSED EXPORTS: CONTENT_SECURITY_POLICY, MAX_MERMAID_NODES, escapeHtml, layoutGraph, mermaidLabel, renderGraphSvg, renderMermaid

// EXTERNAL MODULE: ./packages/core/dist/index.js + 18 modules
var dist = __webpack_require__(23135);
;// CONCATENATED MODULE: ./packages/report/dist/escape.js
// Text from evidence and SBOMs is written by whoever signed or built the artifact. In the page
// it is always text (never markup, never an attribute break-out, never a script URL); in
// Markdown it is inert (no links, emphasis, tables or HTML); in Mermaid it is a quoted label
// made of entity codes. Control and reordering characters are shown as escapes (`\x1b`,
// `\u{202e}`) everywhere, so no name can hide or reorder what follows it.

const HTML_ESCAPES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
};
/** Text for an HTML element or a quoted attribute value. */
function escapeHtml(text) {
    return (0,dist.safeText)(String(text)).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}
/**
 * A link target the page may use, or undefined: an in-page anchor (`#a1`), or an absolute
 * `https:` URL without credentials. Anything else (javascript:, data:, relative paths that
 * would resolve against wherever the file was opened) is not a link.
 */
function safeHref(href) {
    if (href === undefined)
        return undefined;
    if (/^#[A-Za-z0-9_-]{1,200}$/.test(href))
        return href;
    if (/[\u0000-\u0020\u007f-\u009f]/.test(href))
        return undefined;
    let url;
    try {
        url = new URL(href);
    }
    catch {
        return undefined;
    }
    if (url.protocol !== 'https:' || url.username !== '' || url.password !== '')
        return undefined;
    return url.href;
}
/**
 * Plain text from evidence in Markdown: controls escaped, HTML and Markdown syntax inert
 * (backslash escapes), `|` and the backtick entities (a backslash does not stop `|` splitting a
 * table cell in every renderer), and autolinks broken with an empty element (GitHub links bare URLs,
 * `www.` names and e-mail addresses in text).
 */
function markdownText(text) {
    return (0,dist.safeText)(String(text))
        .replace(/[&<>"]/g, (c) => HTML_ESCAPES[c])
        .replace(/[\\*_[\]#!~]/g, (c) => `\\${c}`)
        .replace(/\|/g, '&#124;')
        .replace(/`/g, '&#96;')
        .replace(/:\/\//g, ':<span></span>//')
        .replace(/www\./gi, (w) => `${w.slice(0, 3)}<span></span>.`)
        .replace(/@/g, '<span></span>@');
}
/**
 * Text from evidence as a Markdown code span, whose content is never parsed (no emphasis, no
 * HTML, no autolink): the fence is longer than any run of backticks inside, and `|` is
 * escaped as GitHub's tables require even inside code spans.
 */
function markdownCode(text) {
    const body = (0,dist.safeText)(String(text)).replace(/\|/g, '\\|');
    const longest = Math.max(0, ...(body.match(/`+/g) ?? []).map((run) => run.length));
    const fence = '`'.repeat(longest + 1);
    const pad = body.startsWith('`') || body.endsWith('`') || body.startsWith(' ') ? ' ' : '';
    return `${fence}${pad}${body}${pad}${fence}`;
}
// What a Mermaid label may hold literally; everything else is written as `#<decimal>;`, the
// entity code syntax Mermaid decodes inside labels (quotes, brackets, `#` itself, non-ASCII).
const MERMAID_PLAIN = /^[A-Za-z0-9 .,:/@+_=-]$/;
/** A Mermaid node label (to be put in double quotes), at most `max` characters of text. */
function mermaidLabel(text, max = 48) {
    const chars = [...(0,dist.safeText)(String(text))];
    const shown = chars.length > max ? [...chars.slice(0, max - 1), '…'] : chars;
    return shown
        .map((c) => (MERMAID_PLAIN.test(c) ? c : `#${c.codePointAt(0)};`))
        .join('')
        .replace(/--/g, '-#45;');
}
//# sourceMappingURL=escape.js.map
;// CONCATENATED MODULE: ./packages/report/dist/model.js
// The report model: what the views show, already decided. Every string in it may come from
// evidence or an SBOM (names, versions, certificate fields, reasons): the renderers escape
// all of them, and build links only from `href` fields that passed `safeHref`.
/** A verdict in words (never colour alone): the page, the graph and the Mermaid chart say the same. */
const VERDICT_TEXT = {
    verified: '✓ verified',
    failed: '✗ FAILED',
    signed: 'signed',
};
//# sourceMappingURL=model.js.map
;// CONCATENATED MODULE: ./packages/report/dist/graph.js
// The chain graph drawn by us as inline SVG: a layered layout, left to right (an artifact, what
// it embeds, that module's own components), small enough to compute in the renderer. Nothing
// is fetched and nothing runs: the SVG is markup, every label escaped.


const NODE_WIDTH = 240;
const NODE_HEIGHT = 44;
const GAP_X = 64;
const GAP_Y = 14;
const PAD = 12;
/** Characters of a label shown in a node; the whole label is in its tooltip and the list. */
const LABEL_CHARS = 30;
/**
 * Layers by longest path from the nodes nothing points at (a cycle, which a forged record
 * could make, is cut where it is met); within a layer, nodes follow their parents' order.
 */
function layoutGraph(graph) {
    const ids = new Set(graph.nodes.map((n) => n.id));
    const edges = graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to);
    const out = new Map();
    const indegree = new Map(graph.nodes.map((n) => [n.id, 0]));
    for (const e of edges) {
        out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
        indegree.set(e.to, indegree.get(e.to) + 1);
    }
    const layer = new Map();
    const queue = graph.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
    for (const id of queue)
        layer.set(id, 0);
    // Kahn's order: a node is placed once all its parents are.
    for (let i = 0; i < queue.length; i++) {
        const id = queue[i];
        for (const to of out.get(id) ?? []) {
            layer.set(to, Math.max(layer.get(to) ?? 0, layer.get(id) + 1));
            const left = indegree.get(to) - 1;
            indegree.set(to, left);
            if (left === 0)
                queue.push(to);
        }
    }
    // Nodes on a cycle: after everything else.
    const deepest = Math.max(0, ...layer.values());
    for (const n of graph.nodes)
        if (!layer.has(n.id))
            layer.set(n.id, deepest + 1);
    const layers = [];
    for (const n of graph.nodes) {
        const l = layer.get(n.id);
        layers[l] = [...(layers[l] ?? []), n];
    }
    const row = new Map();
    const parents = new Map();
    for (const e of edges)
        parents.set(e.to, [...(parents.get(e.to) ?? []), e.from]);
    const placed = [];
    layers.forEach((nodes, l) => {
        const order = nodes.map((n, i) => {
            const ps = (parents.get(n.id) ?? []).filter((p) => row.has(p));
            const centre = ps.length ? ps.reduce((s, p) => s + row.get(p), 0) / ps.length : i;
            return { n, key: centre, i };
        });
        order.sort((a, b) => a.key - b.key || a.i - b.i);
        order.forEach(({ n }, r) => {
            row.set(n.id, r);
            placed.push({
                ...n,
                layer: l,
                x: PAD + l * (NODE_WIDTH + GAP_X),
                y: PAD + r * (NODE_HEIGHT + GAP_Y),
            });
        });
    });
    const rows = Math.max(1, ...layers.map((l) => l?.length ?? 0));
    return {
        nodes: placed,
        edges,
        width: PAD * 2 + layers.length * NODE_WIDTH + Math.max(0, layers.length - 1) * GAP_X,
        height: PAD * 2 + rows * NODE_HEIGHT + (rows - 1) * GAP_Y,
    };
}
function shorten(label) {
    const chars = [...label];
    return chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS - 1).join('')}…` : label;
}
const KIND_TEXT = {
    artifact: 'artifact',
    embedded: 'embedded artifact',
    module: 'component',
    source: 'built from',
    more: 'more',
};
/** The status words of a node: never colour alone. */
function verdictText(node) {
    return node.verdict ? VERDICT_TEXT[node.verdict] : '';
}
/** The graph as inline SVG (or an empty string without nodes). */
function renderGraphSvg(graph) {
    if (graph.nodes.length === 0)
        return '';
    const layout = layoutGraph(graph);
    const at = new Map(layout.nodes.map((n) => [n.id, n]));
    const name = new Map(graph.nodes.map((n) => [n.id, n.label]));
    const edges = layout.edges
        .map((e) => {
        const a = at.get(e.from);
        const b = at.get(e.to);
        const x1 = a.x + NODE_WIDTH;
        const y1 = a.y + NODE_HEIGHT / 2;
        const x2 = b.x - 6;
        const y2 = b.y + NODE_HEIGHT / 2;
        const mid = (x1 + x2) / 2;
        const relation = e.relation.replace(' ', '-');
        return `<path class="edge ${relation}" d="M${x1},${y1} C${mid},${y1} ${mid},${y2} ${x2},${y2}" marker-end="url(#chain-arrow)"><title>${escapeHtml(`${name.get(e.from)} ${e.relation} ${name.get(e.to)}`)}</title></path>`;
    })
        .join('');
    const nodes = layout.nodes
        .map((n) => {
        const status = verdictText(n);
        const sub = [KIND_TEXT[n.kind], status].filter(Boolean).join(' · ');
        const body = `<g class="node ${n.kind}${n.verdict ? ` ${n.verdict}` : ''}" transform="translate(${n.x},${n.y})">` +
            `<title>${escapeHtml(`${n.label} (${sub})`)}</title>` +
            `<rect width="${NODE_WIDTH}" height="${NODE_HEIGHT}" rx="6"/>` +
            `<text x="10" y="18" class="label">${escapeHtml(shorten(n.label))}</text>` +
            `<text x="10" y="35" class="sub">${escapeHtml(sub)}</text></g>`;
        const href = safeHref(n.href);
        return href
            ? `<a href="${escapeHtml(href)}" aria-label="${escapeHtml(`${n.label}: ${sub}`)}">${body}</a>`
            : body;
    })
        .join('');
    return (`<svg xmlns="http://www.w3.org/2000/svg" class="chain" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" aria-labelledby="chain-svg-title">` +
        '<title id="chain-svg-title">The chain of artifacts, what they embed and what they were built from</title>' +
        '<defs><marker id="chain-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L8,4 L0,8 z"/></marker></defs>' +
        `<g class="edges">${edges}</g><g class="nodes">${nodes}</g></svg>`);
}
//# sourceMappingURL=graph.js.map
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./packages/report/dist/assets.js
// The page's own style and script, inline (the page is one file that opens from disk or a CI
// artifact, with no network). The Content-Security-Policy admits exactly these two by hash, so
// no markup or script that an artifact's author wrote could run even if it reached the page.
const PAGE_CSS = `
:root{--fg:#1b1f24;--muted:#57606a;--bg:#fff;--panel:#f6f8fa;--line:#d0d7de;--ok:#1a7f37;--bad:#cf222e;--warn:#9a6700;--accent:#0969da;--okbg:#dafbe1;--badbg:#ffebe9;--warnbg:#fff8c5}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#161b22;--line:#30363d;--ok:#3fb950;--bad:#f85149;--warn:#d29922;--accent:#4493f8;--okbg:#12261e;--badbg:#25171c;--warnbg:#272115}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--accent)}
a:focus-visible,summary:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
code,.mono{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.skip{position:absolute;left:-999px;top:0;background:var(--bg);padding:.5em}
.skip:focus{left:.5em;z-index:10}
header,main,footer{max-width:1200px;margin:0 auto;padding:0 16px}
header{padding-top:16px}
h1{font-size:1.6em;margin:.3em 0}
h2{font-size:1.3em;margin:0 0 .4em;overflow-wrap:anywhere}
h3{font-size:1.05em;margin:1.2em 0 .4em}
.meta{color:var(--muted);font-size:.9em}
.verdict{border:1px solid var(--line);border-left-width:6px;border-radius:6px;padding:.6em 1em;margin:.8em 0}
.verdict.verified{border-left-color:var(--ok);background:var(--okbg)}
.verdict.failed{border-left-color:var(--bad);background:var(--badbg)}
.verdict.signed{border-left-color:var(--accent);background:var(--panel)}
.verdict p{margin:.2em 0}
.verdict ul{margin:.3em 0;padding-left:1.2em}
.badge{display:inline-block;font-size:.8em;font-weight:600;border-radius:1em;padding:0 .6em;border:1px solid currentColor;white-space:nowrap;vertical-align:middle}
.badge.verified,.status.passed{color:var(--ok)}
.badge.failed,.status.failed{color:var(--bad)}
.badge.signed{color:var(--accent)}
.status.warning{color:var(--warn)}
.status.not-checked{color:var(--muted)}
.status{font-weight:600;white-space:nowrap}
nav.toc ol{padding-left:1.4em;margin:.4em 0}
nav.toc li{margin:.15em 0;overflow-wrap:anywhere}
section{border:1px solid var(--line);border-radius:8px;padding:12px 16px;margin:16px 0;background:var(--bg)}
section.failed{border-color:var(--bad)}
section:target{outline:3px solid var(--accent)}
.failure{border-left:4px solid var(--bad);background:var(--badbg);padding:.5em .8em;margin:.5em 0;overflow-wrap:anywhere}
.parent{color:var(--muted)}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25em 1em;margin:.4em 0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0;min-width:0;overflow-wrap:anywhere}
.claim{color:var(--warn);font-size:.85em}
.scroll{overflow-x:auto;max-width:100%}
table{border-collapse:collapse;width:100%;font-size:.95em}
th,td{border-bottom:1px solid var(--line);padding:.3em .5em;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:var(--panel)}
tr.failed td{background:var(--badbg)}
td.num,th.num{text-align:right;white-space:nowrap}
ul.plain{padding-left:1.2em;margin:.3em 0}
ul.plain li{overflow-wrap:anywhere}
.graph{overflow-x:auto;border:1px solid var(--line);border-radius:6px;background:var(--panel);padding:4px}
svg.chain{display:block;max-width:none;font:12px system-ui,sans-serif}
svg.chain rect{fill:var(--bg);stroke:var(--line);stroke-width:1.5}
svg.chain .verified rect{stroke:var(--ok)}
svg.chain .failed rect{stroke:var(--bad);stroke-width:2.5;stroke-dasharray:6 3}
svg.chain .artifact rect{stroke-width:2.5}
svg.chain text{fill:var(--fg)}
svg.chain text.sub{fill:var(--muted);font-size:11px}
svg.chain .edge{fill:none;stroke:var(--muted);stroke-width:1.5}
svg.chain .edge.contains{stroke-dasharray:2 3}
svg.chain .edge.built-from{stroke-dasharray:7 4}
svg.chain marker path{fill:var(--muted)}
svg.chain a:focus rect{stroke:var(--accent);stroke-width:3}
.legend{color:var(--muted);font-size:.85em}
.tree .tools{display:flex;flex-wrap:wrap;gap:.5em;align-items:center;margin:.4em 0}
.tree input[type=search]{flex:1 1 16em;min-width:0;font:inherit;padding:.3em .5em;border:1px solid var(--line);border-radius:6px;background:var(--bg);color:var(--fg)}
.tree button{font:inherit;padding:.25em .7em;border:1px solid var(--line);border-radius:6px;background:var(--panel);color:var(--fg);cursor:pointer}
.tree-status{color:var(--muted);font-size:.9em}
.tree ul{list-style:none;margin:0;padding-left:1.1em;border-left:1px dotted var(--line)}
.tree>ul{padding-left:0;border-left:0}
.tree li{margin:.1em 0}
.tree summary{cursor:pointer;overflow-wrap:anywhere}
.tree .leaf{padding-left:1.05em;overflow-wrap:anywhere}
.tree .ver{color:var(--muted)}
.tree .eco,.tree .rel,.tree .lic{font-size:.78em;color:var(--muted);border:1px solid var(--line);border-radius:4px;padding:0 .3em;margin-left:.3em;white-space:nowrap}
.tree .embedded>details>summary .name,.tree .embedded>.leaf .name{font-weight:600}
.tree .first-party .name{font-style:italic}
.tree .repeat{color:var(--muted);font-size:.85em}
.tree.searching li:not(.hit):not(.on-path){display:none}
.tree li.hit>details>summary .label,.tree li.hit>.leaf .label{background:var(--warnbg);outline:1px solid var(--warn)}
footer{color:var(--muted);font-size:.9em;padding-bottom:24px;overflow-wrap:anywhere}
@media (max-width:640px){body{font-size:14px}header,main,footer{padding:0 10px}section{padding:10px}dl.facts{grid-template-columns:1fr}dl.facts dt{margin-top:.3em}th,td{padding:.25em .3em}}
@media print{body{font-size:11pt;color:#000;background:#fff}.skip,.tree .tools,nav.toc{display:none}section{break-inside:auto;border-color:#999}h2,h3{break-after:avoid}.graph{overflow:visible;border:0}svg.chain{max-width:100%;height:auto}a{color:#000}a[href^="http"]::after{content:" <" attr(href) ">";font-size:.8em;overflow-wrap:anywhere}.verdict,.failure,tr.failed td{background:none}}
`;
// ES2017, no modules, no eval, nothing fetched: it only adds behaviour to the markup above.
const PAGE_SCRIPT = `
'use strict';
(function () {
  var doc = document;
  function each(list, fn) { Array.prototype.forEach.call(list, fn); }
  function openAncestors(el) {
    for (var p = el; p; p = p.parentElement) if (p.tagName === 'DETAILS') p.open = true;
  }
  function visible(el) { return el.offsetParent !== null || el.getClientRects().length > 0; }

  each(doc.querySelectorAll('.tree'), function (tree) {
    var input = tree.querySelector('input[type="search"]');
    var status = tree.querySelector('.tree-status');
    var items = tree.querySelectorAll('li');
    var texts = null;
    var timer = 0;
    function search() {
      var q = input.value.trim().toLowerCase();
      if (!texts) {
        texts = [];
        each(items, function (li) {
          var label = li.querySelector('.label');
          texts.push(label ? (label.textContent + ' ' + (label.getAttribute('title') || '')).toLowerCase() : '');
        });
      }
      // The tree's class changes, and is applied (reading offsetWidth), before the rows' do:
      // Chromium then restyles only the rows that change; restyled together, a tree of 15,000
      // rows takes seconds.
      if (q === '') tree.classList.remove('searching');
      else tree.classList.add('searching');
      void tree.offsetWidth;
      each(tree.querySelectorAll('li.hit, li.on-path'), function (li) { li.classList.remove('hit', 'on-path'); });
      if (q === '') { status.textContent = ''; return; }
      var hits = 0;
      for (var i = 0; i < items.length; i++) {
        if (texts[i].indexOf(q) < 0) continue;
        var li = items[i];
        li.classList.add('hit');
        hits++;
        for (var p = li.parentElement; p && p !== tree; p = p.parentElement) {
          if (p.tagName === 'DETAILS') p.open = true;
          if (p.tagName === 'LI') { if (p.classList.contains('on-path')) break; p.classList.add('on-path'); }
        }
      }
      status.textContent = hits === 1 ? '1 component matches' : hits + ' components match';
    }
    input.addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(search, 120); });
    input.addEventListener('keydown', function (e) { if (e.key === 'Enter') { clearTimeout(timer); search(); } });
    each(tree.querySelectorAll('button[data-open]'), function (b) {
      b.addEventListener('click', function () {
        var open = b.getAttribute('data-open') === 'true';
        each(tree.querySelectorAll('details'), function (d) { d.open = open; });
      });
    });
    // Arrow keys move between the rows shown; right opens, left closes or goes to the parent.
    tree.addEventListener('keydown', function (e) {
      var t = e.target;
      if (t.tagName !== 'SUMMARY' && !t.classList.contains('leaf')) return;
      var rows = Array.prototype.filter.call(tree.querySelectorAll('summary, .leaf'), visible);
      var i = rows.indexOf(t);
      var details = t.tagName === 'SUMMARY' ? t.parentElement : null;
      if (e.key === 'ArrowDown' && i >= 0 && i + 1 < rows.length) rows[i + 1].focus();
      else if (e.key === 'ArrowUp' && i > 0) rows[i - 1].focus();
      else if (e.key === 'ArrowRight' && details && !details.open) details.open = true;
      else if (e.key === 'ArrowLeft' && details && details.open) details.open = false;
      else if (e.key === 'ArrowLeft') {
        var up = t.closest('li').parentElement.closest('li');
        var s = up && up.querySelector(':scope > details > summary');
        if (s) s.focus();
      } else return;
      e.preventDefault();
    });
  });

  // A link into a closed part of a tree opens it.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var el = id && doc.getElementById(id);
    if (!el) return;
    openAncestors(el);
    el.scrollIntoView();
  }
  window.addEventListener('hashchange', reveal);
  if (location.hash) reveal();

  // Printing shows what is folded, except trees too long for paper.
  var opened = [];
  window.addEventListener('beforeprint', function () {
    each(doc.querySelectorAll('details:not([open])'), function (d) {
      var tree = d.closest('.tree');
      if (tree && tree.querySelectorAll('li').length > 2000) return;
      d.open = true;
      opened.push(d);
    });
  });
  window.addEventListener('afterprint', function () {
    opened.forEach(function (d) { d.open = false; });
    opened = [];
  });
  doc.documentElement.classList.add('js');
})();
`;
//# sourceMappingURL=assets.js.map
;// CONCATENATED MODULE: ./packages/report/dist/html.js
// The report as one self-contained HTML page: inline style, inline script of our own, inline
// SVG. A Content-Security-Policy admits only that style and that script (by hash): whatever an
// artifact's author wrote into a name is escaped text, and would not run even if it were not.





const hash = (text) => `'sha256-${(0,external_node_crypto_.createHash)('sha256').update(text).digest('base64')}'`;
/** The Content-Security-Policy of every page: nothing but our own style and script. */
const CONTENT_SECURITY_POLICY = [
    "default-src 'none'",
    `style-src ${hash(PAGE_CSS)}`,
    `script-src ${hash(PAGE_SCRIPT)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
].join('; ');
const badge = (v) => `<span class="badge ${v}">${VERDICT_TEXT[v]}</span>`;
function html_link(text, href) {
    const safe = safeHref(href);
    if (!safe)
        return escapeHtml(text);
    const external = !safe.startsWith('#');
    return `<a href="${escapeHtml(safe)}"${external ? ' rel="noopener noreferrer"' : ''}>${escapeHtml(text)}</a>`;
}
function bytes(n) {
    const exact = `${n.toLocaleString('en-US')} bytes`;
    if (n < 1024)
        return exact;
    const units = ['KiB', 'MiB', 'GiB'];
    let v = n / 1024;
    let u = 0;
    while (v >= 1024 && u < units.length - 1) {
        v /= 1024;
        u++;
    }
    return `${v.toFixed(1)} ${units[u]} (${exact})`;
}
function fields(list, mono = false) {
    if (list.length === 0)
        return '';
    return `<dl class="facts">${list
        .map((f) => {
        const value = mono ? `<code>${html_link(f.value, f.href)}</code>` : html_link(f.value, f.href);
        const claim = f.claim ? ' <span class="claim">(claim, not verified)</span>' : '';
        return `<dt>${escapeHtml(f.label)}</dt><dd>${value}${claim}</dd>`;
    })
        .join('')}</dl>`;
}
const STATUS_TEXT = {
    passed: '✓ passed',
    failed: '✗ failed',
    'not checked': '– not checked',
    warning: '! warning',
};
function checksTable(rows) {
    if (rows.length === 0)
        return '';
    const body = rows
        .map((r) => `<tr class="${r.status.replace(' ', '-')}"><td>${escapeHtml(r.check)}</td>` +
        `<td><span class="status ${r.status.replace(' ', '-')}">${STATUS_TEXT[r.status]}</span>${r.reason ? `<br><code>${escapeHtml(r.reason)}</code>` : ''}</td>` +
        `<td>${escapeHtml(r.detail)}</td></tr>`)
        .join('');
    return `<h3>Checks</h3><div class="scroll"><table class="checks"><thead><tr><th scope="col">Check</th><th scope="col">Result</th><th scope="col">Detail</th></tr></thead><tbody>${body}</tbody></table></div>`;
}
function nodeLabel(n) {
    const title = n.purl ?? n.sha256 ?? '';
    const parts = [`<span class="name">${escapeHtml(n.name)}</span>`];
    if (n.version)
        parts.push(` <span class="ver">${escapeHtml(n.version)}</span>`);
    let out = `<span class="label"${title ? ` title="${escapeHtml(title)}"` : ''}>${parts.join('')}</span>`;
    if (n.kind === 'embedded')
        out += '<span class="rel">embedded artifact</span>';
    else if (n.relation === 'contains' && n.kind !== 'artifact')
        out += '<span class="rel">contained</span>';
    if (n.ecosystem)
        out += `<span class="eco">${escapeHtml(n.ecosystem)}</span>`;
    for (const l of n.licences ?? [])
        out += `<span class="lic">${escapeHtml(l)}</span>`;
    if (n.verification)
        out += ` ${html_link(`verification: ${VERDICT_TEXT[n.verification.verdict]}`, n.verification.href)}`;
    if (n.repeatOf)
        out += ` <span class="repeat">${html_link('↑ shown above', `#${n.repeatOf}`)}</span>`;
    return out;
}
/** Nested lists, depth first without recursion (the builder bounds depth; this bounds the stack). */
function renderTree(root) {
    const out = [];
    const stack = [{ node: root, depth: 0 }];
    while (stack.length > 0) {
        const step = stack.pop();
        if ('close' in step) {
            out.push(step.close);
            continue;
        }
        const n = step.node;
        const cls = `${n.kind}${n.repeatOf ? ' repeated' : ''}`;
        if (n.children.length === 0) {
            out.push(`<li id="${escapeHtml(n.id)}" class="${cls}"><div class="leaf" tabindex="-1">${nodeLabel(n)}</div></li>`);
            continue;
        }
        // The artifact and what it embeds start open; packages start folded.
        const open = step.depth === 0 || n.kind === 'embedded' ? ' open' : '';
        out.push(`<li id="${escapeHtml(n.id)}" class="${cls}"><details${open}><summary>${nodeLabel(n)}</summary><ul>`);
        stack.push({ close: '</ul></details></li>' });
        for (let i = n.children.length - 1; i >= 0; i--)
            stack.push({ node: n.children[i], depth: step.depth + 1 });
    }
    return out.join('');
}
function sbomSection(s, id) {
    const ecosystems = Object.entries(s.ecosystems).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const ecoTable = ecosystems.length
        ? `<div class="scroll"><table class="ecosystems"><caption class="meta">Components by ecosystem</caption><thead><tr><th scope="col">Ecosystem</th><th scope="col" class="num">Components</th></tr></thead><tbody>${ecosystems
            .map(([k, n]) => `<tr><td>${escapeHtml(k)}</td><td class="num">${n}</td></tr>`)
            .join('')}</tbody></table></div>`
        : '';
    const licTable = s.licences.length
        ? `<div class="scroll"><table class="licences"><caption class="meta">Licences</caption><thead><tr><th scope="col">Licence</th><th scope="col" class="num">Components</th></tr></thead><tbody>${s.licences
            .map((l) => `<tr><td>${escapeHtml(l.licence)}</td><td class="num">${l.count}</td></tr>`)
            .join('')}</tbody></table></div>`
        : '';
    const omitted = s.omitted
        ? `<p class="meta">${s.omitted.toLocaleString('en-US')} more tree entries are not shown (the page shows at most a bounded number).</p>`
        : '';
    return (`<h3>SBOM</h3>` +
        `<p>${escapeHtml(s.format)}, ${s.componentCount.toLocaleString('en-US')} components, from <code>${escapeHtml(s.source)}</code>${s.required === false ? ' (verified for this report; the policy did not require an SBOM)' : ''}.</p>` +
        ecoTable +
        licTable +
        `<div class="tree" id="${escapeHtml(id)}-tree"><h4 class="meta">Components: what the artifact contains and depends on</h4>` +
        `<div class="tools"><label class="meta" for="${escapeHtml(id)}-search">Search</label><input type="search" id="${escapeHtml(id)}-search" placeholder="name, version or purl" autocomplete="off">` +
        '<button type="button" data-open="true">Expand all</button><button type="button" data-open="false">Collapse all</button>' +
        `<span class="tree-status" role="status" aria-live="polite"></span></div>` +
        `<ul>${renderTree(s.tree)}</ul>${omitted}</div>`);
}
function artifactSection(a) {
    const parts = [];
    parts.push(`<section class="artifact ${a.verdict}" id="${escapeHtml(a.id)}" aria-labelledby="${escapeHtml(a.id)}-h">`, `<h2 id="${escapeHtml(a.id)}-h">${badge(a.verdict)} ${escapeHtml(a.name)}</h2>`);
    if (a.parent)
        parts.push(`<p class="parent">${escapeHtml(a.parent.relation)} ${html_link(a.parent.name, `#${a.parent.id}`)}</p>`);
    if (a.failure)
        parts.push(`<p class="failure" role="note"><strong>✗ Verification failed: <code>${escapeHtml(a.failure.reason)}</code></strong><br>${escapeHtml(a.failure.message)}${a.failure.source ? `<br><span class="meta">evidence: <code>${escapeHtml(a.failure.source)}</code></span>` : ''}</p>`);
    const facts = [];
    if (a.target && a.target !== a.name)
        facts.push({ label: 'Target', value: a.target });
    if (a.size !== undefined)
        facts.push({ label: 'Size', value: bytes(a.size) });
    parts.push(fields(facts));
    parts.push(fields(a.digests, true));
    if (a.references?.length)
        parts.push(fields(a.references.map((r) => ({ label: 'Published', value: r })), true));
    parts.push(checksTable(a.checks));
    if (a.signer.length)
        parts.push('<h3>Signer and source</h3>', fields(a.signer));
    if (a.slsa)
        parts.push('<h3>SLSA Build level</h3>', `<p><strong>${a.slsa.level === 0 ? 'none' : `Build L${a.slsa.level}`}</strong>: ${escapeHtml(a.slsa.reason)}</p>`);
    if (a.provenance.length || a.builtFrom.length) {
        parts.push('<h3>Provenance</h3>', fields(a.provenance));
        if (a.builtFrom.length)
            parts.push('<p class="meta">Built from (resolvedDependencies):</p>', `<ul class="plain">${a.builtFrom.map((f) => `<li><code>${escapeHtml(f.value)}</code>${f.label ? ` ${escapeHtml(f.label)}` : ''}</li>`).join('')}</ul>`);
    }
    if (a.tlog.length || a.timestamps.length) {
        parts.push('<h3>Transparency log and timestamps</h3><ul class="plain">');
        for (const t of a.tlog)
            parts.push(`<li>Log entry ${html_link(t.logIndex, t.href)} (${escapeHtml(t.kind)}${t.integratedTime ? `, integrated ${escapeHtml(t.integratedTime)}` : ''}; log <code>${escapeHtml(t.logId.slice(0, 16))}…</code>)${t.href ? '' : ' <span class="meta">(not the public-good log: no public search page)</span>'}</li>`);
        for (const t of a.timestamps)
            parts.push(`<li>Signed at ${escapeHtml(t.time)} (${t.kind === 'transparency-log' ? 'transparency log' : 'RFC 3161 timestamp'})</li>`);
        parts.push('</ul>');
    }
    if (a.embedded.length) {
        parts.push('<h3>Embedded and built-from artifacts</h3><ul class="plain">', ...a.embedded.map((x) => `<li>${badge(x.verdict)} ${html_link(x.name, x.href)} <code>sha256:${escapeHtml(x.sha256)}</code> <span class="meta">${escapeHtml(x.detail)}</span></li>`), '</ul>');
    }
    if (a.evidence.length)
        parts.push('<h3>Evidence</h3>', fields(a.evidence, true));
    if (a.sbom)
        parts.push(sbomSection(a.sbom, a.id));
    if (a.warnings.length)
        parts.push('<h3>Warnings</h3><ul class="plain">', ...a.warnings.map((w) => `<li><span class="status warning">! warning</span> ${escapeHtml(w)}</li>`), '</ul>');
    parts.push('</section>');
    return parts.join('');
}
function verdictBanner(m) {
    const total = m.artifacts.filter((a) => !a.parent).length;
    const failed = m.artifacts.filter((a) => a.verdict === 'failed');
    if (m.verdict === 'failed') {
        return ('<div class="verdict failed" role="alert"><p><strong>✗ Verification FAILED</strong>: ' +
            `${failed.filter((a) => !a.parent).length} of ${total} artifacts failed.</p><ul>` +
            failed
                .map((a) => `<li>${html_link(a.name, `#${a.id}`)}: <code>${escapeHtml(a.failure?.reason ?? 'FAILED')}</code> ${escapeHtml(a.failure?.message ?? '')}</li>`)
                .join('') +
            '</ul></div>');
    }
    if (m.verdict === 'verified')
        return `<div class="verdict verified"><p><strong>✓ Verified</strong>: ${total === 1 ? 'the artifact passed' : `all ${total} artifacts passed`} every check.</p></div>`;
    return `<div class="verdict signed"><p><strong>Signed</strong>: ${total} artifact${total === 1 ? '' : 's'} attested. This page shows what was signed; <code>attest verify</code> checks it.</p></div>`;
}
function toc(m) {
    const items = m.artifacts
        .map((a) => `<li>${html_link(a.name, `#${a.id}`)} ${badge(a.verdict)}${a.parent ? ` <span class="meta">in ${escapeHtml(a.parent.name)}</span>` : ''}</li>`)
        .join('');
    return `<nav class="toc" aria-label="Artifacts"><ol>${items}</ol></nav>`;
}
function chainSection(m) {
    if (m.graph.nodes.length === 0)
        return '';
    const label = new Map(m.graph.nodes.map((n) => [n.id, n.label]));
    const list = m.graph.edges
        .filter((x) => label.has(x.from) && label.has(x.to))
        .map((x) => `<li>${escapeHtml(label.get(x.from))} <em>${escapeHtml(x.relation)}</em> ${escapeHtml(label.get(x.to))}</li>`)
        .join('');
    return ('<section id="chain" aria-labelledby="chain-h"><h2 id="chain-h">The chain</h2>' +
        '<p class="legend">Boxes: artifacts (thick border), embedded artifacts, their components and what they were built from. Lines: solid = embeds, dotted = contains, dashed = built from. A failed artifact says FAILED and has a dashed border.</p>' +
        `<div class="graph">${renderGraphSvg(m.graph)}</div>` +
        (list
            ? `<details><summary>The chain as a list</summary><ul class="plain">${list}</ul></details>`
            : '') +
        '</section>');
}
/** The whole page, self-contained. */
function renderHtml(model) {
    const policy = model.policy.length ? `<h2>Policy</h2>${fields(model.policy)}` : '';
    const notes = model.notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('');
    return ('<!doctype html>\n<html lang="en"><head><meta charset="utf-8">' +
        '<meta name="viewport" content="width=device-width, initial-scale=1">' +
        `<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">` +
        '<meta name="referrer" content="no-referrer">' +
        `<meta name="generator" content="${escapeHtml(model.generator)}">` +
        `<title>${escapeHtml(model.title)}</title><style>${PAGE_CSS}</style></head><body>` +
        '<a class="skip" href="#main">Skip to the artifacts</a>' +
        `<header><h1>${escapeHtml(model.title)}</h1>${verdictBanner(model)}` +
        `<p class="meta">Generated ${escapeHtml(model.generatedAt)} by ${escapeHtml(model.generator)}.</p>${toc(model)}</header>` +
        `<main id="main" tabindex="-1">${chainSection(model)}${model.artifacts.map(artifactSection).join('')}</main>` +
        `<footer>${policy}${notes}</footer>` +
        `<script>${PAGE_SCRIPT}</script></body></html>\n`);
}
//# sourceMappingURL=html.js.map
;// CONCATENATED MODULE: ./packages/report/dist/markdown.js
// The report as a GitHub job summary: per artifact its digest, SLSA level, signer, log entry,
// SBOM counts and (for verifications) a table of checks with a row per failed reason; the chain
// as a Mermaid diagram (GitHub renders Mermaid in summaries). Evidence is inert: code spans for
// values, escaped text for sentences, entity-coded labels in Mermaid.


/** Nodes a Mermaid diagram in a summary shows at most (GitHub refuses very large ones). */
const MAX_MERMAID_NODES = 60;
function row(cells) {
    return `| ${cells.join(' | ')} |`;
}
function markdown_link(label, href) {
    const safe = safeHref(href);
    return safe && !safe.startsWith('#') ? `[${markdownText(label)}](${safe})` : markdownText(label);
}
const STATUS = {
    passed: '✅ passed',
    failed: '❌ **failed**',
    'not checked': '➖ not checked',
    warning: '⚠️ warning',
};
/** A verdict in a job summary: GitHub's emoji, the failure in bold. */
const VERDICT = {
    verified: '✅ verified',
    failed: '❌ **FAILED**',
    signed: 'signed',
};
function artifactMarkdown(a) {
    const verdict = VERDICT[a.verdict];
    const out = [`### ${markdownCode(a.name)}: ${verdict}`];
    if (a.parent)
        out.push(`${markdownText(a.parent.relation)} ${markdownCode(a.parent.name)}`);
    if (a.failure)
        out.push(`> ❌ ${markdownCode(a.failure.reason)}: ${markdownText(a.failure.message)}`);
    const facts = [];
    for (const d of a.digests)
        facts.push([d.label, markdownCode(d.value)]);
    for (const r of a.references ?? [])
        facts.push(['Published', markdownCode(r)]);
    if (a.slsa)
        facts.push([
            'SLSA',
            `${a.slsa.level === 0 ? 'none' : `**Build L${a.slsa.level}**`}: ${markdownText(a.slsa.reason)}`,
        ]);
    const signerFact = (role) => a.signer.find((f) => f.role === role);
    const signer = signerFact('signer');
    if (signer)
        facts.push(['Signer', markdownCode(signer.value)]);
    const source = signerFact('source');
    if (source)
        facts.push(['Source', markdownCode(source.value)]);
    const commit = signerFact('commit');
    if (commit)
        facts.push(['Commit', markdownCode(commit.value)]);
    const run = signerFact('run');
    if (run)
        facts.push(['Run', markdown_link(run.value, run.href)]);
    for (const t of a.tlog)
        facts.push([
            'Log entry',
            t.href ? markdown_link(t.logIndex, t.href) : `${markdownCode(t.logIndex)} (${markdownText(t.kind)})`,
        ]);
    if (a.sbom) {
        const eco = Object.entries(a.sbom.ecosystems)
            .sort((x, y) => y[1] - x[1])
            .map(([k, n]) => `${markdownText(k)} ${n}`)
            .join(', ');
        facts.push(['SBOM', `${a.sbom.componentCount} components${eco ? `: ${eco}` : ''}`]);
    }
    for (const x of a.embedded)
        facts.push(['Embeds', `${markdownCode(x.name)} ${VERDICT[x.verdict]}`]);
    if (facts.length)
        out.push([row(['', '']), row(['---', '---']), ...facts.map(([k, v]) => row([k, v]))].join('\n'));
    if (a.checks.length)
        out.push([
            row(['Check', 'Result', 'Detail']),
            row(['---', '---', '---']),
            ...a.checks.map((c) => row([
                markdownText(c.check),
                `${STATUS[c.status]}${c.reason ? ` ${markdownCode(c.reason)}` : ''}`,
                markdownText(c.detail),
            ])),
        ].join('\n'));
    return out.join('\n\n');
}
/** The chain as a Mermaid flowchart (left to right), at most `MAX_MERMAID_NODES` nodes. */
function renderMermaid(graph) {
    const nodes = graph.nodes.slice(0, MAX_MERMAID_NODES);
    const index = new Map(nodes.map((n, i) => [n.id, `n${i}`]));
    const lines = ['flowchart LR'];
    for (const n of nodes) {
        const status = verdictText(n);
        const label = mermaidLabel(status ? `${status} ${n.label}` : n.label);
        const shape = n.kind === 'artifact' || n.kind === 'embedded' ? ['["', '"]'] : ['("', '")'];
        lines.push(`  ${index.get(n.id)}${shape[0]}${label}${shape[1]}`);
    }
    for (const e of graph.edges) {
        const a = index.get(e.from);
        const b = index.get(e.to);
        if (!a || !b)
            continue;
        const arrow = e.relation === 'embeds' ? '-->' : e.relation === 'contains' ? '-.->' : '==>';
        lines.push(`  ${a} ${arrow}|${e.relation}| ${b}`);
    }
    const failed = nodes.filter((n) => n.verdict === 'failed').map((n) => index.get(n.id));
    if (failed.length) {
        lines.push('  classDef failed stroke:#cf222e,stroke-width:3px,stroke-dasharray:5 3');
        lines.push(`  class ${failed.join(',')} failed`);
    }
    if (graph.nodes.length > nodes.length)
        lines.push(`  more("#43;${graph.nodes.length - nodes.length} more")`);
    return `\`\`\`mermaid\n${lines.join('\n')}\n\`\`\``;
}
/** The job summary. */
function renderMarkdown(model) {
    const top = model.artifacts.filter((a) => !a.parent);
    const failed = model.artifacts.filter((a) => a.verdict === 'failed');
    const parts = [`## ${markdownText(model.title)}`];
    if (model.verdict === 'failed')
        parts.push(`❌ **Verification FAILED**: ${failed.filter((a) => !a.parent).length} of ${top.length} artifacts failed.\n\n` +
            failed
                .map((a) => `- ${markdownCode(a.name)}: ${markdownCode(a.failure?.reason ?? 'FAILED')} ${markdownText(a.failure?.message ?? '')}`)
                .join('\n'));
    else if (model.verdict === 'verified')
        parts.push(`✅ **Verified**: ${top.length === 1 ? 'the artifact passed' : `all ${top.length} artifacts passed`} every check.`);
    else
        parts.push(`${top.length} artifact${top.length === 1 ? '' : 's'} signed.`);
    if (model.reportLink) {
        const href = safeHref(model.reportLink.href);
        if (href)
            parts.push(`📄 [${markdownText(model.reportLink.label)}](${href})`);
    }
    if (model.graph.nodes.length > 0)
        parts.push(renderMermaid(model.graph));
    for (const a of model.artifacts)
        parts.push(artifactMarkdown(a));
    for (const n of model.notes)
        parts.push(markdownText(n));
    return `${parts.join('\n\n')}\n`;
}
//# sourceMappingURL=markdown.js.map
;// CONCATENATED MODULE: ./packages/report/dist/index.js




//# sourceMappingURL=index.js.map

/***/ })

};
