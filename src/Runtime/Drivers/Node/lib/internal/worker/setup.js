// node:internal/worker/setup — runs in a worker's isolate during the bootstrap: the worker's process.env, argv and
// unsupported operations, its parentPort and workerData, and uncaught errors sent to the parent instead of printed.
'use strict';
module.exports = function setupWorker() {
  const { bridge, OP, info } = internal;
  const w = info.worker;
  const process = internal.process;
  const errors = internal.errors;

  for (const key of Object.keys(process.env)) delete process.env[key];
  for (const entry of w.env) {
    const eq = entry.indexOf('=');
    if (eq > 0) process.env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  if (w.mode !== 'file') process.argv.splice(1, 0, '[worker eval]');
  const unsupported = (name) => function () {
    throw errors.codedError(TypeError, 'ERR_WORKER_UNSUPPORTED_OPERATION', `${name} is not supported in workers`);
  };
  process.chdir = unsupported('process.chdir()');
  process.abort = unsupported('process.abort()');

  const messaging = require('internal/worker/messaging');
  const bytes = internal.blobToBuffer(w.data);
  const { data } = messaging.deserializeMessage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), []);
  let parentPort = null;
  internal.worker = {
    threadId: w.threadId,
    workerData: data.workerData,
    environmentData: data.environmentData,
    get parentPort() { return parentPort || (parentPort = messaging.createPort(w.port)); },
  };
  internal.reportUncaught = (err) => {
    const blob = internal.blobFromBytes(require('internal/worker/errors').serializeError(err));
    bridge(OP.WorkerError, blob);
  };
  bridge(OP.WorkerOnline);
};
