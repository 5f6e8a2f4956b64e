// worker_threads: BroadcastChannel between the main thread and workers (a poster never receives its own message),
// onmessage and addEventListener, close(), and unref() letting the process end.
const { Worker, BroadcastChannel, isMainThread, threadId } = require('worker_threads');

if (!isMainThread) {
  const bc = new BroadcastChannel('news');
  bc.onmessage = (event) => {
    if (event.data === 'stop') { bc.close(); return; }
    if (typeof event.data === 'string') return; // another worker's 'ready'
    bc.postMessage(`worker ${threadId} saw ${JSON.stringify(event.data)}`);
  };
  bc.postMessage(`worker ${threadId} ready`);
  return;
}

const main = new BroadcastChannel('news');
const other = new BroadcastChannel('other');
other.onmessage = () => console.log('other channel got a message?');
console.log(main.name, String(main), typeof main.postMessage);
const seen = [];
let ready = 0;
main.addEventListener('message', (event) => {
  seen.push(event.data);
  if (/ready$/.test(event.data) && ++ready === 2) main.postMessage({ n: 1, when: new Date(0) });
  if (seen.length === 4) {
    console.log(seen.sort());
    main.postMessage('stop');
    main.close();
    other.unref();
    try { main.postMessage('late'); } catch (e) { console.log(e.name, e.message); }
  }
});
const exits = [];
for (let i = 0; i < 2; i++) new Worker(__filename).on('exit', (c) => { exits.push(c); if (exits.length === 2) console.log('workers exited', exits); });
try { new BroadcastChannel(); } catch (e) { console.log(e.code); }
