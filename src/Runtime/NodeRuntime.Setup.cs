using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Vfs;

namespace SecureExec.Testing;

/// <summary>Preparing a new VM's file system from <see cref="NodeRuntimeOptions"/>: mounts, node_modules, cwd, seeded files.</summary>
public sealed partial class NodeRuntime
{
    private static void SetUpFileSystem(VirtualFileSystem fs, NodeRuntimeOptions options)
    {
        foreach (var mount in options.Mounts)
            Mount(fs, mount.HostPath, mount.GuestPath, mount.ReadOnly, "mount");
        if (options.NodeModules is { } nodeModules)
            Mount(fs, nodeModules, NodeRuntimeOptions.NodeModulesGuestPath, readOnly: true, "NodeModules");
        if (!options.Cwd.StartsWith('/')) throw new ArgumentException($"the working directory must be an absolute guest path: '{options.Cwd}'", nameof(options));
        var e = fs.MkdirAll(options.Cwd);
        if (e is not (Errno.SUCCESS or Errno.EEXIST))
            throw new ArgumentException($"cannot create the working directory {options.Cwd} in the VM: {e.Message()}", nameof(options));
        foreach (var (path, content) in options.Files ?? new Dictionary<string, FileContent>())
            Seed(fs, options.Cwd, path, content);
    }

    private static void Mount(VirtualFileSystem fs, string hostPath, string guestPath, bool readOnly, string what)
    {
        if (string.IsNullOrEmpty(hostPath)) throw new ArgumentException($"{what} at {guestPath}: the host path is empty", "options");
        var host = Path.GetFullPath(hostPath);
        if (!Directory.Exists(host)) throw new ArgumentException($"cannot mount {host} at {guestPath} ({what}): the host directory does not exist", "options");
        var e = fs.Mount(guestPath, host, readOnly);
        if (e != Errno.SUCCESS)
            throw new ArgumentException($"cannot mount {host} at {guestPath} ({what}): {MountFailure(e)}", "options");
    }

    /// <summary>Why a mount failed, with the fix where there is one.</summary>
    private static string MountFailure(Errno e) => e switch
    {
        Errno.EINVAL => "the guest path lies inside another mount, and mount points must be directories of the VM's own file system; choose a guest path outside that mount (or mount the outer directory only)",
        Errno.EBUSY => "another host directory is already mounted there; mount each guest path once",
        _ => e.Message(),
    };

    private static void Seed(VirtualFileSystem fs, string cwd, string path, FileContent content)
    {
        if (string.IsNullOrEmpty(path) || path.Contains('\0') || path.EndsWith('/'))
            throw new ArgumentException($"Files entry '{path}': not a file path", "options");
        var full = GuestPath.Combine(cwd, path);
        var e = fs.WriteAllBytes(full, content.Bytes.Span);
        if (e != Errno.SUCCESS)
            throw new ArgumentException($"Files entry '{path}': cannot write {full} in the VM: {e} ({e.Message()})", "options");
    }
}
