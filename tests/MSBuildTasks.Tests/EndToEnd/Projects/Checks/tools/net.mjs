// Tries to reach a listener outside the VM (the test's, on this machine: PROBE=address:port) and prints
// "LABEL: CONNECTED" or "LABEL: refused CODE".
const [host, port] = (process.env.PROBE ?? '').split(':');
const label = process.env.LABEL;
try {
  const net = await import('node:net');
  await new Promise((resolve) => {
    const socket = net.connect(Number(port), host);
    socket.on('connect', () => { console.log(`${label}: CONNECTED`); socket.destroy(); resolve(); });
    socket.on('error', (e) => { console.log(`${label}: refused ${e.code ?? e.message}`); resolve(); });
  });
} catch (e) {
  console.log(`${label}: refused ${e.code ?? e.message}`);
}
