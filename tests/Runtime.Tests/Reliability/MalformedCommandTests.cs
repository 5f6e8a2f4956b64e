using SecureExec.Testing.Tests.Commands;

namespace SecureExec.Testing.Tests.Reliability;

/// <summary>
/// Issue 13, "a malformed module in the commands directory is reported and the others still work": a garbage
/// .wasm, an empty one and a module importing a function secure-exec does not provide sit beside sh and coreutils.
/// The runtime starts; running a bad one fails with 126 and a message naming its file; the good ones still run.
/// </summary>
public sealed class MalformedCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("secure-exec-malformed-").FullName;

    public MalformedCommandTests()
    {
        var commands = Path.Combine(GoldenCases.FindRepoRoot(), "artifacts", "commands");
        foreach (var file in new[] { "sh.wasm", "coreutils.wasm", "coreutils.names" })
            File.Copy(Path.Combine(commands, file), Path.Combine(_dir, file));
        File.WriteAllBytes(Path.Combine(_dir, "garbage.wasm"), [.. "\0asm"u8, 0x01, 0x00, 0x00, 0x00, 0xDE, 0xAD, 0xBE, 0xEF, 0x42]);
        File.WriteAllBytes(Path.Combine(_dir, "empty.wasm"), []);
        File.WriteAllBytes(Path.Combine(_dir, "needsenv.wasm"), MissingImportModule);
        File.WriteAllText(Path.Combine(_dir, "text.wasm"), "#!/bin/sh\necho not wasm\n");
    }

    /// <summary>A WASI-shaped module (exports _start and memory) that imports env.foo.</summary>
    private static readonly byte[] MissingImportModule =
    [
        0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00,
        0x01, 0x04, 0x01, 0x60, 0x00, 0x00,                                         // type 0: () -> ()
        0x02, 0x0B, 0x01, 0x03, (byte)'e', (byte)'n', (byte)'v', 0x03, (byte)'f', (byte)'o', (byte)'o', 0x00, 0x00, // import env.foo
        0x03, 0x02, 0x01, 0x00,                                                     // func 1: type 0
        0x05, 0x03, 0x01, 0x00, 0x01,                                               // memory: 1 page
        0x07, 0x13, 0x02,                                                           // exports
        0x06, (byte)'_', (byte)'s', (byte)'t', (byte)'a', (byte)'r', (byte)'t', 0x00, 0x01,
        0x06, (byte)'m', (byte)'e', (byte)'m', (byte)'o', (byte)'r', (byte)'y', 0x02, 0x00,
        0x0A, 0x04, 0x01, 0x02, 0x00, 0x0B,                                         // code: empty body
    ];

    [Theory]
    [InlineData("garbage", "garbage.wasm")]
    [InlineData("empty", "empty.wasm")]
    [InlineData("needsenv", "imports env.foo, which secure-exec does not provide")]
    [InlineData("text", "text.wasm")]
    public async Task MalformedModule_Run_Reports126NamingFile_OthersStillWork(string command, string expected)
    {
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { CommandsDir = _dir });
        var direct = await rt.ExecCommandAsync(command, []);
        Assert.Equal(126, direct.ExitCode);
        Assert.Contains($"cannot execute {Path.Combine(_dir, command + ".wasm")}", direct.Stderr, StringComparison.Ordinal);
        Assert.Contains(expected, direct.Stderr, StringComparison.Ordinal);

        // Again, from sh and from node: the same report, and the shell, coreutils and node carry on.
        var sh = await rt.ExecCommandAsync("sh", ["-c", $"{command}; echo status $?; echo hi | wc -c"]);
        Assert.Contains($"cannot execute {Path.Combine(_dir, command + ".wasm")}", sh.Stderr, StringComparison.Ordinal);
        Assert.Equal("status 126\n3\n", sh.Stdout);
        var js = await rt.ExecAsync($"import {{ spawnSync }} from 'node:child_process'; const r = spawnSync('{command}'); console.log(r.status, String(r.stderr).includes('{command}.wasm'));");
        Assert.Equal("126 true\n", js.ThrowOnFailure().Stdout);
        Assert.Equal("ok\n", (await rt.ExecCommandAsync("echo", ["ok"])).ThrowOnFailure().Stdout);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
