using System.Diagnostics;
using System.Text.RegularExpressions;
using SecureExec.Testing.Tests.Commands;

namespace SecureExec.Testing.Tests.Packages;

/// <summary>
/// Differential: the CLIs of typescript, prettier and eslint (from the matrix install, unchanged) run the way users
/// run them — `node node_modules/…/bin/x ARGS` in a small project (ToolProject/: .ts/.js files, tsconfig.json,
/// eslint.config.js, .prettierrc) — in the guest (project files in the VFS at /app, node_modules mounted read-only)
/// and with the host's `node` on PATH (v20 in CI; the tools print the same with Node 22) in a copy of the project.
/// Exit code, stdout and stderr must be equal; the only normalisation is the host's project folder → /app (eslint
/// prints absolute paths) and prettier --write's per-file timings (`12ms` → `Nms`).
/// </summary>
public sealed partial class ToolCliTests(MatrixPackages packages) : IClassFixture<MatrixPackages>
{
    private static readonly string[] s_tsc = ["node_modules/typescript/bin/tsc", "-p", "."];
    private static readonly string[] s_prettier = ["node_modules/prettier/bin/prettier.cjs"];
    private static readonly string[] s_eslint = ["node_modules/eslint/bin/eslint.js", "."];

    private const string TypeError = """
        import { area } from "./shapes";

        export const wrong: string = area({ kind: "circle", size: 2 });
        export const missing = area({ kind: "triangle", size: 1 });
        """;

    private const string Unformatted = """
        const  list=[1,2,3].map( x=>x*2 )
        module.exports = {list}
        """;

    private const string LintViolations = """
        "use strict";

        let unused = 1;
        function check(a) {
          if (a == 2) return undefinedName;
          return a;
        }
        module.exports = { check };

        """;

    [Fact]
    public async Task Tsc_CleanProject_ExitsZeroAndEmitsHostJs()
    {
        await using var project = await ToolProject.CreateAsync(packages);
        var (host, guest) = await project.RunBothAsync(["node", .. s_tsc]);
        AssertSame(host, guest, expectedExit: 0);
        foreach (var file in new[] { "dist/main.js", "dist/shapes.js" })
            Assert.Equal(await File.ReadAllTextAsync(project.HostPath(file)), await project.Runtime.FileSystem.ReadAllTextAsync("/app/" + file));
    }

