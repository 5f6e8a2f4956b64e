const http = require('http');
const net = require('net');
const server = http.createServer((req, res) => {
  if (req.url === '/wh') { res.writeHead(200, { 'X-A': '1' }); res.end('ok'); return; }
  if (req.url === '/204') { res.statusCode = 204; res.end(); return; }
  res.setHeader('Set-Cookie', ['a=1', 'b=2']);
  res.end('hi');
});
server.listen(0, () => {
  const port = server.address().port;
  const raw = (text) => new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1', () => s.end(text));
    let out = '';
    s.on('data', (d) => out += d);
    s.on('close', () => resolve(out.replace(/Date: .*\r\n/, 'Date: X\r\n')));
  });
  (async () => {
    console.log(JSON.stringify(await raw('GET /wh HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')));
    console.log(JSON.stringify(await raw('GET /204 HTTP/1.1\r\nHost: x\r\n\r\n')));
    console.log(JSON.stringify(await raw('GET / HTTP/1.0\r\n\r\n')));
    console.log(JSON.stringify(await raw('GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n')));
    console.log(JSON.stringify(await raw('BAD\r\n\r\n')));
    console.log(JSON.stringify(await raw('POST / HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\nab')));
    server.close();
  })();
});
