using System.Text;

namespace SecureExec.Cli.Tests;

/// <summary>Runs the CLI in-process with captured streams.</summary>
internal static class Cli
{
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "SecureExec.Testing.sln"))) return dir.FullName;
            throw new InvalidOperationException("SecureExec.Testing.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>The WASM driver's C test programs (exit_code, pipes, ...) as a commands directory.</summary>
    public static string TestPrograms => Path.Combine(RepoRoot, "artifacts", "testprogs");

    /// <summary>The real guest commands (sh, coreutils).</summary>
    public static string Commands => Path.Combine(RepoRoot, "artifacts", "commands");

    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string? stdin, params string[] args)
    {
        var output = new MemoryStream();
        var error = new MemoryStream();
        var input = new MemoryStream(Encoding.UTF8.GetBytes(stdin ?? ""));
        var code = await CliApp.RunAsync(args, input, output, error, stdinIsTerminal: stdin is null)
            .WaitAsync(TimeSpan.FromSeconds(60));
        return (code, Encoding.UTF8.GetString(output.ToArray()), Encoding.UTF8.GetString(error.ToArray()));
    }
}
