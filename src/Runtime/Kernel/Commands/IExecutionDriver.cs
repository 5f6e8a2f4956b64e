using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Kernel.Commands;

/// <summary>
/// Runs a program image in a kernel process. The kernel owns the process thread and calls
/// <see cref="Run"/> on it; drivers (WASM, Node) only execute code and translate calls.
/// </summary>
internal interface IExecutionDriver
{
    /// <summary>Short name for diagnostics ("wasm", "node").</summary>
    string Name { get; }

    /// <summary>
    /// Runs <paramref name="image"/> on the calling (process) thread until the program exits, is killed, or
    /// replaces itself with execve. Must not throw for guest failures: a trap or crash is an outcome.
    /// </summary>
    ProcessOutcome Run(KernelProcess process, ExecImage image);
}

/// <summary>A program to run: the command (driver + its data), the file that named it, and argv/env.</summary>
internal sealed record ExecImage(CommandEntry Command, string Path, IReadOnlyList<string> Argv, IReadOnlyList<string> Environment);

/// <summary>How <see cref="IExecutionDriver.Run"/> ended: a wait status, or a new image to run (execve).</summary>
internal readonly record struct ProcessOutcome(WaitStatus Status, ExecImage? Next = null)
{
    public static ProcessOutcome Exit(int code) => new(WaitStatus.Exited(code));
    public static ProcessOutcome Killed(Signal signal) => new(WaitStatus.Signaled(signal));
    public static ProcessOutcome Exec(ExecImage next) => new(default, next);
}
