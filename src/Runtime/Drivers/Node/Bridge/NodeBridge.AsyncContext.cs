using Microsoft.ClearScript.V8.FastProxy;
using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Drivers.Node.Bridge;

/// <summary>AsyncLocalStorage support: turns on V8's promise hook the first time a guest uses it.</summary>
internal sealed partial class NodeBridge
{
    private void DispatchAsyncContext(BridgeOp op, in V8FastArgs a, in V8FastResult r)
    {
        switch (op)
        {
            case BridgeOp.PromiseHookEnable: node.EnablePromiseHook(Bool(a, 1)); r.Set(0); break;
            default: DispatchNet(op, a, r); break;
        }
    }
}
