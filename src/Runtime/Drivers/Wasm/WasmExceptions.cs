using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Commands;

namespace SecureExec.Testing.Drivers.Wasm;

/// <summary>A guest pointer or length outside its linear memory: the import returns EFAULT.</summary>
internal sealed class GuestFaultException() : Exception("guest pointer outside linear memory");

/// <summary>
/// Unwinds a running guest out of wasm from a host call or the epoch callback. Wasmtime hands it back as the
/// InnerException of a <see cref="Wasmtime.WasmtimeException"/>; the Store is discarded afterwards.
/// </summary>
internal abstract class WasmUnwindException(string message) : Exception(message);

/// <summary>proc_exit.</summary>
internal sealed class ProcExitException(int code) : WasmUnwindException($"proc_exit({code})")
{
    public int Code { get; } = code;
}

/// <summary>A signal whose action is to terminate the process arrived.</summary>
internal sealed class ProcessKilledException(Signal signal) : WasmUnwindException($"killed by {signal}")
{
    public Signal Signal { get; } = signal;
}

/// <summary>execve succeeded: the kernel thread runs <see cref="Image"/> next.</summary>
internal sealed class ExecImageException(ExecImage image) : WasmUnwindException($"exec {image.Path}")
{
    public ExecImage Image { get; } = image;
}
