namespace SecureExec.Testing.Tests.Drivers.Wasm;

public sealed class BadModuleTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("secure-exec-badmod-");

    public void Dispose() => _dir.Delete(recursive: true);

    [Fact]
    public async Task CorruptAndNonWasiModules_Fail126_NamingTheFile_OthersStillRun()
    {
        File.Copy(Path.Combine(WasmTestPrograms.Directory, "exit_code.wasm"), Path.Combine(_dir.FullName, "exit_code.wasm"));
        var corrupt = Path.Combine(_dir.FullName, "corrupt.wasm");
        File.WriteAllText(corrupt, "this is not wasm");
        var library = Path.Combine(_dir.FullName, "library.wasm");
        File.WriteAllBytes(library, [0x00, 0x61, 0x73, 0x6D, 0x01, 0x00, 0x00, 0x00]); // a valid, empty module

        await using var runtime = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { CommandsDir = _dir.FullName });

        var bad = await runtime.ExecCommandAsync("corrupt", []);
        Assert.Equal(126, bad.ExitCode);
        Assert.StartsWith($"corrupt: cannot execute {corrupt}: ", bad.Stderr);

        var notWasi = await runtime.ExecCommandAsync("library", []);
        Assert.Equal(126, notWasi.ExitCode);
        Assert.Equal($"library: cannot execute {library}: not a WASI command module (it needs to export _start and memory)\n", notWasi.Stderr);

        var good = await runtime.ExecCommandAsync("exit_code", ["4"]);
        Assert.Equal(4, good.ExitCode);
    }
}
