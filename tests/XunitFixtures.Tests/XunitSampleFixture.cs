using SecureExec.Testing.Adapters.Tests;

namespace SecureExec.Testing.Xunit.Tests;

/// <summary>Runs Samples/XunitSample once for every test class of the collection.</summary>
public sealed class XunitSampleFixture : IAsyncLifetime
{
    public SampleRun Run { get; private set; } = null!;

    /// <summary>A second, cheap run (no build) filtered to one JavaScript file.</summary>
    public SampleRun Filtered { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var project = Path.Combine(SampleRun.RepoRoot, "tests", "XunitFixtures.Tests", "Samples", "XunitSample", "XunitSample.csproj");
        Run = await SampleRun.RunAsync(project);
        Filtered = await SampleRun.RunAsync(project, "DisplayName~pass.test.mjs", noBuild: true);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class XunitSampleCollection : ICollectionFixture<XunitSampleFixture>
{
    public const string Name = "xunit sample run";
}
