using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace SecureExec.Testing.Drivers.Node;

/// <summary>
/// Pre-started V8 engines (one isolate each) for the whole host process: a `node` process takes a fresh one instead of
/// creating it on its start-up path, and a background thread starts the next. An engine is used by one process only
/// and never returns here; every engine has the same security settings (see README.md).
/// </summary>
internal static class EnginePool
{
    /// <summary>Spare engines kept ready (~1 MB each).</summary>
    private const int Capacity = 2;

    private static readonly ConcurrentQueue<V8ScriptEngine> s_spare = new();
    private static readonly ConditionalWeakTable<V8ScriptEngine, V8Runtime> s_runtimes = new();
    private static int s_filling;
    private static int s_inUse;

    /// <summary>Isolates taken and not yet released by <see cref="DisposeRuntime"/> (for leak checks in tests).</summary>
    public static int InUse => Volatile.Read(ref s_inUse);

    /// <summary>A never-used engine; the caller owns it: disposes it, then calls <see cref="DisposeRuntime"/>.</summary>
    public static V8ScriptEngine Take()
    {
        var engine = s_spare.TryDequeue(out var spare) ? spare : Create();
        Interlocked.Increment(ref s_inUse);
        Fill();
        return engine;
    }

    private static void Fill()
    {
        if (Interlocked.Exchange(ref s_filling, 1) != 0) return;
        var thread = new Thread(() =>
        {
            try
            {
                while (s_spare.Count < Capacity) s_spare.Enqueue(Create());
            }
            catch (Exception)
            {
                // out of memory or a native failure: processes then create their engines themselves
            }
            finally
            {
                Volatile.Write(ref s_filling, 0);
            }
        })
        {
            IsBackground = true,
            Name = "secure-exec V8 engine pool",
        };
        thread.Start();
    }

    /// <summary>Another V8 context in <paramref name="engine"/>'s isolate (node:vm), with the same security
    /// settings and no dynamic import(); the caller disposes it before <see cref="DisposeRuntime"/>.</summary>
    public static V8ScriptEngine CreateContext(V8ScriptEngine engine) =>
        Secure(s_runtimes.TryGetValue(engine, out var runtime)
            ? runtime.CreateScriptEngine(V8ScriptEngineFlags.HideHostExceptions)
            : throw new InvalidOperationException("the engine does not come from the pool"));

    /// <summary>Releases the isolate of a pooled engine once it and its contexts are disposed.</summary>
    public static void DisposeRuntime(V8ScriptEngine engine)
    {
        if (!s_runtimes.TryGetValue(engine, out var runtime)) return;
        s_runtimes.Remove(engine);
        Interlocked.Decrement(ref s_inUse);
        runtime.Dispose();
    }

    private static V8ScriptEngine Create()
    {
        var runtime = new V8Runtime(); // kept so node:vm can add contexts to the same isolate
        var engine = Secure(runtime.CreateScriptEngine(V8ScriptEngineFlags.HideHostExceptions | V8ScriptEngineFlags.EnableDynamicModuleImports));
        s_runtimes.Add(engine, runtime);
        return engine;
    }

    private static V8ScriptEngine Secure(V8ScriptEngine engine)
    {
        engine.DefaultAccess = ScriptAccess.None;
        engine.AllowReflection = false;
        engine.EnableAutoHostVariables = false;
        engine.Execute("delete globalThis.console;"); // ClearScript's console; the bootstrap installs Node's
        return engine;
    }
}
