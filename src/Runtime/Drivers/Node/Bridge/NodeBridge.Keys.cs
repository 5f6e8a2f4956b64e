using Microsoft.ClearScript.V8.FastProxy;
using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Drivers.Node.Bridge;

/// <summary>crypto asymmetric keys (not yet).</summary>
internal sealed partial class NodeBridge
{
    private void DispatchKeys(BridgeOp op, in V8FastArgs a, in V8FastResult r)
    {
        switch (op)
        {
            default: DispatchZlib(op, a, r); break;
        }
    }
}
