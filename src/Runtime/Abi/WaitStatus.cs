namespace SecureExec.Testing.Abi;

/// <summary>
/// How a process ended, encoded as Linux's wait status: exit code in bits 8-15, or the terminating signal in
/// bits 0-6. <see cref="ShellStatus"/> is what shells print for <c>$?</c> (128+n after a signal).
/// </summary>
public readonly record struct WaitStatus(int Raw)
{
    public static WaitStatus Exited(int code) => new((code & 0xFF) << 8);
    public static WaitStatus Signaled(Signal signal) => new((int)signal & 0x7F);
    public static WaitStatus Stopped(Signal signal) => new(((int)signal << 8) | 0x7F);
    public static readonly WaitStatus Continued = new(0xFFFF);

    public bool IfExited => (Raw & 0x7F) == 0;
    public int ExitCode => (Raw >> 8) & 0xFF;
    public bool IfSignaled => (Raw & 0x7F) is not 0 and not 0x7F;
    public Signal TermSignal => (Signal)(Raw & 0x7F);
    public bool IfStopped => (Raw & 0xFF) == 0x7F;
    public bool IfContinued => Raw == 0xFFFF;

    /// <summary>The exit status a shell reports: the exit code, or 128 + signal number.</summary>
    public int ShellStatus => IfSignaled ? 128 + (int)TermSignal : ExitCode;

    public override string ToString() => IfSignaled ? $"killed by {TermSignal}" : IfStopped ? "stopped" : $"exit {ExitCode}";
}

/// <summary>waitpid(2) options.</summary>
[Flags]
public enum WaitOptions { None = 0, WNOHANG = 1, WUNTRACED = 2, WCONTINUED = 8 }
