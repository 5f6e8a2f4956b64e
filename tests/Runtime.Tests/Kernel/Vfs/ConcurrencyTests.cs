using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Tests.Kernel.Vfs;

/// <summary>Many threads using the VFS at once: no lost entries, no corrupted content.</summary>
public sealed class ConcurrencyTests : VfsTestBase
{
    [Fact]
    public void CreateWriteRenameUnlink_ManyThreads_Consistent()
    {
        const int threads = 8, files = 50;
        Parallel.For(0, threads, t =>
        {
            Assert.Equal(Errno.SUCCESS, Fs.Mkdir(Host, $"/tmp/t{t}", 0x1ED));
            for (var i = 0; i < files; i++)
            {
                Assert.Equal(Errno.SUCCESS, Fs.WriteAllText($"/tmp/t{t}/f{i}", $"{t}:{i}"));
                Assert.Equal(Errno.SUCCESS, Fs.Rename(Host, $"/tmp/t{t}/f{i}", $"/tmp/t{t}/g{i}"));
                if (i % 2 == 0) Assert.Equal(Errno.SUCCESS, Fs.Unlink(Host, $"/tmp/t{t}/g{i}"));
            }
        });
        for (var t = 0; t < threads; t++)
        {
            var d = OpenOk($"/tmp/t{t}", OpenFlags.O_RDONLY);
            Assert.Equal(Errno.SUCCESS, d.ReadDirectory(out var entries));
            d.Release();
            Assert.Equal(files / 2, entries.Count);
            Assert.Equal($"{t}:1", ReadFile($"/tmp/t{t}/g1"));
        }
    }

    [Fact]
    public void Write_AppendFromManyDescriptions_NoBytesLost()
    {
        WriteFile("/tmp/log", "");
        Parallel.For(0, 8, _ =>
        {
            var f = OpenOk("/tmp/log", OpenFlags.O_WRONLY | OpenFlags.O_APPEND);
            for (var i = 0; i < 100; i++) Assert.Equal(6, Write(f, "entry\n"));
            f.Release();
        });
        Assert.Equal(8 * 100 * 6, StatOk("/tmp/log").Size);
    }
}
