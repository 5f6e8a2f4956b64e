using SecureExec.Testing.Drivers.Node.Modules;

namespace SecureExec.Testing.Tests.Drivers.Node.Modules;

/// <summary>The disk layer alone, in a directory of its own: round trip, atomic files, the size bound, bad directories.</summary>
public sealed class CodeCacheDiskTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "se-v8cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir)) Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public void WriteThenRead_ReturnsTheBytes_AndLeavesNoTempFile()
    {
        var disk = new CodeCacheDisk(_dir, 1 << 20);
        Assert.Null(disk.TryRead("a.v8cache"));
        disk.Write("a.v8cache", [1, 2, 3]);
        Assert.Equal([1, 2, 3], disk.TryRead("a.v8cache"));
        Assert.Equal(["a.v8cache"], Directory.GetFiles(_dir).Select(Path.GetFileName));
        Assert.Equal(1, disk.Reads);
    }

    [Fact]
    public void DamagedOrTruncatedFile_IsDroppedNotReturned()
    {
        var disk = new CodeCacheDisk(_dir, 1 << 20);
        disk.Write("d", [1, 2, 3, 4]);
        var file = Path.Combine(_dir, "d");
        var bytes = File.ReadAllBytes(file);
        bytes[^1] ^= 0xFF;
        File.WriteAllBytes(file, bytes);
        Assert.Null(disk.TryRead("d"));
        Assert.False(File.Exists(file));
        disk.Write("t", [1, 2, 3, 4]);
        File.WriteAllBytes(Path.Combine(_dir, "t"), File.ReadAllBytes(Path.Combine(_dir, "t"))[..20]);
        Assert.Null(disk.TryRead("t"));
    }

    [Fact]
    public void PastTheBound_LeastRecentlyUsedFilesGo()
    {
        var disk = new CodeCacheDisk(_dir, 4000 + 5 * 32); // five files of 900 bytes of data and a 32-byte digest each
        var clock = DateTime.UtcNow.AddHours(-1);
        foreach (var name in new[] { "old", "used", "mid" })
        {
            disk.Write(name, new byte[900]);
            File.SetLastWriteTimeUtc(Path.Combine(_dir, name), clock = clock.AddMinutes(1));
        }
        Assert.NotNull(disk.TryRead("used")); // a hit makes it the most recently used
        disk.Write("new", new byte[900]); // 3600 bytes: under the bound
        Assert.Equal(4, Directory.GetFiles(_dir).Length);
        disk.Write("newer", new byte[900]); // over the bound: the oldest go until at most 3/4 of it are left ("old", then "mid")
        Assert.Equal(["new", "newer", "used"], Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void DataLargerThanAQuarterOfTheBound_IsNotStored()
    {
        var disk = new CodeCacheDisk(_dir, 4000);
        disk.Write("big", new byte[1001]);
        Assert.Null(disk.TryRead("big"));
    }

    [Fact]
    public void UnwritableDirectory_CostsNothingButTheCache()
    {
        File.WriteAllText(_dir, "a file where the directory should be");
        try
        {
            var disk = new CodeCacheDisk(_dir, 1 << 20);
            disk.Write("x", [1]);
            Assert.Null(disk.TryRead("x"));
        }
        finally
        {
            File.Delete(_dir);
        }
    }

    [Fact]
    public void NoDirectory_IsMemoryOnly()
    {
        var disk = new CodeCacheDisk(null, 1 << 20);
        disk.Write("x", [1]);
        Assert.Null(disk.TryRead("x"));
    }
}
