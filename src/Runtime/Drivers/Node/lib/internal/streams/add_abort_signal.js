// stream.addAbortSignal(signal, stream): aborting the signal destroys the stream with an AbortError whose cause is
// the signal's reason; an already aborted signal destroys it at once. Returns the stream.
'use strict';
const { isNodeStream, isWebStream } = require('internal/streams/utils');

function addAbortSignal(signal, stream) {
  const { AbortSignal, AbortError } = internal.loadBuiltin('internal/abort');
  if (!(signal instanceof AbortSignal)) throw internal.errors.invalidArgType('signal', 'AbortSignal', signal);
  if (!isNodeStream(stream) && !isWebStream(stream)) {
    throw internal.errors.invalidArgType('stream', ['ReadableStream', 'WritableStream', 'Stream'], stream);
  }
  if (!isNodeStream(stream)) throw internal.errors.notSupported('stream.addAbortSignal on a WHATWG stream');
  const onAbort = () => stream.destroy(new AbortError(undefined, { cause: signal.reason }));
  if (signal.aborted) {
    onAbort();
  } else {
    signal.addEventListener('abort', onAbort, { once: true });
    require('stream').finished(stream, () => signal.removeEventListener('abort', onAbort));
  }
  return stream;
}

module.exports = addAbortSignal;
