using System.Text;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Drivers.Wasm.Wasi;
using SecureExec.Testing.Kernel.Commands;
using SecureExec.Testing.Kernel.Files;
using SecureExec.Testing.Kernel.Processes;
using Wasmtime;

namespace SecureExec.Testing.Drivers.Wasm;

/// <summary>
/// Driver-side state of one running image (one Store): the kernel process, the image, the guest memory and the
/// preopen. Host callbacks run on the process thread, so the current context is a thread-static set for the
/// duration of <see cref="WasmDriver.Run"/>.
/// </summary>
internal sealed class WasmContext
{
    [ThreadStatic] private static WasmContext? t_current;

    public WasmContext(KernelProcess process, ExecImage image)
    {
        Process = process;
        Image = image;
        Args = Pack(image.Argv);
        Env = Pack(image.Environment);
        CpuBaseNs = Wasi.WasiPreview1.ThreadCpuNow();
    }

    /// <summary>The thread's CPU time when this image started (process threads are reused).</summary>
    public long CpuBaseNs { get; }

    public KernelProcess Process { get; }
    public ExecImage Image { get; }
    public Memory? Memory { get; set; }

    /// <summary>argv / environ as NUL-terminated UTF-8 strings, with each string's offset.</summary>
    public (byte[] Blob, int[] Offsets) Args { get; }
    public (byte[] Blob, int[] Offsets) Env { get; }

    /// <summary>The fd announced to wasi-libc as the preopened directory "/" (-1: none).</summary>
    public int PreopenFd { get; private set; } = -1;
    /// <summary>The description installed at <see cref="PreopenFd"/> (the guest may close or replace that fd).</summary>
    public FileDescription? PreopenDescription { get; private set; }

    /// <summary>The last unexpected host exception an import mapped to EIO (for diagnostics).</summary>
    public Exception? LastHostError { get; set; }

    /// <summary>The command name used in diagnostics: basename of argv[0].</summary>
    public string Name
    {
        get
        {
            var a0 = Image.Argv.Count > 0 ? Image.Argv[0] : Image.Command.Name;
            return a0[(a0.LastIndexOf('/') + 1)..];
        }
    }

    public static WasmContext Current => t_current ?? throw new InvalidOperationException("no wasm image runs on this thread");

    internal static void SetCurrent(WasmContext? context) => t_current = context;

    public GuestMemory Mem()
    {
        if (Memory is null) throw new GuestFaultException();
        return new GuestMemory(Memory);
    }

    /// <summary>
    /// Reserves the preopen: the lowest free fd ≥ 3 becomes a close-on-exec directory description of "/"
    /// (fds the parent passed at 3 and above stay where they are). See README.md, "Preopen".
    /// </summary>
    public void InstallPreopen()
    {
        var e = Process.Kernel.FileSystem.Open(Process.PathContext, "/", OpenFlags.O_RDONLY | OpenFlags.O_DIRECTORY, 0, out var root);
        if (e != Errno.SUCCESS) return; // no file system: path calls fail with the VFS's errno
        if (Process.Fds.Allocate(root, closeOnExec: true, out var fd, minimum: 3) != Errno.SUCCESS)
        {
            root.Release();
            return;
        }
        PreopenFd = fd;
        PreopenDescription = root;
    }

    /// <summary>True when <paramref name="fd"/> still holds the preopen description.</summary>
    public bool IsPreopen(int fd) =>
        fd == PreopenFd && Process.Fds.Get(fd, out var d) == Errno.SUCCESS && ReferenceEquals(d, PreopenDescription);

    /// <summary>Finishes an import: unwinds when the process is dying, else returns the WASI errno.</summary>
    public int Ret(Errno errno)
    {
        if (Process.FatalSignal is { } fatal) throw new ProcessKilledException(fatal);
        return (int)errno.ToWasi();
    }

    /// <summary>Finishes a secure_exec import: a value ≥ 0, or a negative WASI errno.</summary>
    public int SeRet(Errno errno, int value = 0)
    {
        if (Process.FatalSignal is { } fatal) throw new ProcessKilledException(fatal);
        return errno == Errno.SUCCESS ? value : -(int)errno.ToWasi();
    }

    /// <summary>Maps an exception thrown inside an import to an errno (never lets it reach Wasmtime).</summary>
    public Errno Fault(Exception e)
    {
        if (e is GuestFaultException) return Errno.EFAULT;
        LastHostError = e;
        return Errno.EIO;
    }

    private static (byte[], int[]) Pack(IReadOnlyList<string> strings)
    {
        var offsets = new int[strings.Count];
        var total = 0;
        for (var i = 0; i < strings.Count; i++)
        {
            offsets[i] = total;
            total += Encoding.UTF8.GetByteCount(strings[i]) + 1;
        }
        var blob = new byte[total];
        for (var i = 0; i < strings.Count; i++)
            Encoding.UTF8.GetBytes(strings[i], blob.AsSpan(offsets[i]));
        return (blob, offsets);
    }
}
