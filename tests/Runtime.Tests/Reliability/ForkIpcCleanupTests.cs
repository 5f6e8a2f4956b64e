using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Tests.Reliability;

/// <summary>
/// child_process.fork's IPC channel is a kernel socket pair: when either process ends, the other side's channel
/// ends ('disconnect'), its fd is closed, and nothing stays running or open; disposing the runtime ends both.
/// </summary>
[Collection(ReliabilityCollection.Name)]
public sealed class ForkIpcCleanupTests
{
    // The parent forks /tmp/child.js and prints each message; CHILD is the child's code.
    private static string Parent(string child, string afterReady = "") => $$"""
        import { fork } from 'node:child_process';
        import fs from 'node:fs';
        fs.writeFileSync('/tmp/child.js', {{System.Text.Json.JsonSerializer.Serialize(child)}});
        const c = fork('/tmp/child.js');
        c.on('message', (m) => { console.log('message ' + m); {{afterReady}} });
        c.on('disconnect', () => console.log('disconnect'));
        c.on('exit', (code, signal) => console.log('exit ' + code + ' ' + signal + ' fds ' + fs.readdirSync('/dev/fd').join(',')));
        """;

    [Fact]
    public async Task ParentKilled_ChildWithMessageListener_SeesDisconnectAndEnds()
    {
        await HostResources.WarmUpAsync();
        var baseline = HostResources.Measure();
        var rt = await NodeRuntime.CreateAsync();
        try
        {
            var stdout = new Output();
            // the child stays while it has a 'message' listener and the channel is open; then it ends by itself
            var parent = await rt.SpawnAsync(Parent("process.on('message', () => {}); process.send('ready');") + "setInterval(() => {}, 1000);",
                new SpawnOptions { OnStdout = stdout.Append });
            await stdout.WaitForAsync("message ready");
            var child = rt.Kernel.Processes.All.Single(p => p.ParentPid == parent.Pid);
            Assert.Equal(4, child.Fds.Count); // stdio and the channel (fd 3)
            parent.Kill(Signal.SIGKILL);
            Assert.Equal(137, await parent.WaitAsync().WaitAsync(TimeSpan.FromSeconds(10)));
            Assert.Equal(0, (await child.Exited.WaitAsync(TimeSpan.FromSeconds(10))).ExitCode);
            await Poll(() => rt.Kernel.Processes.All.Count == 1, () => "processes left: " + Describe(rt));
        }
        finally
        {
            await rt.DisposeAsync();
        }
        Assert.Equal(0, rt.Kernel.LiveThreadCount);
        await HostResources.AssertBackToAsync(baseline);
    }

    [Fact]
    public async Task ChildKilledWhileMessagesFlow_ParentChannelEndsAndItsFdIsClosed()
    {
        await HostResources.WarmUpAsync();
        var baseline = HostResources.Measure();
        var rt = await NodeRuntime.CreateAsync();
        try
        {
            // the parent keeps sending 256 KiB messages (more than the channel holds) and kills the child mid-stream
            var code = Parent("process.on('message', () => {}); process.send('ready');",
                "const big = 'x'.repeat(256 * 1024); for (let i = 0; i < 8; i++) c.send(big, () => {}); c.kill('SIGKILL');");
            var r = await rt.ExecAsync(code, new ExecOptions { Timeout = TimeSpan.FromSeconds(30) });
            Assert.Equal("", r.Stderr);
            Assert.Equal("message ready\ndisconnect\nexit null SIGKILL fds 0,1,2\n", r.Stdout);
            Assert.Equal(0, r.ExitCode);
            await Poll(() => rt.Kernel.Processes.All.Count == 1, () => "processes left: " + Describe(rt));
        }
        finally
        {
            await rt.DisposeAsync();
        }
        await HostResources.AssertBackToAsync(baseline);
    }

    [Fact]
    public async Task RuntimeDisposed_WhileForkedChildNeverExits_LeavesNothing()
    {
        await HostResources.WarmUpAsync();
        var baseline = HostResources.Measure();
        var rt = await NodeRuntime.CreateAsync();
        NodeProcess parent;
        try
        {
            var stdout = new Output();
            parent = await rt.SpawnAsync(Parent("setInterval(() => {}, 1000); process.send('ready');"), new SpawnOptions { OnStdout = stdout.Append });
            await stdout.WaitForAsync("message ready");
            Assert.Equal(3, rt.Kernel.Processes.All.Count);
        }
        finally
        {
            await rt.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        }
        Assert.Equal(137, await parent.WaitAsync().WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(0, rt.Kernel.LiveThreadCount);
        Assert.Equal([1], rt.Kernel.Processes.All.Select(p => p.Pid));
        await HostResources.AssertBackToAsync(baseline);
    }

    private sealed class Output
    {
        private readonly System.Text.StringBuilder _text = new();

        public void Append(ReadOnlyMemory<byte> chunk)
        {
            lock (_text) _text.Append(System.Text.Encoding.UTF8.GetString(chunk.Span));
        }

        public Task WaitForAsync(string line) => Poll(() =>
        {
            lock (_text) return _text.ToString().Contains(line, StringComparison.Ordinal);
        }, () => "never printed: " + line, TimeSpan.FromSeconds(30));
    }

    private static async Task Poll(Func<bool> condition, Func<string> failure, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, failure());
            await Task.Delay(20);
        }
    }

    private static string Describe(NodeRuntime rt) =>
        string.Join("; ", rt.Kernel.Processes.All.Select(p => $"{p} ppid {p.ParentPid} {p.State}"));
}
