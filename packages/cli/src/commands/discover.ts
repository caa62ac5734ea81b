import { safeJson, safeText } from '@build-artifact/core';
import {
  Annotation,
  type Descriptor,
  formatPlatform,
  formatReference,
  isIndex,
  listReferrers,
  readManifest,
  type Target,
} from '@build-artifact/oci';
import { type Command, UsageError } from '../command.js';
import { ociReference, openOci, referenceTarget } from '../oci.js';
import { outputFormat } from '../output.js';

interface Node {
  digest: string;
  mediaType: string;
  size: number;
  artifactType?: string;
  platform?: string;
  annotations?: Record<string, string>;
  manifests?: Node[];
  referrers: Node[];
}

async function referrerTree(
  target: Target,
  digest: string,
  depth: number,
  seen: Set<string>,
): Promise<Node[]> {
  if (depth <= 0) return [];
  const out: Node[] = [];
  for (const d of await listReferrers(target, digest)) {
    if (seen.has(d.digest)) continue;
    seen.add(d.digest);
    out.push({ ...describe(d), referrers: await referrerTree(target, d.digest, depth - 1, seen) });
  }
  return out;
}

function describe(d: Descriptor): Omit<Node, 'referrers'> {
  return {
    digest: d.digest,
    mediaType: d.mediaType,
    size: d.size,
    ...(d.artifactType ? { artifactType: d.artifactType } : {}),
    ...(d.platform ? { platform: formatPlatform(d.platform) } : {}),
    ...(d.annotations ? { annotations: d.annotations } : {}),
  };
}

function label(n: Node): string {
  const type = n.artifactType ?? n.mediaType;
  const extra = [
    n.platform,
    n.annotations?.[Annotation.BUNDLE_PREDICATE_TYPE],
    n.annotations?.[Annotation.TITLE],
  ].filter(Boolean);
  return `${n.digest}  ${type}${extra.length ? `  ${extra.join('  ')}` : ''}`;
}

function render(nodes: Node[], prefix: string, lines: string[]): void {
  const children = nodes;
  children.forEach((n, i) => {
    const lastOne = i === children.length - 1;
    lines.push(`${prefix}${lastOne ? '└── ' : '├── '}${label(n)}`);
    const sub = [...(n.manifests ?? []), ...n.referrers];
    render(sub, `${prefix}${lastOne ? '    ' : '│   '}`, lines);
  });
}

export const discoverCommand: Command = {
  name: 'discover',
  summary: 'show the referrers (bundles, SBOMs, signatures) attached to an OCI artifact, as a tree',
  usage: 'discover oci://REGISTRY/REPO[:TAG|@DIGEST] [--format text|json] [flags]',
  help: [
    ['REF', 'oci://REGISTRY/REPO[:TAG][@DIGEST] or oci-layout:DIR[:TAG]'],
    ['--depth N', 'how many levels of referrers of referrers to follow (default 3)'],
    ['--plain-http', 'use http:// for a registry that is not on loopback'],
    ['--format text|json', 'output format (default text)'],
  ],
  examples: [
    'attest discover oci://ghcr.io/acme/nats-server:v2.10.0',
    'attest discover oci-layout:./oci-layout --format json',
  ],
  options: {
    depth: { type: 'string', default: '3' },
    'plain-http': { type: 'boolean' },
    format: { type: 'string', default: 'text' },
  },
  positionals: true,
  async run({ values, positionals }, io) {
    const format = outputFormat(values.format);
    const depth = Number(values.depth);
    if (!Number.isInteger(depth) || depth < 1)
      throw new UsageError(`--depth must be a positive integer, not "${String(values.depth)}"`);
    if (positionals.length !== 1) throw new UsageError('discover needs exactly one REF');
    const ref = ociReference(positionals[0]!, 'REF');
    const target = openOci(ref, io, { plainHttp: values['plain-http'] === true });
    const top = await readManifest(target, referenceTarget(ref));
    const seen = new Set<string>([top.descriptor.digest]);
    const root: Node = {
      ...describe(top.descriptor),
      referrers: await referrerTree(target, top.descriptor.digest, depth, seen),
    };
    if (isIndex(top.manifest)) {
      root.manifests = [];
      for (const child of top.manifest.manifests) {
        seen.add(child.digest);
        root.manifests.push({
          ...describe(child),
          referrers: await referrerTree(target, child.digest, depth, seen),
        });
      }
    }
    const { tag: _t, ...base } = ref;
    const reference = formatReference({ ...base, digest: top.descriptor.digest });
    if (format === 'json') {
      io.stdout.write(`${safeJson({ reference, ...root }, 2)}\n`);
    } else {
      const lines = [`${reference}  ${root.artifactType ?? root.mediaType}`];
      render([...(root.manifests ?? []), ...root.referrers], '', lines);
      // Annotations and types come from the registry: each line escaped.
      io.stdout.write(`${lines.map(safeText).join('\n')}\n`);
    }
    return 0;
  },
};
