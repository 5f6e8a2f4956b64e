using SecureExec.Testing.Abi;

namespace SecureExec.Testing;

/// <summary>One entry of <see cref="RuntimeFileSystem.ListAsync"/>: its name, kind (symlinks not followed) and size in bytes.</summary>
public sealed record FileSystemEntry(string Name, FileType Kind, long Size);
