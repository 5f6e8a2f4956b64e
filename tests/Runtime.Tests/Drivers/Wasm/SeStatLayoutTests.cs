using SecureExec.Testing.Drivers.Wasm.Extensions;

namespace SecureExec.Testing.Tests.Drivers.Wasm;

public class SeStatLayoutTests
{
    [Fact]
    public async Task SeStat_Offsets_MatchTheWasm32CLayout()
    {
        var result = await WasmTestPrograms.RunAsync("se_stat_layout");
        var expected = string.Concat(new (string, int)[]
        {
            ("dev", SeStat.Dev), ("ino", SeStat.Ino), ("mode", SeStat.Mode), ("nlink", SeStat.Nlink), ("uid", SeStat.Uid),
            ("gid", SeStat.Gid), ("rdev", SeStat.Rdev), ("size", SeStat.FileSize), ("blksize", SeStat.Blksize),
            ("blocks", SeStat.Blocks), ("atime_sec", SeStat.AtimeSec), ("atime_nsec", SeStat.AtimeNsec),
            ("mtime_sec", SeStat.MtimeSec), ("mtime_nsec", SeStat.MtimeNsec), ("ctime_sec", SeStat.CtimeSec),
            ("ctime_nsec", SeStat.CtimeNsec), ("sizeof", SeStat.Size),
        }.Select(f => $"{f.Item1}={f.Item2}\n"));
        Assert.Equal(expected, result.Stdout);
    }
}
