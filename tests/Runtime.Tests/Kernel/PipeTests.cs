using System.Diagnostics;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel;
using SecureExec.Testing.Kernel.Pipes;

namespace SecureExec.Testing.Tests.Kernel;

public class PipeTests
{
    [Fact]
    public void Read_AfterWrite_ReturnsTheBytes()
    {
        var (r, w) = Pipe.Create();
        Assert.Equal(Errno.SUCCESS, w.Write(null, "hello"u8, out var n));
        Assert.Equal(5, n);
        var buf = new byte[16];
        Assert.Equal(Errno.SUCCESS, r.Read(null, buf, out var got));
        Assert.Equal("hello", System.Text.Encoding.ASCII.GetString(buf, 0, got));
    }

    [Fact]
    public void Read_WhenEmpty_BlocksUntilDataArrives()
    {
        var (r, w) = Pipe.Create();
        var reader = KernelTestHelpers.OnThread(() =>
        {
            var buf = new byte[8];
            r.Read(null, buf, out var n);
            return n;
        });
        Thread.Sleep(50);
        Assert.False(reader.IsCompleted);
        w.Write(null, "abc"u8, out _);
        Assert.True(reader.Wait(5000));
        Assert.Equal(3, reader.Result);
    }

    [Fact]
    public void Write_LargerThanCapacity_NotifiesPollingReaderBeforeBlocking()
    {
        // An event loop polls the read end and sleeps until its Events fire; a writer that filled the ring and
        // waits for room must have told it, or both sleep forever (node guests reading 1 MiB of stdin hung).
        var (r, w) = Pipe.Create(capacity: 4096 * 4);
        using var notified = new ManualResetEventSlim();
        using var sub = r.Events.Subscribe(notified.Set);
        var writer = KernelTestHelpers.OnThread(() =>
        {
            w.Write(null, new byte[4096 * 8], out var n);
            return n;
        });
        Assert.True(notified.Wait(5000));
        Assert.False(writer.IsCompleted);
        var buf = new byte[4096 * 8];
        var total = 0;
        while (total < buf.Length)
        {
            r.Read(null, buf, out var got);
            total += got;
        }
        Assert.True(writer.Wait(5000));
        Assert.Equal(4096 * 8, writer.Result);
    }

    [Fact]
    public void Read_AfterLastWriterCloses_ReturnsBufferedDataThenEof()
    {
        var (r, w) = Pipe.Create();
        w.Write(null, "xy"u8, out _);
        w.Release();
        var buf = new byte[8];
        r.Read(null, buf, out var first);
        r.Read(null, buf, out var second);
        Assert.Equal((2, 0), (first, second));
    }

    [Fact]
    public void Close_OfLastWriter_WakesBlockedReaderWithEof()
    {
        var (r, w) = Pipe.Create();
        var reader = KernelTestHelpers.OnThread(() =>
        {
            var e = r.Read(null, new byte[8], out var n);
            return (e, n);
        });
        Thread.Sleep(50);
        w.Release();
        Assert.True(reader.Wait(5000));
        Assert.Equal((Errno.SUCCESS, 0), reader.Result);
    }

    [Fact]
    public void Write_WithNoReader_ReturnsEPIPEAndSendsSIGPIPE()
    {
        using var kernel = new VirtualKernel();
        var p = kernel.AddProcess();
        var (r, w) = Pipe.Create();
        r.Release();
        Assert.Equal(Errno.EPIPE, w.Write(p, "x"u8, out var n));
        Assert.Equal(0, n);
        Assert.Equal(Signal.SIGPIPE, p.FatalSignal);
    }

    [Fact]
    public void Write_WithNoReaderAndSIGPIPEIgnored_ReturnsEPIPEOnly()
    {
        using var kernel = new VirtualKernel();
        var p = kernel.AddProcess();
        p.SetDisposition(Signal.SIGPIPE, SignalDisposition.Ignore, out _);
        var (r, w) = Pipe.Create();
        r.Release();
        Assert.Equal(Errno.EPIPE, w.Write(p, "x"u8, out _));
        Assert.Null(p.FatalSignal);
    }

    [Fact]
    public void Write_WhenFull_BlocksUntilReaderDrains()
    {
        var (r, w) = Pipe.Create(capacity: 65536);
        var big = new byte[100_000];
        var writer = KernelTestHelpers.OnThread(() =>
        {
            w.Write(null, big, out var n);
            return n;
        });
        Thread.Sleep(50);
        Assert.False(writer.IsCompleted);
        Assert.Equal(65536, r.Pipe.Available);
        var total = 0;
        var buf = new byte[8192];
        while (total < big.Length)
        {
            r.Read(null, buf, out var n);
            total += n;
        }
        Assert.True(writer.Wait(5000));
        Assert.Equal(100_000, writer.Result);
    }

    [Fact]
    public void NonBlocking_EmptyReadAndFullWrite_ReturnEAGAIN()
    {
        var (r, w) = Pipe.Create(capacity: 65536, OpenFlags.O_NONBLOCK);
        Assert.Equal(Errno.EAGAIN, r.Read(null, new byte[4], out _));
        Assert.Equal(Errno.SUCCESS, w.Write(null, new byte[100_000], out var partial));
        Assert.Equal(65536, partial);
        Assert.Equal(Errno.EAGAIN, w.Write(null, new byte[1], out _));
    }

