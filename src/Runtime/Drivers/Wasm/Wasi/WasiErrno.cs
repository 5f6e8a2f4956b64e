using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Drivers.Wasm.Wasi;

/// <summary>
/// wasi_snapshot_preview1 errno values (witx <c>$errno</c>; wasi-libc's &lt;errno.h&gt; uses the same numbers).
/// </summary>
internal enum WasiErrno : ushort
{
    SUCCESS = 0, E2BIG = 1, EACCES = 2, EADDRINUSE = 3, EADDRNOTAVAIL = 4, EAFNOSUPPORT = 5, EAGAIN = 6,
    EALREADY = 7, EBADF = 8, EBADMSG = 9, EBUSY = 10, ECANCELED = 11, ECHILD = 12, ECONNABORTED = 13,
    ECONNREFUSED = 14, ECONNRESET = 15, EDEADLK = 16, EDESTADDRREQ = 17, EDOM = 18, EDQUOT = 19, EEXIST = 20,
    EFAULT = 21, EFBIG = 22, EHOSTUNREACH = 23, EIDRM = 24, EILSEQ = 25, EINPROGRESS = 26, EINTR = 27,
    EINVAL = 28, EIO = 29, EISCONN = 30, EISDIR = 31, ELOOP = 32, EMFILE = 33, EMLINK = 34, EMSGSIZE = 35,
    EMULTIHOP = 36, ENAMETOOLONG = 37, ENETDOWN = 38, ENETRESET = 39, ENETUNREACH = 40, ENFILE = 41,
    ENOBUFS = 42, ENODEV = 43, ENOENT = 44, ENOEXEC = 45, ENOLCK = 46, ENOLINK = 47, ENOMEM = 48, ENOMSG = 49,
    ENOPROTOOPT = 50, ENOSPC = 51, ENOSYS = 52, ENOTCONN = 53, ENOTDIR = 54, ENOTEMPTY = 55,
    ENOTRECOVERABLE = 56, ENOTSOCK = 57, ENOTSUP = 58, ENOTTY = 59, ENXIO = 60, EOVERFLOW = 61,
    EOWNERDEAD = 62, EPERM = 63, EPIPE = 64, EPROTO = 65, EPROTONOSUPPORT = 66, EPROTOTYPE = 67, ERANGE = 68,
    EROFS = 69, ESPIPE = 70, ESRCH = 71, ESTALE = 72, ETIMEDOUT = 73, ETXTBSY = 74, EXDEV = 75, ENOTCAPABLE = 76,
}

