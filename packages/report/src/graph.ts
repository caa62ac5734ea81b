// The chain graph drawn by us as inline SVG: a layered layout, left to right (an artifact, what
// it embeds, that module's own components), small enough to compute in the renderer. Nothing
// is fetched and nothing runs: the SVG is markup, every label escaped.
import { escapeHtml, safeHref } from './escape.js';
import { type ChainGraph, type GraphEdge, type GraphNode, VERDICT_TEXT } from './model.js';

export interface PlacedNode extends GraphNode {
  layer: number;
  x: number;
  y: number;
}

export interface GraphLayout {
  nodes: PlacedNode[];
  edges: GraphEdge[];
  width: number;
  height: number;
}

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
export function layoutGraph(graph: ChainGraph): GraphLayout {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const edges = graph.edges.filter((e) => ids.has(e.from) && ids.has(e.to) && e.from !== e.to);
  const out = new Map<string, string[]>();
  const indegree = new Map<string, number>(graph.nodes.map((n) => [n.id, 0]));
  for (const e of edges) {
    out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
    indegree.set(e.to, indegree.get(e.to)! + 1);
  }
  const layer = new Map<string, number>();
  const queue = graph.nodes.filter((n) => indegree.get(n.id) === 0).map((n) => n.id);
  for (const id of queue) layer.set(id, 0);
  // Kahn's order: a node is placed once all its parents are.
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i]!;
    for (const to of out.get(id) ?? []) {
      layer.set(to, Math.max(layer.get(to) ?? 0, layer.get(id)! + 1));
      const left = indegree.get(to)! - 1;
      indegree.set(to, left);
      if (left === 0) queue.push(to);
    }
  }
  // Nodes on a cycle: after everything else.
  const deepest = Math.max(0, ...layer.values());
  for (const n of graph.nodes) if (!layer.has(n.id)) layer.set(n.id, deepest + 1);

  const layers: GraphNode[][] = [];
  for (const n of graph.nodes) {
    const l = layer.get(n.id)!;
    layers[l] = [...(layers[l] ?? []), n];
  }
  const row = new Map<string, number>();
  const parents = new Map<string, string[]>();
  for (const e of edges) parents.set(e.to, [...(parents.get(e.to) ?? []), e.from]);
  const placed: PlacedNode[] = [];
  layers.forEach((nodes, l) => {
    const order = nodes.map((n, i) => {
      const ps = (parents.get(n.id) ?? []).filter((p) => row.has(p));
      const centre = ps.length ? ps.reduce((s, p) => s + row.get(p)!, 0) / ps.length : i;
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

function shorten(label: string): string {
  const chars = [...label];
  return chars.length > LABEL_CHARS ? `${chars.slice(0, LABEL_CHARS - 1).join('')}…` : label;
}

const KIND_TEXT: Record<GraphNode['kind'], string> = {
  artifact: 'artifact',
  embedded: 'embedded artifact',
  module: 'component',
  source: 'built from',
  more: 'more',
};

/** The status words of a node: never colour alone. */
export function verdictText(node: GraphNode): string {
  return node.verdict ? VERDICT_TEXT[node.verdict] : '';
}

/** The graph as inline SVG (or an empty string without nodes). */
export function renderGraphSvg(graph: ChainGraph): string {
  if (graph.nodes.length === 0) return '';
  const layout = layoutGraph(graph);
  const at = new Map(layout.nodes.map((n) => [n.id, n]));
  const name = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const edges = layout.edges
    .map((e) => {
      const a = at.get(e.from)!;
      const b = at.get(e.to)!;
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
      const body =
        `<g class="node ${n.kind}${n.verdict ? ` ${n.verdict}` : ''}" transform="translate(${n.x},${n.y})">` +
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
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chain" viewBox="0 0 ${layout.width} ${layout.height}" width="${layout.width}" height="${layout.height}" aria-labelledby="chain-svg-title">` +
    '<title id="chain-svg-title">The chain of artifacts, what they embed and what they were built from</title>' +
    '<defs><marker id="chain-arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="8" markerHeight="8" orient="auto"><path d="M0,0 L8,4 L0,8 z"/></marker></defs>' +
    `<g class="edges">${edges}</g><g class="nodes">${nodes}</g></svg>`
  );
}
