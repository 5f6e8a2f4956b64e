// node:os — the VM's identity (Linux x64, 2 CPUs); nothing here describes the host.
'use strict';
const info = internal.info;
const signals = { ...info.signals };
const errno = {};
for (const [n, [code]] of Object.entries(info.errnos)) errno[code] = Number(n);
const cpu = { model: 'secure-exec virtual CPU', speed: 2000, times: { user: 0, nice: 0, sys: 0, idle: 0, irq: 0 } };
module.exports = {
  EOL: '\n',
  devNull: '/dev/null',
  arch: () => 'x64',
  platform: () => 'linux',
  type: () => 'Linux',
  release: () => '6.0.0-secure-exec',
  version: () => '#1 SMP secure-exec',
  machine: () => 'x86_64',
  hostname: () => process.env.HOSTNAME || 'sandbox',
  homedir: () => process.env.HOME || '/root',
  tmpdir: () => (process.env.TMPDIR || '/tmp').replace(/\/+$/, '') || '/',
  endianness: () => 'LE',
  uptime: () => Math.floor(process.uptime()),
  loadavg: () => [0, 0, 0],
  totalmem: () => 4 * 1024 ** 3,
  freemem: () => 2 * 1024 ** 3,
  availableParallelism: () => 2,
  cpus: () => [{ ...cpu }, { ...cpu }],
  networkInterfaces: () => ({ lo: [{ address: '127.0.0.1', netmask: '255.0.0.0', family: 'IPv4', mac: '00:00:00:00:00:00', internal: true, cidr: '127.0.0.1/8' }] }),
  userInfo: () => ({ uid: 0, gid: 0, username: process.env.USER || 'root', homedir: process.env.HOME || '/root', shell: '/bin/sh' }),
  getPriority: () => 0,
  setPriority: () => undefined,
  constants: { signals, errno, priority: { PRIORITY_LOW: 19, PRIORITY_BELOW_NORMAL: 10, PRIORITY_NORMAL: 0, PRIORITY_ABOVE_NORMAL: -7, PRIORITY_HIGH: -14, PRIORITY_HIGHEST: -20 } },
};
