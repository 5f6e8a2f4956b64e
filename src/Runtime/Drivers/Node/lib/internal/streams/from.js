// Readable.from (and the iterable cases of Duplex.from): a stream of Ctor reading an iterable or async iterable.
'use strict';

/**
 * A string or Buffer is one chunk. Otherwise values are pulled while push() wants more (promises awaited);
 * a null value fails with ERR_STREAM_NULL_VALUES; destroying the stream calls the iterator's return().
 */
function from(Ctor, iterable, opts) {
  if (typeof iterable === 'string' || iterable instanceof Uint8Array) {
    return new Ctor({
      objectMode: true, ...opts,
      read() { this.push(iterable); this.push(null); },
    });
  }
  let iterator;
  let isAsync = false;
  if (iterable && typeof iterable[Symbol.asyncIterator] === 'function') { isAsync = true; iterator = iterable[Symbol.asyncIterator](); }
  else if (iterable && typeof iterable[Symbol.iterator] === 'function') iterator = iterable[Symbol.iterator]();
  else throw internal.errors.invalidArgType('iterable', ['Iterable'], iterable);

  let reading = false;
  let finished = false;
  const stream = new Ctor({ objectMode: true, highWaterMark: 1, ...opts });
  stream._read = function () {
    if (reading) return;
    reading = true;
    pull().catch((err) => { reading = false; stream.destroy(err); });
  };
  async function pull() {
    for (;;) {
      const { value, done } = isAsync ? await iterator.next() : iterator.next();
      if (done) { finished = true; reading = false; stream.push(null); return; }
      const chunk = value && typeof value.then === 'function' ? await value : value;
      if (chunk === null) throw internal.errors.codedError(TypeError, 'ERR_STREAM_NULL_VALUES', 'May not write null values to stream');
      if (!stream.push(chunk)) { reading = false; return; }
    }
  }
  stream._destroy = function (err, callback) {
    close(err).then(() => callback(err), (e) => callback(e || err));
  };
  async function close(err) {
    if (finished) return;
    finished = true;
    const hasThrow = err !== undefined && err !== null && typeof iterator.throw === 'function';
    if (hasThrow) {
      const { done, value } = await iterator.throw(err);
      await value;
      if (done) return;
    }
    if (typeof iterator.return === 'function') {
      const { value } = await iterator.return();
      await value;
    }
  }
  return stream;
}

module.exports = from;
