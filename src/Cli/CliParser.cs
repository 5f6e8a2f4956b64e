using System.Globalization;

namespace SecureExec.Cli;

/// <summary>Hand-written argument parsing: options, then the subcommand and its arguments (passed on verbatim).</summary>
internal static class CliParser
{
    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        var options = new CliOptions();
        var i = 0;
        for (; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--")
            {
                i++;
                break;
            }
            if (!arg.StartsWith('-') || arg == "-") break;
            string name = arg, value = "";
            var eq = arg.IndexOf('=');
            var inline = arg.StartsWith("--", StringComparison.Ordinal) && eq > 0;
            if (inline)
            {
                name = arg[..eq];
                value = arg[(eq + 1)..];
            }
            string Value()
            {
                if (inline) return value;
                if (i + 1 >= args.Count) throw new UsageException($"option {name} needs a value");
                return args[++i];
            }
            switch (name)
            {
                case "-h" or "--help":
                    options.Subcommand = "help";
                    return options;
                case "--version":
                    options.Subcommand = "version";
                    return options;
                case "--mount" or "-v":
                    options.Mounts.Add(ParseMount(Value()));
                    break;
                case "--cwd":
                    options.Cwd = Value();
                    if (!options.Cwd.StartsWith('/')) throw new UsageException($"--cwd needs an absolute guest path, not '{options.Cwd}'");
                    break;
                case "--env" or "-e":
                    var pair = Value();
                    var split = pair.IndexOf('=');
                    if (split <= 0) throw new UsageException($"--env needs KEY=VALUE, not '{pair}'");
                    options.Env[pair[..split]] = pair[(split + 1)..];
                    break;
                case "--allow-net":
                    if (inline) throw new UsageException("--allow-net takes no value");
                    options.AllowNet = true;
                    break;
                case "--timeout":
                    var seconds = Value();
                    if (!double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) || s <= 0 || double.IsInfinity(s))
                        throw new UsageException($"--timeout needs a positive number of seconds, not '{seconds}'");
                    options.Timeout = TimeSpan.FromSeconds(s);
                    break;
                case "--memory":
                    var mb = Value();
                    if (!long.TryParse(mb, NumberStyles.None, CultureInfo.InvariantCulture, out var m) || m <= 0 || m > 4096)
                        throw new UsageException($"--memory needs a size in MB between 1 and 4096, not '{mb}'");
                    options.MemoryBytes = m << 20;
                    break;
                case "--commands-dir":
                    options.CommandsDir = Value();
                    break;
                default:
                    throw new UsageException($"unknown option '{arg}'");
            }
        }
        if (i >= args.Count) throw new UsageException("missing command (sh, run or node)");
        options.Subcommand = args[i++];
        for (; i < args.Count; i++) options.Arguments.Add(args[i]);
        switch (options.Subcommand)
        {
            case "sh":
                if (options.Arguments.Count > 0 && options.Arguments[0] == "-c" && options.Arguments.Count < 2)
                    throw new UsageException("sh -c needs a script");
                break;
            case "run":
                if (options.Arguments.Count == 0) throw new UsageException("run needs a command (for example: run ls -l /)");
                break;
            case "node":
            case "help":
                break;
            default:
                throw new UsageException($"unknown command '{options.Subcommand}' (expected sh, run or node)");
        }
        return options;
    }

    /// <summary>HOST:GUEST[:ro|:rw], read-write unless :ro (like docker -v).</summary>
    internal static MountOptions ParseMount(string spec)
    {
        var parts = spec.Split(':');
        var readOnly = false;
        if (parts.Length == 3 && parts[2] is "ro" or "rw")
        {
            readOnly = parts[2] == "ro";
            parts = parts[..2];
        }
        if (parts.Length != 2 || parts[0].Length == 0 || parts[1].Length == 0)
            throw new UsageException($"--mount needs HOST:GUEST[:ro|:rw], not '{spec}'");
        if (!parts[1].StartsWith('/')) throw new UsageException($"--mount: the guest path must be absolute, not '{parts[1]}'");
        var host = Path.GetFullPath(parts[0]);
        if (!Directory.Exists(host)) throw new UsageException($"--mount: host directory {host} does not exist");
        return new MountOptions { HostPath = host, GuestPath = parts[1], ReadOnly = readOnly };
    }
}
