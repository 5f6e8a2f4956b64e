// node:timers/promises
'use strict';
const t = internal.timers;
function abortError() { const e = new Error('The operation was aborted'); e.name = 'AbortError'; e.code = 'ABORT_ERR'; return e; }
function setTimeout(ms, value, options = {}) {
  return new Promise((resolve, reject) => {
    if (options.signal && options.signal.aborted) return reject(abortError());
    const h = t.setTimeout(() => resolve(value), ms);
    if (options.ref === false) h.unref();
    if (options.signal) options.signal.addEventListener('abort', () => { t.clearTimeout(h); reject(abortError()); }, { once: true });
  });
}
function setImmediate(value, options = {}) {
  return new Promise((resolve, reject) => {
    if (options.signal && options.signal.aborted) return reject(abortError());
    const h = t.setImmediate(() => resolve(value));
    if (options.signal) options.signal.addEventListener('abort', () => { t.clearImmediate(h); reject(abortError()); }, { once: true });
  });
}
async function* setInterval(ms, value) {
  while (true) { await setTimeout(ms); yield value; }
}
module.exports = { setTimeout, setImmediate, setInterval, scheduler: { wait: (ms) => setTimeout(ms), yield: () => setImmediate() } };
