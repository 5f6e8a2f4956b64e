// worker_threads: workerData, argv, threadId, message ordering both ways, 'online', exit codes.
const { Worker, isMainThread, parentPort, workerData, threadId } = require('worker_threads');

if (isMainThread) {
  console.log('main', isMainThread, threadId, parentPort, workerData);
  const w = new Worker(__filename, { workerData: { n: 3, list: [1, 'two', { three: 3 }] }, argv: ['--flag', 42] });
  const events = [];
  w.on('online', () => events.push('online'));
  w.on('message', (m) => {
    events.push('message');
    console.log('from worker:', JSON.stringify(m));
    if (m === 'ready') for (let i = 0; i < 5; i++) w.postMessage({ i, square: i * i });
    if (m && m.done) w.postMessage('bye');
  });
  w.on('exit', (code) => {
    console.log('exit', code, events[0], events.filter((e) => e === 'message').length);
    console.log('threadId is a number:', typeof w.threadId, w.threadId > 0);
    const eval1 = new Worker("require('worker_threads').parentPort.postMessage(require('worker_threads').workerData * 2)", { eval: true, workerData: 21 });
    eval1.once('message', (v) => console.log('eval worker says', v));
    eval1.on('exit', (c) => {
      console.log('eval worker exit', c);
      const quitter = new Worker('process.exitCode = 0; process.exit(7)', { eval: true });
      quitter.on('exit', (c2) => console.log('process.exit(7) in a worker gives', c2, '- main still alive'));
    });
  });
} else {
  console.log('worker', isMainThread, threadId > 0, JSON.stringify(workerData), process.argv.slice(2));
  let sum = 0;
  let count = 0;
  parentPort.on('message', (m) => {
    if (m === 'bye') { parentPort.close(); return; }
    count++;
    sum += m.square;
    parentPort.postMessage({ echo: m.i });
    if (count === 5) parentPort.postMessage({ done: true, sum });
  });
  parentPort.postMessage('ready');
}
