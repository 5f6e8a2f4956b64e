// worker_threads: stdout/stderr: true give the parent readable worker.stdout/worker.stderr (the worker's console
// output arrives there, not on the process's stdout); a MessagePort in workerData with options.transferList.
const { Worker, MessageChannel, isMainThread, workerData } = require('worker_threads');

if (!isMainThread) {
  console.log('line 1 from the worker');
  process.stdout.write('no newline;');
  console.error('to stderr');
  workerData.port.postMessage({ viaTransferredPort: workerData.label });
  workerData.port.close();
  return;
}

const { port1, port2 } = new MessageChannel();
port1.on('message', (m) => console.log('port message', m));
const w = new Worker(__filename, { stdout: true, stderr: true, workerData: { port: port2, label: 'hi' }, transferList: [port2] });
let out = '';
let err = '';
w.stdout.setEncoding('utf8').on('data', (d) => { out += d; });
w.stderr.on('data', (d) => { err += d; });
w.stdout.on('end', () => console.log('stdout ended:', JSON.stringify(out)));
w.on('exit', (code) => {
  console.log('exit', code, 'stderr:', JSON.stringify(err), 'port2 moved:', port1 !== null);
  setImmediate(() => console.log('after exit:', JSON.stringify(out)));
});
try { new Worker(__filename, { workerData: { port: port2 }, transferList: [port2] }); } catch (e) { console.log(e.name, e.message); }
