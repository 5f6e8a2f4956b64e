namespace SecureExec.Testing;

/// <summary>
/// Validation of public-API arguments and options, done before any work starts. A failure is an
/// <see cref="ArgumentException"/> (or a subclass) whose ParamName is the method's parameter and whose message names
/// the option and the fix.
/// </summary>
internal static class ArgumentChecks
{
    /// <summary>Longest timeout a CancellationTokenSource accepts (int.MaxValue ms, about 24.8 days).</summary>
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMilliseconds(int.MaxValue);

    public static void Runtime(NodeRuntimeOptions options)
    {
        const string p = "options";
        if (options.Permissions is null) throw new ArgumentNullException(p, "NodeRuntimeOptions.Permissions is null: leave it out for RuntimePermissions.Default");
        if (options.Limits is null) throw new ArgumentNullException(p, "NodeRuntimeOptions.Limits is null: leave it out for RuntimeLimits.Default");
        if (options.Mounts is null) throw new ArgumentNullException(p, "NodeRuntimeOptions.Mounts is null: use an empty list");
        GuestDirectory(options.Cwd, "NodeRuntimeOptions.Cwd", p);
        Env(options.Env, "NodeRuntimeOptions.Env", p);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var mount in options.Mounts)
        {
            if (mount is null) throw new ArgumentNullException(p, "NodeRuntimeOptions.Mounts contains null");
            if (mount.HostPath is null) throw new ArgumentNullException(p, $"the mount at {mount.GuestPath} has no HostPath");
            GuestDirectory(mount.GuestPath, $"the guest path of the mount of {mount.HostPath}", p);
            var guest = GuestPath.Combine("/", mount.GuestPath);
            if (guest == "/") throw new ArgumentException($"cannot mount {mount.HostPath} at /: the VM's root is its own; mount it at a directory such as /data", p);
            if (!seen.Add(guest)) throw new ArgumentException($"two mounts at {guest}: give each mount its own guest path", p);
        }
        foreach (var host in options.Permissions.AllowedHosts ?? [])
        {
            if (string.IsNullOrWhiteSpace(host)) throw new ArgumentException("RuntimePermissions.AllowedHosts contains an empty host name", p);
        }
        if (options.Permissions.AllowedHosts is { Count: > 0 } && !options.Permissions.NetworkEgress)
            throw new ArgumentException("RuntimePermissions.AllowedHosts has no effect without NetworkEgress = true: set both", p);
    }

    public static void Exec(ExecOptions options, string p = "options")
    {
        Timeout(options.Timeout, "ExecOptions.Timeout", p);
        if (options.Cwd is not null) GuestDirectory(options.Cwd, "ExecOptions.Cwd", p);
        Env(options.Env, "ExecOptions.Env", p);
        if (options.FilePath is { } f && (f.Length == 0 || f.Contains('\0') || f.EndsWith('/')))
            throw new ArgumentException($"ExecOptions.FilePath must name a file: '{f.Replace("\0", "\\0", StringComparison.Ordinal)}'", p);
    }

    public static void Timeout(TimeSpan? timeout, string what, string p)
    {
        if (timeout is not { } t) return;
        if (t <= TimeSpan.Zero || t > MaxTimeout)
            throw new ArgumentOutOfRangeException(p, t, $"{what} must be positive and at most {MaxTimeout.TotalDays:0.#} days (leave it null for none); got {t}");
    }

    public static void GuestDirectory(string? path, string what, string p)
    {
        if (string.IsNullOrEmpty(path)) throw new ArgumentException($"{what} is empty: give an absolute guest path such as /root", p);
        if (path.Contains('\0')) throw new ArgumentException($"{what} contains a NUL character", p);
        if (!path.StartsWith('/')) throw new ArgumentException($"{what} must be an absolute guest path: '{path}'", p);
    }

    public static void Env(IReadOnlyDictionary<string, string>? env, string what, string p)
    {
        if (env is null) return;
        foreach (var (key, value) in env)
        {
            if (string.IsNullOrEmpty(key) || key.Contains('=') || key.Contains('\0'))
                throw new ArgumentException($"{what}: '{key.Replace("\0", "\\0", StringComparison.Ordinal)}' is not a variable name (empty, or has '=' or NUL)", p);
            if (value is null) throw new ArgumentException($"{what}[{key}] is null: leave the variable out instead", p);
            if (value.Contains('\0')) throw new ArgumentException($"{what}[{key}] contains a NUL character", p);
        }
    }

    public static void Args(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var i = 0; i < args.Count; i++)
        {
            if (args[i] is null) throw new ArgumentException($"args[{i}] is null", nameof(args));
            if (args[i].Contains('\0')) throw new ArgumentException($"args[{i}] contains a NUL character", nameof(args));
        }
    }
}
