using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;
using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Kernel.Vfs.Host;

/// <summary>
/// Linux system calls for host mounts (x86-64 and arm64 glibc). Every host path is opened relative to a directory
/// fd and never follows a symlink: openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS), or
/// component-by-component openat(O_NOFOLLOW) where openat2 is missing (ENOSYS, kernels before 5.6).
/// Host errno values are Linux values, so they map 1:1 onto <see cref="Errno"/>.
/// </summary>
internal static unsafe partial class HostInterop
{
    public const int O_RDONLY = 0, O_WRONLY = 1, O_RDWR = 2, O_CREAT = 0x40, O_EXCL = 0x80, O_NOCTTY = 0x100,
        O_TRUNC = 0x200, O_APPEND = 0x400, O_NONBLOCK = 0x800, O_DIRECTORY = 0x10000, O_NOFOLLOW = 0x20000,
        O_CLOEXEC = 0x80000, O_PATH = 0x200000;
    public const int AT_FDCWD = -100, AT_SYMLINK_NOFOLLOW = 0x100, AT_REMOVEDIR = 0x200, AT_EMPTY_PATH = 0x1000;
    private const ulong RESOLVE_NO_MAGICLINKS = 0x02, RESOLVE_NO_SYMLINKS = 0x04, RESOLVE_BENEATH = 0x08;
    private const long SYS_openat2 = 437; // the same number on every architecture
    private const uint STATX_BASIC_STATS = 0x7FF;
    private const long UTIME_OMIT = (1L << 30) - 2;

    private static readonly long SYS_getdents64 = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 217 : 61;

    /// <summary>Set once openat2 answered ENOSYS (or by tests to exercise the fallback).</summary>
    internal static volatile bool UseOpenatFallback;

    /// <summary>The errno of the last failed call, as a kernel <see cref="Errno"/> (EIO when unknown).</summary>
    public static Errno LastError()
    {
        var e = Marshal.GetLastPInvokeError();
        return Enum.IsDefined(typeof(Errno), e) && e != 0 ? (Errno)e : Errno.EIO;
    }

    private static byte[] Z(string s)
    {
        var bytes = new byte[Encoding.UTF8.GetByteCount(s) + 1];
        Encoding.UTF8.GetBytes(s, bytes);
        return bytes;
    }

    private static int Fd(SafeFileHandle h) => (int)h.DangerousGetHandle();

    /// <summary>Opens an absolute host path (the mount source, chosen by the host) as O_PATH|O_DIRECTORY.</summary>
    public static Errno OpenDirectoryPath(string hostPath, out SafeFileHandle fd)
    {
        fixed (byte* p = Z(hostPath))
            return Wrap(OpenAtRaw(AT_FDCWD, p, O_PATH | O_DIRECTORY | O_CLOEXEC, 0), out fd);
    }

    /// <summary>
    /// Opens <paramref name="relative"/> (components separated by '/', never "." or "..", "" for the directory
    /// itself) beneath <paramref name="dir"/> without following any symlink, so the result is always inside it.
    /// </summary>
    public static Errno OpenBeneath(SafeFileHandle dir, string relative, int flags, uint mode, out SafeFileHandle fd)
    {
        fd = null!;
        if (!IsSafeRelative(relative)) return Errno.EINVAL;
        flags |= O_CLOEXEC | O_NOFOLLOW;
        if (!UseOpenatFallback)
        {
            var how = new OpenHow
            {
                Flags = (ulong)flags,
                Mode = (flags & O_CREAT) != 0 ? mode : 0,
                Resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS,
            };
            long r;
            fixed (byte* p = Z(relative.Length == 0 ? "." : relative))
                r = SyscallOpenat2(SYS_openat2, Fd(dir), p, &how, (nuint)sizeof(OpenHow));
            if (r >= 0)
            {
                fd = new SafeFileHandle((nint)r, ownsHandle: true);
                return Errno.SUCCESS;
            }
            var e = LastError();
            if (e != Errno.ENOSYS) return e;
            UseOpenatFallback = true;
        }
        return OpenByComponents(dir, relative, flags, mode, out fd);
    }

