using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Kernel.Vfs;

/// <summary>
/// Who resolves a path: relative paths start at <see cref="Cwd"/> (an absolute guest path), new files get
/// <c>mode &amp; ~Umask</c>, and <c>/proc/self</c>, <c>/dev/fd/N</c> refer to <see cref="Process"/>
/// (null when the host itself calls).
/// </summary>
internal readonly record struct PathContext(string Cwd, uint Umask, KernelProcess? Process)
{
    /// <summary>The host's view: cwd "/", umask 022, no process.</summary>
    public static PathContext Host => new("/", 0x12, null);
}
