import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The repository's root (libs/testing/{src,dist}/ → ../../../). */
const repositoryRoot = fileURLToPath(new URL('../../../', import.meta.url));
const tsc = `${repositoryRoot}node_modules/typescript/bin/tsc`;

/**
 * Compiles `project` (a directory or a tsconfig, relative to the repository's root) and the projects
 * it references, with `tsc -b`: what a test that runs compiled code as a process (a service's
 * `dist/main.js`, the `audit` command) calls first, so the process runs the current sources. Rejects
 * with tsc's output when the build fails.
 */
export function buildProject(project: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [tsc, '-b', project], { cwd: repositoryRoot, timeout: 120_000 }, (error, stdout, stderr) => {
      if (error === null) resolve();
      else reject(new Error(`building ${project} failed (${error.message.split('\n')[0]}):\n${stdout}${stderr}`));
    });
  });
}
