import { malformed } from '../errors.js';
import type { Inventory, Package } from '../model.js';
import { golangPurl } from '../purl.js';

interface Require {
  path: string;
  version: string;
  indirect: boolean;
  line: number;
}
interface Replace {
  path: string;
  version?: string;
  to: string;
  toVersion?: string;
}

// One token of a go.mod line (read in place): after blanks, a `//` comment (the rest of the
// line), a "quoted" or `raw` string, a bare word (which may hold quotes, never `//`), an
// unterminated quote, or the end of the line.
const TOKEN =
  /[ \t\r]*(?:\/\/([\s\S]*)|"([^"]*)"|`([^`]*)`|((?:[^ \t\r/"`]|\/(?!\/))(?:[^ \t\r/]|\/(?!\/))*)|(["`])|$)/y;

/** Splits a go.mod line into tokens, honouring Go's quoted strings and `//` comments. */
function tokenize(
  line: string,
  file: string,
  lineNo: number,
): { tokens: string[]; comment: string } {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  for (;;) {
    const m = TOKEN.exec(line)!;
    if (m[1] !== undefined) return { tokens, comment: m[1].trim() };
    const token = m[2] ?? m[3] ?? m[4];
    if (token !== undefined) tokens.push(token);
    else if (m[5] !== undefined) throw malformed(file, 'unterminated string', lineNo);
    else return { tokens, comment: '' };
  }
}

const VERSION = /^v\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** go.mod (with go.sum beside it when there is one): no Go toolchain needed. */
export function parseGoMod(
  text: string,
  file: string,
  goSum?: { text: string; file: string },
): Inventory {
  let module: string | undefined;
  let goDirective: string | undefined;
  const requires: Require[] = [];
  const replaces: Replace[] = [];
  const excludes = new Set<string>();
  let block: string | undefined;
  const lines = text.split('\n');
  lines.forEach((raw, idx) => {
    const lineNo = idx + 1;
    const { tokens, comment } = tokenize(raw, file, lineNo);
    if (tokens.length === 0) return;
    let verb: string;
    let args: string[];
    if (block !== undefined) {
      if (tokens[0] === ')') {
        block = undefined;
        return;
      }
      verb = block;
      args = tokens;
    } else {
      verb = tokens[0]!;
      args = tokens.slice(1);
      if (args[0] === '(' && args.length === 1) {
        block = verb;
        return;
      }
    }
    switch (verb) {
      case 'module':
        module = args[0];
        break;
      case 'go':
        goDirective = args[0];
        break;
      case 'require': {
        if (args.length !== 2 || !VERSION.test(args[1]!))
          throw malformed(file, `bad require: ${raw.trim()}`, lineNo);
        requires.push({
          path: args[0]!,
          version: args[1]!,
          indirect: /^indirect\b/.test(comment),
          line: lineNo,
        });
        break;
      }
      case 'exclude':
        if (args.length !== 2) throw malformed(file, `bad exclude: ${raw.trim()}`, lineNo);
        excludes.add(`${args[0]}@${args[1]}`);
        break;
      case 'replace': {
        const arrow = args.indexOf('=>');
        if (arrow < 1 || arrow > 2 || args.length - arrow - 1 < 1 || args.length - arrow - 1 > 2)
          throw malformed(file, `bad replace: ${raw.trim()}`, lineNo);
        replaces.push({
          path: args[0]!,
          ...(arrow === 2 ? { version: args[1]! } : {}),
          to: args[arrow + 1]!,
          ...(args.length - arrow - 1 === 2 ? { toVersion: args[arrow + 2]! } : {}),
        });
        break;
      }
      case 'toolchain':
      case 'retract':
      case 'godebug':
      case 'tool':
      case 'ignore':
        break;
      default:
        throw malformed(file, `unknown directive "${verb}"`, lineNo);
    }
  });
  if (block !== undefined) throw malformed(file, `unterminated ${block} block`, lines.length);
  if (module === undefined) throw malformed(file, 'no module directive');

  const sums = goSum ? parseGoSum(goSum.text, goSum.file) : undefined;
  const warnings: string[] = [];
  const main: Package = {
    key: module,
    ecosystem: 'golang',
    name: module,
    version: '',
    purl: golangPurl(module, ''),
    firstParty: true,
    dependencies: [],
  };
  const packages: Package[] = [main];
  for (const req of requires) {
    if (excludes.has(`${req.path}@${req.version}`)) continue;
    const rep =
      replaces.find((r) => r.path === req.path && r.version === req.version) ??
      replaces.find((r) => r.path === req.path && r.version === undefined);
    const local = rep !== undefined && rep.toVersion === undefined;
    const path = rep && !local ? rep.to : req.path;
    const version = rep && !local ? rep.toVersion! : req.version;
    const pkg: Package = {
      key: req.path,
      ecosystem: 'golang',
      name: path,
      version: local ? '' : version,
      purl: golangPurl(path, local ? '' : version),
      properties: { 'build-artifact:go.indirect': String(req.indirect) },
    };
    if (rep) {
      pkg.properties!['build-artifact:go.replaces'] = `${req.path}@${req.version}`;
      if (local) {
        pkg.firstParty = true;
        pkg.properties!['build-artifact:go.local-path'] = rep.to;
      }
    }
    // go.sum's h1: is a hash over a file listing, not over a downloadable file, so it is a
    // property here and never a CycloneDX hash.
    const h1 = sums?.get(`${path}@${version}`);
    if (h1) pkg.properties!['build-artifact:go.sum'] = h1;
    else if (sums && !local) warnings.push(`${file}: ${path}@${version} has no go.sum entry`);
    packages.push(pkg);
    if (!req.indirect) main.dependencies!.push(pkg.key);
  }
  // Before go 1.17 go.mod need not list indirect dependencies: the list may be short.
  const [maj, min] = (goDirective ?? '1.16').split('.').map(Number);
  const pruned = maj! > 1 || (maj === 1 && min! >= 17);
  if (!pruned)
    warnings.push(
      `${file}: go ${goDirective ?? '(none)'} < 1.17: indirect dependencies may be missing`,
    );
  return {
    source: file,
    format: 'go.mod',
    packages,
    hasGraph: false,
    firstPartyEdgesOnly: true,
    completeness: pruned ? 'complete' : 'incomplete',
    warnings,
  };
}

/** go.sum lines `<module> <version>[/go.mod] h1:<base64>` -> `module@version` -> h1 of the zip. */
export function parseGoSum(text: string, file: string): Map<string, string> {
  const out = new Map<string, string>();
  text.split('\n').forEach((raw, idx) => {
    const line = raw.trim();
    if (line === '') return;
    const parts = line.split(/\s+/);
    if (parts.length !== 3 || !/^h\d+:/.test(parts[2]!))
      throw malformed(file, `bad go.sum line: ${line.slice(0, 80)}`, idx + 1);
    if (parts[1]!.endsWith('/go.mod')) return;
    out.set(`${parts[0]}@${parts[1]}`, parts[2]!);
  });
  return out;
}

/** go.mod with the go.sum beside it read through `read` (when there is one). */
export function parseGoModWithSum(
  text: string,
  file: string,
  read: { optional: (path: string) => string | undefined },
): Inventory {
  const sumPath = file.replace(/go\.mod$/, 'go.sum');
  const sum = read.optional(sumPath);
  return parseGoMod(text, file, sum === undefined ? undefined : { text: sum, file: sumPath });
}
