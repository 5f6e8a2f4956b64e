using System.Security.Cryptography;
using SecureExec.Testing.Drivers.Wasm;

namespace SecureExec.Testing.Drivers.Node.Modules;

/// <summary>
/// The disk layer of <see cref="CodeCache"/>: V8 cache data kept across host processes, as Node keeps its compile cache
/// (a new `dotnet test` run then starts tsc or prettier from cache data instead of compiling megabytes of source). One
/// file per text, named by its key (SHA-256 of the text, and its kind); V8 checks its own version, flags and the
/// source's length when it consumes data and rejects stale data, which is then replaced; each file starts with the
/// SHA-256 of its data, so a truncated or damaged file is dropped rather than handed to V8. Files are written to a temp
/// name and renamed into place, so host processes share the directory safely. The directory is per user, like the
/// WASM module cache beside it: V8 trusts the bytecode it deserializes. Bounded: past <see cref="MaxBytes"/> the least
/// recently used files are deleted.
/// </summary>
internal sealed class CodeCacheDisk(string? directory, long maxBytes)
{
    /// <summary>Default bound of the directory's size.</summary>
    public const long DefaultMaxBytes = 512L << 20;

    private static readonly Lazy<CodeCacheDisk> s_shared = new(() => new CodeCacheDisk(DefaultDirectory(), DefaultMaxBytes));
    private const int DigestBytes = 32;
    private readonly object _sizeLock = new();
    private long _size = -1; // bytes in the directory, counted on first store; guarded by _sizeLock

    /// <summary>The layer of the host process: beside the WASM module cache (<c>$SECURE_EXEC_CACHE_DIR/v8-code</c>, …).</summary>
    public static CodeCacheDisk Shared => s_shared.Value;

    /// <summary>Where cache data is kept; null = no disk layer (no home directory).</summary>
    public string? Directory { get; } = directory;

    public long MaxBytes { get; } = maxBytes;

    /// <summary>Data read from disk (tests see that a new host process would start from it).</summary>
    public int Reads => Volatile.Read(ref _reads);
    private int _reads;

    /// <summary>$SECURE_EXEC_CACHE_DIR/v8-code, else $XDG_CACHE_HOME/secure-exec/v8-code, else ~/.cache/secure-exec/v8-code.</summary>
    public static string? DefaultDirectory()
    {
        var explicitDir = Environment.GetEnvironmentVariable(ModuleCache.CacheDirVariable);
        if (!string.IsNullOrEmpty(explicitDir)) return Path.Combine(explicitDir, "v8-code");
        var modules = ModuleCache.DefaultDirectory(); // …/secure-exec/modules
        return modules is null ? null : Path.Combine(Path.GetDirectoryName(modules)!, "v8-code");
    }

    /// <summary>The data stored under <paramref name="name"/>, or null; a hit counts as a use (for eviction).</summary>
    public byte[]? TryRead(string name)
    {
        if (Directory is null) return null;
        var file = Path.Combine(Directory, name);
        if (!File.Exists(file)) return null;
        try
        {
            var stored = File.ReadAllBytes(file);
            if (stored.Length <= DigestBytes || !SHA256.HashData(stored.AsSpan(DigestBytes)).AsSpan().SequenceEqual(stored.AsSpan(0, DigestBytes)))
            {
                TryDelete(file); // damaged: compile again, and store anew
                return null;
            }
            File.SetLastWriteTimeUtc(file, DateTime.UtcNow);
            Interlocked.Increment(ref _reads);
            return stored[DigestBytes..];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null; // absent, or removed by another process meanwhile
        }
    }

    /// <summary>Stores <paramref name="bytes"/> under <paramref name="name"/>, then trims the directory if it grew past
    /// its bound. A read-only or full disk only costs compile time later.</summary>
    public void Write(string name, byte[] bytes)
    {
        if (Directory is null || bytes.Length > MaxBytes / 4) return;
        var file = Path.Combine(Directory, name);
        var temp = $"{file}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(SHA256.HashData(bytes));
                stream.Write(bytes);
            }
            File.Move(temp, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            return;
        }
        lock (_sizeLock)
        {
            _size = _size < 0 ? DirectorySize() : _size + DigestBytes + bytes.Length;
            if (_size > MaxBytes) _size = Trim();
        }
    }

    private long DirectorySize()
    {
        try
        {
            return new DirectoryInfo(Directory!).EnumerateFiles().Sum(f => f.Length);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    /// <summary>Deletes the least recently used files until the directory holds at most three quarters of the bound;
    /// returns what it holds then.</summary>
    private long Trim()
    {
        try
        {
            var files = new DirectoryInfo(Directory!).EnumerateFiles().OrderBy(f => f.LastWriteTimeUtc).ToList();
            var size = files.Sum(f => f.Length);
            foreach (var f in files)
            {
                if (size <= MaxBytes * 3 / 4) break;
                if (TryDelete(f.FullName)) size -= f.Length;
            }
            return size;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }

    private static bool TryDelete(string file)
    {
        try
        {
            File.Delete(file);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
