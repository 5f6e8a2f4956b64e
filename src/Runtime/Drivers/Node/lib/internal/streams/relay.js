// The two halves of a Duplex that stands for other streams (Duplex.from, stream.compose): writes go on to a head
// stream, reads come from a tail stream, each keeping the inner stream's backpressure. A pending callback is held in
// `waiting` (drain, final, readable) until the inner stream is ready; the owner clears `waiting` on destroy.
'use strict';

function newWaiting() { return { drain: null, final: null, readable: null }; }

function release(waiting, key) {
  const callback = waiting[key];
  waiting[key] = null;
  if (callback) callback();
}

/** d's writes go to the node writable w; d's final ends w and waits until the owner releases 'final'. */
function writesToNode(d, w, waiting) {
  d._write = function (chunk, encoding, callback) {
    if (w.write(chunk, encoding)) callback();
    else waiting.drain = callback;
  };
  d._final = function (callback) {
    w.end();
    waiting.final = callback;
  };
  w.on('drain', () => release(waiting, 'drain'));
}

/** d's writes go to a WHATWG WritableStream's writer (or a TransformStream's writable side). */
function writesToWeb(d, dest, waiting) {
  const writer = (dest.getWriter ? dest : dest.writable).getWriter();
  d._write = async function (chunk, encoding, callback) {
    try {
      await writer.ready;
      writer.write(chunk).catch(() => {});
      callback();
    } catch (err) {
      callback(err);
    }
  };
  d._final = async function (callback) {
    try {
      await writer.ready;
      writer.close().catch(() => {});
      waiting.final = callback;
    } catch (err) {
      callback(err);
    }
  };
}

/** d reads what the node readable r has, in paused mode; r's end ends d. */
function readsFromNode(d, r, waiting) {
  r.on('readable', () => release(waiting, 'readable'));
  r.on('end', () => d.push(null));
  d._read = function () {
    for (;;) {
      const chunk = r.read();
      if (chunk === null) { waiting.readable = d._read; return; }
      if (!d.push(chunk)) return;
    }
  };
}

/** d reads a WHATWG ReadableStream (or a TransformStream's readable side) through one reader; onDone at its end. */
function readsFromWeb(d, source, onDone) {
  const reader = (source.getReader ? source : source.readable).getReader();
  d._read = async function () {
    for (;;) {
      let result;
      try { result = await reader.read(); } catch { return; } // the pipeline reports the stream's error
      if (result.done) { d.push(null); onDone(); return; }
      if (!d.push(result.value)) return;
    }
  };
}

module.exports = { newWaiting, release, writesToNode, writesToWeb, readsFromNode, readsFromWeb };
