using System.Text.RegularExpressions;
using Microsoft.Build.Framework;

namespace SecureExec.Testing.MSBuild;

public sealed partial class RunSandboxedNode
{
    /// <summary>Checks the parameters and translates them into a plan; null after logging <see cref="ErrorCodes.InvalidParameter"/> errors.</summary>
    internal RunPlan? Prepare()
    {
        var ok = true;
        void Invalid(string message)
        {
            Log.LogError(null, ErrorCodes.InvalidParameter, null, null, 0, 0, 0, 0, "RunSandboxedNode: {0}", message);
            ok = false;
        }

        var given = new[] { (nameof(Script), Script), (nameof(Code), Code), (nameof(Command), Command) }
            .Where(p => !string.IsNullOrEmpty(p.Item2)).Select(p => p.Item1).ToList();
        if (given.Count != 1)
            Invalid(given.Count == 0
                ? "give one of Script, Code or Command"
                : $"give only one of Script, Code or Command (got {string.Join(" and ", given)})");

        var projectDirectory = Path.GetFullPath(!string.IsNullOrEmpty(ProjectDirectory)
            ? ProjectDirectory
            : Directory.GetCurrentDirectory()); // MSBuild runs tasks in the project's directory
        string HostPath(string p) => Path.GetFullPath(p, projectDirectory);

        var mounts = new MountTable();
        if (MountProjectDirectory)
        {
            if (!Directory.Exists(projectDirectory)) Invalid($"the project directory {projectDirectory} does not exist");
            else if (mounts.Add(projectDirectory, ProjectGuestPath, readOnly: true) is { } e) Invalid(e);
        }
        foreach (var item in Mounts)
        {
            var host = HostPath(item.ItemSpec);
            var guest = item.GetMetadata("GuestPath");
            var readOnlyText = item.GetMetadata("ReadOnly");
            if (!Directory.Exists(host)) { Invalid($"mount '{item.ItemSpec}': the directory {host} does not exist"); continue; }
            if (string.IsNullOrEmpty(guest)) { Invalid($"mount '{item.ItemSpec}' has no GuestPath metadata (an absolute path in the VM)"); continue; }
            if (!TryBool(readOnlyText, true, out var readOnly)) { Invalid($"mount '{item.ItemSpec}': ReadOnly='{readOnlyText}' is not true or false"); continue; }
            if (mounts.Add(host, guest, readOnly) is { } e) Invalid(e);
        }
        string? nodeModules = null;
        if (!string.IsNullOrEmpty(NodeModulesDirectory))
        {
            // Mounted by the runtime (NodeRuntimeOptions.NodeModules); in the table only to translate paths in errors.
            nodeModules = HostPath(NodeModulesDirectory);
            if (!Directory.Exists(nodeModules)) Invalid($"NodeModulesDirectory {nodeModules} does not exist");
            else if (mounts.Add(nodeModules, NodeModulesGuestPath, readOnly: true) is { } e) Invalid(e);
        }

        var guestCwd = MountProjectDirectory ? ProjectGuestPath : "/root";
        if (!string.IsNullOrEmpty(WorkingDirectory))
        {
            var host = HostPath(WorkingDirectory);
            if (mounts.ToGuest(host) is { } g) guestCwd = g;
            else Invalid($"WorkingDirectory {host} is not inside the project directory or a mount");
        }

        string command = "";
        List<string> args = [];
        var extra = Arguments.Select(a => a.ItemSpec).ToList();
        if (!string.IsNullOrEmpty(Script))
        {
            var host = HostPath(Script);
            if (!File.Exists(host)) Invalid($"Script {host} does not exist");
            else if (mounts.ToGuest(host) is { } g) { command = "node"; args = [g, .. extra]; }
            else Invalid($"Script {host} is not inside the project directory or a mount");
        }
        else if (!string.IsNullOrEmpty(Code)) { command = "node"; args = ["--input-type=module", "-e", Code, .. extra]; }
        else if (!string.IsNullOrEmpty(Command)) { command = "sh"; args = ["-c", Command, "sh", .. extra]; }

        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in EnvironmentVariables)
        {
            var eq = pair.IndexOf('=');
            if (eq <= 0) Invalid($"EnvironmentVariables: '{pair}' is not NAME=value");
            else env[pair[..eq]] = pair[(eq + 1)..];
        }

        TimeSpan? timeout = null;
        if (Timeout <= 0) Invalid($"Timeout must be a positive number of milliseconds (got {Timeout})");
        else if (Timeout != int.MaxValue) timeout = TimeSpan.FromMilliseconds(Timeout);

        if (!TryImportance(StandardOutputImportance, out var stdoutImportance)) Invalid($"StandardOutputImportance '{StandardOutputImportance}' is not High, Normal or Low");
        if (!TryImportance(StandardErrorImportance, out var stderrImportance)) Invalid($"StandardErrorImportance '{StandardErrorImportance}' is not High, Normal or Low");
        var customError = TryRegex(nameof(CustomErrorRegularExpression), CustomErrorRegularExpression, Invalid);
        var customWarning = TryRegex(nameof(CustomWarningRegularExpression), CustomWarningRegularExpression, Invalid);

