using SecureExec.Testing.Abi;
using Wasmtime;

namespace SecureExec.Testing.Drivers.Wasm.Extensions;

/// <summary>secure_exec: pipe, dup*, cloexec, isatty, cwd, umask, chmod, access, realpath, stat.</summary>
internal static partial class SecureExecImports
{
    private const int SE_O_CLOEXEC = 0x80000, SE_O_NONBLOCK = 0x800;

    private static void DefineFiles(Linker linker)
    {
        linker.DefineFunction(Module, "pipe", (CallerFunc<int, int, int>)Pipe);
        linker.DefineFunction(Module, "dup", (CallerFunc<int, int>)Dup);
        linker.DefineFunction(Module, "dup2", (CallerFunc<int, int, int>)Dup2);
        linker.DefineFunction(Module, "dup_min", (CallerFunc<int, int, int, int>)DupMin);
        linker.DefineFunction(Module, "get_cloexec", (CallerFunc<int, int>)GetCloexec);
        linker.DefineFunction(Module, "set_cloexec", (CallerFunc<int, int, int>)SetCloexec);
        linker.DefineFunction(Module, "isatty", (CallerFunc<int, int>)IsATty);
        linker.DefineFunction(Module, "getcwd", (CallerFunc<int, int, int>)GetCwd);
        linker.DefineFunction(Module, "chdir", (CallerFunc<int, int>)ChDir);
        linker.DefineFunction(Module, "umask", (CallerFunc<int, int>)Umask);
        linker.DefineFunction(Module, "chmod", (CallerFunc<int, int, int, int>)Chmod);
        linker.DefineFunction(Module, "fchmod", (CallerFunc<int, int, int>)Fchmod);
        linker.DefineFunction(Module, "access", (CallerFunc<int, int, int>)Access);
        linker.DefineFunction(Module, "realpath", (CallerFunc<int, int, int, int>)Realpath);
        linker.DefineFunction(Module, "stat", (CallerFunc<int, int, int, int>)Stat);
        linker.DefineFunction(Module, "fstat", (CallerFunc<int, int, int>)Fstat);
    }

    private static int Pipe(Caller caller, int fdsOut, int flags)
    {
        var cx = WasmContext.Current;
        try
        {
            if ((flags & ~(SE_O_CLOEXEC | SE_O_NONBLOCK)) != 0) return cx.SeRet(Errno.EINVAL);
            cx.Mem().Slice(fdsOut, 8);
            var e = cx.Process.CreatePipe((OpenFlags)flags, out var r, out var w);
            if (e != Errno.SUCCESS) return cx.SeRet(e);
            var m = cx.Mem();
            m.WriteInt32(fdsOut, r);
            m.WriteInt32(fdsOut + 4, w);
            return cx.SeRet(Errno.SUCCESS);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.SeRet(cx.Fault(e));
        }
    }

    private static int Dup(Caller caller, int fd)
    {
        var cx = WasmContext.Current;
        var e = cx.Process.Fds.Dup(fd, out var newFd);
        return cx.SeRet(e, newFd);
    }

    private static int Dup2(Caller caller, int oldFd, int newFd)
    {
        var cx = WasmContext.Current;
        var e = cx.Process.Fds.Dup2(oldFd, newFd);
        return cx.SeRet(e, newFd);
    }

    private static int DupMin(Caller caller, int fd, int minimum, int flags)
    {
        var cx = WasmContext.Current;
        if (minimum < 0 || minimum >= cx.Process.Fds.Limit) return cx.SeRet(Errno.EINVAL);
        var e = cx.Process.Fds.Dup(fd, out var newFd, minimum, (flags & SE_O_CLOEXEC) != 0);
        return cx.SeRet(e, newFd);
    }

    private static int GetCloexec(Caller caller, int fd)
    {
        var cx = WasmContext.Current;
        var e = cx.Process.Fds.GetCloseOnExec(fd, out var on);
        return cx.SeRet(e, on ? 1 : 0);
    }

