using System.Diagnostics;
using System.Text;
using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Tests;

/// <summary>Per-call options of the JS entry points: FilePath, Timeout, cancellation, disposal.</summary>
public sealed class ExecOptionsTests
{
    private static Task<NodeRuntime> CreateWithAppAsync() => NodeRuntime.CreateAsync(new NodeRuntimeOptions
    {
        Cwd = "/app",
        Files = new Dictionary<string, FileContent> { ["/app/src/util.mjs"] = "export const name = 'util';" },
    });

    [Fact]
    public async Task FilePath_ExecAsync_NamesTheModule_AndRelativeImportsResolveFromIt()
    {
        await using var rt = await CreateWithAppAsync();
        var r = await rt.ExecAsync("""
            import { name } from "./util.mjs";
            console.log(import.meta.url, import.meta.filename, import.meta.dirname, name);
            """, new ExecOptions { FilePath = "src/main.mjs" });
        Assert.Equal("", r.Stderr);
        Assert.Equal("file:///app/src/main.mjs /app/src/main.mjs /app/src util\n", r.Stdout);
    }

    [Fact]
    public async Task FilePath_UncaughtError_StackNamesTheFileAndLine()
    {
        await using var rt = await CreateWithAppAsync();
        var r = await rt.ExecAsync("const x = 1;\n\nthrow new Error('boom');", new ExecOptions { FilePath = "/app/src/main.mjs" });
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("/app/src/main.mjs:3:7", r.Stderr); // Node 22 prints file:///app/src/main.mjs:3:7
        Assert.Contains("Error: boom", r.Stderr);
        var plain = await rt.ExecAsync("console.log(process.execArgv.join(' '))", new ExecOptions { FilePath = "/app/x.mjs" });
        Assert.Equal("--input-type=module -e console.log(process.execArgv.join(' '))\n", plain.Stdout); // the naming option stays hidden
    }

    [Fact]
    public async Task FilePath_RunAsync_UsesTheFile_AndRestoresWhatWasThere()
    {
        await using var rt = await CreateWithAppAsync();
        await rt.FileSystem.WriteFileAsync("/app/src/job.mjs", "original");
        var r = await rt.RunAsync<string>("import { name } from './util.mjs'; export default name + ' ' + import.meta.filename;",
            new ExecOptions { FilePath = "/app/src/job.mjs" });
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("util /app/src/job.mjs", r.Value);
        Assert.Equal("original", await rt.FileSystem.ReadAllTextAsync("/app/src/job.mjs"));
        var fresh = await rt.RunAsync<int>("export default 5;", new ExecOptions { FilePath = "/app/new.mjs" });
        Assert.Equal(5, fresh.Value);
        Assert.False(await rt.FileSystem.ExistsAsync("/app/new.mjs"));
    }

    [Fact]
    public async Task FilePath_SpawnAsync_NamesTheModule()
    {
        await using var rt = await CreateWithAppAsync();
        var output = new StringBuilder();
        await using var p = await rt.SpawnAsync("console.log(import.meta.filename)",
            new SpawnOptions { FilePath = "/app/src/spawned.mjs", OnStdout = c => { lock (output) output.Append(Encoding.UTF8.GetString(c.Span)); } });
        Assert.Equal(0, await p.WaitAsync().WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal("/app/src/spawned.mjs\n", output.ToString());
    }

    [Fact]
    public async Task Timeout_NeverEndingGuest_KilledWithMessageAndTimedOut()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        var clock = Stopwatch.StartNew();
        var r = await rt.ExecAsync("setInterval(() => {}, 1000)", new ExecOptions { Timeout = TimeSpan.FromMilliseconds(300) });
        Assert.True(r.TimedOut);
        Assert.Equal(137, r.ExitCode);
        Assert.Contains("timed out after 0.3s; killed with SIGKILL", r.Stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Cancellation_GuestHandlesSigterm_ThenExits()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        await rt.FileSystem.WriteFileAsync("/tmp/started", "");
        using var cts = new CancellationTokenSource();
        var exec = rt.ExecAsync("""
            import { writeFileSync } from "node:fs";
            process.on("SIGTERM", () => { writeFileSync("/tmp/got", "SIGTERM"); process.exit(0); });
            writeFileSync("/tmp/started", "yes");
            setInterval(() => {}, 1000);
            """, ct: cts.Token);
        await WaitForAsync(async () => await rt.FileSystem.ReadAllTextAsync("/tmp/started") == "yes");
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => exec);
        Assert.Equal("SIGTERM", await rt.FileSystem.ReadAllTextAsync("/tmp/got"));
    }

    [Fact]
    public async Task Cancellation_GuestIgnoresSigterm_SigkillAfterGracePeriod()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        await rt.FileSystem.WriteFileAsync("/tmp/started", "");
        using var cts = new CancellationTokenSource();
        var exec = rt.ExecAsync("""
            import { writeFileSync } from "node:fs";
            process.on("SIGTERM", () => {});
            writeFileSync("/tmp/started", "yes");
            setInterval(() => {}, 1000);
            """, ct: cts.Token);
        await WaitForAsync(async () => await rt.FileSystem.ReadAllTextAsync("/tmp/started") == "yes");
        var clock = Stopwatch.StartNew();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => exec);
        Assert.InRange(clock.Elapsed, NodeRuntime.CancellationGracePeriod - TimeSpan.FromMilliseconds(100), NodeRuntime.CancellationGracePeriod + TimeSpan.FromSeconds(5));
        Assert.Equal(1, rt.Kernel.Processes.LiveCount); // only init
    }

    [Fact]
    public async Task DisposedRuntime_EveryEntryPoint_ThrowsObjectDisposedException()
    {
        var rt = await NodeRuntime.CreateAsync();
        await rt.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => rt.ExecAsync("1"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => rt.RunAsync<int>("export default 1"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => rt.SpawnAsync("1"));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => rt.ExecCommandAsync("true", []));
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!await condition())
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(20)) throw new TimeoutException("condition not met in 20 s");
            await Task.Delay(10);
        }
    }
}
