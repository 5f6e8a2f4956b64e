using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Commands;

namespace SecureExec.Testing.Drivers.Node.Workers;

/// <summary>
/// One worker_threads Worker: its own host thread running its own <see cref="NodeInstance"/> (own V8 isolate from the
/// same <see cref="EnginePool"/>, own bridge and event loop) under the parent's kernel process (same pid, fds, cwd).
/// The parent's loop is told when the worker is online (-1) and when it ended (its exit code).
/// </summary>
internal sealed class WorkerThread
{
    /// <summary>Value delivered to the parent's callback when the worker's code starts.</summary>
    public const int Online = -1;

    private readonly WorkerHub _hub;
    private readonly int _callback;
    private readonly WorkerStartInfo _start;
    private readonly object _lock = new(); // guards _instance, _terminated
    private NodeInstance? _instance;
    private bool _terminated;
    private Thread? _thread;
    private byte[]? _error;

    public WorkerThread(WorkerHub hub, NodeInstance parent, int threadId, int callback, WorkerStartInfo start)
    {
        _hub = hub;
        Parent = parent;
        ThreadId = threadId;
        _callback = callback;
        _start = start;
    }

    public NodeInstance Parent { get; }
    public int Callback => _callback;
    public int ThreadId { get; }
    public WorkerStartInfo StartInfo => _start;
    public WorkerHub Hub => _hub;

    /// <summary>The worker's heap limit was reached (ERR_WORKER_OUT_OF_MEMORY in the parent).</summary>
    public bool OutOfMemory { get; private set; }

    /// <summary>The uncaught error the worker reported (serialized by its JS), taken once by the parent.</summary>
    public byte[]? TakeError() => Interlocked.Exchange(ref _error, null);

    public void SetError(byte[] error) => _error = error;

    /// <summary>The number of worker threads running in this host process (tests check it returns to zero).</summary>
    public static int LiveCount => Volatile.Read(ref s_live);
    private static int s_live;

    public void Start()
    {
        Interlocked.Increment(ref s_live);
        _thread = new Thread(Main, 16 * 1024 * 1024) // V8 needs a deep native stack, like a process thread
        {
            IsBackground = true,
            Name = $"secure-exec worker {Parent.Process.Pid}.{ThreadId}",
        };
        _thread.Start();
    }

    /// <summary>worker.terminate(), or the parent ending: stops JS as soon as possible with exit code 1.</summary>
    public void Terminate()
    {
        lock (_lock)
        {
            _terminated = true;
            _instance?.Terminate();
        }
    }

    public bool Join(TimeSpan timeout) => _thread is null || _thread.Join(timeout);

    /// <summary>Told by the worker's JS when its main code starts running.</summary>
    public void ReportOnline() => Parent.Loop.Deliver(_callback, Online);

    private void Main()
    {
        var code = 1;
        try
        {
            var options = Parent.Options;
            if (_start.MaxHeapBytes is { } heap) options = options with { MaxHeapBytes = heap };
            using (var instance = new NodeInstance(Parent.Process, Parent.Image, options, this))
            {
                instance.Loop.LeavesSignalsToMainThread = true;
                foreach (var port in _start.DataPorts.Prepend(_start.Port)) _hub.Ports.Give(null, port, instance); // in transit since WorkerStart
                lock (_lock)
                {
                    _instance = instance;
                    if (_terminated) instance.Terminate();
                }
                try
                {
                    var outcome = instance.Run(CommandLine());
                    OutOfMemory = instance.OutOfMemory;
                    code = outcome.Status.IfExited ? outcome.Status.ExitCode : 1;
                }
                finally
                {
                    lock (_lock) _instance = null; // Terminate must not touch an engine being disposed
                }
            }
        }
        catch (Exception ex)
        {
            // a host failure must not take the host process down: the worker ends with code 1
            Parent.ReportHostError(ex);
            code = 1;
        }
        finally
        {
            Interlocked.Decrement(ref s_live);
            Parent.Loop.Deliver(_callback, code);
        }
    }

    private NodeCommandLine CommandLine() => _start.Mode switch
    {
        "file" => new NodeCommandLine { Mode = NodeCommandLine.RunMode.File, Payload = _start.Payload, Arguments = _start.Argv },
        _ => new NodeCommandLine
        {
            Mode = NodeCommandLine.RunMode.Eval, Payload = _start.Payload, Arguments = _start.Argv,
            InputIsModule = _start.Mode == "eval-module",
        },
    };
}
