using System.Text;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Vfs;

namespace SecureExec.Testing.Tests.Commands;

/// <summary>Runs every golden case of the guest shell and coreutils inside the VM and compares exactly.</summary>
public class GoldenCaseTests
{
    public static TheoryData<string> Cases()
    {
        var excluded = GoldenCases.Excluded();
        var data = new TheoryData<string>();
        foreach (var c in GoldenCases.All())
            if (!excluded.ContainsKey(c)) data.Add(c);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Case_RunInTheVm_MatchesLinux(string name)
    {
        var script = Path.Combine(GoldenCases.Root, name + ".sh");
        var fileName = Path.GetFileName(script);
        const string work = "/tmp/golden";
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { Cwd = "/" });
        var fs = rt.Kernel.FileSystem;
        Assert.Equal(Errno.SUCCESS, fs.Mkdir(PathContext.Host, work, 0x1ED));
        Assert.Equal(Errno.SUCCESS, fs.WriteAllBytes(work + "/" + fileName, File.ReadAllBytes(script)));

        // Exactly the environment generate.sh gives the host tools.
        var result = await rt.ExecCommandAsync("env",
            ["-i", "PATH=/usr/local/bin:/usr/bin:/bin", "HOME=" + work, "LC_ALL=C", "TZ=UTC", "sh", fileName],
            new ExecOptions { Cwd = work, Timeout = TimeSpan.FromSeconds(20) });

        var expectedOut = File.ReadAllText(Path.ChangeExtension(script, ".out"));
        var expectedErr = File.ReadAllText(Path.ChangeExtension(script, ".err"));
        var expectedStatus = int.Parse(File.ReadAllText(Path.ChangeExtension(script, ".status")).Trim());
        var report = new StringBuilder()
            .AppendLine($"status {result.ExitCode}, expected {expectedStatus}")
            .AppendLine("--- stdout").AppendLine(result.Stdout)
            .AppendLine("--- stderr").AppendLine(result.Stderr).ToString();
        Assert.True(expectedOut == result.Stdout, "stdout differs\n--- expected\n" + expectedOut + "\n" + report);
        Assert.True(expectedErr == result.Stderr, "stderr differs\n--- expected\n" + expectedErr + "\n" + report);
        Assert.True(expectedStatus == result.ExitCode, report);
    }

    [Fact]
    public void Excluded_EveryEntryNamesAnExistingCaseAndGivesAReason()
    {
        var all = GoldenCases.All().ToHashSet();
        foreach (var (name, reason) in GoldenCases.Excluded())
        {
            Assert.True(all.Contains(name), $"golden/EXCLUDED names '{name}', which is not a case");
            Assert.False(string.IsNullOrWhiteSpace(reason), $"golden/EXCLUDED: '{name}' needs a one-line reason");
        }
    }
}
