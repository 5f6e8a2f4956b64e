namespace SecureExec.Testing.Drivers.Node;

/// <summary>What `node` was asked to do, parsed from argv like Node's option parser (the subset we support).</summary>
internal sealed record NodeCommandLine
{
    public enum RunMode { File, Eval, Print, Stdin, Version, Help, Test }

    public RunMode Mode { get; init; } = RunMode.Stdin;
    /// <summary>The script path (File), the code (Eval, Print), or "-" when stdin was named (Stdin).</summary>
    public string Payload { get; init; } = "";
    /// <summary>process.argv[1]: the script path, or "-" for `node -`; none for -e/-p code or stdin without "-".</summary>
    public string? ScriptArg => Mode == RunMode.File || (Mode == RunMode.Stdin && Payload == "-") ? Payload : null;
    /// <summary>Arguments after the script (process.argv[2..]).</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];
    /// <summary>Options before the script (process.execArgv).</summary>
    public IReadOnlyList<string> ExecArgv { get; init; } = [];
    /// <summary>--input-type=module for -e/-p/stdin code.</summary>
    public bool InputIsModule { get; init; }
    /// <summary>The module file name given to -e/-p/stdin code (<see cref="EvalFilenameOption"/>; the host's ExecOptions.FilePath).</summary>
    public string? EvalFilename { get; init; }
    public string? Error { get; init; }

    /// <summary>Not a Node option: the runtime's way to name eval'd code (kept out of process.execArgv).</summary>
    public const string EvalFilenameOption = "--secure-exec-filename=";

    /// <summary>Every option in effect, NODE_OPTIONS first, each as "--name" or "--name=value" (for the JS side).</summary>
    public IReadOnlyList<string> Options { get; init; } = [];
    /// <summary>--env-file / --env-file-if-exists files in order (later ones win; the environment wins over all).</summary>
    public IReadOnlyList<(string Path, bool Optional)> EnvFiles { get; init; } = [];
    /// <summary>-r/--require and --import preloads in order, each ("require" | "import", specifier).</summary>
    public IReadOnlyList<(string Kind, string Specifier)> Preloads { get; init; } = [];

    /// <param name="argv">argv[0] is the command; options come before the script.</param>
    /// <param name="nodeOptions">The NODE_OPTIONS variable of the process, if set.</param>
    public static NodeCommandLine Parse(IReadOnlyList<string> argv, string? nodeOptions = null)
    {
        string? evalFilename = null;
        var execArgv = new List<string>();
        var options = new List<string>();
        var preloads = new List<(string, string)>();
        var envFiles = new List<(string, bool)>();
        var mode = RunMode.Stdin;
        string? payload = null;
        var module = false;
        var test = false;

        // One option (from argv or NODE_OPTIONS): null when fine, else Node's error text.
        string? Apply(string name, string? value, bool fromEnv)
        {
            if (!NodeOptions.Known.TryGetValue(name, out var option))
                return fromEnv ? $"{name} is not allowed in NODE_OPTIONS" : $"bad option: {name}";
            if (fromEnv && !option.Env) return $"{name} is not allowed in NODE_OPTIONS";
            if (option.Support == NodeOptions.Support.Unsupported)
                return $"{name} is not supported in this sandbox (docs/compatibility.md lists the Node options)";
            options.Add(value is null ? name : name + "=" + value);
            switch (name)
            {
                case "-e" or "--eval" or "-p" or "--print" or "-pe":
                    mode = name is "-e" or "--eval" ? RunMode.Eval : RunMode.Print;
                    payload = value;
                    break;
                case "--input-type":
                    if (value is not ("module" or "commonjs")) return $"--input-type must be \"module\" or \"commonjs\"";
                    module = value == "module";
                    break;
                case "-r" or "--require": preloads.Add(("require", value!)); break;
                case "--import": preloads.Add(("import", value!)); break;
                case "--env-file" or "--env-file-if-exists": envFiles.Add((value!, name == "--env-file-if-exists")); break;
                case "--test": test = true; break;
            }
            return null;
        }

        if (!string.IsNullOrWhiteSpace(nodeOptions))
        {
            var tokens = NodeOptions.SplitEnv(nodeOptions);
            for (var t = 0; t < tokens.Count; t++)
            {
                var (name, value) = SplitOption(tokens[t]);
                if (NodeOptions.Known.TryGetValue(name, out var known) && known.TakesValue && value is null)
                {
                    if (t + 1 >= tokens.Count) return new NodeCommandLine { Error = $"{name} requires an argument" };
                    value = tokens[++t];
                }
                if (Apply(name, value, true) is { } error) return new NodeCommandLine { Error = error };
            }
        }

        var i = 1;
        for (; i < argv.Count; i++)
        {
            var a = argv[i];
            if (a == "--")
            {
                i++;
                break;
            }
            if (a == "-" || !a.StartsWith('-')) break;
            if (a.StartsWith(EvalFilenameOption, StringComparison.Ordinal) && a.Length > EvalFilenameOption.Length && a[EvalFilenameOption.Length] == '/')
            {
                evalFilename = a[EvalFilenameOption.Length..];
                continue;
            }
            if (a is "-v" or "--version") return new NodeCommandLine { Mode = RunMode.Version };
            if (a is "-h" or "--help") return new NodeCommandLine { Mode = RunMode.Help };
            execArgv.Add(a);
            var (name, value) = SplitOption(a);
            if (NodeOptions.Known.TryGetValue(name, out var option) && option.TakesValue && value is null)
            {
                if (i + 1 >= argv.Count) return new NodeCommandLine { Error = $"{name} requires an argument" };
                value = argv[++i];
                execArgv.Add(value);
            }
            if (Apply(name, value, false) is { } error) return new NodeCommandLine { Error = error };
        }
        var common = new NodeCommandLine { ExecArgv = execArgv, Options = options, Preloads = preloads, EnvFiles = envFiles, InputIsModule = module, EvalFilename = evalFilename };
        if (test && payload is null)
            return common with { Mode = RunMode.Test, Arguments = [.. argv.Skip(i)] };
        if (payload is not null)
            return common with { Mode = mode, Payload = payload, Arguments = [.. argv.Skip(i)] };
        if (i < argv.Count && argv[i] != "-")
            return common with { Mode = RunMode.File, Payload = argv[i], Arguments = [.. argv.Skip(i + 1)] };
        // `node - args`: Node keeps the '-' as process.argv[1]
        return common with { Mode = RunMode.Stdin, Payload = i < argv.Count ? "-" : "", Arguments = [.. argv.Skip(i + 1)] };
    }

    /// <summary>"--name=value" → (name, value); a short option or one without "=" has no value yet.</summary>
    /// Words may be separated by '_' as well as '-' (Node: --pending_deprecation is --pending-deprecation).
    private static (string Name, string? Value) SplitOption(string a)
    {
        if (!a.StartsWith("--", StringComparison.Ordinal)) return (a, null);
        var eq = a.IndexOf('=');
        var name = eq > 2 ? a[..eq] : a;
        return ("--" + name[2..].Replace('_', '-'), eq > 2 ? a[(eq + 1)..] : null);
    }
}
