// node:stream/promises — pipeline and finished as promises. pipeline's last argument may be { signal, end }.
'use strict';
const { finished: finishedCallback } = require('stream');
const { pipelineImpl } = require('internal/streams/pipeline');
const { isNodeStream, isIterable, isWebStream } = require('internal/streams/utils');

function pipeline(...streams) {
  return new Promise((resolve, reject) => {
    let opts;
    const last = streams[streams.length - 1];
    if (last && typeof last === 'object' && !isNodeStream(last) && !isIterable(last) && !isWebStream(last)) {
      opts = streams.pop();
      validateSignal(opts.signal);
    }
    pipelineImpl(streams, (err, value) => (err ? reject(err) : resolve(value)), opts);
  });
}

function validateSignal(signal) {
  if (signal !== undefined && (signal === null || typeof signal !== 'object' || !('aborted' in signal))) {
    throw internal.errors.invalidArgType('options.signal', 'AbortSignal', signal);
  }
}

function finished(stream, options) {
  return new Promise((resolve, reject) => finishedCallback(stream, options || {}, (err) => (err ? reject(err) : resolve())));
}

module.exports = { finished, pipeline };
