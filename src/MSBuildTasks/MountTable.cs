namespace SecureExec.Testing.MSBuild;

/// <summary>One host directory visible in the VM.</summary>
internal sealed record Mount(string HostPath, string GuestPath, bool ReadOnly);

/// <summary>
/// The mounts of one task run, and the translation of paths between host and guest through them (the longest
/// matching mount wins). Host paths are full paths without a trailing separator; guest paths are normalized.
/// </summary>
internal sealed class MountTable
{
    private readonly List<Mount> _mounts = [];

    public IReadOnlyList<Mount> Mounts => _mounts;

    /// <summary>Adds a mount; returns an error message when the guest path is taken or not absolute.</summary>
    public string? Add(string hostPath, string guestPath, bool readOnly)
    {
        if (!guestPath.StartsWith('/')) return $"the guest path '{guestPath}' of mount '{hostPath}' must be absolute";
        var guest = GuestPath.Normalize(guestPath);
        if (guest == "/") return $"mount '{hostPath}' cannot replace the VM's root directory";
        if (_mounts.Any(m => m.GuestPath == guest)) return $"two mounts at the guest path {guest}";
        _mounts.Add(new Mount(Path.TrimEndingDirectorySeparator(Path.GetFullPath(hostPath)), guest, readOnly));
        return null;
    }

    /// <summary>The guest path of a host path inside a mount, or null.</summary>
    public string? ToGuest(string hostPath)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(hostPath));
        string? best = null;
        var bestLength = -1;
        foreach (var m in _mounts)
        {
            if (m.HostPath.Length <= bestLength) continue;
            if (full == m.HostPath) { best = m.GuestPath; bestLength = m.HostPath.Length; }
            else if (full.StartsWith(m.HostPath + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                best = m.GuestPath + "/" + full[(m.HostPath.Length + 1)..].Replace(Path.DirectorySeparatorChar, '/');
                bestLength = m.HostPath.Length;
            }
        }
        return best;
    }

    /// <summary>The host path of a guest path (relative ones against <paramref name="cwd"/>) inside a mount, or null.</summary>
    public string? ToHost(string guestPath, string cwd)
    {
        var guest = GuestPath.Normalize(guestPath, cwd);
        string? best = null;
        var bestLength = -1;
        foreach (var m in _mounts)
        {
            if (m.GuestPath.Length <= bestLength || !GuestPath.IsUnder(guest, m.GuestPath, out var rel)) continue;
            best = rel.Length == 0 ? m.HostPath : Path.Combine(m.HostPath, rel.Replace('/', Path.DirectorySeparatorChar));
            bestLength = m.GuestPath.Length;
        }
        return best;
    }
}
