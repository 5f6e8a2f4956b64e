// worker_threads: MessageChannel ports (order, start/close, 'close' events), receiveMessageOnPort, a port
// transferred to a worker, and ref/unref.
const { Worker, MessageChannel, MessagePort, receiveMessageOnPort, isMainThread, parentPort } = require('worker_threads');

if (!isMainThread) {
  parentPort.once('message', ({ port, label }) => {
    console.log('worker got a port:', port instanceof MessagePort, label);
    setInterval(() => {}, 1000); // stays alive until terminated
    port.on('message', (m) => {
      if (m === 'end') { port.postMessage('closing'); port.close(); return; }
      port.postMessage(m * 10);
    });
  });
  return;
}

const { port1, port2 } = new MessageChannel();
console.log(port1 instanceof MessagePort, typeof port1.postMessage, typeof port1.start);
port1.postMessage('a');
port1.postMessage({ b: 2 });
console.log('sync receive', receiveMessageOnPort(port2), receiveMessageOnPort(port2), receiveMessageOnPort(port2));
const got = [];
port2.on('message', (m) => {
  got.push(m);
  if (got.length === 3) { console.log('port2 got', got); port2.close(); }
});
port2.on('close', () => {
  console.log('port2 close');
  step2();
});
// The worker gets its port only after port1's 'close' line: a worker here writes fd 1 directly (Node pipes it through
// the main thread, see the Node README), so its first line must not race the main thread's.
let port1Closed = false;
let onPort1Closed = () => {};
port1.on('close', () => { console.log('port1 close'); port1Closed = true; onPort1Closed(); });
port1.postMessage(1);
port1.postMessage(2);
port1.postMessage(3);
console.log('posted synchronously');

function step2() {
  const w = new Worker(__filename);
  const { port1: mine, port2: theirs } = new MessageChannel();
  const begin = () => w.postMessage({ port: theirs, label: 'hello' }, [theirs]);
  if (port1Closed) begin(); else onPort1Closed = begin;
  const replies = [];
  mine.on('message', (m) => {
    replies.push(m);
    if (m === 'closing') console.log('replies', replies);
  });
  mine.on('close', () => { console.log('mine closed by the worker'); w.terminate(); });
  for (const n of [1, 2, 3]) mine.postMessage(n);
  mine.postMessage('end');
  w.on('exit', (c) => {
    console.log('worker exit', c);
    const { port1: idle } = new MessageChannel();
    idle.on('message', () => {});
    idle.unref();
    console.log('an unref\'d port does not keep the process alive');
  });
}
