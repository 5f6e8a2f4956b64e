using System.Text;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Drivers.Wasm.Wasi;
using SecureExec.Testing.Kernel.Processes;
using Wasmtime;

namespace SecureExec.Testing.Drivers.Wasm.Extensions;

/// <summary>
/// The "secure_exec" host import module (commands/include/secure_exec.h): process control, fd plumbing, cwd,
/// modes, full stat and signals. Results ≥ 0 are success; failures are negative WASI errno values.
/// This file: processes and signals; <c>SecureExecImports.Files.cs</c>: fds, cwd, modes and stat.
/// </summary>
internal static partial class SecureExecImports
{
    public const string Module = "secure_exec";

    public static void Define(Linker linker)
    {
        linker.DefineFunction(Module, "spawn", (CallerFunc<int, int, int, int, int, int, int, int, int, int, int>)Spawn);
        linker.DefineFunction(Module, "exec", (CallerFunc<int, int, int, int, int, int>)Exec);
        linker.DefineFunction(Module, "wait", (CallerFunc<int, int, int, int>)Wait);
        linker.DefineFunction(Module, "kill", (CallerFunc<int, int, int>)Kill);
        linker.DefineFunction(Module, "getpid", (CallerFunc<int>)GetPid);
        linker.DefineFunction(Module, "getppid", (CallerFunc<int>)GetPpid);
        linker.DefineFunction(Module, "getpgid", (CallerFunc<int, int>)GetPgid);
        linker.DefineFunction(Module, "setpgid", (CallerFunc<int, int, int>)SetPgid);
        linker.DefineFunction(Module, "signal", (CallerFunc<int, int, int>)SignalDisposition);
        linker.DefineFunction(Module, "sigpending", (CallerFunc<long>)SigPending);
        linker.DefineFunction(Module, "nproc", (CallerFunc<int>)Nproc);
        DefineFiles(linker);
    }

    private static int Spawn(Caller caller, int path, int argv, int argvLength, int env, int envLength, int cwd,
        int fdmap, int fdmapPairs, int pgid, int pidOut)
    {
        var cx = WasmContext.Current;
        try
        {
            var m = cx.Mem();
            var file = m.ReadCString(path);
            var args = m.ReadPackedList(argv, argvLength);
            var environment = m.ReadPackedList(env, envLength);
            var dir = cwd == 0 ? null : m.ReadCString(cwd);
            List<(int, int)>? map = null;
            if (fdmapPairs >= 0)
            {
                if (fdmapPairs > cx.Process.Fds.Limit) return cx.SeRet(Errno.EINVAL);
                map = new List<(int, int)>(fdmapPairs);
                for (var i = 0; i < fdmapPairs; i++)
                    map.Add((m.ReadInt32(fdmap + i * 8), m.ReadInt32(fdmap + i * 8 + 4)));
            }
            m.Slice(pidOut, 4);
            if (args.Count == 0) return cx.SeRet(Errno.EINVAL);
            var request = new SpawnRequest
            {
                Path = file,
                Argv = args,
                Environment = environment,
                Cwd = string.IsNullOrEmpty(dir) ? null : dir,
                FdMap = map,
                ProcessGroup = pgid,
            };
            var e = cx.Process.Kernel.Spawn(cx.Process, request, out var child);
            if (e == Errno.SUCCESS) cx.Mem().WriteInt32(pidOut, child.Pid);
            return cx.SeRet(e);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.SeRet(cx.Fault(e));
        }
    }

    /// <summary>execve: on success the guest unwinds and the kernel runs the new image on this thread.</summary>
    private static int Exec(Caller caller, int path, int argv, int argvLength, int env, int envLength)
    {
        var cx = WasmContext.Current;
        try
        {
            var m = cx.Mem();
            var file = m.ReadCString(path);
            var args = m.ReadPackedList(argv, argvLength);
            var environment = m.ReadPackedList(env, envLength);
            if (args.Count == 0) return cx.SeRet(Errno.EINVAL);
            var e = cx.Process.Kernel.Exec(cx.Process, file, args, environment, out var image);
            if (e != Errno.SUCCESS) return cx.SeRet(e);
            throw new ExecImageException(image);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.SeRet(cx.Fault(e));
        }
    }

    private static int Wait(Caller caller, int pid, int statusOut, int options)
    {
        var cx = WasmContext.Current;
        try
        {
            if (statusOut != 0) cx.Mem().Slice(statusOut, 4);
            var e = cx.Process.Kernel.Processes.Wait(cx.Process, pid, (WaitOptions)options, out var reaped, out var status);
            if (e == Errno.SUCCESS && reaped > 0 && statusOut != 0) cx.Mem().WriteInt32(statusOut, status.Raw);
            return cx.SeRet(e, reaped);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.SeRet(cx.Fault(e));
        }
    }

    private static int Kill(Caller caller, int pid, int signal)
    {
        var cx = WasmContext.Current;
        var e = cx.Process.Kernel.Kill(cx.Process, pid, signal);
        cx.Process.WaitWhileStopped(); // the caller may have stopped itself
        return cx.SeRet(e);
    }

    private static int GetPid(Caller caller) => WasmContext.Current.Process.Pid;
    private static int GetPpid(Caller caller) => WasmContext.Current.Process.ParentPid;

    private static int GetPgid(Caller caller, int pid)
    {
        var cx = WasmContext.Current;
        var e = cx.Process.Kernel.Processes.GetProcessGroup(cx.Process, pid, out var group);
        return e == Errno.SUCCESS ? group : cx.SeRet(e);
    }

    private static int SetPgid(Caller caller, int pid, int pgid)
    {
        var cx = WasmContext.Current;
        return cx.SeRet(cx.Process.Kernel.Processes.SetProcessGroup(cx.Process, pid, pgid));
    }

    private static int SignalDisposition(Caller caller, int signal, int disposition)
    {
        var cx = WasmContext.Current;
        if (!Signals.IsValid(signal) || disposition is < 0 or > 2) return cx.SeRet(Errno.EINVAL);
        var e = cx.Process.SetDisposition((Signal)signal, (Abi.SignalDisposition)disposition, out var previous);
        return cx.SeRet(e, (int)previous);
    }

    private static long SigPending(Caller caller)
    {
        var cx = WasmContext.Current;
        var pending = cx.Process.TakePendingSignals();
        if (cx.Process.FatalSignal is { } fatal) throw new ProcessKilledException(fatal);
        return (long)pending;
    }

    private static int Nproc(Caller caller) => Environment.ProcessorCount;

    /// <summary>Writes <paramref name="text"/> + NUL into a guest buffer; returns the length or -ERANGE.</summary>
    private static int WriteCString(WasmContext cx, string text, int buffer, int length)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (length < bytes.Length + 1) return cx.SeRet(Errno.ERANGE);
        var m = cx.Mem();
        var output = m.Slice(buffer, bytes.Length + 1);
        bytes.CopyTo(output);
        output[bytes.Length] = 0;
        return cx.SeRet(Errno.SUCCESS, bytes.Length);
    }
}
