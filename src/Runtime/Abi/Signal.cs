namespace SecureExec.Testing.Abi;

/// <summary>Linux x86-64 signal numbers.</summary>
public enum Signal
{
    SIGHUP = 1, SIGINT = 2, SIGQUIT = 3, SIGILL = 4, SIGTRAP = 5, SIGABRT = 6, SIGBUS = 7, SIGFPE = 8,
    SIGKILL = 9, SIGUSR1 = 10, SIGSEGV = 11, SIGUSR2 = 12, SIGPIPE = 13, SIGALRM = 14, SIGTERM = 15,
    SIGSTKFLT = 16, SIGCHLD = 17, SIGCONT = 18, SIGSTOP = 19, SIGTSTP = 20, SIGTTIN = 21, SIGTTOU = 22,
    SIGURG = 23, SIGXCPU = 24, SIGXFSZ = 25, SIGVTALRM = 26, SIGPROF = 27, SIGWINCH = 28, SIGIO = 29,
    SIGPWR = 30, SIGSYS = 31,
}

/// <summary>What a signal does to a process that has not caught or ignored it (signal(7)).</summary>
public enum SignalDefaultAction { Terminate, CoreDump, Ignore, Stop, Continue }

/// <summary>How a process has chosen to handle a signal (the disposition set by sigaction).</summary>
public enum SignalDisposition { Default = 0, Ignore = 1, Catch = 2 }

public static class Signals
{
    /// <summary>Highest valid signal number (standard signals only).</summary>
    public const int Max = 31;

    public static bool IsValid(int number) => number is >= 1 and <= Max;

    /// <summary>The default action from signal(7).</summary>
    public static SignalDefaultAction DefaultAction(this Signal signal) => signal switch
    {
        Signal.SIGCHLD or Signal.SIGURG or Signal.SIGWINCH => SignalDefaultAction.Ignore,
        Signal.SIGCONT => SignalDefaultAction.Continue,
        Signal.SIGSTOP or Signal.SIGTSTP or Signal.SIGTTIN or Signal.SIGTTOU => SignalDefaultAction.Stop,
        Signal.SIGQUIT or Signal.SIGILL or Signal.SIGTRAP or Signal.SIGABRT or Signal.SIGBUS or Signal.SIGFPE
            or Signal.SIGSEGV or Signal.SIGXCPU or Signal.SIGXFSZ or Signal.SIGSYS => SignalDefaultAction.CoreDump,
        _ => SignalDefaultAction.Terminate,
    };

    /// <summary>SIGKILL and SIGSTOP cannot be caught, blocked or ignored.</summary>
    public static bool IsCatchable(this Signal signal) => signal is not (Signal.SIGKILL or Signal.SIGSTOP);

    /// <summary>Parses "TERM", "SIGTERM", "term" or "15".</summary>
    public static bool TryParse(string text, out Signal signal)
    {
        signal = default;
        if (int.TryParse(text, out var n))
        {
            if (!IsValid(n)) return false;
            signal = (Signal)n;
            return true;
        }
        var name = text.ToUpperInvariant();
        if (!name.StartsWith("SIG", StringComparison.Ordinal)) name = "SIG" + name;
        return Enum.TryParse(name, out signal) && IsValid((int)signal) && Enum.IsDefined(signal);
    }

    /// <summary>strsignal(3) text as glibc prints it (used by shells for "Terminated" etc.).</summary>
    public static string Description(this Signal signal) => signal switch
    {
        Signal.SIGHUP => "Hangup", Signal.SIGINT => "Interrupt", Signal.SIGQUIT => "Quit",
        Signal.SIGILL => "Illegal instruction", Signal.SIGTRAP => "Trace/breakpoint trap",
        Signal.SIGABRT => "Aborted", Signal.SIGBUS => "Bus error", Signal.SIGFPE => "Floating point exception",
        Signal.SIGKILL => "Killed", Signal.SIGUSR1 => "User defined signal 1",
        Signal.SIGSEGV => "Segmentation fault", Signal.SIGUSR2 => "User defined signal 2",
        Signal.SIGPIPE => "Broken pipe", Signal.SIGALRM => "Alarm clock", Signal.SIGTERM => "Terminated",
        Signal.SIGSTKFLT => "Stack fault", Signal.SIGCHLD => "Child exited", Signal.SIGCONT => "Continued",
        Signal.SIGSTOP => "Stopped (signal)", Signal.SIGTSTP => "Stopped", Signal.SIGTTIN => "Stopped (tty input)",
        Signal.SIGTTOU => "Stopped (tty output)", Signal.SIGURG => "Urgent I/O condition",
        Signal.SIGXCPU => "CPU time limit exceeded", Signal.SIGXFSZ => "File size limit exceeded",
        Signal.SIGVTALRM => "Virtual timer expired", Signal.SIGPROF => "Profiling timer expired",
        Signal.SIGWINCH => "Window changed", Signal.SIGIO => "I/O possible", Signal.SIGPWR => "Power failure",
        Signal.SIGSYS => "Bad system call",
        _ => "Unknown signal " + (int)signal,
    };
}
