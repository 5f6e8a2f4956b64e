using System.Text.RegularExpressions;

namespace SecureExec.Testing.Tests.Drivers.Wasm;

public class ExecTests
{
    [Fact]
    public async Task Exec_ReplacesTheImage_KeepingThePid()
    {
        var result = await WasmTestPrograms.RunAsync("exec");

        var match = Regex.Match(result.Stdout,
            @"^before exec pid=(\d+)\nexec missing: -1 No such file or directory\nafter exec pid=(\d+) argv0=exec\n$");
        Assert.True(match.Success, result.Stdout + result.Stderr);
        Assert.Equal(match.Groups[1].Value, match.Groups[2].Value);
        Assert.Equal(3, result.ExitCode);
    }
}
