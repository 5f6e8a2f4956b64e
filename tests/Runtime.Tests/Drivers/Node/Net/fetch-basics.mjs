import http from 'node:http';
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => body += c);
  req.on('end', () => {
    if (req.url === '/redirect') { res.writeHead(302, { location: '/final' }); res.end(); return; }
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ method: req.method, url: req.url, ct: req.headers['content-type'] ?? null, body: body.replace(/formdata-[-a-z0-9]+/g, 'B') }));
  });
});
server.listen(0, async () => {
  const base = `http://localhost:${server.address().port}`;
  let r = await fetch(base + '/a?x=1');
  console.log(r.status, r.statusText, r.ok, r.headers.get('content-type'), await r.json());
  r = await fetch(base + '/p', { method: 'POST', body: 'hello' });
  console.log((await r.json()));
  r = await fetch(base + '/j', { method: 'PUT', body: JSON.stringify({ a: 1 }), headers: { 'Content-Type': 'application/json' } });
  console.log((await r.json()));
  r = await fetch(base + '/u', { method: 'POST', body: new URLSearchParams({ q: 'a b' }) });
  console.log((await r.json()));
  const fd = new FormData(); fd.append('k', 'v');
  r = await fetch(base + '/f', { method: 'POST', body: fd });
  console.log((await r.json()).body.length > 0);
  r = await fetch(base + '/redirect');
  console.log(r.redirected, r.url.endsWith('/final'), (await r.json()).url);
  const h = new Headers({ B: '2', a: '1' }); h.append('a', '3');
  console.log([...h], h.get('A'));
  const resp = Response.json({ x: 1 }, { status: 201 });
  console.log(resp.status, resp.headers.get('content-type'), await resp.text());
  try { await fetch('http://localhost:1/'); } catch (e) { console.log(e.name, e.message); }
  server.close();
});
