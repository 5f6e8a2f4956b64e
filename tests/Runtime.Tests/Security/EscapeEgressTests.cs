using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SecureExec.Testing.Tests.Security;

/// <summary>
/// Escape suite, egress with AllowedHosts: a guest allowed only some hosts must not reach the host's own listeners
/// through a name whose DNS answer is loopback, an HTTP redirect from an allowed server to a local address, or the
/// other spellings of 127.0.0.1 (decimal, hex, octal, short, IPv4-mapped IPv6), which name the VM's own loopback.
/// </summary>
public sealed class EscapeEgressTests : IDisposable
{
    private const string HostLoopbackName = "host.secure-exec.internal";
    private static readonly string[] LoopbackSpellings =
        ["127.0.0.1", "localhost", "::1", "2130706433", "0x7f.1", "0177.0.0.1", "127.1", "0x7f000001", "::ffff:7f00:1", "::ffff:127.0.0.1", "0"];

    // A host listener on 127.0.0.1 that counts who reached it: it must stay at zero.
    private readonly TcpListener _target = new(IPAddress.Loopback, 0);
    private int _targetHits;

    public EscapeEgressTests()
    {
        _target.Start();
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var c = await _target.AcceptTcpClientAsync();
                    Interlocked.Increment(ref _targetHits);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // stopped
            }
        });
    }

    private int TargetPort => ((IPEndPoint)_target.LocalEndpoint).Port;

    public void Dispose() => _target.Stop();

    /// <summary>Host names this machine's DNS answers with a loopback address (among others, maybe).</summary>
    private static string[] NamesResolvingToLoopback() =>
        [.. new[] { "localhost.", "localhost.localdomain", "ip6-localhost", Dns.GetHostName() }.Distinct().Where(n =>
        {
            try { return Dns.GetHostAddresses(n).Any(IPAddress.IsLoopback); }
            catch (SocketException) { return false; }
        })];

    /// <summary>Fake DNS answers for *.example.test (the attacker's zone); other names go to the host's resolver.</summary>
    private static readonly Dictionary<string, IPAddress[]> FakeZone = new()
    {
        ["example.test"] = [IPAddress.Loopback],
        ["v6.example.test"] = [IPAddress.IPv6Loopback],
        ["mapped.example.test"] = [IPAddress.Parse("::ffff:127.0.0.1")],
        ["any.example.test"] = [IPAddress.Any, IPAddress.IPv6Any],
        ["metadata.example.test"] = [IPAddress.Parse("169.254.169.254"), IPAddress.Parse("fe80::1")],
    };

    [Fact]
    public async Task Connect_AllowedNameResolvingToLocalAddresses_IsEACCESAndTheHostSeesNothing()
    {
        var machineNames = NamesResolvingToLoopback();
        string[] names = [.. FakeZone.Keys, .. machineNames];
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions
        {
            Permissions = RuntimePermissions.Default with { NetworkEgress = true, AllowedHosts = names },
        });
        rt.Kernel.Sockets.HostResolver = (name, ct) => FakeZone.TryGetValue(name, out var a) ? Task.FromResult(a) : Dns.GetHostAddressesAsync(name, ct);
        var r = await rt.ExecCommandAsync("node", ["-e", $$"""
            const net = require('net'), dns = require('dns');
            const connect = (h) => new Promise((res) => {
              const s = net.connect({{TargetPort}}, h);
              s.on('connect', () => { s.destroy(); res('CONNECTED'); });
              s.on('error', (e) => res(e.code));
            });
            const lookup = (h) => new Promise((res) => dns.lookup(h, { all: true }, (e, a) => res(e ? e.code : a.map((x) => x.address).join(','))));
            (async () => {
              for (const h of {{Js(names)}}) console.log(h, await connect(h), await lookup(h));
              console.log('{{HostLoopbackName}}', await connect('{{HostLoopbackName}}'));
            })();
            """]);
        Assert.Equal("", r.Stderr);
        var lines = r.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(names.Length + 1, lines.Length);
        // Names answered only with local addresses: refused outright by connect; lookup reports no usable answer.
        foreach (var (name, i) in FakeZone.Keys.Select((n, i) => (n, i))) Assert.Equal($"{name} EACCES ENOTFOUND", lines[i]);
        // The machine's own names (e.g. its hostname in /etc/hosts): the loopback answers are dropped; other answers may
        // be tried, but nothing connects to the host's listener.
        foreach (var line in lines[FakeZone.Count..^1])
        {
            Assert.DoesNotContain("CONNECTED", line, StringComparison.Ordinal);
            Assert.DoesNotContain("127.", line, StringComparison.Ordinal);
            Assert.DoesNotContain("::1", line, StringComparison.Ordinal);
        }
        Assert.Equal($"{HostLoopbackName} EACCES", lines[^1]); // not in AllowedHosts
        Assert.Equal(0, Volatile.Read(ref _targetHits));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Connect_LoopbackSpellings_ReachTheVmNotTheHost(bool allowList)
    {
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions
        {
            Permissions = RuntimePermissions.Default with { NetworkEgress = true, AllowedHosts = allowList ? ["example.test"] : [] },
        });
        // A guest server on the same port number as the host's listener answers "vm".
        await using var server = await rt.SpawnAsync($"import net from 'node:net'; net.createServer((s) => s.end('vm')).listen({TargetPort});");
        await rt.WaitForListenerAsync(new ListenerQuery { Port = TargetPort });
        var r = await rt.ExecCommandAsync("node", ["-e", $$"""
            const net = require('net');
            const reach = (h) => new Promise((res) => {
              let got = '';
              const s = net.connect({{TargetPort}}, h);
              s.on('data', (d) => got += d);
              s.on('end', () => res(h + '=' + got));
              s.on('error', (e) => res(h + '=' + e.code));
            });
            (async () => { for (const h of {{Js(LoopbackSpellings)}}) console.log(await reach(h)); })();
            """]);
        server.Kill();
        Assert.Equal("", r.Stderr);
        Assert.Equal(string.Concat(LoopbackSpellings.Select(h => $"{h}=vm\n")), r.Stdout);
        Assert.Equal(0, Volatile.Read(ref _targetHits));
    }

    [Fact]
    public async Task Fetch_RedirectFromAllowedHostToLocalAddresses_NeverReachesTheHost()
    {
        // The allowed server (the host, reached by its VM name) redirects to ?to=URL.
        using var allowed = new TcpListener(IPAddress.Loopback, 0);
        allowed.Start();
        var allowedPort = ((IPEndPoint)allowed.LocalEndpoint).Port;
        var redirects = 0;
        using var stop = new CancellationTokenSource();
        var serving = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var c = await allowed.AcceptTcpClientAsync(stop.Token);
                    var stream = c.GetStream();
                    var head = new StringBuilder();
                    var buffer = new byte[4096];
                    while (!head.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                    {
                        var n = await stream.ReadAsync(buffer, stop.Token);
                        if (n == 0) break;
                        head.Append(Encoding.ASCII.GetString(buffer, 0, n));
                    }
                    var path = head.ToString().Split(' ')[1];
                    var to = Uri.UnescapeDataString(path[(path.IndexOf("to=", StringComparison.Ordinal) + 3)..]);
                    Interlocked.Increment(ref redirects);
                    await stream.WriteAsync(Encoding.ASCII.GetBytes($"HTTP/1.1 302 Found\r\nLocation: {to}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"), stop.Token);
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or IOException)
            {
                // stopped
            }
        });
        var p = TargetPort;
        var locations = new List<string>
        {
            $"http://127.0.0.1:{p}/", $"http://localhost:{p}/", $"http://[::1]:{p}/", $"http://2130706433:{p}/", $"http://0x7f.1:{p}/",
            $"http://0177.0.0.1:{p}/", $"http://[::ffff:7f00:1]:{p}/", $"http://{HostLoopbackName}.:{p}/", $"http://169.254.169.254:{p}/",
        };
        locations.AddRange(NamesResolvingToLoopback().Select(n => $"http://{n}:{p}/"));
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions
        {
            Permissions = RuntimePermissions.Default with { NetworkEgress = true, AllowedHosts = [HostLoopbackName] },
        });
        var r = await rt.ExecAsync($$"""
            const out = [];
            for (const to of {{Js([.. locations])}}) {
              try {
                const res = await fetch('http://{{HostLoopbackName}}:{{allowedPort}}/r?to=' + encodeURIComponent(to));
                out.push('REACHED ' + to + ' ' + res.status);
              } catch (e) {
                out.push(e.name + ':' + ((e.cause && e.cause.code) || (e.cause && e.cause.message) || e.message));
              }
            }
            console.log(out.join('\n'));
            """);
        await stop.CancelAsync();
        allowed.Stop();
        await serving;
        Assert.Equal("", r.Stderr);
        Assert.DoesNotContain("REACHED", r.Stdout, StringComparison.Ordinal);
        Assert.Equal(locations.Count, redirects); // every fetch did reach the allowed server and was redirected
        // The VM's own loopback refuses (no guest listener); other names are not allowed.
        Assert.All(r.Stdout.TrimEnd('\n').Split('\n'), line => Assert.True(line is "TypeError:ECONNREFUSED" or "TypeError:EACCES", r.Stdout));
        Assert.Equal(0, Volatile.Read(ref _targetHits));
    }

    private static string Js(string[] values) => System.Text.Json.JsonSerializer.Serialize(values);
}
