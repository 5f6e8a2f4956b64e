namespace SecureExec.Testing.Tests.Drivers.Wasm;

public class PollFdsTests
{
    [Fact]
    public async Task Poll_OnAPipe_ReportsTimeoutDataAndHangup()
    {
        var result = await WasmTestPrograms.RunAsync("poll_fds");
        Assert.Equal("", result.Stderr);
        Assert.Equal(
            "empty: n=0\n" +
            "writable: n=1 out=1\n" +
            "data: n=1 in=1\n" +
            "closed: n=1 hup=1\n" +
            "bad fd: n=1 nval=1\n", result.Stdout);
    }
}
