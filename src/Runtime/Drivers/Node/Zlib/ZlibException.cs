namespace SecureExec.Testing.Drivers.Node.Zlib;

/// <summary>A zlib failure with zlib's own message and return code (Z_DATA_ERROR = -3, Z_BUF_ERROR = -5, …).</summary>
internal sealed class ZlibException(int errno, string message) : Exception(message)
{
    public const int Z_NEED_DICT = 2, Z_DATA_ERROR = -3, Z_MEM_ERROR = -4, Z_BUF_ERROR = -5;

    public int Errno { get; } = errno;

    public static ZlibException DataError(string message) => new(Z_DATA_ERROR, message);
}
