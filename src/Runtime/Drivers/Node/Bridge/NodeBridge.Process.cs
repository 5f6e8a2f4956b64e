using System.Globalization;
using Microsoft.ClearScript.V8.FastProxy;
using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Drivers.Node.Bridge;

/// <summary>Process state (cwd, umask, signals, kill) and the module system's host side.</summary>
internal sealed partial class NodeBridge
{
    /// <summary>An ES module's path from what a stack frame names it by: its file: URL, or a path.</summary>
    private static string ModulePath(string name) =>
        name.StartsWith("file:///", StringComparison.Ordinal) ? Modules.NodeDocumentLoader.PathOfUrl(name) : name;

    private void DispatchProcess(BridgeOp op, in V8FastArgs a, in V8FastResult r)
    {
        switch (op)
        {
            case BridgeOp.Cwd: r.Set(Process.Cwd); break;
            case BridgeOp.Chdir: Set(r, Process.ChangeDirectory(Str(a, 1))); break;
            case BridgeOp.Umask:
            {
                var old = Process.Umask;
                var mask = Int(a, 1);
                if (mask >= 0) Process.Umask = (uint)mask;
                r.Set((int)old);
                break;
            }
            case BridgeOp.Kill: Set(r, Process.Kernel.Kill(Process, Int(a, 1), Int(a, 2))); break;
            case BridgeOp.SignalCatch:
            {
                var signal = Int(a, 1);
                if (!Signals.IsValid(signal)) throw new BridgeArgumentException();
                Set(r, Process.SetDisposition((Signal)signal, Bool(a, 2) ? SignalDisposition.Catch : SignalDisposition.Default, out _));
                break;
            }
            case BridgeOp.MemoryUsage:
            {
                var info = node.Engine.GetRuntimeHeapInfo();
                var total = (double)info.TotalHeapSize;
                r.Set(string.Join(',', (total + (8 << 20)).ToString(CultureInfo.InvariantCulture),
                    total.ToString(CultureInfo.InvariantCulture),
                    ((double)info.UsedHeapSize).ToString(CultureInfo.InvariantCulture), "0"));
                break;
            }
            case BridgeOp.Resolve when Str(a, 3) == "format": r.Set(node.Resolver.FormatOf(Str(a, 1))); break;
            case BridgeOp.Resolve:
            {
                var e = node.Resolver.Resolve(Str(a, 1), Str(a, 2), Str(a, 3) == "import", out var resolved);
                if (e == Errno.SUCCESS) r.Set(resolved); else Fail(r, e);
                break;
            }
            case BridgeOp.Compile: r.Set(node.CompileFunction(Str(a, 1), Str(a, 2))); break;
            case BridgeOp.BuiltinFunction: r.Set(node.LoadBuiltinFunction(Str(a, 1))); break;
            case BridgeOp.ModuleSource when node.Loader.EsmSource(ModulePath(Str(a, 1))) is { } esm: r.Set(esm); break;
            case BridgeOp.ModuleSource: r.SetNull(); break;
            default: DispatchChild(op, a, r); break;
        }
    }
}
