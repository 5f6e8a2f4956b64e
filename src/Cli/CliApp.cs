using System.Diagnostics;
using System.Reflection;
using System.Text;
using SecureExec.Testing.Abi;

namespace SecureExec.Cli;

/// <summary>
/// The secure-exec command line, callable in-process (tests call <see cref="RunAsync"/> with their own streams).
/// Uses only the public API of SecureExec.Testing.
/// </summary>
public static class CliApp
{
    /// <summary>Exit code for a command line or configuration the CLI cannot run.</summary>
    public const int UsageExitCode = 2;

    public const string Usage =
        """
        usage: secure-exec [options] sh [-c SCRIPT | FILE] [ARGS...]     run the guest shell
               secure-exec [options] run COMMAND [ARGS...]                run a guest command (ls, cat, ...)
               secure-exec [options] node [-e CODE | -p EXPR | FILE | -] [ARGS...]
        options:
          --mount HOST:GUEST[:ro|:rw]  mount a host directory (read-write unless :ro); repeatable
          --cwd DIR                    working directory in the VM (default /root)
          --env KEY=VALUE              set an environment variable; repeatable
          --allow-net                  allow network egress
          --timeout SECONDS            kill the command (SIGKILL) after this long
          --memory MB                  linear memory limit of each guest process (default 512)
          --commands-dir DIR           directory of the guest commands (*.wasm)
          -h, --help                   show this help
        Nothing inside the VM reaches host files (except mounts) or host processes.
        The exit code is the guest's (128+n when a signal ended it).
        """;

    public static async Task<int> RunAsync(string[] args, Stream stdin, Stream stdout, Stream stderr, bool stdinIsTerminal,
        CancellationToken ct = default)
    {
        var err = new Output(stderr);
        CliOptions options;
        try
        {
            options = CliParser.Parse(args);
        }
        catch (UsageException e)
        {
            err.WriteLine($"secure-exec: {e.Message}");
            err.WriteLine(Usage);
            return UsageExitCode;
        }
        switch (options.Subcommand)
        {
            case "help":
                new Output(stdout).WriteLine(Usage);
                return 0;
            case "version":
                new Output(stdout).WriteLine("secure-exec " + (typeof(CliApp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "?"));
                return 0;
        }

        NodeRuntime runtime;
        try
        {
            runtime = await NodeRuntime.CreateAsync(new NodeRuntimeOptions
            {
                CommandsDir = options.CommandsDir,
                Mounts = options.Mounts,
                Env = options.Env,
                Cwd = options.Cwd ?? "/root",
                Permissions = RuntimePermissions.Default with { NetworkEgress = options.AllowNet },
                MemoryLimitBytes = options.MemoryBytes ?? 512L << 20,
            }, ct);
        }
        catch (Exception e) when (e is DirectoryNotFoundException or NotSupportedException or ArgumentException or IOException)
        {
            err.WriteLine($"secure-exec: {e.Message}");
            return UsageExitCode;
        }

        await using (runtime)
        {
            var (command, commandArgs) = options.Subcommand switch
            {
                "sh" or "node" => (options.Subcommand, options.Arguments),
                _ => (options.Arguments[0], options.Arguments.Skip(1).ToList()),
            };
            var output = new Output(stdout);
            var clock = Stopwatch.StartNew();
            // Until the process is known to have started, stderr is held back: a VM without the guest `node`
            // command answers "command not found", which becomes the clearer message below.
            var held = new List<byte[]>();
            var holding = true;
            void OnStderr(ReadOnlyMemory<byte> chunk)
            {
                lock (held)
                {
                    if (holding)
                    {
                        held.Add(chunk.ToArray());
                        return;
                    }
                }
                err.Write(chunk.Span);
            }
            var process = await runtime.SpawnCommandAsync(command, commandArgs, new ExecOptions
            {
                Timeout = options.Timeout,
                OnStdout = chunk => output.Write(chunk.Span),
                OnStderr = OnStderr,
            }, ct);
            output.Broken = () => process.Kill(Signal.SIGPIPE);
            lock (held)
            {
                holding = false;
                if (process.Pid == 0 && command == "node" && options.Subcommand == "node")
                {
                    err.WriteLine("secure-exec: node: the Node driver is not available in this build; use `secure-exec sh` or `secure-exec run`");
                    return UsageExitCode;
                }
                foreach (var chunk in held) err.Write(chunk);
            }

            if (stdinIsTerminal) process.CloseStdin();
            else _ = PumpStdinAsync(stdin, process, ct);

            using var onCancel = ct.Register(() =>
            {
                process.Kill(Signal.SIGTERM);
                _ = Task.Delay(NodeRuntime.CancellationGracePeriod).ContinueWith(_ => process.Kill(Signal.SIGKILL), TaskScheduler.Default);
            });
            var exitCode = await process.WaitAsync(CancellationToken.None);
            if (options.Timeout is { } timeout && exitCode == 137 && clock.Elapsed >= timeout)
                err.WriteLine($"secure-exec: {command}: timed out after {timeout.TotalSeconds:0.###}s; killed with SIGKILL");
            return exitCode;
        }
    }

    /// <summary>Host stdin → guest stdin until end of file (or until the guest closes its end).</summary>
    private static async Task PumpStdinAsync(Stream stdin, CommandProcess process, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (true)
            {
                var n = await stdin.ReadAsync(buffer, ct).ConfigureAwait(false);
                if (n == 0) break;
                await process.WriteStdinAsync(buffer.AsMemory(0, n), ct).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or InvalidOperationException or ObjectDisposedException)
        {
            // The guest stopped reading, exited, or the user cancelled: nothing more to deliver.
        }
        finally
        {
            process.CloseStdin();
        }
    }

    /// <summary>A host stream written from reader threads: whole chunks, flushed at once.</summary>
    private sealed class Output(Stream stream)
    {
        public void Write(ReadOnlySpan<byte> data)
        {
            lock (stream)
            {
                try
                {
                    stream.Write(data);
                    stream.Flush();
                }
                catch (IOException)
                {
                    // The host's reader went away (e.g. `| head`): drop the output and tell the owner once, so
                    // the guest gets the SIGPIPE a native program would.
                    if (!_broken && Broken is { } broken)
                    {
                        _broken = true;
                        broken();
                    }
                }
            }
        }

        private bool _broken; // guarded by the stream lock

        /// <summary>Called once when writing to the host stream fails.</summary>
        public Action? Broken { get; set; }

        public void WriteLine(string text) => Write(Encoding.UTF8.GetBytes(text + "\n"));
    }
}
