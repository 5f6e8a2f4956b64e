using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;

namespace SecureExec.Testing.Drivers.Node;

/// <summary>
/// V8 engines for `node` processes. Each process gets a fresh engine (a new V8 context: fresh globals and built-ins)
/// in an isolate (<see cref="V8Runtime"/>) that no other live process uses. When a process ends cleanly its isolate
/// comes back here and a later process gets a new context in it: built-ins compiled in it stay compiled, and the
/// isolate's set-up cost is paid once. A background thread keeps a few contexts ready with the process-independent
/// half of the bootstrap already run (<see cref="PreparedContext"/>). Every engine has the same security settings
/// (see README.md).
/// </summary>
internal static class EnginePool
{
    /// <summary>Ready contexts kept (~1 MB each, plus the isolate's heap).</summary>
    private const int Capacity = 2;

    /// <summary>Idle isolates kept for reuse.</summary>
    private const int IdleRuntimes = 4;

    /// <summary>Processes one isolate serves before it is replaced: every ES module compiled in an isolate stays in its
    /// compilation cache until a full GC, and looking up that table grew to ~15% of a warm exec's CPU after a few
    /// hundred processes; replacing the isolate (~10 ms on the pool's thread) every 64 keeps it under 1%.</summary>
    private const int MaxProcessesPerIsolate = 64;

    /// <summary>An isolate whose heap still holds more than this (garbage of the last process counts against the next
    /// process's heap limit until a collection) is disposed rather than reused.</summary>
    private const ulong ReuseHeapBytes = 24 << 20;

    private static readonly ConcurrentQueue<PreparedContext> s_spare = new();
    private static readonly ConcurrentQueue<V8Runtime> s_idle = new();
    private static readonly ConditionalWeakTable<V8ScriptEngine, V8Runtime> s_runtimes = new();
    // isolates never handed to another process: node:vm added contexts, or not the default ArrayBuffer cap
    private static readonly ConditionalWeakTable<V8Runtime, object> s_notReusable = new();
    // each isolate's built-in scripts, compiled on first use (disposed with the isolate: a V8Script keeps it alive)
    private static readonly ConditionalWeakTable<V8Runtime, ConcurrentDictionary<string, V8Script>> s_builtinScripts = new();

    /// <summary>ArrayBuffer memory an isolate may hold (V8RuntimeConstraints.MaxArrayBufferAllocation; outside the V8
    /// heap, so the heap limit does not bound it) unless a process asks for another: RuntimeLimits' default.</summary>
    public const ulong DefaultArrayBufferBytes = (ulong)RuntimeLimits.DefaultJsArrayBufferBytes;
    private static int s_filling; // 1 while the pool's thread runs
    private static readonly AutoResetEvent s_fillSignal = new(false);
    private const int FillerIdleMs = 2000;
    private static readonly ConditionalWeakTable<V8Runtime, StrongBox<int>> s_uses = new(); // processes each isolate served
    private static int s_inUse;

    /// <summary>Engines taken and not yet given back with <see cref="Release"/> (for leak checks in tests).</summary>
    public static int InUse => Volatile.Read(ref s_inUse);

    /// <summary>A never-used, prepared context whose isolate holds at most <paramref name="arrayBufferBytes"/> of
    /// ArrayBuffer memory (beyond it: RangeError "Array buffer allocation failed"); the caller owns its engine and gives
    /// it back with <see cref="Release"/>. Only isolates with the default cap are kept ready and reused.</summary>
    public static PreparedContext Take(ulong arrayBufferBytes = DefaultArrayBufferBytes)
    {
        PreparedContext context;
        if (arrayBufferBytes != DefaultArrayBufferBytes)
        {
            var runtime = NewRuntime(arrayBufferBytes);
            s_notReusable.AddOrUpdate(runtime, true);
            context = Prepare(Create(runtime));
        }
        else context = s_spare.TryDequeue(out var spare) ? spare : Prepare(Create());
        Interlocked.Increment(ref s_inUse);
        Fill();
        return context;
    }

    /// <summary>Another V8 context in <paramref name="engine"/>'s isolate (node:vm), with the same security
    /// settings and no dynamic import(); the caller disposes it before <see cref="Release"/>. Such an isolate is
    /// never reused.</summary>
    public static V8ScriptEngine CreateContext(V8ScriptEngine engine)
    {
        if (!s_runtimes.TryGetValue(engine, out var runtime)) throw new InvalidOperationException("the engine does not come from the pool");
        s_notReusable.AddOrUpdate(runtime, true);
        return Secure(runtime.CreateScriptEngine(V8ScriptEngineFlags.HideHostExceptions));
    }

    /// <summary>
    /// A built-in's script (<paramref name="name"/> as the key, <paramref name="source"/> called once), compiled once per
    /// isolate and run in each new context of it: a V8Script runs in any context of its isolate, so a process pays
    /// neither compiling nor the script-cache lookup that hashes and compares the whole source (~15% of a warm exec).
    /// </summary>
    public static V8Script BuiltinScript(V8ScriptEngine engine, string name, DocumentInfo document, Func<string> source)
    {
        if (!s_runtimes.TryGetValue(engine, out var runtime)) throw new InvalidOperationException("the engine does not come from the pool");
        var scripts = s_builtinScripts.GetValue(runtime, _ => new ConcurrentDictionary<string, V8Script>(StringComparer.Ordinal));
        if (scripts.TryGetValue(name, out var script)) return script;
        script = runtime.Compile(document, source());
        return scripts.TryAdd(name, script) ? script : scripts[name];
    }

