using System.Text;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Vfs;

namespace SecureExec.Testing;

/// <summary>
/// The VM's file system seen from the host (<see cref="NodeRuntime.FileSystem"/>). Relative paths resolve against the
/// runtime's <see cref="NodeRuntimeOptions.Cwd"/>. Read-only mounts stay read-only; the guest permissions
/// (<see cref="RuntimePermissions"/>) do not apply to the host. Failures throw what .NET throws for the same case,
/// with the guest path and the errno name in the message (<c>ENOENT: no such file or directory, open '/x'</c>):
/// <see cref="FileNotFoundException"/> (ENOENT), <see cref="DirectoryNotFoundException"/> (ENOTDIR, or listing a
/// missing directory), otherwise <see cref="IOException"/>; <c>Data["errno"]</c> holds the errno name. Calls complete
/// synchronously (the file system is in memory; host mounts do ordinary host I/O).
/// </summary>
public sealed class RuntimeFileSystem
{
    private readonly NodeRuntime _runtime;
    private readonly string _cwd;

    internal RuntimeFileSystem(NodeRuntime runtime, string cwd)
    {
        _runtime = runtime;
        _cwd = cwd;
    }

    private VirtualFileSystem Vfs => _runtime.Kernel.FileSystem;

    /// <summary>Creates or replaces a file with UTF-8 text; missing parent directories are created.</summary>
    public Task WriteFileAsync(string path, string text, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        return WriteFileAsync(path, Encoding.UTF8.GetBytes(text), ct);
    }

    /// <summary>Creates or replaces a file with bytes; missing parent directories are created.</summary>
    public Task WriteFileAsync(string path, ReadOnlyMemory<byte> bytes, CancellationToken ct = default)
    {
        var full = Enter(path, ct);
        Check(Vfs.WriteAllBytes(full, bytes.Span), "open", full);
        return Task.CompletedTask;
    }

    /// <summary>Reads a whole file.</summary>
    public Task<byte[]> ReadFileAsync(string path, CancellationToken ct = default)
    {
        var full = Enter(path, ct);
        Check(Vfs.ReadAllBytes(full, out var bytes), "open", full);
        return Task.FromResult(bytes);
    }

    /// <summary>Reads a whole file as UTF-8 text.</summary>
    public async Task<string> ReadAllTextAsync(string path, CancellationToken ct = default) =>
        Encoding.UTF8.GetString(await ReadFileAsync(path, ct).ConfigureAwait(false));

    /// <summary>Whether the path names an existing file or directory (symlinks followed).</summary>
    public Task<bool> ExistsAsync(string path, CancellationToken ct = default) => Task.FromResult(Vfs.Exists(Enter(path, ct)));

    /// <summary>The entries of a directory (without "." and ".."), sorted by name.</summary>
    public Task<IReadOnlyList<FileSystemEntry>> ListAsync(string path, CancellationToken ct = default)
    {
        var full = Enter(path, ct);
        var e = Vfs.Open(PathContext.Host, full, OpenFlags.O_RDONLY | OpenFlags.O_DIRECTORY, 0, out var dir);
        if (e == Errno.ENOENT) throw new DirectoryNotFoundException(Describe(e, "scandir", full));
        Check(e, "scandir", full);
        IReadOnlyList<DirEntry> entries;
        try
        {
            Check(dir.ReadDirectory(out entries), "scandir", full);
        }
        finally
        {
            dir.Release();
        }
        var list = new List<FileSystemEntry>();
        foreach (var entry in entries.Where(d => d.Name is not ("." or "..")).OrderBy(d => d.Name, StringComparer.Ordinal))
        {
            var child = full.TrimEnd('/') + "/" + entry.Name;
            var s = Vfs.Stat(PathContext.Host, child, followSymlinks: false, out var stat);
            list.Add(s == Errno.SUCCESS ? new FileSystemEntry(entry.Name, stat.Type, stat.Size) : new FileSystemEntry(entry.Name, entry.Type, 0));
        }
        return Task.FromResult<IReadOnlyList<FileSystemEntry>>(list);
    }

    /// <summary>Creates a directory and its missing parents (like <c>mkdir -p</c>); an existing directory is fine.</summary>
    public Task CreateDirectoryAsync(string path, CancellationToken ct = default)
    {
        var full = Enter(path, ct);
        Check(Vfs.MkdirAll(full), "mkdir", full);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Deletes a file, symlink or directory. A directory that is not empty needs <paramref name="recursive"/>
    /// (else IOException ENOTEMPTY). A missing path throws <see cref="FileNotFoundException"/>.
    /// </summary>
    public Task DeleteAsync(string path, bool recursive = false, CancellationToken ct = default)
    {
        var full = Enter(path, ct);
        Delete(full, recursive, ct);
        return Task.CompletedTask;
    }

    private void Delete(string full, bool recursive, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        Check(Vfs.Stat(PathContext.Host, full, followSymlinks: false, out var stat), "rm", full);
        if (stat.Type != FileType.Directory)
        {
            Check(Vfs.Unlink(PathContext.Host, full), "unlink", full);
            return;
        }
        if (recursive)
        {
            Check(Vfs.Open(PathContext.Host, full, OpenFlags.O_RDONLY | OpenFlags.O_DIRECTORY, 0, out var dir), "scandir", full);
            IReadOnlyList<DirEntry> entries;
            try
            {
                Check(dir.ReadDirectory(out entries), "scandir", full);
            }
            finally
            {
                dir.Release();
            }
            foreach (var entry in entries.Where(d => d.Name is not ("." or "..")))
                Delete(full.TrimEnd('/') + "/" + entry.Name, recursive, ct);
        }
        Check(Vfs.Rmdir(PathContext.Host, full), "rmdir", full);
    }

    private string Enter(string path, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (path.Contains('\0')) throw new ArgumentException($"the path contains a NUL character: '{path}'", nameof(path));
        ct.ThrowIfCancellationRequested();
        _runtime.ThrowIfDisposed();
        return GuestPath.Combine(_cwd, path);
    }

    private static void Check(Errno e, string syscall, string path)
    {
        if (e == Errno.SUCCESS) return;
        var message = Describe(e, syscall, path);
        Exception ex = e switch
        {
            Errno.ENOENT when syscall is "scandir" => new DirectoryNotFoundException(message),
            Errno.ENOENT => new FileNotFoundException(message, path),
            Errno.ENOTDIR => new DirectoryNotFoundException(message),
            _ => new IOException(message),
        };
        ex.Data["errno"] = e.ToString();
        ex.Data["path"] = path;
        throw ex;
    }

    /// <summary>Node's message format: <c>ENOENT: no such file or directory, open '/x'</c>.</summary>
    private static string Describe(Errno e, string syscall, string path) =>
        $"{e}: {e.Message().ToLowerInvariant()}, {syscall} '{path}'";
}
