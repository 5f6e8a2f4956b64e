using System.Diagnostics;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel;

namespace SecureExec.Testing.Tests.Kernel;

public class SignalTests
{
    [Theory]
    [InlineData(Signal.SIGTERM)]
    [InlineData(Signal.SIGINT)]
    [InlineData(Signal.SIGHUP)]
    [InlineData(Signal.SIGUSR1)]
    [InlineData(Signal.SIGUSR2)]
    [InlineData(Signal.SIGPIPE)]
    [InlineData(Signal.SIGKILL)]
    public void Deliver_DefaultTerminatingSignal_MarksProcessForDeath(Signal signal)
    {
        using var kernel = new VirtualKernel();
        var p = kernel.AddProcess();
        Assert.Equal(Errno.SUCCESS, kernel.Kill(null, p.Pid, (int)signal));
        Assert.Equal(signal, p.FatalSignal);
    }

    [Fact]
    public void Deliver_SIGCHLDWithDefaultAction_IsIgnored()
    {
        using var kernel = new VirtualKernel();
        var p = kernel.AddProcess();
        kernel.Kill(null, p.Pid, (int)Signal.SIGCHLD);
        Assert.Null(p.FatalSignal);
        Assert.False(p.IsInterrupted);
    }

    [Fact]
    public void Deliver_IgnoredSignal_HasNoEffect()
    {
        using var kernel = new VirtualKernel();
        var p = kernel.AddProcess();
        p.SetDisposition(Signal.SIGTERM, SignalDisposition.Ignore, out _);
        kernel.Kill(null, p.Pid, (int)Signal.SIGTERM);
        Assert.Null(p.FatalSignal);
        Assert.False(p.IsInterrupted);
    }

    [Fact]
    public void Deliver_CaughtSignal_IsPendingUntilTaken()
    {
        using var kernel = new VirtualKernel();
        var p = kernel.AddProcess();
        p.SetDisposition(Signal.SIGINT, SignalDisposition.Catch, out var previous);
        Assert.Equal(SignalDisposition.Default, previous);
        kernel.Kill(null, p.Pid, (int)Signal.SIGINT);
        kernel.Kill(null, p.Pid, (int)Signal.SIGUSR1 - 0); // SIGUSR1 not caught: terminates
        Assert.True(p.IsInterrupted);
        Assert.Equal(1UL << (int)Signal.SIGINT, p.TakePendingSignals());
        Assert.Equal(0UL, p.TakePendingSignals());
    }

    [Theory]
    [InlineData(Signal.SIGKILL)]
    [InlineData(Signal.SIGSTOP)]
    public void SetDisposition_UncatchableSignal_ReturnsEINVAL(Signal signal)
    {
        using var kernel = new VirtualKernel();
        var p = kernel.AddProcess();
        Assert.Equal(Errno.EINVAL, p.SetDisposition(signal, SignalDisposition.Ignore, out _));
    }

    [Fact]
    public void Kill_InvalidSignalOrUnknownPid_ReturnsLinuxErrno()
    {
        using var kernel = new VirtualKernel();
        var p = kernel.AddProcess();
        Assert.Equal(Errno.EINVAL, kernel.Kill(null, p.Pid, 99));
        Assert.Equal(Errno.ESRCH, kernel.Kill(null, 4242, (int)Signal.SIGTERM));
        Assert.Equal(Errno.SUCCESS, kernel.Kill(null, p.Pid, 0));
        Assert.Null(p.FatalSignal);
    }

    [Fact]
    public void Kill_NegativePid_SignalsTheWholeProcessGroup()
    {
        using var kernel = new VirtualKernel();
        var leader = kernel.AddProcess();
        var member = kernel.AddProcess();
        var other = kernel.AddProcess();
        member.ProcessGroup = leader.Pid;
        kernel.Kill(null, -leader.Pid, (int)Signal.SIGTERM);
        Assert.Equal(Signal.SIGTERM, leader.FatalSignal);
        Assert.Equal(Signal.SIGTERM, member.FatalSignal);
        Assert.Null(other.FatalSignal);
    }

    [Fact]
    public void Sleep_IsInterruptedByCaughtSignal()
    {
        using var kernel = new VirtualKernel();
        var p = kernel.AddProcess();
        p.SetDisposition(Signal.SIGUSR1, SignalDisposition.Catch, out _);
        var sw = Stopwatch.StartNew();
        var sleeper = KernelTestHelpers.OnThread(() => p.Sleep(TimeSpan.FromSeconds(30)));
        Thread.Sleep(50);
        kernel.Kill(null, p.Pid, (int)Signal.SIGUSR1);
        Assert.True(sleeper.Wait(5000));
        Assert.Equal(Errno.EINTR, sleeper.Result);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Sleep_RunsItsDurationWhenUndisturbed()
    {
        using var kernel = new VirtualKernel();
        var p = kernel.AddProcess();
        var sw = Stopwatch.StartNew();
        Assert.Equal(Errno.SUCCESS, p.Sleep(TimeSpan.FromMilliseconds(30)));
        Assert.True(sw.ElapsedMilliseconds >= 25);
    }

    [Fact]
    public void StopAndContinue_ParkAndReleaseTheProcessAtSafePoints()
    {
        using var kernel = new VirtualKernel();
        var p = kernel.AddProcess();
        kernel.Kill(null, p.Pid, (int)Signal.SIGSTOP);
        Assert.Equal(SecureExec.Testing.Kernel.Processes.ProcessState.Stopped, p.State);
        var parked = KernelTestHelpers.OnThread(() =>
        {
            p.WaitWhileStopped();
            return true;
        });
        Thread.Sleep(50);
        Assert.False(parked.IsCompleted);
        kernel.Kill(null, p.Pid, (int)Signal.SIGCONT);
        Assert.True(parked.Wait(5000));
        Assert.Equal(SecureExec.Testing.Kernel.Processes.ProcessState.Running, p.State);
    }

    [Theory]
    [InlineData("TERM", Signal.SIGTERM)]
    [InlineData("SIGKILL", Signal.SIGKILL)]
    [InlineData("int", Signal.SIGINT)]
    [InlineData("10", Signal.SIGUSR1)]
    public void TryParse_AcceptsNamesAndNumbers(string text, Signal expected)
    {
        Assert.True(Signals.TryParse(text, out var s));
        Assert.Equal(expected, s);
    }

    [Theory]
    [InlineData("NOPE")]
    [InlineData("0")]
    [InlineData("64")]
    public void TryParse_RejectsUnknown(string text) => Assert.False(Signals.TryParse(text, out _));
}