    [Fact]
    public void NonBlocking_SmallWriteThatDoesNotFit_IsNotSplit()
    {
        var (_, w) = Pipe.Create(capacity: 65536, OpenFlags.O_NONBLOCK);
        w.Write(null, new byte[65536 - 100], out _);
        // PIPE_BUF atomicity: 200 bytes do not fit whole, so nothing is written
        Assert.Equal(Errno.EAGAIN, w.Write(null, new byte[200], out var n));
        Assert.Equal(0, n);
    }

    [Fact]
    public void ConcurrentWriters_OfPipeBufChunks_AreNeverInterleaved()
    {
        var (r, w) = Pipe.Create();
        const int chunks = 200;
        var writers = Enumerable.Range(0, 2).Select(id => KernelTestHelpers.OnThread(() =>
        {
            var chunk = Enumerable.Repeat((byte)('a' + id), Pipe.PipeBuf).ToArray();
            for (var i = 0; i < chunks; i++) w.Write(null, chunk, out _);
            return true;
        })).ToArray();
        var all = new List<byte>();
        var buf = new byte[Pipe.PipeBuf];
        var closer = KernelTestHelpers.OnThread(() =>
        {
            foreach (var t in writers) _ = t.Result;
            w.Release();
            return true;
        });
        while (true)
        {
            r.Read(null, buf, out var n);
            if (n == 0) break;
            all.AddRange(buf.AsSpan(0, n).ToArray());
        }
        Assert.Equal(2 * chunks * Pipe.PipeBuf, all.Count);
        for (var i = 0; i < all.Count; i += Pipe.PipeBuf)
            Assert.True(all.Skip(i).Take(Pipe.PipeBuf).All(b => b == all[i]), $"chunk at {i} is interleaved");
        Assert.True(closer.Result);
    }

    [Fact]
    public void ConcurrentReadersAndWriters_AcrossThreads_ConserveEveryByte()
    {
        var (r, w) = Pipe.Create(capacity: 4096);
        const int perWriter = 200_000;
        var writers = Enumerable.Range(0, 3).Select(_ => KernelTestHelpers.OnThread(() =>
        {
            var data = new byte[777];
            var sent = 0;
            while (sent < perWriter)
            {
                w.Write(null, data.AsSpan(0, Math.Min(data.Length, perWriter - sent)), out var n);
                sent += n;
            }
            return sent;
        })).ToArray();
        var readers = Enumerable.Range(0, 2).Select(_ => KernelTestHelpers.OnThread(() =>
        {
            var total = 0L;
            var buf = new byte[1000];
            while (true)
            {
                r.Read(null, buf, out var n);
                if (n == 0) return total;
                total += n;
            }
        })).ToArray();
        foreach (var t in writers) _ = t.Result;
        w.Release();
        Assert.Equal(3L * perWriter, readers.Sum(t => t.Result));
    }

    [Fact]
    public void Kill_WakesReaderBlockedOnEmptyPipe()
    {
        using var kernel = new VirtualKernel();
        var p = kernel.AddProcess();
        var (r, _) = Pipe.Create();
        var reader = KernelTestHelpers.OnThread(() => r.Read(p, new byte[8], out _));
        Thread.Sleep(50);
        var sw = Stopwatch.StartNew();
        Assert.Equal(Errno.SUCCESS, kernel.Kill(null, p.Pid, (int)Signal.SIGKILL));
        Assert.True(reader.Wait(5000));
        Assert.Equal(Errno.EINTR, reader.Result);
        Assert.Equal(Signal.SIGKILL, p.FatalSignal);
        Assert.True(sw.ElapsedMilliseconds < 1000);
    }

    [Fact]
    public void Kill_WakesWriterBlockedOnFullPipe()
    {
        using var kernel = new VirtualKernel();
        var p = kernel.AddProcess();
        var (r, w) = Pipe.Create(capacity: 4096);
        w.Write(p, new byte[4096], out _);
        var writer = KernelTestHelpers.OnThread(() => w.Write(p, new byte[10], out _));
        Thread.Sleep(50);
        kernel.Kill(null, p.Pid, (int)Signal.SIGTERM);
        Assert.True(writer.Wait(5000));
        Assert.Equal(Errno.EINTR, writer.Result);
        GC.KeepAlive(r);
    }

    [Fact]
    public void Poll_ReportsReadinessAndHangup()
    {
        var (r, w) = Pipe.Create();
        Assert.Equal(PollEventsNone, r.Poll());
        w.Write(null, "a"u8, out _);
        Assert.True(r.Poll().HasFlag(SecureExec.Testing.Kernel.Files.PollEvents.POLLIN));
        w.Release();
        Assert.True(r.Poll().HasFlag(SecureExec.Testing.Kernel.Files.PollEvents.POLLHUP));
    }

    private static SecureExec.Testing.Kernel.Files.PollEvents PollEventsNone => SecureExec.Testing.Kernel.Files.PollEvents.None;
}
