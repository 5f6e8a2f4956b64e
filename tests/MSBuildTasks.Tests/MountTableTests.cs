namespace SecureExec.Testing.MSBuild.Tests;

public sealed class MountTableTests
{
    private static MountTable Table()
    {
        var t = new MountTable();
        Assert.Null(t.Add("/host/proj", "/project", true));
        Assert.Null(t.Add("/host/proj/node_modules", "/nm", true));
        return t;
    }

    [Theory]
    [InlineData("/project/src/a.ts", "/", "/host/proj/src/a.ts")]
    [InlineData("src/a.ts", "/project", "/host/proj/src/a.ts")]
    [InlineData("../x/./y//z", "/project/sub", "/host/proj/x/y/z")]
    [InlineData("/project", "/", "/host/proj")]
    [InlineData("/nm/lodash/index.js", "/", "/host/proj/node_modules/lodash/index.js")]
    public void ToHost_InsideMount_TranslatesPath(string guest, string cwd, string host) => Assert.Equal(host, Table().ToHost(guest, cwd));

    [Theory]
    [InlineData("/tmp/x.js")]
    [InlineData("/projectile/a")]
    public void ToHost_OutsideMounts_Null(string guest) => Assert.Null(Table().ToHost(guest, "/"));

    [Fact]
    public void ToGuest_LongestHostPrefixWins() => Assert.Equal("/nm/a.js", Table().ToGuest("/host/proj/node_modules/a.js"));

    [Fact]
    public void ToGuest_OutsideMounts_Null() => Assert.Null(Table().ToGuest("/host/projector/a.js"));

    [Fact]
    public void Add_SameGuestPathTwiceOrRoot_ReportsError()
    {
        var t = Table();
        Assert.NotNull(t.Add("/x", "/project/", true));
        Assert.NotNull(t.Add("/x", "/", true));
    }
}
