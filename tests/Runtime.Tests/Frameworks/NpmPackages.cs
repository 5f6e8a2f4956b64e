using System.Diagnostics;
using SecureExec.Testing.Tests.Commands;

namespace SecureExec.Testing.Tests.Frameworks;

/// <summary>The framework versions the framework tests were written against.</summary>
public sealed class NpmPackages() : NpmInstall("frameworks",
    ["express@5.3.0", "koa@3.3.0", "hono@4.13.19", "@hono/node-server@2.1.9", "fastify@5.12.8"]);

/// <summary>
/// Installs pinned npm packages once per test run into the gitignored <c>tests/.npm-cache/NAME</c> (host npm,
/// registry access needed the first time); tests mount its node_modules read-only into the VM.
/// </summary>
public abstract class NpmInstall(string name, string[] packages) : IAsyncLifetime
{
    public IReadOnlyList<string> Packages { get; } = packages;

    /// <summary>The folder holding package.json and node_modules.</summary>
    public string Root { get; } = Path.Combine(GoldenCases.FindRepoRoot(), "tests", ".npm-cache", name);

    public string NodeModules => Path.Combine(Root, "node_modules");

    // One install at a time per folder: two test classes sharing a fixture type each get an instance, and two
    // concurrent `npm install`s into one folder leave it broken (seen in CI: packages without their files).
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, SemaphoreSlim> s_installs = new();

    public async Task InitializeAsync()
    {
        var gate = s_installs.GetOrAdd(Root, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync();
        try
        {
            await InstallAsync();
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task InstallAsync()
    {
        var root = Root;
        var stamp = Path.Combine(root, "installed.txt");
        var wanted = string.Join('\n', Packages);
        if (File.Exists(stamp) && await File.ReadAllTextAsync(stamp) == wanted && Directory.Exists(NodeModules)) return;
        Directory.CreateDirectory(root);
        if (!File.Exists(Path.Combine(root, "package.json"))) await File.WriteAllTextAsync(Path.Combine(root, "package.json"), "{ \"private\": true }\n");
        var psi = new ProcessStartInfo("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--prefix", root, .. packages])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var npm = Process.Start(psi) ?? throw new InvalidOperationException("cannot start npm: the framework tests need Node.js's npm on PATH");
        var stderr = npm.StandardError.ReadToEndAsync();
        await npm.StandardOutput.ReadToEndAsync();
        await npm.WaitForExitAsync();
        if (npm.ExitCode != 0) throw new InvalidOperationException($"npm install {string.Join(' ', Packages)} failed ({npm.ExitCode}): {await stderr}");
        await File.WriteAllTextAsync(stamp, wanted);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
