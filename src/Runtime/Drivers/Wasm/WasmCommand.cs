using Wasmtime;

namespace SecureExec.Testing.Drivers.Wasm;

/// <summary>
/// A command backed by a .wasm file: the driver data of its <see cref="Kernel.Commands.CommandEntry"/>. The
/// module is compiled (or loaded from the cache) the first time the command runs; a file that is not a valid
/// WASI command module fails then, with a message naming it, without affecting other commands.
/// </summary>
internal sealed class WasmCommand
{
    private readonly ModuleCache _cache;
    private readonly object _lock = new();
    private Module? _module;   // guarded by _lock
    private string? _error;    // guarded by _lock

    public WasmCommand(string filePath, ModuleCache cache)
    {
        FilePath = filePath;
        _cache = cache;
    }

    /// <summary>The host file the module comes from.</summary>
    public string FilePath { get; }

    public bool TryGetModule(out Module module, out string error)
    {
        lock (_lock)
        {
            if (_module is null && _error is null)
            {
                try
                {
                    var loaded = _cache.Load(FilePath);
                    _error = Validate(loaded);
                    if (_error is null) _module = loaded;
                }
                catch (Exception e) when (e is WasmtimeException or IOException or UnauthorizedAccessException)
                {
                    _error = FirstLine(e.Message);
                }
            }
            module = _module!;
            error = _error ?? "";
            return _module is not null;
        }
    }

    private static string? Validate(Module module)
    {
        var hasStart = module.Exports.Any(e => e.Name == "_start" && e is FunctionExport);
        var hasMemory = module.Exports.Any(e => e.Name == "memory" && e is MemoryExport);
        if (!hasStart || !hasMemory) return "not a WASI command module (it needs to export _start and memory)";
        foreach (var import in module.Imports)
        {
            if (import.ModuleName is not (Wasi.WasiPreview1.Module or Extensions.SecureExecImports.Module))
                return $"imports {import.ModuleName}.{import.Name}, which secure-exec does not provide";
        }
        return null;
    }

    internal static string FirstLine(string message)
    {
        var nl = message.IndexOf('\n');
        return (nl < 0 ? message : message[..nl]).Trim();
    }
}
