using SecureExec.Testing.Drivers.Wasm;

namespace SecureExec.Testing.Tests.Drivers.Wasm;

public sealed class ModuleCacheTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("secure-exec-modcache-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static string Program => Path.Combine(WasmTestPrograms.Directory, "exit_code.wasm");

    [Fact]
    public void Load_CompilesOnce_ThenLoadsFromDisk()
    {
        var first = new ModuleCache(WasmEngine.Shared, _dir.FullName);
        first.Load(Program);
        first.Load(Program);
        Assert.Equal(1, first.Compilations);
        var cached = Assert.Single(_dir.GetFiles());
        Assert.Equal(ModuleCache.KeyOf(File.ReadAllBytes(Program)) + ".cwasm", cached.Name);

        var second = new ModuleCache(WasmEngine.Shared, _dir.FullName);
        second.Load(Program);
        Assert.Equal(0, second.Compilations);
    }

    [Fact]
    public void Load_CorruptCacheEntry_IsRecompiledAndReplaced()
    {
        var key = ModuleCache.KeyOf(File.ReadAllBytes(Program));
        File.WriteAllText(Path.Combine(_dir.FullName, key + ".cwasm"), "not a compiled module");

        var cache = new ModuleCache(WasmEngine.Shared, _dir.FullName);
        cache.Load(Program);

        Assert.Equal(1, cache.Compilations);
        Assert.NotEqual("not a compiled module", File.ReadAllText(Path.Combine(_dir.FullName, key + ".cwasm")));
        Assert.DoesNotContain(_dir.GetFiles(), f => f.Name.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Key_DependsOnTheBytes()
    {
        Assert.NotEqual(ModuleCache.KeyOf([0, 97, 115, 109]), ModuleCache.KeyOf([0, 97, 115, 110]));
        Assert.Equal(ModuleCache.KeyOf([1, 2, 3]), ModuleCache.KeyOf([1, 2, 3]));
    }
}
