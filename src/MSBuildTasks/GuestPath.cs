namespace SecureExec.Testing.MSBuild;

/// <summary>POSIX path arithmetic for guest paths (the VM's paths are always '/'-separated).</summary>
internal static class GuestPath
{
    /// <summary><paramref name="path"/> made absolute against <paramref name="cwd"/>, with '.', '..' and repeated '/' removed.</summary>
    public static string Normalize(string path, string cwd = "/")
    {
        var full = path.StartsWith('/') ? path : cwd.TrimEnd('/') + "/" + path;
        var parts = new List<string>();
        foreach (var part in full.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..") { if (parts.Count > 0) parts.RemoveAt(parts.Count - 1); continue; }
            parts.Add(part);
        }
        return "/" + string.Join('/', parts);
    }

    /// <summary>Whether <paramref name="path"/> is <paramref name="root"/> or lies under it (both normalized).</summary>
    public static bool IsUnder(string path, string root, out string relative)
    {
        relative = "";
        if (root == "/") { relative = path.TrimStart('/'); return true; }
        if (path == root) return true;
        if (!path.StartsWith(root + "/", StringComparison.Ordinal)) return false;
        relative = path[(root.Length + 1)..];
        return true;
    }
}
