#!/usr/bin/env node
// sbom-diff OLD.cdx.json NEW.cdx.json [--json]
// Exit 0: no differences; 1: differences found; 2: bad usage or unreadable input.
import { readFile } from 'node:fs/promises';
import pc from 'picocolors';
import { diffBoms } from './diff.js';

const args = process.argv.slice(2);
const json = args.includes('--json');
const files = args.filter((a) => a !== '--json');
if (files.length !== 2 || files.some((f) => f.startsWith('-'))) {
  process.stderr.write('usage: sbom-diff OLD.cdx.json NEW.cdx.json [--json]\n');
  process.exit(2);
}

async function load(file) {
  try {
    return JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    process.stderr.write(`sbom-diff: ${file}: ${err.message}\n`);
    process.exit(2);
  }
}

const [oldBom, newBom] = await Promise.all(files.map(load));
let diff;
try {
  diff = diffBoms(oldBom, newBom);
} catch (err) {
  process.stderr.write(`sbom-diff: ${err.message}\n`);
  process.exit(2);
}

const count = Object.values(diff).reduce((n, list) => n + list.length, 0);
if (json) {
  process.stdout.write(`${JSON.stringify(diff, null, 2)}\n`);
} else {
  const line = (mark, color, text) => process.stdout.write(`${color(mark)} ${text}\n`);
  for (const c of diff.added) line('+', pc.green, `${c.id} ${c.version}`);
  for (const c of diff.removed) line('-', pc.red, `${c.id} ${c.version}`);
  for (const c of diff.upgraded) line('↑', pc.cyan, `${c.id} ${c.from} -> ${c.to}`);
  for (const c of diff.downgraded) line('↓', pc.yellow, `${c.id} ${c.from} -> ${c.to}`);
  for (const c of diff.changed) line('~', pc.magenta, `${c.id} ${c.from} -> ${c.to}`);
  if (count === 0) process.stdout.write('no differences\n');
}
process.exitCode = count === 0 ? 0 : 1;
