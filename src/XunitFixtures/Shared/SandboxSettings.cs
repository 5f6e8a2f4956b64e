using System.Text;

namespace SecureExec.Testing.Adapters;

/// <summary>
/// The common configuration of the test-framework attributes (xUnit and NUnit share this file): checked at
/// discovery, turned into <see cref="NodeRuntimeOptions"/> at run time. Relative host paths resolve from the
/// test assembly's folder (<see cref="AppContext.BaseDirectory"/>).
/// </summary>
internal sealed class SandboxSettings
{
    /// <summary>Where <see cref="NodeModules"/> appears in the VM: Node's resolution finds it from any directory.</summary>
    public const string NodeModulesGuestPath = "/node_modules";

    public bool AllowNetwork { get; init; }
    public string[] Mounts { get; init; } = [];
    public string? NodeModules { get; init; }
    public string[] Env { get; init; } = [];
    public string? Cwd { get; init; }
    /// <summary>A type with a public parameterless constructor implementing the package's ISandboxConfiguration.</summary>
    public Type? Configuration { get; init; }

    public static string BaseDirectory => AppContext.BaseDirectory;

    public static string ResolveHostPath(string path) => Path.GetFullPath(Path.Combine(BaseDirectory, path));

    /// <summary>A one-line description of the first misconfiguration and its fix, or null.</summary>
    public string? Validate(string attribute, Type configurationInterface)
    {
        foreach (var mount in Mounts)
        {
            if (!TryParseMount(mount, out var host, out var guest, out _))
                return $"{attribute} Mounts: '{mount}' is not HOST:GUEST[:ro|:rw]; write it like \"testdata:/data\" (host folder relative to the test assembly).";
            if (!guest.StartsWith('/'))
                return $"{attribute} Mounts: guest path '{guest}' in '{mount}' is not absolute; write it like \"{host}:/{guest.TrimStart('.', '/')}\".";
            var full = ResolveHostPath(host);
            if (!Directory.Exists(full))
                return $"{attribute} Mounts: host folder '{host}' not found (looked at {full}); copy it to the output with <None Include=\"{host}/**\" CopyToOutputDirectory=\"PreserveNewest\" /> or use an absolute path.";
        }
        if (NodeModules is { } nm && !Directory.Exists(ResolveHostPath(nm)))
            return $"{attribute} NodeModules: folder '{nm}' not found (looked at {ResolveHostPath(nm)}); run npm install there or use an absolute path.";
        foreach (var e in Env)
            if (e.IndexOf('=') <= 0)
                return $"{attribute} Env: '{e}' is not KEY=VALUE; write it like \"{(e.Length > 0 ? e : "NAME")}=value\".";
        if (Cwd is { } cwd && !cwd.StartsWith('/'))
            return $"{attribute} Cwd: '{cwd}' is not an absolute guest path; write it like \"/{cwd.TrimStart('.', '/')}\".";
        if (Configuration is { } c)
        {
            if (!configurationInterface.IsAssignableFrom(c))
                return $"{attribute} Configuration: {c.Name} does not implement {configurationInterface.FullName}; add `: {configurationInterface.Name}` to it.";
            if (c.IsAbstract || c.GetConstructor(Type.EmptyTypes) is null)
                return $"{attribute} Configuration: {c.Name} needs a public parameterless constructor; add `public {c.Name}() {{ }}`.";
        }
        return null;
    }

