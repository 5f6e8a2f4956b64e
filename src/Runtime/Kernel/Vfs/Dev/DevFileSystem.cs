using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Vfs.Memory;

namespace SecureExec.Testing.Kernel.Vfs.Dev;

/// <summary>
/// Populates /dev (a directory of the in-memory file system, like devtmpfs): null, zero, full, random, urandom,
/// tty (no controlling terminal: ENXIO), the stdin/stdout/stderr/fd symlinks into /proc/self/fd, and /dev/shm.
/// </summary>
internal static class DevFileSystem
{
    public static void Populate(MemoryFileSystem fs, MemoryDirectory dev)
    {
        lock (fs.Lock)
        {
            const uint rw = 0x1B6; // 0666
            dev.Add("null", new DeviceNode(fs, 1, 3, rw, (n, o) => new NullDevice(n, o.Flags) { Path = o.Path }));
            dev.Add("zero", new DeviceNode(fs, 1, 5, rw, (n, o) => new ZeroDevice(n, o.Flags, full: false) { Path = o.Path }));
            dev.Add("full", new DeviceNode(fs, 1, 7, rw, (n, o) => new ZeroDevice(n, o.Flags, full: true) { Path = o.Path }));
            dev.Add("random", new DeviceNode(fs, 1, 8, rw, (n, o) => new RandomDevice(n, o.Flags) { Path = o.Path }));
            dev.Add("urandom", new DeviceNode(fs, 1, 9, rw, (n, o) => new RandomDevice(n, o.Flags) { Path = o.Path }));
            dev.Add("tty", new DeviceNode(fs, 5, 0, rw, (n, o) => new NullDevice(n, o.Flags), (_, _) => Errno.ENXIO));
            dev.Symlink("stdin", "/proc/self/fd/0");
            dev.Symlink("stdout", "/proc/self/fd/1");
            dev.Symlink("stderr", "/proc/self/fd/2");
            dev.Symlink("fd", "/proc/self/fd");
            dev.Mkdir("shm", 0x3FF); // 1777
        }
    }
}
