using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Commands;
using SecureExec.Testing.Kernel.Files;

namespace SecureExec.Testing.Kernel.Vfs.Memory;

/// <summary>
/// A regular file of the <see cref="MemoryFileSystem"/>: its bytes live in one growable array. The inode lives
/// while it has links or open descriptions; its bytes are returned to the file system's budget when both are gone.
/// </summary>
internal sealed class MemoryFile : MemoryNode
{
    private byte[] _data = [];  // guarded by Fs.Lock; the first _size bytes are the content
    private long _size;         // guarded by Fs.Lock
    private int _openCount;     // guarded by Fs.Lock: open descriptions
    private CommandEntry? _command; // guarded by Fs.Lock
    private bool _freed;        // guarded by Fs.Lock: bytes and inode returned to the file system

    public MemoryFile(MemoryFileSystem fs, uint permissions) : base(fs, permissions) => Nlink = 1;

    public override FileType Type => FileType.Regular;
    protected override long Size => _size;

    /// <summary>The registered command this file stands for (see <see cref="VirtualFileSystem.CreateCommandFile"/>).</summary>
    public override CommandEntry? Command
    {
        get
        {
            lock (Fs.Lock) return _command;
        }
    }

    internal void SetCommand(CommandEntry? command)
    {
        lock (Fs.Lock) _command = command;
    }

    public long Length
    {
        get
        {
            lock (Fs.Lock) return _size;
        }
    }

    public override Errno Open(VfsOpen request, out FileDescription file)
    {
        lock (Fs.Lock)
        {
            // Linux truncates (and updates mtime/ctime) on O_TRUNC even when the file is already empty.
            if ((request.Flags & OpenFlags.O_TRUNC) != 0)
            {
                var e = SetLength(0);
                if (e != Errno.SUCCESS)
                {
                    file = null!;
                    return e;
                }
            }
            _openCount++;
        }
        file = new RegularFileDescription(this, request.Flags) { Path = request.Path };
        return Errno.SUCCESS;
    }

    /// <summary>An open description of this file was closed.</summary>
    internal void OnClose()
    {
        lock (Fs.Lock)
        {
            _openCount--;
            FreeIfUnreferenced();
        }
    }

    internal override void OnUnlinked() => FreeIfUnreferenced();

    private void FreeIfUnreferenced()
    {
        if (Nlink > 0 || _openCount > 0 || _freed) return;
        _freed = true;
        Fs.Account(-_size);
        Fs.FreeInode();
        _size = 0;
        _data = [];
    }

    public override Errno Truncate(long length)
    {
        if (length < 0) return Errno.EINVAL;
        lock (Fs.Lock) return SetLength(length);
    }

    /// <summary>Reads at <paramref name="offset"/>; 0 bytes at or past the end.</summary>
    internal int ReadAt(long offset, Span<byte> buffer)
    {
        lock (Fs.Lock)
        {
            TouchAccessed();
            if (offset >= _size || buffer.Length == 0) return 0;
            var n = (int)Math.Min(buffer.Length, _size - offset);
            _data.AsSpan((int)offset, n).CopyTo(buffer);
            return n;
        }
    }

    /// <summary>
    /// Writes at <paramref name="offset"/> (at the end when <paramref name="append"/>), zero-filling a gap.
    /// When the file system is full it writes what fits; ENOSPC only when nothing fits (like Linux).
    /// </summary>
    internal Errno WriteAt(long offset, ReadOnlySpan<byte> data, bool append, out int written, out long end)
    {
        written = 0;
        lock (Fs.Lock)
        {
            if (append) offset = _size;
            end = offset;
            if (data.Length == 0) return Errno.SUCCESS;
            if (offset >= Array.MaxLength) return Errno.EFBIG;
            long count = Math.Min(data.Length, Array.MaxLength - offset);
            var growth = offset + count - _size;
            if (growth > 0 && growth > Fs.Available)
            {
                count -= growth - Fs.Available;
                if (count <= 0) return Errno.ENOSPC;
            }
            var newEnd = offset + count;
            if (newEnd > _size) Grow(newEnd);
            data[..(int)count].CopyTo(_data.AsSpan((int)offset));
            written = (int)count;
            end = newEnd;
            TouchModified();
            return Errno.SUCCESS;
        }
    }

    /// <summary>Sets the size (zero-filling growth), within the file system's budget. Caller holds the lock.</summary>
    internal Errno SetLength(long length)
    {
        if (length > Array.MaxLength) return Errno.EFBIG;
        if (length > _size)
        {
            if (length - _size > Fs.Available) return Errno.ENOSPC;
            Grow(length);
        }
        else if (length < _size)
        {
            _data.AsSpan((int)length, (int)(_size - length)).Clear();
            Fs.Account(length - _size);
            _size = length;
            if (_data.Length > 4096 && length < _data.Length / 4) Array.Resize(ref _data, (int)Math.Max(length, 64));
        }
        TouchModified();
        return Errno.SUCCESS;
    }

    /// <summary>Extends the content to <paramref name="length"/> with zeros. Caller holds the lock and checked the budget.</summary>
    private void Grow(long length)
    {
        if (length > _data.Length)
        {
            // Double, but never past what the whole file system may hold: a file cannot outgrow it.
            var capacity = Math.Max(length, Math.Min(Math.Min(Array.MaxLength, Fs.Capacity), Math.Max(64L, (long)_data.Length * 2)));
            Array.Resize(ref _data, (int)capacity);
        }
        Fs.Account(length - _size);
        _size = length;
    }

    /// <summary>Replaces the whole content (host writes, command files). Caller holds the lock.</summary>
    internal Errno SetContent(ReadOnlySpan<byte> content)
    {
        var e = SetLength(0);
        if (e != Errno.SUCCESS) return e;
        return WriteAt(0, content, append: false, out var written, out _) is var w && w != Errno.SUCCESS ? w
            : written < content.Length ? Errno.ENOSPC : Errno.SUCCESS;
    }
}
