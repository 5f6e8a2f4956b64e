namespace SecureExec.Testing.Tests.Reliability;

/// <summary>
/// A guest that ends up sleeping in one kind of blocking kernel wait. <see cref="Argv"/> is a command (argv[0] in
/// PATH) or, when <see cref="Js"/> is set, an ES module for `node`. <see cref="NeedsOpenStdin"/>: it blocks only
/// while the host keeps stdin open (ExecAsync closes it). <see cref="GatesStdout"/>: the host stops reading its
/// stdout so the pipe fills.
/// </summary>
public sealed record BlockingActivity(string Name, string[] Argv, string? Js = null, bool NeedsOpenStdin = false, bool GatesStdout = false)
{
    public static readonly BlockingActivity[] All =
    [
        new("pipe read (cat)", ["cat"], NeedsOpenStdin: true),
        new("pipe read (js fs.readSync)", [], Js: "import fs from 'node:fs'; fs.readSync(0, Buffer.alloc(16));", NeedsOpenStdin: true),
        new("pipe read (sleep | cat)", ["sh", "-c", "sleep 100 | cat"]),
        new("pipe write (yes, full pipe)", ["yes"], GatesStdout: true),
        new("pipe write (js fs.writeSync, full pipe)", [], Js: "import fs from 'node:fs'; const b = Buffer.alloc(65536, 120); for (;;) fs.writeSync(1, b);", GatesStdout: true),
        new("waitpid (sh waits for sleep)", ["sh", "-c", "sleep 100; echo not reached"]),
        new("sleep (wasm sleep 100)", ["sleep", "100"]),
        new("sleep (js setTimeout)", [], Js: "setTimeout(() => {}, 100000);"),
        new("socket accept (js net server)", [], Js: "import net from 'node:net'; net.createServer(() => {}).listen(4000);"),
        new("socket read (js net connection)", [], Js: """
            import net from 'node:net';
            net.createServer((c) => c.on('data', () => {})).listen(4001, () => net.connect(4001));
            """),
        new("sync child (js execFileSync sh sleep)", [], Js: "import { execFileSync } from 'node:child_process'; execFileSync('sh', ['-c', 'sleep 100']);"),
    ];

    public override string ToString() => Name;
}

/// <summary>How the test ends the blocked guest.</summary>
public enum KillMode
{
    /// <summary>CommandProcess/NodeProcess.Kill(): SIGTERM to the process only (143).</summary>
    Kill,
    /// <summary>Kill(SIGKILL) to the process only (137).</summary>
    KillSigkill,
    /// <summary>ExecAsync/ExecCommandAsync with a Timeout (137, TimedOut).</summary>
    ExecTimeout,
    /// <summary>ExecAsync/ExecCommandAsync cancelled: SIGTERM to the group, OperationCanceledException.</summary>
    Cancel,
    /// <summary>The runtime's DisposeAsync while the guest is blocked (137).</summary>
    Dispose,
}
