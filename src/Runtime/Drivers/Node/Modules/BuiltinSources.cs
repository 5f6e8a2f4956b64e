using System.Collections.Frozen;
using System.Reflection;

namespace SecureExec.Testing.Drivers.Node.Modules;

/// <summary>
/// The JS sources of the built-in modules (lib/*.js, embedded as "node/lib/NAME.js"), read once per host
/// process and compiled lazily by each guest on first require.
/// </summary>
internal static class BuiltinSources
{
    private const string Prefix = "node/lib/";

    private static readonly Lazy<FrozenDictionary<string, string>> s_sources = new(Load);

    /// <summary>Every module name Node 22 has (`require('module').builtinModules`); the ones without a source
    /// here fail with ERR_NOT_SUPPORTED_IN_SANDBOX when loaded.</summary>
    public static readonly FrozenSet<string> NodeModuleNames = new[]
    {
        "assert", "assert/strict", "async_hooks", "buffer", "child_process", "cluster", "console", "constants",
        "crypto", "dgram", "diagnostics_channel", "dns", "dns/promises", "domain", "events", "fs", "fs/promises",
        "http", "http2", "https", "inspector", "inspector/promises", "module", "net", "os", "path", "path/posix",
        "path/win32", "perf_hooks", "process", "punycode", "querystring", "readline", "readline/promises", "repl",
        "stream", "stream/consumers", "stream/promises", "stream/web", "string_decoder", "sys", "timers",
        "timers/promises", "tls", "trace_events", "tty", "url", "util", "util/types", "v8", "vm", "wasi",
        "worker_threads", "zlib",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Source of a built-in ("fs", "internal/streams") or null.</summary>
    public static bool TryGet(string name, out string source) => s_sources.Value.TryGetValue(name, out source!);

    /// <summary>Whether <paramref name="name"/> (without "node:") names a Node built-in module.</summary>
    public static bool IsBuiltin(string name) => NodeModuleNames.Contains(name);

    private static FrozenDictionary<string, string> Load()
    {
        var assembly = typeof(BuiltinSources).Assembly;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal) || !resource.EndsWith(".js", StringComparison.Ordinal)) continue;
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            map[resource[Prefix.Length..^3]] = reader.ReadToEnd();
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
