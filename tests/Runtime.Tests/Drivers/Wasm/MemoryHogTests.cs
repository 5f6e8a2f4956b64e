namespace SecureExec.Testing.Tests.Drivers.Wasm;

public class MemoryHogTests
{
    [Fact]
    public async Task MemoryLimit_MakesMallocFail_InsteadOfCrashing()
    {
        await using var runtime = await WasmTestPrograms.CreateRuntimeAsync(new NodeRuntimeOptions { MemoryLimitBytes = 64L << 20 });
        var result = await runtime.ExecCommandAsync("memory_hog", []);

        Assert.Equal(0, result.ExitCode);
        var mib = int.Parse(result.Stdout.Split(' ')[1]);
        Assert.InRange(mib, 40, 64);
    }
}
