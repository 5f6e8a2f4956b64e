namespace SecureExec.Testing.Tests.Drivers.Wasm;

public class BadPointersTests
{
    [Fact]
    public async Task PointersOutsideLinearMemory_AnswerEfault()
    {
        var result = await WasmTestPrograms.RunAsync("bad_pointers");
        Assert.Equal("", result.Stderr);
        Assert.Equal(
            "fd_write iovs: 21\n" +
            "fd_write buf: 21\n" +
            "fd_write nwritten: 21\n" +
            "random_get: 21\n" +
            "args_sizes_get: 21\n" +
            "clock_time_get: 21\n" +
            "fd_prestat_get: 21\n" +
            "se_getcwd: -21\n" +
            "se_stat path: -21\n" +
            "se_pipe: -21\n" +
            "se_spawn: -21\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }
}
