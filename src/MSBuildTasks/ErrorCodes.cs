namespace SecureExec.Testing.MSBuild;

/// <summary>The stable codes of the errors and warnings <see cref="RunSandboxedNode"/> logs (tests assert codes, not wording).</summary>
public static class ErrorCodes
{
    /// <summary>A parameter is missing, contradictory or malformed (the message names it).</summary>
    public const string InvalidParameter = "SXT0001";

    /// <summary>The VM could not be created: no commands directory, a mount that cannot be set up.</summary>
    public const string SandboxCreationFailed = "SXT0002";

    /// <summary>The guest exited with a non-zero code (and IgnoreExitCode is false).</summary>
    public const string NonZeroExitCode = "SXT0003";

    /// <summary>The guest ran longer than Timeout and was killed.</summary>
    public const string TimedOut = "SXT0004";

    /// <summary>The build was canceled; the guest was killed.</summary>
    public const string Canceled = "SXT0005";

    /// <summary>A declared output is missing in the VM or could not be copied to the host.</summary>
    public const string OutputCopyFailed = "SXT0006";

    /// <summary>The guest exhausted its memory limit (the VM, not the build, paid for it).</summary>
    public const string OutOfMemory = "SXT0007";

    /// <summary>A warning: the guest's stdout or stderr passed MaxOutputBytes and the rest was not logged.</summary>
    public const string OutputTruncated = "SXT0009";

    /// <summary>An unexpected host failure inside the task (a bug: please report it with the message).</summary>
    public const string InternalError = "SXT0008";
}
