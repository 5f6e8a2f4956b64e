using System.Globalization;
using System.Text;
using SecureExec.Testing.Tests.Drivers.Wasm;

namespace SecureExec.Testing.Tests.Security;

/// <summary>
/// Builds a WASI command module (text format) that makes raw wasi_snapshot_preview1 calls with crafted arguments and
/// prints each result as a number, one per line. Steps are WAT expressions; <see cref="Str"/> places bytes in the
/// module's data and answers "(i32.const ptr) (i32.const len)". Memory: [0, 64) scratch (fd out at 8, bufused at
/// 12, iovec at 16, nwritten at 24, digits at 32), [64, 128) a filestat, [256, 768) a readdir buffer, data from 1024.
/// Globals $g0..$g3 keep fds between steps (set them with SetGlobal).
/// </summary>
internal sealed class WasiProbe
{
    public const int FdOut = 8, Stat = 64, Dirent = 256, DirentLength = 512, BufUsed = 12;
    public const int Rights = 2 | 64; // FD_READ | FD_WRITE
    public const int DirRights = 2 | 16384; // FD_READ | FD_READDIR

    private readonly StringBuilder _data = new();
    private readonly List<(string Label, string Expr)> _steps = [];
    private int _next = 1024;

    public IReadOnlyList<string> Labels => [.. _steps.Select(s => s.Label)];

    /// <summary>Places <paramref name="s"/> in memory: "(i32.const ptr) (i32.const len)".</summary>
    public string Str(string s) => Bytes(Encoding.UTF8.GetBytes(s));

    public string Bytes(byte[] bytes)
    {
        var at = _next;
        _next += bytes.Length + 8 - (bytes.Length % 8);
        _data.Append(CultureInfo.InvariantCulture, $"  (data (i32.const {at}) \"");
        foreach (var b in bytes) _data.Append(CultureInfo.InvariantCulture, $"\\{b:x2}");
        _data.Append("\")\n");
        return $"(i32.const {at}) (i32.const {bytes.Length})";
    }

    /// <summary>A step whose i32 result is printed.</summary>
    public void Step(string label, string expr) => _steps.Add((label, expr));

    /// <summary>A step that runs <paramref name="call"/>, prints its errno and keeps the fd it returned in $gN.</summary>
    public void Open(string label, int global, string call) =>
        _steps.Add((label, $"(block (result i32) (local.set $r {call}) (global.set $g{global} (i32.load (i32.const {FdOut}))) (local.get $r))"));

    public static string PathOpen(string dirFd, string path, int oflags = 0, int lookup = 1, long rights = Rights, string fdOut = "(i32.const 8)") =>
        $"(call $path_open {dirFd} (i32.const {lookup}) {path} (i32.const {oflags}) (i64.const {rights}) (i64.const {rights}) (i32.const 0) {fdOut})";

    public string ToWat()
    {
        var calls = string.Join("\n", _steps.Select(s => $"    (call $num {s.Expr}) ;; {s.Label.Replace("\n", " ", StringComparison.Ordinal)}"));
        return $$"""
            (module
              (import "wasi_snapshot_preview1" "path_open" (func $path_open (param i32 i32 i32 i32 i32 i64 i64 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "path_filestat_get" (func $path_filestat_get (param i32 i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_readdir" (func $fd_readdir (param i32 i32 i32 i64 i32) (result i32)))
              (import "wasi_snapshot_preview1" "path_symlink" (func $path_symlink (param i32 i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "path_rename" (func $path_rename (param i32 i32 i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "path_unlink_file" (func $path_unlink_file (param i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "path_create_directory" (func $path_create_directory (param i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "path_readlink" (func $path_readlink (param i32 i32 i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_close" (func $fd_close (param i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
              (memory (export "memory") 2)
              (global $g0 (mut i32) (i32.const -1))
              (global $g1 (mut i32) (i32.const -1))
              (global $g2 (mut i32) (i32.const -1))
              (global $g3 (mut i32) (i32.const -1))
            {{_data}}
              ;; Prints v (may be negative) and a newline on fd 1.
              (func $num (param $v i32)
                (local $p i32) (local $neg i32)
                (local.set $p (i32.const 48))
                (i32.store8 (i32.const 48) (i32.const 10))
                (if (i32.lt_s (local.get $v) (i32.const 0))
                  (then (local.set $neg (i32.const 1)) (local.set $v (i32.sub (i32.const 0) (local.get $v)))))
                (loop $digits
                  (local.set $p (i32.sub (local.get $p) (i32.const 1)))
                  (i32.store8 (local.get $p) (i32.add (i32.const 48) (i32.rem_u (local.get $v) (i32.const 10))))
                  (local.set $v (i32.div_u (local.get $v) (i32.const 10)))
                  (br_if $digits (i32.ne (local.get $v) (i32.const 0))))
                (if (local.get $neg)
                  (then (local.set $p (i32.sub (local.get $p) (i32.const 1))) (i32.store8 (local.get $p) (i32.const 45))))
                (i32.store (i32.const 16) (local.get $p))
                (i32.store (i32.const 20) (i32.sub (i32.const 49) (local.get $p)))
                (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 24))))
              (func (export "_start")
                (local $r i32)
            {{calls}}
              )
            )
            """;
    }

    /// <summary>Writes the module as NAME.wasm into <paramref name="commandsDir"/>.</summary>
    public void Save(string commandsDir, string name) => File.WriteAllBytes(Path.Combine(commandsDir, name + ".wasm"), Wat.ToWasm(ToWat()));
}