    // Fallback for kernels without openat2: each intermediate directory is opened O_PATH|O_DIRECTORY|O_NOFOLLOW
    // from the previous one (a symlink fails with ELOOP/ENOTDIR), the final component with O_NOFOLLOW.
    internal static Errno OpenByComponents(SafeFileHandle dir, string relative, int flags, uint mode, out SafeFileHandle fd)
    {
        fd = null!;
        var parts = relative.Length == 0 ? ["."] : relative.Split('/');
        var current = dir;
        try
        {
            for (var i = 0; i < parts.Length; i++)
            {
                var last = i == parts.Length - 1;
                var f = last ? flags : O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
                int r;
                fixed (byte* p = Z(parts[i])) r = OpenAtRaw(Fd(current), p, f, last ? mode : 0);
                if (r < 0) return LastError();
                if (current != dir) current.Dispose();
                current = new SafeFileHandle(r, ownsHandle: true);
            }
            fd = current;
            current = dir;
            return Errno.SUCCESS;
        }
        finally
        {
            if (current != dir) current.Dispose();
        }
    }

    /// <summary>Relative paths handed to the host: no "", ".", ".." components, not absolute.</summary>
    private static bool IsSafeRelative(string relative)
    {
        if (relative.Length == 0) return true;
        if (relative[0] == '/' || relative.Contains('\0')) return false;
        foreach (var part in relative.Split('/'))
            if (part is "" or "." or "..") return false;
        return true;
    }

    private static bool IsSafeName(string name) => name is not ("" or "." or "..") && !name.Contains('/') && !name.Contains('\0');

    /// <summary>statx of an open fd (AT_EMPTY_PATH).</summary>
    public static Errno Fstat(SafeFileHandle fd, out Statx st)
    {
        fixed (Statx* s = &st)
        fixed (byte* p = Z(""))
            return StatxRaw(Fd(fd), p, AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, s) == 0 ? Errno.SUCCESS : LastError();
    }

    /// <summary>statx of <paramref name="name"/> in <paramref name="dir"/>, not following a symlink.</summary>
    public static Errno StatAt(SafeFileHandle dir, string name, out Statx st)
    {
        st = default;
        if (!IsSafeName(name)) return Errno.EINVAL;
        fixed (Statx* s = &st)
        fixed (byte* p = Z(name))
            return StatxRaw(Fd(dir), p, AT_SYMLINK_NOFOLLOW, STATX_BASIC_STATS, s) == 0 ? Errno.SUCCESS : LastError();
    }

    public static Errno ReadlinkAt(SafeFileHandle dir, string name, out string target)
    {
        target = "";
        if (!IsSafeName(name)) return Errno.EINVAL;
        var buffer = new byte[PathResolver.PathMax];
        nint n;
        fixed (byte* p = Z(name))
        fixed (byte* b = buffer)
            n = ReadlinkAtRaw(Fd(dir), p, b, (nuint)buffer.Length);
        if (n < 0) return LastError();
        target = Encoding.UTF8.GetString(buffer, 0, (int)n);
        return Errno.SUCCESS;
    }

    public static Errno MkdirAt(SafeFileHandle dir, string name, uint mode)
    {
        if (!IsSafeName(name)) return Errno.EINVAL;
        fixed (byte* p = Z(name)) return MkdirAtRaw(Fd(dir), p, mode) == 0 ? Errno.SUCCESS : LastError();
    }

    public static Errno UnlinkAt(SafeFileHandle dir, string name, bool directory)
    {
        if (!IsSafeName(name)) return Errno.EINVAL;
        fixed (byte* p = Z(name)) return UnlinkAtRaw(Fd(dir), p, directory ? AT_REMOVEDIR : 0) == 0 ? Errno.SUCCESS : LastError();
    }

    public static Errno RenameAt(SafeFileHandle oldDir, string oldName, SafeFileHandle newDir, string newName)
    {
        if (!IsSafeName(oldName) || !IsSafeName(newName)) return Errno.EINVAL;
        fixed (byte* a = Z(oldName))
        fixed (byte* b = Z(newName))
            return RenameAtRaw(Fd(oldDir), a, Fd(newDir), b) == 0 ? Errno.SUCCESS : LastError();
    }

    /// <summary>linkat without AT_SYMLINK_FOLLOW: links the entry itself.</summary>
    public static Errno LinkAt(SafeFileHandle oldDir, string oldName, SafeFileHandle newDir, string newName)
    {
        if (!IsSafeName(oldName) || !IsSafeName(newName)) return Errno.EINVAL;
        fixed (byte* a = Z(oldName))
        fixed (byte* b = Z(newName))
            return LinkAtRaw(Fd(oldDir), a, Fd(newDir), b, 0) == 0 ? Errno.SUCCESS : LastError();
    }

