using Microsoft.ClearScript.V8.FastProxy;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Drivers.Node.Modules;

namespace SecureExec.Testing.Drivers.Node.Bridge;

/// <summary>import() in guest code (see <see cref="DynamicImportRewriter"/>): resolution, then evaluation by the host; and
/// require() of an ES module, evaluated the same way.</summary>
internal sealed partial class NodeBridge
{
    private void DispatchImport(BridgeOp op, in V8FastArgs a, in V8FastResult r)
    {
        switch (op)
        {
            case BridgeOp.ImportResolve:
            {
                var referrer = Str(a, 2);
                var dir = referrer.StartsWith('/') ? ModuleResolver.Normalize(referrer + "/..") : Process.Cwd;
                var e = node.Resolver.Resolve(Str(a, 1), dir, true, out var resolved);
                if (e == Errno.SUCCESS) r.Set(resolved); else Fail(r, e);
                break;
            }
            case BridgeOp.ImportEvaluate: node.EvaluateImport(Str(a, 1), Int(a, 2)); r.Set(true); break;
            case BridgeOp.RequireEvaluate: node.EvaluateRequire(Str(a, 1), Bool(a, 2)); r.Set(true); break;
            default: Fail(r, Errno.ENOSYS); break;
        }
    }
}
