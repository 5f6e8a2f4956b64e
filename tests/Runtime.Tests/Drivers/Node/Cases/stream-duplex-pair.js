// stream.duplexPair (Node 22.6+): two connected Duplex sides; what one writes the other reads.
const { duplexPair, Duplex } = require('stream');
const [a, b] = duplexPair();
console.log(a instanceof Duplex, b instanceof Duplex, a !== b);
const log = [];
b.setEncoding('utf8');
b.on('data', (d) => log.push('b data ' + d));
b.on('end', () => log.push('b end'));
a.on('data', (d) => log.push('a data ' + String(d)));
a.on('end', () => log.push('a end'));
a.on('finish', () => log.push('a finish'));
b.on('finish', () => log.push('b finish'));
a.write('hello ');
a.end('world');
b.end('back');
setTimeout(() => {
  console.log(log.filter((l) => l.startsWith('b data')).join('|'));
  console.log(log.filter((l) => l.startsWith('a data')).join('|'));
  console.log(['a end', 'b end', 'a finish', 'b finish'].map((e) => log.includes(e)).join());
  // backpressure: the writer's callback waits until the other side reads
  const [x, y] = duplexPair({ highWaterMark: 4 });
  let calls = 0;
  x.write('12345678', () => { calls++; });
  setTimeout(() => {
    console.log('before read', calls);
    y.read();
    setTimeout(() => { console.log('after read', calls); }, 10);
  }, 10);
}, 20);
