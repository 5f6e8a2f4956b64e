using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace SecureExec.Testing.MSBuild;

public sealed partial class RunSandboxedNode
{
    /// <summary>
    /// After success: the declared <see cref="OutputFiles"/>, or everything under the guest output directory, copied
    /// from the VM to the host. Read through guest commands (find, cat): the task uses only the public API.
    /// </summary>
    private bool CopyOutputs(NodeRuntime runtime, RunPlan plan, CancellationToken token)
    {
        if (plan.OutputDirectory is null && plan.OutputFiles.Count == 0) return true;
        var files = plan.OutputFiles.ToList();
        if (files.Count == 0)
        {
            var list = runtime.ExecCommandAsync("find", [plan.GuestOutputDirectory, "-type", "f"], null, token).GetAwaiter().GetResult();
            if (list.ExitCode != 0) return CopyFailed($"cannot list {plan.GuestOutputDirectory} in the VM: {list.Stderr.Trim()}");
            foreach (var guest in list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal))
            {
                GuestPath.IsUnder(guest, plan.GuestOutputDirectory, out var rel);
                files.Add(new OutputFile(guest, Path.Combine(plan.OutputDirectory!, rel.Replace('/', Path.DirectorySeparatorChar))));
            }
        }
        var copied = new List<ITaskItem>();
        foreach (var file in files)
        {
            var read = runtime.ExecCommandAsync("cat", [file.GuestPath], null, token).GetAwaiter().GetResult();
            if (read.ExitCode != 0) return CopyFailed($"the declared output {file.GuestPath} was not produced in the VM ({read.Stderr.Trim()})");
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file.HostPath)!);
                File.WriteAllBytes(file.HostPath, read.StdoutBytes);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return CopyFailed($"cannot write {file.HostPath}: {ex.Message}");
            }
            Log.LogMessage(MessageImportance.Low, "RunSandboxedNode: copied {0} (VM) to {1}", file.GuestPath, file.HostPath);
            copied.Add(new TaskItem(file.HostPath));
        }
        CopiedFiles = [.. copied];
        return true;
    }

    private bool CopyFailed(string message)
    {
        Log.LogError(null, ErrorCodes.OutputCopyFailed, null, null, 0, 0, 0, 0, "RunSandboxedNode: {0}", message);
        return false;
    }
}
