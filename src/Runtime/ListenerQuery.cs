namespace SecureExec.Testing;

/// <summary>
/// Which guest listener to find or wait for (<see cref="NodeRuntime.WaitForListenerAsync"/>). Unset properties
/// match anything; a listener on a wildcard address (<c>::</c>, <c>0.0.0.0</c>) matches every host.
/// </summary>
public sealed record ListenerQuery
{
    public int? Port { get; init; }
    public string? Host { get; init; }
    public int? Pid { get; init; }

    public override string ToString()
    {
        var parts = new List<string>();
        if (Port is { } port) parts.Add($"port {port}");
        if (Host is { } host) parts.Add($"host {host}");
        if (Pid is { } pid) parts.Add($"pid {pid}");
        return parts.Count == 0 ? "any listener" : string.Join(", ", parts);
    }
}

/// <summary>A guest socket listening in the VM: its address and the process that listens.</summary>
public sealed record ListenerInfo(string Host, int Port, int Pid)
{
    public override string ToString() => $"{(Host.Contains(':') ? "[" + Host + "]" : Host)}:{Port} (pid {Pid})";
}