    public NodeRuntimeOptions BuildOptions(Action<ReadOnlyMemory<byte>>? onStdout, Action<ReadOnlyMemory<byte>>? onStderr)
    {
        var mounts = new List<MountOptions>();
        foreach (var mount in Mounts)
        {
            if (!TryParseMount(mount, out var host, out var guest, out var readOnly))
                throw new ArgumentException($"invalid mount '{mount}': use HOST:GUEST[:ro|:rw]");
            mounts.Add(new MountOptions { HostPath = ResolveHostPath(host), GuestPath = guest, ReadOnly = readOnly });
        }
        if (NodeModules is { } nm)
            mounts.Add(new MountOptions { HostPath = ResolveHostPath(nm), GuestPath = NodeModulesGuestPath, ReadOnly = true });
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in Env)
        {
            var eq = e.IndexOf('=');
            if (eq <= 0) throw new ArgumentException($"invalid environment entry '{e}': use KEY=VALUE");
            env[e[..eq]] = e[(eq + 1)..];
        }
        var options = new NodeRuntimeOptions
        {
            Env = env,
            Mounts = mounts,
            Permissions = RuntimePermissions.Default with { NetworkEgress = AllowNetwork },
            OnStdout = onStdout,
            OnStderr = onStderr,
        };
        if (Cwd is { } cwd) options = options with { Cwd = cwd };
        return options;
    }

    /// <summary>HOST:GUEST[:ro|:rw] (read-only by default), like the CLI's --mount.</summary>
    public static bool TryParseMount(string text, out string host, out string guest, out bool readOnly)
    {
        host = guest = "";
        readOnly = true;
        var parts = text.Split(':');
        if (parts.Length is 3 && parts[2] is "ro" or "rw")
        {
            readOnly = parts[2] == "ro";
            parts = parts[..2];
        }
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0) return false;
        (host, guest) = (parts[0], parts[1]);
        return true;
    }
}

/// <summary>
/// Turns guest output chunks into whole lines for a line-based test output (stderr lines get a prefix) and keeps
/// the tail of stderr for failure messages. Thread-safe: the runtime calls it on reader threads.
/// </summary>
internal sealed class GuestOutput(Action<string> writeLine)
{
    public const string StderrPrefix = "[stderr] ";
    private readonly Lock _lock = new();
    private readonly List<byte> _stdout = [];
    private readonly List<byte> _stderr = [];
    private readonly Queue<string> _stderrTail = new();

    public void OnStdout(ReadOnlyMemory<byte> chunk) => Feed(_stdout, chunk.Span, "");
    public void OnStderr(ReadOnlyMemory<byte> chunk) => Feed(_stderr, chunk.Span, StderrPrefix);

    /// <summary>The last lines the guest wrote to stderr.</summary>
    public IReadOnlyList<string> StderrTail { get { lock (_lock) return [.. _stderrTail]; } }

    public void Flush()
    {
        lock (_lock)
        {
            if (_stdout.Count > 0) Emit(Take(_stdout, _stdout.Count), "");
            if (_stderr.Count > 0) Emit(Take(_stderr, _stderr.Count), StderrPrefix);
        }
    }

    private void Feed(List<byte> buffer, ReadOnlySpan<byte> chunk, string prefix)
    {
        lock (_lock)
        {
            foreach (var b in chunk)
            {
                if (b == (byte)'\n') Emit(Take(buffer, buffer.Count), prefix);
                else buffer.Add(b);
            }
        }
    }

    private static string Take(List<byte> buffer, int count)
    {
        var text = Encoding.UTF8.GetString([.. buffer.GetRange(0, count)]).TrimEnd('\r');
        buffer.RemoveRange(0, count);
        return text;
    }

    private void Emit(string line, string prefix)
    {
        if (prefix.Length > 0)
        {
            _stderrTail.Enqueue(line);
            while (_stderrTail.Count > 20) _stderrTail.Dequeue();
        }
        try { writeLine(prefix + line); }
        catch (InvalidOperationException) { } // the test already ended: late output of a process being killed
    }

    /// <summary>The message of a failed guest run: exit code, then the tail of stderr.</summary>
    public static string FailureMessage(string what, int exitCode, IEnumerable<string> stderrTail, bool timedOut = false)
    {
        var tail = stderrTail.ToList();
        var head = timedOut ? $"{what} timed out and was killed (exit code {exitCode})" : $"{what} exited with code {exitCode}";
        return tail.Count == 0 ? head + " (no stderr)" : head + "; stderr (last lines):" + Environment.NewLine + string.Join(Environment.NewLine, tail);
    }
}
