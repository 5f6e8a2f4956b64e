using System.Text;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel;
using SecureExec.Testing.Kernel.Commands;
using SecureExec.Testing.Kernel.Processes;
using Wasmtime;

namespace SecureExec.Testing.Drivers.Wasm;

/// <summary>
/// Runs wasm32-wasi command modules in kernel processes: one Store per image with the
/// <see cref="KernelProcess"/> as its data, the shared engine and linker, <c>_start</c> on the process thread.
/// See README.md for outcomes (exit, kill, exec, traps) and the import contract.
/// </summary>
internal sealed class WasmDriver : IExecutionDriver
{
    /// <summary>Default limit of one process's linear memory.</summary>
    public const long DefaultMemoryLimitBytes = 512L << 20;

    private static readonly Store.EpochDeadlineCallback s_onDeadline = OnEpochDeadline;
    private readonly WasmEngine _engine;
    private static int s_liveStores;

    /// <summary>Stores of running images in the host process (for leak checks in tests).</summary>
    internal static int LiveStores => Volatile.Read(ref s_liveStores);

    public WasmDriver(long memoryLimitBytes = DefaultMemoryLimitBytes, ModuleCache? cache = null)
    {
        if (memoryLimitBytes <= 0) throw new ArgumentOutOfRangeException(nameof(memoryLimitBytes), "the memory limit must be positive");
        _engine = WasmEngine.Shared;
        MemoryLimitBytes = memoryLimitBytes;
        Cache = cache ?? ModuleCache.Shared;
    }

    public string Name => "wasm";

    public long MemoryLimitBytes { get; }
    public ModuleCache Cache { get; }

    /// <summary>A command for <paramref name="wasmFile"/> (compiled when it first runs).</summary>
    public WasmCommand CreateCommand(string wasmFile) => new(Path.GetFullPath(wasmFile), Cache);

    /// <summary>Registers every command of a commands directory (see <see cref="CommandsDirectory.List"/>).</summary>
    public int RegisterDirectory(VirtualKernel kernel, string directory)
    {
        var commands = new Dictionary<string, WasmCommand>(StringComparer.Ordinal);
        var count = 0;
        foreach (var (name, file) in CommandsDirectory.List(directory))
        {
            if (!commands.TryGetValue(file, out var command)) commands[file] = command = CreateCommand(file);
            kernel.Commands.Register(new CommandEntry(name, this, command));
            count++;
        }
        return count;
    }

    public ProcessOutcome Run(KernelProcess process, ExecImage image)
    {
        var cx = new WasmContext(process, image);
        if (image.Command.DriverData is not WasmCommand command)
            return Fail(cx, $"{cx.Name}: cannot execute: not a wasm command", 126);
        if (!command.TryGetModule(out var module, out var loadError))
            return Fail(cx, $"{cx.Name}: cannot execute {command.FilePath}: {loadError}", 126);
        if (process.FatalSignal is { } early) return ProcessOutcome.Killed(early);

        using var store = new Store(_engine.Engine, process);
        store.SetLimits(memorySize: MemoryLimitBytes);
        store.SetEpochDeadline(1);
        store.SetEpochDeadlineCallback(s_onDeadline);
        cx.InstallPreopen();
        Interlocked.Increment(ref s_liveStores);
        _engine.EnterRun();
        WasmContext.SetCurrent(cx);
        try
        {
            Instance instance;
            try
            {
                instance = _engine.Linker.Instantiate(store, module);
            }
            catch (WasmtimeException e) when (FindUnwind(e) is null)
            {
                return Fail(cx, $"{cx.Name}: cannot execute {command.FilePath}: {WasmCommand.FirstLine(e.Message)}", 126);
            }
            cx.Memory = instance.GetMemory("memory");
            var start = instance.GetAction("_start");
            if (cx.Memory is null || start is null)
                return Fail(cx, $"{cx.Name}: cannot execute {command.FilePath}: not a WASI command module", 126);
            start();
            return ProcessOutcome.Exit(0);
        }
        catch (Exception e) when (e is WasmtimeException or WasmUnwindException)
        {
            return Outcome(cx, e);
        }
        finally
        {
            WasmContext.SetCurrent(null);
            cx.Memory = null;
            _engine.ExitRun();
            store.Dispose();
            Interlocked.Decrement(ref s_liveStores);
        }
    }

