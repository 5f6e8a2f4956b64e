using System.Buffers;
using System.Text;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Pipes;
using Wasmtime;

namespace SecureExec.Testing.Drivers.Wasm.Wasi;

/// <summary>fd_* imports: reads and writes with iovecs, stat, seek, readdir, prestat (the preopen).</summary>
internal static partial class WasiPreview1
{
    // fdflags
    internal const ushort FDFLAGS_APPEND = 1, FDFLAGS_DSYNC = 2, FDFLAGS_NONBLOCK = 4, FDFLAGS_RSYNC = 8, FDFLAGS_SYNC = 16;
    // rights
    internal const long RIGHTS_FD_READ = 1 << 1, RIGHTS_FD_SEEK = 1 << 2, RIGHTS_FD_TELL = 1 << 5, RIGHTS_FD_WRITE = 1 << 6,
        RIGHTS_FD_READDIR = 1 << 14, RIGHTS_ALL = (1L << 30) - 1;
    // fstflags
    internal const int FSTFLAGS_ATIM = 1, FSTFLAGS_ATIM_NOW = 2, FSTFLAGS_MTIM = 4, FSTFLAGS_MTIM_NOW = 8;
    /// <summary>prestat tag wasi-libc skips (its scan has <c>default: break</c>): an open fd that is not a preopen.</summary>
    internal const byte PREOPENTYPE_NOT_A_PREOPEN = 0xFF;
    /// <summary>Largest gathered/scattered transfer done in one kernel call; longer iovec lists go one by one.</summary>
    private const int MaxGather = 1 << 20;

    private static void DefineFd(Linker linker)
    {
        linker.DefineFunction(Module, "fd_advise", (CallerFunc<int, long, long, int, int>)FdAdvise);
        linker.DefineFunction(Module, "fd_allocate", (CallerFunc<int, long, long, int>)FdAllocate);
        linker.DefineFunction(Module, "fd_close", (CallerFunc<int, int>)FdClose);
        linker.DefineFunction(Module, "fd_datasync", (CallerFunc<int, int>)FdSync);
        linker.DefineFunction(Module, "fd_sync", (CallerFunc<int, int>)FdSync);
        linker.DefineFunction(Module, "fd_fdstat_get", (CallerFunc<int, int, int>)FdFdstatGet);
        linker.DefineFunction(Module, "fd_fdstat_set_flags", (CallerFunc<int, int, int>)FdFdstatSetFlags);
        linker.DefineFunction(Module, "fd_fdstat_set_rights", (CallerFunc<int, long, long, int>)FdFdstatSetRights);
        linker.DefineFunction(Module, "fd_filestat_get", (CallerFunc<int, int, int>)FdFilestatGet);
        linker.DefineFunction(Module, "fd_filestat_set_size", (CallerFunc<int, long, int>)FdFilestatSetSize);
        linker.DefineFunction(Module, "fd_filestat_set_times", (CallerFunc<int, long, long, int, int>)FdFilestatSetTimes);
        linker.DefineFunction(Module, "fd_pread", (CallerFunc<int, int, int, long, int, int>)FdPread);
        linker.DefineFunction(Module, "fd_pwrite", (CallerFunc<int, int, int, long, int, int>)FdPwrite);
        linker.DefineFunction(Module, "fd_read", (CallerFunc<int, int, int, int, int>)FdRead);
        linker.DefineFunction(Module, "fd_write", (CallerFunc<int, int, int, int, int>)FdWrite);
        linker.DefineFunction(Module, "fd_prestat_get", (CallerFunc<int, int, int>)FdPrestatGet);
        linker.DefineFunction(Module, "fd_prestat_dir_name", (CallerFunc<int, int, int, int>)FdPrestatDirName);
        linker.DefineFunction(Module, "fd_readdir", (CallerFunc<int, int, int, long, int, int>)FdReaddir);
        linker.DefineFunction(Module, "fd_renumber", (CallerFunc<int, int, int>)FdRenumber);
        linker.DefineFunction(Module, "fd_seek", (CallerFunc<int, long, int, int, int>)FdSeek);
        linker.DefineFunction(Module, "fd_tell", (CallerFunc<int, int, int>)FdTell);
    }

