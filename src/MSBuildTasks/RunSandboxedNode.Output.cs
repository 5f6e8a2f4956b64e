using Microsoft.Build.Framework;

namespace SecureExec.Testing.MSBuild;

public sealed partial class RunSandboxedNode
{
    /// <summary>
    /// One guest output line, as Exec treats it: a custom error or warning expression first, then the canonical
    /// formats (with guest paths translated to host paths), else a message at the stream's importance.
    /// </summary>
    private void LogLine(RunPlan plan, string line, bool isStderr)
    {
        if (plan.CustomError is { } ce && SafeMatch(ce, line))
        {
            Log.LogError(null, null, null, null, 0, 0, 0, 0, "{0}", line);
            return;
        }
        if (plan.CustomWarning is { } cw && SafeMatch(cw, line))
        {
            Log.LogWarning(null, null, null, null, 0, 0, 0, 0, "{0}", line);
            return;
        }
        if (!IgnoreStandardErrorWarningFormat && DiagnosticParser.Parse(line) is { } d)
        {
            var file = d.File is null ? null : HostFile(plan, d.File);
            if (d.IsError) Log.LogError(d.Subcategory, d.Code, null, file, d.Line, d.Column, d.EndLine, d.EndColumn, "{0}", d.Message);
            else Log.LogWarning(d.Subcategory, d.Code, null, file, d.Line, d.Column, d.EndLine, d.EndColumn, "{0}", d.Message);
            return;
        }
        Log.LogMessage(isStderr ? plan.StderrImportance : plan.StdoutImportance, "{0}", line);
    }

    /// <summary>
    /// A file named by the guest, as a host path when it lies in a mount. A relative name is resolved against the guest
    /// cwd only when that host file exists (an origin such as "Error" in "Error: error X: m" is no file).
    /// </summary>
    internal static string HostFile(RunPlan plan, string guestFile)
    {
        var host = plan.Mounts.ToHost(guestFile, plan.GuestCwd);
        if (host is null) return guestFile;
        return guestFile.StartsWith('/') || File.Exists(host) ? host : guestFile;
    }

    private static bool SafeMatch(System.Text.RegularExpressions.Regex regex, string line)
    {
        try { return regex.IsMatch(line); }
        catch (System.Text.RegularExpressions.RegexMatchTimeoutException) { return false; }
    }
}
