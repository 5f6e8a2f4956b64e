using System.Text;

namespace SecureExec.Testing;

/// <summary>What a command run to completion produced.</summary>
public sealed record ExecResult
{
    public ExecResult(byte[] stdoutBytes, byte[] stderrBytes, int exitCode, bool timedOut = false)
        : this(stdoutBytes, stderrBytes, exitCode, timedOut, cpuLimitExceeded: false, outputTruncated: false)
    {
    }

    public ExecResult(byte[] stdoutBytes, byte[] stderrBytes, int exitCode, bool timedOut, bool cpuLimitExceeded, bool outputTruncated)
    {
        CpuLimitExceeded = cpuLimitExceeded;
        OutputTruncated = outputTruncated;
        StdoutBytes = stdoutBytes;
        StderrBytes = stderrBytes;
        ExitCode = exitCode;
        TimedOut = timedOut;
    }

    /// <summary>stdout decoded as UTF-8.</summary>
    public string Stdout => Encoding.UTF8.GetString(StdoutBytes);

    /// <summary>stderr decoded as UTF-8.</summary>
    public string Stderr => Encoding.UTF8.GetString(StderrBytes);

    public byte[] StdoutBytes { get; }
    public byte[] StderrBytes { get; }

    /// <summary>The shell status: the exit code, or 128 + the signal number after a signal death.</summary>
    public int ExitCode { get; }

    /// <summary>The timeout of <see cref="ExecOptions.Timeout"/> killed the command.</summary>
    public bool TimedOut { get; }

    /// <summary>The process used up <see cref="RuntimeLimits.CpuTimePerProcess"/>: killed by SIGXCPU (exit code 152,
    /// or 137 when it caught SIGXCPU and was killed one CPU second later); Stderr ends with "CPU time limit exceeded".</summary>
    public bool CpuLimitExceeded { get; }

    /// <summary>Stdout or stderr passed <see cref="RuntimeLimits.MaxOutputBytes"/> and was cut at a marker line.</summary>
    public bool OutputTruncated { get; }

    /// <summary>Returns this result, or throws when the exit code is not 0 (message includes stderr).</summary>
    public ExecResult ThrowOnFailure()
    {
        if (ExitCode != 0) throw new InvalidOperationException($"command failed with exit code {ExitCode}: {Stderr.TrimEnd()}");
        return this;
    }
}
