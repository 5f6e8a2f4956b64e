namespace SecureExec.Testing.Drivers.Node;

/// <summary>Settings shared by every `node` process of a VM.</summary>
internal sealed record NodeDriverOptions
{
    /// <summary>V8 heap limit per process (MaxRuntimeHeapSize, a catchable limit; never MaxOldSpaceSize).</summary>
    public ulong MaxHeapBytes { get; init; } = 1UL << 30;

    /// <summary>ArrayBuffer (Buffer, typed array) memory per process, outside the V8 heap; beyond it RangeError.</summary>
    public ulong MaxArrayBufferBytes { get; init; } = EnginePool.DefaultArrayBufferBytes;

    /// <summary>node:vm contexts per process (each a V8 context in the process's heap); more fail loudly.</summary>
    public int MaxVmContexts { get; init; } = 1024;

    /// <summary>Live timers (and, separately, pending immediates) per process; beyond it ERR_SANDBOX_TIMER_LIMIT.</summary>
    public int MaxTimers { get; init; } = RuntimeLimits.DefaultMaxTimersPerProcess;

    /// <summary>Tests only: also publish the bridge function as this global, to probe it with hostile calls.</summary>
    internal string? ExposeBridgeForTests { get; init; }

    public static NodeDriverOptions Default { get; } = new();
}
