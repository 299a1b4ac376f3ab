import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function run(command: string, args: readonly string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(command, [...args], { cwd: root, timeout: 120_000 }, (error, stdout, stderr) => {
      const status = error === null ? 0 : typeof error.code === 'number' ? error.code : -1;
      resolve({ status, stdout, stderr });
    });
  });
}

/** Compiles `project` (a directory or tsconfig under the repository) and what it references: `tsc -b`, incremental. */
export async function buildProject(project: string): Promise<void> {
  const built = await run(process.execPath, ['node_modules/typescript/bin/tsc', '-b', project]);
  if (built.status !== 0) throw new Error(`building ${project} failed:\n${built.stdout}${built.stderr}`);
}

/** Builds the auditor and the libraries it uses, so `bin/audit.mjs` runs the current code. */
export function buildAuditor(): Promise<void> {
  return buildProject('libs/auditor/tsconfig.json');
}

/** Runs the `audit` command as a process, as an auditor would. */
export function auditProcess(...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return run(process.execPath, ['libs/auditor/bin/audit.mjs', ...args]);
}
