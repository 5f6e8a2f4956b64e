using System.Text;
using System.Text.Json;
using Microsoft.ClearScript;
using Microsoft.ClearScript.JavaScript;
using Microsoft.ClearScript.V8;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Drivers.Node.Bridge;
using SecureExec.Testing.Drivers.Node.Loop;
using SecureExec.Testing.Drivers.Node.Modules;
using SecureExec.Testing.Kernel.Commands;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Drivers.Node;

/// <summary>
/// One running `node`: a V8 engine (own isolate) created and used only on the process thread, the bridge, the
/// module loader and the event loop. Guest code sees only JS values: the bridge function and the scratch
/// array are captured by the bootstrap closure and never stored on a global.
/// </summary>
internal sealed partial class NodeInstance : IDisposable
{
    private readonly NodeDriverOptions _options;
    private readonly ExecImage _image;
    private readonly PreparedContext _context;
    private readonly ScriptObject _dispatch;
    private readonly ScriptObject _sink;
    private int? _exitCode;          // set by process.exit (through the bridge)
    private volatile bool _interrupted;
    private ulong _deferredSignals;
    private volatile bool _outOfMemory;
    private readonly object _engineLock = new();
    private bool _engineDisposed; // guarded by _engineLock

    public NodeInstance(KernelProcess process, ExecImage image, NodeDriverOptions options, Workers.WorkerThread? worker = null)
    {
        Worker = worker;
        Process = process;
        _image = image;
        _options = options;
        Loop = new EventLoop(process) { MaxTimers = options.MaxTimers };
        Bridge = new NodeBridge(this);
        Resolver = new ModuleResolver(process, Bridge);
        _context = EnginePool.Take(_options.MaxArrayBufferBytes); // a fresh context, bootstrap's first half run off this path
        _context.Attach(Bridge);
        Engine = _context.Engine;
        Scratch = _context.Scratch;
        _dispatch = _context.Dispatch;
        _sink = _context.Sink;
        Engine.MaxRuntimeHeapSize = (UIntPtr)_options.MaxHeapBytes;
        Engine.RuntimeHeapSizeViolationPolicy = V8RuntimeViolationPolicy.Interrupt;
        InstallRejectionHook(Engine);
        Loader = new NodeDocumentLoader(this);
        Engine.DocumentSettings.Loader = Loader;
        Engine.DocumentSettings.AccessFlags = DocumentAccessFlags.None;
    }

    public KernelProcess Process { get; }
    public V8ScriptEngine Engine { get; }
    public ITypedArray<byte> Scratch { get; }
    public EventLoop Loop { get; }
    public NodeBridge Bridge { get; }
    public ModuleResolver Resolver { get; }
    public NodeDocumentLoader Loader { get; }


    /// <summary>Stops running JS (kill, process.exit). Safe from any thread, also during or after Dispose.</summary>
    public void Interrupt()
    {
        lock (_engineLock) // the ticker's snapshot may still hold this instance while the process thread disposes it
        {
            _interrupted = true;
            if (!_engineDisposed) Engine.Interrupt();
        }
    }

    /// <summary>Whether JS has been told to stop (it must not be resumed by a bridge call).</summary>
    public bool IsInterrupted => _interrupted;

    /// <summary>process.reallyExit: no more JS runs; the process ends with <paramref name="code"/>.</summary>
    public void RequestExit(int code)
    {
        _exitCode ??= code & 0xFF;
        if (!_interrupted) CodeCache.StoreAfterRun(Engine, _pendingCodeCache); // last chance: the engine stops now
        Interrupt();
    }

    /// <summary>Texts this process compiled first; their code cache is made when it ends (see CodeCache).</summary>
    private readonly List<CodeCache.Pending> _pendingCodeCache = [];

    /// <summary>
    /// Compiles an ES module the loader hands to ClearScript, through the code cache: ClearScript keeps the compiled
    /// module under its document and code, so the import that asked for it finds it instead of compiling again. A
    /// module that does not compile is left to that import, which reports the error.
    /// </summary>
    public void PrecompileModule(DocumentInfo info, string source)
    {
        try
        {
            CodeCache.Compile(Engine, info, source, _pendingCodeCache).Dispose();
        }
        catch (ScriptEngineException)
        {
        }
    }

    public void DeferSignals(ulong signals) => _deferredSignals |= signals;

    /// <summary>Whether <paramref name="ex"/> reports the heap limit (MaxRuntimeHeapSize) rather than a guest error.</summary>
    public static bool IsHeapLimit(ScriptEngineException ex) =>
        ex.IsFatal || ex.Message.Contains("exceeded its memory limit", StringComparison.Ordinal);

    /// <summary>The V8 heap limit was hit inside a bridge call: stop and report it like Node's fatal OOM.</summary>
    public void OnOutOfMemory()
    {
        _outOfMemory = true;
        Interrupt();
    }