    private static int FdAdvise(Caller caller, int fd, long offset, long length, int advice)
    {
        var cx = WasmContext.Current;
        if (cx.Process.Fds.Get(fd, out _) != Errno.SUCCESS) return cx.Ret(Errno.EBADF);
        return cx.Ret(offset < 0 || length < 0 || advice is < 0 or > 5 ? Errno.EINVAL : Errno.SUCCESS);
    }

    /// <summary>posix_fallocate: grows a regular file to offset + length.</summary>
    private static int FdAllocate(Caller caller, int fd, long offset, long length)
    {
        var cx = WasmContext.Current;
        try
        {
            if (cx.Process.Fds.Acquire(fd, out var d) != Errno.SUCCESS) return cx.Ret(Errno.EBADF);
            try
            {
                if (offset < 0 || length <= 0) return cx.Ret(Errno.EINVAL);
                if (!d.Flags.CanWrite()) return cx.Ret(Errno.EBADF);
                var e = d.Stat(out var st);
                if (e != Errno.SUCCESS) return cx.Ret(e);
                if (st.Type == FileType.Fifo) return cx.Ret(Errno.ESPIPE);
                if (st.Type != FileType.Regular) return cx.Ret(Errno.ENODEV);
                var end = offset + length;
                return cx.Ret(end > st.Size ? d.Truncate(end) : Errno.SUCCESS);
            }
            finally
            {
                d.Release();
            }
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }

    private static int FdClose(Caller caller, int fd)
    {
        var cx = WasmContext.Current;
        return cx.Ret(cx.Process.Close(fd));
    }

    private static int FdSync(Caller caller, int fd)
    {
        var cx = WasmContext.Current;
        if (cx.Process.Fds.Acquire(fd, out var d) != Errno.SUCCESS) return cx.Ret(Errno.EBADF);
        try
        {
            return cx.Ret(d.Sync());
        }
        finally
        {
            d.Release();
        }
    }

    /// <summary>fdstat: filetype u8 @0, fdflags u16 @2, rights_base u64 @8, rights_inheriting u64 @16.</summary>
    private static int FdFdstatGet(Caller caller, int fd, int statOut)
    {
        var cx = WasmContext.Current;
        try
        {
            if (cx.Process.Fds.Get(fd, out var d) != Errno.SUCCESS) return cx.Ret(Errno.EBADF);
            var e = d.Stat(out var st);
            if (e != Errno.SUCCESS) return cx.Ret(e);
            var type = FileTypeOf(st.Type);
            var rights = RIGHTS_ALL;
            if (d.IsTerminal)
            {
                // wasi-libc's isatty: a character device without seek/tell rights.
                type = 2;
                rights &= ~(RIGHTS_FD_SEEK | RIGHTS_FD_TELL);
            }
            else if (st.Type is FileType.Fifo or FileType.Socket)
            {
                rights &= ~(RIGHTS_FD_SEEK | RIGHTS_FD_TELL);
            }
            ushort flags = 0;
            if ((d.Flags & OpenFlags.O_APPEND) != 0) flags |= FDFLAGS_APPEND;
            if ((d.Flags & OpenFlags.O_NONBLOCK) != 0) flags |= FDFLAGS_NONBLOCK;
            if ((d.Flags & OpenFlags.O_DSYNC) != 0) flags |= FDFLAGS_DSYNC;
            var m = cx.Mem();
            m.Slice(statOut, 24).Clear();
            m.WriteByte(statOut, type);
            m.WriteUInt16(statOut + 2, flags);
            m.WriteInt64(statOut + 8, rights);
            m.WriteInt64(statOut + 16, rights);
            return cx.Ret(Errno.SUCCESS);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }

    private static int FdFdstatSetFlags(Caller caller, int fd, int flags)
    {
        var cx = WasmContext.Current;
        if (cx.Process.Fds.Get(fd, out var d) != Errno.SUCCESS) return cx.Ret(Errno.EBADF);
        var f = d.Flags & ~(OpenFlags.O_APPEND | OpenFlags.O_NONBLOCK);
        if ((flags & FDFLAGS_APPEND) != 0) f |= OpenFlags.O_APPEND;
        if ((flags & FDFLAGS_NONBLOCK) != 0) f |= OpenFlags.O_NONBLOCK;
        d.Flags = f;
        return cx.Ret(Errno.SUCCESS);
    }

    /// <summary>Rights are not enforced (the kernel checks permissions), so narrowing them is accepted.</summary>
    private static int FdFdstatSetRights(Caller caller, int fd, long rightsBase, long rightsInheriting)
    {
        var cx = WasmContext.Current;
        return cx.Ret(cx.Process.Fds.Get(fd, out _));
    }

    private static int FdFilestatGet(Caller caller, int fd, int statOut)
    {
        var cx = WasmContext.Current;
        try
        {
            if (cx.Process.Fds.Get(fd, out var d) != Errno.SUCCESS) return cx.Ret(Errno.EBADF);
            var e = d.Stat(out var st);
            if (e == Errno.SUCCESS) WriteFilestat(cx.Mem(), statOut, st);
            return cx.Ret(e);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }

    /// <summary>filestat: dev @0, ino @8, filetype u8 @16, nlink @24, size @32, atim @40, mtim @48, ctim @56 (64 bytes).</summary>
    internal static void WriteFilestat(GuestMemory m, int pointer, in StatInfo st)
    {
        var s = m.Slice(pointer, 64);
        s.Clear();
        m.WriteUInt64(pointer, st.Dev);
        m.WriteUInt64(pointer + 8, st.Ino);
        m.WriteByte(pointer + 16, FileTypeOf(st.Type));
        m.WriteUInt64(pointer + 24, st.Nlink);
        m.WriteInt64(pointer + 32, st.Size);
        m.WriteInt64(pointer + 40, st.Atime.TotalNanoseconds);
        m.WriteInt64(pointer + 48, st.Mtime.TotalNanoseconds);
        m.WriteInt64(pointer + 56, st.Ctime.TotalNanoseconds);
    }

    private static int FdFilestatSetSize(Caller caller, int fd, long size)
    {
        var cx = WasmContext.Current;
        if (cx.Process.Fds.Acquire(fd, out var d) != Errno.SUCCESS) return cx.Ret(Errno.EBADF);
        try
        {
            if (size < 0) return cx.Ret(Errno.EINVAL);
            return cx.Ret(d.Flags.CanWrite() ? d.Truncate(size) : Errno.EINVAL);
        }
        finally
        {
            d.Release();
        }
    }

    private static int FdFilestatSetTimes(Caller caller, int fd, long atim, long mtim, int flags)
    {
        var cx = WasmContext.Current;
        if (!TryTimes(atim, mtim, flags, out var atime, out var mtime)) return cx.Ret(Errno.EINVAL);
        if (cx.Process.Fds.Acquire(fd, out var d) != Errno.SUCCESS) return cx.Ret(Errno.EBADF);
        try
        {
            return cx.Ret(d.Utimens(atime, mtime));
        }
        finally
        {
            d.Release();
        }
    }

    /// <summary>fstflags → utimensat times (null = leave unchanged, like UTIME_OMIT).</summary>
    internal static bool TryTimes(long atim, long mtim, int flags, out Timespec? atime, out Timespec? mtime)
    {
        atime = mtime = null;
        if ((flags & FSTFLAGS_ATIM) != 0 && (flags & FSTFLAGS_ATIM_NOW) != 0) return false;
        if ((flags & FSTFLAGS_MTIM) != 0 && (flags & FSTFLAGS_MTIM_NOW) != 0) return false;
        if ((flags & FSTFLAGS_ATIM) != 0) atime = Timespec.FromUnixNanoseconds(atim);
        if ((flags & FSTFLAGS_ATIM_NOW) != 0) atime = Timespec.Now();
        if ((flags & FSTFLAGS_MTIM) != 0) mtime = Timespec.FromUnixNanoseconds(mtim);
        if ((flags & FSTFLAGS_MTIM_NOW) != 0) mtime = Timespec.Now();
        return true;
    }

    private static int FdRead(Caller caller, int fd, int iovs, int iovsLength, int readOut) =>
        Transfer(WasmContext.Current, fd, iovs, iovsLength, null, readOut, write: false);

    private static int FdPread(Caller caller, int fd, int iovs, int iovsLength, long offset, int readOut) =>
        Transfer(WasmContext.Current, fd, iovs, iovsLength, offset, readOut, write: false);

    private static int FdWrite(Caller caller, int fd, int iovs, int iovsLength, int writtenOut) =>
        Transfer(WasmContext.Current, fd, iovs, iovsLength, null, writtenOut, write: true);

    private static int FdPwrite(Caller caller, int fd, int iovs, int iovsLength, long offset, int writtenOut) =>
        Transfer(WasmContext.Current, fd, iovs, iovsLength, offset, writtenOut, write: true);

    /// <summary>
    /// readv/writev/preadv/pwritev. Several iovecs are gathered into one kernel call (so a pipe write of at most
    /// PIPE_BUF stays atomic and a read never blocks a second time after data arrived).
    /// </summary>
    private static int Transfer(WasmContext cx, int fd, int iovs, int iovsLength, long? offset, int countOut, bool write)
    {
        byte[]? rented = null;
        try
        {
            if (iovsLength < 0 || iovsLength > 1024) return cx.Ret(Errno.EINVAL);
            var m = cx.Mem();
            // Find the non-empty iovecs and the total.
            long total = 0;
            int nonEmpty = 0, single = -1;
            for (var i = 0; i < iovsLength; i++)
            {
                var len = m.ReadUInt32(iovs + i * 8 + 4);
                m.Slice(m.ReadInt32(iovs + i * 8), (int)Math.Min(len, int.MaxValue)); // validates the buffer
                if (len == 0) continue;
                total += len;
                nonEmpty++;
                single = i;
            }
            Errno e;
            int done;
            if (nonEmpty <= 1)
            {
                var span = single < 0 ? Span<byte>.Empty : m.Slice(m.ReadInt32(iovs + single * 8), m.ReadInt32(iovs + single * 8 + 4));
                e = Call(cx, fd, span, offset, write, out done);
            }
            else
            {
                var size = (int)Math.Min(total, MaxGather);
                rented = ArrayPool<byte>.Shared.Rent(size);
                var buffer = rented.AsSpan(0, size);
                if (write)
                {
                    var at = 0;
                    for (var i = 0; i < iovsLength && at < size; i++)
                    {
                        var src = m.Slice(m.ReadInt32(iovs + i * 8), m.ReadInt32(iovs + i * 8 + 4));
                        var n = Math.Min(src.Length, size - at);
                        src[..n].CopyTo(buffer[at..]);
                        at += n;
                    }
                    e = Call(cx, fd, buffer, offset, write, out done);
                }
                else
                {
                    e = Call(cx, fd, buffer, offset, write, out done);
                    var at = 0;
                    for (var i = 0; i < iovsLength && at < done; i++)
                    {
                        var dst = m.Slice(m.ReadInt32(iovs + i * 8), m.ReadInt32(iovs + i * 8 + 4));
                        var n = Math.Min(dst.Length, done - at);
                        buffer.Slice(at, n).CopyTo(dst);
                        at += n;
                    }
                }
            }
            if (e == Errno.SUCCESS) m.WriteInt32(countOut, done);
            return cx.Ret(e);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static Errno Call(WasmContext cx, int fd, Span<byte> buffer, long? offset, bool write, out int done)
    {
        var p = cx.Process;
        if (offset is { } at)
            return write ? p.Pwrite(fd, buffer, at, out done) : p.Pread(fd, buffer, at, out done);
        return write ? p.Write(fd, buffer, out done) : p.Read(fd, buffer, out done);
    }

    /// <summary>prestat: tag u8 @0, dir name length u32 @4. Only the preopen is a directory ("/"); other open
    /// fds answer with a tag wasi-libc skips, closed ones EBADF (which ends wasi-libc's scan).</summary>
    private static int FdPrestatGet(Caller caller, int fd, int prestatOut)
    {
        var cx = WasmContext.Current;
        try
        {
            if (fd < 3 || cx.Process.Fds.Get(fd, out _) != Errno.SUCCESS) return cx.Ret(Errno.EBADF);
            var m = cx.Mem();
            m.Slice(prestatOut, 8).Clear();
            if (cx.IsPreopen(fd))
            {
                m.WriteByte(prestatOut, 0);
                m.WriteInt32(prestatOut + 4, 1);
            }
            else
            {
                m.WriteByte(prestatOut, PREOPENTYPE_NOT_A_PREOPEN);
            }
            return cx.Ret(Errno.SUCCESS);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }

    private static int FdPrestatDirName(Caller caller, int fd, int path, int length)
    {
        var cx = WasmContext.Current;
        try
        {
            if (!cx.IsPreopen(fd)) return cx.Ret(Errno.EBADF);
            if (length < 1) return cx.Ret(Errno.ENAMETOOLONG);
            cx.Mem().WriteByte(path, (byte)'/');
            return cx.Ret(Errno.SUCCESS);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }

    /// <summary>
    /// dirent: d_next u64 @0, d_ino u64 @8, d_namlen u32 @16, d_type u8 @20, name @24. The cookie is the index
    /// of the next entry in [".", "..", entries...]; the last entry is truncated when the buffer is full (bufused
    /// == buf_len tells wasi-libc to retry with a larger buffer).
    /// </summary>
    private static int FdReaddir(Caller caller, int fd, int buffer, int bufferLength, long cookie, int usedOut)
    {
        var cx = WasmContext.Current;
        try
        {
            if (cx.Process.Fds.Acquire(fd, out var d) != Errno.SUCCESS) return cx.Ret(Errno.EBADF);
            IReadOnlyList<DirEntry> entries;
            StatInfo self;
            ulong parentIno;
            try
            {
                var e = d.ReadDirectory(out entries);
                if (e != Errno.SUCCESS) return cx.Ret(e);
                d.Stat(out self);
                parentIno = self.Ino;
                if (d.Path is { } path && path != "/" &&
                    cx.Process.Kernel.FileSystem.Stat(cx.Process.PathContext, path.TrimEnd('/') + "/..", true, out var parent) == Errno.SUCCESS)
                    parentIno = parent.Ino;
            }
            finally
            {
                d.Release();
            }
            if (cookie < 0) return cx.Ret(Errno.EINVAL);
            var m = cx.Mem();
            var output = m.Slice(buffer, bufferLength);
            var used = 0;
            Span<byte> header = stackalloc byte[24];
            for (var index = cookie; index < entries.Count + 2 && used < output.Length; index++)
            {
                var (name, ino, type) = index switch
                {
                    0 => (".", self.Ino, FileType.Directory),
                    1 => ("..", parentIno, FileType.Directory),
                    _ => (entries[(int)index - 2].Name, entries[(int)index - 2].Ino, entries[(int)index - 2].Type),
                };
                var nameBytes = Encoding.UTF8.GetBytes(name);
                header.Clear();
                System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(header, index + 1);
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(header[8..], ino);
                System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(header[16..], (uint)nameBytes.Length);
                header[20] = FileTypeOf(type);
                var n = Math.Min(header.Length, output.Length - used);
                header[..n].CopyTo(output[used..]);
                used += n;
                n = Math.Min(nameBytes.Length, output.Length - used);
                nameBytes.AsSpan(0, n).CopyTo(output[used..]);
                used += n;
            }
            m.WriteInt32(usedOut, used);
            return cx.Ret(Errno.SUCCESS);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }

    /// <summary>fd_renumber: dup2(from, to) then close(from); both fds must be open.</summary>
    private static int FdRenumber(Caller caller, int from, int to)
    {
        var cx = WasmContext.Current;
        var fds = cx.Process.Fds;
        if (fds.Get(from, out _) != Errno.SUCCESS || fds.Get(to, out _) != Errno.SUCCESS) return cx.Ret(Errno.EBADF);
        if (from == to) return cx.Ret(Errno.SUCCESS);
        var e = fds.Dup2(from, to);
        if (e == Errno.SUCCESS) fds.Close(from);
        return cx.Ret(e);
    }

    private static int FdSeek(Caller caller, int fd, long offset, int whence, int positionOut)
    {
        var cx = WasmContext.Current;
        try
        {
            if (whence is < 0 or > 2) return cx.Ret(Errno.EINVAL);
            var e = cx.Process.Seek(fd, offset, (Whence)whence, out var position);
            if (e == Errno.SUCCESS) cx.Mem().WriteInt64(positionOut, position);
            return cx.Ret(e);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }

    private static int FdTell(Caller caller, int fd, int positionOut)
    {
        var cx = WasmContext.Current;
        try
        {
            var e = cx.Process.Seek(fd, 0, Whence.SEEK_CUR, out var position);
            if (e == Errno.SUCCESS) cx.Mem().WriteInt64(positionOut, position);
            return cx.Ret(e);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }

    /// <summary>Bytes readable without blocking (poll's nbytes): the pipe's contents, else 0.</summary>
    internal static long Readable(FileDescription d) => d is PipeReadEnd r ? r.Pipe.Available : 0;
}
