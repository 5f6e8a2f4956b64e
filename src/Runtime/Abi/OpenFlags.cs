namespace SecureExec.Testing.Abi;

/// <summary>open(2) flags with their Linux x86-64 values.</summary>
[Flags]
public enum OpenFlags
{
    O_RDONLY = 0,
    O_WRONLY = 0x1,
    O_RDWR = 0x2,
    O_ACCMODE = 0x3,
    O_CREAT = 0x40,
    O_EXCL = 0x80,
    O_NOCTTY = 0x100,
    O_TRUNC = 0x200,
    O_APPEND = 0x400,
    O_NONBLOCK = 0x800,
    O_DSYNC = 0x1000,
    O_DIRECTORY = 0x10000,
    O_NOFOLLOW = 0x20000,
    O_CLOEXEC = 0x80000,
    O_SYNC = 0x101000,
    O_PATH = 0x200000,
}

public static class OpenFlagsExtensions
{
    public static bool CanRead(this OpenFlags f) => (f & OpenFlags.O_ACCMODE) is OpenFlags.O_RDONLY or OpenFlags.O_RDWR;
    public static bool CanWrite(this OpenFlags f) => (f & OpenFlags.O_ACCMODE) is OpenFlags.O_WRONLY or OpenFlags.O_RDWR;
}

/// <summary>lseek(2) whence values.</summary>
public enum Whence { SEEK_SET = 0, SEEK_CUR = 1, SEEK_END = 2 }

/// <summary>access(2) mode bits.</summary>
[Flags]
public enum AccessMode { F_OK = 0, X_OK = 1, W_OK = 2, R_OK = 4 }
