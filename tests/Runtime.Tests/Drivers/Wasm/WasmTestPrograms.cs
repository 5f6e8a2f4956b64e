namespace SecureExec.Testing.Tests.Drivers.Wasm;

/// <summary>
/// The C test programs of Programs/*.c, built by commands/Makefile into artifacts/testprogs/NAME.wasm. A runtime
/// made with <see cref="CreateRuntimeAsync"/> registers each of them as a command named after its file.
/// </summary>
internal static class WasmTestPrograms
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

    public static string Directory
    {
        get
        {
            var dir = Path.Combine(RepoRoot, "artifacts", "testprogs");
            if (!System.IO.Directory.Exists(dir))
                throw new InvalidOperationException($"{dir} is missing: build the test programs with `make -C commands` (or a full `dotnet build`)");
            return dir;
        }
    }

    public static Task<NodeRuntime> CreateRuntimeAsync(NodeRuntimeOptions? options = null) =>
        NodeRuntime.CreateAsync((options ?? new NodeRuntimeOptions()) with { CommandsDir = Directory });

    /// <summary>Runs one test program in a fresh runtime.</summary>
    public static async Task<ExecResult> RunAsync(string program, params string[] args)
    {
        await using var runtime = await CreateRuntimeAsync();
        return await runtime.ExecCommandAsync(program, args, new ExecOptions { Timeout = TimeSpan.FromSeconds(30) });
    }
}
