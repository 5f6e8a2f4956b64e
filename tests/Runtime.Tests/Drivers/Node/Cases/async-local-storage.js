const { AsyncLocalStorage, AsyncResource } = require('async_hooks');
const fs = require('fs');
const als = new AsyncLocalStorage();
const other = new AsyncLocalStorage();
// Callbacks of different sources finish in a timing-dependent order: lines are printed sorted at exit.
const lines = [];
const log = (where) => lines.push(`${where} ${JSON.stringify(als.getStore())} ${JSON.stringify(other.getStore())}`);
process.on('exit', () => console.log(lines.sort().join('\n')));
log('outside');
als.run({ id: 1 }, () => {
  log('sync');
  process.nextTick(() => log('nextTick'));
  setTimeout(() => log('timeout'), 1);
  setImmediate(() => log('immediate'));
  queueMicrotask(() => log('microtask'));
  Promise.resolve().then(() => log('then'));
  fs.readFile(__filename, () => log('fs callback'));
  fs.promises.readFile(__filename).then(() => log('fs promise'));
  (async () => {
    await null;
    log('after await');
    await new Promise((r) => setTimeout(r, 2));
    log('after await timer');
    other.run('nested', () => log('nested'));
    log('after nested');
    als.exit(() => log('exit'));
  })();
});
log('outside again');
const r = als.run({ id: 2 }, () => new AsyncResource('X'));
r.runInAsyncScope(() => log('resource'));
const snap = als.run({ id: 3 }, () => AsyncLocalStorage.snapshot());
snap(() => log('snapshot'));
const bound = als.run({ id: 4 }, () => AsyncLocalStorage.bind(() => log('bound')));
bound();
setTimeout(() => {
  als.enterWith({ id: 5 });
  log('enterWith');
  setTimeout(() => { log('enterWith timer'); als.disable(); log('disabled'); }, 1);
}, 20);
setTimeout(() => log('later root'), 40);
