using SecureExec.Testing.Tests.Drivers.Wasm;

namespace SecureExec.Testing.Tests.Security;

/// <summary>
/// Escape suite, WASI: a hand-written module calls path_open, path_filestat_get, fd_readdir, path_symlink and
/// path_rename with crafted dirfds, paths and pointers. Each call answers the errno Linux's *at() calls give (WASI
/// numbering) and nothing reaches the host file next to the mount. Absolute paths and ".." above the preopen are
/// the VM's own namespace by design (the whole VM is the sandbox; see Drivers/Wasm/README.md "The preopen").
/// </summary>
public sealed class EscapeWasiTests : IDisposable
{
    private const string Secret = "HOST-SECRET-wasi-77";
    // WASI errno numbers (wasi_snapshot_preview1 "errno"), not Linux's.
    private const int ESUCCESS = 0, EBADF = 8, EFAULT = 21, EINVAL = 28, ENAMETOOLONG = 37, ENOENT = 44, ENOTDIR = 54, EROFS = 69, EXDEV = 75;
    private const int Preopen = 3, OflagsCreat = 1, OflagsDirectory = 2;

    private readonly string _root = Directory.CreateTempSubdirectory("secure-exec-wasi-escape-").FullName;
    private readonly string _commands;
    private readonly string _secretPath;

