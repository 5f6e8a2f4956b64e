using System.Text;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Processes;
using SecureExec.Testing.Kernel.Vfs.Memory;

namespace SecureExec.Testing.Kernel.Vfs;

/// <summary>How path resolution treats the final component.</summary>
internal enum FinalComponent
{
    /// <summary>Follow a final symlink (stat, open, chdir, exec).</summary>
    Follow,
    /// <summary>Do not follow a final symlink unless the path ends in '/' (lstat, readlink, O_NOFOLLOW).</summary>
    NoFollow,
    /// <summary>Never follow it: the call works on the directory entry (mkdir, rmdir, unlink, rename, link, symlink).</summary>
    Entry,
}

/// <summary>One directory on the way: the name it was reached by and its inode (mount roots replace mount points).</summary>
internal readonly record struct PathStep(string Name, VfsNode Node);

/// <summary>
/// The outcome of resolving a path: the directory holding the final entry (as the chain of steps from "/"),
/// the final name, and its inode if it exists. For "/", "." and ".." as final component, <see cref="Name"/> is
/// "", "." or "..", <see cref="Node"/> is that directory and <see cref="Steps"/> ends with it.
/// </summary>
internal sealed class ResolvedPath(List<PathStep> steps, string name, VfsNode? node, bool trailingSlash, string? magicPath = null)
{
    public List<PathStep> Steps { get; } = steps;
    public string Name { get; } = name;
    public VfsNode? Node { get; } = node;
    /// <summary>The path ended in '/' (the final entry must be a directory).</summary>
    public bool TrailingSlash { get; } = trailingSlash;

    /// <summary>The final component is "/", "." or "..": it names a directory, not an entry of one.</summary>
    public bool IsSpecial => Name is "" or "." or "..";

    /// <summary>The directory the final entry is in (for special names: the directory itself).</summary>
    public VfsNode Directory => Steps[^1].Node;

    /// <summary>The canonical absolute path of the final entry (for a /proc/PID/fd/N magic link to a file: the
    /// file's path, as realpath(3) shows on Linux).</summary>
    public string CanonicalPath
    {
        get
        {
            if (magicPath is not null) return magicPath;
            var sb = new StringBuilder();
            for (var i = 1; i < Steps.Count; i++) sb.Append('/').Append(Steps[i].Name);
            if (!IsSpecial) sb.Append('/').Append(Name);
            return sb.Length == 0 ? "/" : sb.ToString();
        }
    }
}

/// <summary>
/// Linux path walk (path_lookupat): "." and "..", symlinks followed for every intermediate component and for
/// the final one per <see cref="FinalComponent"/>, at most 40 symlinks (ELOOP), ENAMETOOLONG for a path of
/// 4096+ bytes or a component of 256+ bytes, ENOTDIR through a non-directory. ".." is taken on the guest's chain
/// of directories, so it never asks a mounted file system for its parent: ".." at a mount root goes to the
/// guest directory that holds the mount point, and a host mount cannot be left through it.
/// Callers hold <see cref="VirtualFileSystem.Lock"/>.
/// </summary>
internal static class PathResolver
{
    /// <summary>MAXSYMLINKS.</summary>
    public const int MaxSymlinks = 40;
    /// <summary>PATH_MAX including the terminating NUL.</summary>
    public const int PathMax = 4096;
    /// <summary>NAME_MAX.</summary>
    public const int NameMax = 255;

