import type { AuditCliIo } from '../../src/cli/audit-cli-io.js';

/** CLI I/O that keeps what the CLI printed. */
export function capturedIo(defaultStatePath: string): AuditCliIo & { out: string; err: string } {
  const io = {
    out: '',
    err: '',
    stdout: (text: string) => void (io.out += text),
    stderr: (text: string) => void (io.err += text),
    fetch: (input: Parameters<typeof fetch>[0], init?: Parameters<typeof fetch>[1]) => fetch(input, init),
    defaultStatePath,
  };
  return io;
}
