using System.Collections.Concurrent;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Vfs;

namespace SecureExec.Testing.Kernel.Commands;

/// <summary>A registered command: its name, the driver that runs it, and driver data (e.g. a wasm module).</summary>
internal sealed record CommandEntry(string Name, IExecutionDriver Driver, object? DriverData = null);

/// <summary>
/// Maps command names to execution drivers. Each registered command appears as an executable file in
/// /usr/bin (and so /bin, a symlink to it), so PATH lookup, <c>ls /bin</c> and <c>command -v</c> work.
/// </summary>
internal sealed class CommandRegistry(VirtualFileSystem vfs)
{
    /// <summary>Where registered commands appear.</summary>
    public const string Directory = "/usr/bin";

    private readonly ConcurrentDictionary<string, CommandEntry> _commands = new(StringComparer.Ordinal);

    public void Register(CommandEntry command)
    {
        if (string.IsNullOrEmpty(command.Name) || command.Name.Contains('/') || command.Name is "." or "..")
            throw new ArgumentException($"invalid command name '{command.Name}': use a plain file name such as 'ls'", nameof(command));
        _commands[command.Name] = command;
        var e = vfs.CreateCommandFile(Directory + "/" + command.Name, command);
        if (e != Errno.SUCCESS)
            throw new InvalidOperationException($"cannot create {Directory}/{command.Name}: {e.Message()}");
    }

    public bool TryGet(string name, out CommandEntry command) => _commands.TryGetValue(name, out command!);

    public IReadOnlyCollection<string> Names => [.. _commands.Keys.Order(StringComparer.Ordinal)];
}
