using System.Buffers;
using System.Text;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel;
using SecureExec.Testing.Kernel.Pipes;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing;

/// <summary>
/// A guest command started by <see cref="NodeRuntime.SpawnCommandAsync"/>: stream its stdin, kill it, wait for it.
/// Its stdout and stderr are kernel pipes the host drains on two dedicated reader threads.
/// </summary>
public sealed class CommandProcess : IAsyncDisposable
{
    private const int ReadChunk = 64 * 1024;

    private readonly VirtualKernel? _kernel;
    private readonly KernelProcess? _process;
    private readonly PipeWriteEnd? _stdin;      // null once closed; guarded by _stdinLock
    private readonly SemaphoreSlim _stdinLock = new(1, 1);
    private bool _stdinClosed;                  // guarded by _stdinLock (writers) / Interlocked for CloseStdin
    private int _stdinReleased;
    private readonly Task _stdoutDone;
    private readonly Task _stderrDone;
    private readonly MemoryStream? _stdoutCapture;
    private readonly MemoryStream? _stderrCapture;
    private readonly long _captureLimit = long.MaxValue;
    private int _truncated;
    private readonly int? _failedExitCode;

    internal CommandProcess(VirtualKernel kernel, KernelProcess process, PipeWriteEnd stdin, PipeReadEnd stdout, PipeReadEnd stderr,
        ExecOptions options, bool capture, long captureLimit = long.MaxValue)
    {
        _kernel = kernel;
        _captureLimit = captureLimit;
        _process = process;
        _stdin = stdin;
        Pid = process.Pid;
        if (capture)
        {
            _stdoutCapture = new MemoryStream();
            _stderrCapture = new MemoryStream();
        }
        _stdoutDone = StartPump(stdout, options.OnStdout, _stdoutCapture, $"secure-exec pid {Pid} stdout");
        _stderrDone = StartPump(stderr, options.OnStderr, _stderrCapture, $"secure-exec pid {Pid} stderr");
    }

    /// <summary>A command that could not start (not found, not executable): it "exits" with the shell's status.</summary>
    internal CommandProcess(int exitCode, string message, ExecOptions options, bool capture)
    {
        _failedExitCode = exitCode;
        _stdinClosed = true;
        _stdinReleased = 1;
        var bytes = Encoding.UTF8.GetBytes(message);
        if (capture)
        {
            _stdoutCapture = new MemoryStream();
            _stderrCapture = new MemoryStream(bytes.Length);
            _stderrCapture.Write(bytes);
        }
        options.OnStderr?.Invoke(bytes);
        _stdoutDone = _stderrDone = Task.CompletedTask;
    }

    /// <summary>The guest pid (0 when the command could not start).</summary>
    public int Pid { get; }

    /// <summary>The shell status once the process has exited (128 + n after signal n), else null.</summary>
    public int? ExitCode => _failedExitCode ?? (_process?.ExitStatus is { } s ? s.ShellStatus : null);

