namespace SecureExec.Testing.Abi;

/// <summary>Linux x86-64 errno values. The kernel speaks these; each driver maps them once (WASI numbers, Node codes).</summary>
public enum Errno
{
    /// <summary>No error.</summary>
    SUCCESS = 0,
    /// <summary>Operation not permitted</summary>
    EPERM = 1,
    /// <summary>No such file or directory</summary>
    ENOENT = 2,
    /// <summary>No such process</summary>
    ESRCH = 3,
    /// <summary>Interrupted system call</summary>
    EINTR = 4,
    /// <summary>Input/output error</summary>
    EIO = 5,
    /// <summary>No such device or address</summary>
    ENXIO = 6,
    /// <summary>Argument list too long</summary>
    E2BIG = 7,
    /// <summary>Exec format error</summary>
    ENOEXEC = 8,
    /// <summary>Bad file descriptor</summary>
    EBADF = 9,
    /// <summary>No child processes</summary>
    ECHILD = 10,
    /// <summary>Resource temporarily unavailable</summary>
    EAGAIN = 11,
    /// <summary>Cannot allocate memory</summary>
    ENOMEM = 12,
    /// <summary>Permission denied</summary>
    EACCES = 13,
    /// <summary>Bad address</summary>
    EFAULT = 14,
    /// <summary>Device or resource busy</summary>
    EBUSY = 16,
    /// <summary>File exists</summary>
    EEXIST = 17,
    /// <summary>Invalid cross-device link</summary>
    EXDEV = 18,
    /// <summary>No such device</summary>
    ENODEV = 19,
    /// <summary>Not a directory</summary>
    ENOTDIR = 20,
    /// <summary>Is a directory</summary>
    EISDIR = 21,
    /// <summary>Invalid argument</summary>
    EINVAL = 22,
    /// <summary>Too many open files in system</summary>
    ENFILE = 23,
    /// <summary>Too many open files</summary>
    EMFILE = 24,
    /// <summary>Inappropriate ioctl for device</summary>
    ENOTTY = 25,
    /// <summary>Text file busy</summary>
    ETXTBSY = 26,
    /// <summary>File too large</summary>
    EFBIG = 27,
    /// <summary>No space left on device</summary>
    ENOSPC = 28,
    /// <summary>Illegal seek</summary>
    ESPIPE = 29,
    /// <summary>Read-only file system</summary>
    EROFS = 30,
    /// <summary>Too many links</summary>
    EMLINK = 31,
    /// <summary>Broken pipe</summary>
    EPIPE = 32,
    /// <summary>Numerical argument out of domain</summary>
    EDOM = 33,
    /// <summary>Numerical result out of range</summary>
    ERANGE = 34,
    /// <summary>Resource deadlock avoided</summary>
    EDEADLK = 35,
    /// <summary>File name too long</summary>
    ENAMETOOLONG = 36,
    /// <summary>No locks available</summary>
    ENOLCK = 37,
    /// <summary>Function not implemented</summary>
    ENOSYS = 38,
    /// <summary>Directory not empty</summary>
    ENOTEMPTY = 39,
    /// <summary>Too many levels of symbolic links</summary>
    ELOOP = 40,
    /// <summary>No message of desired type</summary>
    ENOMSG = 42,
    /// <summary>Identifier removed</summary>
    EIDRM = 43,
    /// <summary>Link has been severed</summary>
    ENOLINK = 67,
    /// <summary>Protocol error</summary>
    EPROTO = 71,
    /// <summary>Multihop attempted</summary>
    EMULTIHOP = 72,
    /// <summary>Bad message</summary>
    EBADMSG = 74,
    /// <summary>Value too large for defined data type</summary>
    EOVERFLOW = 75,
    /// <summary>Invalid or incomplete multibyte or wide character</summary>
    EILSEQ = 84,
    /// <summary>Socket operation on non-socket</summary>
    ENOTSOCK = 88,
    /// <summary>Destination address required</summary>
    EDESTADDRREQ = 89,
    /// <summary>Message too long</summary>
    EMSGSIZE = 90,
    /// <summary>Protocol wrong type for socket</summary>
    EPROTOTYPE = 91,
    /// <summary>Protocol not available</summary>
    ENOPROTOOPT = 92,
    /// <summary>Protocol not supported</summary>
    EPROTONOSUPPORT = 93,
    /// <summary>Operation not supported</summary>
    ENOTSUP = 95,
    /// <summary>Address family not supported by protocol</summary>
    EAFNOSUPPORT = 97,
    /// <summary>Address already in use</summary>
    EADDRINUSE = 98,
    /// <summary>Cannot assign requested address</summary>
    EADDRNOTAVAIL = 99,
    /// <summary>Network is down</summary>
    ENETDOWN = 100,
    /// <summary>Network is unreachable</summary>
    ENETUNREACH = 101,
    /// <summary>Network dropped connection on reset</summary>
    ENETRESET = 102,
    /// <summary>Software caused connection abort</summary>
    ECONNABORTED = 103,
    /// <summary>Connection reset by peer</summary>
    ECONNRESET = 104,
    /// <summary>No buffer space available</summary>
    ENOBUFS = 105,
    /// <summary>Transport endpoint is already connected</summary>
    EISCONN = 106,
    /// <summary>Transport endpoint is not connected</summary>
    ENOTCONN = 107,
    /// <summary>Connection timed out</summary>
    ETIMEDOUT = 110,
    /// <summary>Connection refused</summary>
    ECONNREFUSED = 111,
    /// <summary>No route to host</summary>
    EHOSTUNREACH = 113,
    /// <summary>Operation already in progress</summary>
    EALREADY = 114,
    /// <summary>Operation now in progress</summary>
    EINPROGRESS = 115,
    /// <summary>Stale file handle</summary>
    ESTALE = 116,
    /// <summary>Disk quota exceeded</summary>
    EDQUOT = 122,
    /// <summary>Operation canceled</summary>
    ECANCELED = 125,
    /// <summary>Owner died</summary>
    EOWNERDEAD = 130,
    /// <summary>State not recoverable</summary>
    ENOTRECOVERABLE = 131,
}

