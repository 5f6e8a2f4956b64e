using SecureExec.Testing.Abi;

namespace SecureExec.Testing;

/// <summary>A guest program started by <see cref="NodeRuntime.SpawnAsync"/> (a `node` process in the VM).</summary>
public sealed class NodeProcess : IAsyncDisposable
{
    private readonly CommandProcess _process;

    internal NodeProcess(CommandProcess process) => _process = process;

    /// <summary>The guest pid.</summary>
    public int Pid => _process.Pid;

    /// <summary>The shell status once it has exited (128 + n after signal n), else null.</summary>
    public int? ExitCode => _process.ExitCode;

    /// <summary>Writes UTF-8 text to the guest's stdin; blocks while its pipe (64 KiB) is full.</summary>
    public void WriteStdin(string text) => _process.WriteStdin(text);

    /// <summary>Writes bytes to the guest's stdin; blocks while its pipe (64 KiB) is full.</summary>
    public void WriteStdin(ReadOnlySpan<byte> data) => _process.WriteStdin(data);

    /// <summary>Writes UTF-8 text to the guest's stdin.</summary>
    public Task WriteStdinAsync(string text, CancellationToken ct = default) => _process.WriteStdinAsync(text, ct);

    /// <summary>Writes bytes to the guest's stdin.</summary>
    public Task WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken ct = default) => _process.WriteStdinAsync(data, ct);

    /// <summary>Closes the guest's stdin: process.stdin sees 'end'.</summary>
    public void CloseStdin() => _process.CloseStdin();

    /// <summary>Sends a signal (default SIGTERM).</summary>
    public void Kill(Signal signal = Signal.SIGTERM) => _process.Kill(signal);

    /// <summary>Sends a signal by name ("SIGINT", "TERM") or number ("9").</summary>
    public void Kill(string signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (!Signals.TryParse(signal, out var s)) throw new ArgumentException($"unknown signal '{signal}': use a name like SIGTERM or a number 1-31", nameof(signal));
        _process.Kill(s);
    }

    /// <summary>Waits for the exit and for its output to be delivered; returns the exit code.</summary>
    public Task<int> WaitAsync(CancellationToken ct = default) => _process.WaitAsync(ct);

    public ValueTask DisposeAsync() => _process.DisposeAsync();
}
