using System.Text;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Vfs;

namespace SecureExec.Testing.Tests.Kernel.Vfs;

/// <summary>A fresh VM per test and small helpers; expectations are what Linux returns (checked with python3's os module).</summary>
public abstract class VfsTestBase : IDisposable
{
    internal VfsTestBase(KernelPermissions? permissions = null, KernelLimits? limits = null)
    {
        Kernel = new VirtualKernel(permissions, limits);
    }

    internal VirtualKernel Kernel { get; }
    internal VirtualFileSystem Fs => Kernel.FileSystem;
    internal static PathContext Host => PathContext.Host;

    internal static PathContext At(string cwd) => new(cwd, 0x12, null);

    internal void WriteFile(string path, string content) =>
        Assert.Equal(Errno.SUCCESS, Fs.WriteAllText(path, content));

    internal string ReadFile(string path)
    {
        Assert.Equal(Errno.SUCCESS, Fs.ReadAllBytes(path, out var bytes));
        return Encoding.UTF8.GetString(bytes);
    }

    internal FileDescription OpenOk(string path, OpenFlags flags, uint mode = 0x1A4)
    {
        Assert.Equal(Errno.SUCCESS, Fs.Open(Host, path, flags, mode, out var file));
        return file;
    }

    internal Errno OpenErr(string path, OpenFlags flags, uint mode = 0x1A4)
    {
        var e = Fs.Open(Host, path, flags, mode, out var file);
        if (e == Errno.SUCCESS) file.Release();
        return e;
    }

    internal StatInfo StatOk(string path, bool follow = true)
    {
        Assert.Equal(Errno.SUCCESS, Fs.Stat(Host, path, follow, out var st));
        return st;
    }

    internal static int Write(FileDescription f, string text)
    {
        Assert.Equal(Errno.SUCCESS, f.Write(null, Encoding.UTF8.GetBytes(text), out var n));
        return n;
    }

    internal static string Read(FileDescription f, int max = 4096)
    {
        var buffer = new byte[max];
        Assert.Equal(Errno.SUCCESS, f.Read(null, buffer, out var n));
        return Encoding.UTF8.GetString(buffer, 0, n);
    }

    public virtual void Dispose()
    {
        Kernel.Dispose();
        GC.SuppressFinalize(this);
    }
}
