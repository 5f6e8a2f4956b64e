using System.Globalization;
using Microsoft.ClearScript.V8.FastProxy;
using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Drivers.Node.Bridge;

/// <summary>node:v8's host side: the engine's heap statistics.</summary>
internal sealed partial class NodeBridge
{
    private void DispatchV8(BridgeOp op, in V8FastArgs a, in V8FastResult r)
    {
        switch (op)
        {
            case BridgeOp.HeapStatistics:
            {
                var h = node.Engine.GetRuntimeHeapInfo();
                r.Set(string.Join(',', new[] { h.TotalHeapSize, h.TotalHeapSizeExecutable, h.TotalPhysicalSize, h.TotalAvailableSize, h.UsedHeapSize, h.HeapSizeLimit, h.TotalExternalSize }
                    .Select(v => ((double)v).ToString(CultureInfo.InvariantCulture))));
                break;
            }
            default: DispatchVm(op, a, r); break;
        }
    }
}
