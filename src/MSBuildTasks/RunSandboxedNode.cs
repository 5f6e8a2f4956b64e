using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace SecureExec.Testing.MSBuild;

/// <summary>
/// Runs a guest script file (<see cref="Script"/>), inline ES module code (<see cref="Code"/>) or a guest shell
/// command (<see cref="Command"/>, run by the guest <c>sh -c</c>) inside a fresh VM: no host node, no host
/// process, no host file outside the mounts, no network unless <see cref="AllowNetwork"/>. Parameters that mean
/// the same as MSBuild's Exec carry its names. Errors carry the codes of <see cref="ErrorCodes"/>.
/// </summary>
public sealed partial class RunSandboxedNode : Microsoft.Build.Utilities.Task, ICancelableTask
{
    /// <summary>Where the project directory appears in the VM.</summary>
    public const string ProjectGuestPath = "/project";

    /// <summary>Where <see cref="NodeModulesDirectory"/> appears in the VM (found by Node's module resolution from anywhere).</summary>
    public const string NodeModulesGuestPath = NodeRuntimeOptions.NodeModulesGuestPath;

    private readonly CancellationTokenSource _cancel = new();

    // ---- what to run (exactly one) ----

    /// <summary>A script file on the host (relative to <see cref="ProjectDirectory"/>), inside a mount; run as <c>node SCRIPT ARGUMENTS...</c>.</summary>
    public string? Script { get; set; }

    /// <summary>Inline JavaScript, run as an ES module (<c>node --input-type=module -e CODE ARGUMENTS...</c>).</summary>
    public string? Code { get; set; }

    /// <summary>A guest shell command, run as <c>sh -c COMMAND sh ARGUMENTS...</c> (the arguments are $1, $2, ...).</summary>
    public string? Command { get; set; }

    /// <summary>Arguments, one per item, passed as they are (no quoting, no splitting).</summary>
    public ITaskItem[] Arguments { get; set; } = [];

    // ---- like Exec ----

    /// <summary>Host directory (inside a mount) the guest starts in; default: the project directory (<c>/project</c>).</summary>
    public string? WorkingDirectory { get; set; }

    /// <summary><c>NAME=value</c> pairs added to the guest environment.</summary>
    public string[] EnvironmentVariables { get; set; } = [];

    /// <summary>Milliseconds before the guest is killed and the task fails (<see cref="ErrorCodes.TimedOut"/>). Default: no limit.</summary>
    public int Timeout { get; set; } = int.MaxValue;

    /// <summary>A non-zero exit code does not fail the task.</summary>
    public bool IgnoreExitCode { get; set; }

    /// <summary>Collect the guest's output lines (stdout and stderr) in <see cref="ConsoleOutput"/>.</summary>
    public bool ConsoleToMSBuild { get; set; }

    /// <summary>High, Normal or Low: importance of logged stdout lines. Default: Normal.</summary>
    public string StandardOutputImportance { get; set; } = "Normal";

    /// <summary>High, Normal or Low: importance of logged stderr lines. Default: Normal.</summary>
    public string StandardErrorImportance { get; set; } = "Normal";

    /// <summary>Output lines matching this .NET regular expression are logged as errors.</summary>
    public string? CustomErrorRegularExpression { get; set; }

    /// <summary>Output lines matching this .NET regular expression are logged as warnings.</summary>
    public string? CustomWarningRegularExpression { get; set; }

    /// <summary>Do not turn lines in the canonical error formats (MSBuild, tsc, eslint, gcc) into errors and warnings.</summary>
    public bool IgnoreStandardErrorWarningFormat { get; set; }

    /// <summary>Do not log the command line that runs in the guest.</summary>
    public bool EchoOff { get; set; }

    // ---- the VM ----

    /// <summary>Host directories to mount: metadata <c>GuestPath</c> (required, absolute) and <c>ReadOnly</c> (default true).</summary>
    public ITaskItem[] Mounts { get; set; } = [];

    /// <summary>The project directory, mounted read-only at <c>/project</c>. Default: the current directory, which MSBuild sets to the project's.</summary>
    public string? ProjectDirectory { get; set; }

    /// <summary>Mount <see cref="ProjectDirectory"/> at <c>/project</c>. Default: true.</summary>
    public bool MountProjectDirectory { get; set; } = true;

    /// <summary>A host node_modules directory, mounted read-only at <c>/node_modules</c>.</summary>
    public string? NodeModulesDirectory { get; set; }

    /// <summary>Let the guest connect to addresses outside the VM. Default: false.</summary>
    public bool AllowNetwork { get; set; }

    /// <summary>With <see cref="AllowNetwork"/>: the only host names the guest may connect to (empty = any).</summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>The guest commands directory (sh.wasm, coreutils.wasm). Default: the runtime's resolution (ends at the commands beside this task).</summary>
    public string? CommandsDir { get; set; }

    /// <summary>Memory limit of each guest process (V8 heap, at least 16; WASM linear memory) in MiB. Default: the runtime's (512).</summary>
    public int MemoryLimitMegabytes { get; set; }

    /// <summary>
    /// Bytes of stdout and of stderr (each) logged and returned in ConsoleOutput; beyond it a marker line
    /// (<c>[secure-exec: output truncated after N bytes]</c>) ends the stream's log and a warning (SXT0009) says so.
    /// The guest keeps running. Default: the runtime's MaxOutputBytes (32 MiB).
    /// </summary>
    public int MaxOutputBytes { get; set; }

    // ---- outputs back to the host ----

    /// <summary>
    /// Host directory that receives the guest's outputs after success. The guest writes them to
    /// <see cref="GuestOutputDirectory"/>, an empty directory inside the VM.
    /// </summary>
    public string? OutputDirectory { get; set; }

    /// <summary>The in-VM directory whose content is copied to <see cref="OutputDirectory"/>. Default: /out.</summary>
    public string GuestOutputDirectory { get; set; } = "/out";

    /// <summary>
    /// Host files to copy back (instead of the whole output directory): metadata <c>GuestPath</c>, or by default the
    /// file's place relative to <see cref="OutputDirectory"/> under <see cref="GuestOutputDirectory"/>.
    /// </summary>
    public ITaskItem[] OutputFiles { get; set; } = [];

    // ---- outputs ----

    /// <summary>The guest's exit code (-1 after a timeout or cancellation, like Exec).</summary>
    [Output]
    public int ExitCode { get; private set; }

    /// <summary>The guest's output lines when <see cref="ConsoleToMSBuild"/> is true.</summary>
    [Output]
    public ITaskItem[] ConsoleOutput { get; private set; } = [];

    /// <summary>The host files written from the guest's outputs.</summary>
    [Output]
    public ITaskItem[] CopiedFiles { get; private set; } = [];

    /// <summary>Ctrl+C: kills the guest (SIGTERM, then SIGKILL after two seconds).</summary>
    public void Cancel() => _cancel.Cancel();

    public override bool Execute()
    {
        try
        {
            var plan = Prepare();
            if (plan is null) return false;
            return Run(plan);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.LogError(null, ErrorCodes.InternalError, null, null, 0, 0, 0, 0, "RunSandboxedNode failed unexpectedly: {0}", ex.ToString());
            return false;
        }
    }
}
