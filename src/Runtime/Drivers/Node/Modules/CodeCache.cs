using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace SecureExec.Testing.Drivers.Node.Modules;

/// <summary>
/// V8 code cache for guest CommonJS sources, shared by every engine of the host process (each guest has its own
/// isolate, so V8's in-isolate cache never helps a second `node`): the first compile of a source produces the cache
/// data, later compiles of the same text (any runtime, any path) consume it and skip parsing — the work Node 22's
/// `module.enableCompileCache()` saves, which tsc, prettier and eslint switch on. Keyed by SHA-256 of the exact source
/// text: V8 itself only checks the length, so a weaker key could run one guest's code for another's source.
/// </summary>
internal static class CodeCache
{
    /// <summary>Upper bound of cached bytes per host process; past it new sources compile without caching.</summary>
    public const long MaxBytes = 256L << 20;

    /// <summary>Sources shorter than this compile faster than a cache lookup pays back.</summary>
    public const int MinLength = 1024;

    private static readonly ConcurrentDictionary<Key, byte[]> s_entries = new();
    private static long s_bytes;

    /// <summary>Compiles <paramref name="source"/>, consuming cache data when this text was compiled before.</summary>
    public static V8Script Compile(V8ScriptEngine engine, DocumentInfo info, string source)
    {
        if (source.Length < MinLength) return engine.Compile(info, source);
        var key = Key.Of(source);
        s_entries.TryGetValue(key, out var cached);
        var bytes = cached;
        var script = engine.Compile(info, source, V8CacheKind.Code, ref bytes, out var result);
        if (result == V8CacheResult.Updated && bytes is { Length: > 0 } && !ReferenceEquals(bytes, cached)) Store(key, cached, bytes);
        return script;
    }

    /// <summary>Whether cache data for exactly this source text is held.</summary>
    public static bool Contains(string source) => s_entries.ContainsKey(Key.Of(source));

    private static void Store(Key key, byte[]? stale, byte[] bytes)
    {
        if (stale is not null)
        {
            // V8 rejected the old data (e.g. other flags): replace it.
            if (s_entries.TryUpdate(key, bytes, stale)) Interlocked.Add(ref s_bytes, bytes.Length - stale.Length);
            return;
        }
        if (Interlocked.Add(ref s_bytes, bytes.Length) > MaxBytes || !s_entries.TryAdd(key, bytes)) Interlocked.Add(ref s_bytes, -bytes.Length);
    }

    private readonly record struct Key(Int128 Low, Int128 High, int Length)
    {
        public static Key Of(string source)
        {
            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(MemoryMarshal.AsBytes(source.AsSpan()), digest);
            var parts = MemoryMarshal.Cast<byte, Int128>(digest);
            return new Key(parts[0], parts[1], source.Length);
        }
    }
}
