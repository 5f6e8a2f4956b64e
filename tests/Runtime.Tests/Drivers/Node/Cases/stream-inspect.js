// util.inspect of stream objects and their states as in Node 22: own property names and order, the
// ReadableState/WritableState classes with their bit-field layout ([Symbol(kState)]), and the state accessors.
const util = require('util');
const { Readable, Writable, Duplex, Transform, PassThrough } = require('stream');
const show = (label, value) => console.log(label, util.inspect(value, { depth: 1 }));
show('readable', new Readable());
show('writable', new Writable());
show('duplex', new Duplex({ allowHalfOpen: false, objectMode: true }));
show('transform', new Transform());
show('passthrough', new PassThrough({ highWaterMark: 4 }));
const r = new Readable({ read() {} });
r.push('abc');
r.on('data', () => {});
r.pause();
show('paused state', r._readableState);
const w = new Writable({ write() {} });
w.write('a'); w.write('b', () => {}); w.cork(); w.write('c');
show('busy state', w._writableState);
console.log(Object.keys(new Duplex()), Object.keys(new Transform()));
console.log(Object.getOwnPropertyNames(Readable.ReadableState.prototype).join());
console.log(Object.getOwnPropertyNames(Writable.WritableState.prototype).join());
console.log(Object.getOwnPropertyNames(Duplex.prototype).join());
const s = r._readableState;
console.log(s.flowing, s.paused, s.pipesCount, s.ended, s.needReadable, s.dataEmitted, s.objectMode, s.errored);
const ws = w._writableState;
console.log(ws.writing, ws.corked, ws.bufferedRequestCount, ws.getBuffer().length, ws.needDrain, ws.writable, ws.allNoop);
console.log(r.eventNames(), new Readable().eventNames(), w.listenerCount('finish'));
