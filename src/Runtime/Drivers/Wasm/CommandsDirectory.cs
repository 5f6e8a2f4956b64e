namespace SecureExec.Testing.Drivers.Wasm;

/// <summary>
/// Finds the directory of guest commands (X.wasm, with X.names beside a multi-call module). Order: the explicit
/// option, $SECURE_EXEC_WASM_COMMANDS_DIR, the in-repo build output (artifacts/commands beside
/// SecureExec.Testing.sln, found walking up from the app's base directory), then the commands vendored into
/// the installed package (&lt;assembly dir&gt;/commands).
/// </summary>
internal static class CommandsDirectory
{
    public const string EnvironmentVariable = "SECURE_EXEC_WASM_COMMANDS_DIR";
    private const string SolutionFile = "SecureExec.Testing.sln";

    public static string Resolve(string? explicitOption) =>
        Resolve(explicitOption, Environment.GetEnvironmentVariable(EnvironmentVariable), AppContext.BaseDirectory,
            Path.GetDirectoryName(typeof(CommandsDirectory).Assembly.Location));

    /// <exception cref="DirectoryNotFoundException">No candidate exists; the message names every place looked.</exception>
    internal static string Resolve(string? explicitOption, string? environmentValue, string baseDirectory, string? assemblyDirectory)
    {
        var looked = new List<string>();
        if (!string.IsNullOrEmpty(explicitOption))
        {
            var full = Path.GetFullPath(explicitOption);
            if (Directory.Exists(full)) return full;
            throw NotFound([$"{full} (the commands directory option)"]);
        }
        if (!string.IsNullOrEmpty(environmentValue))
        {
            var full = Path.GetFullPath(environmentValue);
            if (Directory.Exists(full)) return full;
            throw NotFound([$"{full} (${EnvironmentVariable})"]);
        }
        looked.Add($"${EnvironmentVariable} (not set)");

        var sawSolution = false;
        for (var dir = new DirectoryInfo(baseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, SolutionFile))) continue;
            sawSolution = true;
            var candidate = Path.Combine(dir.FullName, "artifacts", "commands");
            if (Directory.Exists(candidate)) return candidate;
            looked.Add($"{candidate} (repository build output; build it with `make -C commands`)");
            break;
        }
        if (!sawSolution) looked.Add($"artifacts/commands beside {SolutionFile} above {baseDirectory} (no repository found)");

        if (!string.IsNullOrEmpty(assemblyDirectory))
        {
            var vendored = Path.Combine(assemblyDirectory, "commands");
            if (Directory.Exists(vendored)) return vendored;
            looked.Add($"{vendored} (commands installed with the package)");
        }
        throw NotFound(looked);
    }

    private static DirectoryNotFoundException NotFound(IEnumerable<string> looked) =>
        new($"commands directory not found; looked in: {string.Join("; ", looked)}. " +
            $"Pass the directory explicitly (--commands-dir / NodeRuntimeOptions.CommandsDir) or set ${EnvironmentVariable}.");

    /// <summary>The commands in <paramref name="directory"/>: each X.wasm under the names in X.names, else as X.</summary>
    public static IReadOnlyList<(string Name, string File)> List(string directory)
    {
        var result = new List<(string, string)>();
        foreach (var file in Directory.EnumerateFiles(directory, "*.wasm").Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            var namesFile = Path.Combine(directory, stem + ".names");
            if (File.Exists(namesFile))
            {
                foreach (var line in File.ReadAllLines(namesFile))
                {
                    var name = line.Trim();
                    if (name.Length == 0 || name.StartsWith('#')) continue;
                    result.Add((name, file));
                }
            }
            else
            {
                result.Add((stem, file));
            }
        }
        return result;
    }
}
