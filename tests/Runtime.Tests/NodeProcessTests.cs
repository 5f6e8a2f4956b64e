using System.Text;

namespace SecureExec.Testing.Tests;

/// <summary>The live handle of SpawnAsync: synchronous stdin writes, kill by name.</summary>
public sealed class NodeProcessTests
{
    [Fact]
    public async Task WriteStdin_TextAndBytes_EchoedByTheGuest()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        var output = new StringBuilder();
        await using var p = await rt.SpawnAsync("process.stdin.on('data', (c) => process.stdout.write('got: ' + c));",
            new SpawnOptions { OnStdout = c => { lock (output) output.Append(Encoding.UTF8.GetString(c.Span)); } });
        p.WriteStdin("hello ");
        p.WriteStdin("wörld\n"u8);
        p.CloseStdin();
        Assert.Equal(0, await p.WaitAsync().WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal("hello wörld\n", output.ToString().Replace("got: ", ""));
        Assert.Throws<InvalidOperationException>(() => p.WriteStdin("late"));
    }

    [Fact]
    public async Task WriteStdin_MoreThanThePipeHolds_BlocksUntilTheGuestReads()
    {
        // A WASM reader (node readers: Drivers/Node/StdinTests).
        await using var rt = await NodeRuntime.CreateAsync();
        var output = new StringBuilder();
        await using var p = await rt.SpawnCommandAsync("wc", ["-c"], new ExecOptions { OnStdout = c => { lock (output) output.Append(Encoding.UTF8.GetString(c.Span)); } });
        await Task.Run(() => p.WriteStdin(new byte[1 << 20])).WaitAsync(TimeSpan.FromSeconds(20));
        p.CloseStdin();
        Assert.Equal(0, await p.WaitAsync().WaitAsync(TimeSpan.FromSeconds(20)));
        Assert.Equal("1048576", output.ToString().Trim());
    }
}
