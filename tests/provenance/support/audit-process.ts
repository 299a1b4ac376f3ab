import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildProject } from '@wildlife/testing';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function run(command: string, args: readonly string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, [...args], { cwd: root, timeout: 120_000 }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ status, stdout, stderr });
    });
  });
}

/** Builds the auditor and the libraries it uses, so `bin/audit.mjs` runs the current code. */
export function buildAuditor(): Promise<void> {
  return buildProject('libs/auditor/tsconfig.json');
}

/** Runs the `audit` command as a process, as an auditor would. */
export function auditProcess(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return run(process.execPath, ['libs/auditor/bin/audit.mjs', ...args]);
}
