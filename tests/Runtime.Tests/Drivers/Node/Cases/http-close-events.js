// Which close events an http exchange emits, and in what order (a client response closes after its end, as in Node).
const http = require('http');
const srv = http.createServer((req, res) => { req.on('close', () => console.log('server req close')); res.on('close', () => console.log('server res close')); res.end('hi'); });
srv.listen(0, () => {
  http.get({ port: srv.address().port, agent: false }, (res) => {
    res.on('data', (d) => console.log('data', String(d)));
    res.on('end', () => console.log('end'));
    res.on('close', () => { console.log('close', res.complete, res.destroyed); srv.close(); });
  });
});
