using System.Collections.Frozen;
using System.Text;

namespace SecureExec.Testing.Drivers.Node;

/// <summary>
/// The Node options the `node` command knows, and what each does here. Options that change what runs are either
/// implemented or refused with a clear error; the accepted ones without effect only tune the engine or tooling
/// (listed in the Node README). Anything else is Node's "bad option".
/// </summary>
internal static class NodeOptions
{
    public enum Support
    {
        /// <summary>Implemented by the command line or the JS side (reads process.execArgv / info.options).</summary>
        Implemented,
        /// <summary>Accepted without effect: it tunes V8, tooling or output that this runtime does not have.</summary>
        NoEffect,
        /// <summary>Refused: running without it would silently run something else.</summary>
        Unsupported,
    }

    /// <summary>One option: whether it takes a value and how it is supported; Env: allowed in NODE_OPTIONS.</summary>
    public readonly record struct Option(bool TakesValue, Support Support, bool Env = true);

    private static Option Impl(bool value = false, bool env = true) => new(value, Support.Implemented, env);
    private static Option NoEffect(bool value = false) => new(value, Support.NoEffect);
    private static Option Refused(bool value = false) => new(value, Support.Unsupported);

    public static readonly FrozenDictionary<string, Option> Known = new Dictionary<string, Option>(StringComparer.Ordinal)
    {
        ["-v"] = Impl(env: false), ["--version"] = Impl(env: false), ["-h"] = Impl(env: false), ["--help"] = Impl(env: false),
        ["-e"] = Impl(true, false), ["--eval"] = Impl(true, false), ["-p"] = Impl(true, false), ["--print"] = Impl(true, false),
        ["-pe"] = Impl(true, false),
        ["--input-type"] = Impl(true), ["-r"] = Impl(true), ["--require"] = Impl(true), ["--import"] = Impl(true),
        ["--test"] = Impl(), ["--test-only"] = Impl(), ["--test-name-pattern"] = Impl(true), ["--test-skip-pattern"] = Impl(true),
        ["--test-reporter"] = Impl(true), ["--test-reporter-destination"] = Impl(true), ["--test-concurrency"] = Impl(true),
        ["--test-timeout"] = Impl(true),
        ["--unhandled-rejections"] = Impl(true), ["--no-warnings"] = Impl(), ["--no-deprecation"] = Impl(),
        ["--throw-deprecation"] = Impl(), ["--trace-deprecation"] = Impl(), ["--trace-warnings"] = Impl(),
        ["--disable-warning"] = Impl(true), ["--title"] = Impl(true),
        ["--env-file"] = Impl(true, false), ["--env-file-if-exists"] = Impl(true, false),

        ["--enable-source-maps"] = NoEffect(), ["--max-old-space-size"] = NoEffect(true), ["--max-semi-space-size"] = NoEffect(true),
        ["--stack-size"] = NoEffect(true), ["--trace-uncaught"] = NoEffect(), ["--pending-deprecation"] = NoEffect(),
        ["--no-addons"] = NoEffect(), ["--experimental-require-module"] = NoEffect(), ["--experimental-detect-module"] = NoEffect(),
        ["--no-experimental-global-navigator"] = NoEffect(), ["--max-http-header-size"] = NoEffect(true),
        ["--dns-result-order"] = NoEffect(true), ["--use-openssl-ca"] = NoEffect(), ["--use-bundled-ca"] = NoEffect(),

        ["--inspect"] = Refused(), ["--inspect-brk"] = Refused(), ["--inspect-wait"] = Refused(), ["--inspect-port"] = Refused(true),
        ["--loader"] = Refused(true), ["--experimental-loader"] = Refused(true), ["--watch"] = Refused(), ["--watch-path"] = Refused(true),
        ["-i"] = Refused(), ["--interactive"] = Refused(), ["-c"] = Refused(), ["--check"] = Refused(),
        ["-C"] = Refused(true), ["--conditions"] = Refused(true),
        ["--experimental-strip-types"] = Refused(), ["--experimental-transform-types"] = Refused(), ["--experimental-vm-modules"] = Refused(),
        ["--experimental-default-type"] = Refused(true), ["--no-experimental-require-module"] = Refused(), ["--preserve-symlinks"] = Refused(),
        ["--preserve-symlinks-main"] = Refused(), ["--expose-gc"] = Refused(), ["--frozen-intrinsics"] = Refused(),
        ["--prof"] = Refused(), ["--cpu-prof"] = Refused(), ["--heap-prof"] = Refused(), ["--abort-on-uncaught-exception"] = Refused(),
        ["--experimental-test-coverage"] = Refused(), ["--experimental-permission"] = Refused(), ["--permission"] = Refused(),
        ["--experimental-network-inspection"] = Refused(), ["--experimental-sea-config"] = Refused(true),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>NODE_OPTIONS split as Node splits it: on spaces, with double quotes grouping and backslash escaping.</summary>
    public static List<string> SplitEnv(string value)
    {
        var tokens = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        var any = false;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (quoted && c == '\\' && i + 1 < value.Length) { current.Append(value[++i]); continue; }
            if (c == '"') { quoted = !quoted; any = true; continue; }
            if (!quoted && char.IsWhiteSpace(c))
            {
                if (any) tokens.Add(current.ToString());
                current.Clear();
                any = false;
                continue;
            }
            current.Append(c);
            any = true;
        }
        if (any) tokens.Add(current.ToString());
        return tokens;
    }
}
