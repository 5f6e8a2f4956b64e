using System.Text;
using SecureExec.Testing.Abi;
using Wasmtime;

namespace SecureExec.Testing.Drivers.Wasm.Wasi;

/// <summary>
/// path_* imports. A WASI path is relative to a directory fd: it is joined to that description's canonical
/// <see cref="Kernel.Files.FileDescription.Path"/> and the kernel's VFS resolves the result (the whole VM is
/// the sandbox, so ".." above the preopen simply reaches the VM's "/").
/// </summary>
internal static partial class WasiPreview1
{
    internal const int LOOKUP_SYMLINK_FOLLOW = 1;
    internal const int OFLAGS_CREAT = 1, OFLAGS_DIRECTORY = 2, OFLAGS_EXCL = 4, OFLAGS_TRUNC = 8;
    /// <summary>Mode of files and directories WASI creates (it has no mode argument); the umask applies.</summary>
    private const uint CreateFileMode = 0x1B6, CreateDirectoryMode = 0x1FF; // 0666, 0777

    private static void DefinePath(Linker linker)
    {
        linker.DefineFunction(Module, "path_create_directory", (CallerFunc<int, int, int, int>)PathCreateDirectory);
        linker.DefineFunction(Module, "path_filestat_get", (CallerFunc<int, int, int, int, int, int>)PathFilestatGet);
        linker.DefineFunction(Module, "path_filestat_set_times", (CallerFunc<int, int, int, int, long, long, int, int>)PathFilestatSetTimes);
        linker.DefineFunction(Module, "path_link", (CallerFunc<int, int, int, int, int, int, int, int>)PathLink);
        linker.DefineFunction(Module, "path_open", (CallerFunc<int, int, int, int, int, long, long, int, int, int>)PathOpen);
        linker.DefineFunction(Module, "path_readlink", (CallerFunc<int, int, int, int, int, int, int>)PathReadlink);
        linker.DefineFunction(Module, "path_remove_directory", (CallerFunc<int, int, int, int>)PathRemoveDirectory);
        linker.DefineFunction(Module, "path_rename", (CallerFunc<int, int, int, int, int, int, int>)PathRename);
        linker.DefineFunction(Module, "path_symlink", (CallerFunc<int, int, int, int, int, int>)PathSymlink);
        linker.DefineFunction(Module, "path_unlink_file", (CallerFunc<int, int, int, int>)PathUnlinkFile);
    }

    /// <summary>Joins a guest path to the directory fd it is relative to.</summary>
    internal static Errno ResolveAt(WasmContext cx, int dirFd, int path, int pathLength, out string full)
    {
        full = "";
        var relative = cx.Mem().ReadString(path, pathLength);
        if (relative.Length == 0) return Errno.ENOENT;
        if (relative.Contains('\0')) return Errno.EINVAL;
        if (relative[0] == '/')
        {
            full = relative;
            return Errno.SUCCESS;
        }
        string? basePath;
        if (dirFd == cx.PreopenFd && !cx.IsPreopen(dirFd))
        {
            // The guest closed or replaced the preopen fd, but wasi-libc still resolves paths through it.
            basePath = "/";
        }
        else
        {
            if (cx.Process.Fds.Get(dirFd, out var d) != Errno.SUCCESS) return Errno.EBADF;
            basePath = d.Path;
            if (basePath is null) return Errno.ENOTDIR;
        }
        full = basePath.EndsWith('/') ? basePath + relative : basePath + "/" + relative;
        return Errno.SUCCESS;
    }

