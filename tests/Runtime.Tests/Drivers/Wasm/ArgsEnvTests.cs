namespace SecureExec.Testing.Tests.Drivers.Wasm;

public class ArgsEnvTests
{
    [Fact]
    public async Task ArgsAndEnviron_ReachTheGuest_AsGiven()
    {
        await using var runtime = await WasmTestPrograms.CreateRuntimeAsync(new NodeRuntimeOptions
        {
            Env = new Dictionary<string, string> { ["FROM_RUNTIME"] = "rt" },
        });
        var result = await runtime.ExecCommandAsync("args_env", ["a b", "ünïcode", "", "--env", "FROM_RUNTIME", "FROM_EXEC", "HOME", "MISSING"],
            new ExecOptions { Env = new Dictionary<string, string> { ["FROM_EXEC"] = "x=y" } });

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "argc=9\nargv[0]=args_env\nargv[1]=a b\nargv[2]=ünïcode\nargv[3]=\n" +
            "FROM_RUNTIME=rt\nFROM_EXEC=x=y\nHOME=/root\nMISSING=(unset)\n", result.Stdout);
    }
}
