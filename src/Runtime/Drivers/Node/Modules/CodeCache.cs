using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;
using Microsoft.ClearScript.V8;

namespace SecureExec.Testing.Drivers.Node.Modules;

/// <summary>
/// V8 code cache for guest CommonJS files and ES modules, shared by every engine of the host process (each guest has
/// its own isolate, so V8's in-isolate cache never helps a second `node`): later compiles of a text compiled before
/// (any runtime, any path) consume the cache data and skip parsing and compiling — the work Node 22's
/// `module.enableCompileCache()` saves, which tsc, prettier and eslint switch on. The data is made once the first
/// process that compiled the text has run (<see cref="StoreAfterRun"/>), as Node writes its cache at exit, so it holds
/// the functions that process compiled lazily too, not only the top level. Keyed by SHA-256 of the exact source text and
/// its kind (script or module): V8 itself only checks the length, so a weaker key could run one guest's code for
/// another's source.
/// </summary>
internal static class CodeCache
{
    /// <summary>Upper bound of cached bytes per host process; past it new sources compile without caching.</summary>
    public const long MaxBytes = 256L << 20;

    /// <summary>Sources shorter than this compile faster than a cache lookup pays back.</summary>
    public const int MinLength = 1024;

    /// <summary>Texts one process may leave for <see cref="StoreAfterRun"/>; later ones get their data when compiled.</summary>
    public const int MaxPendingPerProcess = 512;

    private static readonly ConcurrentDictionary<Key, byte[]> s_entries = new();
    private static long s_bytes;

    /// <summary>The layer that keeps the data across host processes (tests point it at a directory of their own).</summary>
    internal static CodeCacheDisk Disk { get; set; } = CodeCacheDisk.Shared;

    /// <summary>A text this process compiled first, whose cache data is made after the process ran.</summary>
    internal readonly record struct Pending(DocumentInfo Info, string Source, Key Key);

    /// <summary>
    /// Compiles <paramref name="source"/> (a script, or an ES module when <paramref name="info"/> says so), consuming
    /// cache data when this text was compiled before; else notes it in <paramref name="pending"/>.
    /// </summary>
    public static V8Script Compile(V8ScriptEngine engine, DocumentInfo info, string source, List<Pending> pending)
    {
        if (source.Length < MinLength) return engine.Compile(info, source);
        var key = Key.Of(source, info.Category == ModuleCategory.Standard);
        if (!s_entries.TryGetValue(key, out var cached) && Disk.TryRead(key.FileName) is { } stored)
        {
            Store(key, null, stored);
            cached = stored;
        }
        if (cached is null && pending.Count < MaxPendingPerProcess)
        {
            var first = engine.Compile(info, source);
            pending.Add(new Pending(info, source, key));
            return first;
        }
        if (cached is null)
        {
            // ClearScript keeps about a thousand compiled scripts per isolate (and modules per context): past this
            // many, the first ones may be gone by the end, so these texts get their data now (top level only).
            var now = engine.Compile(info, source, V8CacheKind.Code, out var data);
            if (data is { Length: > 0 }) Keep(key, null, data);
            return now;
        }
        var bytes = cached;
        var script = engine.Compile(info, source, V8CacheKind.Code, ref bytes, out var result);
        // V8 rejected the data (another V8 build or flags): replaced by fresh data
        if (result == V8CacheResult.Updated && bytes is { Length: > 0 } && !ReferenceEquals(bytes, cached)) Keep(key, cached, bytes);
        return script;
    }

    /// <summary>
    /// Makes the cache data of the texts this process compiled first, now that it ran: ClearScript still holds each
    /// compiled script or module under its document and code, and V8 serializes every function compiled so far.
    /// Call on the engine's thread while the engine can still run (before an exit interrupts it).
    /// </summary>
    public static void StoreAfterRun(V8ScriptEngine engine, List<Pending> pending)
    {
        try
        {
            foreach (var p in pending)
            {
                if (s_entries.ContainsKey(p.Key)) continue; // another process stored it meanwhile
                using var script = engine.Compile(p.Info, p.Source, V8CacheKind.Code, out var bytes);
                if (bytes is { Length: > 0 }) Keep(p.Key, null, bytes);
            }
        }
        catch (ScriptEngineException)
        {
            // interrupted (a kill) or out of memory: the next process that compiles these texts tries again
        }
        pending.Clear();
    }

    /// <summary>Whether cache data for exactly this source text is held.</summary>
    public static bool Contains(string source, bool module = false) => s_entries.ContainsKey(Key.Of(source, module));

    /// <summary>Drops this text's data from memory, as a new host process starts (tests of the disk layer).</summary>
    internal static void ForgetInMemory(string source, bool module)
    {
        if (s_entries.TryRemove(Key.Of(source, module), out var bytes)) Interlocked.Add(ref s_bytes, -bytes.Length);
    }

    /// <summary>The size of the cache data held for this text, or 0 (tests see what the data covers).</summary>
    internal static int SizeOf(string source, bool module) => s_entries.TryGetValue(Key.Of(source, module), out var b) ? b.Length : 0;

    /// <summary>New data for <paramref name="key"/>: held in memory and written to disk.</summary>
    private static void Keep(Key key, byte[]? stale, byte[] bytes)
    {
        Store(key, stale, bytes);
        Disk.Write(key.FileName, bytes);
    }

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

    internal readonly record struct Key(Int128 Low, Int128 High, int Length, bool Module)
    {
        public static Key Of(string source, bool module)
        {
            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(MemoryMarshal.AsBytes(source.AsSpan()), digest);
            var parts = MemoryMarshal.Cast<byte, Int128>(digest);
            return new Key(parts[0], parts[1], source.Length, module);
        }

        /// <summary>The key as a file name of the disk layer.</summary>
        public string FileName => $"{Low:x32}{High:x32}-{Length}.{(Module ? "mjs" : "cjs")}.v8cache";
    }
}
