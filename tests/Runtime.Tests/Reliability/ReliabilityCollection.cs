namespace SecureExec.Testing.Tests.Reliability;

/// <summary>
/// Tests that count the host process's threads, fds and live engines: they run alone (after the parallel tests),
/// so other tests' runtimes do not move the counts.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ReliabilityCollection
{
    public const string Name = "Reliability (host resource counts)";
}
