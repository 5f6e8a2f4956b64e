using SecureExec.Testing.Adapters.Tests;

namespace SecureExec.Testing.Xunit.Tests;

/// <summary>Runs Samples/XunitSample once for every test class of the collection.</summary>
public sealed class XunitSampleFixture : IAsyncLifetime
{
    public SampleRun Run { get; private set; } = null!;

    public async Task InitializeAsync() =>
        Run = await SampleRun.RunAsync(Path.Combine(SampleRun.RepoRoot, "tests", "XunitFixtures.Tests", "Samples", "XunitSample", "XunitSample.csproj"));

    public Task DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class XunitSampleCollection : ICollectionFixture<XunitSampleFixture>
{
    public const string Name = "xunit sample run";
}
