// worker_threads: an uncaught error becomes 'error' then 'exit' 1 in the parent; terminate() resolves to 1;
// process.exit codes; an error thrown at the top of an eval worker; messages sent before the error arrive first.
const { Worker } = require('worker_threads');

function run(code, label, options = {}) {
  return new Promise((resolve) => {
    const w = new Worker(code, { eval: true, ...options });
    const seen = [];
    w.on('message', (m) => seen.push(`message:${JSON.stringify(m)}`));
    w.on('error', (e) => seen.push(`error:${e.constructor.name}:${e.message}:${e.code}:${e instanceof Error}`));
    w.on('exit', (code) => { seen.push(`exit:${code}`); console.log(label, seen.join(' | ')); resolve(); });
  });
}

(async () => {
  await run("require('worker_threads').parentPort.postMessage(1); throw new TypeError('bad thing')", 'throw');
  await run("const e = new Error('coded'); e.code = 'E_CUSTOM'; throw e", 'coded');
  await run("setTimeout(() => { throw new RangeError('later') }, 5)", 'async throw');
  await run("Promise.reject(new Error('rejected'))", 'rejection');
  await run("process.exit(5)", 'exit5');
  await run("process.exitCode = 9", 'exitCode9');
  await run("process.on('exit', (c) => require('worker_threads').parentPort.postMessage('exit event ' + c)); process.exit(2)", 'exit listener');
  await run("throw 42", 'throw number');
  await run("syntax error here", 'syntax');
  const w = new Worker("setInterval(() => {}, 1000); require('worker_threads').parentPort.postMessage('spinning')", { eval: true });
  w.once('message', async (m) => {
    console.log('got', m);
    w.on('exit', (c) => console.log('terminated exit event', c));
    const code = await w.terminate();
    console.log('terminate resolved', code);
    const busy = new Worker("require('worker_threads').parentPort.postMessage('busy'); for (;;) {}", { eval: true });
    busy.once('message', async () => console.log('busy loop terminate', await busy.terminate()));
  });
})();