    public EscapeWasiTests()
    {
        _commands = Directory.CreateDirectory(Path.Combine(_root, "commands")).FullName;
        var mounted = Directory.CreateDirectory(Path.Combine(_root, "mounted")).FullName;
        File.WriteAllText(Path.Combine(mounted, "inside.txt"), "inside");
        _secretPath = Path.Combine(_root, "secret.txt");
        File.WriteAllText(_secretPath, Secret);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static string I(int v) => $"(i32.const {v})";
    private static string G(int n) => $"(global.get $g{n})";
    private static string Up(int times) => string.Concat(Enumerable.Repeat("../", times));

    [Fact]
    public async Task PathCalls_CraftedDirFdsPathsAndPointers_AnswerLinuxErrnosAndStayInTheVm()
    {
        var p = new WasiProbe();
        var expected = new List<int>();
        void Expect(string label, string expr, int errno) { p.Step(label, expr); expected.Add(errno); }
        void Open(string label, int global, string call) { p.Open(label, global, call); expected.Add(ESUCCESS); }
        var x = p.Str("x");
        var secretFromRoot = p.Str(Up(12) + _secretPath.TrimStart('/'));

        // Descriptors used below: $g0 a regular file, $g1 the mounted directory.
        Open("open file", 0, WasiProbe.PathOpen(I(Preopen), p.Str("tmp/wat-file"), OflagsCreat));
        Open("open mount dir", 1, WasiProbe.PathOpen(I(Preopen), p.Str("data"), OflagsDirectory, rights: WasiProbe.DirRights));

        // path_open through a dirfd that is not an open directory.
        Expect("path_open dirfd=file", WasiProbe.PathOpen(G(0), x), ENOTDIR);
        Expect("path_open dirfd=closed", WasiProbe.PathOpen(I(99), x), EBADF);
        Expect("path_open dirfd=-1", WasiProbe.PathOpen(I(-1), x), EBADF);
        Expect("path_open dirfd=0 (stdin pipe)", WasiProbe.PathOpen(I(0), x), ENOTDIR);
        Expect("path_open dirfd=1 (stdout pipe)", WasiProbe.PathOpen(I(1), x), ENOTDIR);
        Expect("path_open dirfd=2 (stderr pipe)", WasiProbe.PathOpen(I(2), x), ENOTDIR);
        Expect("path_open dirfd=int.MaxValue", WasiProbe.PathOpen(I(int.MaxValue), x), EBADF);
        Expect("path_open dirfd=int.MinValue", WasiProbe.PathOpen(I(int.MinValue), x), EBADF);

        // Paths: ".." and absolute paths stay in the VM's namespace; the host file is not there.
        Expect("path_open ../ x12 /tmp/wat-file (the VM's own)", WasiProbe.PathOpen(I(Preopen), p.Str(Up(12) + "tmp/wat-file")), ESUCCESS);
        Expect("path_open ../ x12 host secret", WasiProbe.PathOpen(I(Preopen), secretFromRoot), ENOENT);
        Expect("path_open absolute host secret", WasiProbe.PathOpen(I(Preopen), p.Str(_secretPath)), ENOENT);
        Expect("path_open mount ../secret.txt", WasiProbe.PathOpen(G(1), p.Str("../secret.txt")), ENOENT);
        Expect("path_open mount ../ x12 host secret", WasiProbe.PathOpen(G(1), secretFromRoot), ENOENT);
        Expect("path_open mount inside.txt (read)", WasiProbe.PathOpen(G(1), p.Str("inside.txt"), rights: 2), ESUCCESS);
        Expect("path_open mount inside.txt (write)", WasiProbe.PathOpen(G(1), p.Str("inside.txt")), EROFS);
        Expect("path_open embedded NUL", WasiProbe.PathOpen(I(Preopen), p.Str("tmp/wat-file\0/../x")), EINVAL);
        Expect("path_open 5000-byte path", WasiProbe.PathOpen(I(Preopen), p.Str(string.Concat(Enumerable.Repeat("a/", 2500)))), ENAMETOOLONG);
        Expect("path_open 300-byte component", WasiProbe.PathOpen(I(Preopen), p.Str(new string('a', 300))), ENAMETOOLONG);
        Expect("path_open empty path", WasiProbe.PathOpen(I(Preopen), p.Str("")), ENOENT);

        // Pointers and lengths outside linear memory (2 pages = 131072 bytes).
        Expect("path_open path ptr 0xFFFFFF00", WasiProbe.PathOpen(I(Preopen), $"{I(-256)} {I(16)}"), EFAULT);
        Expect("path_open path len int.MaxValue", WasiProbe.PathOpen(I(Preopen), $"{I(1024)} {I(int.MaxValue)}"), EFAULT);
        Expect("path_open path len -1", WasiProbe.PathOpen(I(Preopen), $"{I(1024)} {I(-1)}"), EFAULT);
        Expect("path_open path crossing the end", WasiProbe.PathOpen(I(Preopen), $"{I(131060)} {I(100)}"), EFAULT);
        // A bad fd_out pointer fails before the open, so no descriptor leaks: the next open gets the same fd.
        Open("open again", 2, WasiProbe.PathOpen(I(Preopen), p.Str("tmp/wat-file")));
        Expect("fd_close", $"(call $fd_close {G(2)})", ESUCCESS);
        Expect("path_open fd_out -4", WasiProbe.PathOpen(I(Preopen), p.Str("tmp/wat-file"), fdOut: I(-4)), EFAULT);
        Open("open once more", 3, WasiProbe.PathOpen(I(Preopen), p.Str("tmp/wat-file")));
        Expect("no fd leaked", $"(i32.eq {G(2)} {G(3)})", 1);

        // path_filestat_get.
        string Stat(string fd, string path, int at = WasiProbe.Stat) => $"(call $path_filestat_get {fd} (i32.const 1) {path} {I(at)})";
        Expect("filestat dirfd=file", Stat(G(0), x), ENOTDIR);
        Expect("filestat dirfd=closed", Stat(I(99), x), EBADF);
        Expect("filestat dirfd=-1", Stat(I(-1), x), EBADF);
        Expect("filestat host secret via ..", Stat(I(Preopen), secretFromRoot), ENOENT);
        Expect("filestat mount ../secret.txt", Stat(G(1), p.Str("../secret.txt")), ENOENT);
        Expect("filestat path ptr out of memory", Stat(I(Preopen), $"{I(-8)} {I(4)}"), EFAULT);
        Expect("filestat out ptr out of memory", Stat(I(Preopen), p.Str("tmp"), 131070), EFAULT);

        // fd_readdir.
        string Readdir(string fd, int buf = WasiProbe.Dirent, int length = WasiProbe.DirentLength, long cookie = 0, int used = WasiProbe.BufUsed) =>
            $"(call $fd_readdir {fd} {I(buf)} {I(length)} (i64.const {cookie}) {I(used)})";
        Expect("readdir fd=file", Readdir(G(0)), ENOTDIR);
        Expect("readdir fd=closed", Readdir(I(99)), EBADF);
        Expect("readdir fd=-1", Readdir(I(-1)), EBADF);
        Expect("readdir fd=1 (pipe)", Readdir(I(1)), ENOTDIR);
        Expect("readdir buf out of memory", Readdir(G(1), buf: -16), EFAULT);
        Expect("readdir buf len int.MaxValue", Readdir(G(1), length: int.MaxValue), EFAULT);
        Expect("readdir bufused out of memory", Readdir(G(1), used: 131071), EFAULT);
        Expect("readdir cookie long.MaxValue", Readdir(G(1), cookie: long.MaxValue), ESUCCESS);
        Expect("readdir cookie long.MaxValue: nothing", $"(i32.load {I(WasiProbe.BufUsed)})", 0);

        // path_symlink: a link to the host path is stored as text and resolves in the VM.
        string Symlink(string target, string fd, string path) => $"(call $path_symlink {target} {fd} {path})";
        var secretText = p.Str(_secretPath);
        Expect("symlink target out of memory", Symlink($"{I(-100)} {I(200)}", I(Preopen), p.Str("tmp/l1")), EFAULT);
        Expect("symlink dirfd=closed", Symlink(secretText, I(99), p.Str("l2")), EBADF);
        Expect("symlink dirfd=file", Symlink(secretText, G(0), p.Str("l3")), ENOTDIR);
        Expect("symlink into read-only mount", Symlink(secretText, G(1), p.Str("l4")), EROFS);
        Expect("symlink to host secret", Symlink(secretText, I(Preopen), p.Str("tmp/to-secret")), ESUCCESS);
        Expect("open through it", WasiProbe.PathOpen(I(Preopen), p.Str("tmp/to-secret")), ENOENT);

        // path_rename.
        string Rename(string oldFd, string oldPath, string newFd, string newPath) => $"(call $path_rename {oldFd} {oldPath} {newFd} {newPath})";
        var file = p.Str("tmp/wat-file");
        Expect("rename old dirfd=closed", Rename(I(99), file, I(Preopen), p.Str("tmp/y")), EBADF);
        Expect("rename new dirfd=file", Rename(I(Preopen), file, G(0), p.Str("y")), ENOTDIR);
        Expect("rename new path out of memory", Rename(I(Preopen), file, I(Preopen), $"{I(131000)} {I(1000)}"), EFAULT);
        Expect("rename to a host directory", Rename(I(Preopen), file, I(Preopen), p.Str(Up(12) + _root.TrimStart('/') + "/escaped")), ENOENT);
        Expect("rename into the read-only mount", Rename(I(Preopen), file, G(1), p.Str("escaped")), EXDEV);
        Expect("file still there", WasiProbe.PathOpen(I(Preopen), file), ESUCCESS);

        p.Save(_commands, "probe");
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions
        {
            CommandsDir = _commands,
            Mounts = [new MountOptions { HostPath = Path.Combine(_root, "mounted"), GuestPath = "/data" }],
        });
        var r = await rt.ExecCommandAsync("probe", [], new ExecOptions { Timeout = TimeSpan.FromSeconds(60) });
        Assert.Equal("", r.Stderr);
        Assert.Equal(0, r.ExitCode);
        var actual = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
        var report = string.Join('\n', p.Labels.Select((l, i) => $"{l}: expected {expected[i]}, got {(i < actual.Count ? actual[i] : "nothing")}{(i < actual.Count && actual[i] == expected[i] ? "" : "   <== differs")}"));
        Assert.True(expected.SequenceEqual(actual), report);
        Assert.False(File.Exists(Path.Combine(_root, "escaped")));
        Assert.Equal(["inside.txt"], Directory.GetFileSystemEntries(Path.Combine(_root, "mounted")).Select(Path.GetFileName));
        Assert.True(await rt.FileSystem.ExistsAsync("/tmp/wat-file"));
    }
}
