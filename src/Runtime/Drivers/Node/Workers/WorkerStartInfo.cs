namespace SecureExec.Testing.Drivers.Node.Workers;

/// <summary>What `new Worker(...)` asked for, validated by the bridge.</summary>
/// <param name="Mode">"file", "eval" or "eval-module" (eval code with ES module syntax).</param>
/// <param name="Payload">The script path (file) or the code (eval).</param>
/// <param name="Argv">options.argv, appended to process.argv.</param>
/// <param name="Env">The worker's process.env ("NAME=value").</param>
/// <param name="WorkerData">options.workerData, serialized by the parent.</param>
/// <param name="Port">The worker end of the parent's channel (parentPort), in transit until the worker's instance adopts it.</param>
/// <param name="DataPorts">MessagePorts transferred with workerData (options.transferList, the stdio channel), in transit too.</param>
/// <param name="MaxHeapBytes">resourceLimits.maxOldGenerationSizeMb as the engine's heap limit, or null for the default.</param>
internal sealed record WorkerStartInfo(
    string Mode, string Payload, IReadOnlyList<string> Argv, IReadOnlyList<string> Env, byte[] WorkerData, int Port,
    IReadOnlyList<int> DataPorts, ulong? MaxHeapBytes, string Name);
