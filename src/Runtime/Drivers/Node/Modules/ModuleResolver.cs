using System.Text.Json;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Drivers.Node.Bridge;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Drivers.Node.Modules;

/// <summary>
/// Node's module resolution over the VFS (shared by <c>require</c> and the ESM loader): builtins, relative and
/// absolute paths (extension and directory probing for require only), node_modules lookup, package.json
/// "exports" with conditions, "main", and the module format of a file ("type": "module").
/// </summary>
internal sealed class ModuleResolver(KernelProcess process, NodeBridge bridge)
{
    private static readonly string[] s_requireExtensions = [".js", ".json", ".cjs", ".mjs"];

    private readonly Dictionary<string, JsonElement?> _packageJson = new(StringComparer.Ordinal); // process thread only

    /// <summary>Resolves <paramref name="specifier"/> from a module in <paramref name="parentDir"/> to an absolute
    /// path or "node:NAME". With <paramref name="isImport"/> the ESM rules apply (no extension probing).</summary>
    public Errno Resolve(string specifier, string parentDir, bool isImport, out string resolved)
    {
        resolved = "";
        if (specifier.Length == 0) return Errno.EINVAL;
        if (specifier.StartsWith("node:", StringComparison.Ordinal))
        {
            resolved = specifier;
            return Errno.SUCCESS;
        }
        if (BuiltinSources.IsBuiltin(specifier))
        {
            resolved = "node:" + specifier;
            return Errno.SUCCESS;
        }
        if (specifier.StartsWith("file://", StringComparison.Ordinal))
        {
            if (!Uri.TryCreate(specifier, UriKind.Absolute, out var uri)) return Errno.EINVAL;
            specifier = Uri.UnescapeDataString(uri.AbsolutePath);
        }
        if (specifier.StartsWith('/') || specifier is "." or ".." || specifier.StartsWith("./", StringComparison.Ordinal)
            || specifier.StartsWith("../", StringComparison.Ordinal))
        {
            var path = Normalize(specifier.StartsWith('/') ? specifier : parentDir + "/" + specifier);
            if (isImport) return IsFile(path) ? Found(path, out resolved) : Errno.ENOENT;
            return LoadAsFile(path, out resolved) || LoadAsDirectory(path, out resolved) ? Errno.SUCCESS : Errno.ENOENT;
        }
        if (specifier.StartsWith('#')) return ResolvePackageImports(specifier, parentDir, isImport, out resolved);
        return ResolvePackage(specifier, parentDir, isImport, out resolved);
    }

    /// <summary>"module" or "commonjs" for a file, like Node's format detection.</summary>
    public string FormatOf(string path)
    {
        if (path.EndsWith(".mjs", StringComparison.Ordinal)) return "module";
        if (path.EndsWith(".cjs", StringComparison.Ordinal) || path.EndsWith(".json", StringComparison.Ordinal)) return "commonjs";
        for (var dir = Parent(path); ; dir = Parent(dir))
        {
            if (ReadPackageJson(dir + "/package.json") is { } pkg)
                return pkg.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "module" ? "module" : "commonjs";
            if (dir == "/") return "commonjs";
        }
    }

    /// <summary>Node's PACKAGE_IMPORTS_RESOLVE: "#name" through "imports" of the package.json that scopes the importer.
    /// A target is a path inside the package ("./…") or a package specifier.</summary>
    private Errno ResolvePackageImports(string specifier, string parentDir, bool isImport, out string resolved)
    {
        resolved = "";
        for (var dir = Normalize(parentDir); ; dir = Parent(dir))
        {
            if (!dir.EndsWith("/node_modules", StringComparison.Ordinal) && ReadPackageJson((dir == "/" ? "" : dir) + "/package.json") is { } pkg)
            {
                if (!pkg.TryGetProperty("imports", out var imports) || imports.ValueKind != JsonValueKind.Object) return Errno.ENOENT;
                string[] conditions = isImport ? ["node", "import", "default"] : ["node", "require", "default"];
                var target = MatchSubpath(imports, specifier, conditions);
                if (target is null) return Errno.ENOENT;
                if (!target.StartsWith("./", StringComparison.Ordinal)) return Resolve(target, dir, isImport, out resolved);
                var path = Normalize((dir == "/" ? "" : dir) + "/" + target);
                return IsFile(path) ? Found(path, out resolved) : Errno.ENOENT;
            }
            if (dir == "/") return Errno.ENOENT;
        }
    }

    private Errno ResolvePackage(string specifier, string parentDir, bool isImport, out string resolved)
    {
        resolved = "";
        var parts = specifier.Split('/');
        var nameParts = specifier.StartsWith('@') && parts.Length > 1 ? 2 : 1;
        var name = string.Join('/', parts[..nameParts]);
        var subpath = string.Join('/', parts[nameParts..]);
        for (var dir = Normalize(parentDir); ; dir = Parent(dir))
        {
            if (!dir.EndsWith("/node_modules", StringComparison.Ordinal))
            {
                var root = (dir == "/" ? "" : dir) + "/node_modules/" + name;
                if (IsDirectory(root)) return ResolveInPackage(root, subpath, isImport, out resolved);
            }
            if (dir == "/") return Errno.ENOENT;
        }
    }

    private Errno ResolveInPackage(string root, string subpath, bool isImport, out string resolved)
    {
        resolved = "";
        var pkg = ReadPackageJson(root + "/package.json");
        if (pkg is { } p && p.TryGetProperty("exports", out var exports) && exports.ValueKind != JsonValueKind.Null)
        {
            string[] conditions = isImport ? ["node", "import", "default"] : ["node", "require", "default"];
            var target = MatchExports(exports, subpath.Length == 0 ? "." : "./" + subpath, conditions);
            if (target is null) return Errno.ENOENT;
            var path = Normalize(root + "/" + target);
            return IsFile(path) ? Found(path, out resolved) : Errno.ENOENT;
        }
        var full = subpath.Length == 0 ? root : root + "/" + subpath;
        return LoadAsFile(full, out resolved) || LoadAsDirectory(full, out resolved) ? Errno.SUCCESS : Errno.ENOENT;
    }

