// node:internal/child_process/serialization — the IPC channel's wire formats (options.serialization).
// 'json': one JSON text per line, as Node. 'advanced': a 4-byte big-endian length, then v8.serialize() bytes
// (structured clone: Map, Set, Date, BigInt, typed arrays, Buffer, errors...). Only guest node reads either.
'use strict';
const { Buffer } = require('buffer');
const { StringDecoder } = require('string_decoder');

const json = {
  encode(message) { return Buffer.from(JSON.stringify(message) + '\n', 'utf8'); },
  createDecoder() {
    const text = new StringDecoder('utf8');
    let pending = '';
    return (chunk) => {
      const added = text.write(chunk);
      pending += added;
      if (!added.includes('\n')) return []; // a long message arrives in many chunks: split once it is whole
      const lines = pending.split('\n');
      pending = lines.pop();
      return lines.map((line) => JSON.parse(line));
    };
  },
};

const advanced = {
  encode(message) {
    const body = require('internal/v8_serdes').serialize(message);
    const header = Buffer.allocUnsafe(4);
    header.writeUInt32BE(body.length, 0);
    return Buffer.concat([header, body]);
  },
  createDecoder() {
    const { deserialize } = require('internal/v8_serdes');
    let pending = Buffer.alloc(0);
    let parts = []; // chunks not yet joined to `pending`: joined once the frame they belong to is whole
    let partsLength = 0;
    return (chunk) => {
      parts.push(chunk);
      partsLength += chunk.length;
      const total = pending.length + partsLength;
      if (total < 4 || (pending.length >= 4 && total < 4 + pending.readUInt32BE(0))) return [];
      pending = Buffer.concat([pending, ...parts]);
      parts = [];
      partsLength = 0;
      const messages = [];
      while (pending.length >= 4) {
        const size = pending.readUInt32BE(0);
        if (pending.length < 4 + size) break;
        messages.push(deserialize(pending.subarray(4, 4 + size)));
        pending = pending.subarray(4 + size);
      }
      return messages;
    };
  },
};

module.exports = { json, advanced };
