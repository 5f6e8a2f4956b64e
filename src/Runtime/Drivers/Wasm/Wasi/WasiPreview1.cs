using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using SecureExec.Testing.Abi;
using Wasmtime;

namespace SecureExec.Testing.Drivers.Wasm.Wasi;

/// <summary>
/// wasi_snapshot_preview1 answered by the kernel (never by the host OS). One family per file: this one holds
/// registration, args/environ, clocks, random, proc_*, sched_yield and sock_* (ENOTSUP until networking);
/// <c>.Fd.cs</c>, <c>.Path.cs</c> and <c>.Poll.cs</c> hold the rest. Every import catches everything: a bad
/// guest pointer is EFAULT, an unexpected host exception EIO; only <see cref="WasmUnwindException"/>s leave.
/// </summary>
internal static partial class WasiPreview1
{
    public const string Module = "wasi_snapshot_preview1";

    public static void Define(Linker linker)
    {
        linker.DefineFunction(Module, "args_get", (CallerFunc<int, int, int>)ArgsGet);
        linker.DefineFunction(Module, "args_sizes_get", (CallerFunc<int, int, int>)ArgsSizesGet);
        linker.DefineFunction(Module, "environ_get", (CallerFunc<int, int, int>)EnvironGet);
        linker.DefineFunction(Module, "environ_sizes_get", (CallerFunc<int, int, int>)EnvironSizesGet);
        linker.DefineFunction(Module, "clock_res_get", (CallerFunc<int, int, int>)ClockResGet);
        linker.DefineFunction(Module, "clock_time_get", (CallerFunc<int, long, int, int>)ClockTimeGet);
        linker.DefineFunction(Module, "random_get", (CallerFunc<int, int, int>)RandomGet);
        linker.DefineFunction(Module, "proc_exit", (CallerAction<int>)ProcExit);
        linker.DefineFunction(Module, "proc_raise", (CallerFunc<int, int>)ProcRaise);
        linker.DefineFunction(Module, "sched_yield", (CallerFunc<int>)SchedYield);
        linker.DefineFunction(Module, "sock_accept", (CallerFunc<int, int, int, int>)SockAccept);
        linker.DefineFunction(Module, "sock_recv", (CallerFunc<int, int, int, int, int, int, int>)SockRecv);
        linker.DefineFunction(Module, "sock_send", (CallerFunc<int, int, int, int, int, int>)SockSend);
        linker.DefineFunction(Module, "sock_shutdown", (CallerFunc<int, int, int>)SockShutdown);
        DefineFd(linker);
        DefinePath(linker);
        DefinePoll(linker);
    }

    // ---- args / environ ----

    private static int ArgsGet(Caller caller, int argv, int argvBuf) => StringsGet(WasmContext.Current, true, argv, argvBuf);
    private static int ArgsSizesGet(Caller caller, int count, int size) => StringsSizes(WasmContext.Current, true, count, size);
    private static int EnvironGet(Caller caller, int environ, int environBuf) => StringsGet(WasmContext.Current, false, environ, environBuf);
    private static int EnvironSizesGet(Caller caller, int count, int size) => StringsSizes(WasmContext.Current, false, count, size);

