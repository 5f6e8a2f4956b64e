namespace SecureExec.Testing.Drivers.Node;

/// <summary>What `node` was asked to do, parsed from argv like Node's option parser (the subset we support).</summary>
internal sealed record NodeCommandLine
{
    public enum RunMode { File, Eval, Print, Stdin, Version, Help, Test }

    public RunMode Mode { get; init; } = RunMode.Stdin;
    /// <summary>The script path (File) or the code (Eval, Print).</summary>
    public string Payload { get; init; } = "";
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

    public static NodeCommandLine Parse(IReadOnlyList<string> argv)
    {
        string? evalFilename = null;
        var execArgv = new List<string>();
        var mode = RunMode.Stdin;
        string? payload = null;
        var module = false;
        var test = false;
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
            execArgv.Add(a);
            switch (a)
            {
                case "-v" or "--version":
                    return new NodeCommandLine { Mode = RunMode.Version };
                case "-h" or "--help":
                    return new NodeCommandLine { Mode = RunMode.Help };
                case "-e" or "--eval" or "-p" or "--print" or "-pe":
                    if (i + 1 >= argv.Count) return new NodeCommandLine { Error = $"{a} requires an argument" };
                    mode = a is "-e" or "--eval" ? RunMode.Eval : RunMode.Print;
                    payload = argv[++i];
                    execArgv.Add(payload);
                    break;
                case "--input-type=module":
                    module = true;
                    break;
                case "-r" or "--require" or "--import" or "--loader" or "--test-name-pattern" or "--test-skip-pattern"
                    or "--test-reporter" or "--test-reporter-destination" or "--test-concurrency" or "--test-timeout":
                    if (i + 1 < argv.Count) execArgv.Add(argv[++i]);
                    break;
                case "--test":
                    test = true;
                    break;
                default:
                    if (a.StartsWith("--eval=", StringComparison.Ordinal) || a.StartsWith("--print=", StringComparison.Ordinal))
                    {
                        mode = a.StartsWith("--eval=", StringComparison.Ordinal) ? RunMode.Eval : RunMode.Print;
                        payload = a[(a.IndexOf('=') + 1)..];
                    }
                    break; // other V8/Node flags are accepted and ignored
            }
        }
        if (test && payload is null)
            return new NodeCommandLine { Mode = RunMode.Test, Arguments = [.. argv.Skip(i)], ExecArgv = execArgv };
        if (payload is not null)
            return new NodeCommandLine { Mode = mode, Payload = payload, Arguments = [.. argv.Skip(i)], ExecArgv = execArgv, InputIsModule = module, EvalFilename = evalFilename };
        if (i < argv.Count && argv[i] != "-")
            return new NodeCommandLine { Mode = RunMode.File, Payload = argv[i], Arguments = [.. argv.Skip(i + 1)], ExecArgv = execArgv };
        return new NodeCommandLine { Mode = RunMode.Stdin, Arguments = [.. argv.Skip(i + 1)], ExecArgv = execArgv, InputIsModule = module, EvalFilename = evalFilename };
    }
}
