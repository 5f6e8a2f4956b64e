namespace SecureExec.Testing.Tests.Drivers.Wasm;

public class FilesTests
{
    [Fact]
    public async Task PathAndFdCalls_WorkAgainstTheVfs()
    {
        var result = await WasmTestPrograms.RunAsync("files");
        Assert.Equal("", result.Stderr);
        Assert.Equal(
            "mkdir: ok\n" +
            "mkdir again: File exists\n" +
            "fopen w: ok\n" +
            "stat: ok\n" +
            "size=12 regular=1\n" +
            "read 12: hello, file\n" +
            "lseek=7\n" +
            "after seek: file\n" +
            "pread: hello\n" +
            "create excl: ok\n" +
            "create excl again: File exists\n" +
            "symlink: ok\n" +
            "readlink: a.txt\n" +
            "lstat: ok\n" +
            "lstat is link=1\n" +
            "mkdir sub: ok\n" +
            "readdir: . .. a.txt link new.txt sub\n" +
            "rename: ok\n" +
            "renamed content: hello, file|more|\n" +
            "open missing: No such file or directory\n" +
            "rmdir nonempty: Directory not empty\n" +
            "unlink: ok\n" +
            "truncate: ok\n" +
            "stat new: ok\n" +
            "new size=10\n" +
            "se_stat: ok\n" +
            "se_stat mode=40755\n" + // WASI's path_create_directory has no mode: 0777 & ~umask
            "se_chmod: ok\n" +
            "after chmod mode=40750\n" +
            "realpath=/tmp/t/sub\n" +
            "access: ok\n" +
            "access missing: No such file or directory\n", result.Stdout);
        Assert.Equal(0, result.ExitCode);
    }
}
