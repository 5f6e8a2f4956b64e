using System.Text.RegularExpressions;
using Microsoft.Build.Framework;

namespace SecureExec.Testing.MSBuild;

/// <summary>A guest file to copy back to the host after success.</summary>
internal sealed record OutputFile(string GuestPath, string HostPath);

/// <summary>Everything one run of the task needs, checked and translated from its parameters.</summary>
internal sealed record RunPlan
{
    public required NodeRuntimeOptions RuntimeOptions { get; init; }
    public required string Command { get; init; }
    public required IReadOnlyList<string> Arguments { get; init; }
    public required string GuestCwd { get; init; }
    public required IReadOnlyDictionary<string, string> Env { get; init; }
    public TimeSpan? Timeout { get; init; }
    public required MountTable Mounts { get; init; }
    public MessageImportance StdoutImportance { get; init; }
    public MessageImportance StderrImportance { get; init; }
    public Regex? CustomError { get; init; }
    public Regex? CustomWarning { get; init; }
    /// <summary>Full host path, or null when nothing is copied back.</summary>
    public string? OutputDirectory { get; init; }
    public required string GuestOutputDirectory { get; init; }
    /// <summary>Declared outputs; empty with an <see cref="OutputDirectory"/> = the whole guest output directory.</summary>
    public required IReadOnlyList<OutputFile> OutputFiles { get; init; }
    /// <summary>The command line as logged (unless EchoOff).</summary>
    public required string Display { get; init; }
}
