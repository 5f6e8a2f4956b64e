// child_process.fork: messages both ways in 'json' and 'advanced' serialization (what each keeps of a value)
const { fork } = require('child_process');
const util = require('util');
if (process.argv[2] === 'child') {
  process.on('message', (m) => {
    if (m === 'done') return process.send('done'); // after every reply: the parent disconnects then
    process.send({ seen: util.inspect(m, { depth: 4, breakLength: Infinity }), back: m });
  });
} else {
  const values = () => [null, 'str', 42, 1.5, -0, true, [1, 'a', null], { a: 1, b: { c: [2] } },
    new Map([[1, 'x']]), new Set([1]), new Date(0), Buffer.from('hi'), new Uint8Array([1, 2]), new Float64Array([1.5]),
    /re/g, { u: undefined, n: NaN, i: Infinity }, { f() {} }, 'é\n😀', 'x'.repeat(100000)];
  const show = (v) => { const s = util.inspect(v, { depth: 4, breakLength: Infinity }); return s.length > 80 ? s.slice(0, 40) + '... length ' + s.length : s; };
  const run = (mode, extra, next) => {
    const child = fork(__filename, ['child'], { serialization: mode });
    const got = [];
    child.on('message', (m) => (m === 'done' ? child.disconnect() : got.push(m)));
    child.on('exit', (code) => {
      console.log(`${mode}: exit ${code}, ${got.length} replies`);
      for (const g of got) console.log('  child saw', show(g.seen), '-> parent got', show(g.back));
      next();
    });
    for (const v of [...values(), ...extra]) {
      try {
        console.log(mode, 'send returned', child.send(v));
      } catch (e) {
        console.log(mode, 'send threw', e.name, e.code, e.message.split('\n')[0]);
      }
    }
    // 4 MB each way at once, more than the channel holds (send's return value then depends on timing)
    for (let i = 0; i < 4; i++) child.send('big'.repeat(350000) + i);
    for (const bad of [undefined, Symbol('s'), function named() {}]) {
      try { child.send(bad); } catch (e) { console.log(mode, 'send threw', e.name, e.code, e.message); }
    }
    child.send('done');
  };
  run('json', [{ big: 10n }], () => run('advanced', [{ big: 10n, list: [1n, -2n] }, new RangeError('boom').message, [new Map([['k', new Set(['v'])]])]], () => {
    console.log('done');
  }));
}
