using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Wasmtime;

namespace SecureExec.Testing.Drivers.Wasm;

/// <summary>
/// Compiled modules, cached in memory for the host process and on disk across processes. The key is the
/// SHA-256 of (Wasmtime version + engine config + SHA-256 of the wasm bytes), so a changed file, engine or
/// configuration never loads stale code. Files are written to a temp name and renamed into place (atomic on
/// one file system), so concurrent host processes share the directory safely; an unreadable or stale entry is
/// replaced. The directory is per user: Wasmtime trusts what it deserializes.
/// </summary>
internal sealed class ModuleCache
{
    public const string CacheDirVariable = "SECURE_EXEC_CACHE_DIR";

    private static readonly Lazy<ModuleCache> s_shared = new(() => new ModuleCache(WasmEngine.Shared, DefaultDirectory()));
    private readonly WasmEngine _engine;
    private readonly ConcurrentDictionary<string, Lazy<Module>> _memory = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Path, long Length, DateTime Modified), Module> _byFile = new();

    public ModuleCache(WasmEngine engine, string? directory)
    {
        _engine = engine;
        Directory = directory;
    }

    /// <summary>The cache for the host process (default directory).</summary>
    public static ModuleCache Shared => s_shared.Value;

    /// <summary>Where compiled modules are kept on disk; null = memory only.</summary>
    public string? Directory { get; }

    /// <summary>Compilations done by this cache (not loaded from memory or disk), for tests.</summary>
    public int Compilations => Volatile.Read(ref _compilations);
    private int _compilations;

    /// <summary>$SECURE_EXEC_CACHE_DIR, else $XDG_CACHE_HOME/secure-exec/modules, else ~/.cache/secure-exec/modules.</summary>
    public static string? DefaultDirectory()
    {
        var explicitDir = Environment.GetEnvironmentVariable(CacheDirVariable);
        if (!string.IsNullOrEmpty(explicitDir)) return explicitDir;
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg)) return Path.Combine(xdg, "secure-exec", "modules");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".cache", "secure-exec", "modules");
    }

    public static string KeyOf(ReadOnlySpan<byte> wasm)
    {
        var contentHash = Convert.ToHexStringLower(SHA256.HashData(wasm));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(WasmEngine.ConfigKey + "\n" + contentHash)));
    }

    /// <summary>Loads the module in <paramref name="path"/>: memory, then disk, then a compilation.</summary>
    public Module Load(string path)
    {
        // Unchanged file (same path, size and mtime): skip reading and hashing it again.
        var info = new FileInfo(path);
        var fileKey = (info.FullName, info.Length, info.LastWriteTimeUtc);
        if (_byFile.TryGetValue(fileKey, out var known)) return known;
        var module = LoadBytes(path);
        _byFile[fileKey] = module;
        return module;
    }

    private Module LoadBytes(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var key = KeyOf(bytes);
        var name = Path.GetFileName(path);
        var lazy = _memory.GetOrAdd(key, k => new Lazy<Module>(() => LoadOrCompile(k, name, bytes), LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return lazy.Value;
        }
        catch
        {
            _memory.TryRemove(new KeyValuePair<string, Lazy<Module>>(key, lazy));
            throw;
        }
    }

    private Module LoadOrCompile(string key, string name, byte[] bytes)
    {
        var file = Directory is null ? null : Path.Combine(Directory, key + ".cwasm");
        if (file is not null && File.Exists(file))
        {
            try
            {
                return Module.DeserializeFile(_engine.Engine, name, file);
            }
            catch (WasmtimeException)
            {
                TryDelete(file); // truncated or from an incompatible build: compile again
            }
        }
        Interlocked.Increment(ref _compilations);
        var module = Module.FromBytes(_engine.Engine, name, bytes);
        if (file is not null) TryStore(file, module);
        return module;
    }

    private static void TryStore(string file, Module module)
    {
        var temp = $"{file}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllBytes(temp, module.Serialize());
            File.Move(temp, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp); // the cache is an optimisation: a read-only or full disk only costs compile time
        }
    }

    private static void TryDelete(string file)
    {
        try
        {
            File.Delete(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
    }
}