    /// <summary>
    /// Disposes a process's engine. Its isolate is reused only when <paramref name="reusable"/> (the process was not
    /// told to terminate and did not hit the heap limit), no node:vm context was added to it, it has served fewer than
    /// <see cref="MaxProcessesPerIsolate"/> processes and its heap is small; otherwise the isolate is disposed too.
    /// </summary>
    public static void Release(V8ScriptEngine engine, bool reusable)
    {
        s_runtimes.TryGetValue(engine, out var runtime);
        s_runtimes.Remove(engine);
        Interlocked.Decrement(ref s_inUse);
        try
        {
            engine.Dispose();
        }
        catch (ScriptEngineException)
        {
            reusable = false; // an engine that hit its heap limit may fail to tear down cleanly
        }
        if (runtime is null) return;
        var uses = ++s_uses.GetValue(runtime, _ => new StrongBox<int>()).Value; // only the thread that held the isolate
        if (reusable && uses < MaxProcessesPerIsolate && !s_notReusable.TryGetValue(runtime, out _) && s_idle.Count < IdleRuntimes &&
            runtime.GetHeapInfo().UsedHeapSize < ReuseHeapBytes)
        {
            s_idle.Enqueue(runtime);
            Fill();
        }
        else
        {
            DisposeRuntime(runtime);
        }
    }

    private static void DisposeRuntime(V8Runtime runtime)
    {
        if (s_builtinScripts.TryGetValue(runtime, out var scripts))
            foreach (var script in scripts.Values) script.Dispose();
        s_builtinScripts.Remove(runtime);
        runtime.Dispose();
    }

    /// <summary>Wakes the pool's thread (started on first use; it ends after <see cref="FillerIdleMs"/> without work).
    /// Starting a thread per process cost ~1.5 ms of a warm exec: Thread.Start waits for the new thread to run.</summary>
    private static void Fill()
    {
        s_fillSignal.Set();
        if (Interlocked.Exchange(ref s_filling, 1) != 0) return;
        var thread = new Thread(() =>
        {
            while (true)
            {
                try
                {
                    while (s_spare.Count < Capacity) s_spare.Enqueue(Prepare(Create()));
                }
                catch (Exception)
                {
                    // out of memory or a native failure: processes then create their engines themselves
                }
                if (s_fillSignal.WaitOne(FillerIdleMs)) continue;
                Volatile.Write(ref s_filling, 0);
                if (s_spare.Count >= Capacity || Interlocked.Exchange(ref s_filling, 1) != 0) return; // else a Take raced the exit
            }
        })
        {
            IsBackground = true,
            Name = "secure-exec V8 engine pool",
        };
        thread.Start();
    }

    private static V8ScriptEngine Create() =>
        Create(s_idle.TryDequeue(out var idle) ? idle : NewRuntime(DefaultArrayBufferBytes));

    /// <summary>
    /// A new isolate. The heap limit (MaxRuntimeHeapSize) is checked by ClearScript on a sampling timer that runs on the
    /// .NET thread pool; when a busy pool delays the samples, a fast allocator could reach V8's own hard limit, which
    /// aborts the host process. Heap expansion makes V8 raise that limit instead (×2 each time it is near), so the
    /// late sample still ends only the guest.
    /// </summary>
    private static V8Runtime NewRuntime(ulong arrayBufferBytes)
    {
        V8Flags.EnsureApplied(); // before V8 starts (the first isolate)
        return new(new V8RuntimeConstraints { MaxArrayBufferAllocation = arrayBufferBytes, HeapExpansionMultiplier = HeapExpansionMultiplier });
    }

    private const double HeapExpansionMultiplier = 2;

    /// <summary>Runs the bootstrap's first half in a new engine; an engine that fails it is disposed with its isolate.</summary>
    private static PreparedContext Prepare(V8ScriptEngine engine)
    {
        try
        {
            return PreparedContext.Prepare(engine);
        }
        catch
        {
            s_runtimes.TryGetValue(engine, out var runtime);
            s_runtimes.Remove(engine);
            engine.Dispose();
            if (runtime is not null) DisposeRuntime(runtime);
            throw;
        }
    }

    private static V8ScriptEngine Create(V8Runtime runtime)
    {
        var engine = Secure(runtime.CreateScriptEngine(V8ScriptEngineFlags.HideHostExceptions | V8ScriptEngineFlags.EnableDynamicModuleImports));
        s_runtimes.Add(engine, runtime);
        return engine;
    }

    private static V8ScriptEngine Secure(V8ScriptEngine engine)
    {
        engine.DefaultAccess = ScriptAccess.None;
        engine.AllowReflection = false;
        engine.EnableAutoHostVariables = false;
        return engine; // ClearScript's console global: the bootstrap (and vm_context) delete it first thing
    }
}
