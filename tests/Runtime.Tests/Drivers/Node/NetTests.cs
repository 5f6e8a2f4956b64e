using SecureExec.Testing.Tests.Commands;

namespace SecureExec.Testing.Tests.Drivers.Node;

/// <summary>node:net, node:http and node:dns in the guest, on the kernel's loopback.</summary>
public sealed class NetTests : IDisposable
{
    private readonly NodeHarness _vm = new();

    public void Dispose() => _vm.Dispose();

    private static string Case(string name) =>
        File.ReadAllText(Path.Combine(GoldenCases.FindRepoRoot(), "tests", "Runtime.Tests", "Drivers", "Node", "Net", name));

    [Theory]
    [InlineData("http-wire.js")]
    [InlineData("fetch-basics.mjs")]
    [InlineData("http-client.js")]
    public void GoldenCase_Stdout_MatchesNode22(string file)
    {
        _vm.WriteFile($"/app/{file}", Case(file));
        var r = _vm.Node($"/app/{file}");
        Assert.Equal("", r.Stderr);
        Assert.Equal(Case(file[..file.LastIndexOf('.')] + ".expected"), r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void NetEcho_ServerAndClient_EventsAndAddresses()
    {
        _vm.WriteFile("/app/echo.js", """
            const net = require('net');
            const events = [];
            const server = net.createServer((s) => {
              events.push('connection ' + s.remoteAddress);
              s.on('data', (d) => s.write('echo:' + d));
              s.on('end', () => s.end());
            });
            server.listen(0, () => {
              const { port, address, family } = server.address();
              events.push(`listening ${address} ${family} ${port >= 32768}`);
              const c = net.connect(port, () => { events.push('connect ' + (c.remotePort === port)); c.end('hi'); });
              c.setEncoding('utf8');
              c.on('data', (d) => events.push('data ' + d));
              c.on('end', () => events.push('end'));
              c.on('close', (hadError) => {
                events.push('close ' + hadError + ' ' + c.bytesRead + ' ' + c.bytesWritten);
                server.getConnections((e, n) => { events.push('connections ' + n); server.close(() => console.log(events.join('\n'))); });
              });
            });
            """);
        var r = _vm.Node("/app/echo.js");
        Assert.Equal("", r.Stderr);
        Assert.Equal("""
            listening :: IPv6 true
            connection ::ffff:127.0.0.1
            connect true
            data echo:hi
            end
            close false 7 2
            connections 0

            """, r.Stdout);
    }

    [Fact]
    public void Connect_Refused_And_Egress_Denied_NodeStyleErrors()
    {
        _vm.WriteFile("/app/errors.js", """
            const net = require('net');
            net.connect(4999, '127.0.0.1').on('error', (e) => {
              console.log(e.message, e.code, e.errno, e.syscall, e.address, e.port);
              net.connect(80, '1.2.3.4').on('error', (e) => {
                console.log(e.message);
                console.log(e.code, e.syscall);
                require('dns').lookup('example.com', (e) => console.log(e.code, e.errno, e.message));
              });
            });
            """);
        var r = _vm.Node("/app/errors.js");
        Assert.Equal("", r.Stderr);
        Assert.Equal("""
            connect ECONNREFUSED 127.0.0.1:4999 ECONNREFUSED -111 connect 127.0.0.1 4999
            connect EACCES 1.2.3.4:80 - network access to 1.2.3.4 is denied by the sandbox; allow it with RuntimePermissions.NetworkEgress = true (optionally limited by AllowedHosts)
            EACCES connect
            ENOTFOUND -3008 getaddrinfo ENOTFOUND example.com - network access to example.com is denied by the sandbox; allow it with RuntimePermissions.NetworkEgress = true (optionally limited by AllowedHosts)

            """, r.Stdout);
    }

    [Fact]
    public void Listen_PortInUse_EADDRINUSE_LikeNode()
    {
        _vm.WriteFile("/app/inuse.js", """
            const net = require('net');
            const a = net.createServer().listen(3000, () => {
              net.createServer().listen(3000).on('error', (e) => { console.log(e.message, e.code, e.syscall, e.port); a.close(); });
            });
            """);
        var r = _vm.Node("/app/inuse.js");
        Assert.Equal("listen EADDRINUSE: address already in use :::3000 EADDRINUSE listen 3000\n", r.Stdout);
    }

    [Fact]
    public void Http_LargeBodies_BothWaysInOneProcess_Backpressure()
    {
        _vm.WriteFile("/app/big.js", """
            const http = require('http');
            const crypto = require('crypto');
            const big = Buffer.alloc(1 << 20, 'x');
            const server = http.createServer((req, res) => {
              const h = crypto.createHash('sha256');
              let n = 0;
              req.on('data', (c) => { n += c.length; h.update(c); });
              req.on('end', () => { res.setHeader('x-got', n + ' ' + h.digest('hex').slice(0, 8)); res.end(big); });
            });
            server.listen(0, () => {
              const req = http.request({ port: server.address().port, method: 'PUT' }, (res) => {
                let n = 0;
                res.on('data', (c) => n += c.length);
                res.on('end', () => { console.log(res.headers['x-got'], n); server.close(); });
              });
              req.end(big);
            });
            """);
        var r = _vm.Node("/app/big.js");
        Assert.Equal("", r.Stderr);
        Assert.Equal("1048576 8f990ba0 1048576\n", r.Stdout);
    }

    [Fact]
    public void Https_And_Tls_Servers_FailLoudly()
    {
        var r = _vm.Node("-e", "try { require('https').createServer(); } catch (e) { console.log(e.code, e.message); }");
        Assert.Equal("ERR_NOT_SUPPORTED_IN_SANDBOX https.createServer (TLS servers) is not supported in this sandbox\n", r.Stdout);
    }
}
