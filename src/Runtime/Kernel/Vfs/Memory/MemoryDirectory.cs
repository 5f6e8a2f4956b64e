using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;

namespace SecureExec.Testing.Kernel.Vfs.Memory;

/// <summary>
/// A directory of the <see cref="MemoryFileSystem"/>: name → inode, kept sorted (ordinal) so listings are
/// stable. nlink is 2 + the number of subdirectories, as on Linux.
/// </summary>
internal sealed class MemoryDirectory : MemoryNode
{
    private readonly SortedDictionary<string, MemoryNode> _entries = new(StringComparer.Ordinal); // guarded by Fs.Lock

    public MemoryDirectory(MemoryFileSystem fs, uint permissions) : base(fs, permissions) => Nlink = 2;

    public override FileType Type => FileType.Directory;
    protected override long Size => 4096;

    /// <summary>A file system mounted over this directory (its root replaces this directory in lookups).
    /// Guarded by Fs.Lock.</summary>
    public Superblock? Mounted { get; set; }

    public int Count
    {
        get
        {
            lock (Fs.Lock) return _entries.Count;
        }
    }

    public override Errno Open(VfsOpen request, out FileDescription file)
    {
        file = new DirectoryDescription(this, request.Flags) { Path = request.Path };
        return Errno.SUCCESS;
    }

    public override Errno Lookup(string name, out VfsNode child)
    {
        lock (Fs.Lock)
        {
            if (_entries.TryGetValue(name, out var node))
            {
                child = node;
                return Errno.SUCCESS;
            }
        }
        child = null!;
        return Errno.ENOENT;
    }

    public override Errno List(out IReadOnlyList<DirEntry> entries)
    {
        lock (Fs.Lock)
        {
            TouchAccessed();
            entries = [.. _entries.Select(e => new DirEntry(e.Key, e.Value.Ino, e.Value.Type))];
        }
        return Errno.SUCCESS;
    }

    public override Errno Create(string name, uint mode, VfsOpen request, out FileDescription file)
    {
        lock (Fs.Lock)
        {
            if (!Fs.CanCreateInode)
            {
                file = null!;
                return Errno.ENOSPC;
            }
            var node = new MemoryFile(Fs, mode);
            Add(name, node);
            return node.Open(request, out file);
        }
    }

    public override Errno Mkdir(string name, uint mode)
    {
        lock (Fs.Lock)
        {
            if (!Fs.CanCreateInode) return Errno.ENOSPC;
            Add(name, new MemoryDirectory(Fs, mode));
            Nlink++;
        }
        return Errno.SUCCESS;
    }

    public override Errno Symlink(string name, string target)
    {
        lock (Fs.Lock)
        {
            var bytes = System.Text.Encoding.UTF8.GetByteCount(target);
            if (!Fs.CanCreateInode || bytes > Fs.Available) return Errno.ENOSPC;
            Fs.Account(bytes);
            Add(name, new MemorySymlink(Fs, target));
        }
        return Errno.SUCCESS;
    }

    public override Errno Link(string name, VfsNode existing)
    {
        if (existing is not MemoryNode node || node.Fs != Fs) return Errno.EXDEV;
        lock (Fs.Lock)
        {
            node.Nlink++;
            node.Ctime = MemoryFileSystem.Now();
            Add(name, node);
        }
        return Errno.SUCCESS;
    }

    public override Errno Unlink(string name)
    {
        lock (Fs.Lock)
        {
            if (!_entries.Remove(name, out var node)) return Errno.ENOENT;
            TouchModified();
            node.Nlink--;
            node.Ctime = Ctime;
            if (node.Nlink == 0) node.OnUnlinked();
        }
        return Errno.SUCCESS;
    }

    public override Errno Rmdir(string name)
    {
        lock (Fs.Lock)
        {
            if (!_entries.Remove(name, out var node)) return Errno.ENOENT;
            TouchModified();
            Nlink--;
            node.Nlink = 0;
            node.Ctime = Ctime;
            node.OnUnlinked();
        }
        return Errno.SUCCESS;
    }

    public override Errno Rename(string oldName, VfsNode newParent, string newName)
    {
        if (newParent is not MemoryDirectory target || target.Fs != Fs) return Errno.EXDEV;
        lock (Fs.Lock)
        {
            if (!_entries.Remove(oldName, out var node)) return Errno.ENOENT;
            var now = MemoryFileSystem.Now();
            if (target._entries.Remove(newName, out var replaced))
            {
                if (replaced is MemoryDirectory)
                {
                    target.Nlink--;
                    replaced.Nlink = 0;
                }
                else
                {
                    replaced.Nlink--;
                }
                replaced.Ctime = now;
                if (replaced.Nlink == 0) replaced.OnUnlinked();
            }
            target._entries.Add(newName, node);
            if (node is MemoryDirectory && target != this)
            {
                Nlink--;
                target.Nlink++;
            }
            Mtime = Ctime = target.Mtime = target.Ctime = node.Ctime = now;
        }
        return Errno.SUCCESS;
    }

    /// <summary>Adds an entry (the caller checked that <paramref name="name"/> is free). Caller holds the lock.</summary>
    internal void Add(string name, MemoryNode node)
    {
        _entries.Add(name, node);
        TouchModified();
    }

    /// <summary>Finds an entry. Caller holds the lock.</summary>
    internal MemoryNode? Get(string name) => _entries.GetValueOrDefault(name);
}
