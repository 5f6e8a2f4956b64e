// child_process.fork options (silent, stdio with 'ipc', env, cwd, execArgv), spawn() with an 'ipc' entry,
// a fork of a fork, and the option errors
const cp = require('child_process');
const path = require('path');
const role = process.argv[2];
if (role === 'report') {
  console.log('stdout line', JSON.stringify(process.argv.slice(2)), JSON.stringify(process.execArgv),
    process.cwd() === __dirname ? 'cwd: script dir' : 'cwd: ' + process.cwd(), process.env.FOO);
  console.error('stderr line');
  process.send({ argv: process.argv.slice(2), fd: process.channel.fd, env: process.env.NODE_CHANNEL_FD, mode: process.env.NODE_CHANNEL_SERIALIZATION_MODE });
} else if (role === 'middle') {
  const grandchild = cp.fork(__filename, ['leaf'], { serialization: 'advanced' });
  grandchild.on('message', (m) => process.send({ relayed: m, size: m.size }));
  grandchild.on('exit', (code) => process.send({ leafExit: code }));
} else if (role === 'leaf') {
  process.send(new Map([['from', 'leaf']]));
} else {
  const attempts = {
    'stdio without ipc': () => cp.fork(__filename, ['report'], { stdio: ['pipe', 'pipe', 'pipe'] }),
    'two ipc entries': () => cp.fork(__filename, ['report'], { stdio: ['pipe', 'ipc', 'pipe', 'ipc'] }),
    'spawn with two ipc': () => cp.spawn(process.execPath, [__filename], { stdio: ['ipc', 'ipc'] }),
    'bad serialization': () => cp.fork(__filename, ['report'], { serialization: 'xml' }),
    'modulePath number': () => cp.fork(42),
    'args string': () => cp.fork(__filename, 'report'),
    'spawnSync with ipc': () => cp.spawnSync(process.execPath, [__filename], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] }),
    'execFileSync with ipc': () => cp.execFileSync(process.execPath, [__filename], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] }),
  };
  for (const [name, attempt] of Object.entries(attempts)) {
    try { attempt(); console.log(name, 'did not throw'); } catch (e) { console.log(name + ':', e.name, e.code, e.message); }
  }
  const steps = [
    () => {
      const child = cp.fork(__filename, ['report', 'a'], { silent: true, env: { FOO: 'bar' }, cwd: '/', execArgv: ['--no-warnings'] });
      console.log('silent: stdio', child.stdio.length, !!child.stdin, !!child.stdout, !!child.stderr, child.stdio[3]);
      return child;
    },
    () => {
      const child = cp.fork(__filename, ['report', 'b'], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], serialization: 'advanced' });
      console.log('array: stdio', child.stdio.length, child.stdin, !!child.stdout, !!child.stderr, child.stdio[3]);
      return child;
    },
    () => {
      const child = cp.fork(path.basename(__filename), ['report', 'c'], { stdio: 'pipe', cwd: __dirname });
      console.log('pipe string: stdio', child.stdio.length, child.connected);
      return child;
    },
    () => {
      const child = cp.spawn(process.execPath, [__filename, 'report', 'd'], { stdio: ['inherit', 'pipe', 'pipe', 'ipc'] });
      console.log('spawn: connected', child.connected, typeof child.send, child.stdio.length);
      return child;
    },
    () => {
      const child = cp.spawn(process.execPath, [__filename, 'report', 'e'], { stdio: ['pipe', 'pipe', 'pipe', 'pipe', 'ipc'] });
      console.log('spawn fd 4: stdio', child.stdio.length, child.stdio[4]);
      return child;
    },
    () => cp.fork(__filename, ['middle'], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] }),
  ];
  const next = () => {
    const step = steps.shift();
    if (!step) return;
    const child = step();
    let out = '';
    let err = '';
    if (child.stdout) child.stdout.on('data', (d) => { out += d; });
    if (child.stderr) child.stderr.on('data', (d) => { err += d; });
    const messages = [];
    child.on('message', (m) => messages.push(m));
    child.on('close', (code, signal) => {
      console.log('  close', code, signal, 'messages', JSON.stringify(messages));
      if (child.stdout) console.log('  stdout', JSON.stringify(out), 'stderr', JSON.stringify(err));
      next();
    });
  };
  next();
}
