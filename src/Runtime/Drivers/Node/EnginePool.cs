using System.Collections.Concurrent;
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
    private static int s_filling;

    /// <summary>A never-used engine; the caller owns (and disposes) it.</summary>
    public static V8ScriptEngine Take()
    {
        var engine = s_spare.TryDequeue(out var spare) ? spare : Create();
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

    private static V8ScriptEngine Create()
    {
        var engine = new V8ScriptEngine(V8ScriptEngineFlags.HideHostExceptions | V8ScriptEngineFlags.EnableDynamicModuleImports)
        {
            DefaultAccess = ScriptAccess.None,
            AllowReflection = false,
            EnableAutoHostVariables = false,
        };
        engine.Execute("delete globalThis.console;"); // ClearScript's console; the bootstrap installs Node's
        return engine;
    }
}
