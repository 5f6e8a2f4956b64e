using System.Diagnostics;
using SecureExec.Testing.Tests.Commands;
using SecureExec.Testing.Tests.Frameworks;

namespace SecureExec.Testing.Tests.Packages;

/// <summary>Popular npm libraries and tools (issue 7's project matrix), pinned.</summary>
public sealed class MatrixPackages() : NpmInstall("matrix",
[
    "lodash@4.17.21", "semver@7.6.3", "yaml@2.6.1", "uuid@11.0.3", "chalk@5.3.0", "commander@12.1.0", "zod@3.23.8",
    "date-fns@4.1.0", "ajv@8.17.1", "marked@15.0.0", "acorn@8.14.0", "terser@5.36.0", "prettier@3.4.2", "typescript@5.7.2",
    "eslint@9.39.5",
]);

/// <summary>
/// Differential: each Scripts/NAME.mjs uses one package from npm, unchanged, and runs both in the guest (`node`, the
/// package's node_modules mounted read-only) and with the host's real `node` in the same folder; stdout must be equal.
/// </summary>
public sealed class PackageMatrixTests(MatrixPackages packages) : IClassFixture<MatrixPackages>
{
    private static string ScriptsDirectory() => Path.Combine(GoldenCases.FindRepoRoot(), "tests", "Runtime.Tests", "Packages", "Scripts");

    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var f in Directory.GetFiles(ScriptsDirectory(), "*.mjs").Order(StringComparer.Ordinal)) data.Add(Path.GetFileName(f));
        return data;
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public async Task Script_GuestOutput_EqualsHostNode(string script)
    {
        var source = await File.ReadAllTextAsync(Path.Combine(ScriptsDirectory(), script));
        var hostFile = Path.Combine(packages.Root, script);
        await File.WriteAllTextAsync(hostFile, source);
        var expected = await HostNodeAsync(hostFile);

        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions
        {
            Cwd = "/app",
            Mounts = [new MountOptions { HostPath = packages.NodeModules, GuestPath = "/app/node_modules", ReadOnly = true }],
            Files = new Dictionary<string, FileContent> { ["/app/" + script] = source },
        });
        var guest = await rt.ExecCommandAsync("node", ["/app/" + script], new ExecOptions { Timeout = TimeSpan.FromSeconds(120) });
        Assert.True(guest.ExitCode == 0, $"guest exit {guest.ExitCode}:\n{guest.Stderr}");
        Assert.Equal(expected, guest.Stdout);
    }

    private static async Task<string> HostNodeAsync(string file)
    {
        var psi = new ProcessStartInfo("node", [file]) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(file)! };
        using var node = Process.Start(psi) ?? throw new InvalidOperationException("the package matrix needs the host's node on PATH");
        var stdout = node.StandardOutput.ReadToEndAsync();
        var stderr = await node.StandardError.ReadToEndAsync();
        await node.WaitForExitAsync();
        if (node.ExitCode != 0) throw new InvalidOperationException($"host node {file} failed ({node.ExitCode}): {stderr}");
        return await stdout;
    }
}
