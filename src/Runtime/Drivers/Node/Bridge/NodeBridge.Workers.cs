using System.Globalization;
using System.Text.Json;
using Microsoft.ClearScript.V8.FastProxy;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Drivers.Node.Workers;

namespace SecureExec.Testing.Drivers.Node.Bridge;

/// <summary>node:worker_threads' host side: message ports (bytes between isolates of one process) and workers.
/// Every port and worker operation checks that the calling isolate owns it (-EBADF otherwise).</summary>
internal sealed partial class NodeBridge
{
    /// <summary>Most ports one message may transfer.</summary>
    private const int MaxTransferredPorts = 1024;

    private MessagePorts Ports => node.Hub.Ports;

    private void DispatchWorkers(BridgeOp op, in V8FastArgs a, in V8FastResult r)
    {
        switch (op)
        {
            case BridgeOp.PortPair: r.Set(Ports.CreatePair(node)); break;
            case BridgeOp.PortBind: Set(r, Ports.Bind(node, Int(a, 1), Int(a, 2))); break;
            case BridgeOp.PortStart: Set(r, Ports.Start(node, Int(a, 1), Bool(a, 2))); break;
            case BridgeOp.PortPost: r.Set(PortPost(Int(a, 1), Int(a, 2), Str(a, 3), a)); break;
            case BridgeOp.PortReceive: PortReceive(Int(a, 1), r); break;
            case BridgeOp.PortClose: Set(r, Ports.Close(node, Int(a, 1))); break;
            case BridgeOp.LoopRef: Set(r, LoopRef(Int(a, 1), Bool(a, 2))); break;
            case BridgeOp.WorkerStart: r.Set(WorkerStart(Str(a, 1), Int(a, 2), Int(a, 3), Int(a, 4))); break;
            case BridgeOp.WorkerTerminate: Set(r, WorkerTerminate(Int(a, 1))); break;
            case BridgeOp.WorkerExitInfo: WorkerExitInfo(Int(a, 1), r); break;
            case BridgeOp.WorkerOnline:
                if (node.Worker is { } online) online.ReportOnline();
                Set(r, node.Worker is null ? Errno.EINVAL : Errno.SUCCESS);
                break;
            case BridgeOp.WorkerError:
                if (node.Worker is { } failed && _blobs.Remove(Int(a, 1), out var error))
                {
                    failed.SetError(error);
                    r.Set(0);
                }
                else Fail(r, Errno.EINVAL);
                break;
            case BridgeOp.BroadcastJoin: r.Set(node.Hub.Broadcasts.Join(node, Str(a, 1), Int(a, 2))); break;
            case BridgeOp.BroadcastPost:
                if (!_blobs.Remove(Int(a, 2), out var message)) Fail(r, Errno.EBADF);
                else Set(r, node.Hub.Broadcasts.Post(node, Int(a, 1), message));
                break;
            case BridgeOp.BroadcastReceive:
            {
                var e = node.Hub.Broadcasts.Receive(node, Int(a, 1), out var data);
                if (e != Errno.SUCCESS) Fail(r, e);
                else r.Set(data is null ? 0 : AddBlob(data));
                break;
            }
            case BridgeOp.BroadcastClose: Set(r, node.Hub.Broadcasts.Close(node, Int(a, 1))); break;
            default: DispatchImport(op, a, r); break;
        }
    }

    /// <summary>Only a handle the host knows (a bound port or a worker of this isolate) can keep the loop alive;
    /// dropping a ref is always allowed.</summary>
    private Errno LoopRef(int handle, bool value)
    {
        if (value && !Ports.IsBound(node, handle) && !node.Hub.Broadcasts.IsBound(node, handle) && !node.Hub.IsWorkerHandle(node, handle))
            return Errno.EINVAL;
        node.Loop.SetExternalRef(handle, value);
        return Errno.SUCCESS;
    }

