namespace SecureExec.Testing.Tests.Drivers.Node;

/// <summary>Runs Cases/NAME.js (or NAME.mjs) in the VM and compares stdout with NAME.out recorded from real Node.</summary>
public sealed class GoldenCaseTests
{
    // Found from the repository root: CI builds map source paths (/_/...), so [CallerFilePath] is not a real path there.
    private static string CasesDirectory() =>
        Path.Combine(Commands.GoldenCases.FindRepoRoot(), "tests", "Runtime.Tests", "Drivers", "Node", "Cases");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(CasesDirectory(), "*.*js").Where(f => f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".mjs", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Case_Output_MatchesRecordedNode(string file)
    {
        using var vm = new NodeHarness();
        var name = Path.GetFileNameWithoutExtension(file);
        vm.WriteFile($"/app/{file}", File.ReadAllText(Path.Combine(CasesDirectory(), file)));
        var r = vm.Run(["node", $"/app/{file}"], cwd: "/app");
        var expected = File.ReadAllText(Path.Combine(CasesDirectory(), name + ".out"));
        Assert.True(r.Stderr == "", r.Stderr);
        var expectedLines = expected.Split('\n');
        var actualLines = r.Stdout.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "<none>";
            var a = i < actualLines.Length ? actualLines[i] : "<none>";
            Assert.True(e == a, $"line {i + 1}:\nexpected: {e}\nactual:   {a}");
        }
    }
}
