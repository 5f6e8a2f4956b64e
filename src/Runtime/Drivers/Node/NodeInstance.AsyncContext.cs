using Microsoft.ClearScript;
using Microsoft.ClearScript.V8;
using SecureExec.Testing.Drivers.Node.Bridge;

namespace SecureExec.Testing.Drivers.Node;

/// <summary>
/// Promise propagation of AsyncLocalStorage: V8's promise hook (off until a guest first uses
/// AsyncLocalStorage, since every promise event then costs a host round trip) hands each event to
/// node:internal/async_context, which remembers the creating frame of a promise and restores it around its
/// reaction jobs, like Node's promise-hook based implementation.
/// </summary>
internal sealed partial class NodeInstance
{
    private bool _promiseHookOn;
    private bool _promiseSettledWanted; // an async hook with promiseResolve is enabled
    private ScriptEngineException? _promiseHookFailure;

    private static bool IsStackOverflow(ScriptEngineException ex) =>
        ex.ScriptException is ScriptObject error && error.GetProperty("message") is "Maximum call stack size exceeded";

    /// <summary>Reports a guest error a promise hook could not throw (see OnPromiseHook) as fatal.</summary>
    private void ReportPromiseHookFailure()
    {
        if (_promiseHookFailure is not { } ex) return;
        _promiseHookFailure = null;
        _dispatch.InvokeAsFunction((int)DispatchKind.Fatal, ex.ScriptException, ex.ErrorDetails ?? "");
    }

    public void EnablePromiseHook(bool settled)
    {
        _promiseSettledWanted |= settled;
        if (_promiseHookOn) return;
        _promiseHookOn = true;
        Engine.PromiseHook = OnPromiseHook;
    }

    private void OnPromiseHook(V8PromiseEventKind kind, object promise, object? parent)
    {
        try
        {
            var code = kind switch
            {
                V8PromiseEventKind.Created => 0,
                V8PromiseEventKind.Settled when _promiseSettledWanted => 1,
                V8PromiseEventKind.BeforeReaction => 2,
                V8PromiseEventKind.AfterReaction => 3,
                _ => -1,
            };
            if (code == 0 && parent is not null && !_interrupted) _dispatch.InvokeAsFunction((int)DispatchKind.PromiseHook, code, promise, parent);
            else if (code >= 0 && !_interrupted) _dispatch.InvokeAsFunction((int)DispatchKind.PromiseHook, code, promise);
        }
        catch (ScriptEngineException ex)
        {
            // Nothing may leave a callback from V8: it would end the host process. An interruption (kill, timeout)
            // or the heap limit is seen again by the code V8 returns to; the stack's limit reached inside the hook
            // loses this event only (the guest's own code gets its RangeError); an async hook's error is fatal as in
            // Node, reported once V8 returns.
            if (!_interrupted && !IsHeapLimit(ex) && !IsStackOverflow(ex)) _promiseHookFailure ??= ex;
        }
        finally
        {
            (promise as IDisposable)?.Dispose();
            (parent as IDisposable)?.Dispose();
        }
    }
}
