using Microsoft.ClearScript.JavaScript;
using Microsoft.ClearScript.V8.FastProxy;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Drivers.Node.Bridge;

/// <summary>
/// The one host function guest JS can call (captured by the bootstrap closure, never on a global). Arguments
/// and results are numbers and strings; bytes move through the shared scratch <c>Uint8Array</c>. Every call
/// is total: bad arguments give -EINVAL and host failures -EIO, never a .NET exception in the guest.
/// </summary>
internal sealed partial class NodeBridge(NodeInstance node)
{
    /// <summary>Size of the scratch Uint8Array (one pipe's worth).</summary>
    public const int ScratchSize = 65536;

    private readonly Dictionary<int, byte[]> _blobs = [];
    private int _nextBlob;

    private KernelProcess Process => node.Process;

    /// <summary>A call of the guest's bridge function (see <see cref="PreparedContext"/>, which owns the function).</summary>
    public void Invoke(bool asConstructor, in V8FastArgs args, in V8FastResult result)
    {
        try
        {
            if (node.IsInterrupted)
            {
                node.Interrupt();
                Fail(result, Errno.EINTR);
            }
            else if (asConstructor || !args.TryGet(0, out int op)) Fail(result, Errno.EINVAL);
            else Dispatch((BridgeOp)op, args, result);
        }
        catch (BridgeArgumentException)
        {
            Fail(result, Errno.EINVAL);
        }
        catch (Microsoft.ClearScript.ScriptInterruptedException)
        {
            // A nested call was stopped (kill, exit, heap limit): keep stopping once control is back in JS.
            node.Interrupt();
            Fail(result, Errno.EINTR);
        }
        catch (Microsoft.ClearScript.ScriptEngineException ex) when (NodeInstance.IsHeapLimit(ex))
        {
            node.OnOutOfMemory();
            Fail(result, Errno.ENOMEM);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            node.ReportHostError(ex);
            Fail(result, Errno.EIO);
        }
    }

    private static void Fail(in V8FastResult result, Errno e) => result.Set(-(int)e);

    private static void Set(in V8FastResult result, Errno e) => result.Set(e == Errno.SUCCESS ? 0 : -(int)e);

    private void Dispatch(BridgeOp op, in V8FastArgs a, in V8FastResult r)
    {
        switch (op)
        {
            case BridgeOp.Exit: node.RequestExit(Int(a, 1)); r.Set(0); break;
            case BridgeOp.TicksPending: node.Loop.TicksPending = true; r.Set(0); break;
            case BridgeOp.TimerStart: r.Set(node.Loop.StartTimer(Int(a, 1), Num(a, 2), Num(a, 3)) ? 0 : node.Loop.MaxTimers); break;
            case BridgeOp.TimerClear: node.Loop.ClearTimer(Int(a, 1)); r.Set(0); break;
            case BridgeOp.TimerRef: node.Loop.RefTimer(Int(a, 1), Bool(a, 2)); r.Set(0); break;
            case BridgeOp.ImmediateAdd: r.Set(node.Loop.AddImmediate(Int(a, 1)) ? 0 : node.Loop.MaxTimers); break;
            case BridgeOp.ImmediateClear: node.Loop.ClearImmediate(Int(a, 1)); r.Set(0); break;
            case BridgeOp.Post: node.Loop.Post(Int(a, 1)); r.Set(0); break;
            case BridgeOp.HandleRef: r.Set(node.Loop.SetRef(Int(a, 1), Bool(a, 2))); break;
            case BridgeOp.HrTime: r.Set(node.Loop.NowNanoseconds); break;
            case BridgeOp.Utf8Encode: r.Set(Utf8Encode(Str(a, 1))); break;
            case BridgeOp.Utf8Decode: r.Set(Utf8Decode(Length(a, 1))); break;
            case BridgeOp.BlobRead: r.Set(BlobRead(Int(a, 1), Int(a, 2))); break;
            case BridgeOp.BlobFree: _blobs.Remove(Int(a, 1)); r.Set(0); break;
            case BridgeOp.BlobLength: r.Set(_blobs.TryGetValue(Int(a, 1), out var blob) ? blob.Length : -(int)Errno.EBADF); break;
            case BridgeOp.BlobAppend: r.Set(BlobAppend(Int(a, 1), Length(a, 2))); break;
            default: DispatchFiles(op, a, r); break;
        }
    }

