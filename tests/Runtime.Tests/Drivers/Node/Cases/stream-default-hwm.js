// stream.getDefaultHighWaterMark / setDefaultHighWaterMark (Node 22): defaults, per-process changes, argument errors.
const stream = require('stream');
console.log(stream.getDefaultHighWaterMark(false), stream.getDefaultHighWaterMark(true), stream.getDefaultHighWaterMark());
stream.setDefaultHighWaterMark(false, 1000);
stream.setDefaultHighWaterMark(true, 4);
console.log(new stream.Writable().writableHighWaterMark, new stream.Readable().readableHighWaterMark,
  new stream.Readable({ objectMode: true }).readableHighWaterMark, new stream.Writable({ highWaterMark: 7 }).writableHighWaterMark);
for (const bad of [-1, 1.5, '1', 2 ** 53]) {
  try { stream.setDefaultHighWaterMark(false, bad); } catch (e) { console.log(e.code, e.message); }
}
console.log(stream.getDefaultHighWaterMark(false));
