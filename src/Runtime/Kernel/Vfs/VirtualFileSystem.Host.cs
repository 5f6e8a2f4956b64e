using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Kernel.Vfs;

/// <summary>Conveniences for the host (the public API seeding files, tests): thin over the same system calls,
/// with <see cref="PathContext.Host"/>.</summary>
internal sealed partial class VirtualFileSystem
{
    /// <summary>Like mkdir -p: creates missing directories (0755) along an absolute path.</summary>
    public Errno MkdirAll(string path)
    {
        if (path.Length == 0 || path[0] != '/') return Errno.EINVAL;
        lock (Lock)
        {
            var prefix = "";
            foreach (var part in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                prefix += "/" + part;
                var e = Mkdir(PathContext.Host, prefix, 0x1FF);
                if (e == Errno.EEXIST)
                {
                    e = ResolveDirectory(PathContext.Host, prefix, out _);
                }
                if (e != Errno.SUCCESS) return e;
            }
            return Errno.SUCCESS;
        }
    }

    /// <summary>Creates or replaces a file with <paramref name="content"/>, creating missing parent directories.</summary>
    public Errno WriteAllBytes(string path, ReadOnlySpan<byte> content, uint mode = 0x1A4)
    {
        var slash = path.LastIndexOf('/');
        if (slash > 0)
        {
            var e = MkdirAll(path[..slash]);
            if (e != Errno.SUCCESS) return e;
        }
        var open = Open(PathContext.Host, path, OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_TRUNC, mode, out var file);
        if (open != Errno.SUCCESS) return open;
        try
        {
            while (content.Length > 0)
            {
                var e = file.Write(null, content, out var written);
                if (e != Errno.SUCCESS) return e;
                if (written == 0) return Errno.ENOSPC;
                content = content[written..];
            }
            return Errno.SUCCESS;
        }
        finally
        {
            file.Release();
        }
    }

    public Errno WriteAllText(string path, string content, uint mode = 0x1A4) =>
        WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(content), mode);

    /// <summary>Reads a whole file (EISDIR for a directory).</summary>
    public Errno ReadAllBytes(string path, out byte[] content) => ReadAllBytes(PathContext.Host, path, out content);

    /// <summary>Reads a whole file as seen from <paramref name="context"/> (a process's cwd and view).</summary>
    public Errno ReadAllBytes(PathContext context, string path, out byte[] content)
    {
        content = [];
        var e = Open(context, path, OpenFlags.O_RDONLY, 0, out var file);
        if (e != Errno.SUCCESS) return e;
        try
        {
            using var buffer = new MemoryStream();
            var chunk = new byte[65536];
            while (true)
            {
                e = file.Read(null, chunk, out var read);
                if (e != Errno.SUCCESS) return e;
                if (read == 0) break;
                buffer.Write(chunk, 0, read);
            }
            content = buffer.ToArray();
            return Errno.SUCCESS;
        }
        finally
        {
            file.Release();
        }
    }

    /// <summary>True when the path names an existing file (symlinks followed).</summary>
    public bool Exists(string path) => Stat(PathContext.Host, path, followSymlinks: true, out _) == Errno.SUCCESS;
}
