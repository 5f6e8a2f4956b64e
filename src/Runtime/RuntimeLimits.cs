namespace SecureExec.Testing;

/// <summary>
/// Resource limits of one VM (<see cref="NodeRuntimeOptions.Limits"/>). Exceeding one gives what Linux gives:
/// an allocation failure or a fatal out-of-memory report, SIGXCPU, EAGAIN, EMFILE, ENOSPC.
/// </summary>
public sealed record RuntimeLimits
{
    /// <summary>Smallest accepted <see cref="JsHeapBytes"/>: V8 cannot start a Node bootstrap in less.</summary>
    public const long MinJsHeapBytes = 16L << 20;

    /// <summary>
    /// V8 heap of each JavaScript (`node`) process (V8's MaxRuntimeHeapSize). Beyond it the process prints Node's
    /// "JavaScript heap out of memory" report and dies with SIGABRT (status 134); the host is unaffected. Default 512 MiB.
    /// </summary>
    public long JsHeapBytes { get; init; } = 512L << 20;

    /// <summary>Default of <see cref="JsArrayBufferBytes"/>.</summary>
    public const long DefaultJsArrayBufferBytes = 1L << 30;

    /// <summary>
    /// ArrayBuffer memory (Buffer, typed arrays) of each JavaScript process. V8 keeps it outside its heap, so
    /// <see cref="JsHeapBytes"/> does not bound it; beyond it an allocation throws <c>RangeError: Array buffer allocation
    /// failed</c>, as Node does when memory runs out. Default 1 GiB.
    /// </summary>
    public long JsArrayBufferBytes { get; init; } = DefaultJsArrayBufferBytes;

    /// <summary>Linear memory of each WASM process (sh, coreutils): beyond it malloc fails. Default 512 MiB.</summary>
    public long WasmMemoryBytes { get; init; } = 512L << 20;

    /// <summary>
    /// CPU time of each process, like RLIMIT_CPU: at the limit the process gets SIGXCPU (status 152, "CPU time limit
    /// exceeded"); one CPU second later, if it caught SIGXCPU and still runs, SIGKILL. Null: unlimited. Default 10 minutes.
    /// </summary>
    public TimeSpan? CpuTimePerProcess { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Live processes in the VM; spawning beyond it fails with EAGAIN. Default 512.</summary>
    public int MaxProcesses { get; init; } = 512;

    /// <summary>Open file descriptors per process (RLIMIT_NOFILE); beyond it EMFILE. Default 256, like the peer.</summary>
    public int MaxOpenFiles { get; init; } = 256;

    /// <summary>Bytes of file data in the VM's in-memory file system; beyond it ENOSPC. Default 1 GiB.</summary>
    public long MaxFileSystemBytes { get; init; } = 1L << 30;

    /// <summary>
    /// Bytes of stdout and of stderr (each) that <see cref="NodeRuntime.ExecAsync"/>/<see cref="NodeRuntime.ExecCommandAsync"/>
    /// capture. Beyond it the capture ends with a marker line (<c>[secure-exec: output truncated after N bytes]</c>) and
    /// <see cref="ExecResult.OutputTruncated"/> is set; the process keeps running and its further output is read and
    /// discarded (streaming callbacks still see it). Default 32 MiB.
    /// </summary>
    public long MaxOutputBytes { get; init; } = 32L << 20;

    /// <summary>The line that ends output cut at <paramref name="maxOutputBytes"/> (ExecAsync's capture, the MSBuild log).</summary>
    public static string OutputTruncatedMarker(long maxOutputBytes) => $"[secure-exec: output truncated after {maxOutputBytes} bytes]";

    /// <summary>Default of <see cref="MaxTimersPerProcess"/>.</summary>
    public const int DefaultMaxTimersPerProcess = 100_000;

    /// <summary>
    /// Live timers (setTimeout/setInterval not yet fired or cleared) of each JavaScript process, and separately its
    /// pending setImmediate callbacks: beyond it the call throws <c>RangeError [ERR_SANDBOX_TIMER_LIMIT]</c> (Node has no
    /// such limit; the host keeps a record per timer outside the V8 heap). Default 100,000.
    /// </summary>
    public int MaxTimersPerProcess { get; init; } = DefaultMaxTimersPerProcess;

    /// <summary>
    /// Bytes of a response body that <see cref="NodeRuntime.FetchAsync"/> (and the handler of
    /// <see cref="NodeRuntime.CreateHttpMessageHandler"/>) reads from a guest server into host memory: a longer body, or
    /// a Content-Length announcing one, fails the request with <see cref="HttpRequestException"/> naming this limit.
    /// Default 256 MiB.
    /// </summary>
    public long MaxHttpBodyBytes { get; init; } = 256L << 20;

    public static RuntimeLimits Default { get; } = new();

    internal void Validate()
    {
        if (JsHeapBytes < MinJsHeapBytes) throw new ArgumentException($"Limits.JsHeapBytes must be at least {MinJsHeapBytes} (16 MiB); got {JsHeapBytes}", "options");
        if (JsArrayBufferBytes <= 0) throw new ArgumentException($"Limits.JsArrayBufferBytes must be positive; got {JsArrayBufferBytes}", "options");
        if (WasmMemoryBytes <= 0) throw new ArgumentException($"Limits.WasmMemoryBytes must be positive; got {WasmMemoryBytes}", "options");
        if (CpuTimePerProcess is { } cpu && cpu <= TimeSpan.Zero) throw new ArgumentException($"Limits.CpuTimePerProcess must be positive or null; got {cpu}", "options");
        if (MaxProcesses < 2) throw new ArgumentException($"Limits.MaxProcesses must be at least 2 (init and one process); got {MaxProcesses}", "options");
        if (MaxOpenFiles < 3) throw new ArgumentException($"Limits.MaxOpenFiles must be at least 3 (stdin, stdout, stderr); got {MaxOpenFiles}", "options");
        if (MaxFileSystemBytes < 0) throw new ArgumentException($"Limits.MaxFileSystemBytes must not be negative; got {MaxFileSystemBytes}", "options");
        if (MaxTimersPerProcess < 1) throw new ArgumentException($"Limits.MaxTimersPerProcess must be at least 1; got {MaxTimersPerProcess}", "options");
        if (MaxOutputBytes < 0) throw new ArgumentException($"Limits.MaxOutputBytes must not be negative; got {MaxOutputBytes}", "options");
        if (MaxHttpBodyBytes < 0 || MaxHttpBodyBytes > Array.MaxLength)
            throw new ArgumentException($"Limits.MaxHttpBodyBytes must be between 0 and {Array.MaxLength} (a .NET array); got {MaxHttpBodyBytes}", "options");
    }

    internal Kernel.KernelLimits ToKernel() => Kernel.KernelLimits.Default with
    {
        MaxProcesses = MaxProcesses,
        MaxOpenFilesPerProcess = MaxOpenFiles,
        MaxFileSystemBytes = MaxFileSystemBytes,
        CpuTimePerProcess = CpuTimePerProcess,
    };
}