    /// <summary>PACKAGE_EXPORTS_RESOLVE: exact keys, then "*" patterns (longest prefix first).</summary>
    private static string? MatchExports(JsonElement exports, string subpath, string[] conditions)
    {
        var isSubpathMap = exports.ValueKind == JsonValueKind.Object && exports.EnumerateObject().Any(e => e.Name.StartsWith('.'));
        if (!isSubpathMap) return subpath == "." ? ResolveTarget(exports, null, conditions) : null;
        return MatchSubpath(exports, subpath, conditions);
    }

    /// <summary>A key of an "exports" subpath map or of "imports": exact, else the longest `*` pattern.</summary>
    private static string? MatchSubpath(JsonElement map, string subpath, string[] conditions)
    {
        if (map.TryGetProperty(subpath, out var exact)) return ResolveTarget(exact, null, conditions);
        foreach (var entry in map.EnumerateObject().OrderByDescending(e => e.Name.IndexOf('*')))
        {
            var star = entry.Name.IndexOf('*');
            if (star < 0) continue;
            var prefix = entry.Name[..star];
            var suffix = entry.Name[(star + 1)..];
            if (subpath.Length >= prefix.Length + suffix.Length && subpath.StartsWith(prefix, StringComparison.Ordinal)
                && subpath.EndsWith(suffix, StringComparison.Ordinal))
                return ResolveTarget(entry.Value, subpath[prefix.Length..^suffix.Length], conditions);
        }
        return null;
    }

    private static string? ResolveTarget(JsonElement target, string? star, string[] conditions)
    {
        switch (target.ValueKind)
        {
            case JsonValueKind.String:
                var s = target.GetString()!;
                return star is null ? s : s.Replace("*", star, StringComparison.Ordinal);
            case JsonValueKind.Array:
                foreach (var item in target.EnumerateArray())
                    if (ResolveTarget(item, star, conditions) is { } found) return found;
                return null;
            case JsonValueKind.Object:
                foreach (var entry in target.EnumerateObject())
                    if (conditions.Contains(entry.Name) && ResolveTarget(entry.Value, star, conditions) is { } found) return found;
                return null;
            default:
                return null;
        }
    }

    private bool LoadAsFile(string path, out string resolved)
    {
        resolved = "";
        if (IsFile(path)) return Found(path, out resolved) == Errno.SUCCESS;
        foreach (var ext in s_requireExtensions)
            if (IsFile(path + ext)) return Found(path + ext, out resolved) == Errno.SUCCESS;
        return false;
    }

    private bool LoadAsDirectory(string path, out string resolved)
    {
        resolved = "";
        if (!IsDirectory(path)) return false;
        if (ReadPackageJson(path + "/package.json") is { } pkg && pkg.TryGetProperty("main", out var main)
            && main.ValueKind == JsonValueKind.String && main.GetString() is { Length: > 0 } m)
        {
            var target = Normalize(path + "/" + m);
            if (LoadAsFile(target, out resolved)) return true;
            if (IsDirectory(target) && LoadIndex(target, out resolved)) return true;
        }
        return LoadIndex(path, out resolved);
    }

    private bool LoadIndex(string dir, out string resolved)
    {
        resolved = "";
        foreach (var ext in s_requireExtensions)
            if (IsFile(dir + "/index" + ext)) return Found(dir + "/index" + ext, out resolved) == Errno.SUCCESS;
        return false;
    }

    /// <summary>A package.json, parsed once per process like Node's package.json reader (absent ones too: null).</summary>
    private JsonElement? ReadPackageJson(string path)
    {
        if (_packageJson.TryGetValue(path, out var known)) return known;
        JsonElement? parsed = null;
        if (IsFile(path) && bridge.ReadWholeFile(path, out var bytes) == Errno.SUCCESS)
        {
            try
            {
                using var doc = JsonDocument.Parse(bytes, new JsonDocumentOptions { AllowTrailingCommas = true });
                parsed = doc.RootElement.Clone();
            }
            catch (JsonException)
            {
                parsed = null;
            }
        }
        _packageJson[path] = parsed;
        return parsed;
    }

    /// <summary>A found file is named by its real path, symlinks resolved (Node's default without --preserve-symlinks):
    /// `node_modules/.bin/tsc` → `node_modules/typescript/bin/tsc`, so its relative requires resolve from there.</summary>
    private Errno Found(string path, out string resolved)
    {
        resolved = process.Kernel.FileSystem.Realpath(process.PathContext, path, out var real) == Errno.SUCCESS ? real : path;
        return Errno.SUCCESS;
    }

    private bool IsFile(string path) =>
        process.Kernel.FileSystem.Stat(process.PathContext, path, true, out var st) == Errno.SUCCESS && st.Type != FileType.Directory;

    private bool IsDirectory(string path) =>
        process.Kernel.FileSystem.Stat(process.PathContext, path, true, out var st) == Errno.SUCCESS && st.Type == FileType.Directory;

    private static string Parent(string path)
    {
        var i = path.LastIndexOf('/');
        return i <= 0 ? "/" : path[..i];
    }

    /// <summary>Removes ".", ".." and repeated slashes (lexically, like path.resolve).</summary>
    public static string Normalize(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return "/" + string.Join('/', parts);
    }
}
