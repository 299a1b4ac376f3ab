// The body of the `ReverifyThread` worker: re-verifies signature material with registry keys, in the
// order asked, and answers with the outcomes (undefined where the key form cannot be imported).
import { parentPort } from 'node:worker_threads';
import { reverify } from '@wildlife/signatures';
import { publicKeyObject } from './imported-public-keys.js';
import type { ReverifyJob } from './reverify-thread.js';

parentPort?.on('message', ({ id, jobs }: { id: number; jobs: ReverifyJob[] }) => {
  const outcomes = jobs.map(({ registryKey, material }) => {
    try {
      return reverify(material, publicKeyObject(registryKey));
    } catch {
      return undefined;
    }
  });
  parentPort!.postMessage({ id, outcomes });
});
