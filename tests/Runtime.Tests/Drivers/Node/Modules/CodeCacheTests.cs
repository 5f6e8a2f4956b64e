using SecureExec.Testing.Drivers.Node.Modules;

namespace SecureExec.Testing.Tests.Drivers.Node.Modules;

public sealed class CodeCacheTests
{
    /// <summary>The CommonJS wrapper of lib/internal/cjs.js: the text V8 compiles for a module file.</summary>
    private static string Wrapped(string content) => "(function (exports, require, module, __filename, __dirname) { " + content + "\n});";

    /// <summary>A module long enough to be cached, unique to this test run, printing <paramref name="word"/>.</summary>
    private static string Module(string word, string salt) =>
        $"// {salt}\nconst words = [{string.Join(", ", Enumerable.Range(0, 200).Select(i => $"'w{i:D3}'"))}];\nconsole.log('{word}', words.length);\n";

    private static async Task<string> RunAsync(string path, string content)
    {
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { Files = new Dictionary<string, FileContent> { [path] = content } });
        var r = await rt.ExecCommandAsync("node", [path]);
        Assert.True(r.ExitCode == 0, r.Stderr);
        return r.Stdout;
    }

    [Fact]
    public async Task Compile_ModuleRunTwice_CachedAfterFirstAndSameOutput()
    {
        var content = Module("alpha", Guid.NewGuid().ToString("N"));
        Assert.True(content.Length >= CodeCache.MinLength);
        Assert.False(CodeCache.Contains(Wrapped(content)));
        Assert.Equal("alpha 200\n", await RunAsync("/app/a.js", content));
        Assert.True(CodeCache.Contains(Wrapped(content)));
        Assert.Equal("alpha 200\n", await RunAsync("/other/b.js", content));
    }

    [Fact]
    public async Task Compile_SameLengthOtherText_RunsItsOwnCode()
    {
        // V8 checks only the source length against cache data: the cache key must tell these apart.
        var salt = Guid.NewGuid().ToString("N");
        var first = Module("first", salt);
        var other = Module("other", salt);
        Assert.Equal(first.Length, other.Length);
        Assert.Equal("first 200\n", await RunAsync("/app/m.js", first));
        Assert.Equal("other 200\n", await RunAsync("/app/m.js", other));
    }

    [Fact]
    public async Task Compile_ShortModule_NotCached()
    {
        var content = $"console.log('{Guid.NewGuid():N}'.length);";
        Assert.Equal("32\n", await RunAsync("/app/s.js", content));
        Assert.False(CodeCache.Contains(Wrapped(content)));
    }
}
