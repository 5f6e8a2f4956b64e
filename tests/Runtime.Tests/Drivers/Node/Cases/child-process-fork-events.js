// child_process.fork: the order of 'message', 'disconnect', 'exit' and 'close', disconnect from either side,
// kill, exit codes, and the errors of send()/disconnect() once the channel is closed
const { fork } = require('child_process');
const role = process.argv[2];
if (role === 'plain') {
  process.send({ connected: process.connected, channel: typeof process.channel, fd: process.channel.fd, env: process.env.NODE_CHANNEL_FD });
} else if (role === 'exit3') {
  process.send('bye', () => process.exit(3));
} else if (role === 'listen') {
  process.on('message', (m) => { if (m === 'leave') process.disconnect(); });
  process.on('disconnect', () => console.log('child: disconnect event, connected', process.connected));
  process.on('exit', (c) => console.log('child: exit', c));
  process.send('ready');
} else if (role === 'quiet') {
  setTimeout(() => {}, 20);
} else if (role === 'unref') {
  process.on('message', () => {});
  process.channel.unref();
  process.send('unref ok');
} else {
  const steps = [
    ['plain', () => {}],
    ['exit3', () => {}],
    ['listen', (c) => c.once('message', () => c.kill())],
    ['listen', (c) => c.once('message', () => c.kill('SIGKILL'))],
    ['listen', (c) => c.once('message', () => c.disconnect())],
    ['listen', (c) => c.once('message', () => c.send('leave'))],
    ['quiet', () => {}],
    ['unref', () => {}],
  ];
  const next = () => {
    if (steps.length === 0) return afterClose();
    const [role, act] = steps.shift();
    const log = [];
    const child = fork(__filename, [role], { stdio: ['inherit', 'pipe', 'inherit', 'ipc'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    for (const e of ['spawn', 'message', 'disconnect', 'exit', 'close']) {
      child.on(e, (...args) => log.push(`${e}${args.length ? ' ' + JSON.stringify(args) : ''} (connected ${child.connected})`));
    }
    act(child);
    // 'close' waits for the child's end of the channel; after our own disconnect() it never comes, as in Node
    child.on('exit', () => setTimeout(() => {
      console.log(`${role}:`);
      for (const l of log) console.log('  ' + l);
      if (out) console.log('  child stdout: ' + JSON.stringify(out));
      next();
    }, 100));
  };
  next();
  function afterClose() {
    const child = fork(__filename, ['plain']);
    child.on('exit', () => {
      child.on('error', (e) => console.log('error event:', e.code, e.message));
      console.log('send after exit returns', child.send('late'));
      child.send('late with callback', (e) => console.log('send callback:', e.code, e.message));
      child.disconnect();
      setTimeout(() => console.log('connected', child.connected, 'channel', child.channel), 10);
    });
  }
}
