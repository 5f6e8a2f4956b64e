using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using SecureExec.Testing.Abi;

namespace SecureExec.Testing.MSBuild;

public sealed partial class RunSandboxedNode
{
    /// <summary>
    /// After success: the declared <see cref="OutputFiles"/>, or every file under the guest output directory, copied
    /// from the VM to the host through <see cref="NodeRuntime.FileSystem"/>.
    /// </summary>
    private bool CopyOutputs(NodeRuntime runtime, RunPlan plan, CancellationToken token)
    {
        if (plan.OutputDirectory is null && plan.OutputFiles.Count == 0) return true;
        var files = plan.OutputFiles.ToList();
        if (files.Count == 0)
        {
            foreach (var rel in ListFiles(runtime.FileSystem, plan.GuestOutputDirectory, "", token))
                files.Add(new OutputFile(plan.GuestOutputDirectory + "/" + rel, Path.Combine(plan.OutputDirectory!, rel.Replace('/', Path.DirectorySeparatorChar))));
        }
        var copied = new List<ITaskItem>();
        foreach (var file in files)
        {
            byte[] bytes;
            try
            {
                bytes = runtime.FileSystem.ReadFileAsync(file.GuestPath, token).GetAwaiter().GetResult();
            }
            catch (IOException ex)
            {
                return CopyFailed($"the declared output {file.GuestPath} was not produced in the VM ({ex.Message})");
            }
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(file.HostPath)!);
                File.WriteAllBytes(file.HostPath, bytes);
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

    /// <summary>Regular files under a guest directory, as '/'-separated relative paths (symlinks are not followed).</summary>
    private static IEnumerable<string> ListFiles(RuntimeFileSystem fs, string directory, string prefix, CancellationToken token)
    {
        foreach (var entry in fs.ListAsync(directory, token).GetAwaiter().GetResult())
        {
            var rel = prefix + entry.Name;
            if (entry.Kind == FileType.Directory)
                foreach (var nested in ListFiles(fs, directory + "/" + entry.Name, rel + "/", token)) yield return nested;
            else if (entry.Kind == FileType.Regular) yield return rel;
        }
    }

    private bool CopyFailed(string message)
    {
        Log.LogError(null, ErrorCodes.OutputCopyFailed, null, null, 0, 0, 0, 0, "RunSandboxedNode: {0}", message);
        return false;
    }
}
