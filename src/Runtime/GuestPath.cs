namespace SecureExec.Testing;

/// <summary>Guest path arithmetic for the host-side API (lexical, like path.posix.resolve).</summary>
internal static class GuestPath
{
    /// <summary>Resolves <paramref name="path"/> against the absolute <paramref name="cwd"/>; collapses ".", ".." and "//".</summary>
    public static string Combine(string cwd, string path)
    {
        var full = path.StartsWith('/') ? path : cwd.TrimEnd('/') + "/" + path;
        var parts = new List<string>();
        foreach (var part in full.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".") continue;
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