    private static int SetCloexec(Caller caller, int fd, int on)
    {
        var cx = WasmContext.Current;
        return cx.SeRet(cx.Process.Fds.SetCloseOnExec(fd, on != 0));
    }

    private static int IsATty(Caller caller, int fd) => WasmContext.Current.Process.IsTerminal(fd) ? 1 : 0;

    private static int GetCwd(Caller caller, int buffer, int length)
    {
        var cx = WasmContext.Current;
        try
        {
            return WriteCString(cx, cx.Process.Cwd, buffer, length);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.SeRet(cx.Fault(e));
        }
    }

    private static int ChDir(Caller caller, int path)
    {
        var cx = WasmContext.Current;
        try
        {
            return cx.SeRet(cx.Process.ChangeDirectory(cx.Mem().ReadCString(path)));
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.SeRet(cx.Fault(e));
        }
    }

    private static int Umask(Caller caller, int mask)
    {
        var cx = WasmContext.Current;
        var old = cx.Process.Umask;
        cx.Process.Umask = (uint)mask & 0x1FF;
        return (int)old;
    }

    private static int Chmod(Caller caller, int path, int mode, int follow)
    {
        var cx = WasmContext.Current;
        try
        {
            var p = cx.Mem().ReadCString(path);
            return cx.SeRet(cx.Process.Kernel.FileSystem.Chmod(cx.Process.PathContext, p, (uint)mode & ModeBits.PermissionMask, follow != 0));
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.SeRet(cx.Fault(e));
        }
    }

    private static int Fchmod(Caller caller, int fd, int mode)
    {
        var cx = WasmContext.Current;
        if (cx.Process.Fds.Acquire(fd, out var d) != Errno.SUCCESS) return cx.SeRet(Errno.EBADF);
        try
        {
            return cx.SeRet(d.Chmod((uint)mode & ModeBits.PermissionMask));
        }
        finally
        {
            d.Release();
        }
    }

    private static int Access(Caller caller, int path, int mode)
    {
        var cx = WasmContext.Current;
        try
        {
            if ((mode & ~7) != 0) return cx.SeRet(Errno.EINVAL);
            var p = cx.Mem().ReadCString(path);
            return cx.SeRet(cx.Process.Kernel.FileSystem.Access(cx.Process.PathContext, p, (AccessMode)mode));
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.SeRet(cx.Fault(e));
        }
    }

    private static int Realpath(Caller caller, int path, int buffer, int length)
    {
        var cx = WasmContext.Current;
        try
        {
            var p = cx.Mem().ReadCString(path);
            var e = cx.Process.Kernel.FileSystem.Realpath(cx.Process.PathContext, p, out var resolved);
            return e != Errno.SUCCESS ? cx.SeRet(e) : WriteCString(cx, resolved, buffer, length);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.SeRet(cx.Fault(e));
        }
    }

    private static int Stat(Caller caller, int path, int follow, int statOut)
    {
        var cx = WasmContext.Current;
        try
        {
            var p = cx.Mem().ReadCString(path);
            cx.Mem().Slice(statOut, SeStat.Size);
            var e = cx.Process.Kernel.FileSystem.Stat(cx.Process.PathContext, p, follow != 0, out var st);
            if (e == Errno.SUCCESS) SeStat.Write(cx.Mem(), statOut, st);
            return cx.SeRet(e);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.SeRet(cx.Fault(e));
        }
    }

    private static int Fstat(Caller caller, int fd, int statOut)
    {
        var cx = WasmContext.Current;
        try
        {
            cx.Mem().Slice(statOut, SeStat.Size);
            var e = cx.Process.Fstat(fd, out var st);
            if (e == Errno.SUCCESS) SeStat.Write(cx.Mem(), statOut, st);
            return cx.SeRet(e);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.SeRet(cx.Fault(e));
        }
    }
}
