using System.Collections;
using Microsoft.Build.Framework;

namespace SecureExec.Testing.MSBuild.Tests.Support;

/// <summary>Records what a task logs; thread-safe, since the task must log only from its own thread but tests check that too.</summary>
public sealed class MockBuildEngine : IBuildEngine
{
    private readonly object _gate = new();
    public List<BuildErrorEventArgs> Errors { get; } = [];
    public List<BuildWarningEventArgs> Warnings { get; } = [];
    public List<BuildMessageEventArgs> Messages { get; } = [];

    public bool ContinueOnError => false;
    public int LineNumberOfTaskNode => 1;
    public int ColumnNumberOfTaskNode => 1;
    public string ProjectFileOfTaskNode { get; set; } = "test.proj";

    public void LogErrorEvent(BuildErrorEventArgs e) { lock (_gate) Errors.Add(e); }
    public void LogWarningEvent(BuildWarningEventArgs e) { lock (_gate) Warnings.Add(e); }
    public void LogMessageEvent(BuildMessageEventArgs e) { lock (_gate) Messages.Add(e); }
    public void LogCustomEvent(CustomBuildEventArgs e) { }

    public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) =>
        throw new NotSupportedException();

    public IEnumerable<string> ErrorCodes { get { lock (_gate) return Errors.Select(e => e.Code).ToList(); } }

    /// <summary>Every message, warning and error text, one per line, for assertion failures.</summary>
    public string Log
    {
        get
        {
            lock (_gate)
                return string.Join('\n', Messages.Select(m => "msg: " + m.Message)
                    .Concat(Warnings.Select(w => $"warning {w.Code}: {w.File}({w.LineNumber},{w.ColumnNumber}) {w.Message}"))
                    .Concat(Errors.Select(e => $"error {e.Code}: {e.File}({e.LineNumber},{e.ColumnNumber}) {e.Message}")));
        }
    }
}
