using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;

namespace SecureExec.Testing.Kernel.Vfs.Proc;

/// <summary>
/// A /proc directory whose entries are produced on demand. Creating entries in /proc fails with ENOENT and
/// removing them with EPERM, as on Linux.
/// </summary>
internal sealed class ProcDirectory(ProcFileSystem fs, string path, uint permissions, Func<ProcDirectory, IEnumerable<ProcNode>> children)
    : ProcNode(fs, path, permissions)
{
    public override FileType Type => FileType.Directory;

    /// <summary>The path of a child entry.</summary>
    public string Child(string name) => ProcPath == "/" ? "/" + name : ProcPath + "/" + name;

    private IEnumerable<ProcNode> Children => children(this);

    protected override uint Nlink => 2;

    public override Errno Lookup(string name, out VfsNode child)
    {
        var path = Child(name);
        foreach (var c in Children)
        {
            if (c.ProcPath == path)
            {
                child = c;
                return Errno.SUCCESS;
            }
        }
        child = null!;
        return Errno.ENOENT;
    }

    public override Errno List(out IReadOnlyList<DirEntry> entries)
    {
        entries = [.. Children
            .Select(c => new DirEntry(c.ProcPath[(c.ProcPath.LastIndexOf('/') + 1)..], Proc.InoOf(c.ProcPath), c.Type))
            .OrderBy(e => e.Name, StringComparer.Ordinal)];
        return Errno.SUCCESS;
    }

    public override Errno Open(VfsOpen request, out FileDescription file)
    {
        file = new DirectoryDescription(this, request.Flags) { Path = request.Path };
        return Errno.SUCCESS;
    }

    public override Errno Create(string name, uint mode, VfsOpen request, out FileDescription file)
    {
        file = null!;
        return Errno.ENOENT;
    }

    public override Errno Mkdir(string name, uint mode) => Errno.ENOENT;
    public override Errno Symlink(string name, string target) => Errno.ENOENT;
    public override Errno Link(string name, VfsNode existing) => Errno.ENOENT;
}
