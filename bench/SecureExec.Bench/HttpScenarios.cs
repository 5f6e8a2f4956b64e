using System.Diagnostics;
using SecureExec.Testing;

namespace SecureExec.Bench;

/// <summary>
/// Sequential HTTP requests to the same tiny `node:http` server: in the guest through
/// <see cref="NodeRuntime.FetchAsync"/> (kernel loopback, no host socket), and on the host (the baseline: the
/// host's `node` on a host port, reached by HttpClient with keep-alive). req/s = 100 000 / (ms per 100 requests).
/// </summary>
internal static class HttpScenarios
{
    private const string ServerCode = """
        import http from "node:http";
        const port = Number(process.env.PORT || 0);
        const server = http.createServer((req, res) => res.end("ok")).listen(port, "127.0.0.1", () => console.log(server.address().port));
        """;

    public static async Task<IReadOnlyList<Scenario>> CreateAsync(NodeRuntime rt)
    {
        const int guestPort = 3000;
        await rt.SpawnAsync(ServerCode, new SpawnOptions { Env = new Dictionary<string, string> { ["PORT"] = guestPort.ToString() } });
        await rt.WaitForListenerAsync(new ListenerQuery { Port = guestPort });
        var (host, hostPort) = StartHostServer();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => { try { host.Kill(); } catch (InvalidOperationException) { } };
        var client = new HttpClient();
        var url = $"http://127.0.0.1:{hostPort}/";
        async Task Guest()
        {
            var r = await rt.FetchAsync(guestPort, new FetchRequest { Path = "/" });
            if (r.Status != 200 || r.Body != "ok") throw new InvalidOperationException($"guest server answered {r.Status} {r.Body}");
        }
        async Task Host()
        {
            var body = await client.GetStringAsync(url);
            if (body != "ok") throw new InvalidOperationException($"host server answered {body}");
        }
        async Task Times100(Func<Task> request)
        {
            for (var i = 0; i < 100; i++) await request();
        }
        return
        [
            new("http", "guest FetchAsync GET / (node:http in the VM)", Guest, Iterations: 300, Warmup: 20, Baseline: "host HttpClient GET / (node on the host)"),
            new("http", "host HttpClient GET / (node on the host)", Host, Iterations: 300, Warmup: 20),
            new("http", "guest 100 sequential http FetchAsync", () => Times100(Guest), Iterations: 10, Warmup: 2, Baseline: "host 100 sequential http HttpClient GETs"),
            new("http", "host 100 sequential http HttpClient GETs", () => Times100(Host), Iterations: 10, Warmup: 2),
        ];
    }

    private static (Process Process, int Port) StartHostServer()
    {
        var psi = new ProcessStartInfo("node", ["--input-type=module", "-e", ServerCode]) { RedirectStandardOutput = true, UseShellExecute = false };
        var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start the host's node for the http baseline");
        var line = p.StandardOutput.ReadLine() ?? throw new InvalidOperationException("the host node server did not report its port");
        return (p, int.Parse(line, System.Globalization.CultureInfo.InvariantCulture));
    }
}
