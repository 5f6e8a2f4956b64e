using Microsoft.ClearScript.V8;
using SecureExec.Testing.Drivers.Node.Bridge;

namespace SecureExec.Testing.Drivers.Node;

/// <summary>
/// Unhandled promise rejections through V8's own hook (<see cref="V8ScriptEngine.PromiseRejectionCallback"/>):
/// the callback only queues the events; after each tick/microtask drain the JS side
/// (node:internal/promises) is told about them and decides, like Node's processPromiseRejections, what to
/// emit, warn or throw. Nothing is visible to the guest: no global, no patched Promise.
/// </summary>
internal sealed partial class NodeInstance
{
    private readonly List<(int Kind, object Promise, object? Reason)> _rejections = [];
    private bool _rejectionsPending;

    private void InstallRejectionHook(V8ScriptEngine engine) => engine.PromiseRejectionCallback = OnPromiseRejection;

    // Runs inside V8 (on the process thread) while guest code runs: record only, never call back into JS.
    private void OnPromiseRejection(V8PromiseRejectionEventKind kind, object promise, object? value)
    {
        switch (kind)
        {
            case V8PromiseRejectionEventKind.RejectedWithoutHandler:
                _rejections.Add((0, promise, value));
                break;
            case V8PromiseRejectionEventKind.HandlerAddedAfterRejection:
                _rejections.Add((1, promise, null));
                break;
            default:
                (promise as IDisposable)?.Dispose(); // settling a settled promise: Node ignores it
                (value as IDisposable)?.Dispose();
                break;
        }
    }

    /// <summary>Hands queued rejection events to JS and runs its processing; true if guest code may have
    /// queued ticks or microtasks (the caller drains again).</summary>
    private bool ProcessRejections()
    {
        if (_rejections.Count == 0 && !_rejectionsPending) return false;
        var batch = _rejections.ToArray();
        _rejections.Clear();
        foreach (var (kind, promise, reason) in batch)
        {
            try
            {
                _dispatch.InvokeAsFunction((int)DispatchKind.Rejection, kind, promise, reason);
            }
            finally
            {
                (promise as IDisposable)?.Dispose();
                (reason as IDisposable)?.Dispose();
            }
        }
        // JS answers 1 (ran guest code) | 2 (rejections still pending)
        var bits = _dispatch.InvokeAsFunction((int)DispatchKind.ProcessRejections) is int b ? b : 0;
        _rejectionsPending = (bits & 2) != 0;
        return batch.Length > 0 || bits != 0;
    }
}
