const dc = require('diagnostics_channel');
const { AsyncLocalStorage } = require('async_hooks');
const ch = dc.channel('my-channel');
console.log(ch.name, ch.hasSubscribers, dc.hasSubscribers('my-channel'), ch instanceof dc.Channel);
const onMsg = (msg, name) => console.log('got', msg, name);
dc.subscribe('my-channel', onMsg);
console.log(ch.hasSubscribers, dc.channel('my-channel') === ch);
ch.publish({ a: 1 });
console.log(dc.unsubscribe('my-channel', onMsg), dc.unsubscribe('my-channel', onMsg), ch.hasSubscribers);
ch.publish('nobody');
const store = new AsyncLocalStorage();
ch.bindStore(store, (data) => ({ wrapped: data }));
ch.runStores('ctx', function (x) { console.log('in runStores', store.getStore(), this.t, x); }, { t: 'this' }, 42);
console.log(ch.unbindStore(store), ch.hasSubscribers);
const tc = dc.tracingChannel('op');
const handlers = {
  start: (c) => console.log('start', c.arg), end: (c) => console.log('end', c.result, c.error && c.error.message),
  asyncStart: (c) => console.log('asyncStart', c.result), asyncEnd: (c) => console.log('asyncEnd'), error: (c) => console.log('error', c.error.message),
};
tc.subscribe(handlers);
console.log('sync result', tc.traceSync((a) => a * 2, { arg: 1 }, null, 21));
try { tc.traceSync(() => { throw new Error('bad'); }, { arg: 2 }); } catch (e) { console.log('caught', e.message); }
tc.tracePromise(async (v) => v + 1, { arg: 3 }, null, 1).then((v) => {
  console.log('promise result', v);
  tc.traceCallback((x, cb) => setTimeout(() => cb(null, x + '!'), 1), -1, { arg: 4 }, null, 'hi', (err, r) => {
    console.log('callback result', err, r);
    console.log(tc.unsubscribe(handlers), tc.hasSubscribers);
  });
});
