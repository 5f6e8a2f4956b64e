using System.Globalization;
using System.Text;
using Microsoft.ClearScript.V8.FastProxy;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;

namespace SecureExec.Testing.Drivers.Node.Bridge;

/// <summary>fd and path system calls for <c>fs</c>, streams and the module loader.</summary>
internal sealed partial class NodeBridge
{
    private void DispatchFiles(BridgeOp op, in V8FastArgs a, in V8FastResult r)
    {
        var fs = Process.Kernel.FileSystem;
        var ctx = Process.PathContext;
        switch (op)
        {
            case BridgeOp.Write: r.Set(WriteFd(Int(a, 1), Length(a, 2), -1)); break;
            case BridgeOp.Read: r.Set(ReadFd(Int(a, 1), Length(a, 2), -1)); break;
            case BridgeOp.Pwrite: r.Set(WriteFd(Int(a, 1), Length(a, 2), (long)Num(a, 3))); break;
            case BridgeOp.Pread: r.Set(ReadFd(Int(a, 1), Length(a, 2), (long)Num(a, 3))); break;
            case BridgeOp.Open:
            {
                var e = Process.Open(Str(a, 1), (OpenFlags)Int(a, 2) | OpenFlags.O_CLOEXEC, (uint)Int(a, 3), out var fd);
                r.Set(e == Errno.SUCCESS ? fd : -(int)e);
                break;
            }
            case BridgeOp.Close: Set(r, Process.Close(Int(a, 1))); break;
            case BridgeOp.Fstat:
            {
                var e = Process.Fstat(Int(a, 1), out var st);
                if (e == Errno.SUCCESS) r.Set(FormatStat(st)); else Fail(r, e);
                break;
            }
            case BridgeOp.Ftruncate:
            {
                var length = (long)Num(a, 2);
                Set(r, WithFd(Int(a, 1), d => d.Truncate(length)));
                break;
            }
            case BridgeOp.Fsync: Set(r, WithFd(Int(a, 1), d => d.Sync())); break;
            case BridgeOp.ReadStart: Set(r, node.Loop.StartReading(Int(a, 1), Int(a, 2))); break;
            case BridgeOp.ReadStop: node.Loop.StopReading(Int(a, 1)); r.Set(0); break;
            case BridgeOp.IsTty: r.Set(Process.IsTerminal(Int(a, 1))); break;
            case BridgeOp.Stat:
            {
                var e = fs.Stat(ctx, Str(a, 1), Bool(a, 2), out var st);
                if (e == Errno.SUCCESS) r.Set(FormatStat(st)); else Fail(r, e);
                break;
            }
            case BridgeOp.Readdir: ReadDirectory(Str(a, 1), r); break;
            case BridgeOp.Mkdir: Set(r, fs.Mkdir(ctx, Str(a, 1), (uint)Int(a, 2))); break;
            case BridgeOp.Rmdir: Set(r, fs.Rmdir(ctx, Str(a, 1))); break;
            case BridgeOp.Unlink: Set(r, fs.Unlink(ctx, Str(a, 1))); break;
            case BridgeOp.Rename: Set(r, fs.Rename(ctx, Str(a, 1), Str(a, 2))); break;
            case BridgeOp.Symlink: Set(r, fs.Symlink(ctx, Str(a, 1), Str(a, 2))); break;
            case BridgeOp.Link: Set(r, fs.Link(ctx, Str(a, 1), Str(a, 2))); break;
            case BridgeOp.Readlink:
            {
                var e = fs.Readlink(ctx, Str(a, 1), out var target);
                if (e == Errno.SUCCESS) r.Set(target); else Fail(r, e);
                break;
            }
            case BridgeOp.Realpath:
            {
                var e = fs.Realpath(ctx, Str(a, 1), out var resolved);
                if (e == Errno.SUCCESS) r.Set(resolved); else Fail(r, e);
                break;
            }
            case BridgeOp.Access: Set(r, fs.Access(ctx, Str(a, 1), (AccessMode)(Int(a, 2) & 7))); break;
            case BridgeOp.Chmod: Set(r, fs.Chmod(ctx, Str(a, 1), (uint)Int(a, 2) & 0xFFF, true)); break;
            case BridgeOp.Truncate: Set(r, fs.Truncate(ctx, Str(a, 1), (long)Num(a, 2))); break;
            case BridgeOp.Utimes:
                Set(r, fs.Utimens(ctx, Str(a, 1), FromMs(Num(a, 2)), FromMs(Num(a, 3)), Bool(a, 4)));
                break;
            case BridgeOp.ReadFileText:
            {
                var e = ReadWholeFile(Str(a, 1), out var bytes);
                if (e == Errno.SUCCESS) r.Set(Encoding.UTF8.GetString(bytes)); else Fail(r, e);
                break;
            }
            default: DispatchProcess(op, a, r); break;
        }
    }

