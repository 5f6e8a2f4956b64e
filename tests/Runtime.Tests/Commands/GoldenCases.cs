namespace SecureExec.Testing.Tests.Commands;

/// <summary>
/// The golden cases of commands/tests/golden (see its README): scripts with the stdout, stderr and status that
/// dash and the GNU tools produced on Linux. Cases listed in golden/EXCLUDED (one "suite/case reason" a
/// line) are known differences, each with its reason.
/// </summary>
internal static class GoldenCases
{
    public static string Root { get; } = Path.Combine(FindRepoRoot(), "commands", "tests", "golden");

    /// <summary>Every case as "suite/case", in a stable order.</summary>
    public static IEnumerable<string> All() =>
        Directory.Exists(Root)
            ? Directory.GetDirectories(Root).OrderBy(d => d, StringComparer.Ordinal)
                .SelectMany(d => Directory.GetFiles(d, "*.sh").OrderBy(f => f, StringComparer.Ordinal))
                .Select(f => Path.GetRelativePath(Root, f)[..^3].Replace('\\', '/'))
            : [];

    /// <summary>Excluded cases with their reasons.</summary>
    public static IReadOnlyDictionary<string, string> Excluded()
    {
        var path = Path.Combine(Root, "EXCLUDED");
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return result;
        foreach (var raw in File.ReadAllLines(path))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var split = line.IndexOfAny([' ', '\t']);
            result[split < 0 ? line : line[..split]] = split < 0 ? "" : line[split..].Trim();
        }
        return result;
    }

    public static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SecureExec.Testing.sln"))) return dir.FullName;
        throw new InvalidOperationException("repository root (SecureExec.Testing.sln) not found above " + AppContext.BaseDirectory);
    }
}
