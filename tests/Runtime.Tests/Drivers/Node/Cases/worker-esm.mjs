// worker_threads from an ES module: a worker started from this file's URL, ESM exports in the worker, the import
// of worker_threads' named exports, a worker that never listens exits by itself, and ref/unref.
import { Worker, isMainThread, parentPort, workerData, threadId } from 'node:worker_threads';

if (isMainThread) {
  const results = [];
  const w = new Worker(new URL(import.meta.url), { workerData: { from: 'main', n: [1, 2, 3] } });
  w.on('message', (m) => results.push(m));
  w.on('exit', (code) => {
    console.log('esm worker exit', code, JSON.stringify(results));
    const idle = new Worker('setInterval(() => {}, 1000)', { eval: true });
    idle.unref();
    console.log('unref\'d worker started; main ends now');
  });
} else {
  const total = workerData.n.reduce((a, b) => a + b, 0);
  parentPort.postMessage({ threadId, total, from: workerData.from, meta: typeof import.meta.url });
  await new Promise((resolve) => setTimeout(resolve, 10));
  parentPort.postMessage('after top-level await');
}
