const http = require('http');
const server = http.createServer((req, res) => res.end('plain ' + req.url));
server.on('upgrade', (req, socket, head) => {
  console.log('server upgrade', req.headers.upgrade, head.toString());
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\n');
  socket.on('data', (d) => socket.end('echo:' + d));
});
server.on('checkContinue', (req, res) => { console.log('checkContinue'); res.writeContinue(); let b = ''; req.on('data', (c) => b += c); req.on('end', () => res.end('continued ' + b)); });
server.listen(0, () => {
  const port = server.address().port;
  const agent = new http.Agent({ keepAlive: true });
  http.get({ port, path: '/one', agent }, (res) => {
    res.setEncoding('utf8');
    let body = '';
    res.on('data', (c) => body += c);
    res.on('end', () => {
      console.log('one', body);
      const r2 = http.get({ port, path: '/two', agent }, (res) => {
        res.setEncoding('utf8');
        res.on('data', (c) => console.log('two', c, r2.reusedSocket));
        res.on('end', () => {
          const req = http.request({ port, method: 'POST', headers: { expect: '100-continue' } });
          req.on('continue', () => { console.log('client continue'); req.end('data'); });
          req.on('response', (res) => {
            res.setEncoding('utf8');
            res.on('data', (c) => console.log('post', res.statusCode, c));
            res.on('end', () => {
              const up = http.request({ port, headers: { Connection: 'Upgrade', Upgrade: 'echo' } });
              up.on('upgrade', (res, socket) => {
                console.log('client upgrade', res.statusCode, res.headers.upgrade);
                socket.write('ping');
                socket.on('data', (d) => console.log('client got', d.toString()));
                socket.on('end', () => { agent.destroy(); server.close(() => console.log('closed')); });
              });
              up.end('head');
            });
          });
        });
      });
    });
  });
});
