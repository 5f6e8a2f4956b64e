namespace SecureExec.Testing.Tests.Drivers.Wasm;

public class CwdTests
{
    [Fact]
    public async Task Cwd_IsAppliedAtStartUp_ForLibcAndKernel()
    {
        await using var runtime = await WasmTestPrograms.CreateRuntimeAsync();
        Assert.Equal(Abi.Errno.SUCCESS, runtime.Kernel.FileSystem.MkdirAll("/work/dir"));
        Assert.Equal(Abi.Errno.SUCCESS, runtime.Kernel.FileSystem.WriteAllText("/work/dir/note.txt", "relative works\n"));

        var result = await runtime.ExecCommandAsync("cwd", ["note.txt"], new ExecOptions { Cwd = "/work/dir" });

        Assert.Equal("", result.Stderr);
        Assert.Equal("libc=/work/dir\nkernel=/work/dir\nrelative works\n", result.Stdout);
    }

    [Fact]
    public async Task Cwd_DefaultsToRoot()
    {
        var result = await WasmTestPrograms.RunAsync("cwd");
        Assert.Equal("libc=/root\nkernel=/root\n", result.Stdout);
    }
}