    // ---- argument readers: a wrong type throws BridgeArgumentException (→ -EINVAL) ----

    private static int Int(in V8FastArgs a, int i)
    {
        if (a.Count > i && a.TryGet(i, out double d) && double.IsFinite(d) && d >= int.MinValue && d <= int.MaxValue) return (int)d;
        throw new BridgeArgumentException();
    }

    private static double Num(in V8FastArgs a, int i)
    {
        if (a.Count > i && a.TryGet(i, out double d) && !double.IsNaN(d)) return d;
        throw new BridgeArgumentException();
    }

    private static bool Bool(in V8FastArgs a, int i) => a.Count > i && a.IsTruthy(i);

    private static string Str(in V8FastArgs a, int i)
    {
        if (a.Count > i && a.TryGet(i, out string s) && s is not null) return s;
        throw new BridgeArgumentException();
    }

    /// <summary>A byte count that fits the scratch array.</summary>
    private static int Length(in V8FastArgs a, int i)
    {
        var n = Int(a, i);
        if (n < 0 || n > ScratchSize) throw new BridgeArgumentException();
        return n;
    }

    // ---- scratch access ----

    /// <summary>
    /// Runs <paramref name="action"/> over the scratch array's memory (valid only during the call). A guest that
    /// got hold of the array and detached its buffer (ArrayBuffer.prototype.transfer) leaves a null pointer: -EINVAL.
    /// </summary>
    private unsafe T WithScratch<T>(Func<IntPtr, T> action) =>
        node.Scratch.InvokeWithDirectAccess(p => p == IntPtr.Zero ? throw new BridgeArgumentException() : action(p));

    private static unsafe Span<byte> Span(IntPtr p) => new((void*)p, ScratchSize);

    private int Utf8Encode(string s)
    {
        if (System.Text.Encoding.UTF8.GetMaxByteCount(s.Length) > ScratchSize &&
            System.Text.Encoding.UTF8.GetByteCount(s) > ScratchSize) return -1;
        return WithScratch(p => System.Text.Encoding.UTF8.GetBytes(s, Span(p)));
    }

    private string Utf8Decode(int length) => WithScratch(p => System.Text.Encoding.UTF8.GetString(Span(p)[..length]));

    /// <summary>Keeps bytes for JS to pull through the scratch array (child output, large reads).</summary>
    public int AddBlob(byte[] data)
    {
        var id = ++_nextBlob;
        _blobs[id] = data;
        return id;
    }

    private int BlobAppend(int id, int length)
    {
        var old = id != 0 && _blobs.TryGetValue(id, out var existing) ? existing : [];
        var data = new byte[old.Length + length];
        old.CopyTo(data, 0);
        WithScratch(p =>
        {
            Span(p)[..length].CopyTo(data.AsSpan(old.Length));
            return 0;
        });
        if (id == 0 || !_blobs.ContainsKey(id)) id = ++_nextBlob;
        _blobs[id] = data;
        return id;
    }

    private int BlobRead(int id, int offset)
    {
        if (!_blobs.TryGetValue(id, out var data)) return -(int)Errno.EBADF;
        if (offset < 0 || offset > data.Length) return -(int)Errno.EINVAL;
        var n = Math.Min(ScratchSize, data.Length - offset);
        return WithScratch(p =>
        {
            data.AsSpan(offset, n).CopyTo(Span(p));
            return n;
        });
    }
}

/// <summary>A bridge argument of the wrong type or range (answered with -EINVAL).</summary>
internal sealed class BridgeArgumentException : Exception;
