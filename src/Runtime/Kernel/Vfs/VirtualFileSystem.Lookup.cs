using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Commands;
using SecureExec.Testing.Kernel.Vfs.Memory;

namespace SecureExec.Testing.Kernel.Vfs;

/// <summary>Lookups the rest of the kernel needs: realpath, chdir targets, executables, command files.</summary>
internal sealed partial class VirtualFileSystem
{
    /// <summary>realpath(3): the canonical absolute path of an existing file (every symlink resolved).</summary>
    public Errno Realpath(in PathContext ctx, string path, out string resolved)
    {
        resolved = "";
        lock (Lock)
        {
            var e = Resolve(ctx, path, FinalComponent.Follow, out var r);
            if (e != Errno.SUCCESS) return e;
            if (r.Node is null) return Errno.ENOENT;
            if (!Allowed(ctx, write: false, r.Node)) return Errno.EACCES;
            resolved = r.CanonicalPath;
            return Errno.SUCCESS;
        }
    }

    /// <summary>For chdir(2): the canonical path of a directory (ENOENT, ENOTDIR otherwise).</summary>
    public Errno ResolveDirectory(in PathContext ctx, string path, out string canonical)
    {
        canonical = "";
        lock (Lock)
        {
            var e = Resolve(ctx, path, FinalComponent.Follow, out var r);
            if (e != Errno.SUCCESS) return e;
            if (r.Node is null) return Errno.ENOENT;
            if (r.Node.Type != FileType.Directory) return Errno.ENOTDIR;
            canonical = r.CanonicalPath;
            return Errno.SUCCESS;
        }
    }

    /// <summary>
    /// For execve(2): a regular file with any execute bit (EACCES otherwise, a directory included). Returns the
    /// canonical path, the stat and the registered command behind the file (null for e.g. a script).
    /// </summary>
    public Errno ResolveExecutable(in PathContext ctx, string path, out ExecutableFile file)
    {
        file = null!;
        lock (Lock)
        {
            var e = Resolve(ctx, path, FinalComponent.Follow, out var r);
            if (e != Errno.SUCCESS) return e;
            if (r.Node is not { } node) return Errno.ENOENT;
            if (node.Type != FileType.Regular) return Errno.EACCES;
            e = node.Stat(out var stat);
            if (e != Errno.SUCCESS) return e;
            if ((stat.Mode & 0x49) == 0) return Errno.EACCES;
            file = new ExecutableFile(r.CanonicalPath, stat, node.Command);
            return Errno.SUCCESS;
        }
    }

    /// <summary>The content of a command file: what <c>cat /usr/bin/ls</c> shows.</summary>
    public static string CommandFileContent(string name) => $"#!/secure-exec/command {name}\n";

    /// <summary>
    /// Creates (or replaces) the executable file 0755 standing for a registered command, creating missing parent
    /// directories. Used by <see cref="CommandRegistry"/>; host call, no permission checks.
    /// </summary>
    public Errno CreateCommandFile(string path, CommandEntry command)
    {
        lock (Lock)
        {
            var e = MkdirAll(path[..Math.Max(1, path.LastIndexOf('/'))]);
            if (e != Errno.SUCCESS) return e;
            e = Resolve(PathContext.Host, path, FinalComponent.Follow, out var r);
            if (e != Errno.SUCCESS) return e;
            MemoryFile file;
            if (r.Node is null)
            {
                if (r.Directory is not MemoryDirectory dir) return Errno.EROFS;
                file = new MemoryFile(Memory, 0x1ED);
                dir.Add(r.Name, file);
            }
            else if (r.Node is MemoryFile existing)
            {
                file = existing;
                file.Permissions = 0x1ED;
            }
            else
            {
                return r.Node.Type == FileType.Directory ? Errno.EISDIR : Errno.EEXIST;
            }
            e = file.SetContent(System.Text.Encoding.UTF8.GetBytes(CommandFileContent(command.Name)));
            if (e != Errno.SUCCESS) return e;
            file.SetCommand(command);
            return Errno.SUCCESS;
        }
    }
}