    public static Errno SymlinkAt(string target, SafeFileHandle dir, string name)
    {
        if (!IsSafeName(name) || target.Contains('\0')) return Errno.EINVAL;
        fixed (byte* t = Z(target))
        fixed (byte* p = Z(name))
            return SymlinkAtRaw(t, Fd(dir), p) == 0 ? Errno.SUCCESS : LastError();
    }

    // chmod and utimens go through /proc/self/fd/N of an O_PATH fd: that magic link resolves to exactly the inode
    // the fd pins (which openat2 found beneath the mount), so a symlink swapped in meanwhile cannot redirect it.
    public static Errno Fchmod(SafeFileHandle pathFd, uint mode)
    {
        fixed (byte* p = Z($"/proc/self/fd/{Fd(pathFd)}"))
            return FchmodAtRaw(AT_FDCWD, p, mode, 0) == 0 ? Errno.SUCCESS : LastError();
    }

    public static Errno Futimens(SafeFileHandle pathFd, Timespec? atime, Timespec? mtime)
    {
        var times = stackalloc KernelTimespec[2];
        times[0] = atime is { } a ? new KernelTimespec { Seconds = a.Seconds, Nanoseconds = a.Nanoseconds } : new KernelTimespec { Nanoseconds = UTIME_OMIT };
        times[1] = mtime is { } m ? new KernelTimespec { Seconds = m.Seconds, Nanoseconds = m.Nanoseconds } : new KernelTimespec { Nanoseconds = UTIME_OMIT };
        fixed (byte* p = Z($"/proc/self/fd/{Fd(pathFd)}"))
            return UtimensAtRaw(AT_FDCWD, p, times, 0) == 0 ? Errno.SUCCESS : LastError();
    }

    public static Errno Ftruncate(SafeFileHandle fd, long length) => FtruncateRaw(Fd(fd), length) == 0 ? Errno.SUCCESS : LastError();

    public static Errno Pread(SafeFileHandle fd, Span<byte> buffer, long offset, out int read)
    {
        read = 0;
        nint n;
        fixed (byte* b = buffer) n = PreadRaw(Fd(fd), b, (nuint)buffer.Length, offset);
        if (n < 0) return LastError();
        read = (int)n;
        return Errno.SUCCESS;
    }

    public static Errno Pwrite(SafeFileHandle fd, ReadOnlySpan<byte> data, long offset, out int written)
    {
        written = 0;
        nint n;
        fixed (byte* b = data) n = PwriteRaw(Fd(fd), b, (nuint)data.Length, offset);
        if (n < 0) return LastError();
        written = (int)n;
        return Errno.SUCCESS;
    }

    /// <summary>All entries of an open directory (without "." and ".."), via getdents64 from offset 0.</summary>
    public static Errno ReadDirectory(SafeFileHandle dirFd, out List<(string Name, ulong Ino, byte Type)> entries)
    {
        entries = [];
        if (LseekRaw(Fd(dirFd), 0, 0) < 0) return LastError();
        var buffer = new byte[32768];
        while (true)
        {
            long n;
            fixed (byte* b = buffer) n = SyscallGetdents64(SYS_getdents64, Fd(dirFd), b, (nuint)buffer.Length);
            if (n < 0) return LastError();
            if (n == 0) return Errno.SUCCESS;
            var offset = 0;
            while (offset < n)
            {
                var ino = BitConverter.ToUInt64(buffer, offset);
                var reclen = BitConverter.ToUInt16(buffer, offset + 16);
                var type = buffer[offset + 18];
                var nameStart = offset + 19;
                var nameEnd = Array.IndexOf(buffer, (byte)0, nameStart, reclen - 19);
                var name = Encoding.UTF8.GetString(buffer, nameStart, (nameEnd < 0 ? offset + reclen : nameEnd) - nameStart);
                if (name is not ("." or "..")) entries.Add((name, ino, type));
                offset += reclen;
            }
        }
    }

    /// <summary>d_type → <see cref="FileType"/>.</summary>
    public static FileType DirentType(byte type) => type switch
    {
        1 => FileType.Fifo,
        2 => FileType.CharDevice,
        4 => FileType.Directory,
        6 => FileType.BlockDevice,
        8 => FileType.Regular,
        10 => FileType.Symlink,
        12 => FileType.Socket,
        _ => FileType.Unknown,
    };

    private static Errno Wrap(int r, out SafeFileHandle fd)
    {
        if (r < 0)
        {
            fd = null!;
            return LastError();
        }
        fd = new SafeFileHandle(r, ownsHandle: true);
        return Errno.SUCCESS;
    }
}
