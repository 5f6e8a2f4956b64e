// Tries to reach a listener outside the VM (the test's, on this machine: PROBE=address:port); with network
// egress denied this must not connect.
const [host, port] = (process.env.PROBE ?? '').split(':');
try {
  const net = await import('node:net');
  await new Promise((resolve) => {
    const socket = net.connect(Number(port), host);
    socket.on('connect', () => { console.log('NET: CONNECTED'); socket.destroy(); resolve(); });
    socket.on('error', (e) => { console.log(`NET: refused ${e.code ?? e.message}`); resolve(); });
  });
} catch (e) {
  console.log(`NET: refused ${e.code ?? e.message}`);
}