    public ProcessOutcome Run(NodeCommandLine cmd)
    {
        InterruptTicker.Register(this);
        try
        {
            Process.SetDisposition(Signal.SIGPIPE, SignalDisposition.Ignore, out _); // Node ignores SIGPIPE
            Bootstrap(cmd);
            StartMain(cmd);
            RunLoop();
            // A loop ended by a fatal signal (a kill that landed while it waited) emits no 'exit', as in Node
            if (_exitCode is null && Process.FatalSignal is null)
            {
                var code = Call(DispatchKind.ExitEvent, 0);
                _exitCode = code is int c ? c & 0xFF : 0;
                if (!_interrupted) CodeCache.StoreAfterRun(Engine, _pendingCodeCache);
            }
        }
        catch (ScriptInterruptedException)
        {
            // process.exit, a kill, or the heap limit: decided below
        }
        catch (ScriptEngineException ex) when (IsHeapLimit(ex) || _outOfMemory)
        {
            _outOfMemory = true; // the heap limit: the engine is unusable now
        }
        catch (ScriptEngineException) when (Process.FatalSignal is not null)
        {
            // killed while a guest error unwound (EINTR out of a blocking call): the signal decides, no report
        }
        catch (ScriptEngineException ex) when (_exitCode is null && Process.FatalSignal is null)
        {
            // An error the JS side could not report (e.g. in the bootstrap itself)
            WriteStderr($"node: {ex.ErrorDetails}\n");
            _exitCode = 1;
        }
        if (Process.FatalSignal is { } fatal) return ProcessOutcome.Killed(fatal);
        if (_exitCode is { } exit && !_outOfMemory) return ProcessOutcome.Exit(exit);
        if (Worker is null) WriteStderr("\n<--- Last few GCs --->\n\nFATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\n");
        return ProcessOutcome.Killed(Signal.SIGABRT);
    }

    /// <summary>The bootstrap's second half: `process` for this process (its argv, env, pid) in the prepared context.</summary>
    private void Bootstrap(NodeCommandLine cmd)
    {
        var execPath = _image.Path.Length > 0 ? _image.Path : "/usr/bin/node";
        var info = JsonSerializer.Serialize(new
        {
            argv = new[] { execPath }.Concat(cmd.ScriptArg is { } script ? [script] : Array.Empty<string>()).Concat(cmd.Arguments),
            execArgv = cmd.ExecArgv,
            options = cmd.Options,
            preloads = cmd.Preloads.Select(p => new[] { p.Kind, p.Specifier }),
            execPath,
            env = Process.Environment,
            pid = Process.Pid,
            ppid = Process.ParentPid,
            argv0 = Process.Argv.Count > 0 ? Process.Argv[0] : "node",
            exposeBridge = _options.ExposeBridgeForTests,
            worker = WorkerInfo(),
        });
        _context.Init.InvokeAsFunction(info);
    }

    private void StartMain(NodeCommandLine cmd)
    {
        var mode = cmd.Mode switch
        {
            NodeCommandLine.RunMode.Eval => "eval",
            NodeCommandLine.RunMode.Print => "print",
            NodeCommandLine.RunMode.File => "file",
            NodeCommandLine.RunMode.Test => "test",
            _ => "stdin",
        };
        var payload = cmd.Mode == NodeCommandLine.RunMode.Test ? JsonSerializer.Serialize(cmd.Arguments) : cmd.Payload;
        var result = Call(DispatchKind.Main, mode, payload, cmd.InputIsModule);
        // The JS side answers "esm:PATH" (or "esm-source:NAME\0CODE") when the entry is an ES module.
        if (result is string s && s.StartsWith("esm", StringComparison.Ordinal)) RunModule(s, cmd.EvalFilename);
    }

    private void RunModule(string request, string? evalFilename)
    {
        // Code given with a file name (ExecOptions.FilePath) becomes that module: its URL, stack lines, relative imports.
        if (evalFilename is not null && request.StartsWith("esm-source:", StringComparison.Ordinal))
            request = "esm-source:" + evalFilename + request[request.IndexOf('\0')..];
        Document document;
        if (request.StartsWith("esm:", StringComparison.Ordinal))
        {
            document = Loader.EsmFile(request[4..]);
        }
        else
        {
            var body = request["esm-source:".Length..];
            var split = body.IndexOf('\0');
            document = Loader.EsmFile(body[..split], body[(split + 1)..]);
        }
        object? result;
        try
        {
            result = Engine.Evaluate(document.Info, ReadDocument(document));
        }
        catch (ScriptEngineException ex) when (!_interrupted && !IsHeapLimit(ex))
        {
            var missing = ModuleNotFound is not null;
            Call(DispatchKind.Fatal, LinkError(ex), missing ? "" : ex.ErrorDetails ?? "");
            return;
        }
        if (result is ScriptObject promise) Call(DispatchKind.Main, "promise", promise, false);
        DrainTicks();
    }

