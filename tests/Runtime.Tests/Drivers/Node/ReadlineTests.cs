namespace SecureExec.Testing.Tests.Drivers.Node;

/// <summary>readline over the process's real stdin/stdout (kernel pipes); the stream-only behaviour is in the
/// readline-* golden cases.</summary>
public sealed class ReadlineTests : IDisposable
{
    private readonly NodeHarness _vm = new();

    public void Dispose() => _vm.Dispose();

    [Fact]
    public void CreateInterface_OverStdin_EmitsLinesThenClose()
    {
        var r = _vm.Run(["node", "-e", "const rl = require('readline').createInterface({ input: process.stdin }); let n = 0; rl.on('line', (l) => console.log(++n, l)); rl.on('close', () => console.log('close'));"],
            stdin: "alpha\r\nbeta\ngamma");
        Assert.Equal("1 alpha\n2 beta\n3 gamma\nclose\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public async Task Question_PromptsOnStdout_AndAnswersFromStdin()
    {
        var h = _vm.Start(["node", "-e", "const rl = require('readline/promises').createInterface({ input: process.stdin, output: process.stdout }); rl.question('name? ').then((a) => { console.log(`hi ${a}`); rl.close(); });"]);
        await Task.Delay(50);
        h.WriteStdin("ada\n");
        var r = h.Wait();
        Assert.Equal("name? hi ada\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }

    [Fact]
    public void AsyncIterator_OverStdin_ReadsAllLines()
    {
        _vm.WriteFile("/app/count.mjs", "import { createInterface } from 'node:readline';\nlet words = 0;\nfor await (const line of createInterface({ input: process.stdin })) words += line.split(' ').length;\nconsole.log(words);\n");
        var r = _vm.Run(["node", "/app/count.mjs"], stdin: string.Concat(Enumerable.Repeat("a b c\n", 5000)));
        Assert.Equal("15000\n", r.Stdout);
    }

    [Fact]
    public void EmitKeypressEvents_FailsClearly()
    {
        var r = _vm.Node("-e", "require('readline').emitKeypressEvents(process.stdin)");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("ERR_NOT_SUPPORTED_IN_SANDBOX", r.Stderr);
    }
}
