#!/usr/bin/env node
// bench/digest: hash a 1 GiB file with `attest digest`, `sha256sum` and `openssl dgst -sha256`
// in the same run and print throughput and ratios. Target: attest >= 0.9x openssl.
import { randomFillSync } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { attestBin, ensureCliBundle, printTable, timeCommand } from './_lib.mjs';

await ensureCliBundle();

const size = Number(process.env.BENCH_DIGEST_BYTES ?? 1024 ** 3);
const dir = mkdtempSync(join(tmpdir(), 'bench-digest-'));
const file = join(dir, 'input.bin');
try {
  // Random content, written for real: a sparse file would flatter every reader.
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(16 * 1024 * 1024);
  for (let written = 0; written < size; written += chunk.length) {
    randomFillSync(chunk);
    writeSync(fd, chunk, 0, Math.min(chunk.length, size - written));
  }
  closeSync(fd);

  const tools = [
    ['attest digest', process.execPath, [attestBin, 'digest', file]],
    ['sha256sum', 'sha256sum', [file]],
    ['openssl dgst -sha256', 'openssl', ['dgst', '-sha256', '-r', file]],
  ];
  const results = tools.map(([name, cmd, args]) => {
    const { seconds, result } = timeCommand(cmd, args, { runs: 3 });
    return { name, seconds, hex: result.stdout.slice(0, 64) };
  });
  if (new Set(results.map((r) => r.hex)).size !== 1)
    throw new Error('the tools disagree on the digest');
  const openssl = results[2].seconds;
  printTable(
    ['tool', 'seconds', 'MiB/s', 'vs openssl (throughput)'],
    results.map((r) => [
      r.name,
      r.seconds.toFixed(3),
      (size / 1024 / 1024 / r.seconds).toFixed(0),
      `${(openssl / r.seconds).toFixed(2)}x`,
    ]),
  );
  const ratio = openssl / results[0].seconds;
  console.log(
    `\nattest/openssl throughput ratio: ${ratio.toFixed(2)}x (target >= 0.90x) ${ratio >= 0.9 ? 'OK' : 'BELOW TARGET'}`,
  );
  console.log(
    `attest/sha256sum throughput ratio: ${(results[1].seconds / results[0].seconds).toFixed(2)}x`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