        if (AllowedHosts.Length > 0 && !AllowNetwork) Invalid("AllowedHosts needs AllowNetwork=true");
        if (MemoryLimitMegabytes < 0) Invalid($"MemoryLimitMegabytes must be positive (got {MemoryLimitMegabytes})");
        if (MaxOutputBytes < 0) Invalid($"MaxOutputBytes must be positive (got {MaxOutputBytes})");

        string? outputDirectory = null;
        var guestOut = string.IsNullOrEmpty(GuestOutputDirectory) || !GuestOutputDirectory.StartsWith('/') ? null : GuestPath.Normalize(GuestOutputDirectory);
        if (guestOut is null or "/") Invalid($"GuestOutputDirectory '{GuestOutputDirectory}' must be an absolute guest path other than /");
        else if (mounts.Mounts.Any(m => GuestPath.IsUnder(guestOut, m.GuestPath, out _) || GuestPath.IsUnder(m.GuestPath, guestOut, out _)))
            Invalid($"GuestOutputDirectory {guestOut} overlaps a mount");
        if (!string.IsNullOrEmpty(OutputDirectory)) outputDirectory = HostPath(OutputDirectory);

        var outputs = new List<OutputFile>();
        foreach (var item in OutputFiles)
        {
            var host = HostPath(item.ItemSpec);
            var guest = item.GetMetadata("GuestPath");
            if (!string.IsNullOrEmpty(guest))
            {
                if (!guest.StartsWith('/')) { Invalid($"OutputFiles '{item.ItemSpec}': GuestPath '{guest}' must be absolute"); continue; }
                outputs.Add(new OutputFile(GuestPath.Normalize(guest), host));
            }
            else if (outputDirectory is not null && guestOut is not null && IsUnderHost(host, outputDirectory, out var rel))
                outputs.Add(new OutputFile(guestOut + "/" + rel.Replace(Path.DirectorySeparatorChar, '/'), host));
            else Invalid($"OutputFiles '{item.ItemSpec}': give GuestPath metadata or put the file under OutputDirectory");
        }

        if (!ok) return null;
        var options = new NodeRuntimeOptions
        {
            Cwd = guestCwd,
            CommandsDir = string.IsNullOrEmpty(CommandsDir) ? null : HostPath(CommandsDir),
            Mounts = [.. mounts.Mounts.Where(m => m.GuestPath != NodeModulesGuestPath || nodeModules is null)
                .Select(m => new MountOptions { HostPath = m.HostPath, GuestPath = m.GuestPath, ReadOnly = m.ReadOnly })],
            NodeModules = nodeModules,
            Permissions = RuntimePermissions.Default with { NetworkEgress = AllowNetwork, AllowedHosts = [.. AllowedHosts] },
        };
        if (MemoryLimitMegabytes > 0)
        {
            var bytes = (long)MemoryLimitMegabytes << 20;
            options = options with { Limits = options.Limits with { JsHeapBytes = Math.Max(RuntimeLimits.MinJsHeapBytes, bytes), WasmMemoryBytes = bytes } };
        }
        if (MaxOutputBytes > 0) options = options with { Limits = options.Limits with { MaxOutputBytes = MaxOutputBytes } };
        return new RunPlan
        {
            RuntimeOptions = options,
            Command = command,
            Arguments = args,
            GuestCwd = guestCwd,
            Env = env,
            Timeout = timeout,
            Mounts = mounts,
            StdoutImportance = stdoutImportance,
            StderrImportance = stderrImportance,
            CustomError = customError,
            CustomWarning = customWarning,
            OutputDirectory = outputDirectory,
            GuestOutputDirectory = guestOut!,
            OutputFiles = outputs,
            Display = !string.IsNullOrEmpty(Code) ? "node --input-type=module -e <Code>" + string.Concat(extra.Select(a => " " + a)) : string.Join(' ', [command, .. args]),
        };
    }

    private static bool IsUnderHost(string path, string root, out string relative)
    {
        relative = Path.GetRelativePath(root, path);
        return relative != "." && !relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative);
    }

    private static bool TryBool(string text, bool fallback, out bool value)
    {
        value = fallback;
        return string.IsNullOrEmpty(text) || bool.TryParse(text, out value);
    }

    private static bool TryImportance(string text, out MessageImportance importance) =>
        Enum.TryParse(text, ignoreCase: true, out importance) && Enum.IsDefined(importance);

    private static Regex? TryRegex(string name, string? pattern, Action<string> invalid)
    {
        if (string.IsNullOrEmpty(pattern)) return null;
        try { return new Regex(pattern, RegexOptions.None, TimeSpan.FromSeconds(1)); }
        catch (ArgumentException ex) { invalid($"{name} is not a valid regular expression: {ex.Message}"); return null; }
    }
}
