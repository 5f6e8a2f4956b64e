using SecureExec.Testing.Adapters.Tests;

namespace SecureExec.Testing.NUnit.Tests;

/// <summary>Runs Samples/NUnitSample once for every test class of the collection.</summary>
public sealed class NUnitSampleFixture : IAsyncLifetime
{
    public SampleRun Run { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Run = await SampleRun.RunAsync(Path.Combine(SampleRun.RepoRoot, "tests", "NUnitAdapters.Tests", "Samples", "NUnitSample", "NUnitSample.csproj"));

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class NUnitSampleCollection : ICollectionFixture<NUnitSampleFixture>
{
    public const string Name = "nunit sample run";
}
