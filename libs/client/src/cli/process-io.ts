import { readFile } from 'node:fs/promises';
import { readKeyFile, writeKeyFile } from '@wildlife/signatures';
import type { CliIo } from './cli-io.js';

/** The CLI's I/O on the running process: its streams, the file system and the global fetch. */
export function processIo(): CliIo {
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    readFile: (path) => readFile(path),
    readKeyFile: (path) => readKeyFile(path),
    writeKeyFile: (path, key) => writeKeyFile(path, key),
    fetch: (input, init) => globalThis.fetch(input, init),
  };
}
