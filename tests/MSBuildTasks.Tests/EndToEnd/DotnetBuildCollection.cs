namespace SecureExec.Testing.MSBuild.Tests.EndToEnd;

/// <summary>The end-to-end builds run one after another (2 cores; timeouts must not race each other).</summary>
[CollectionDefinition(Name)]
public sealed class DotnetBuildCollection
{
    public const string Name = "real dotnet build";
}