    private static int PathCreateDirectory(Caller caller, int fd, int path, int pathLength)
    {
        var cx = WasmContext.Current;
        try
        {
            var e = ResolveAt(cx, fd, path, pathLength, out var full);
            if (e == Errno.SUCCESS) e = cx.Process.Kernel.FileSystem.Mkdir(cx.Process.PathContext, full, CreateDirectoryMode);
            return cx.Ret(e);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }

    private static int PathFilestatGet(Caller caller, int fd, int flags, int path, int pathLength, int statOut)
    {
        var cx = WasmContext.Current;
        try
        {
            var e = ResolveAt(cx, fd, path, pathLength, out var full);
            if (e != Errno.SUCCESS) return cx.Ret(e);
            e = cx.Process.Kernel.FileSystem.Stat(cx.Process.PathContext, full, (flags & LOOKUP_SYMLINK_FOLLOW) != 0, out var st);
            if (e == Errno.SUCCESS) WriteFilestat(cx.Mem(), statOut, st);
            return cx.Ret(e);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }

    private static int PathFilestatSetTimes(Caller caller, int fd, int flags, int path, int pathLength, long atim, long mtim, int fstFlags)
    {
        var cx = WasmContext.Current;
        try
        {
            if (!TryTimes(atim, mtim, fstFlags, out var atime, out var mtime)) return cx.Ret(Errno.EINVAL);
            var e = ResolveAt(cx, fd, path, pathLength, out var full);
            if (e == Errno.SUCCESS)
                e = cx.Process.Kernel.FileSystem.Utimens(cx.Process.PathContext, full, atime, mtime, (flags & LOOKUP_SYMLINK_FOLLOW) != 0);
            return cx.Ret(e);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }

    private static int PathLink(Caller caller, int oldFd, int oldFlags, int oldPath, int oldLength, int newFd, int newPath, int newLength)
    {
        var cx = WasmContext.Current;
        try
        {
            var e = ResolveAt(cx, oldFd, oldPath, oldLength, out var existing);
            var created = "";
            if (e == Errno.SUCCESS) e = ResolveAt(cx, newFd, newPath, newLength, out created);
            if (e == Errno.SUCCESS) e = cx.Process.Kernel.FileSystem.Link(cx.Process.PathContext, existing, created);
            return cx.Ret(e);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }

    /// <summary>
    /// path_open. Rights are ignored except as the read/write intent wasi-libc encodes in them (FD_READ or
    /// FD_READDIR = read, FD_WRITE = write). WASI has no mode: files are created 0666 &amp; ~umask.
    /// </summary>
    private static int PathOpen(Caller caller, int dirFd, int lookupFlags, int path, int pathLength, int oflags,
        long rightsBase, long rightsInheriting, int fdflags, int fdOut)
    {
        var cx = WasmContext.Current;
        try
        {
            var e = ResolveAt(cx, dirFd, path, pathLength, out var full);
            if (e != Errno.SUCCESS) return cx.Ret(e);
            var read = (rightsBase & (RIGHTS_FD_READ | RIGHTS_FD_READDIR)) != 0;
            var write = (rightsBase & RIGHTS_FD_WRITE) != 0;
            var flags = write ? (read ? OpenFlags.O_RDWR : OpenFlags.O_WRONLY) : OpenFlags.O_RDONLY;
            if ((oflags & OFLAGS_CREAT) != 0) flags |= OpenFlags.O_CREAT;
            if ((oflags & OFLAGS_DIRECTORY) != 0) flags |= OpenFlags.O_DIRECTORY;
            if ((oflags & OFLAGS_EXCL) != 0) flags |= OpenFlags.O_EXCL;
            if ((oflags & OFLAGS_TRUNC) != 0) flags |= OpenFlags.O_TRUNC;
            if ((lookupFlags & LOOKUP_SYMLINK_FOLLOW) == 0) flags |= OpenFlags.O_NOFOLLOW;
            if ((fdflags & FDFLAGS_APPEND) != 0) flags |= OpenFlags.O_APPEND;
            if ((fdflags & FDFLAGS_NONBLOCK) != 0) flags |= OpenFlags.O_NONBLOCK;
            if ((fdflags & (FDFLAGS_SYNC | FDFLAGS_RSYNC)) != 0) flags |= OpenFlags.O_SYNC;
            else if ((fdflags & FDFLAGS_DSYNC) != 0) flags |= OpenFlags.O_DSYNC;
            var m = cx.Mem();
            m.Slice(fdOut, 4); // validate before opening, so a bad pointer cannot leak an fd
            e = cx.Process.Open(full, flags, CreateFileMode, out var fd);
            if (e == Errno.SUCCESS) m.WriteInt32(fdOut, fd);
            return cx.Ret(e);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }

    private static int PathReadlink(Caller caller, int fd, int path, int pathLength, int buffer, int bufferLength, int usedOut)
    {
        var cx = WasmContext.Current;
        try
        {
            var e = ResolveAt(cx, fd, path, pathLength, out var full);
            if (e != Errno.SUCCESS) return cx.Ret(e);
            e = cx.Process.Kernel.FileSystem.Readlink(cx.Process.PathContext, full, out var target);
            if (e != Errno.SUCCESS) return cx.Ret(e);
            var bytes = Encoding.UTF8.GetBytes(target);
            var m = cx.Mem();
            var output = m.Slice(buffer, bufferLength);
            var n = Math.Min(bytes.Length, output.Length); // readlink(2) truncates silently
            bytes.AsSpan(0, n).CopyTo(output);
            m.WriteInt32(usedOut, n);
            return cx.Ret(Errno.SUCCESS);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }

    private static int PathRemoveDirectory(Caller caller, int fd, int path, int pathLength)
    {
        var cx = WasmContext.Current;
        try
        {
            var e = ResolveAt(cx, fd, path, pathLength, out var full);
            if (e == Errno.SUCCESS) e = cx.Process.Kernel.FileSystem.Rmdir(cx.Process.PathContext, full);
            return cx.Ret(e);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }

    private static int PathRename(Caller caller, int oldFd, int oldPath, int oldLength, int newFd, int newPath, int newLength)
    {
        var cx = WasmContext.Current;
        try
        {
            var e = ResolveAt(cx, oldFd, oldPath, oldLength, out var from);
            var to = "";
            if (e == Errno.SUCCESS) e = ResolveAt(cx, newFd, newPath, newLength, out to);
            if (e == Errno.SUCCESS) e = cx.Process.Kernel.FileSystem.Rename(cx.Process.PathContext, from, to);
            return cx.Ret(e);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }

    /// <summary>path_symlink: the target is stored as given; the link path is relative to the fd.</summary>
    private static int PathSymlink(Caller caller, int target, int targetLength, int fd, int path, int pathLength)
    {
        var cx = WasmContext.Current;
        try
        {
            var text = cx.Mem().ReadString(target, targetLength);
            var e = ResolveAt(cx, fd, path, pathLength, out var full);
            if (e == Errno.SUCCESS) e = cx.Process.Kernel.FileSystem.Symlink(cx.Process.PathContext, text, full);
            return cx.Ret(e);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }

    private static int PathUnlinkFile(Caller caller, int fd, int path, int pathLength)
    {
        var cx = WasmContext.Current;
        try
        {
            var e = ResolveAt(cx, fd, path, pathLength, out var full);
            if (e == Errno.SUCCESS) e = cx.Process.Kernel.FileSystem.Unlink(cx.Process.PathContext, full);
            return cx.Ret(e);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
    }
}
