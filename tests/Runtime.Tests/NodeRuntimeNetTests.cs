using System.Net;
using System.Text;
using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Tests;

/// <summary>Driving guest servers from the host: WaitForListenerAsync, FetchAsync, the HttpMessageHandler.</summary>
public sealed class NodeRuntimeNetTests
{
    [Fact]
    public async Task FetchAsync_SeedServerExample_Returns200Ok()
    {
        // The seed's "Driving a guest server" example, verbatim in C#.
        await using var rt = await NodeRuntime.CreateAsync();
        var server = await rt.SpawnAsync("""
            import http from "node:http";
            http.createServer((_, res) => res.end("ok")).listen(3000);
            """);
        var listener = await rt.WaitForListenerAsync(new ListenerQuery { Port = 3000 });
        var res = await rt.FetchAsync(listener.Port, new FetchRequest { Path = "/" });
        Assert.Equal((200, "ok"), (res.Status, res.Body));
        server.Kill();
        await server.WaitAsync();
    }

    [Fact]
    public async Task FetchAsync_PostWithHeaders_GuestSeesThemAndRepliesChunked()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        await using var server = await rt.SpawnAsync("""
            import http from "node:http";
            http.createServer((req, res) => {
              let body = "";
              req.setEncoding("utf8");
              req.on("data", (c) => body += c);
              req.on("end", () => {
                res.statusCode = 201;
                res.setHeader("X-Seen", `${req.method} ${req.url} ${req.headers["x-test"]} ${req.headers["content-length"]}`);
                res.write("got:");
                res.end(body);
              });
            }).listen(0, () => console.log("ready"));
            """);
        var l = await rt.WaitForListenerAsync(new ListenerQuery { Pid = server.Pid });
        var res = await rt.FetchAsync(l.Port, new FetchRequest
        {
            Method = "POST",
            Path = "/items?x=1",
            Headers = new Dictionary<string, string> { ["X-Test"] = "yes" },
            Body = "héllo",
        });
        Assert.Equal(201, res.Status);
        Assert.Equal("Created", res.StatusText);
        Assert.Equal("POST /items?x=1 yes 6", res.Headers["x-seen"]);
        Assert.Equal("chunked", res.Headers["transfer-encoding"]);
        Assert.Equal("got:héllo", res.Body);
    }

    [Fact]
    public async Task WaitForListenerAsync_Timeout_NamesQueryAndExistingListeners()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        await using var server = await rt.SpawnAsync("require('node:net').createServer().listen(4100, '127.0.0.1')".Replace("require('node:net')", "(await import('node:net')).default"));
        await rt.WaitForListenerAsync(new ListenerQuery { Port = 4100 });
        var ex = await Assert.ThrowsAsync<TimeoutException>(() => rt.WaitForListenerAsync(new ListenerQuery { Port = 4200 }, TimeSpan.FromMilliseconds(200)));
        Assert.Contains("port 4200", ex.Message);
        Assert.Contains($"127.0.0.1:4100 (pid {server.Pid})", ex.Message);
    }

    [Fact]
    public async Task FetchAsync_BodyPastMaxHttpBodyBytes_FailsNamingTheLimit_RuntimeStaysUsable()
    {
        // A guest server must not make the host allocate what it announces or stream without end into host memory.
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { Limits = new RuntimeLimits { MaxHttpBodyBytes = 1 << 20 } });
        await using var server = await rt.SpawnAsync("""
            import net from "node:net";
            import http from "node:http";
            // announces a terabyte, sends a little
            // (raw sockets: the host hanging up makes EPIPE, which would end the process without a listener, as in Node)
            net.createServer((s) => s.on("error", () => {}).once("data", () => s.end("HTTP/1.1 200 OK\r\nContent-Length: 1000000000000\r\n\r\nabc"))).listen(3001);
            // streams 2 MiB chunked (the server survives the host hanging up), and 2 MiB until close without a length
            const big = "x".repeat(64 * 1024);
            http.createServer((req, res) => { for (let i = 0; i < 32; i++) res.write(big); res.end(); }).listen(3002);
            net.createServer((s) => s.on("error", () => {}).once("data", () => { s.write("HTTP/1.1 200 OK\r\n\r\n"); for (let i = 0; i < 32; i++) s.write(big); s.end(); })).listen(3003);
            http.createServer((req, res) => res.end("small")).listen(3004);
            """);
        foreach (var port in new[] { 3001, 3002, 3003, 3004 }) await rt.WaitForListenerAsync(new ListenerQuery { Port = port });
        foreach (var port in new[] { 3001, 3002, 3003 })
        {
            var e = await Assert.ThrowsAsync<HttpRequestException>(() => rt.FetchAsync(port));
            Assert.Contains("MaxHttpBodyBytes (1048576 bytes)", e.Message);
        }
        Assert.Equal("small", (await rt.FetchAsync(3004)).Body);
    }

    [Fact]
    public async Task FetchAsync_NoListener_ThrowsNamingThePort()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        var ex = await Assert.ThrowsAsync<HttpRequestException>(() => rt.FetchAsync(5555));
        Assert.Contains("port 5555", ex.Message);
    }

    [Fact]
    public async Task HttpMessageHandler_HttpClient_TalksToGuestServer()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        await using var server = await rt.SpawnAsync("""
            import http from "node:http";
            http.createServer((req, res) => {
              const chunks = [];
              req.on("data", (c) => chunks.push(c));
              req.on("end", () => {
                res.writeHead(200, { "Content-Type": "application/json" });
                res.end(JSON.stringify({ method: req.method, url: req.url, type: req.headers["content-type"], body: Buffer.concat(chunks).toString() }));
              });
            }).listen(8080);
            """);
        await rt.WaitForListenerAsync(new ListenerQuery { Port = 8080 });
        using var client = new HttpClient(rt.CreateHttpMessageHandler());
        var response = await client.PostAsync("http://localhost:8080/api?q=1", new StringContent("{\"a\":1}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{\"method\":\"POST\",\"url\":\"/api?q=1\",\"type\":\"application/json; charset=utf-8\",\"body\":\"{\\\"a\\\":1}\"}",
            await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task FetchAsync_MalformedRequest_Gets400AndClose()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        await using var server = await rt.SpawnAsync("""
            import http from "node:http";
            http.createServer((req, res) => res.end("ok")).listen(3001);
            """);
        await rt.WaitForListenerAsync(new ListenerQuery { Port = 3001 });
        var res = await rt.FetchAsync(3001, new FetchRequest { Headers = new Dictionary<string, string> { ["Content-Length"] = "abc" } });
        Assert.Equal(400, res.Status);
        Assert.Equal("close", res.Headers["connection"]);
    }

    [Fact]
    public async Task GuestClient_InAnotherProcess_ReachesGuestServer()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        await using var server = await rt.SpawnAsync("""
            import http from "node:http";
            http.createServer((req, res) => res.end("hello " + req.url)).listen(3002);
            """);
        await rt.WaitForListenerAsync(new ListenerQuery { Port = 3002 });
        var r = await rt.ExecAsync("""
            import http from "node:http";
            http.get("http://localhost:3002/from-client", (res) => {
              let body = "";
              res.on("data", (c) => body += c);
              res.on("end", () => console.log(res.statusCode, body));
            });
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("200 hello /from-client\n", r.Stdout);
    }

    [Fact]
    public async Task GuestFetch_InAnotherProcess_ReachesGuestServer()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        await using var server = await rt.SpawnAsync("""
            import http from "node:http";
            http.createServer((req, res) => { res.setHeader("content-type", "application/json"); res.end(JSON.stringify({ url: req.url })); }).listen(3003);
            """);
        await rt.WaitForListenerAsync(new ListenerQuery { Port = 3003 });
        var r = await rt.ExecAsync("""
            const res = await fetch("http://localhost:3003/hello?x=1");
            console.log(res.status, (await res.json()).url);
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("200 /hello?x=1\n", r.Stdout);
    }

    [Fact]
    public async Task EgressAllowed_GuestHttpRequest_ReachesHostListener()
    {
        using var host = new HttpListener();
        var port = FreeHostPort();
        host.Prefixes.Add($"http://127.0.0.1:{port}/");
        host.Start();
        var serve = Task.Run(async () =>
        {
            var ctx = await host.GetContextAsync();
            var bytes = Encoding.UTF8.GetBytes("from host " + ctx.Request.Url!.PathAndQuery);
            ctx.Response.OutputStream.Write(bytes);
            ctx.Response.Close();
        });
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { Permissions = new RuntimePermissions { NetworkEgress = true } });
        var r = await rt.ExecAsync($$"""
            import http from "node:http";
            // HttpListener routes by the Host header, so name the address it listens on.
            http.get("http://{{HostConnectionName}}:{{port}}/x?y=1", { headers: { host: "127.0.0.1:{{port}}" } }, (res) => {
              let body = "";
              res.on("data", (c) => body += c);
              res.on("end", () => console.log(res.statusCode, body));
            }).on("error", (e) => console.log("error", e.message));
            """);
        await serve.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("", r.Stderr);
        Assert.Equal("200 from host /x?y=1\n", r.Stdout);
    }

    [Fact]
    public async Task EgressDenied_ByDefault_GuestSeesTheReason()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        var r = await rt.ExecAsync("""
            import http from "node:http";
            http.get("http://1.2.3.4/", () => {}).on("error", (e) => console.log(e.code, e.message));
            """);
        Assert.Equal("EACCES connect EACCES 1.2.3.4:80 - network access to 1.2.3.4 is denied by the sandbox; allow it with RuntimePermissions.NetworkEgress = true (optionally limited by AllowedHosts)\n", r.Stdout);
    }

    [Fact]
    public async Task EgressDenied_ByDefault_HttpsAndFetchClientsToo()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        var r = await rt.ExecAsync("""
            import https from "node:https";
            await new Promise((done) => https.get("https://1.2.3.4/", () => {}).on("error", (e) => { console.log("https", e.code); done(); }));
            try { await fetch("https://1.2.3.4/"); } catch (e) { console.log("fetch", e.name, e.cause?.code); }
            """);
        Assert.Equal("https EACCES\nfetch TypeError EACCES\n", r.Stdout);
    }

    /// <summary>The host's own loopback as guests name it when egress is allowed (127.0.0.1 is the VM itself).</summary>
    private const string HostConnectionName = "host.secure-exec.internal";

    private static int FreeHostPort()
    {
        using var l = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }
}