    /// <summary>Writes to the guest's stdin (waits while the pipe is full). Throws IOException once the guest
    /// closed its end, InvalidOperationException after <see cref="CloseStdin"/>.</summary>
    public async Task WriteStdinAsync(ReadOnlyMemory<byte> data, CancellationToken ct = default)
    {
        await _stdinLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_stdinClosed || _stdin is null) throw new InvalidOperationException("stdin is closed");
            // The write blocks while the pipe is full: do it on a thread of its own, not a pool thread.
            var e = await Task.Factory.StartNew(() => WriteAll(_stdin, data), ct, TaskCreationOptions.LongRunning, TaskScheduler.Default)
                .ConfigureAwait(false);
            if (e == Errno.EPIPE) throw new IOException("the guest process closed its stdin (EPIPE)");
            if (e != Errno.SUCCESS) throw new IOException($"writing to the guest's stdin failed: {e.Message()}");
        }
        finally
        {
            _stdinLock.Release();
        }
    }

    /// <summary>Writes to the guest's stdin on the calling thread, blocking while the pipe is full. Throws like
    /// <see cref="WriteStdinAsync(ReadOnlyMemory{byte}, CancellationToken)"/>.</summary>
    public void WriteStdin(ReadOnlySpan<byte> data)
    {
        _stdinLock.Wait();
        try
        {
            if (_stdinClosed || _stdin is null) throw new InvalidOperationException("stdin is closed");
            var e = WriteAll(_stdin, data);
            if (e == Errno.EPIPE) throw new IOException("the guest process closed its stdin (EPIPE)");
            if (e != Errno.SUCCESS) throw new IOException($"writing to the guest's stdin failed: {e.Message()}");
        }
        finally
        {
            _stdinLock.Release();
        }
    }

    /// <summary>Writes text (UTF-8) to the guest's stdin, blocking while the pipe is full.</summary>
    public void WriteStdin(string text) => WriteStdin(Encoding.UTF8.GetBytes(text));

    /// <summary>Writes text (UTF-8) to the guest's stdin.</summary>
    public Task WriteStdinAsync(string text, CancellationToken ct = default) => WriteStdinAsync(Encoding.UTF8.GetBytes(text), ct);

    /// <summary>Closes the guest's stdin (it reads end of file). Idempotent.</summary>
    public void CloseStdin()
    {
        _stdinClosed = true;
        if (Interlocked.Exchange(ref _stdinReleased, 1) == 0) _stdin?.Release();
    }

    /// <summary>Sends a signal to the process (default SIGTERM). No effect once it has exited.</summary>
    public void Kill(Signal signal = Signal.SIGTERM)
    {
        if (!Signals.IsValid((int)signal))
            throw new ArgumentOutOfRangeException(nameof(signal), (int)signal, $"unknown signal {(int)signal}: use a Signal from SIGHUP (1) to SIGSYS ({Signals.Max})");
        if (_process is null || _kernel is null || _process.ExitStatus is not null) return;
        _kernel.Kill(null, _process.Pid, (int)signal);
    }

    /// <summary>Signals the process and every process in its group (the guest's children, unless they moved).</summary>
    /// <remarks>The group is signalled even after the process itself exited: its background children (a fork
    /// bomb's orphans) still hold the output pipes.</remarks>
    internal void KillGroup(Signal signal)
    {
        if (_process is null || _kernel is null) return;
        _kernel.Kill(null, -_process.ProcessGroup, (int)signal);
        if (_process.ExitStatus is null) _kernel.Kill(null, _process.Pid, (int)signal);
    }

    /// <summary>Waits until the process has exited and its stdout/stderr are drained; returns <see cref="ExitCode"/>.</summary>
    public async Task<int> WaitAsync(CancellationToken ct = default)
    {
        if (_process is not null)
        {
            await _process.Exited.WaitAsync(ct).ConfigureAwait(false);
            CloseStdin();
        }
        await Task.WhenAll(_stdoutDone, _stderrDone).WaitAsync(ct).ConfigureAwait(false);
        return ExitCode!.Value;
    }

    internal Task Exited => _process?.Exited ?? Task.CompletedTask;

    /// <summary>The process (itself, not a child) hit its CPU time limit and was sent SIGXCPU.</summary>
    internal bool CpuLimitExceeded => _process?.CpuLimitExceeded ?? false;

    /// <summary>CPU time the process used, once it ended under a CPU limit (tests measure limit precision).</summary>
    internal TimeSpan? CpuTimeUsed => _process?.CpuTimeUsed;

    /// <summary>A captured stream reached the output limit and was cut.</summary>
    internal bool OutputTruncated => Volatile.Read(ref _truncated) != 0;

    /// <summary>Appends to a capture up to the limit; the first overflow ends it with a marker line.</summary>
    private void Capture(MemoryStream capture, ReadOnlySpan<byte> chunk)
    {
        if (Volatile.Read(ref _truncated) != 0) return;
        var room = _captureLimit - capture.Length;
        if (chunk.Length <= room)
        {
            capture.Write(chunk);
            return;
        }
        capture.Write(chunk[..(int)room]);
        capture.Write(Encoding.UTF8.GetBytes("\n" + RuntimeLimits.OutputTruncatedMarker(_captureLimit) + "\n"));
        Volatile.Write(ref _truncated, 1);
    }

    internal byte[] StdoutBytes => _stdoutCapture?.ToArray() ?? [];
    internal byte[] StderrBytes => _stderrCapture?.ToArray() ?? [];

    /// <summary>Writes all of <paramref name="data"/> then closes stdin, on a thread of its own.</summary>
    internal void FeedAndClose(ReadOnlyMemory<byte> data)
    {
        if (_stdin is null) return;
        ReusableThreads.Start($"secure-exec pid {Pid} stdin", 0, () =>
        {
            try
            {
                WriteAll(_stdin, data);
            }
            finally
            {
                CloseStdin();
            }
        });
    }

    private static Errno WriteAll(PipeWriteEnd pipe, ReadOnlyMemory<byte> data) => WriteAll(pipe, data.Span);

    private static Errno WriteAll(PipeWriteEnd pipe, ReadOnlySpan<byte> span)
    {
        while (span.Length > 0)
        {
            var e = pipe.Write(null, span, out var written);
            if (e != Errno.SUCCESS) return e;
            span = span[written..];
        }
        return Errno.SUCCESS;
    }

    private Task StartPump(PipeReadEnd pipe, Action<ReadOnlyMemory<byte>>? callback, MemoryStream? capture, string name)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ReusableThreads.Start(name, 0, () =>
        {
            var buffer = ArrayPool<byte>.Shared.Rent(ReadChunk); // callbacks see each chunk only during their call
            try
            {
                while (true)
                {
                    var e = pipe.Read(null, buffer, out var n);
                    if (e != Errno.SUCCESS || n == 0) break;
                    var chunk = buffer.AsMemory(0, n);
                    if (capture is not null)
                        lock (capture) Capture(capture, chunk.Span);
                    try
                    {
                        callback?.Invoke(chunk);
                    }
                    catch
                    {
                        // A failing callback must not stall the guest: keep draining the pipe.
                    }
                }
                done.TrySetResult();
            }
            catch (Exception ex)
            {
                done.TrySetException(ex);
            }
            finally
            {
                pipe.Release();
                ArrayPool<byte>.Shared.Return(buffer);
            }
        });
        return done.Task;
    }

    /// <summary>Kills the process and its process group (SIGKILL) and waits for it.</summary>
    public async ValueTask DisposeAsync()
    {
        KillGroup(Signal.SIGKILL);
        CloseStdin();
        try
        {
            await WaitAsync().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
        }
    }
}
