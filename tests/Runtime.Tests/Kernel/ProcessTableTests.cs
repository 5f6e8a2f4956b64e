using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Tests.Kernel;

public class ProcessTableTests
{
    [Fact]
    public void Pids_StartAtOneWithInit()
    {
        using var kernel = new VirtualKernel();
        Assert.Equal(1, kernel.Init.Pid);
        Assert.Equal(2, kernel.AddProcess().Pid);
    }

    [Fact]
    public void Wait_ForExitedChild_ReapsItWithItsStatus()
    {
        using var kernel = new VirtualKernel();
        var parent = kernel.AddProcess();
        var child = kernel.AddProcess(parent.Pid);
        kernel.Processes.OnExit(child, WaitStatus.Exited(3));
        Assert.Equal(Errno.SUCCESS, kernel.Processes.Wait(parent, -1, WaitOptions.None, out var pid, out var status));
        Assert.Equal(child.Pid, pid);
        Assert.Equal(3, status.ExitCode);
        Assert.Null(kernel.Processes.Get(child.Pid)); // reaped
        Assert.Equal(Errno.ECHILD, kernel.Processes.Wait(parent, -1, WaitOptions.None, out _, out _));
    }

    [Fact]
    public void Wait_WithNoHangAndRunningChild_ReturnsZero()
    {
        using var kernel = new VirtualKernel();
        var parent = kernel.AddProcess();
        kernel.AddProcess(parent.Pid);
        Assert.Equal(Errno.SUCCESS, kernel.Processes.Wait(parent, -1, WaitOptions.WNOHANG, out var pid, out _));
        Assert.Equal(0, pid);
    }

    [Fact]
    public void Wait_ForSpecificPid_IgnoresOtherChildren()
    {
        using var kernel = new VirtualKernel();
        var parent = kernel.AddProcess();
        var a = kernel.AddProcess(parent.Pid);
        var b = kernel.AddProcess(parent.Pid);
        kernel.Processes.OnExit(a, WaitStatus.Exited(1));
        Assert.Equal(Errno.SUCCESS, kernel.Processes.Wait(parent, b.Pid, WaitOptions.WNOHANG, out var pid, out _));
        Assert.Equal(0, pid);
        Assert.Equal(Errno.ECHILD, kernel.Processes.Wait(parent, 999, WaitOptions.None, out _, out _));
    }

    [Fact]
    public void Wait_Blocking_WakesWhenChildExits()
    {
        using var kernel = new VirtualKernel();
        var parent = kernel.AddProcess();
        var child = kernel.AddProcess(parent.Pid);
        var waiter = KernelTestHelpers.OnThread(() =>
        {
            var e = kernel.Processes.Wait(parent, child.Pid, WaitOptions.None, out var pid, out var st);
            return (e, pid, st);
        });
        Thread.Sleep(50);
        Assert.False(waiter.IsCompleted);
        kernel.Processes.OnExit(child, WaitStatus.Signaled(Signal.SIGTERM));
        Assert.True(waiter.Wait(5000));
        Assert.Equal(Errno.SUCCESS, waiter.Result.e);
        Assert.Equal(143, waiter.Result.st.ShellStatus);
    }

    [Fact]
    public void Wait_Blocking_IsInterruptedByKill()
    {
        using var kernel = new VirtualKernel();
        var parent = kernel.AddProcess();
        kernel.AddProcess(parent.Pid);
        var waiter = KernelTestHelpers.OnThread(() => kernel.Processes.Wait(parent, -1, WaitOptions.None, out _, out _));
        Thread.Sleep(50);
        kernel.Kill(null, parent.Pid, (int)Signal.SIGKILL);
        Assert.True(waiter.Wait(5000));
        Assert.Equal(Errno.EINTR, waiter.Result);
    }

    [Fact]
    public void Exit_OfParent_ReparentsChildrenToInit()
    {
        using var kernel = new VirtualKernel();
        var parent = kernel.AddProcess();
        var child = kernel.AddProcess(parent.Pid);
        kernel.Processes.OnExit(parent, WaitStatus.Exited(0));
        Assert.Equal(1, child.ParentPid);
        kernel.Processes.OnExit(child, WaitStatus.Exited(0));
        Assert.Null(kernel.Processes.Get(child.Pid)); // init reaps at once
    }

    [Fact]
    public async Task Exit_SendsSIGCHLDToParentAndCompletesExitedTask()
    {
        using var kernel = new VirtualKernel();
        var parent = kernel.AddProcess();
        parent.SetDisposition(Signal.SIGCHLD, SignalDisposition.Catch, out _);
        var child = kernel.AddProcess(parent.Pid);
        kernel.Processes.OnExit(child, WaitStatus.Exited(5));
        Assert.Equal(1UL << (int)Signal.SIGCHLD, parent.TakePendingSignals());
        Assert.True(child.Exited.IsCompletedSuccessfully);
        Assert.Equal(5, (await child.Exited).ExitCode);
        Assert.Equal(ProcessState.Zombie, child.State);
    }

    [Fact]
    public void Exit_WhenParentIgnoresSIGCHLD_ChildIsReapedAtOnce()
    {
        using var kernel = new VirtualKernel();
        var parent = kernel.AddProcess();
        parent.SetDisposition(Signal.SIGCHLD, SignalDisposition.Ignore, out _);
        var child = kernel.AddProcess(parent.Pid);
        kernel.Processes.OnExit(child, WaitStatus.Exited(0));
        Assert.Null(kernel.Processes.Get(child.Pid));
        Assert.Equal(Errno.ECHILD, kernel.Processes.Wait(parent, -1, WaitOptions.None, out _, out _));
    }

    [Fact]
    public void WaitStatus_EncodesLikeLinux()
    {
        Assert.Equal(0x0300, WaitStatus.Exited(3).Raw);
        Assert.Equal(9, WaitStatus.Signaled(Signal.SIGKILL).Raw);
        Assert.Equal(137, WaitStatus.Signaled(Signal.SIGKILL).ShellStatus);
        Assert.True(WaitStatus.Stopped(Signal.SIGSTOP).IfStopped);
        Assert.False(WaitStatus.Exited(0).IfSignaled);
    }

    [Fact]
    public void SetProcessGroup_FollowsSetpgidRules()
    {
        using var kernel = new VirtualKernel();
        var parent = kernel.AddProcess();
        var child = kernel.AddProcess(parent.Pid);
        var stranger = kernel.AddProcess();
        Assert.Equal(Errno.SUCCESS, kernel.Processes.SetProcessGroup(parent, child.Pid, 0)); // leads its own group
        Assert.Equal(child.Pid, child.ProcessGroup);
        Assert.Equal(Errno.SUCCESS, kernel.Processes.SetProcessGroup(parent, child.Pid, parent.Pid));
        Assert.Equal(Errno.EPERM, kernel.Processes.SetProcessGroup(parent, child.Pid, 999));
        Assert.Equal(Errno.ESRCH, kernel.Processes.SetProcessGroup(parent, stranger.Pid, 0));
        Assert.Equal(Errno.EINVAL, kernel.Processes.SetProcessGroup(parent, 0, -1));
        Assert.Equal(Errno.SUCCESS, kernel.Processes.GetProcessGroup(child, 0, out var group));
        Assert.Equal(parent.Pid, group);
        Assert.Equal(Errno.ESRCH, kernel.Processes.GetProcessGroup(child, 4242, out _));
    }
}
