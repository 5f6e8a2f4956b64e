namespace SecureExec.Testing.Tests.Drivers.Wasm;

public class ListdirTests
{
    [Fact]
    public async Task Readdir_LargeDirectory_ReturnsEveryEntryOnce()
    {
        await using var runtime = await WasmTestPrograms.CreateRuntimeAsync();
        var fs = runtime.Kernel.FileSystem;
        Assert.Equal(Abi.Errno.SUCCESS, fs.MkdirAll("/big"));
        for (var i = 0; i < 600; i++)
            Assert.Equal(Abi.Errno.SUCCESS, fs.WriteAllText($"/big/file-with-a-rather-long-name-number-{i:D4}.txt", "x"));

        var result = await runtime.ExecCommandAsync("listdir", ["/big"]);

        Assert.Equal("entries=602 dots=2\n", result.Stdout);
    }
}