    public static Errno Resolve(VfsNode root, in PathContext ctx, string path, FinalComponent final, out ResolvedPath result)
    {
        result = null!;
        if (path.Length == 0) return Errno.ENOENT;
        if (path.Contains('\0')) return Errno.EINVAL; // C strings cannot carry NUL; drivers normally reject it first
        if (path.Length >= PathMax / 3 && Encoding.UTF8.GetByteCount(path) >= PathMax) return Errno.ENAMETOOLONG;

        List<PathStep> steps;
        if (path[0] == '/')
        {
            steps = [new PathStep("", root)];
        }
        else
        {
            var cwd = ctx.Cwd is { Length: > 0 } c && c[0] == '/' ? c : "/";
            var e = Resolve(root, new PathContext("/", ctx.Umask, ctx.Process), cwd, FinalComponent.Follow, out var cwdPath);
            if (e != Errno.SUCCESS) return e;
            if (cwdPath.Node is null) return Errno.ENOENT;
            if (cwdPath.Node.Type != FileType.Directory) return Errno.ENOTDIR;
            steps = cwdPath.Steps;
            if (!cwdPath.IsSpecial) steps.Add(new PathStep(cwdPath.Name, cwdPath.Node));
        }

        var trailing = path[^1] == '/';
        var pending = new Stack<string>();
        PushComponents(pending, path);
        if (pending.Count == 0)
        {
            result = new ResolvedPath(steps, "", steps[^1].Node, trailing);
            return Errno.SUCCESS;
        }

        var hops = 0;
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            var last = pending.Count == 0;
            var current = steps[^1].Node;
            if (current.Type != FileType.Directory) return Errno.ENOTDIR;
            if (name == ".")
            {
                if (last) result = new ResolvedPath(steps, ".", current, trailing);
                continue;
            }
            if (name == "..")
            {
                if (steps.Count > 1) steps.RemoveAt(steps.Count - 1);
                if (last) result = new ResolvedPath(steps, "..", steps[^1].Node, trailing);
                continue;
            }
            if (name.Length > NameMax / 3 && Encoding.UTF8.GetByteCount(name) > NameMax) return Errno.ENAMETOOLONG;

            var e = current.Lookup(name, out var child);
            if (e == Errno.ENOENT && last)
            {
                result = new ResolvedPath(steps, name, null, trailing);
                return Errno.SUCCESS;
            }
            if (e != Errno.SUCCESS) return e;

            var follow = !last || final == FinalComponent.Follow || (final == FinalComponent.NoFollow && trailing);
            if (child.Type == FileType.Symlink && follow)
            {
                if (++hops > MaxSymlinks) return Errno.ELOOP;
                if (last && child.FollowMagic(ctx.Process) is { } magic)
                {
                    var shown = child.Readlink(ctx.Process, out var text) == Errno.SUCCESS && text.StartsWith('/') ? text : null;
                    result = new ResolvedPath(steps, name, magic, trailing, shown);
                    return CheckTrailing(result);
                }
                e = child.Readlink(ctx.Process, out var target);
                // EINVAL: a host entry stopped being a symlink since the lookup; report it as gone.
                if (e == Errno.EINVAL) return Errno.ENOENT;
                if (e != Errno.SUCCESS) return e;
                if (target.Length == 0) return Errno.ENOENT;
                if (target[0] == '/') steps.RemoveRange(1, steps.Count - 1);
                if (last && target[^1] == '/') trailing = true;
                var before = pending.Count;
                PushComponents(pending, target);
                if (pending.Count == before && last)
                {
                    // The link pointed at "/" (or "//"): the result is that directory itself.
                    result = new ResolvedPath(steps, "", steps[^1].Node, trailing);
                }
                continue;
            }

            if (child is MemoryDirectory { Mounted: { } mounted }) child = mounted.Root;
            if (last)
            {
                result = new ResolvedPath(steps, name, child, trailing);
            }
            else
            {
                steps.Add(new PathStep(name, child));
            }
        }
        return CheckTrailing(result);
    }

    // "file/" names a directory: ENOTDIR when the entry exists and is not one. A final symlink kept unfollowed
    // (FinalComponent.Entry) is checked by the caller, which knows what the operation reports.
    private static Errno CheckTrailing(ResolvedPath r) =>
        r.TrailingSlash && r.Node is { } n && n.Type != FileType.Directory && n.Type != FileType.Symlink ? Errno.ENOTDIR : Errno.SUCCESS;

    private static void PushComponents(Stack<string> pending, string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = parts.Length - 1; i >= 0; i--) pending.Push(parts[i]);
    }
}
