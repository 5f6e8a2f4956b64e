using System.Collections.Concurrent;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace SecureExec.Testing.MSBuild;

public sealed partial class RunSandboxedNode
{
    /// <summary>Node's report of a heap exhausted (the Node driver prints it, then dies of SIGABRT).</summary>
    private const string HeapExhausted = "JavaScript heap out of memory";

    private bool Run(RunPlan plan)
    {
        var token = _cancel.Token;
        NodeRuntime runtime;
        try
        {
            runtime = NodeRuntime.CreateAsync(plan.RuntimeOptions, token).GetAwaiter().GetResult();
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or ArgumentException or IOException)
        // ArgumentException: a mount or node_modules directory the runtime cannot set up (it names the entry).
        {
            Log.LogError(null, ErrorCodes.SandboxCreationFailed, null, null, 0, 0, 0, 0, "RunSandboxedNode: cannot create the VM: {0}", ex.Message);
            return false;
        }
        catch (OperationCanceledException)
        {
            return LogCanceled();
        }
        try
        {
            if (plan.OutputDirectory is not null || plan.OutputFiles.Count > 0)
                runtime.FileSystem.CreateDirectoryAsync(plan.GuestOutputDirectory, token).GetAwaiter().GetResult();
            if (!EchoOff) Log.LogMessage(MessageImportance.Normal, "RunSandboxedNode (in the VM, cwd {0}): {1}", plan.GuestCwd, plan.Display);

            var result = RunGuest(runtime, plan, token);
            if (result is null) return LogCanceled();
            if (result.TimedOut)
            {
                ExitCode = -1;
                Log.LogError(null, ErrorCodes.TimedOut, null, null, 0, 0, 0, 0,
                    "RunSandboxedNode: the guest ran longer than Timeout ({0} ms) and was killed", Timeout);
                return false;
            }
            if (result.CpuLimitExceeded)
            {
                ExitCode = result.ExitCode;
                Log.LogError(null, ErrorCodes.TimedOut, null, null, 0, 0, 0, 0,
                    "RunSandboxedNode: a guest process used up its CPU time limit ({0}) and was killed",
                    plan.RuntimeOptions.Limits.CpuTimePerProcess);
                return false;
            }
            ExitCode = result.ExitCode;
            if (result.ExitCode == 134 && result.Stderr.Contains(HeapExhausted, StringComparison.Ordinal))
            {
                Log.LogError(null, ErrorCodes.OutOfMemory, null, null, 0, 0, 0, 0,
                    "RunSandboxedNode: the guest ran out of memory (limit {0} MiB per process; raise MemoryLimitMegabytes) and was stopped",
                    plan.RuntimeOptions.Limits.JsHeapBytes >> 20);
                return false;
            }
            if (result.ExitCode != 0)
            {
                if (IgnoreExitCode)
                    Log.LogMessage(MessageImportance.Normal, "RunSandboxedNode: the guest exited with code {0} (ignored: IgnoreExitCode)", result.ExitCode);
                else
                {
                    Log.LogError(null, ErrorCodes.NonZeroExitCode, null, null, 0, 0, 0, 0,
                        "RunSandboxedNode: \"{0}\" exited with code {1}", EchoOff ? "..." : plan.Display, result.ExitCode);
                    return false;
                }
            }
            if (Log.HasLoggedErrors) return false;
            return CopyOutputs(runtime, plan, token);
        }
        catch (OperationCanceledException)
        {
            return LogCanceled();
        }
        finally
        {
            runtime.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Runs the guest, logging its lines on this thread as they arrive; null when canceled.</summary>
    private ExecResult? RunGuest(NodeRuntime runtime, RunPlan plan, CancellationToken token)
    {
        var lines = new BlockingCollection<(bool IsStderr, string Text)>();
        var stdout = new LineSplitter(l => lines.Add((false, l)));
        var stderr = new LineSplitter(l => lines.Add((true, l)));
        var limit = plan.RuntimeOptions.Limits.MaxOutputBytes;
        var stdoutCap = new OutputCap(limit, stdout);
        var stderrCap = new OutputCap(limit, stderr);
        var options = new ExecOptions
        {
            Env = plan.Env,
            Cwd = plan.GuestCwd,
            Timeout = plan.Timeout,
            OnStdout = chunk => stdoutCap.Push(chunk.Span),
            OnStderr = chunk => stderrCap.Push(chunk.Span),
        };
        var run = System.Threading.Tasks.Task.Run(async () =>
        {
            try
            {
                return await runtime.ExecCommandAsync(plan.Command, plan.Arguments, options, token).ConfigureAwait(false);
            }
            finally
            {
                stdout.Flush();
                stderr.Flush();
                lines.CompleteAdding();
            }
        }, CancellationToken.None);
        var console = new List<ITaskItem>();
        foreach (var (isStderr, text) in lines.GetConsumingEnumerable(CancellationToken.None))
        {
            if (ConsoleToMSBuild && text.Length > 0) console.Add(new TaskItem(MSBuildEscape(text)));
            LogLine(plan, text, isStderr);
        }
        ConsoleOutput = [.. console];
        foreach (var (cap, stream) in new[] { (stdoutCap, "stdout"), (stderrCap, "stderr") })
        {
            if (cap.Cut)
                Log.LogWarning(null, ErrorCodes.OutputTruncated, null, null, 0, 0, 0, 0,
                    "RunSandboxedNode: the guest's {0} passed MaxOutputBytes ({1} bytes) and the rest was not logged; raise MaxOutputBytes to see it",
                    stream, limit);
        }
        try
        {
            return run.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>MSBuild's escaping of item specs (%XX for its special characters), so a line comes back unchanged.</summary>
    internal static string MSBuildEscape(string text)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        foreach (var ch in text)
        {
            if (ch is '%' or '*' or '?' or '@' or '$' or '(' or ')' or ';' or '\'' ) sb.Append('%').Append(((int)ch).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            else sb.Append(ch);
        }
        return sb.ToString();
    }

    private bool LogCanceled()
    {
        ExitCode = -1;
        Log.LogError(null, ErrorCodes.Canceled, null, null, 0, 0, 0, 0, "RunSandboxedNode: canceled; the guest was killed");
        return false;
    }
}
