using System.Globalization;
using System.Text;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Kernel.Vfs.Proc;

/// <summary>The contents of /proc/PID/* files, in Linux's formats (proc(5)).</summary>
internal static class ProcessFiles
{
    /// <summary>USER_HZ: clock ticks per second in /proc/PID/stat.</summary>
    private const long ClockTicks = 100;

    /// <summary>/proc/PID/cmdline: argv, each followed by NUL (empty for a zombie).</summary>
    public static byte[] Cmdline(KernelProcess p) =>
        p.State == ProcessState.Zombie ? [] : Encoding.UTF8.GetBytes(string.Concat(p.Argv.Select(a => a + "\0")));

    /// <summary>/proc/PID/environ: the initial environment, each entry followed by NUL.</summary>
    public static byte[] Environ(KernelProcess p) =>
        p.State == ProcessState.Zombie ? [] : Encoding.UTF8.GetBytes(string.Concat(p.Environment.Select(a => a + "\0")));

    public static byte[] Comm(KernelProcess p) => Encoding.UTF8.GetBytes(p.Name + "\n");

    /// <summary>The one-letter state: R for the reader itself, S for others that run (they may be blocked), T, Z.</summary>
    public static char StateLetter(KernelProcess p, KernelProcess? reader) => p.State switch
    {
        ProcessState.Zombie => 'Z',
        ProcessState.Stopped => 'T',
        _ when p == reader => 'R',
        _ => 'S',
    };

    private static string StateName(char c) => c switch
    {
        'R' => "R (running)",
        'S' => "S (sleeping)",
        'T' => "T (stopped)",
        _ => "Z (zombie)",
    };

    /// <summary>/proc/PID/status (the first lines Linux prints, in its order).</summary>
    public static byte[] Status(KernelProcess p, KernelProcess? reader)
    {
        var sb = new StringBuilder();
        sb.Append("Name:\t").Append(p.Name).Append('\n');
        sb.Append("Umask:\t").Append(Convert.ToString(p.Umask, 8).PadLeft(4, '0')).Append('\n');
        sb.Append("State:\t").Append(StateName(StateLetter(p, reader))).Append('\n');
        sb.Append("Tgid:\t").Append(p.Pid).Append('\n');
        sb.Append("Ngid:\t0\n");
        sb.Append("Pid:\t").Append(p.Pid).Append('\n');
        sb.Append("PPid:\t").Append(p.Pid == 1 ? 0 : p.ParentPid).Append('\n');
        sb.Append("TracerPid:\t0\n");
        sb.Append("Uid:\t0\t0\t0\t0\n");
        sb.Append("Gid:\t0\t0\t0\t0\n");
        sb.Append("FDSize:\t").Append(p.Fds.Limit).Append('\n');
        sb.Append("Groups:\t\n");
        sb.Append("Threads:\t1\n");
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    /// <summary>/proc/PID/stat: the 52 fields of proc(5); what the VM does not track is 0.</summary>
    public static byte[] Stat(KernelProcess p, KernelProcess? reader, DateTime bootTime)
    {
        var start = Math.Max(0, (long)((p.StartTime - bootTime).TotalSeconds * ClockTicks));
        var fields = new List<string>
        {
            p.Pid.ToString(CultureInfo.InvariantCulture),
            "(" + p.Name + ")",
            StateLetter(p, reader).ToString(),
            (p.Pid == 1 ? 0 : p.ParentPid).ToString(CultureInfo.InvariantCulture),
            p.ProcessGroup.ToString(CultureInfo.InvariantCulture),
            p.ProcessGroup.ToString(CultureInfo.InvariantCulture), // session
            "0", "-1", "4194304",                                  // tty_nr, tpgid, flags
            "0", "0", "0", "0",                                    // minflt cminflt majflt cmajflt
            "0", "0", "0", "0",                                    // utime stime cutime cstime
            "20", "0", "1", "0",                                   // priority nice num_threads itrealvalue
            start.ToString(CultureInfo.InvariantCulture),          // starttime
            "0", "0", "18446744073709551615",                      // vsize rss rsslim
        };
        while (fields.Count < 52) fields.Add(fields.Count == 37 ? "17" : "0"); // exit_signal = SIGCHLD
        return Encoding.UTF8.GetBytes(string.Join(' ', fields) + "\n");
    }
}
