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
  // Like Node without `stdin: true`: the worker's process.stdin is an empty stream (fd 0 stays the main thread's).
  let stdin;
  Object.defineProperty(process, 'stdin', {
    configurable: true, enumerable: true,
    get() {
      if (!stdin) {
        stdin = new (require('stream').Readable)({ read() { this.push(null); } });
        stdin.fd = 0;
      }
      return stdin;
    },
  });
  process.abort = unsupported('process.abort()');

  const messaging = require('internal/worker/messaging');
  const bytes = internal.blobToBuffer(w.data);
  const { data } = messaging.deserializeMessage(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length), w.dataPorts);
  if (data.stdio) pipeStdio(process, data.stdio);
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

// new Worker(..., { stdout: true / stderr: true }): the stream writes become messages to the parent's worker.stdout/stderr.
// { stdin: true }: the parent's worker.stdin writes arrive as process.stdin's data, and its end as the stream's end.
function pipeStdio(process, { port, stdin, stdout, stderr }) {
  const { Readable, Writable } = require('stream');
  port.unref();
  if (stdin) {
    // While the worker reads its stdin, the channel keeps it alive (as in Node), until the parent ends the stream.
    const stream = new Readable({ read() { if (!ended) port.ref(); } });
    let ended = false;
    port.on('message', ([name, chunk]) => {
      if (name !== 'stdin') return;
      if (chunk === null) {
        ended = true;
        port.unref();
      }
      stream.push(chunk);
    });
    port.unref();
    stream.fd = 0;
    Object.defineProperty(process, 'stdin', { configurable: true, enumerable: true, value: stream });
  }
  for (const [name, wanted] of [['stdout', stdout], ['stderr', stderr]]) {
    if (!wanted) continue;
    const stream = new Writable({
      decodeStrings: false,
      write(chunk, encoding, callback) {
        port.postMessage([name, typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk]);
        callback();
      },
    });
    stream.fd = name === 'stdout' ? 1 : 2;
    stream.isTTY = false;
    stream._isStdio = true;
    Object.defineProperty(process, name, { configurable: true, enumerable: true, value: stream });
  }
}
