using Microsoft.ClearScript.V8.FastProxy;
using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Drivers.Node.Bridge;

/// <summary>node:vm's host side: V8 contexts in the process's isolate (see NodeInstance.Vm.cs).</summary>
internal sealed partial class NodeBridge
{
    /// <summary>Longest timeout node:vm accepts (validateUint32).</summary>
    private const double MaxVmTimeout = uint.MaxValue;

    private void DispatchVm(BridgeOp op, in V8FastArgs a, in V8FastResult r)
    {
        switch (op)
        {
            case BridgeOp.VmContextCreate:
            {
                var id = node.CreateVmContext();
                if (id == 0) Fail(r, Errno.ENOMEM);
                else r.Set(id);
                break;
            }
            case BridgeOp.VmRun:
            {
                var id = Int(a, 1);
                var timeout = Num(a, 4);
                if (id < 0 || timeout < 0 || timeout > MaxVmTimeout) throw new BridgeArgumentException();
                switch (node.RunInVmContext(id, Str(a, 2), Str(a, 3), timeout, out var syntaxError))
                {
                    case NodeInstance.VmRunResult.NoSuchContext: Fail(r, Errno.EBADF); break;
                    case NodeInstance.VmRunResult.TimedOut: Fail(r, Errno.ETIMEDOUT); break;
                    default:
                        if (syntaxError is null) r.Set(true);
                        else r.Set(syntaxError);
                        break;
                }
                break;
            }
            default: DispatchWorkers(op, a, r); break;
        }
    }
}