    private static int StringsGet(WasmContext cx, bool args, int pointers, int buffer)
    {
        try
        {
            var (blob, offsets) = args ? cx.Args : cx.Env;
            var m = cx.Mem();
            blob.CopyTo(m.Slice(buffer, blob.Length));
            for (var i = 0; i < offsets.Length; i++)
                m.WriteInt32(pointers + i * 4, buffer + offsets[i]);
            return cx.Ret(Errno.SUCCESS);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }

    private static int StringsSizes(WasmContext cx, bool args, int countOut, int sizeOut)
    {
        try
        {
            var (blob, offsets) = args ? cx.Args : cx.Env;
            var m = cx.Mem();
            m.WriteInt32(countOut, offsets.Length);
            m.WriteInt32(sizeOut, blob.Length);
            return cx.Ret(Errno.SUCCESS);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }

    // ---- clocks and random ----

    private const int CLOCK_REALTIME = 0, CLOCK_MONOTONIC = 1, CLOCK_PROCESS_CPUTIME = 2, CLOCK_THREAD_CPUTIME = 3;

    private static int ClockResGet(Caller caller, int id, int resolutionOut)
    {
        var cx = WasmContext.Current;
        try
        {
            long resolution = id switch
            {
                CLOCK_REALTIME => 100, // DateTime ticks
                CLOCK_MONOTONIC => Math.Max(1, 1_000_000_000L / Stopwatch.Frequency),
                CLOCK_PROCESS_CPUTIME or CLOCK_THREAD_CPUTIME => 1000,
                _ => -1,
            };
            if (resolution < 0) return cx.Ret(Errno.EINVAL);
            cx.Mem().WriteInt64(resolutionOut, resolution);
            return cx.Ret(Errno.SUCCESS);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }

    private static int ClockTimeGet(Caller caller, int id, long precision, int timeOut)
    {
        var cx = WasmContext.Current;
        try
        {
            if (!TryNow(cx, id, out var now)) return cx.Ret(Errno.EINVAL);
            cx.Mem().WriteInt64(timeOut, now);
            return cx.Ret(Errno.SUCCESS);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }

    /// <summary>The clock's current value in nanoseconds.</summary>
    internal static bool TryNow(WasmContext cx, int clock, out long nanoseconds)
    {
        switch (clock)
        {
            case CLOCK_REALTIME:
                nanoseconds = Timespec.Now().TotalNanoseconds;
                return true;
            case CLOCK_MONOTONIC:
                nanoseconds = MonotonicNow();
                return true;
            case CLOCK_PROCESS_CPUTIME or CLOCK_THREAD_CPUTIME:
                // The process runs on this one thread, so its CPU time is the thread's.
                nanoseconds = ThreadCpuTime(cx);
                return true;
            default:
                nanoseconds = 0;
                return false;
        }
    }

    internal static long MonotonicNow()
    {
        var ticks = Stopwatch.GetTimestamp();
        return (long)((Int128)ticks * 1_000_000_000 / Stopwatch.Frequency);
    }

    private static long ThreadCpuTime(WasmContext cx) =>
        OperatingSystem.IsLinux() && ThreadCpuNow() is var now and >= 0 ? now - cx.CpuBaseNs : (DateTime.UtcNow - cx.Process.StartTime).Ticks * 100;

    /// <summary>The calling thread's CPU time in nanoseconds (Linux), else -1.</summary>
    internal static long ThreadCpuNow()
    {
        const int CLOCK_THREAD_CPUTIME_ID = 3;
        if (OperatingSystem.IsLinux() && clock_gettime(CLOCK_THREAD_CPUTIME_ID, out var ts) == 0) return ts.Seconds * 1_000_000_000L + ts.Nanoseconds;
        return -1;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct NativeTimespec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int clock_gettime(int clock, out NativeTimespec ts);

    private static int RandomGet(Caller caller, int buffer, int length)
    {
        var cx = WasmContext.Current;
        try
        {
            RandomNumberGenerator.Fill(cx.Mem().Slice(buffer, length));
            return cx.Ret(Errno.SUCCESS);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }

    // ---- process ----

    private static void ProcExit(Caller caller, int code) => throw new ProcExitException(code & 0xFF);

    /// <summary>WASI signal numbers follow Linux's up to SIGTERM (15); WASI has no SIGSTKFLT, so 16+ are Linux's - 1.</summary>
    internal static int LinuxSignal(int wasiSignal) => wasiSignal switch
    {
        >= 1 and <= 15 => wasiSignal,
        >= 16 and <= 30 => wasiSignal + 1,
        _ => -1,
    };

    private static int ProcRaise(Caller caller, int signal)
    {
        var cx = WasmContext.Current;
        try
        {
            var linux = LinuxSignal(signal);
            if (linux < 0) return cx.Ret(Errno.EINVAL);
            var e = cx.Process.Kernel.Kill(cx.Process, cx.Process.Pid, linux);
            cx.Process.WaitWhileStopped();
            return cx.Ret(e);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }

    private static int SchedYield(Caller caller)
    {
        var cx = WasmContext.Current;
        Thread.Yield();
        return cx.Ret(Errno.SUCCESS);
    }

    // ---- sockets: not yet (the kernel has no socket table) ----

    private static int SockAccept(Caller caller, int fd, int flags, int fdOut) => NotSupported();
    private static int SockRecv(Caller caller, int fd, int data, int dataLength, int flags, int lengthOut, int flagsOut) => NotSupported();
    private static int SockSend(Caller caller, int fd, int data, int dataLength, int flags, int lengthOut) => NotSupported();
    private static int SockShutdown(Caller caller, int fd, int how) => NotSupported();

    private static int NotSupported() => WasmContext.Current.Ret(Errno.ENOTSUP);

    /// <summary>WASI filetype for a kernel file type.</summary>
    internal static byte FileTypeOf(FileType type) => type switch
    {
        FileType.BlockDevice => 1,
        FileType.CharDevice => 2,
        FileType.Directory => 3,
        FileType.Regular => 4,
        FileType.Socket => 6,
        FileType.Symlink => 7,
        _ => 0, // FIFOs have no WASI file type
    };
}
