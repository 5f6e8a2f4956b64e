using BenchmarkDotNet.Attributes;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel;
using SecureExec.Testing.Kernel.Pipes;
using SecureExec.Testing.Kernel.Vfs;

namespace SecureExec.Bench.Micro;

/// <summary>The kernel alone, no guest: a pipe's write and read path and the in-memory file system's open path.</summary>
public class KernelBenchmarks
{
    private const int PipeChunk = 64 * 1024;
    private readonly byte[] _chunk = new byte[PipeChunk];
    private readonly byte[] _readBuffer = new byte[PipeChunk];
    private PipeReadEnd _pipeRead = null!;
    private PipeWriteEnd _pipeWrite = null!;
    private VirtualKernel _kernel = null!;

    [GlobalSetup]
    public void Setup()
    {
        (_pipeRead, _pipeWrite) = Pipe.Create(PipeChunk);
        _kernel = new VirtualKernel();
        Check(_kernel.FileSystem.WriteAllText("/tmp/bench.txt", new string('x', 4096)), "write /tmp/bench.txt");
    }

    [GlobalCleanup]
    public void Cleanup() => _kernel.Dispose();

    /// <summary>64 KiB into a 64 KiB pipe and back out (one thread: the ring never blocks).</summary>
    [Benchmark]
    public int PipeWriteRead64KiB()
    {
        Check(_pipeWrite.Write(null, _chunk, out var written), "pipe write");
        var total = 0;
        while (total < written)
        {
            Check(_pipeRead.Read(null, _readBuffer, out var n), "pipe read");
            total += n;
        }
        return total;
    }

    /// <summary>open(2) + read(2) of a 4 KiB in-memory file + close(2), by absolute path.</summary>
    [Benchmark]
    public int VfsOpenReadClose()
    {
        Check(_kernel.FileSystem.Open(PathContext.Host, "/tmp/bench.txt", OpenFlags.O_RDONLY, 0, out var file), "open");
        Check(file.Read(null, _readBuffer, out var n), "read");
        file.Release();
        return n;
    }

    private static void Check(Errno e, string what)
    {
        if (e != Errno.SUCCESS) throw new InvalidOperationException($"{what}: {e}");
    }
}
