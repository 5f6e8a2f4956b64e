using System.Text.Json;
using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;
using Microsoft.ClearScript.V8;
using Microsoft.ClearScript.V8.FastProxy;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Drivers.Node.Bridge;
using SecureExec.Testing.Drivers.Node.Modules;

namespace SecureExec.Testing.Drivers.Node;

/// <summary>
/// A V8 context made ready before any process needs it (on the engine pool's thread): the security settings, the
/// scratch array and the process-independent half of the bootstrap (globals, timers, the module loader) have run, so
/// a process only attaches its bridge and calls <see cref="Init"/> with its own argv, env and pid. No guest code has
/// run in it, and the bridge refuses every call until a process is attached.
/// </summary>
internal sealed class PreparedContext
{
    private NodeBridge? _bridge;

    private PreparedContext(V8ScriptEngine engine)
    {
        Engine = engine;
        var factory = (ScriptObject)(RunBuiltin("internal/bootstrap", source => source) ?? throw new InvalidOperationException("no bootstrap"));
        var parts = (ScriptObject)factory.InvokeAsFunction(new V8FastHostFunction("bridge", Invoke), s_staticInfo.Value);
        Dispatch = (ScriptObject)parts.GetProperty(0);
        Sink = (ScriptObject)parts.GetProperty(1);
        Init = (ScriptObject)parts.GetProperty(2);
        Scratch = (ITypedArray<byte>)parts.GetProperty(3);
        ((ScriptObject)parts.GetProperty(4)).InvokeAsFunction();
    }

    public V8ScriptEngine Engine { get; }

    /// <summary>The shared Uint8Array bytes move through (see <see cref="NodeBridge"/>).</summary>
    public ITypedArray<byte> Scratch { get; }

    /// <summary>The bootstrap's dispatcher: (kind, a, b, c) for every event the host delivers.</summary>
    public ScriptObject Dispatch { get; }

    /// <summary>Receives a value the host computed for JS (a compiled function, an evaluation result).</summary>
    public ScriptObject Sink { get; }

    /// <summary>init(processInfoJson): creates `process` for the attached process.</summary>
    public ScriptObject Init { get; }

    /// <summary>Prepares a context in <paramref name="engine"/> (new, with the pool's security settings). Only compiled
    /// scripts run here: evaluating source text costs a lookup in the isolate's script cache, a list that grows with
    /// every process.</summary>
    public static PreparedContext Prepare(V8ScriptEngine engine) => new(engine);

    /// <summary>From now on the bridge serves <paramref name="bridge"/>'s process.</summary>
    public void Attach(NodeBridge bridge) => _bridge = bridge;

    /// <summary>
    /// A built-in module's function <c>(exports, require, module, internal)</c>, handed to the sink; false when
    /// <paramref name="name"/> has no source here. Compiled once per isolate (<see cref="EnginePool.BuiltinScript"/>).
    /// </summary>
    public bool LoadBuiltin(string name)
    {
        var function = RunBuiltin(name, source => "(function (exports, require, module, internal) {" + source + "\n})");
        if (function is null) return false;
        Sink.InvokeAsFunction(function, false);
        return true;
    }

    /// <summary>The value of built-in <paramref name="name"/>'s source passed through <paramref name="wrap"/>, compiled
    /// once per isolate; null when there is no such built-in.</summary>
    private object? RunBuiltin(string name, Func<string, string> wrap)
    {
        if (!BuiltinSources.TryGet(name, out var source)) return null;
        return Engine.Evaluate(EnginePool.BuiltinScript(Engine, name, NodeInstance.BuiltinDocument("node:" + name), () => wrap(source)));
    }

    // Before a process attaches, the bootstrap's first half may only load built-ins (it preloads a few).
    private void Invoke(bool asConstructor, in V8FastArgs args, in V8FastResult result)
    {
        if (_bridge is { } bridge) bridge.Invoke(asConstructor, args, result);
        else if (!asConstructor && args.Count == 2 && args.TryGet(0, out int op) && op == (int)BridgeOp.BuiltinFunction && args.TryGet(1, out string name) && name is not null)
            result.Set(LoadBuiltin(name));
        else result.Set(-(int)Errno.ENOSYS);
    }

    /// <summary>The tables every bootstrap receives (bridge ops, dispatch kinds, errnos, signals, built-in names),
    /// serialized once per host process.</summary>
    private static readonly Lazy<string> s_staticInfo = new(() =>
    {
        var errnos = Enum.GetValues<Errno>().Where(e => e != Errno.SUCCESS).DistinctBy(e => (int)e)
            .ToDictionary(e => ((int)e).ToString(System.Globalization.CultureInfo.InvariantCulture), e => new[] { e.ToString(), e.Message() });
        return JsonSerializer.Serialize(new
        {
            ops = Enum.GetValues<BridgeOp>().ToDictionary(o => o.ToString(), o => (int)o),
            kinds = Enum.GetValues<DispatchKind>().ToDictionary(o => o.ToString(), o => (int)o),
            errnos,
            signals = Enum.GetValues<Signal>().ToDictionary(s => s.ToString(), s => (int)s),
            builtins = BuiltinSources.NodeModuleNames,
            noEffectOptions = NodeOptions.Known.Where(o => o.Value.Support == NodeOptions.Support.NoEffect).Select(o => o.Key),
            scratchSize = NodeBridge.ScratchSize,
        });
    });
}
