// Interop with real Node's zlib: data Node 22 compressed (embedded below, made by node v22.23.3 with
// zlib.gzipSync(text, { level }) etc.) must inflate here; our output must inflate and round-trip; where our
// bytes are expected to equal Node's (empty and tiny inputs, level 0, brotli) a digest of them is printed.
// Larger inputs at levels 1-9 differ: .NET uses zlib-ng, Node uses Chromium's zlib (see the Node README).
const zlib = require('zlib');
const crypto = require('crypto');
const text = 'The quick brown fox jumps over the lazy dog. '.repeat(40);
const fromNode = {
 "gzip1": "H4sIAAAAAAAEAwvJSFUoLM1MzlZIKsovz1NIy69QyCrNLShWyC9LLVIoyUhVyEmsqlRIyU/XUwgZVTwaGqNpYzSnjBYFowXj8KomAObDlWQIBwAA",
 "deflate1": "eAELyUhVKCzNTM5WSCrKL89TSMuvUMgqzS0oVsgvSy1SKMlIVchJrKpUSMlP11MIGVU8GhqjaWM0p4wWBaMF4/CqJgCICoY3",
 "raw1": "C8lIVSgszUzOVkgqyi/PU0jLr1DIKs0tKFbIL0stUijJSFXISayqVEjJT9dTCBlVPBoao2ljNKeMFgWjBePwqiYA",
 "gzip6": "H4sIAAAAAAAAAwvJSFUoLM1MzlZIKsovz1NIy69QyCrNLShWyC9LLVIoyUhVyEmsqlRIyU/XUwgZVTyqeFTxqOJRxaOKh5diAObDlWQIBwAA",
 "deflate6": "eJwLyUhVKCzNTM5WSCrKL89TSMuvUMgqzS0oVsgvSy1SKMlIVchJrKpUSMlP11MIGVU8qnhU8ajiUcWjioeXYgCICoY3",
 "raw6": "C8lIVSgszUzOVkgqyi/PU0jLr1DIKs0tKFbIL0stUijJSFXISayqVEjJT9dTCBlVPKp4VPGo4lHFo4qHl2IA",
 "gzip9": "H4sIAAAAAAACAwvJSFUoLM1MzlZIKsovz1NIy69QyCrNLShWyC9LLVIoyUhVyEmsqlRIyU/XUwgZVTyqeFTxqOJRxaOKh5diAObDlWQIBwAA",
 "deflate9": "eNoLyUhVKCzNTM5WSCrKL89TSMuvUMgqzS0oVsgvSy1SKMlIVchJrKpUSMlP11MIGVU8qnhU8ajiUcWjioeXYgCICoY3",
 "raw9": "C8lIVSgszUzOVkgqyi/PU0jLr1DIKs0tKFbIL0stUijJSFXISayqVEjJT9dTCBlVPKp4VPGo4lHFo4qHl2IA",
 "brotli": "GwcHiCwOeNPQlV2XELsXK6nK0JLMjK1BXObyNsgZnp4Ke4MNOHBIIG8kv0GnFc4cHieqKTjCqXSfBgM="
};
for (const [name, b64] of Object.entries(fromNode)) {
  const data = Buffer.from(b64, 'base64');
  const fn = name.startsWith('gzip') ? 'gunzipSync' : name.startsWith('deflate') ? 'inflateSync' : name.startsWith('raw') ? 'inflateRawSync' : 'brotliDecompressSync';
  console.log('node data', name, zlib[fn](data).toString() === text);
}
const md5 = (b) => crypto.createHash('md5').update(b).digest('hex');
const bin = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * i * 7 + (i >> 3)) & 0xff));
for (const [name, input] of Object.entries({ empty: '', short: 'abc', text, bin })) {
  for (const level of [0, 1, 6, 9]) {
    for (const [c, d] of [['gzipSync', 'gunzipSync'], ['deflateSync', 'inflateSync'], ['deflateRawSync', 'inflateRawSync']]) {
      const out = zlib[c](input, { level });
      const same = zlib[d](out).equals(Buffer.from(input));
      const identical = name === 'empty' || name === 'short' || level === 0;
      console.log(name, level, c, same, identical ? md5(out) : '(bytes not compared)');
    }
  }
  for (const q of [0, 4, 11]) {
    const out = zlib.brotliCompressSync(input, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: q } });
    console.log(name, 'brotli', q, zlib.brotliDecompressSync(out).equals(Buffer.from(input)), md5(out));
  }
}
for (const strategy of [1, 2, 3, 4]) console.log('strategy', strategy, zlib.inflateSync(zlib.deflateSync(text, { strategy })).toString() === text);
console.log('unzip', zlib.unzipSync(Buffer.from(fromNode.gzip6, 'base64')).length, zlib.unzipSync(Buffer.from(fromNode.deflate6, 'base64')).length);
