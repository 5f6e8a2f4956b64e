using System.Text;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel;
using SecureExec.Testing.Kernel.Commands;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Drivers.Node;

/// <summary>
/// The `node` command: runs guest JavaScript with a Node 22 API in V8, one engine per kernel process, on the
/// process thread. All I/O goes to the kernel.
/// </summary>
internal sealed class NodeDriver(NodeDriverOptions? options = null) : IExecutionDriver
{
    /// <summary>What process.version reports.</summary>
    public const string Version = "v22.0.0";

    private readonly NodeDriverOptions _options = options ?? NodeDriverOptions.Default;

    public string Name => "node";

    /// <summary>Registers `node` as a kernel command (it appears as /usr/bin/node).</summary>
    public static NodeDriver Register(VirtualKernel kernel, NodeDriverOptions? options = null)
    {
        var driver = new NodeDriver(options);
        kernel.Commands.Register(new CommandEntry("node", driver));
        return driver;
    }

    public ProcessOutcome Run(KernelProcess process, ExecImage image)
    {
        var nodeOptions = image.Environment.FirstOrDefault(e => e.StartsWith("NODE_OPTIONS=", StringComparison.Ordinal));
        var cmd = NodeCommandLine.Parse(image.Argv, nodeOptions?["NODE_OPTIONS=".Length..]);
        switch (cmd.Mode)
        {
            case NodeCommandLine.RunMode.Version:
                Write(process, 1, Version + "\n");
                return ProcessOutcome.Exit(0);
            case NodeCommandLine.RunMode.Help:
                Write(process, 1, "Usage: node [options] [ script.js | -e \"script\" | - ] [arguments]\n");
                return ProcessOutcome.Exit(0);
        }
        if ((cmd.Error ?? LoadEnvFiles(process, cmd)) is { } error)
        {
            Write(process, 2, $"{process.Name}: {error}\n");
            return ProcessOutcome.Exit(9); // Node's exit code for invalid arguments
        }
        using var instance = new NodeInstance(process, image, _options);
        return instance.Run(cmd);
    }

    /// <summary>--env-file: the files' variables join the environment, which keeps its own values; null or an error.</summary>
    private static string? LoadEnvFiles(KernelProcess process, NodeCommandLine cmd)
    {
        if (cmd.EnvFiles.Count == 0) return null;
        var fromFiles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (path, optional) in cmd.EnvFiles)
        {
            if (process.Kernel.FileSystem.ReadAllBytes(process.PathContext, path, out var bytes) != Errno.SUCCESS)
            {
                if (!optional) return $"{path}: not found";
                Write(process, 2, $"{path} not found. Continuing without it.\n");
                continue;
            }
            foreach (var (key, value) in DotEnv.Parse(Encoding.UTF8.GetString(bytes))) fromFiles[key] = value;
        }
        var env = process.Environment.ToList();
        foreach (var (key, value) in fromFiles.OrderBy(p => p.Key, StringComparer.Ordinal)) // Node keeps them sorted
            if (!env.Any(e => e.StartsWith(key + "=", StringComparison.Ordinal))) env.Add($"{key}={value}");
        process.Environment = env;
        return null;
    }

    private static void Write(KernelProcess process, int fd, string text) =>
        process.Write(fd, Encoding.UTF8.GetBytes(text), out _);
}
