namespace SecureExec.Cli.Tests;

public class CliAppTests
{
    [Fact]
    public async Task Run_True_ExitsZero()
    {
        var (code, stdout, stderr) = await Cli.RunAsync(null, "--commands-dir", Cli.Commands, "run", "true");
        Assert.Equal("", stderr);
        Assert.Equal("", stdout);
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task Run_Echo_StreamsStdout()
    {
        var (code, stdout, _) = await Cli.RunAsync(null, "--commands-dir", Cli.Commands, "run", "echo", "hello", "world");
        Assert.Equal("hello world\n", stdout);
        Assert.Equal(0, code);
    }

    [Theory]
    [InlineData("0", 0)]
    [InlineData("3", 3)]
    [InlineData("200", 200)]
    public async Task Run_ExitCode_IsTheGuests(string guestCode, int expected)
    {
        var (code, _, _) = await Cli.RunAsync(null, "--commands-dir", Cli.TestPrograms, "run", "exit_code", guestCode);
        Assert.Equal(expected, code);
    }

    [Fact]
    public async Task Run_SignalDeath_Is128PlusSignal()
    {
        var (code, _, _) = await Cli.RunAsync(null, "--commands-dir", Cli.TestPrograms, "run", "exit_code", "raise", "15");
        Assert.Equal(143, code);
    }

    [Fact]
    public async Task Run_PipedStdin_ReachesTheGuest()
    {
        var (code, stdout, _) = await Cli.RunAsync("one\ntwo\n", "--commands-dir", Cli.TestPrograms, "run", "pipes", "copy");
        Assert.Equal("one\ntwo\n", stdout);
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task Env_And_Cwd_AreApplied()
    {
        var (code, stdout, _) = await Cli.RunAsync(null, "--commands-dir", Cli.TestPrograms, "--env", "GREETING=hi there",
            "--cwd", "/tmp", "run", "args_env", "--env", "GREETING", "PWD");
        Assert.Equal(0, code);
        Assert.Equal("argc=4\nargv[0]=args_env\nGREETING=hi there\nPWD=/tmp\n", stdout);
    }

    [Fact]
    public async Task Timeout_KillsTheGuest_With137()
    {
        var (code, _, stderr) = await Cli.RunAsync(null, "--commands-dir", Cli.TestPrograms, "--timeout", "0.3", "run", "busy_loop");
        Assert.Equal(137, code);
        Assert.Contains("timed out after 0.3s", stderr);
    }

    [Fact]
    public async Task UnknownCommand_Is127_WithMessage()
    {
        var (code, _, stderr) = await Cli.RunAsync(null, "--commands-dir", Cli.TestPrograms, "run", "no-such-command");
        Assert.Equal(127, code);
        Assert.Equal("secure-exec: no-such-command: command not found\n", stderr);
    }

    [Theory]
    [InlineData("--bogus", "run", "true")]
    [InlineData("--timeout", "soon", "run", "true")]
    [InlineData("--env", "NOEQUALS", "run", "true")]
    [InlineData("--memory", "-5", "run", "true")]
    [InlineData("--mount", "nocolon", "run", "true")]
    [InlineData("run")]
    [InlineData("frobnicate")]
    [InlineData]
    public async Task BadCommandLine_PrintsUsage_Exit2(params string[] args)
    {
        var (code, stdout, stderr) = await Cli.RunAsync(null, args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("secure-exec: ", stderr);
        Assert.Contains("usage: secure-exec", stderr);
    }

    [Fact]
    public async Task MissingCommandsDirectory_NamesThePlaceLooked()
    {
        var missing = Path.Combine(Path.GetTempPath(), "secure-exec-no-such-dir-" + Guid.NewGuid().ToString("N"));
        var (code, _, stderr) = await Cli.RunAsync(null, "--commands-dir", missing, "run", "true");
        Assert.Equal(2, code);
        Assert.Contains("commands directory not found; looked in: " + missing, stderr);
    }

    [Fact]
    public async Task Node_RunsTheGuestNodeCommand_OrSaysItIsNotAvailable()
    {
        var (code, stdout, stderr) = await Cli.RunAsync(null, "--commands-dir", Cli.Commands, "node", "-e", "console.log(6 * 7)");
        if (code == 2 && stderr.Contains("the Node driver is not available in this build"))
            return; // a build without the Node driver
        Assert.Equal("", stderr);
        Assert.Equal("42\n", stdout);
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task Help_PrintsUsage()
    {
        var (code, stdout, _) = await Cli.RunAsync(null, "--help");
        Assert.Equal(0, code);
        Assert.Contains("usage: secure-exec", stdout);
    }

    [Fact]
    public async Task Mount_ReadOnly_ShowsHostFiles_AndRefusesWrites()
    {
        var host = Directory.CreateTempSubdirectory("secure-exec-cli-mount-");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(host.FullName, "hello.txt"), "from the host\n");
            var (code, stdout, stderr) = await Cli.RunAsync(null, "--commands-dir", Cli.Commands,
                "--mount", host.FullName + ":/mnt/host:ro", "run", "cat", "/mnt/host/hello.txt");
            Assert.Equal("", stderr);
            Assert.Equal("from the host\n", stdout);
            Assert.Equal(0, code);
        }
        finally
        {
            host.Delete(recursive: true);
        }
    }
}

public class CliShellTests
{
    [Fact]
    public async Task Sh_Pipeline_BetweenGuestCommands()
    {
        var (code, stdout, stderr) = await Cli.RunAsync(null, "--commands-dir", Cli.Commands, "sh", "-c", "echo hi | cat");
        Assert.Equal("", stderr);
        Assert.Equal("hi\n", stdout);
        Assert.Equal(0, code);
    }

    [Fact]
    public async Task Sh_ExitStatus_AndSignalDeath_AreTheHostExitCode()
    {
        Assert.Equal(3, (await Cli.RunAsync(null, "--commands-dir", Cli.Commands, "sh", "-c", "exit 3")).ExitCode);
        Assert.Equal(143, (await Cli.RunAsync(null, "--commands-dir", Cli.Commands, "sh", "-c", "kill -TERM $$")).ExitCode);
    }

    [Fact]
    public async Task Sh_PositionalArguments_AndPipedScript()
    {
        var (_, stdout, _) = await Cli.RunAsync(null, "--commands-dir", Cli.Commands, "sh", "-c", "echo \"$0:$1:$2\"", "name", "a", "b c");
        Assert.Equal("name:a:b c\n", stdout);
        var (code, piped, _) = await Cli.RunAsync("echo from-stdin\n", "--commands-dir", Cli.Commands, "sh");
        Assert.Equal("from-stdin\n", piped);
        Assert.Equal(0, code);
    }
}

public class CliBrokenPipeTests
{
    /// <summary>A host stdout whose reader went away after the first write (like `secure-exec ... | head -1`).</summary>
    private sealed class ClosingStream : MemoryStream
    {
        private int _writes;

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (++_writes > 1) throw new IOException("Broken pipe");
            base.Write(buffer);
        }
    }

    [Fact]
    public async Task HostStdoutClosed_GivesTheGuestSigpipe()
    {
        var stdout = new ClosingStream();
        var code = await CliApp.RunAsync(["--commands-dir", Cli.Commands, "run", "yes"], new MemoryStream(), stdout, new MemoryStream(),
            stdinIsTerminal: true).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(141, code); // 128 + SIGPIPE
    }
}
