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

    /// <summary>The text V8 compiles for an ES module file without import(): the loader names it by its URL.</summary>
    private static string AsModule(string content, string path) => content + "\n//# sourceURL=file://" + path;

    /// <summary>A module with a large function that runs only when <paramref name="call"/> (same length either way).</summary>
    private static string WithLazyFunction(string salt, bool call) =>
        $"// {salt}\nfunction big(n) {{\n{string.Join("\n", Enumerable.Range(0, 150).Select(i => $"  if (n === {i}) return [n, {i}, 'v{i:D3}'].join('-');"))}\n  return 'none';\n}}\n" +
        (call ? "console.log(big(3));   \n" : "console.log('skipped');\n");

    [Fact]
    public async Task EsModule_RunTwice_CachedAfterFirstAndSameOutput()
    {
        var content = Module("esm", Guid.NewGuid().ToString("N"));
        Assert.False(CodeCache.Contains(AsModule(content, "/app/m.mjs"), module: true));
        Assert.Equal("esm 200\n", await RunAsync("/app/m.mjs", content));
        Assert.True(CodeCache.Contains(AsModule(content, "/app/m.mjs"), module: true));
        Assert.False(CodeCache.Contains(AsModule(content, "/app/m.mjs"))); // a script of the same text is another entry
        Assert.Equal("esm 200\n", await RunAsync("/app/m.mjs", content));
    }

    [Fact]
    public async Task CacheData_MadeAfterTheRun_HoldsTheFunctionsItCompiledLazily()
    {
        var salt = Guid.NewGuid().ToString("N");
        var called = WithLazyFunction(salt, call: true);
        var skipped = WithLazyFunction(salt, call: false);
        Assert.Equal(called.Length, skipped.Length);
        Assert.Equal("3-3-v003\n", await RunAsync("/app/called.js", called));
        Assert.Equal("skipped\n", await RunAsync("/app/skipped.js", skipped));
        var withBig = CodeCache.SizeOf(Wrapped(called), module: false);
        var withoutBig = CodeCache.SizeOf(Wrapped(skipped), module: false);
        Assert.True(withoutBig > 0);
        Assert.True(withBig > withoutBig + 2000, $"cache data with big() compiled: {withBig} bytes, without: {withoutBig}");
        Assert.Equal("3-3-v003\n", await RunAsync("/app/called.js", called)); // and it is consumed
    }

    [Fact]
    public async Task ProcessExit_StillStoresTheCacheData()
    {
        var content = Module("exiting", Guid.NewGuid().ToString("N")) + "process.exit(0);\n";
        Assert.Equal("exiting 200\n", await RunAsync("/app/exit.mjs", content));
        Assert.True(CodeCache.Contains(AsModule(content, "/app/exit.mjs"), module: true));
    }

    [Fact]
    public async Task KilledProcess_StoresNothing_AndTheNextRunWorks()
    {
        var content = Module("killed", Guid.NewGuid().ToString("N")) + "setInterval(() => {}, 1000);\n";
        await using (var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { Files = new Dictionary<string, FileContent> { ["/app/k.js"] = content } }))
        {
            var r = await rt.ExecCommandAsync("node", ["/app/k.js"], new ExecOptions { Timeout = TimeSpan.FromMilliseconds(500) });
            Assert.True(r.TimedOut);
        }
        Assert.False(CodeCache.Contains(Wrapped(content)));
        var ok = content.Replace("setInterval(() => {}, 1000);", "/* no timer */", StringComparison.Ordinal);
        Assert.Equal("killed 200\n", await RunAsync("/app/k.js", ok));
    }

    [Fact]
    public async Task EsModule_WithSyntaxError_ReportsItAsBefore()
    {
        var content = Module("broken", Guid.NewGuid().ToString("N")) + "let x = ;\n";
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { Files = new Dictionary<string, FileContent> { ["/app/b.mjs"] = content } });
        var r = await rt.ExecCommandAsync("node", ["/app/b.mjs"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("SyntaxError: Unexpected token ';'", r.Stderr, StringComparison.Ordinal);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public async Task Disk_ANewHostProcessStartsFromTheStoredData()
    {
        var content = Module("disk", Guid.NewGuid().ToString("N"));
        var text = AsModule(content, "/app/d.mjs");
        Assert.Equal("disk 200\n", await RunAsync("/app/d.mjs", content));
        var reads = CodeCache.Disk.Reads;
        CodeCache.ForgetInMemory(text, module: true); // as a new host process: memory empty, disk kept
        Assert.False(CodeCache.Contains(text, module: true));
        Assert.Equal("disk 200\n", await RunAsync("/app/d.mjs", content));
        Assert.True(CodeCache.Contains(text, module: true));
        Assert.True(CodeCache.Disk.Reads > reads);
    }

    [Fact]
    public async Task ManyTexts_InOneProcess_AllGetData_ThoseBeyondThePendingBoundWhenCompiled()
    {
        // Each module runs a function of its own while loading: data made after the run holds that function, data made
        // when the text is compiled does not (V8 compiles it lazily), so the sizes tell which way each text went.
        var salt = Guid.NewGuid().ToString("N");
        var count = CodeCache.MaxPendingPerProcess + 8;
        var texts = Enumerable.Range(0, count).Select(i =>
            Module($"m{i:D4}", salt).Replace("console.log(", "module.exports = () => words.map((w) => w + '!').join().length + (", StringComparison.Ordinal) + "module.exports();\n").ToList();
        var files = new Dictionary<string, FileContent> { ["/app/main.js"] = $"for (let i = 0; i < {count}; i++) require('./m' + i + '.js'); console.log('{count} loaded');" };
        for (var i = 0; i < count; i++) files[$"/app/m{i}.js"] = texts[i];
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { Files = files });
        var r = await rt.ExecCommandAsync("node", ["/app/main.js"]);
        Assert.Equal($"{count} loaded\n", r.Stdout);
        var sizes = texts.Select(t => CodeCache.SizeOf(Wrapped(t), module: false)).ToList();
        Assert.All(sizes, size => Assert.True(size > 0));
        var afterRun = sizes.Take(CodeCache.MaxPendingPerProcess).Min();
        var whenCompiled = sizes.Skip(CodeCache.MaxPendingPerProcess).Max();
        Assert.True(afterRun > whenCompiled, $"after the run: at least {afterRun} bytes; when compiled: at most {whenCompiled} bytes");
    }
}
