using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;
using SecureExec.Testing.Drivers.Node.Modules;

namespace SecureExec.Testing.Drivers.Node;

/// <summary>
/// node:vm contexts: each is a second V8 context (a ClearScript engine) in this process's isolate, so guest
/// objects pass between contexts as themselves and each context has its own built-ins. Scripts run through the
/// host (V8 refuses eval and Function from another context's stack); their completion value or thrown value
/// goes to the bootstrap's sink. A context gets no host object: only the control object of
/// lib/internal/vm_context.js, handed to the outer context's node:vm.
/// </summary>
internal sealed partial class NodeInstance
{
    private readonly Dictionary<int, V8ScriptEngine> _contexts = [];
    private int _nextContext = 1;

    /// <summary>Creates a context and sinks its control object; returns its id, or 0 when there are too many.</summary>
    public int CreateVmContext()
    {
        if (_contexts.Count >= _options.MaxVmContexts) return 0;
        var context = EnginePool.CreateContext(Engine);
        context.DocumentSettings.AccessFlags = DocumentAccessFlags.None; // import() there loads nothing
        InstallRejectionHook(context);
        object control;
        try
        {
            BuiltinSources.TryGet("internal/vm_context", out var source);
            control = context.Evaluate(new DocumentInfo(new Uri("node:internal/vm_context")), source);
        }
        catch
        {
            context.Dispose();
            throw;
        }
        var id = _nextContext++;
        _contexts[id] = context;
        _sink.InvokeAsFunction(control, false);
        return id;
    }

    /// <summary>What <see cref="RunInVmContext"/> did.</summary>
    public enum VmRunResult { Ran, NoSuchContext, TimedOut }

    /// <summary>Compiles and runs <paramref name="source"/> in context <paramref name="id"/> (0 = the main one),
    /// stopping it after <paramref name="timeoutMs"/> (0 = never). The value goes to the sink as (value, threw);
    /// a syntax error comes back as V8's details in <paramref name="syntaxError"/>.</summary>
    public VmRunResult RunInVmContext(int id, string source, string filename, double timeoutMs, out string? syntaxError)
    {
        syntaxError = null;
        V8ScriptEngine? engine = id == 0 ? Engine : _contexts.GetValueOrDefault(id);
        if (engine is null) return VmRunResult.NoSuchContext;
        if (id == 0) source = RewriteImports(source, filename); // import() as in this context's other code
        V8Script script;
        try
        {
            script = engine.Compile(ScriptDocument(filename, ref source), source);
        }
        catch (ScriptEngineException ex) when (!IsHeapLimit(ex))
        {
            syntaxError = ex.ErrorDetails ?? ex.Message;
            return VmRunResult.Ran;
        }
        using (script)
        {
            object? value;
            var threw = false;
            var watchdog = timeoutMs > 0 ? new Watchdog(engine, timeoutMs) : null;
            try
            {
                value = engine.Evaluate(script);
            }
            catch (ScriptInterruptedException) when (watchdog is { Fired: true } && !IsInterrupted)
            {
                return VmRunResult.TimedOut;
            }
            catch (ScriptEngineException ex) when (!IsHeapLimit(ex))
            {
                value = ex.ScriptException;
                threw = true;
            }
            finally
            {
                watchdog?.Stop();
                if (IsInterrupted) Interrupt(); // a kill during the run keeps stopping the outer code
            }
            _sink.InvokeAsFunction(value, threw);
        }
        return VmRunResult.Ran;
    }

    private void DisposeContexts()
    {
        foreach (var context in _contexts.Values) context.Dispose();
        _contexts.Clear();
    }

    /// <summary>Interrupts an engine once a run outlives its timeout; never after <see cref="Stop"/>.</summary>
    private sealed class Watchdog
    {
        private readonly Lock _gate = new();
        private readonly V8ScriptEngine _engine;
        private readonly Timer _timer;
        private bool _running = true;

        public Watchdog(V8ScriptEngine engine, double timeoutMs)
        {
            _engine = engine;
            _timer = new Timer(_ => Fire(), null, (long)Math.Min(timeoutMs, uint.MaxValue), Timeout.Infinite);
        }

        public bool Fired { get; private set; }

        private void Fire()
        {
            lock (_gate)
            {
                if (!_running) return;
                Fired = true;
                _engine.Interrupt();
            }
        }

        public void Stop()
        {
            lock (_gate) _running = false;
            _timer.Dispose();
            if (Fired) _engine.CancelInterrupt(); // the run may have ended just before the interrupt landed
        }
    }
}
