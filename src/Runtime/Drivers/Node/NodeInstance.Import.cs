using System.Text.Json;
using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;

namespace SecureExec.Testing.Drivers.Node;

/// <summary>
/// The host half of import(): a one-line module imports the target's namespace and hands it to
/// node:internal/dynamic_import; its evaluation promise (settled only when the target's evaluation, top-level await
/// included, has) goes to the sink, or the link error when the target does not parse or link.
/// </summary>
internal sealed partial class NodeInstance
{
    private ScriptObject? _dynamicImport; // node:internal/dynamic_import's exports

    /// <summary>The last import the ES module loader could not resolve (specifier, importing file), for the error.</summary>
    public (string Specifier, string From)? ModuleNotFound { get; set; }

    private ScriptObject DynamicImportModule() =>
        _dynamicImport ??= (ScriptObject)ModuleExports("internal", "internal/dynamic_import").Exports!;

    private ScriptObject? _cjsEsm; // node:internal/cjs_esm's exports

    /// <summary>ES module import of CommonJS (node:internal/cjs_esm): its exportNames, run and pick functions.</summary>
    public ScriptObject CommonJsInterop() => _cjsEsm ??= (ScriptObject)ModuleExports("internal", "internal/cjs_esm").Exports!;

    /// <summary>The named exports (other than default) of a CommonJS file imported by an ES module, found without
    /// running it.</summary>
    public IReadOnlyList<string> CommonJsExportNames(string filename)
    {
        var array = LoaderCall(() => (ScriptObject)CommonJsInterop().InvokeMethod("exportNames", filename));
        var count = Convert.ToInt32(array.GetProperty("length"), System.Globalization.CultureInfo.InvariantCulture);
        var names = new string[count];
        for (var i = 0; i < count; i++) names[i] = (string)array.GetProperty(i);
        return names;
    }

    /// <summary>The guest error for a failed link: Node's ERR_MODULE_NOT_FOUND when the loader could not resolve an
    /// import, else V8's own error.</summary>
    private object? LinkError(ScriptEngineException ex)
    {
        if (ModuleNotFound is not { } missing)
        {
            if (ex.ScriptException is ScriptObject error && ex.ErrorDetails is { } details && details.Contains(" does not provide an export named", StringComparison.Ordinal))
                CommonJsInterop().InvokeMethod("explainNamedExport", error, details);
            return ex.ScriptException ?? ex.Message;
        }
        ModuleNotFound = null;
        return DynamicImportModule().InvokeMethod("notFound", missing.Specifier, missing.From);
    }

    public void EvaluateImport(string target, int id)
    {
        var done = DynamicImportModule().GetProperty("done");
        var info = new DocumentInfo(new Uri("node:internal/import/" + id))
        {
            Category = ModuleCategory.Standard,
            ContextCallback = _ => new Dictionary<string, object> { ["done"] = done },
        };
        Evaluate(info, $"import * as ns from {JsonSerializer.Serialize(target)};\nimport.meta.done({id}, ns);\n");
    }

    private ScriptObject? _requireEsm; // node:internal/require_esm's exports
    private int _requireCount;

    /// <summary>
    /// require() of an ES module: its graph evaluates now, and its namespace goes to node:internal/require_esm (which
    /// sees a graph with top-level await by the namespace not having arrived). With <paramref name="facade"/>, the
    /// namespace is Node's facade for a module with a default export: the module's exports plus __esModule = true.
    /// </summary>
    public void EvaluateRequire(string target, bool facade)
    {
        _requireEsm ??= (ScriptObject)ModuleExports("internal", "internal/require_esm").Exports!;
        var receive = _requireEsm.GetProperty("receive");
        var id = ++_requireCount;
        var path = JsonSerializer.Serialize(target);
        var from = path;
        if (facade)
        {
            var specifier = "node:internal/require-facade/" + id;
            Loader.AddFacade(specifier, $"export * from {path};\nexport {{ default }} from {path};\nexport const __esModule = true;\n");
            from = JsonSerializer.Serialize(specifier);
        }
        var info = new DocumentInfo(new Uri("node:internal/require/" + id))
        {
            Category = ModuleCategory.Standard,
            ContextCallback = _ => new Dictionary<string, object> { ["receive"] = receive },
        };
        Evaluate(info, $"import * as ns from {from};\nimport.meta.receive(ns);\n");
    }

    /// <summary>Evaluates a one-line module that hands a namespace over; its evaluation promise, or the link or
    /// evaluation error (thrown), goes to the sink.</summary>
    private void Evaluate(DocumentInfo info, string source)
    {
        object? value;
        var threw = false;
        try
        {
            value = Engine.Evaluate(info, source);
        }
        catch (ScriptEngineException ex) when (!_interrupted && !IsHeapLimit(ex))
        {
            value = LinkError(ex);
            threw = true;
            // ClearScript throws instead of returning the rejected evaluation promise, which stays unhandled
            DynamicImportModule().InvokeMethod("evaluationFailed", value);
        }
        _sink.InvokeAsFunction(value, threw);
    }
}
