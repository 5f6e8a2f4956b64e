namespace SecureExec.Testing.Kernel.Processes;

/// <summary>
/// Dedicated threads for work that blocks (a process's run, a pump draining a pipe), reused: a finished thread parks
/// for <see cref="IdleMs"/> and takes the next work item of the same stack size. Starting a thread costs ~0.2 ms on an
/// idle machine and milliseconds on a busy one (Thread.Start waits until the new thread runs); a warm ExecAsync
/// started three (the process and two output pumps). At most <see cref="MaxIdle"/> threads park; the rest end.
/// Work items must leave no thread-local state behind (the Wasm driver clears its context in a finally).
/// </summary>
internal static class ReusableThreads
{
    private const int IdleMs = 2000;
    private const int MaxIdle = 16;
    private const string IdleName = "secure-exec idle";

    private static readonly object s_lock = new();
    private static readonly List<Worker> s_idle = []; // guarded by s_lock

    /// <summary>Runs <paramref name="work"/> on a parked thread with a <paramref name="stackBytes"/> stack (0: the
    /// default), or on a new one, under <paramref name="name"/>.</summary>
    public static void Start(string name, int stackBytes, Action work)
    {
        lock (s_lock)
        {
            for (var i = s_idle.Count - 1; i >= 0; i--)
            {
                var worker = s_idle[i];
                if (worker.StackBytes != stackBytes) continue;
                s_idle.RemoveAt(i);
                worker.Assign(name, work);
                return;
            }
        }
        var fresh = new Worker(stackBytes, name, work);
        new Thread(fresh.Run, stackBytes) { IsBackground = true, Name = name }.Start();
    }

    /// <summary>Threads with that stack size parked now (for tests).</summary>
    internal static int IdleCount(int stackBytes)
    {
        lock (s_lock) return s_idle.Count(w => w.StackBytes == stackBytes);
    }

    private sealed class Worker(int stackBytes, string name, Action work)
    {
        private readonly SemaphoreSlim _signal = new(0);
        private string _name = name;
        private Action? _work = work;

        public int StackBytes { get; } = stackBytes;

        /// <summary>Hands a parked worker its next item (the caller took it off the idle list).</summary>
        public void Assign(string name, Action work)
        {
            _name = name;
            _work = work;
            _signal.Release();
        }

        public void Run()
        {
            while (true)
            {
                var work = _work!;
                _work = null;
                if (Thread.CurrentThread.Name != _name) Thread.CurrentThread.Name = _name;
                work();
                Thread.CurrentThread.Name = IdleName;
                lock (s_lock)
                {
                    if (s_idle.Count >= MaxIdle) return;
                    s_idle.Add(this);
                }
                if (_signal.Wait(IdleMs)) continue;
                lock (s_lock)
                {
                    if (s_idle.Remove(this)) return; // nobody took it: the thread ends
                }
                _signal.Wait(); // taken between the timeout and the lock: its work is on the way
            }
        }
    }
}