    [Fact]
    public async Task Tsc_TypeError_ExitsTwoWithHostDiagnostics()
    {
        await using var project = await ToolProject.CreateAsync(packages, ("src/broken.ts", TypeError));
        var (host, guest) = await project.RunBothAsync(["node", .. s_tsc]);
        AssertSame(host, guest, expectedExit: 2);
        Assert.Contains("src/broken.ts(3,14): error TS2322", guest.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrettierCheck_CleanProject_ExitsZero()
    {
        await using var project = await ToolProject.CreateAsync(packages);
        var (host, guest) = await project.RunBothAsync(["node", .. s_prettier, "--check", "."]);
        AssertSame(host, guest, expectedExit: 0);
    }

    [Fact]
    public async Task PrettierCheck_UnformattedFile_ExitsOneWithHostMessage()
    {
        await using var project = await ToolProject.CreateAsync(packages, ("src/ugly.js", Unformatted));
        var (host, guest) = await project.RunBothAsync(["node", .. s_prettier, "--check", "."]);
        AssertSame(host, guest, expectedExit: 1);
        Assert.Contains("[warn] src/ugly.js", guest.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrettierWrite_UnformattedFiles_EqualHostResult()
    {
        await using var project = await ToolProject.CreateAsync(packages, ("src/ugly.js", Unformatted), ("src/ugly.ts", "let  x : number=1;export {x}\n"));
        var (host, guest) = await project.RunBothAsync(["node", .. s_prettier, "--write", "src"]);
        AssertSame(Timings(host), Timings(guest), expectedExit: 0);
        foreach (var file in new[] { "src/ugly.js", "src/ugly.ts", "src/main.ts" })
            Assert.Equal(await File.ReadAllTextAsync(project.HostPath(file)), await project.Runtime.FileSystem.ReadAllTextAsync("/app/" + file));
        Assert.NotEqual(Unformatted, await project.Runtime.FileSystem.ReadAllTextAsync("/app/src/ugly.js"));
    }

    [Fact]
    public async Task Eslint_CleanProject_ExitsZero()
    {
        await using var project = await ToolProject.CreateAsync(packages);
        var (host, guest) = await project.RunBothAsync(["node", .. s_eslint]);
        AssertSame(host, guest, expectedExit: 0);
    }

    [Fact]
    public async Task Eslint_RuleViolation_ExitsOneWithHostReport()
    {
        await using var project = await ToolProject.CreateAsync(packages, ("src/lint.js", LintViolations));
        var (host, guest) = await project.RunBothAsync(["node", .. s_eslint]);
        AssertSame(host, guest, expectedExit: 1);
        Assert.Contains("/app/src/lint.js", guest.Stdout, StringComparison.Ordinal);
        Assert.Contains("eqeqeq", guest.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BinSymlink_ShellRunsTsc_FollowsLinkLikeHost()
    {
        await using var project = await ToolProject.CreateAsync(packages, ("src/broken.ts", TypeError));
        var (host, guest) = await project.RunBothAsync(["sh", "-c", "./node_modules/.bin/tsc -p . && echo ok"]);
        AssertSame(host, guest, expectedExit: 2);
        Assert.Contains("error TS2322", guest.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BinSymlink_NodeRunsPrettierLink_FollowsLinkLikeHost()
    {
        await using var project = await ToolProject.CreateAsync(packages, ("src/ugly.js", Unformatted));
        var (host, guest) = await project.RunBothAsync(["node", "node_modules/.bin/prettier", "--check", "src"]);
        AssertSame(host, guest, expectedExit: 1);
    }

    private static void AssertSame(ToolRun host, ToolRun guest, int expectedExit) => ToolRun.AssertSame(host, guest, expectedExit);

    /// <summary>prettier --write prints how long each file took.</summary>
    private static ToolRun Timings(ToolRun run) => run with { Stdout = Millis().Replace(run.Stdout, " Nms") };

    [GeneratedRegex(@" \d+ms\b")]
    private static partial Regex Millis();
}

internal sealed record ToolRun(int ExitCode, string Stdout, string Stderr)
{
    /// <summary>The host run exited as expected and the guest run printed and exited the same.</summary>
    public static void AssertSame(ToolRun host, ToolRun guest, int expectedExit)
    {
        Assert.True(host.ExitCode == expectedExit, $"host node exit {host.ExitCode} (expected {expectedExit}):\n{host.Stdout}\n{host.Stderr}");
        Assert.True(guest.ExitCode == host.ExitCode, $"guest exit {guest.ExitCode}, host {host.ExitCode}:\n{guest.Stdout}\n{guest.Stderr}");
        Assert.Equal(host.Stdout, guest.Stdout);
        Assert.Equal(host.Stderr, guest.Stderr);
    }
}

/// <summary>ToolProject/ plus extra files: a guest runtime with it at /app (node_modules mounted read-only) and a host
/// copy in a temporary folder whose node_modules is a symlink to the install.</summary>
internal sealed class ToolProject : IAsyncDisposable
{
    private readonly string _hostRoot;

    private ToolProject(string hostRoot, NodeRuntime runtime)
    {
        _hostRoot = hostRoot;
        Runtime = runtime;
    }

    public NodeRuntime Runtime { get; }

    public static string TemplateDirectory(string name = "ToolProject") => Path.Combine(GoldenCases.FindRepoRoot(), "tests", "Runtime.Tests", "Packages", name);

    public static Task<ToolProject> CreateAsync(MatrixPackages packages, params (string Path, string Text)[] extra) =>
        CreateAsync(packages, "ToolProject", extra);

    /// <summary>The project folder Packages/<paramref name="template"/> with <paramref name="packages"/>' node_modules.</summary>
    public static async Task<ToolProject> CreateAsync(Frameworks.NpmInstall packages, string template, params (string Path, string Text)[] extra)
    {
        template = TemplateDirectory(template);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in Directory.GetFiles(template, "*", SearchOption.AllDirectories))
            files[Path.GetRelativePath(template, f).Replace('\\', '/')] = await File.ReadAllTextAsync(f);
        foreach (var (path, text) in extra) files[path] = text;

        var hostRoot = Path.Combine(Path.GetTempPath(), "secure-exec-tools-" + Guid.NewGuid().ToString("N"));
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(hostRoot, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            await File.WriteAllTextAsync(full, text);
        }
        Directory.CreateSymbolicLink(Path.Combine(hostRoot, "node_modules"), packages.NodeModules);

        var runtime = await NodeRuntime.CreateAsync(new NodeRuntimeOptions
        {
            Cwd = "/app",
            Mounts = [new MountOptions { HostPath = packages.NodeModules, GuestPath = "/app/node_modules", ReadOnly = true }],
            Files = files.ToDictionary(kv => "/app/" + kv.Key, kv => (FileContent)kv.Value),
        });
        return new ToolProject(hostRoot, runtime);
    }

    public string HostPath(string relative) => Path.Combine(_hostRoot, relative);

    /// <summary>Runs the command line on the host first (so the guest cannot see its output files), then in the guest.</summary>
    public async Task<(ToolRun Host, ToolRun Guest)> RunBothAsync(string[] commandLine)
    {
        var host = await RunHostAsync(commandLine);
        var result = await Runtime.ExecCommandAsync(commandLine[0], commandLine[1..], new ExecOptions { Timeout = TimeSpan.FromSeconds(180) });
        return (host, new ToolRun(result.ExitCode, result.Stdout, result.Stderr));
    }

    private async Task<ToolRun> RunHostAsync(string[] commandLine)
    {
        var psi = new ProcessStartInfo(commandLine[0], commandLine[1..])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = _hostRoot,
        };
        // The host run sees what a guest process sees (PATH, HOME, ...), not the test host's environment: CI=true (or
        // another CI marker) turns on jest's --ci and colours its workers, FORCE_COLOR/NODE_OPTIONS change any tool.
        var keep = new[] { "PATH", "HOME", "USER", "LANG", "TMPDIR" }
            .Select(n => (n, v: psi.Environment.TryGetValue(n, out var v) ? v : null)).Where(e => e.v is not null).ToList();
        psi.Environment.Clear();
        foreach (var (name, value) in keep) psi.Environment[name] = value;
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("the tool tests need the host's node on PATH");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return new ToolRun(p.ExitCode, Normalize(await stdout), Normalize(await stderr));
    }

    private string Normalize(string text) => text.Replace(_hostRoot, "/app", StringComparison.Ordinal);

    public async ValueTask DisposeAsync()
    {
        await Runtime.DisposeAsync();
        Directory.Delete(_hostRoot, recursive: true);
    }
}
