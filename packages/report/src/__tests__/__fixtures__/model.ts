import type { ReportModel } from '../../model.js';

/** Names an artifact's author could write, in every place a name appears. */
export const HOSTILE = {
  script: '<script>window.__pwned=1</script>',
  img: '<img src=x onerror="window.__pwned=2">',
  controls: 'red\u001b[31m\u202egnp.exe\u0007',
  markdown: '[click](https://evil.example/) **bold** | cell ` tick @user www.evil.example',
  quote: '"><svg onload=alert(3)>',
};

/** A small model: one verified CLI embedding one failed module, every string hostile. */
export function hostileModel(): ReportModel {
  return {
    title: `Report ${HOSTILE.script}`,
    generatedAt: '2026-01-01T00:00:00.000Z',
    generator: 'test',
    verdict: 'failed',
    policy: [{ label: 'Repository', value: HOSTILE.quote }],
    artifacts: [
      {
        id: 'a1',
        name: HOSTILE.img,
        verdict: 'failed',
        failure: { reason: 'SUBJECT_MISMATCH', message: HOSTILE.controls },
        digests: [{ label: 'SHA-256', value: `sha256:${'a'.repeat(64)}` }],
        checks: [
          { check: 'Signature', status: 'passed', detail: HOSTILE.markdown },
          { check: 'Subject', status: 'failed', reason: 'SUBJECT_MISMATCH', detail: HOSTILE.script },
        ],
        signer: [
          {
            label: 'Signer workflow',
            value: HOSTILE.quote,
            href: 'javascript:alert(1)',
            role: 'signer',
          },
          { label: 'Workflow run', value: 'run', href: 'https://github.com/o/r/actions/runs/1', role: 'run' },
          { label: 'Caller workflow', value: 'not in the summary' },
        ],
        slsa: { level: 3, reason: HOSTILE.img },
        provenance: [{ label: 'Builder', value: HOSTILE.script, claim: true }],
        builtFrom: [{ label: 'sha256:1', value: HOSTILE.quote }],
        tlog: [{ logIndex: '42', logId: 'ab'.repeat(32), kind: 'dsse/0.0.1', href: 'https://search.sigstore.dev/?logIndex=42' }],
        timestamps: [{ kind: 'transparency-log', time: '2026-01-01T00:00:00Z' }],
        evidence: [{ label: 'Provenance', value: HOSTILE.controls }],
        sbom: {
          source: HOSTILE.script,
          format: 'CycloneDX 1.6',
          componentCount: 2,
          ecosystems: { [HOSTILE.img]: 2 },
          licences: [{ licence: HOSTILE.script, count: 2 }],
          tree: {
            id: 'a1-n1',
            name: HOSTILE.script,
            kind: 'artifact',
            children: [
              {
                id: 'a1-n2',
                name: HOSTILE.img,
                version: HOSTILE.quote,
                purl: HOSTILE.quote,
                kind: 'embedded',
                relation: 'contains',
                verification: { href: '#a2', verdict: 'failed' },
                children: [
                  { id: 'a1-n3', name: 'github.com/nats-io/jwt/v2', version: 'v2.3.0', kind: 'component', relation: 'contains', ecosystem: 'golang', children: [] },
                ],
              },
              { id: 'a1-n4', name: HOSTILE.img, kind: 'component', relation: 'depends on', repeatOf: 'a1-n2', children: [] },
            ],
          },
        },
        embedded: [{ name: HOSTILE.quote, sha256: 'b'.repeat(64), verdict: 'failed', detail: HOSTILE.script, href: '#a2' }],
        warnings: [HOSTILE.controls],
      },
      {
        id: 'a2',
        name: 'module.wasm',
        parent: { id: 'a1', name: HOSTILE.img, relation: 'Embedded in' },
        verdict: 'failed',
        failure: { reason: 'DEPENDENCY_FAILED', message: 'no bundle' },
        digests: [],
        checks: [],
        signer: [],
        provenance: [],
        builtFrom: [],
        tlog: [],
        timestamps: [],
        evidence: [],
        embedded: [],
        warnings: [],
      },
    ],
    graph: {
      nodes: [
        { id: 'g1', label: HOSTILE.script, kind: 'artifact', verdict: 'failed', href: '#a1' },
        { id: 'g2', label: HOSTILE.quote, kind: 'embedded', verdict: 'failed', href: 'javascript:alert(2)' },
        { id: 'g3', label: HOSTILE.markdown, kind: 'module' },
      ],
      edges: [
        { from: 'g1', to: 'g2', relation: 'embeds' },
        { from: 'g2', to: 'g3', relation: 'contains' },
      ],
    },
    notes: [HOSTILE.markdown],
  };
}
