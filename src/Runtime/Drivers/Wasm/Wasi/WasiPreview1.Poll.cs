using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Files;
using Wasmtime;

namespace SecureExec.Testing.Drivers.Wasm.Wasi;

/// <summary>
/// poll_oneoff: clock and fd_read/fd_write subscriptions. It blocks through <see cref="Kernel.Processes.KernelProcess.Block"/>
/// on a private monitor that every polled description's <see cref="FileDescription.Events"/> pulses, so data,
/// hang-ups, timeouts and signals (kill) all wake it.
/// </summary>
internal static partial class WasiPreview1
{
    private const byte EVENTTYPE_CLOCK = 0, EVENTTYPE_FD_READ = 1, EVENTTYPE_FD_WRITE = 2;
    private const int SUBCLOCKFLAGS_ABSTIME = 1;
    private const ushort EVENTRWFLAGS_HANGUP = 1;
    private const int SubscriptionSize = 48, EventSize = 32;

    private static void DefinePoll(Linker linker) =>
        linker.DefineFunction(Module, "poll_oneoff", (CallerFunc<int, int, int, int, int>)PollOneoff);

    private struct Subscription
    {
        public ulong UserData;
        public byte Type;
        public int Fd;
        public FileDescription? Description;
        public long Deadline; // monotonic ns, for clocks
        public int ClockId;
    }

    private static int PollOneoff(Caller caller, int subscriptionsIn, int eventsOut, int count, int eventsCountOut)
    {
        var cx = WasmContext.Current;
        Subscription[] subs = [];
        var acquired = 0;
        try
        {
            if (count <= 0) return cx.Ret(Errno.EINVAL);
            if (count > 4096) return cx.Ret(Errno.EINVAL);
            subs = new Subscription[count];
            {
                var m = cx.Mem();
                m.Slice(eventsOut, count * EventSize); // validate both arrays up front
                m.Slice(eventsCountOut, 4);
                var now = MonotonicNow();
                for (var i = 0; i < count; i++)
                {
                    var p = subscriptionsIn + i * SubscriptionSize;
                    ref var s = ref subs[i];
                    s.UserData = (ulong)m.ReadInt64(p);
                    s.Type = m.ReadByte(p + 8);
                    switch (s.Type)
                    {
                        case EVENTTYPE_CLOCK:
                            s.ClockId = m.ReadInt32(p + 16);
                            var timeout = m.ReadInt64(p + 24);
                            var flags = m.ReadUInt16(p + 40);
                            if ((flags & SUBCLOCKFLAGS_ABSTIME) != 0)
                            {
                                if (!TryNow(cx, s.ClockId, out var clockNow)) return cx.Ret(Errno.EINVAL);
                                timeout -= clockNow;
                            }
                            else if (!TryNow(cx, s.ClockId, out _))
                            {
                                return cx.Ret(Errno.EINVAL);
                            }
                            s.Deadline = timeout <= 0 ? now : (long.MaxValue - now < timeout ? long.MaxValue : now + timeout);
                            break;
                        case EVENTTYPE_FD_READ or EVENTTYPE_FD_WRITE:
                            s.Fd = m.ReadInt32(p + 16);
                            if (cx.Process.Fds.Acquire(s.Fd, out var d) == Errno.SUCCESS)
                            {
                                s.Description = d;
                                acquired++;
                            }
                            break;
                        default:
                            return cx.Ret(Errno.EINVAL);
                    }
                }
            }

            var ready = new bool[count];
            bool Check()
            {
                var any = false;
                var t = MonotonicNow();
                for (var i = 0; i < subs.Length; i++)
                {
                    ref var s = ref subs[i];
                    ready[i] = s.Type switch
                    {
                        EVENTTYPE_CLOCK => t >= s.Deadline,
                        _ when s.Description is null => true, // EBADF event
                        EVENTTYPE_FD_READ => (s.Description.Poll() & (PollEvents.POLLIN | PollEvents.POLLHUP | PollEvents.POLLERR)) != 0,
                        _ => (s.Description.Poll() & (PollEvents.POLLOUT | PollEvents.POLLHUP | PollEvents.POLLERR)) != 0,
                    };
                    any |= ready[i];
                }
                return any;
            }

            var monitor = new object();
            var subscriptions = new List<IDisposable>();
            Errno wait;
            try
            {
                foreach (var s in subs)
                {
                    if (s.Description is { } d)
                        subscriptions.Add(d.Events.Subscribe(() =>
                        {
                            lock (monitor) Monitor.PulseAll(monitor);
                        }));
                }
                lock (monitor)
                {
                    var earliest = long.MaxValue;
                    foreach (var s in subs)
                        if (s.Type == EVENTTYPE_CLOCK) earliest = Math.Min(earliest, s.Deadline);
                    TimeSpan? limit = earliest == long.MaxValue
                        ? null
                        : TimeSpan.FromMilliseconds(Math.Ceiling(Math.Max(0, earliest - MonotonicNow()) / 1_000_000.0));
                    wait = cx.Process.Block(monitor, Check, limit);
                    if (wait == Errno.ETIMEDOUT)
                    {
                        // Block's millisecond clock may wake a hair early; the clock subscriptions decide.
                        while (!Check())
                        {
                            var left = earliest - MonotonicNow();
                            if (left > 0) Thread.Sleep(TimeSpan.FromTicks(Math.Max(1, left / 100)));
                            if (cx.Process.IsInterrupted) break;
                        }
                        wait = Check() ? Errno.SUCCESS : Errno.EINTR;
                    }
                }
            }
            finally
            {
                foreach (var s in subscriptions) s.Dispose();
            }
            if (wait != Errno.SUCCESS) return cx.Ret(wait);

            var mem = cx.Mem();
            var written = 0;
            for (var i = 0; i < subs.Length; i++)
            {
                if (!ready[i]) continue;
                ref var s = ref subs[i];
                var p = eventsOut + written * EventSize;
                mem.Slice(p, EventSize).Clear();
                mem.WriteUInt64(p, s.UserData);
                mem.WriteByte(p + 10, s.Type);
                if (s.Type != EVENTTYPE_CLOCK)
                {
                    if (s.Description is not { } d)
                    {
                        mem.WriteUInt16(p + 8, (ushort)WasiErrno.EBADF);
                    }
                    else
                    {
                        var ev = d.Poll();
                        if ((ev & PollEvents.POLLERR) != 0 && s.Type == EVENTTYPE_FD_WRITE)
                            mem.WriteUInt16(p + 8, (ushort)WasiErrno.EPIPE);
                        mem.WriteInt64(p + 16, s.Type == EVENTTYPE_FD_READ ? Readable(d) : 0);
                        if ((ev & PollEvents.POLLHUP) != 0) mem.WriteUInt16(p + 24, EVENTRWFLAGS_HANGUP);
                    }
                }
                written++;
            }
            mem.WriteInt32(eventsCountOut, written);
            return cx.Ret(Errno.SUCCESS);
        }
        catch (Exception e) when (e is not WasmUnwindException)
        {
            return cx.Ret(cx.Fault(e));
        }
        finally
        {
            if (acquired > 0)
                foreach (var s in subs) s.Description?.Release();
        }
    }
}
