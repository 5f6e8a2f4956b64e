using SecureExec.Testing.Drivers.Node.Workers;
using SecureExec.Testing.Kernel.Commands;

namespace SecureExec.Testing.Drivers.Node;

/// <summary>worker_threads: the process-wide <see cref="WorkerHub"/> and, in a worker, its <see cref="WorkerThread"/>.</summary>
internal sealed partial class NodeInstance
{
    private WorkerHub? _hub;

    /// <summary>The worker this instance runs, or null on the main thread.</summary>
    public WorkerThread? Worker { get; }

    /// <summary>Shared by the main thread and all workers of the process (created on first use, on this thread).</summary>
    public WorkerHub Hub => _hub ??= Worker?.Hub ?? new WorkerHub();

    public NodeDriverOptions Options => _options;
    public ExecImage Image => _image;
    public bool OutOfMemory => _outOfMemory;

    /// <summary>worker.terminate() from another thread: no more JS runs; the worker ends with code 1.</summary>
    public void Terminate()
    {
        RequestExit(1);
        Loop.Interrupt();
    }

    /// <summary>The bootstrap's `info.worker`: who this worker is and what its parent gave it.</summary>
    private object? WorkerInfo()
    {
        if (Worker is not { } w) return null;
        var s = w.StartInfo;
        return new
        {
            threadId = w.ThreadId,
            port = s.Port,
            dataPorts = s.DataPorts,
            data = Bridge.AddBlob(s.WorkerData),
            env = s.Env,
            argv = s.Argv,
            mode = s.Mode,
            filename = s.Mode == "file" ? s.Payload : "[worker eval]",
            name = s.Name,
        };
    }
}
