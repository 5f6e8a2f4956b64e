// node:stream/consumers — read a whole stream (Node Readable, web ReadableStream or any async iterable).
'use strict';
const { Buffer } = require('buffer');
const { TextDecoder } = require('internal/encoding');

async function arrayBuffer(stream) {
  const buf = await buffer(stream);
  return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
}
async function buffer(stream) {
  const chunks = [];
  for await (const chunk of stream) {
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk.buffer || chunk, chunk.byteOffset || 0, chunk.byteLength));
  }
  return Buffer.concat(chunks);
}
async function text(stream) {
  const dec = new TextDecoder();
  let str = '';
  for await (const chunk of stream) {
    str += typeof chunk === 'string' ? chunk : dec.decode(chunk, { stream: true });
  }
  return str + dec.decode(undefined);
}
async function json(stream) { return JSON.parse(await text(stream)); }
async function blob(stream) {
  const { Blob } = require('buffer');
  if (typeof Blob !== 'function') throw internal.errors.notSupported('stream/consumers.blob (Blob)');
  return new Blob([await buffer(stream)]);
}

module.exports = { arrayBuffer, blob, buffer, text, json };