    private int PortPost(int port, int blob, string transferList, in V8FastArgs a)
    {
        byte[]? data;
        if (blob == 0)
        {
            var n = Length(a, 4);
            data = WithScratch(p => Span(p)[..n].ToArray()); // a small message: straight from the scratch array
        }
        else if (!_blobs.TryGetValue(blob, out data)) return -(int)Errno.EBADF;
        var ports = ParseIds(transferList);
        if (ports is null) return -(int)Errno.EINVAL;
        var e = Ports.Post(node, port, data, ports);
        if (e == Errno.SUCCESS) _blobs.Remove(blob);
        return e == Errno.SUCCESS ? 0 : -(int)e;
    }

    private void PortReceive(int port, in V8FastResult r)
    {
        var e = Ports.Receive(node, port, out var message);
        if (e != Errno.SUCCESS) Fail(r, e);
        else if (message is null) r.Set("");
        else
        {
            string head;
            if (message.Data.Length <= ScratchSize)
            {
                WithScratch(p =>
                {
                    message.Data.CopyTo(Span(p));
                    return 0;
                });
                head = "=" + message.Data.Length.ToString(CultureInfo.InvariantCulture);
            }
            else head = AddBlob(message.Data).ToString(CultureInfo.InvariantCulture);
            r.Set(string.Join(',', message.Ports.Select(i => i.ToString(CultureInfo.InvariantCulture)).Prepend(head)));
        }
    }

    private int WorkerStart(string json, int dataBlob, int port, int callback)
    {
        if (!_blobs.TryGetValue(dataBlob, out var data)) return -(int)Errno.EBADF;
        WorkerStartInfo start;
        try
        {
            using var doc = JsonDocument.Parse(json);
            var o = doc.RootElement;
            var mode = o.GetProperty("mode").GetString();
            if (mode is not ("file" or "eval" or "eval-module")) return -(int)Errno.EINVAL;
            ulong? heap = null;
            if (o.TryGetProperty("maxOldGenerationSizeMb", out var mb) && mb.ValueKind == JsonValueKind.Number)
            {
                var m = mb.GetDouble();
                if (!(m >= 1)) return -(int)Errno.EINVAL;
                heap = (ulong)Math.Min(m, node.Options.MaxHeapBytes / (1024.0 * 1024.0)) * 1024UL * 1024UL; // never above the VM's limit
            }
            start = new WorkerStartInfo(
                mode, o.GetProperty("payload").GetString() ?? "",
                o.GetProperty("argv").EnumerateArray().Select(e => e.GetString() ?? "").ToArray(),
                o.GetProperty("env").EnumerateArray().Select(e => e.GetString() ?? "").ToArray(),
                data, port, o.GetProperty("ports").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
                heap, o.TryGetProperty("name", out var n) ? n.GetString() ?? "" : "");
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or InvalidOperationException or KeyNotFoundException or FormatException)
        {
            return -(int)Errno.EINVAL;
        }
        int[] moving = [port, .. start.DataPorts];
        if (moving.Distinct().Count() != moving.Length || moving.Length > MaxTransferredPorts) return -(int)Errno.EINVAL;
        foreach (var id in moving)
            if (!Ports.IsOwned(node, id)) return -(int)Errno.EBADF;
        foreach (var id in moving) Ports.Give(node, id, null); // in transit until the worker's instance adopts them
        _blobs.Remove(dataBlob);
        return node.Hub.Start(node, callback, start).ThreadId;
    }

    private Errno WorkerTerminate(int threadId)
    {
        if (node.Hub.Find(node, threadId) is not { } worker) return Errno.ESRCH;
        worker.Terminate();
        return Errno.SUCCESS;
    }

    private void WorkerExitInfo(int threadId, in V8FastResult r)
    {
        if (node.Hub.Find(node, threadId) is not { } worker)
        {
            Fail(r, Errno.ESRCH);
            return;
        }
        node.Hub.Forget(worker); // asked once, after its exit was delivered
        if (worker.OutOfMemory) r.Set("oom");
        else if (worker.TakeError() is { } error) r.Set(AddBlob(error));
        else r.Set(0);
    }

    /// <summary>"1,2,3" → ids; null when malformed or too many.</summary>
    private static int[]? ParseIds(string list)
    {
        if (list.Length == 0) return [];
        var parts = list.Split(',');
        if (parts.Length > MaxTransferredPorts) return null;
        var ids = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out ids[i])) return null;
        return ids;
    }
}
