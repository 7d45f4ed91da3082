// Runs layoutXml in a worker thread, so that a layout that never finishes fails its test after
// a timeout instead of stalling `npm test`: a busy loop blocks the event loop, so neither
// node:test's own timeout nor a timer in this thread could end it.
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

export const LAYOUT_TIMEOUT_MS = 20000; // a sample takes well under a second

/** Lays out each of `inputs` (BPMN XML strings); resolves to their layoutXml results. */
export function layoutWithin(inputs, ms = LAYOUT_TIMEOUT_MS) {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url), { workerData: inputs });
    const timer = setTimeout(() => {
      worker.terminate();
      reject(new Error(`layout did not finish within ${ms} ms (endless loop?)`));
    }, ms);
    worker.once('message', (m) => {
      clearTimeout(timer);
      worker.terminate();
      if (m.error) reject(new Error(m.error));
      else resolve(m.results);
    });
    worker.once('error', (err) => { clearTimeout(timer); reject(err); });
  });
}

if (!isMainThread) {
  const { layoutXml } = await import('../layout.mjs');
  try {
    const results = [];
    for (const xml of workerData) results.push(await layoutXml(xml));
    parentPort.postMessage({ results });
  } catch (err) {
    parentPort.postMessage({ error: err.message });
  }
}
