import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { cpSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const tsc = `${repoRoot}node_modules/.bin/tsc`;
const entry = fileURLToPath(new URL('../../dist/fault-injection/consumer-process/main.js', import.meta.url));

/**
 * Compiles the consumer process to `tests/dist/` (with the libraries it imports, which it loads from
 * their `dist/` like a deployed service) and copies its migrations beside the compiled service.
 */
export function buildConsumerProcess(): void {
  execFileSync(tsc, ['-b', 'libs/service-kit'], { cwd: repoRoot, stdio: 'pipe' });
  execFileSync(tsc, ['-p', 'tests/fault-injection/consumer-process/tsconfig.json'], { cwd: repoRoot, stdio: 'pipe' });
  cpSync(new URL('../../spine/effect-recording/migrations/', import.meta.url), new URL('../../dist/spine/effect-recording/migrations/', import.meta.url), {
    recursive: true,
  });
}

export interface ConsumerProcess {
  readonly pid: number;
  /** Resolves with the exit code (or signal) once the process has exited. */
  readonly exited: Promise<number | NodeJS.Signals>;
  /** What it wrote to stdout and stderr so far, for a failing test's message. */
  output(): string;
  kill(signal: NodeJS.Signals): void;
}

/** Starts the effect-recording service as a child process with `env` (e.g. a service test environment). */
export function startConsumerProcess(env: NodeJS.ProcessEnv): ConsumerProcess {
  const child: ChildProcess = spawn(process.execPath, [entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | NodeJS.Signals>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code ?? 0)));
  return {
    pid: child.pid!,
    exited,
    output: () => output.join(''),
    kill: (signal) => child.kill(signal),
  };
}
