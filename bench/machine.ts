/** What the figures were measured on, printed and saved with them. */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, release } from 'node:os';

export interface MachineInfo {
  cpus: number;
  cpuModel: string;
  node: string;
  kernel: string;
  openssh: string;
  /** Whether ssh2's native crypto loaded; the relay runs the same ssh2 with the same node. */
  ssh2NativeCrypto: boolean;
  /** 1-minute load average when the bench started: other work on the machine skews figures. */
  loadAverage: number;
}

export function describeMachine(): MachineInfo {
  const require = createRequire(import.meta.url);
  const crypto = require('ssh2/lib/protocol/crypto.js') as { bindingAvailable?: unknown };
  return {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    kernel: release(),
    // ssh -V prints its version to stderr.
    openssh: spawnSync('ssh', ['-V'], { encoding: 'utf8' }).stderr?.trim() || 'unknown',
    ssh2NativeCrypto: crypto.bindingAvailable === true,
    loadAverage: loadavg()[0] ?? 0,
  };
}

