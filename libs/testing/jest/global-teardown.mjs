/** Stops the containers the global setup started, if any; the local broker keeps running for the next run. */
export default async function globalTeardown() {
  await globalThis.__wildlifeContainers?.stop();
}