    private static string ReadDocument(Document document)
    {
        using var reader = new StreamReader(document.Contents, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    /// <summary>Calls the JS dispatcher, then runs nextTick callbacks queued by promise reactions.</summary>
    private object? Call(DispatchKind kind, params object?[] args)
    {
        var all = new object?[args.Length + 1];
        all[0] = (int)kind;
        args.CopyTo(all, 1);
        var result = _dispatch.InvokeAsFunction(all);
        ReportPromiseHookFailure();
        DrainTicks();
        return result;
    }

    private void DrainTicks()
    {
        do
        {
            while (Loop.TicksPending)
            {
                Loop.TicksPending = false;
                _dispatch.InvokeAsFunction((int)DispatchKind.RunTicks);
                ReportPromiseHookFailure();
            }
        } while (ProcessRejections());
    }

    /// <summary>For the ESM loader: a built-in's (or internal module's) exports, and their own enumerable keys.</summary>
    public (object? Exports, string Keys) ModuleExports(string kind, string name)
    {
        var pair = LoaderCall(() => (ScriptObject)_dispatch.InvokeAsFunction((int)DispatchKind.ModuleExports, kind, name));
        return (pair.GetProperty(0), pair.GetProperty(1) as string ?? "");
    }

    /// <summary>Guest code run for the ES module loader: a guest error fails the import with that error's message
    /// (ClearScript re-wraps loader exceptions).</summary>
    internal T LoaderCall<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (ScriptEngineException ex) when (!_interrupted && !IsHeapLimit(ex) && ex.ScriptException is ScriptObject error)
        {
            throw new ModuleLoadException(error.GetProperty("message") as string ?? ex.Message);
        }
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, DocumentInfo> s_builtinDocuments = new(StringComparer.Ordinal);

    /// <summary>
    /// One DocumentInfo per built-in for the whole host process: ClearScript's and V8's script caches of an isolate are
    /// keyed by the document's identity (measured: 12 built-ins in a new context of a reused isolate 23 ms → 3.6 ms);
    /// built-in modules go further and keep their compiled script per isolate (<see cref="EnginePool.BuiltinScript"/>).
    /// </summary>
    internal static DocumentInfo BuiltinDocument(string name) => s_builtinDocuments.GetOrAdd(name, n => new DocumentInfo(new Uri(n)));

    /// <summary>Guest code (not a built-in) gets import() pointed at the runtime's own (see DynamicImportRewriter).</summary>
    private string RewriteImports(string source, string filename) =>
        filename.StartsWith("node:", StringComparison.Ordinal) ? source
            : DynamicImportRewriter.Rewrite(source, filename.StartsWith('/') ? filename : Process.Cwd.TrimEnd('/') + "/" + filename);

    /// <summary>The document a script is compiled as: a file URL, a built-in, or "eval" with a sourceURL naming it.</summary>
    private static DocumentInfo ScriptDocument(string filename, ref string source)
    {
        if (filename.StartsWith('/')) return new DocumentInfo(NodeDocumentLoader.FileUri(filename));
        if (filename.StartsWith("node:", StringComparison.Ordinal)) return BuiltinDocument(filename);
        source += "\n//# sourceURL=" + filename;
        return new DocumentInfo("eval");
    }

    /// <summary>Compiles guest source as a script named after <paramref name="filename"/> (stack traces show it),
    /// runs it and hands the completion value to the bootstrap's sink as (value, threw). Returns true, or V8's
    /// error details when the source does not parse.</summary>
    public object CompileFunction(string source, string filename)
    {
        source = RewriteImports(source, filename);
        var info = ScriptDocument(filename, ref source);
        V8Script script;
        try
        {
            script = filename.StartsWith('/') ? CodeCache.Compile(Engine, info, source, _pendingCodeCache) : Engine.Compile(info, source);
        }
        catch (ScriptEngineException ex)
        {
            return ex.ErrorDetails ?? ex.Message;
        }
        using (script)
        {
            object? value;
            var threw = false;
            try
            {
                value = Engine.Evaluate(script);
            }
            catch (ScriptEngineException ex) when (!IsHeapLimit(ex))
            {
                value = ex.ScriptException;
                threw = true;
            }
            _sink.InvokeAsFunction(value, threw);
        }
        return true;
    }

    /// <summary>Loads a built-in module's function into the sink (see <see cref="PreparedContext.LoadBuiltin"/>).</summary>
    public bool LoadBuiltinFunction(string name) => _context.LoadBuiltin(name);

    public void ReportHostError(Exception ex) =>
        WriteStderr($"node: internal error in the host bridge: {ex.GetType().Name}: {ex.Message}\n");

    private void WriteStderr(string text) => Process.Write(2, Encoding.UTF8.GetBytes(text), out _);

    public void Dispose()
    {
        (_hub ?? Worker?.Hub)?.OnInstanceDisposed(this); // its workers end first, its ports close
        InterruptTicker.Unregister(this);
        Loop.Dispose();
        lock (_engineLock)
        {
            _engineDisposed = true;
            DisposeContexts(); // node:vm contexts in the same isolate go first
        }
        // An isolate that was told to terminate (or hit its heap limit) is not handed to another process.
        EnginePool.Release(Engine, reusable: !_outOfMemory && !_interrupted);
    }
}

/// <summary>A module's evaluation failed while the ES module loader asked for its exports.</summary>
internal sealed class ModuleLoadException(string message) : Exception(message);
