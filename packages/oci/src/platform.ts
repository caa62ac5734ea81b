import { open } from 'node:fs/promises';
import { fileError } from '@build-artifact/core';
import { OciError } from './error.js';
import type { Platform } from './types.js';
import { detectWasm } from './wasm.js';

/** Parses `os/arch[/variant]` (e.g. `linux/amd64`, `linux/arm/v7`, `wasip1/wasm`). */
export function parsePlatform(value: string): Platform {
  const parts = value.split('/');
  if (parts.length < 2 || parts.length > 3 || parts.some((p) => !/^[a-z0-9._-]+$/i.test(p))) {
    throw new OciError({
      code: 'INVALID_PLATFORM',
      message: `invalid platform "${value}": expected os/arch[/variant], e.g. linux/amd64`,
    });
  }
  const [os, architecture, variant] = parts as [string, string, string?];
  return { os, architecture, ...(variant ? { variant } : {}) };
}

export function formatPlatform(p: Platform): string {
  return `${p.os}/${p.architecture}${p.variant ? `/${p.variant}` : ''}`;
}

const ELF_MACHINES: Record<number, string> = {
  3: '386',
  40: 'arm',
  62: 'amd64',
  183: 'arm64',
  243: 'riscv64',
  22: 's390x',
  258: 'loong64',
};
const ELF_OSABI: Record<number, string> = {
  0: 'linux',
  3: 'linux',
  9: 'freebsd',
  12: 'openbsd',
  2: 'netbsd',
};
const PE_MACHINES: Record<number, string> = { 34404: 'amd64', 43620: 'arm64', 332: '386' };
const MACHO_CPU: Record<number, string> = { 16777223: 'amd64', 16777228: 'arm64' };

/**
 * The platform a binary was built for, read from its header (ELF, Mach-O, PE, wasm); undefined
 * when the file is none of these (a tarball, a script): then `--platform` must say it.
 */
export async function detectPlatform(path: string): Promise<Platform | undefined> {
  const wasm = await detectWasm(path);
  if (wasm) return { os: wasm.os, architecture: 'wasm' };
  let fh: Awaited<ReturnType<typeof open>>;
  try {
    fh = await open(path, 'r');
  } catch (err) {
    throw fileError(path, err);
  }
  try {
    const head = Buffer.alloc(64);
    const { bytesRead } = await fh.read(head, 0, 64, 0);
    if (bytesRead < 20) return undefined;
    if (head.readUInt32BE(0) === 0x7f454c46) {
      const le = head[5] === 1;
      const machine = le ? head.readUInt16LE(18) : head.readUInt16BE(18);
      const os = ELF_OSABI[head[7]!] ?? 'linux';
      let architecture = ELF_MACHINES[machine];
      if (machine === 0x15) architecture = le ? 'ppc64le' : 'ppc64';
      if (machine === 0x08) architecture = le ? 'mipsle' : 'mips';
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
  } finally {
    await fh.close();
  }
}
