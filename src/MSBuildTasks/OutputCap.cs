namespace SecureExec.Testing.MSBuild;

/// <summary>
/// Caps the bytes of one guest stream that reach the build log (<see cref="RunSandboxedNode.MaxOutputBytes"/>): past the
/// cap the stream's last partial line is flushed, a marker line follows, and the rest of the stream is dropped.
/// </summary>
internal sealed class OutputCap(long limit, LineSplitter lines)
{
    private readonly object _gate = new();
    private long _seen;

    /// <summary>The stream passed the cap (the marker was emitted).</summary>
    public bool Cut { get; private set; }

    public void Push(ReadOnlySpan<byte> chunk)
    {
        lock (_gate)
        {
            if (Cut) return;
            var room = limit - _seen;
            if (chunk.Length <= room)
            {
                _seen += chunk.Length;
                lines.Push(chunk);
                return;
            }
            lines.Push(chunk[..(int)room]);
            _seen = limit;
            Cut = true;
            lines.Flush();
            lines.Emit(RuntimeLimits.OutputTruncatedMarker(limit)); // the line ExecAsync ends a cut capture with
        }
    }
}
