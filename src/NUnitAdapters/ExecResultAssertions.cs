using NUnit.Framework;
using SecureExec.Testing.Adapters;

namespace SecureExec.Testing.NUnit;

/// <summary>Assertions on guest results that fail the test with the exit code and the tail of stderr.</summary>
public static class ExecResultAssertions
{
    private const int TailLines = 20;

    /// <summary>Returns <paramref name="result"/> when its exit code is 0; else fails the test.</summary>
    public static ExecResult ShouldSucceed(this ExecResult result, string? because = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.ExitCode != 0) throw Failure(result.ExitCode, result.Stderr, result.TimedOut, because);
        return result;
    }

    /// <summary>Returns <paramref name="result"/> when its exit code is 0; else fails the test.</summary>
    public static RunResult<T> ShouldSucceed<T>(this RunResult<T> result, string? because = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.ExitCode != 0) throw Failure(result.ExitCode, result.Stderr, false, because);
        return result;
    }

    internal static AssertionException Failure(int exitCode, string stderr, bool timedOut, string? because)
    {
        var tail = stderr.TrimEnd('\n').Split('\n').TakeLast(TailLines).Where(l => l.Length > 0);
        var what = because is null ? "the guest" : $"the guest ({because})";
        return new AssertionException(GuestOutput.FailureMessage(what, exitCode, tail, timedOut));
    }
}
