using SecureExec.Testing.Drivers.Wasm.Extensions;
using SecureExec.Testing.Drivers.Wasm.Wasi;
using Wasmtime;

namespace SecureExec.Testing.Drivers.Wasm;

/// <summary>
/// The one Wasmtime <see cref="Engine"/> and <see cref="Linker"/> of the host process (compiled modules are
/// per engine, so sharing it shares the module cache), plus the epoch ticker that lets the kernel interrupt
/// running guests. The ticker thread runs only while guests run (and 200 ms after the last one stops).
/// </summary>
internal sealed class WasmEngine
{
    /// <summary>Epoch tick: a busy guest notices a kill within about this long.</summary>
    public const int TickMilliseconds = 5;
    /// <summary>Native stack wasm may use (the process thread has 8 MiB; host frames use the rest).</summary>
    private const int MaxWasmStack = 1 << 20; // must stay below Wasmtime's async stack size (2 MiB)

    private static readonly Lazy<WasmEngine> s_shared = new(() => new WasmEngine(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly object _tickerLock = new();
    private int _running;        // guarded by _tickerLock
    private Thread? _ticker;     // guarded by _tickerLock

    private WasmEngine()
    {
        using var config = new Config()
            .WithEpochInterruption(true)
            .WithMaximumStackSize(MaxWasmStack)
            .WithOptimizationLevel(OptimizationLevel.Speed);
        Engine = new Engine(config);
        Linker = new Linker(Engine);
        WasiPreview1.Define(Linker);
        SecureExecImports.Define(Linker);
    }

    public static WasmEngine Shared => s_shared.Value;

    public Engine Engine { get; }

    /// <summary>Every import the guests may use; nothing else (no DefineWasi: that would expose the host).</summary>
    public Linker Linker { get; }

    /// <summary>What compiled code depends on besides the wasm bytes (part of the module cache key).</summary>
    public static string ConfigKey { get; } =
        $"wasmtime={typeof(Engine).Assembly.GetName().Version};epoch=1;stack={MaxWasmStack};opt=speed;{System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture}";

    /// <summary>A guest starts running: make sure the epoch ticks.</summary>
    public void EnterRun()
    {
        lock (_tickerLock)
        {
            _running++;
            if (_ticker is not null) return;
            _ticker = new Thread(Tick) { IsBackground = true, Name = "secure-exec wasm epoch" };
            _ticker.Start();
        }
    }

    public void ExitRun()
    {
        lock (_tickerLock) _running--;
    }

    /// <summary>Threads the engine runs now (0 or 1), for leak checks.</summary>
    public bool TickerRunning
    {
        get
        {
            lock (_tickerLock) return _ticker is not null;
        }
    }

    /// <summary>Idle ticks before the ticker thread exits (so back-to-back commands do not start a thread each).</summary>
    private const int IdleTicksBeforeExit = 40;

    private void Tick()
    {
        var idle = 0;
        while (true)
        {
            Thread.Sleep(TickMilliseconds);
            lock (_tickerLock)
            {
                idle = _running == 0 ? idle + 1 : 0;
                if (idle >= IdleTicksBeforeExit)
                {
                    _ticker = null;
                    return;
                }
            }
            Engine.IncrementEpoch();
        }
    }
}
