using System.Text.Json;
using Microsoft.ClearScript.V8.FastProxy;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Pipes;
using SecureExec.Testing.Kernel.Processes;
using SecureExec.Testing.Kernel.Sockets;

namespace SecureExec.Testing.Drivers.Node.Bridge;

/// <summary>child_process: every child is a kernel process whose stdio are kernel pipes or inherited fds.</summary>
internal sealed partial class NodeBridge
{
    private void DispatchChild(BridgeOp op, in V8FastArgs a, in V8FastResult r)
    {
        switch (op)
        {
            case BridgeOp.Spawn: r.Set(SpawnAsync(Str(a, 1))); break;
            case BridgeOp.SpawnSync: r.Set(SpawnSync(Str(a, 1))); break;
            case BridgeOp.ChildWatch:
            {
                var child = Process.Kernel.Processes.Get(Int(a, 1));
                if (child is null || child.ParentPid != Process.Pid) Fail(r, Errno.ECHILD);
                else
                {
                    node.Loop.WatchChild(child, Int(a, 2));
                    r.Set(0);
                }
                break;
            }
            default: DispatchCrypto(op, a, r); break;
        }
    }

    /// <summary>What JS asks for: program, argv, cwd, env and one stdio entry per child fd.</summary>
    private sealed record ChildRequest(string File, string[] Args, string? Cwd, string[] Env, JsonElement[] Stdio,
        int Input, double Timeout, int KillSignal, double MaxBuffer);

    private static ChildRequest ParseRequest(string json)
    {
        try
        {
            return ParseRequestJson(json);
        }
        catch (Exception e) when (e is JsonException or ArgumentException) // ArgumentException: a lone surrogate
        {
            throw new BridgeArgumentException();
        }
    }

    private static ChildRequest ParseRequestJson(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (doc.RootElement.ValueKind != JsonValueKind.Object) throw new BridgeArgumentException();
        var root = doc.RootElement;
        string? Opt(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        double Num(string name, double fallback) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : fallback;
        string[] Strings(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? [.. v.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : e.ToString())]
            : [];
        var stdio = root.TryGetProperty("stdio", out var s) && s.ValueKind == JsonValueKind.Array
            ? s.EnumerateArray().Select(e => e.Clone()).ToArray()
            : [];
        return new ChildRequest(Opt("file") ?? throw new BridgeArgumentException(), Strings("args"), Opt("cwd"),
            Strings("env"), stdio, (int)Num("input", -1), Num("timeout", 0), (int)Num("killSignal", 15),
            Num("maxBuffer", 1024 * 1024));
    }

    /// <summary>Creates the child's stdio: its descriptions and, for pipes, the parent's ends.</summary>
    private Errno BuildStdio(ChildRequest req, List<(int, FileDescription)> childFds, FileDescription?[] parentEnds)
    {
        for (var i = 0; i < req.Stdio.Length; i++)
        {
            var entry = req.Stdio[i];
            if (entry.ValueKind == JsonValueKind.Number)
            {
                if (!entry.TryGetInt32(out var parentFd) || Process.Fds.Acquire(parentFd, out var d) != Errno.SUCCESS) return Errno.EBADF;
                childFds.Add((i, d));
                continue;
            }
            switch (entry.ValueKind == JsonValueKind.String ? entry.GetString() : "ignore")
            {
                case "pipe" or "overlapped":
                {
                    var (read, write) = Pipe.Create(Process.Kernel.Limits.PipeCapacity);
                    if (i == 0)
                    {
                        childFds.Add((i, read));
                        parentEnds[i] = write;
                    }
                    else
                    {
                        childFds.Add((i, write));
                        parentEnds[i] = read;
                    }
                    break;
                }
                case "ipc": // Node's IPC channel: a connected socket pair, the child's end at fd i (NODE_CHANNEL_FD)
                {
                    var (parentEnd, childEnd) = StreamSocket.CreatePair(Process.Kernel.Sockets, Process.Kernel.Limits.PipeCapacity);
                    childFds.Add((i, childEnd));
                    parentEnds[i] = parentEnd;
                    break;
                }
                case "inherit":
                    if (Process.Fds.Acquire(i, out var inherited) == Errno.SUCCESS) childFds.Add((i, inherited));
                    break;
                default: // "ignore": /dev/null when the VM has one, else the fd stays closed
                    var flags = i == 0 ? OpenFlags.O_RDONLY : OpenFlags.O_WRONLY;
                    if (Process.Kernel.FileSystem.Open(Process.PathContext, "/dev/null", flags, 0, out var nul) == Errno.SUCCESS)
                        childFds.Add((i, nul));
                    break;
            }
        }
        return Errno.SUCCESS;
    }

    private Errno StartChild(ChildRequest req, FileDescription?[] parentEnds, out KernelProcess child)
    {
        child = null!;
        var childFds = new List<(int, FileDescription)>();
        try
        {
            var e = BuildStdio(req, childFds, parentEnds);
            if (e != Errno.SUCCESS) return e;
            var argv = req.Args.Length > 0 ? req.Args : [req.File];
            return Process.Kernel.Spawn(Process, new SpawnRequest
            {
                Path = req.File,
                Argv = argv,
                Environment = req.Env,
                Cwd = req.Cwd,
                Descriptions = childFds,
            }, out child);
        }
        finally
        {
            foreach (var (_, d) in childFds) d.Release(); // the child holds its own references
        }
    }

    /// <summary>spawn(): "pid,fd0,fd1,…" (parent-side pipe or IPC fds, or -1) or -errno.</summary>
    private string SpawnAsync(string json)
    {
        var req = ParseRequest(json);
        var ends = new FileDescription?[req.Stdio.Length];
        var e = StartChild(req, ends, out var child);
        var fds = new int[ends.Length];
        for (var i = 0; i < ends.Length; i++)
        {
            fds[i] = -1;
            if (ends[i] is not { } end) continue;
            if (e == Errno.SUCCESS && Process.Fds.Allocate(end, true, out var fd) == Errno.SUCCESS) fds[i] = fd;
            else end.Release();
        }
        if (e != Errno.SUCCESS) return (-(int)e).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return child.Pid + "," + string.Join(',', fds);
    }

    /// <summary>spawnSync(): runs the child to completion, feeding input and collecting output on this thread.</summary>
    private string SpawnSync(string json)
    {
        var req = ParseRequest(json);
        if (req.Stdio.Any(s => s.ValueKind == JsonValueKind.String && s.GetString() == "ipc"))
            return JsonSerializer.Serialize(new { error = -(int)Errno.EINVAL }); // JS refuses it first (ERR_IPC_SYNC_FORK)
        var ends = new FileDescription?[req.Stdio.Length];
        var e = StartChild(req, ends, out var child);
        if (e != Errno.SUCCESS)
        {
            foreach (var end in ends) end?.Release();
            return JsonSerializer.Serialize(new { error = -(int)e });
        }
        var run = new SyncChildRun(Process, child, ends, req.Input >= 0 && _blobs.Remove(req.Input, out var input) ? input : [],
            req.Timeout, (Signal)req.KillSignal, req.MaxBuffer, node.DeferSignals);
        var outcome = run.Run();
        var outputs = run.Outputs.Select(o => o is null ? 0 : AddBlob(o)).ToArray();
        return JsonSerializer.Serialize(new
        {
            pid = child.Pid,
            status = outcome.Status is { IfExited: true } s ? s.ExitCode : (int?)null,
            signal = outcome.Status is { IfSignaled: true } k ? (int)k.TermSignal : 0,
            output = outputs,
            error = -(int)outcome.Error,
        });
    }
}
