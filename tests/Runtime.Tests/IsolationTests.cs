namespace SecureExec.Testing.Tests;

/// <summary>What docs/security.md claims about the host environment and about separate runtimes.</summary>
public sealed class IsolationTests
{
    private const string HostSecret = "SECURE_EXEC_TEST_HOST_SECRET";

    [Fact]
    public async Task HostEnvironment_NeverReachesGuests()
    {
        Environment.SetEnvironmentVariable(HostSecret, "leaked");
        try
        {
            await using var rt = await NodeRuntime.CreateAsync();
            var js = await rt.ExecAsync($"console.log(String(process.env.{HostSecret}), Object.keys(process.env).includes('{HostSecret}'))");
            Assert.Equal("undefined false\n", js.ThrowOnFailure().Stdout);
            var sh = await rt.ExecCommandAsync("sh", ["-c", $"echo \"[${HostSecret}]\"; env | grep -c {HostSecret}; cat /proc/self/environ | tr '\\0' '\\n' | grep -c leaked"]);
            Assert.Equal("[]\n0\n0\n", sh.Stdout);
        }
        finally
        {
            Environment.SetEnvironmentVariable(HostSecret, null);
        }
    }

    [Fact]
    public async Task TwoRuntimes_SeeNeitherTheOthersFilesNorProcesses()
    {
        await using var a = await NodeRuntime.CreateAsync();
        await using var b = await NodeRuntime.CreateAsync();
        await a.FileSystem.WriteFileAsync("/tmp/only-in-a.txt", "a");
        await using var sleeper = await a.SpawnCommandAsync("sh", ["-c", "sleep 31"]);

        Assert.False(await b.FileSystem.ExistsAsync("/tmp/only-in-a.txt"));
        var listing = await b.ExecCommandAsync("sh", ["-c", "ls /tmp; ls /proc | grep -c '^[0-9]'"]);
        Assert.DoesNotContain("only-in-a.txt", listing.ThrowOnFailure().Stdout, StringComparison.Ordinal);
        // a's `sleep 31` is no process of b: no /proc entry of b runs it.
        var procs = await b.ExecCommandAsync("sh", ["-c", "for p in /proc/[0-9]*; do cat $p/cmdline 2>/dev/null; echo; done | tr '\\0' ' ' | grep -c 'sleep 3[1]'"]);
        Assert.Equal("0\n", procs.Stdout);
        var inA = await a.ExecCommandAsync("sh", ["-c", "for p in /proc/[0-9]*; do cat $p/cmdline 2>/dev/null; echo; done | tr '\\0' ' ' | grep -c 'sleep 3[1]'"]);
        Assert.Equal("1\n", inA.Stdout); // the same probe sees it in a
        sleeper.Kill();
        await sleeper.WaitAsync();
    }
}
