// node:async_hooks ids and hooks: which resource each callback runs in, who created it, hook order; output only
// depends on relations between ids (their numbers differ from Node's).
const ah = require('async_hooks');
const fs = require('fs');
const lines = [];
const log = (...a) => lines.push(a.join(' '));
const types = new Map();
const events = [];
const hook = ah.createHook({
  init(id, type, trigger) { types.set(id, { type, trigger }); },
  before(id) { if (types.get(id)) events.push('before ' + types.get(id).type); },
  after(id) { if (types.get(id)) events.push('after ' + types.get(id).type); },
});
const typeOf = (id) => (types.get(id) || { type: '?' }).type;
log('top', ah.executionAsyncId(), ah.triggerAsyncId(), typeof ah.executionAsyncResource());
hook.enable();
setTimeout(function () {
  const eid = ah.executionAsyncId();
  log('timeout', typeOf(eid), ah.triggerAsyncId() === 1, ah.executionAsyncResource() === this);
  process.nextTick(() => {
    log('tick', typeOf(ah.executionAsyncId()), ah.triggerAsyncId() === eid);
    Promise.resolve().then(() => {
      log('then', typeOf(ah.executionAsyncId()));
      setImmediate(() => {
        log('immediate', typeOf(ah.executionAsyncId()));
        hook.disable();
        setTimeout(() => {
          log('after disable', types.has(ah.executionAsyncId()));
          log(events.filter((e) => !e.includes('PROMISE')).join(', '));
          setTimeout(() => { throw new Error('boom'); }, 1);
        }, 1);
      });
    });
  });
}, 1);
const r = new ah.AsyncResource('MyRes');
log('resource', typeOf(r.asyncId()), r.triggerAsyncId() === 1);
r.runInAsyncScope(() => log('in scope', ah.executionAsyncId() === r.asyncId(), ah.triggerAsyncId() === 1));
try { ah.createHook({ init: 5 }); } catch (e) { log(e.code, e.message); }
// uncaught errors reach the capture callback and the monitor inside the failing callback's context
process.on('uncaughtExceptionMonitor', (e, origin) => log('monitor', e.message, origin, typeOf(ah.executionAsyncId())));
process.setUncaughtExceptionCaptureCallback((e) => log('captured', e.message));
try { process.setUncaughtExceptionCaptureCallback(() => {}); } catch (e) { log(e.code); }
process.on('exit', () => console.log(lines.join('\n')));