    private static ulong OnEpochDeadline(Store store)
    {
        if (store.GetData() is KernelProcess process)
        {
            if (process.FatalSignal is { } fatal) throw new ProcessKilledException(fatal);
            process.WaitWhileStopped();
            if (process.FatalSignal is { } killedWhileStopped) throw new ProcessKilledException(killedWhileStopped);
        }
        return 1;
    }

    private static WasmUnwindException? FindUnwind(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
            if (x is WasmUnwindException u) return u;
        return null;
    }

    private static ProcessOutcome Outcome(WasmContext cx, Exception e)
    {
        switch (FindUnwind(e))
        {
            case ProcExitException exit:
                return cx.Process.FatalSignal is { } s ? ProcessOutcome.Killed(s) : ProcessOutcome.Exit(exit.Code);
            case ProcessKilledException killed:
                return ProcessOutcome.Killed(killed.Signal);
            case ExecImageException exec:
                return ProcessOutcome.Exec(exec.Image);
        }
        if (cx.Process.FatalSignal is { } fatal) return ProcessOutcome.Killed(fatal);
        if (e.InnerException is { } inner and not WasmtimeException)
        {
            // An import threw instead of answering with an errno: a driver bug, not the guest's fault.
            WriteStderr(cx.Process, $"{cx.Name}: secure-exec internal error in a host call: {inner.GetType().Name}: {inner.Message}\n");
            return ProcessOutcome.Exit(70); // EX_SOFTWARE
        }
        // A trap: the guest did something wasm forbids. Report it like a crash of a native program.
        var (signal, message) = DescribeTrap(e);
        WriteStderr(cx.Process, $"{cx.Name}: wasm trap: {message}\n");
        return ProcessOutcome.Killed(signal);
    }

    /// <summary>
    /// The signal a native program would die of: unreachable (what abort() compiles to) → SIGABRT (134),
    /// memory/table/stack/call faults → SIGSEGV (139), arithmetic → SIGFPE (136), anything else → SIGILL (132).
    /// </summary>
    internal static (Signal Signal, string Message) DescribeTrap(Exception e)
    {
        var message = TrapMessage(e.Message);
        if (e is not TrapException trap) return (Signal.SIGILL, message);
        var signal = trap.Type switch
        {
            TrapCode.Unreachable => Signal.SIGABRT,
            TrapCode.MemoryOutOfBounds or TrapCode.HeapMisaligned or TrapCode.StackOverflow or TrapCode.TableOutOfBounds
                or TrapCode.IndirectCallToNull or TrapCode.BadSignature => Signal.SIGSEGV,
            TrapCode.IntegerOverflow or TrapCode.IntegerDivisionByZero or TrapCode.BadConversionToInteger => Signal.SIGFPE,
            _ => Signal.SIGILL,
        };
        return (signal, message);
    }

    /// <summary>
    /// The reason out of Wasmtime's report ("error while executing at wasm backtrace: … Caused by: wasm trap:
    /// wasm `unreachable` instruction executed" → "wasm `unreachable` instruction executed").
    /// </summary>
    internal static string TrapMessage(string report)
    {
        var lines = report.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var causedBy = Array.FindLastIndex(lines, l => l == "Caused by:");
        var reason = causedBy >= 0 && causedBy + 1 < lines.Length ? lines[^1] : lines.FirstOrDefault() ?? "unknown trap";
        reason = System.Text.RegularExpressions.Regex.Replace(reason, @"^\d+: ", ""); // numbered causes
        const string prefix = "wasm trap: ";
        return reason.StartsWith(prefix, StringComparison.Ordinal) ? reason[prefix.Length..] : reason;
    }

    private static ProcessOutcome Fail(WasmContext cx, string message, int exitCode)
    {
        WriteStderr(cx.Process, message + "\n");
        return ProcessOutcome.Exit(exitCode);
    }

    internal static void WriteStderr(KernelProcess process, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        process.Write(2, bytes, out _);
    }
}
