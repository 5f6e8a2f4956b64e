namespace SecureExec.Testing.Tests.Drivers.Wasm;

public class SpawnWaitTests
{
    [Fact]
    public async Task SpawnAndWait_ReportExitsSignalsAndErrors()
    {
        var result = await WasmTestPrograms.RunAsync("spawn_wait");
        Assert.Equal("", result.Stderr);
        Assert.Equal(
            "exit_code 7: exited 7\n" +
            "raise SIGTERM: signaled 15\n" +
            "spawn missing: -1 No such file or directory\n" +
            "wnohang: 0\n" +
            "killed sleeper: signaled 9\n" +
            "wait no children: -1 No child processes\n" + // glibc's text (commands/lib/strerror.c)
            "getppid>0: 1 getpid>1: 1\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }
}
