using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Tests;

/// <summary>rt.FileSystem: the host's view of the VM's files, checked against what guest processes see.</summary>
public sealed class RuntimeFileSystemTests
{
    [Fact]
    public async Task WriteFileAsync_TextAndBytes_GuestReadsThem()
    {
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { Cwd = "/work" });
        await rt.FileSystem.WriteFileAsync("/srv/a/b/hello.txt", "héllo\n");
        await rt.FileSystem.WriteFileAsync("rel.bin", new byte[] { 1, 2, 3 });
        var r = await rt.ExecCommandAsync("sh", ["-c", "cat /srv/a/b/hello.txt; wc -c < /work/rel.bin"]);
        Assert.Equal("héllo\n3\n", r.Stdout.Replace(" ", ""));
    }

    [Fact]
    public async Task ReadFileAsync_WhatTheGuestWrote_RoundTrips()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        (await rt.ExecAsync("import { writeFileSync } from 'node:fs'; writeFileSync('/tmp/out.txt', 'from guest'); writeFileSync('/tmp/b', Buffer.from([9, 8]))")).ThrowOnFailure();
        Assert.Equal("from guest", await rt.FileSystem.ReadAllTextAsync("/tmp/out.txt"));
        Assert.Equal(new byte[] { 9, 8 }, await rt.FileSystem.ReadFileAsync("/tmp/b"));
        Assert.True(await rt.FileSystem.ExistsAsync("/tmp/out.txt"));
        Assert.True(await rt.FileSystem.ExistsAsync("/tmp"));
        Assert.False(await rt.FileSystem.ExistsAsync("/tmp/nope"));
    }

    [Fact]
    public async Task ListAsync_Directory_GivesNamesKindsAndSizes()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        (await rt.ExecCommandAsync("sh", ["-c", "mkdir -p /d/sub && printf 12345 > /d/f && ln -s f /d/link"])).ThrowOnFailure();
        var entries = await rt.FileSystem.ListAsync("/d");
        Assert.Equal(
            [new FileSystemEntry("f", FileType.Regular, 5), new FileSystemEntry("link", FileType.Symlink, 1), new FileSystemEntry("sub", FileType.Directory, entries[2].Size)],
            entries);
    }

    [Fact]
    public async Task CreateDirectoryAsync_Recursive_AndDeleteAsync_Recursive()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        await rt.FileSystem.CreateDirectoryAsync("/x/y/z");
        await rt.FileSystem.CreateDirectoryAsync("/x/y/z"); // existing: fine
        await rt.FileSystem.WriteFileAsync("/x/y/z/f.txt", "1");
        var notEmpty = await Assert.ThrowsAsync<IOException>(() => rt.FileSystem.DeleteAsync("/x"));
        Assert.Contains("ENOTEMPTY", notEmpty.Message);
        await rt.FileSystem.DeleteAsync("/x/y/z/f.txt");
        Assert.False(await rt.FileSystem.ExistsAsync("/x/y/z/f.txt"));
        await rt.FileSystem.WriteFileAsync("/x/y/g.txt", "2");
        await rt.FileSystem.DeleteAsync("/x", recursive: true);
        Assert.False(await rt.FileSystem.ExistsAsync("/x"));
        Assert.Equal("gone\n", (await rt.ExecCommandAsync("sh", ["-c", "test -e /x || echo gone"])).Stdout);
    }

    [Fact]
    public async Task Errors_AreDotNetExceptions_WithGuestPathAndErrno()
    {
        await using var rt = await NodeRuntime.CreateAsync();
        var missing = await Assert.ThrowsAsync<FileNotFoundException>(() => rt.FileSystem.ReadFileAsync("/nope.txt"));
        Assert.Equal("ENOENT: no such file or directory, open '/nope.txt'", missing.Message);
        Assert.Equal("ENOENT", missing.Data["errno"]);
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => rt.FileSystem.ListAsync("/nope"));
        await rt.FileSystem.WriteFileAsync("/file", "x");
        var notDir = await Assert.ThrowsAsync<DirectoryNotFoundException>(() => rt.FileSystem.ReadFileAsync("/file/inner"));
        Assert.Contains("ENOTDIR", notDir.Message);
        var isDir = await Assert.ThrowsAsync<IOException>(() => rt.FileSystem.ReadFileAsync("/tmp"));
        Assert.Contains("EISDIR", isDir.Message);
        await Assert.ThrowsAsync<FileNotFoundException>(() => rt.FileSystem.DeleteAsync("/nope"));
    }

    [Fact]
    public async Task WriteFileAsync_ReadOnlyMount_ThrowsErofsAndLeavesHostUntouched()
    {
        var host = Directory.CreateTempSubdirectory("secure-exec-fs-").FullName;
        try
        {
            await File.WriteAllTextAsync(Path.Combine(host, "in.txt"), "host data");
            await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions
            {
                Mounts = [new MountOptions { HostPath = host, GuestPath = "/data" }],
            });
            Assert.Equal("host data", await rt.FileSystem.ReadAllTextAsync("/data/in.txt"));
            var ex = await Assert.ThrowsAsync<IOException>(() => rt.FileSystem.WriteFileAsync("/data/new.txt", "x"));
            Assert.Contains("EROFS", ex.Message);
            await Assert.ThrowsAsync<IOException>(() => rt.FileSystem.DeleteAsync("/data/in.txt"));
            Assert.False(File.Exists(Path.Combine(host, "new.txt")));
            Assert.True(File.Exists(Path.Combine(host, "in.txt")));
        }
        finally
        {
            Directory.Delete(host, recursive: true);
        }
    }

    [Fact]
    public async Task Calls_CancelledOrDisposed_Throw()
    {
        var rt = await NodeRuntime.CreateAsync();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => rt.FileSystem.WriteFileAsync("/a", "x", cts.Token));
        await rt.DisposeAsync();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => rt.FileSystem.ExistsAsync("/a"));
    }
}