/// <summary>The one mapping between kernel (Linux) errno and WASI errno, in both directions.</summary>
internal static class WasiErrnoMap
{
    // Every kernel errno with its WASI equivalent. Each WASI value appears once except ENOTCAPABLE, which has
    // no kernel counterpart (the kernel has no capability rights) and maps back to EACCES.
    private static readonly (Errno Kernel, WasiErrno Wasi)[] s_pairs =
    [
        (Errno.SUCCESS, WasiErrno.SUCCESS), (Errno.EPERM, WasiErrno.EPERM), (Errno.ENOENT, WasiErrno.ENOENT),
        (Errno.ESRCH, WasiErrno.ESRCH), (Errno.EINTR, WasiErrno.EINTR), (Errno.EIO, WasiErrno.EIO),
        (Errno.ENXIO, WasiErrno.ENXIO), (Errno.E2BIG, WasiErrno.E2BIG), (Errno.ENOEXEC, WasiErrno.ENOEXEC),
        (Errno.EBADF, WasiErrno.EBADF), (Errno.ECHILD, WasiErrno.ECHILD), (Errno.EAGAIN, WasiErrno.EAGAIN),
        (Errno.ENOMEM, WasiErrno.ENOMEM), (Errno.EACCES, WasiErrno.EACCES), (Errno.EFAULT, WasiErrno.EFAULT),
        (Errno.EBUSY, WasiErrno.EBUSY), (Errno.EEXIST, WasiErrno.EEXIST), (Errno.EXDEV, WasiErrno.EXDEV),
        (Errno.ENODEV, WasiErrno.ENODEV), (Errno.ENOTDIR, WasiErrno.ENOTDIR), (Errno.EISDIR, WasiErrno.EISDIR),
        (Errno.EINVAL, WasiErrno.EINVAL), (Errno.ENFILE, WasiErrno.ENFILE), (Errno.EMFILE, WasiErrno.EMFILE),
        (Errno.ENOTTY, WasiErrno.ENOTTY), (Errno.ETXTBSY, WasiErrno.ETXTBSY), (Errno.EFBIG, WasiErrno.EFBIG),
        (Errno.ENOSPC, WasiErrno.ENOSPC), (Errno.ESPIPE, WasiErrno.ESPIPE), (Errno.EROFS, WasiErrno.EROFS),
        (Errno.EMLINK, WasiErrno.EMLINK), (Errno.EPIPE, WasiErrno.EPIPE), (Errno.EDOM, WasiErrno.EDOM),
        (Errno.ERANGE, WasiErrno.ERANGE), (Errno.EDEADLK, WasiErrno.EDEADLK),
        (Errno.ENAMETOOLONG, WasiErrno.ENAMETOOLONG), (Errno.ENOLCK, WasiErrno.ENOLCK),
        (Errno.ENOSYS, WasiErrno.ENOSYS), (Errno.ENOTEMPTY, WasiErrno.ENOTEMPTY), (Errno.ELOOP, WasiErrno.ELOOP),
        (Errno.ENOMSG, WasiErrno.ENOMSG), (Errno.EIDRM, WasiErrno.EIDRM), (Errno.ENOLINK, WasiErrno.ENOLINK),
        (Errno.EPROTO, WasiErrno.EPROTO), (Errno.EMULTIHOP, WasiErrno.EMULTIHOP), (Errno.EBADMSG, WasiErrno.EBADMSG),
        (Errno.EOVERFLOW, WasiErrno.EOVERFLOW), (Errno.EILSEQ, WasiErrno.EILSEQ), (Errno.ENOTSOCK, WasiErrno.ENOTSOCK),
        (Errno.EDESTADDRREQ, WasiErrno.EDESTADDRREQ), (Errno.EMSGSIZE, WasiErrno.EMSGSIZE),
        (Errno.EPROTOTYPE, WasiErrno.EPROTOTYPE), (Errno.ENOPROTOOPT, WasiErrno.ENOPROTOOPT),
        (Errno.EPROTONOSUPPORT, WasiErrno.EPROTONOSUPPORT), (Errno.ENOTSUP, WasiErrno.ENOTSUP),
        (Errno.EAFNOSUPPORT, WasiErrno.EAFNOSUPPORT), (Errno.EADDRINUSE, WasiErrno.EADDRINUSE),
        (Errno.EADDRNOTAVAIL, WasiErrno.EADDRNOTAVAIL), (Errno.ENETDOWN, WasiErrno.ENETDOWN),
        (Errno.ENETUNREACH, WasiErrno.ENETUNREACH), (Errno.ENETRESET, WasiErrno.ENETRESET),
        (Errno.ECONNABORTED, WasiErrno.ECONNABORTED), (Errno.ECONNRESET, WasiErrno.ECONNRESET),
        (Errno.ENOBUFS, WasiErrno.ENOBUFS), (Errno.EISCONN, WasiErrno.EISCONN), (Errno.ENOTCONN, WasiErrno.ENOTCONN),
        (Errno.ETIMEDOUT, WasiErrno.ETIMEDOUT), (Errno.ECONNREFUSED, WasiErrno.ECONNREFUSED),
        (Errno.EHOSTUNREACH, WasiErrno.EHOSTUNREACH), (Errno.EALREADY, WasiErrno.EALREADY),
        (Errno.EINPROGRESS, WasiErrno.EINPROGRESS), (Errno.ESTALE, WasiErrno.ESTALE), (Errno.EDQUOT, WasiErrno.EDQUOT),
        (Errno.ECANCELED, WasiErrno.ECANCELED), (Errno.EOWNERDEAD, WasiErrno.EOWNERDEAD),
        (Errno.ENOTRECOVERABLE, WasiErrno.ENOTRECOVERABLE),
    ];

    private static readonly WasiErrno[] s_toWasi = BuildToWasi();
    private static readonly Errno[] s_toKernel = BuildToKernel();

    /// <summary>All pairs of the table (for tests and the support table).</summary>
    internal static IReadOnlyList<(Errno Kernel, WasiErrno Wasi)> Pairs => s_pairs;

    /// <summary>Kernel errno → WASI errno. An errno missing from the table (a kernel bug) becomes EIO.</summary>
    public static WasiErrno ToWasi(this Errno errno) =>
        (uint)errno < (uint)s_toWasi.Length && (errno == Errno.SUCCESS || s_toWasi[(int)errno] != WasiErrno.SUCCESS)
            ? s_toWasi[(int)errno]
            : WasiErrno.EIO;

    /// <summary>WASI errno → kernel errno (ENOTCAPABLE → EACCES; unknown values → EIO).</summary>
    public static Errno ToKernel(this WasiErrno errno) =>
        errno == WasiErrno.ENOTCAPABLE ? Errno.EACCES
        : (int)errno < s_toKernel.Length && (errno == WasiErrno.SUCCESS || s_toKernel[(int)errno] != Errno.SUCCESS)
            ? s_toKernel[(int)errno]
            : Errno.EIO;

    private static WasiErrno[] BuildToWasi()
    {
        var table = new WasiErrno[s_pairs.Max(p => (int)p.Kernel) + 1];
        foreach (var (k, w) in s_pairs) table[(int)k] = w;
        return table;
    }

    private static Errno[] BuildToKernel()
    {
        var table = new Errno[(int)WasiErrno.ENOTCAPABLE + 1];
        foreach (var (k, w) in s_pairs) table[(int)w] = k;
        return table;
    }
}
