namespace SecureExec.Cli;

/// <summary>The parsed command line.</summary>
internal sealed record CliOptions
{
    public List<MountOptions> Mounts { get; } = [];
    public Dictionary<string, string> Env { get; } = new(StringComparer.Ordinal);
    public string? Cwd { get; set; }
    public bool AllowNet { get; set; }
    public TimeSpan? Timeout { get; set; }
    public long? MemoryBytes { get; set; }
    public string? CommandsDir { get; set; }

    /// <summary>sh, run, node or help.</summary>
    public string Subcommand { get; set; } = "";

    /// <summary>Everything after the subcommand.</summary>
    public List<string> Arguments { get; } = [];
}

/// <summary>A command line the CLI cannot run: printed with the usage, exit code 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
