using System.Text;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Vfs.Host;

namespace SecureExec.Testing.Tests.Kernel.Vfs;

/// <summary>Host directories mounted into the VM: behaviour, EROFS/EXDEV, and every escape attempt.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class HostMountTests : VfsTestBase
{
    private readonly string _root;    // temp dir holding both the mounted dir and a sibling "outside" dir
    private readonly string _host;    // mounted at /mnt/h (read-write) and /mnt/ro (read-only)
    private readonly string _outside; // must never be reachable from the guest

    public HostMountTests()
    {
        _root = Directory.CreateTempSubdirectory("secure-exec-vfs-").FullName;
        _host = Path.Combine(_root, "host");
        _outside = Path.Combine(_root, "outside");
        Directory.CreateDirectory(Path.Combine(_host, "sub"));
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_host, "inside.txt"), "inside");
        File.WriteAllText(Path.Combine(_host, "sub", "a.txt"), "a");
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "SECRET");
        File.CreateSymbolicLink(Path.Combine(_host, "abs_escape"), "/etc");
        File.CreateSymbolicLink(Path.Combine(_host, "abs_outside"), _outside);
        File.CreateSymbolicLink(Path.Combine(_host, "rel_escape"), "../outside");
        File.CreateSymbolicLink(Path.Combine(_host, "rel_inside"), "sub/a.txt");
        Assert.Equal(Errno.SUCCESS, Fs.Mount("/mnt/h", _host, readOnly: false));
        Assert.Equal(Errno.SUCCESS, Fs.Mount("/mnt/ro", _host, readOnly: true));
    }

    public override void Dispose()
    {
        base.Dispose();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Read_FileInMount_HostContent()
    {
        Assert.Equal("inside", ReadFile("/mnt/h/inside.txt"));
        Assert.Equal("a", ReadFile("/mnt/ro/sub/a.txt"));
        Assert.Equal("a", ReadFile("/mnt/h/rel_inside"));
    }

    [Fact]
    public void Resolve_DotDotAtMountRoot_GuestParent()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Realpath(Host, "/mnt/h/..", out var p));
        Assert.Equal("/mnt", p);
        Assert.Equal(StatOk("/mnt").Ino, StatOk("/mnt/h/sub/../..").Ino);
        Assert.Equal(Errno.ENOENT, Fs.Stat(Host, "/mnt/h/../outside/secret.txt", true, out _));
        Assert.Equal(Errno.ENOENT, Fs.Stat(Host, "/mnt/h/../../../../../../" + _outside + "/secret.txt", true, out _));
        Assert.Equal(Errno.SUCCESS, Fs.Realpath(At("/mnt/h/sub"), "../../h/./sub", out p));
        Assert.Equal("/mnt/h/sub", p);
    }

    [Fact]
    public void Resolve_AbsoluteHostSymlink_TargetInGuestNamespace()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Readlink(Host, "/mnt/h/abs_escape", out var target));
        Assert.Equal("/etc", target);
        Assert.Equal("root:x:0:0:root:/root:/bin/sh\n", ReadFile("/mnt/h/abs_escape/passwd"));
        Assert.Equal(Errno.ENOENT, Fs.Stat(Host, "/mnt/h/abs_outside/secret.txt", true, out _));
        Assert.Equal(FileType.Symlink, StatOk("/mnt/h/abs_escape", follow: false).Type);
    }

    [Fact]
    public void Resolve_RelativeHostSymlinkOutside_TargetAgainstGuestParent()
    {
        Assert.Equal(Errno.ENOENT, Fs.Stat(Host, "/mnt/h/rel_escape/secret.txt", true, out _));
        WriteFile("/mnt/outside/secret.txt", "guest file");
        Assert.Equal("guest file", ReadFile("/mnt/h/rel_escape/secret.txt"));
    }

    [Fact]
    public void Resolve_DirectorySwappedForSymlinkBetweenCalls_NeverFollowedOnHost()
    {
        Assert.Equal(Errno.SUCCESS, Fs.ResolveDirectory(Host, "/mnt/h/sub", out _));
        Assert.Equal(Errno.SUCCESS, Fs.Open(Host, "/mnt/h/sub", OpenFlags.O_RDONLY | OpenFlags.O_DIRECTORY, 0, out var dir));
        Directory.Move(Path.Combine(_host, "sub"), Path.Combine(_host, "sub.old"));
        File.CreateSymbolicLink(Path.Combine(_host, "sub"), _outside);
        File.Copy(Path.Combine(_outside, "secret.txt"), Path.Combine(_outside, "a.txt"));

        Assert.Equal(Errno.ENOENT, Fs.Stat(Host, "/mnt/h/sub/secret.txt", true, out _));
        Assert.Equal(Errno.ENOENT, OpenErr("/mnt/h/sub/a.txt", OpenFlags.O_RDONLY));
        Assert.Equal(Errno.ENOENT, Fs.Mkdir(Host, "/mnt/h/sub/new", 0x1ED));
        Assert.False(Directory.Exists(Path.Combine(_outside, "new")));
        // The directory opened before the swap still lists the original directory.
        Assert.Equal(Errno.SUCCESS, dir.ReadDirectory(out var entries));
        Assert.Equal(["a.txt"], entries.Select(e => e.Name));
        dir.Release();
    }

    [Fact]
    public void OpenBeneath_SymlinkInPath_ELOOP_BothStrategies()
    {
        File.CreateSymbolicLink(Path.Combine(_host, "link_dir"), _outside);
        Assert.Equal(Errno.SUCCESS, HostInterop.OpenDirectoryPath(_host, out var root));
        using (root)
        {
            Assert.Equal(Errno.ELOOP, HostInterop.OpenBeneath(root, "link_dir/secret.txt", HostInterop.O_RDONLY, 0, out _));
            Assert.Equal(Errno.ELOOP, HostInterop.OpenBeneath(root, "abs_escape", HostInterop.O_RDONLY, 0, out _));
            Assert.Equal(Errno.EINVAL, HostInterop.OpenBeneath(root, "../outside/secret.txt", HostInterop.O_RDONLY, 0, out _));
            Assert.Equal(Errno.EINVAL, HostInterop.OpenBeneath(root, _outside + "/secret.txt", HostInterop.O_RDONLY, 0, out _));
            Assert.NotEqual(Errno.SUCCESS, HostInterop.OpenByComponents(root, "link_dir/secret.txt", HostInterop.O_RDONLY | HostInterop.O_NOFOLLOW, 0, out _));
            Assert.Equal(Errno.ELOOP, HostInterop.OpenByComponents(root, "abs_escape", HostInterop.O_RDONLY | HostInterop.O_NOFOLLOW, 0, out _));
            Assert.Equal(Errno.SUCCESS, HostInterop.OpenByComponents(root, "sub/a.txt", HostInterop.O_RDONLY | HostInterop.O_NOFOLLOW, 0, out var fd));
            fd.Dispose();
        }
    }

    [Fact]
    public void Write_ReadWriteMount_VisibleOnHost()
    {
        WriteFile("/mnt/h/new.txt", "from guest");
        Assert.Equal("from guest", File.ReadAllText(Path.Combine(_host, "new.txt")));
        var f = OpenOk("/mnt/h/new.txt", OpenFlags.O_WRONLY | OpenFlags.O_APPEND);
        Write(f, "!");
        f.Release();
        Assert.Equal("from guest!", File.ReadAllText(Path.Combine(_host, "new.txt")));
        Assert.Equal(Errno.EEXIST, OpenErr("/mnt/h/new.txt", OpenFlags.O_WRONLY | OpenFlags.O_CREAT | OpenFlags.O_EXCL));
    }

    [Fact]
    public void Namespace_ReadWriteMount_ReflectedOnHost()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Mkdir(Host, "/mnt/h/d", 0x1FF));
        Assert.True(Directory.Exists(Path.Combine(_host, "d")));
        Assert.Equal(Errno.SUCCESS, Fs.Rename(Host, "/mnt/h/inside.txt", "/mnt/h/d/moved.txt"));
        Assert.Equal("inside", File.ReadAllText(Path.Combine(_host, "d", "moved.txt")));
        Assert.Equal(Errno.SUCCESS, Fs.Link(Host, "/mnt/h/d/moved.txt", "/mnt/h/hard.txt"));
        Assert.Equal(2u, StatOk("/mnt/h/hard.txt").Nlink);
        Assert.Equal(Errno.SUCCESS, Fs.Symlink(Host, "/anywhere", "/mnt/h/guest_link"));
        Assert.Equal("/anywhere", new FileInfo(Path.Combine(_host, "guest_link")).LinkTarget);
        Assert.Equal(Errno.ENOTEMPTY, Fs.Rmdir(Host, "/mnt/h/d"));
        Assert.Equal(Errno.SUCCESS, Fs.Unlink(Host, "/mnt/h/d/moved.txt"));
        Assert.Equal(Errno.SUCCESS, Fs.Rmdir(Host, "/mnt/h/d"));
        Assert.False(Directory.Exists(Path.Combine(_host, "d")));
        Assert.Equal(Errno.EISDIR, Fs.Unlink(Host, "/mnt/h/sub"));
        Assert.Equal(Errno.ENOTDIR, Fs.Rmdir(Host, "/mnt/h/hard.txt"));
    }

    [Fact]
    public void Attributes_ReadWriteMount_ReflectedOnHost()
    {
        Assert.Equal(Errno.SUCCESS, Fs.Chmod(Host, "/mnt/h/inside.txt", 0x1ED, true));
        Assert.Equal(0x1EDu, StatOk("/mnt/h/inside.txt").Permissions);
        Assert.Equal(Errno.SUCCESS, Fs.Utimens(Host, "/mnt/h/inside.txt", null, new Timespec(1_000_000, 0), true));
        Assert.Equal(1_000_000, StatOk("/mnt/h/inside.txt").Mtime.Seconds);
        Assert.Equal(new DateTime(1970, 1, 12, 13, 46, 40, DateTimeKind.Utc), File.GetLastWriteTimeUtc(Path.Combine(_host, "inside.txt")));
        Assert.Equal(Errno.SUCCESS, Fs.Truncate(Host, "/mnt/h/inside.txt", 2));
        Assert.Equal("in", File.ReadAllText(Path.Combine(_host, "inside.txt")));
        Assert.Equal(Errno.SUCCESS, Fs.Chown(Host, "/mnt/h/inside.txt", 0, 0, true));
    }

    [Fact]
    public void Stat_HostFile_OwnedByRootOnMountDevice()
    {
        var st = StatOk("/mnt/h/inside.txt");
        Assert.Equal(0u, st.Uid);
        Assert.Equal(0u, st.Gid);
        Assert.Equal(6, st.Size);
        Assert.Equal(FileType.Regular, st.Type);
        Assert.NotEqual(StatOk("/").Dev, st.Dev);
        Assert.NotEqual(StatOk("/mnt/ro/inside.txt").Dev, st.Dev);
        Assert.Equal(StatOk("/mnt/ro/inside.txt").Ino, st.Ino);
        Assert.Equal(FileType.Directory, StatOk("/mnt/h").Type);
    }

    [Fact]
    public void ReadDirectory_HostDir_SortedWithTypes()
    {
        var d = OpenOk("/mnt/h", OpenFlags.O_RDONLY);
        Assert.Equal(Errno.SUCCESS, d.ReadDirectory(out var entries));
        d.Release();
        Assert.Equal(["abs_escape", "abs_outside", "inside.txt", "rel_escape", "rel_inside", "sub"], entries.Select(e => e.Name));
        Assert.Equal(FileType.Symlink, entries[0].Type);
        Assert.Equal(FileType.Regular, entries[2].Type);
        Assert.Equal(FileType.Directory, entries[5].Type);
        Assert.Equal(Errno.EISDIR, OpenOk("/mnt/h/sub", OpenFlags.O_RDONLY) is var sub && sub.Read(null, new byte[1], out _) is var e ? e : default);
        sub.Release();
    }

    [Fact]
    public void Write_ReadOnlyMount_EROFS()
    {
        Assert.Equal(Errno.EROFS, OpenErr("/mnt/ro/inside.txt", OpenFlags.O_WRONLY));
        Assert.Equal(Errno.EROFS, OpenErr("/mnt/ro/inside.txt", OpenFlags.O_RDONLY | OpenFlags.O_TRUNC));
        Assert.Equal(Errno.EROFS, OpenErr("/mnt/ro/new.txt", OpenFlags.O_WRONLY | OpenFlags.O_CREAT));
        Assert.Equal(Errno.EROFS, Fs.Mkdir(Host, "/mnt/ro/d", 0x1ED));
        Assert.Equal(Errno.EEXIST, Fs.Mkdir(Host, "/mnt/ro/sub", 0x1ED));
        Assert.Equal(Errno.EROFS, Fs.Unlink(Host, "/mnt/ro/inside.txt"));
        Assert.Equal(Errno.EROFS, Fs.Rmdir(Host, "/mnt/ro/sub"));
        Assert.Equal(Errno.EROFS, Fs.Rename(Host, "/mnt/ro/inside.txt", "/mnt/ro/x"));
        Assert.Equal(Errno.EROFS, Fs.Symlink(Host, "x", "/mnt/ro/l"));
        Assert.Equal(Errno.EROFS, Fs.Link(Host, "/mnt/ro/inside.txt", "/mnt/ro/l"));
        Assert.Equal(Errno.EROFS, Fs.Chmod(Host, "/mnt/ro/inside.txt", 0x1FF, true));
        Assert.Equal(Errno.EROFS, Fs.Utimens(Host, "/mnt/ro/inside.txt", null, null, true));
        Assert.Equal(Errno.EROFS, Fs.Truncate(Host, "/mnt/ro/inside.txt", 0));
        Assert.Equal(Errno.EROFS, Fs.Access(Host, "/mnt/ro/inside.txt", AccessMode.W_OK));
        Assert.Equal(Errno.SUCCESS, Fs.Access(Host, "/mnt/ro/inside.txt", AccessMode.R_OK));
        Assert.Equal("inside", File.ReadAllText(Path.Combine(_host, "inside.txt")));
    }

    [Fact]
    public void Rename_AcrossMounts_EXDEV()
    {
        Assert.Equal(Errno.EXDEV, Fs.Rename(Host, "/mnt/h/inside.txt", "/tmp/x"));
        Assert.Equal(Errno.EXDEV, Fs.Rename(Host, "/tmp", "/mnt/h/tmp"));
        Assert.Equal(Errno.EXDEV, Fs.Link(Host, "/mnt/h/inside.txt", "/tmp/x"));
        Assert.Equal(Errno.EXDEV, Fs.Link(Host, "/etc/passwd", "/mnt/h/passwd"));
        Assert.Equal(Errno.EXDEV, Fs.Rename(Host, "/mnt/h/inside.txt", "/mnt/ro/x"));
    }

    [Fact]
    public void Rmdir_MountPoint_EBUSY()
    {
        Assert.Equal(Errno.EBUSY, Fs.Rmdir(Host, "/mnt/h"));
        Assert.Equal(Errno.EBUSY, Fs.Rename(Host, "/mnt/h", "/mnt/h2"));
        Assert.Equal(Errno.EBUSY, Fs.Mount("/mnt/h", _host, readOnly: true));
    }

    [Fact]
    public void Mount_BadHostPath_HostErrno()
    {
        Assert.Equal(Errno.ENOENT, Fs.Mount("/mnt/x", Path.Combine(_root, "missing"), true));
        Assert.Equal(Errno.ENOTDIR, Fs.Mount("/mnt/x", Path.Combine(_host, "inside.txt"), true));
        Assert.Equal(Errno.EINVAL, Fs.Mount("relative", _host, true));
        Assert.Equal(Errno.EINVAL, Fs.Mount("/mnt/h/inner/deeper", _outside, true));
        Assert.False(Directory.Exists(Path.Combine(_host, "inner")));
        Assert.Equal(Errno.ENOTDIR, Fs.Mount("/etc/passwd/x", _outside, true));
        Assert.Equal(Errno.EBUSY, Fs.Mount("/proc", _outside, true));
    }

    [Fact]
    public void Read_ProcMounts_ListsHostMountsWithoutHostPaths()
    {
        Assert.Equal(Errno.SUCCESS, Fs.ReadAllBytes("/proc/mounts", out var bytes));
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("hostfs /mnt/h hostfs rw,", text);
        Assert.Contains("hostfs /mnt/ro hostfs ro,", text);
        Assert.DoesNotContain(_host, text);
    }

    [Fact]
    public void Seek_HostFile_EndAndSparse()
    {
        var f = OpenOk("/mnt/h/inside.txt", OpenFlags.O_RDWR);
        Assert.Equal(Errno.SUCCESS, f.Seek(2, Whence.SEEK_END, out var pos));
        Assert.Equal(8, pos);
        Write(f, "X");
        f.Release();
        Assert.Equal("inside\0\0X", File.ReadAllText(Path.Combine(_host, "inside.txt")));
    }

    [Fact]
    public void ProcFd_HostFile_ReadlinkGuestPath()
    {
        Assert.Equal(Errno.SUCCESS, Kernel.Init.Open("/mnt/h/sub/a.txt", OpenFlags.O_RDONLY, 0, out var fd));
        Assert.Equal(Errno.SUCCESS, Fs.Readlink(Kernel.Init.PathContext, $"/proc/self/fd/{fd}", out var text));
        Assert.Equal("/mnt/h/sub/a.txt", text);
        Kernel.Init.Fds.CloseAll();
    }

    [Fact]
    public void Open_HostFifo_ENXIO()
    {
        var fifo = Path.Combine(_host, "fifo");
        using (var p = System.Diagnostics.Process.Start("mkfifo", fifo)) p.WaitForExit();
        Assert.Equal(FileType.Fifo, StatOk("/mnt/h/fifo").Type);
        Assert.Equal(Errno.ENXIO, OpenErr("/mnt/h/fifo", OpenFlags.O_RDONLY));
        Assert.Equal(Errno.ENXIO, OpenErr("/mnt/h/fifo", OpenFlags.O_WRONLY));
    }

    [Fact]
    public void Open_OpenatFallback_SameBehaviour()
    {
        var saved = HostInterop.UseOpenatFallback;
        HostInterop.UseOpenatFallback = true;
        try
        {
            Assert.Equal("a", ReadFile("/mnt/h/sub/a.txt"));
            Assert.Equal("root:x:0:0:root:/root:/bin/sh\n", ReadFile("/mnt/h/abs_escape/passwd"));
            Directory.Move(Path.Combine(_host, "sub"), Path.Combine(_host, "sub.old"));
            File.CreateSymbolicLink(Path.Combine(_host, "sub"), _outside);
            Assert.Equal(Errno.ENOENT, OpenErr("/mnt/h/sub/secret.txt", OpenFlags.O_RDONLY));
            WriteFile("/mnt/h/made-by-fallback", "ok");
            Assert.Equal("ok", File.ReadAllText(Path.Combine(_host, "made-by-fallback")));
        }
        finally
        {
            HostInterop.UseOpenatFallback = saved;
        }
    }

    [Fact]
    public void Write_ReadOnlyDescription_EBADF()
    {
        var f = OpenOk("/mnt/h/inside.txt", OpenFlags.O_RDONLY);
        Assert.Equal(Errno.EBADF, f.Write(null, "x"u8, out _));
        f.Release();
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Open_ConcurrentSymlinkSwap_NeverReadsOutside(bool openatFallback)
    {
        File.WriteAllText(Path.Combine(_outside, "a.txt"), "SECRET");
        var saved = HostInterop.UseOpenatFallback;
        HostInterop.UseOpenatFallback = openatFallback;
        var sub = Path.Combine(_host, "sub");
        var parked = Path.Combine(_host, "parked");
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(400));
        var swaps = 0;
        Exception? swapError = null;
        var swapper = new Thread(() =>
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    Directory.Move(sub, parked);
                    File.CreateSymbolicLink(sub, swaps % 2 == 0 ? _outside : "../outside");
                    Thread.Yield();
                    File.Delete(sub);
                    Directory.Move(parked, sub);
                    swaps++;
                    Thread.Sleep(1); // leave the real directory in place for a while too
                }
            }
            catch (Exception ex)
            {
                swapError = ex;
            }
        });
        swapper.Start();
        try
        {
            var seen = new HashSet<string>();
            while (swapper.IsAlive)
            {
                var e = Fs.ReadAllBytes("/mnt/h/sub/a.txt", out var bytes);
                seen.Add(e == Errno.SUCCESS ? Encoding.UTF8.GetString(bytes) : e.ToString());
                var fd = Fs.Open(Host, "/mnt/h/sub", OpenFlags.O_RDONLY | OpenFlags.O_DIRECTORY, 0, out var dir);
                if (fd == Errno.SUCCESS)
                {
                    if (dir.ReadDirectory(out var entries) == Errno.SUCCESS)
                        Assert.DoesNotContain(entries, x => x.Name == "secret.txt");
                    dir.Release();
                }
            }
            swapper.Join();
            Assert.Null(swapError);
            Assert.DoesNotContain("SECRET", seen);
            Assert.True(seen.Contains("a"), string.Join(",", seen) + " swaps=" + swaps);
            Assert.True(swaps > 0);
        }
        finally
        {
            HostInterop.UseOpenatFallback = saved;
        }
    }

    [Fact]
    public void Open_CreateThroughDanglingHostSymlink_CreatesInGuestNotOnHost()
    {
        var hostTarget = Path.Combine(Path.GetTempPath(), "secure-exec-created-by-guest-" + Guid.NewGuid().ToString("N"));
        File.CreateSymbolicLink(Path.Combine(_host, "dangle"), hostTarget);
        try
        {
            WriteFile("/mnt/h/dangle", "guest data");
            Assert.False(File.Exists(hostTarget));
            Assert.Equal("guest data", ReadFile(hostTarget)); // the same path inside the VM (memory file system)
            Assert.Equal(StatOk("/").Dev, StatOk(hostTarget).Dev);
        }
        finally
        {
            File.Delete(hostTarget);
        }
    }

    [Fact]
    public void Chmod_FileSwappedForSymlink_TargetOutsideUntouched()
    {
        Assert.Equal(FileType.Regular, StatOk("/mnt/h/inside.txt").Type);
        Assert.Equal(Errno.SUCCESS, Fs.Open(Host, "/mnt/h/inside.txt", OpenFlags.O_RDONLY, 0, out var keep));
        var node = ((SecureExec.Testing.Kernel.Vfs.IVfsDescription)keep).Node; // looked up as a regular file
        keep.Release();
        File.Delete(Path.Combine(_host, "inside.txt"));
        var secret = Path.Combine(_outside, "secret.txt");
        File.CreateSymbolicLink(Path.Combine(_host, "inside.txt"), secret);
        var before = File.GetUnixFileMode(secret);
        Assert.Equal(Errno.ELOOP, node.Chmod(0x1FF));
        Assert.Equal(Errno.ELOOP, node.Utimens(new Timespec(1, 0), new Timespec(1, 0)));
        Assert.Equal(Errno.ELOOP, node.Truncate(0));
        Assert.Equal(before, File.GetUnixFileMode(secret));
        Assert.Equal("SECRET", File.ReadAllText(secret));
    }
}
