using System.Text;
using SecureExec.Testing.Drivers.Node;
using SecureExec.Testing.Drivers.Node.Modules;
using SecureExec.Testing.Drivers.Wasm;

namespace SecureExec.Testing.Tests.Docs;

/// <summary>
/// docs/compatibility.md is generated from the code: the Node built-in modules (with the first comment of each
/// lib/NAME.js) and the guest commands (from the commands directory). This test fails when the page is stale;
/// `SECURE_EXEC_UPDATE_DOCS=1 dotnet test --filter CompatibilityDocTests` rewrites it.
/// </summary>
public sealed class CompatibilityDocTests
{
    [Fact]
    public void CompatibilityPage_IsUpToDate()
    {
        var root = Commands.GoldenCases.FindRepoRoot();
        var path = Path.Combine(root, "docs", "compatibility.md");
        var expected = Generate(root);
        if (Environment.GetEnvironmentVariable("SECURE_EXEC_UPDATE_DOCS") == "1") File.WriteAllText(path, expected);
        Assert.True(File.Exists(path) && File.ReadAllText(path) == expected,
            "docs/compatibility.md is stale: run `SECURE_EXEC_UPDATE_DOCS=1 dotnet test tests/Runtime.Tests --filter CompatibilityDocTests`.");
    }

    private static string Generate(string root)
    {
        var sb = new StringBuilder();
        sb.Append("# Compatibility\n\n");
        sb.Append("Generated from the code by `tests/Runtime.Tests/Docs/CompatibilityDocTests.cs`; do not edit by hand.\n\n");
        sb.Append("## Node built-in modules\n\n");
        sb.Append("The guest reports Node `v22.0.0`. A module marked *not built in* fails on load with `ERR_NOT_SUPPORTED_IN_SANDBOX`;\n");
        sb.Append("gaps inside the built-in ones are listed in `src/Runtime/Drivers/Node/README.md`.\n\n");
        sb.Append("| module | status |\n| --- | --- |\n");
        foreach (var name in BuiltinSources.NodeModuleNames.Append("test").Order(StringComparer.Ordinal))
        {
            var status = BuiltinSources.TryGet(name, out var source) ? Describe(name, source) : "*not built in*";
            sb.Append($"| `node:{name}` | {status} |\n");
        }
        sb.Append("\n## Guest commands\n\n");
        sb.Append("Compiled from `commands/` to WASM; their behaviour is golden-tested against dash and GNU coreutils\n");
        sb.Append("(`commands/tests/golden`). Each runs as a kernel process; none is a host process.\n\n");
        foreach (var group in CommandsDirectory.List(Path.Combine(root, "artifacts", "commands")).GroupBy(c => Path.GetFileName(c.File)))
        {
            sb.Append($"- `{group.Key}`: ");
            sb.Append(string.Join(", ", group.Select(c => $"`{c.Name}`").Order(StringComparer.Ordinal)));
            sb.Append('\n');
        }
        sb.Append("- `node` (the Node driver, V8): `-e`, `-p`, `FILE`, `-`, `--test`, `--version`\n");
        AppendNodeOptions(sb);
        return sb.ToString();
    }

    // The `node` command's options by support (Drivers/Node/NodeOptions.cs); others are Node's "bad option" (exit 9).
    private static void AppendNodeOptions(StringBuilder sb)
    {
        sb.Append("\n## Node options\n\n");
        sb.Append("Options of the `node` command, on its command line or in `NODE_OPTIONS` (Drivers/Node/NodeOptions.cs). An option not\n");
        sb.Append("listed fails as in Node (`bad option`, exit 9); a refused one fails the same way, naming the sandbox.\n\n");
        var groups = new[]
        {
            (NodeOptions.Support.Implemented, "implemented"),
            (NodeOptions.Support.NoEffect, "accepted without effect (they tune V8, tooling or output this runtime does not have)"),
            (NodeOptions.Support.Unsupported, "refused (`not supported in this sandbox`)"),
        };
        foreach (var (support, label) in groups)
        {
            var names = NodeOptions.Known.Where(o => o.Value.Support == support).Select(o => $"`{o.Key}`").Order(StringComparer.Ordinal);
            sb.Append($"- {label}: {string.Join(", ", names)}\n");
        }
    }

    // The first comment of lib/NAME.js without its "node:NAME — " prefix: what the module is built on.
    private static string Describe(string name, string source)
    {
        var lines = source.Split('\n').TakeWhile(l => l.StartsWith("//", StringComparison.Ordinal)).Select(l => l[2..].Trim()).ToList();
        var text = string.Join(' ', lines);
        var prefix = $"node:{name}";
        if (text.StartsWith(prefix, StringComparison.Ordinal)) text = text[prefix.Length..].TrimStart(' ', '—', '-').Trim();
        text = text.Replace("|", "\\|", StringComparison.Ordinal);
        return text.Length == 0 ? "built in" : "built in: " + text;
    }
}
