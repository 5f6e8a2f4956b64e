using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Commands;

namespace SecureExec.Testing.Kernel.Vfs;

/// <summary>What <see cref="VirtualFileSystem.ResolveExecutable"/> found: the canonical path, its stat, and
/// the registered command behind it (null for an ordinary file, e.g. a script).</summary>
internal sealed record ExecutableFile(string Path, StatInfo Stat, CommandEntry? Command);
