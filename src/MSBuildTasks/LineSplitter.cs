using System.Text;

namespace SecureExec.Testing.MSBuild;

/// <summary>Turns the UTF-8 chunks of one guest stream into lines (without '\n' or a trailing '\r').</summary>
internal sealed class LineSplitter(Action<string> onLine)
{
    private readonly Decoder _decoder = new UTF8Encoding(false).GetDecoder();
    private readonly StringBuilder _pending = new();
    private readonly object _gate = new();

    public void Push(ReadOnlySpan<byte> bytes)
    {
        lock (_gate)
        {
            var chars = new char[_decoder.GetCharCount(bytes, flush: false)];
            var n = _decoder.GetChars(bytes, chars, flush: false);
            foreach (var ch in chars.AsSpan(0, n))
            {
                if (ch == '\n') Emit();
                else _pending.Append(ch);
            }
        }
    }

    /// <summary>Emits the last line when the stream did not end with a newline.</summary>
    public void Flush()
    {
        lock (_gate)
        {
            var chars = new char[_decoder.GetCharCount([], flush: true)];
            _pending.Append(chars, 0, _decoder.GetChars([], chars, flush: true));
            if (_pending.Length > 0) Emit();
        }
    }

    /// <summary>Emits a line of the task's own (e.g. a marker) in order with the stream's lines.</summary>
    public void Emit(string line)
    {
        lock (_gate) onLine(line);
    }

    private void Emit()
    {
        if (_pending.Length > 0 && _pending[^1] == '\r') _pending.Length--;
        var line = _pending.ToString();
        _pending.Clear();
        onLine(line);
    }
}
