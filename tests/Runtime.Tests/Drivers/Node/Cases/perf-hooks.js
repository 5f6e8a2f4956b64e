const { performance, PerformanceObserver, PerformanceEntry, PerformanceMark, monitorEventLoopDelay, constants } = require('perf_hooks');
console.log(performance === globalThis.performance, typeof performance.now(), performance.now() >= 0, performance.timeOrigin > 1e12);
const obs = new PerformanceObserver((list, observer) => {
  for (const e of list.getEntries()) console.log('observed', e.entryType, e.name, typeof e.startTime, typeof e.duration, e.detail);
  console.log('byName', list.getEntriesByName('a').length, 'byType', list.getEntriesByType('measure').length, observer === obs);
});
obs.observe({ entryTypes: ['mark', 'measure'] });
const m = performance.mark('a', { detail: { x: 1 } });
console.log(m instanceof PerformanceMark, m instanceof PerformanceEntry, m.name, m.entryType, m.duration, JSON.stringify(m.detail));
performance.mark('b', { startTime: 0 }); // before 'a' however fast the process started
const meas = performance.measure('a-to-b', 'a', 'b');
console.log(meas.entryType, meas.name, meas.startTime === m.startTime, meas.duration === 0 - m.startTime);
const meas2 = performance.measure('span', { start: 1, end: 4, detail: 'd' });
console.log(meas2.startTime, meas2.duration, meas2.detail);
try { performance.measure('x', 'nope'); } catch (e) { console.log(e.name, e.message, e instanceof DOMException); }
console.log(performance.getEntriesByType('mark').map((e) => e.name).join(), performance.getEntriesByName('span').length, performance.getEntries().length);
performance.clearMarks('a');
console.log(performance.getEntriesByType('mark').map((e) => e.name).join());
performance.clearMarks(); performance.clearMeasures();
console.log(performance.getEntries().length);
console.log('sync end');
setTimeout(() => { obs.disconnect(); performance.mark('after-disconnect'); console.log(PerformanceObserver.supportedEntryTypes.join()); 
  console.log(typeof constants.NODE_PERFORMANCE_GC_MAJOR);
}, 50);