    private int ReadFd(int fd, int max, long position) => WithScratch(p =>
    {
        var buffer = Span(p)[..max];
        var e = position < 0 ? Process.Read(fd, buffer, out var n) : Process.Pread(fd, buffer, position, out n);
        return e == Errno.SUCCESS ? n : -(int)e;
    });

    private int WriteFd(int fd, int length, long position) => WithScratch(p =>
    {
        var data = Span(p)[..length];
        var total = 0;
        while (total < data.Length)
        {
            var e = position < 0
                ? Process.Write(fd, data[total..], out var n)
                : Process.Pwrite(fd, data[total..], position + total, out n);
            if (e != Errno.SUCCESS) return total > 0 ? total : -(int)e;
            if (n == 0) break;
            total += n;
        }
        return total;
    });

    /// <summary>Reads a whole file through the kernel (module sources, package.json).</summary>
    public Errno ReadWholeFile(string path, out byte[] content)
    {
        content = [];
        var e = Process.Kernel.FileSystem.Open(Process.PathContext, path, OpenFlags.O_RDONLY, 0, out var file);
        if (e != Errno.SUCCESS) return e;
        try
        {
            if (file.Stat(out var st) == Errno.SUCCESS && st.Type == FileType.Directory) return Errno.EISDIR;
            using var ms = new MemoryStream();
            var buffer = new byte[ScratchSize];
            while (true)
            {
                e = file.Read(Process, buffer, out var n);
                if (e != Errno.SUCCESS) return e;
                if (n == 0) break;
                ms.Write(buffer, 0, n);
            }
            content = ms.ToArray();
            return Errno.SUCCESS;
        }
        finally
        {
            file.Release();
        }
    }

    private Errno WithFd(int fd, Func<FileDescription, Errno> action)
    {
        if (Process.Fds.Acquire(fd, out var d) != Errno.SUCCESS) return Errno.EBADF;
        try
        {
            return action(d);
        }
        finally
        {
            d.Release();
        }
    }

    private void ReadDirectory(string path, in V8FastResult r)
    {
        var e = Process.Kernel.FileSystem.Open(Process.PathContext, path, OpenFlags.O_RDONLY | OpenFlags.O_DIRECTORY, 0, out var dir);
        if (e != Errno.SUCCESS)
        {
            Fail(r, e);
            return;
        }
        try
        {
            e = dir.ReadDirectory(out var entries);
            if (e != Errno.SUCCESS)
            {
                Fail(r, e);
                return;
            }
            var sb = new StringBuilder();
            foreach (var entry in entries)
                sb.Append(entry.Name).Append('\u0001').Append((int)entry.Type).Append('\u0000');
            r.Set(sb.ToString());
        }
        finally
        {
            dir.Release();
        }
    }

    /// <summary>"dev,ino,mode,nlink,uid,gid,rdev,size,blksize,blocks,atimeMs,mtimeMs,ctimeMs" for fs.Stats.</summary>
    private static string FormatStat(in StatInfo s) => string.Join(',',
        s.Dev.ToString(CultureInfo.InvariantCulture), s.Ino.ToString(CultureInfo.InvariantCulture),
        s.Mode.ToString(CultureInfo.InvariantCulture), s.Nlink.ToString(CultureInfo.InvariantCulture),
        s.Uid.ToString(CultureInfo.InvariantCulture), s.Gid.ToString(CultureInfo.InvariantCulture),
        s.Rdev.ToString(CultureInfo.InvariantCulture), s.Size.ToString(CultureInfo.InvariantCulture),
        s.Blksize.ToString(CultureInfo.InvariantCulture), s.Blocks.ToString(CultureInfo.InvariantCulture),
        Ms(s.Atime), Ms(s.Mtime), Ms(s.Ctime));

    private static string Ms(Timespec t) => (t.TotalNanoseconds / 1e6).ToString("R", CultureInfo.InvariantCulture);

    private static Timespec? FromMs(double ms) => double.IsFinite(ms) && ms >= 0 ? Timespec.FromUnixNanoseconds((long)(ms * 1e6)) : null;
}
