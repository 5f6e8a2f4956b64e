using SecureExec.Testing.MSBuild.Tests.Support;

namespace SecureExec.Testing.MSBuild.Tests.EndToEnd;

/// <summary>
/// Projects/Generator, a real SDK project that references the packed NuGet package and whose code comes from a
/// <c>SandboxedNodeScript</c>: the script runs in the VM before Build, its output is copied back and compiled; the next
/// build skips it; a changed input runs it again.
/// </summary>
[Collection(DotnetBuildCollection.Name)]
public sealed class GeneratorBuildTests : IDisposable
{
    private readonly TestDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task SandboxedNodeScript_GeneratesBeforeBuildAndIsIncremental()
    {
        DotnetBuild.CopySample("Generator", _dir.Path);
        await DotnetBuild.PackAsync(Path.Combine(_dir.Path, "feed"));
        var project = Path.Combine(_dir.Path, "Generator.csproj");
        var generated = Path.Combine(_dir.Path, "Generated", "Names.g.cs");

        var first = await DotnetBuild.RunAsync(project, "-v:m");
        Assert.True(first.ExitCode == 0, first.Output);
        Assert.Contains("GEN-RAN: 2 names", first.Output);
        Assert.Contains("All = [\"alpha\", \"beta\"]", File.ReadAllText(generated));
        Assert.True(File.Exists(Path.Combine(_dir.Path, "bin", "Debug", "net10.0", "Generator.dll")));
        Assert.Equal(["Generated", "Generator.csproj", "Lib.cs", "bin", "feed", "nuget.config", "obj", "packages", "schema", "tools"],
            Directory.EnumerateFileSystemEntries(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var second = await DotnetBuild.RunAsync(project, "-v:m", "--no-restore");
        Assert.True(second.ExitCode == 0, second.Output);
        Assert.DoesNotContain("GEN-RAN", second.Output);

        var names = Path.Combine(_dir.Path, "schema", "names.txt");
        File.WriteAllText(names, "alpha\nbeta\ngamma\n");
        File.SetLastWriteTimeUtc(names, DateTime.UtcNow.AddSeconds(5));
        var third = await DotnetBuild.RunAsync(project, "-v:m", "--no-restore");
        Assert.True(third.ExitCode == 0, third.Output);
        Assert.Contains("GEN-RAN: 3 names", third.Output);
        Assert.Contains("\"gamma\"", File.ReadAllText(generated));
    }
}
