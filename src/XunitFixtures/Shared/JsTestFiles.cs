using System.Text;
using System.Text.RegularExpressions;

namespace SecureExec.Testing.Adapters;

/// <summary>
/// JavaScript test files matched by a glob (`**` any directories, `*` and `?` within a name) relative to the test
/// assembly folder, and how one of them runs: the glob's fixed leading folder is mounted read-only at
/// <see cref="GuestRoot"/> and the file runs as `node FILE` with its own folder as the working directory.
/// A file whose first lines hold `// @skip REASON` is skipped.
/// </summary>
internal static class JsTestFiles
{
    public const string GuestRoot = "/tests";
    private const string SkipMarker = "@skip";

    /// <summary>The host folder to mount: the part of the pattern before the first wildcard.</summary>
    public static string RootOf(string pattern)
    {
        var segments = Normalize(pattern).Split('/');
        var fixedSegments = segments.TakeWhile(s => s.IndexOfAny(['*', '?', '[']) < 0).ToList();
        if (fixedSegments.Count == segments.Length) fixedSegments.RemoveAt(fixedSegments.Count - 1); // a plain file name
        return SandboxSettings.ResolveHostPath(fixedSegments.Count == 0 ? "." : string.Join('/', fixedSegments));
    }

    /// <summary>Matching files, as paths relative to <see cref="RootOf"/> with forward slashes, in ordinal order.</summary>
    public static IReadOnlyList<string> Find(string pattern)
    {
        var root = RootOf(pattern);
        if (!Directory.Exists(root)) return [];
        var rel = Path.GetRelativePath(SandboxSettings.BaseDirectory, root).Replace('\\', '/');
        var rest = Normalize(pattern);
        if (rel != ".") rest = rest[(rel.Length + 1)..];
        var regex = new Regex("^" + ToRegex(rest) + "$", RegexOptions.CultureInvariant);
        return [.. Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(f => regex.IsMatch(f))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The reason after `// @skip` in the first five lines, or null.</summary>
    public static string? SkipReason(string hostFile)
    {
        foreach (var line in File.ReadLines(hostFile).Take(5))
        {
            var at = line.IndexOf(SkipMarker, StringComparison.Ordinal);
            if (at >= 0 && line.TrimStart().StartsWith("//", StringComparison.Ordinal))
            {
                var reason = line[(at + SkipMarker.Length)..].Trim();
                return reason.Length > 0 ? reason : "skipped with // @skip";
            }
        }
        return null;
    }

    /// <summary>Runs one file in <paramref name="runtime"/>, whose options mounted <see cref="RootOf"/> at <see cref="GuestRoot"/>.</summary>
    public static Task<ExecResult> RunAsync(NodeRuntime runtime, string relativeFile, TimeSpan? timeout, CancellationToken ct = default)
    {
        var guestFile = GuestRoot + "/" + relativeFile;
        var dir = guestFile[..guestFile.LastIndexOf('/')];
        return runtime.ExecCommandAsync("node", [guestFile], new ExecOptions { Cwd = dir, Timeout = timeout }, ct);
    }

    public static MountOptions Mount(string pattern) => new() { HostPath = RootOf(pattern), GuestPath = GuestRoot, ReadOnly = true };

    private static string Normalize(string pattern) => pattern.Replace('\\', '/').TrimStart('.', '/');

    private static string ToRegex(string glob)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            if (c == '*' && i + 1 < glob.Length && glob[i + 1] == '*')
            {
                var slash = i + 2 < glob.Length && glob[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else sb.Append(Regex.Escape(c.ToString()));
        }
        return sb.ToString();
    }
}
