using System.Diagnostics;

namespace SecureExec.Testing.Tests.Reliability;

/// <summary>
/// Issue 13, "a fork bomb in sh is contained": with a small <see cref="RuntimeLimits.MaxProcesses"/>, spawning beyond it
/// fails with EAGAIN, the timeout (or disposing the handle) ends every process of the bomb — including orphans
/// spawned while the kill went round — the VM stays usable, and the host gets its threads back.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class ForkBombTests
{
    private static readonly TimeSpan BombTime = TimeSpan.FromSeconds(3);

    private static NodeRuntimeOptions Options(int maxProcesses) => new()
    {
        Limits = new RuntimeLimits { MaxProcesses = maxProcesses, MaxOutputBytes = 1 << 20, JsHeapBytes = 32L << 20 },
    };

    [Theory]
    [InlineData("f() { f | f & }; f", false)]             // the classic: each stage a child sh, every one in the background
    [InlineData("f() { f | f & }; f", true)]
    [InlineData("f() { while :; do f & done; }; f", false)] // never gives up: every process keeps retrying at the limit
    [InlineData("f() { while :; do f & done; }; f", true)]
    public async Task ShForkBomb_SmallProcessLimit_EagainThenEveryProcessReaped(string script, bool disposeHandle)
    {
        await HostResources.WarmUpAsync();
        var baseline = HostResources.Measure();
        await using (var rt = await NodeRuntime.CreateAsync(Options(32)))
        {
            var clock = Stopwatch.StartNew();
            string stderr;
            if (disposeHandle)
            {
                var errors = new System.Text.StringBuilder();
                var handle = await rt.SpawnCommandAsync("sh", ["-c", script], new ExecOptions
                {
                    OnStderr = c =>
                    {
                        lock (errors) if (errors.Length < 4096) errors.Append(System.Text.Encoding.UTF8.GetString(c.Span));
                    },
                });
                await Task.Delay(BombTime);
                await handle.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
                lock (errors) stderr = errors.ToString();
            }
            else
            {
                var r = await rt.ExecCommandAsync("sh", ["-c", script], new ExecOptions { Timeout = BombTime }).WaitAsync(TimeSpan.FromSeconds(15));
                Assert.True(r.TimedOut);
                stderr = r.Stderr;
            }
            Assert.True(clock.Elapsed < BombTime + TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
            Assert.Contains("Resource temporarily unavailable", stderr, StringComparison.Ordinal);
            await AssertAllReaped(rt);
            Assert.Equal("3\n", (await rt.ExecCommandAsync("sh", ["-c", "echo hi | wc -c"])).ThrowOnFailure().Stdout);
        }
        await HostResources.AssertBackToAsync(baseline);
    }

    [Fact]
    public async Task JsForkBomb_SmallProcessLimit_EagainThenEveryProcessReaped()
    {
        await HostResources.WarmUpAsync();
        var baseline = HostResources.Measure();
        await using (var rt = await NodeRuntime.CreateAsync(Options(12)))
        {
            await rt.FileSystem.WriteFileAsync("/tmp/bomb.js", """
                const { spawn } = require('node:child_process');
                setInterval(() => {
                  spawn(process.execPath, [__filename], { stdio: 'inherit' })
                    .on('error', (e) => console.error('spawn failed: ' + e.code));
                }, 20);
                """);
            var clock = Stopwatch.StartNew();
            var r = await rt.ExecCommandAsync("node", ["/tmp/bomb.js"], new ExecOptions { Timeout = BombTime }).WaitAsync(TimeSpan.FromSeconds(15));
            Assert.True(clock.Elapsed < BombTime + TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
            Assert.True(r.TimedOut);
            Assert.Equal(137, r.ExitCode);
            Assert.Contains("spawn failed: EAGAIN", r.Stderr, StringComparison.Ordinal);
            await AssertAllReaped(rt);
            Assert.Equal("1\n", (await rt.ExecAsync("console.log(1)")).ThrowOnFailure().Stdout);
        }
        await HostResources.AssertBackToAsync(baseline);
    }

    private static async Task AssertAllReaped(NodeRuntime rt)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (rt.Kernel.Processes.All.Count > 1 || rt.Kernel.LiveThreadCount > 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "left: " + string.Join("; ", rt.Kernel.Processes.All.Select(p => $"{p} {p.State}")));
            await Task.Delay(20);
        }
    }
}
