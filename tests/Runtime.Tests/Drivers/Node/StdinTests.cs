using System.Text;

namespace SecureExec.Testing.Tests.Drivers.Node;

/// <summary>Large stdin reaches a guest node process whole ('data' listeners, CommonJS and ES module mains).</summary>
public sealed class StdinTests
{
    private const string CountCjs = "let n = 0; process.stdin.on('data', (c) => { n += c.length; }); process.stdin.on('end', () => console.log(n));";
    private const string CountEsm = "import process from 'node:process'; let n = 0; process.stdin.on('data', (c) => { n += c.length; }); process.stdin.on('end', () => console.log(n));";

    private static byte[] Payload(int size)
    {
        var bytes = new byte[size];
        for (var i = 0; i < size; i++) bytes[i] = (byte)('a' + i % 26);
        return bytes;
    }

    [Theory]
    [InlineData(1 << 20)]
    [InlineData(8 << 20)]
    public async Task WriteStdin_Large_AllBytesReachDataListener(int size)
    {
        await using var rt = await NodeRuntime.CreateAsync();
        var output = new StringBuilder();
        await using var p = await rt.SpawnAsync(CountCjs,
            new SpawnOptions { OnStdout = c => { lock (output) output.Append(Encoding.UTF8.GetString(c.Span)); } });
        await p.WriteStdinAsync(Payload(size)).WaitAsync(TimeSpan.FromSeconds(30));
        p.CloseStdin();
        Assert.Equal(0, await p.WaitAsync().WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(size.ToString(), output.ToString().Trim());
    }

    [Theory]
    [InlineData(1 << 20, false)]
    [InlineData(1 << 20, true)]
    [InlineData(8 << 20, true)]
    public async Task Exec_LargeStdin_AllBytesReachDataListener(int size, bool esm)
    {
        await using var rt = await NodeRuntime.CreateAsync();
        var options = new ExecOptions { StdinBytes = Payload(size) };
        var r = await (esm ? rt.ExecAsync(CountEsm, options) : rt.ExecCommandAsync("node", ["-e", CountCjs], options))
            .WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(size.ToString(), r.Stdout.Trim());
    }

    [Theory]
    [InlineData(1 << 20)]
    [InlineData(8 << 20)]
    public async Task Shell_CatIntoNode_AllBytesArrive(int size)
    {
        await using var rt = await NodeRuntime.CreateAsync();
        var r = await rt.ExecCommandAsync("sh", ["-c", "cat | node -e \"" + CountCjs + "\""],
            new ExecOptions { StdinBytes = Payload(size) }).WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(size.ToString(), r.Stdout.Trim());
    }
}
