using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;
using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Drivers.Node.Modules;

/// <summary>
/// ES module loading for one guest: resolves specifiers with <see cref="ModuleResolver"/> and reads sources from
/// the VFS. Built-ins and CommonJS files become small synthetic modules that re-export the object
/// <c>require</c> gives (handed over through <c>import.meta</c>, which only that module can see): a built-in's at link
/// time, a CommonJS file's when evaluation reaches it.
/// </summary>
internal sealed partial class NodeDocumentLoader(NodeInstance node) : DocumentLoader
{
    private readonly Dictionary<string, Document> _cache = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _esmSources = new(StringComparer.Ordinal); // path → source as written

    /// <summary>The source of an ES module this process loaded (the main one too), for error reports; else null.</summary>
    public string? EsmSource(string path) => _esmSources.GetValueOrDefault(path);

    public override Task<Document> LoadDocumentAsync(DocumentSettings settings, DocumentInfo? sourceInfo, string specifier,
        DocumentCategory category, DocumentContextCallback contextCallback) =>
        Task.FromResult(Load(sourceInfo, specifier));

    /// <summary>A module only the host imports by name (require()'s facade of an ES module with a default export).</summary>
    public void AddFacade(string specifier, string source) =>
        _cache[specifier] = new StringDocument(new DocumentInfo(new Uri(specifier)) { Category = ModuleCategory.Standard }, source);

    private Document Load(DocumentInfo? sourceInfo, string specifier)
    {
        if (specifier.StartsWith("node:internal/require-facade/", StringComparison.Ordinal) && _cache.TryGetValue(specifier, out var facade))
            return facade;
        var parentDir = sourceInfo?.Uri is { IsFile: true } parent
            ? ModuleResolver.Normalize(Uri.UnescapeDataString(parent.AbsolutePath) + "/..")
            : node.Process.Cwd;
        var e = node.Resolver.Resolve(specifier, parentDir, true, out var resolved);
        if (e != Errno.SUCCESS)
        {
            var from = sourceInfo?.Uri is { IsFile: true } p ? Uri.UnescapeDataString(p.AbsolutePath) : parentDir;
            // Fails the link of the importing graph (as Node fails before evaluating anything); the host turns it
            // into Node's ERR_MODULE_NOT_FOUND error (NodeInstance.ModuleNotFound).
            node.ModuleNotFound = (specifier, from);
            throw new ModuleLoadException($"Cannot find module '{specifier}' imported from {from}");
        }
        if (_cache.TryGetValue(resolved, out var cached)) return cached;
        var document = resolved.StartsWith("node:", StringComparison.Ordinal)
            ? Builtin(resolved)
            : node.Resolver.FormatOf(resolved) == "module" ? EsmFile(resolved) : CommonJs(resolved);
        _cache[resolved] = document;
        return document;
    }

    public static Uri FileUri(string path) => new UriBuilder(Uri.UriSchemeFile, "") { Path = path }.Uri;

    /// <summary>The path of a file: URL (the inverse of <see cref="FileUri"/>).</summary>
    public static string PathOfUrl(string url) => Uri.UnescapeDataString(new Uri(url).AbsolutePath);

    /// <summary>The main module or an imported .mjs file, with import.meta.url/filename/dirname.</summary>
    public Document EsmFile(string path, string? source = null)
    {
        if (source is null)
        {
            var e = node.Bridge.ReadWholeFile(path, out var bytes);
            if (e != Errno.SUCCESS) return Failing(path, $"Cannot find module '{path}'", "ERR_MODULE_NOT_FOUND");
            source = Encoding.UTF8.GetString(bytes);
        }
        _esmSources[path] = source;
        if (source.StartsWith("#!", StringComparison.Ordinal)) source = "//" + source;
        source = DynamicImportRewriter.Rewrite(source, path);
        var uri = FileUri(path);
        // V8 names the module's frames after its URL, as Node does (ClearScript names a file Uri's script by its path)
        source += "\n//# sourceURL=" + uri.AbsoluteUri;
        var dir = ModuleResolver.Normalize(path + "/..");
        var info = new DocumentInfo(uri)
        {
            Category = ModuleCategory.Standard,
            ContextCallback = _ => new Dictionary<string, object>
            {
                ["url"] = uri.AbsoluteUri,
                ["filename"] = path,
                ["dirname"] = dir,
            },
        };
        node.PrecompileModule(info, source);
        return new StringDocument(info, source);
    }

    /// <summary>
    /// A CommonJS file as Node 22 imports it: the export names are fixed now, without running the file (see
    /// node:internal/cjs_esm); the file runs when the graph's evaluation reaches this module. Each name becomes a local
    /// exported under its string name, so names that are not identifiers (`exports['a-b']`) work as in Node.
    /// </summary>
    private Document CommonJs(string path)
    {
        var names = node.CommonJsExportNames(path);
        var source = new StringBuilder("const { run, pick, filename } = import.meta;\nconst m = run(filename);\nexport default m;\n");
        for (var i = 0; i < names.Count; i++)
        {
            if (!IsWellFormed(names[i])) continue; // a lone surrogate cannot name an export
            var name = JsonSerializer.Serialize(names[i]);
            source.Append($"const ${i} = pick(m, {name});\nexport {{ ${i} as {name} }};\n");
        }
        var interop = node.CommonJsInterop();
        var run = interop.GetProperty("run");
        var pick = interop.GetProperty("pick");
        var info = new DocumentInfo(FileUri(path))
        {
            Category = ModuleCategory.Standard,
            ContextCallback = _ => new Dictionary<string, object> { ["run"] = run, ["pick"] = pick, ["filename"] = path },
        };
        return new StringDocument(info, source.ToString());
    }

    private static bool IsWellFormed(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) i++;
            else if (char.IsSurrogate(s[i])) return false;
        }
        return true;
    }

    /// <summary>A built-in ("node:fs"): its exports object, with a named export for each of its keys.</summary>
    private Document Builtin(string uri)
    {
        var (exports, keys) = node.ModuleExports("builtin", uri[5..]);
        var source = new StringBuilder("const m = import.meta.exports;\nexport default m;\n");
        var names = keys.Split(',').Where(k => k.Length > 0 && k != "default" && Identifier().IsMatch(k) && !s_reserved.Contains(k)).Distinct().ToList();
        if (names.Count > 0) source.Append("export const { ").Append(string.Join(", ", names)).Append(" } = m;\n");
        var info = new DocumentInfo(new Uri(uri))
        {
            Category = ModuleCategory.Standard,
            ContextCallback = _ => new Dictionary<string, object> { ["exports"] = exports ?? "" },
        };
        return new StringDocument(info, source.ToString());
    }

    private static Document Failing(string specifier, string message, string code)
    {
        var info = new DocumentInfo(new Uri("node:internal/missing/" + Uri.EscapeDataString(specifier))) { Category = ModuleCategory.Standard };
        var text = System.Text.Json.JsonSerializer.Serialize(message);
        return new StringDocument(info, $"const e = new Error({text}); e.code = '{code}'; throw e;");
    }

    private static readonly HashSet<string> s_reserved =
    [
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do", "else", "enum",
        "export", "extends", "false", "finally", "for", "function", "if", "import", "in", "instanceof", "new", "null",
        "return", "super", "switch", "this", "throw", "true", "try", "typeof", "var", "void", "while", "with", "yield",
        "let", "static", "implements", "interface", "package", "private", "protected", "public", "await", "arguments", "eval",
    ];

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();
}
