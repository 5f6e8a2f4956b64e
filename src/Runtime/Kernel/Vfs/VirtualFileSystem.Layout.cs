using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Vfs.Memory;

namespace SecureExec.Testing.Kernel.Vfs;

/// <summary>The directory tree a new VM starts with (a small Debian 12-like root).</summary>
internal sealed partial class VirtualFileSystem
{
    /// <summary>The VM's host name (/etc/hostname, /proc/sys/kernel/hostname).</summary>
    public const string HostName = "sandbox";

    private void CreateDefaultLayout()
    {
        var host = PathContext.Host;
        foreach (var (path, mode) in new (string, uint)[]
                 {
                     ("/usr", 0x1ED), ("/usr/bin", 0x1ED), ("/usr/local", 0x1ED), ("/usr/local/bin", 0x1ED),
                     ("/usr/lib", 0x1ED), ("/tmp", 0x3FF), ("/root", 0x1C0), ("/etc", 0x1ED), ("/dev", 0x1ED),
                     ("/proc", 0x16D), ("/home", 0x1ED), ("/var", 0x1ED), ("/var/tmp", 0x3FF),
                 })
        {
            Check(Mkdir(host, path, mode), path);
            Check(Chmod(host, path, mode, followSymlinks: false), path); // exact mode, umask aside (/tmp is 1777)
        }
        Check(Symlink(host, "usr/bin", "/bin"), "/bin"); // Debian 12 (merged /usr)
        Check(WriteAllText("/etc/passwd", "root:x:0:0:root:/root:/bin/sh\n"), "/etc/passwd");
        Check(WriteAllText("/etc/group", "root:x:0:\n"), "/etc/group");
        Check(WriteAllText("/etc/hostname", HostName + "\n"), "/etc/hostname");
        Check(WriteAllText("/etc/hosts", "127.0.0.1 localhost\n::1 localhost\n"), "/etc/hosts");
        CreateDevices();
        MountProc();
    }

    private static void Check(Errno e, string path)
    {
        if (e != Errno.SUCCESS) throw new InvalidOperationException($"cannot create {path} in the VM's file system: {e.Message()}");
    }

    private void CreateDevices()
    {
        Check(Resolve(PathContext.Host, "/dev", FinalComponent.Follow, out var dev), "/dev");
        Dev.DevFileSystem.Populate(Memory, (MemoryDirectory)dev.Node!);
    }


}