/// <summary>Messages as glibc's <c>strerror</c> prints them (what GNU tools and Node show).</summary>
public static class ErrnoMessages
{
    public static string Message(this Errno errno) => errno switch
    {
        Errno.SUCCESS => "Success",
        Errno.EPERM => "Operation not permitted",
        Errno.ENOENT => "No such file or directory",
        Errno.ESRCH => "No such process",
        Errno.EINTR => "Interrupted system call",
        Errno.EIO => "Input/output error",
        Errno.ENXIO => "No such device or address",
        Errno.E2BIG => "Argument list too long",
        Errno.ENOEXEC => "Exec format error",
        Errno.EBADF => "Bad file descriptor",
        Errno.ECHILD => "No child processes",
        Errno.EAGAIN => "Resource temporarily unavailable",
        Errno.ENOMEM => "Cannot allocate memory",
        Errno.EACCES => "Permission denied",
        Errno.EFAULT => "Bad address",
        Errno.EBUSY => "Device or resource busy",
        Errno.EEXIST => "File exists",
        Errno.EXDEV => "Invalid cross-device link",
        Errno.ENODEV => "No such device",
        Errno.ENOTDIR => "Not a directory",
        Errno.EISDIR => "Is a directory",
        Errno.EINVAL => "Invalid argument",
        Errno.ENFILE => "Too many open files in system",
        Errno.EMFILE => "Too many open files",
        Errno.ENOTTY => "Inappropriate ioctl for device",
        Errno.ETXTBSY => "Text file busy",
        Errno.EFBIG => "File too large",
        Errno.ENOSPC => "No space left on device",
        Errno.ESPIPE => "Illegal seek",
        Errno.EROFS => "Read-only file system",
        Errno.EMLINK => "Too many links",
        Errno.EPIPE => "Broken pipe",
        Errno.EDOM => "Numerical argument out of domain",
        Errno.ERANGE => "Numerical result out of range",
        Errno.EDEADLK => "Resource deadlock avoided",
        Errno.ENAMETOOLONG => "File name too long",
        Errno.ENOLCK => "No locks available",
        Errno.ENOSYS => "Function not implemented",
        Errno.ENOTEMPTY => "Directory not empty",
        Errno.ELOOP => "Too many levels of symbolic links",
        Errno.ENOMSG => "No message of desired type",
        Errno.EIDRM => "Identifier removed",
        Errno.ENOLINK => "Link has been severed",
        Errno.EPROTO => "Protocol error",
        Errno.EMULTIHOP => "Multihop attempted",
        Errno.EBADMSG => "Bad message",
        Errno.EOVERFLOW => "Value too large for defined data type",
        Errno.EILSEQ => "Invalid or incomplete multibyte or wide character",
        Errno.ENOTSOCK => "Socket operation on non-socket",
        Errno.EDESTADDRREQ => "Destination address required",
        Errno.EMSGSIZE => "Message too long",
        Errno.EPROTOTYPE => "Protocol wrong type for socket",
        Errno.ENOPROTOOPT => "Protocol not available",
        Errno.EPROTONOSUPPORT => "Protocol not supported",
        Errno.ENOTSUP => "Operation not supported",
        Errno.EAFNOSUPPORT => "Address family not supported by protocol",
        Errno.EADDRINUSE => "Address already in use",
        Errno.EADDRNOTAVAIL => "Cannot assign requested address",
        Errno.ENETDOWN => "Network is down",
        Errno.ENETUNREACH => "Network is unreachable",
        Errno.ENETRESET => "Network dropped connection on reset",
        Errno.ECONNABORTED => "Software caused connection abort",
        Errno.ECONNRESET => "Connection reset by peer",
        Errno.ENOBUFS => "No buffer space available",
        Errno.EISCONN => "Transport endpoint is already connected",
        Errno.ENOTCONN => "Transport endpoint is not connected",
        Errno.ETIMEDOUT => "Connection timed out",
        Errno.ECONNREFUSED => "Connection refused",
        Errno.EHOSTUNREACH => "No route to host",
        Errno.EALREADY => "Operation already in progress",
        Errno.EINPROGRESS => "Operation now in progress",
        Errno.ESTALE => "Stale file handle",
        Errno.EDQUOT => "Disk quota exceeded",
        Errno.ECANCELED => "Operation canceled",
        Errno.EOWNERDEAD => "Owner died",
        Errno.ENOTRECOVERABLE => "State not recoverable",
        _ => "Unknown error " + (int)errno,
    };
}
