using SecureExec.Testing.Adapters.Tests;

namespace SecureExec.Testing.NUnit.Tests;

/// <summary>Runs Samples/NUnitSample once for every test class of the collection.</summary>
public sealed class NUnitSampleFixture : IAsyncLifetime
{
    public SampleRun Run { get; private set; } = null!;

    /// <summary>A second, cheap run (no build) with a category filter.</summary>
    public SampleRun Filtered { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var project = Path.Combine(SampleRun.RepoRoot, "tests", "NUnitAdapters.Tests", "Samples", "NUnitSample", "NUnitSample.csproj");
        Run = await SampleRun.RunAsync(project);
        Filtered = await SampleRun.RunAsync(project, "TestCategory=Slow", noBuild: true);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class NUnitSampleCollection : ICollectionFixture<NUnitSampleFixture>
{
    public const string Name = "nunit sample run";
}
