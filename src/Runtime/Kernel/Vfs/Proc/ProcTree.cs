using System.Globalization;
using System.Text;
using SecureExec.Testing.Abi;
using SecureExec.Testing.Kernel.Processes;

namespace SecureExec.Testing.Kernel.Vfs.Proc;

/// <summary>
/// The layout of /proc: self, one directory per process (cmdline, comm, status, stat, environ, fd/, cwd, exe,
/// root, mounts), sys/kernel/{hostname,ostype,osrelease}, version, cpuinfo, meminfo, uptime, loadavg, mounts.
/// </summary>
internal static class ProcTree
{
    /// <summary>uname -r inside the VM.</summary>
    public const string OsRelease = "6.1.0-secure-exec";

    private const uint Dir = 0x16D;     // 0555
    private const uint File = 0x124;    // 0444
    private const uint Private = 0x100; // 0400

    public static ProcDirectory CreateRoot(ProcFileSystem fs) => new(fs, "/", Dir, RootEntries);

    private static IEnumerable<ProcNode> RootEntries(ProcDirectory root)
    {
        var fs = root.Proc;
        yield return new ProcSymlink(fs, "/self", caller => caller?.Pid.ToString(CultureInfo.InvariantCulture));
        yield return Text(fs, "/version", $"Linux version {OsRelease} (secure-exec@sandbox) #1 SMP PREEMPT_DYNAMIC\n");
        yield return Text(fs, "/cpuinfo", CpuInfo);
        yield return Text(fs, "/meminfo", MemInfo);
        yield return Text(fs, "/uptime", () =>
        {
            var up = fs.Uptime.TotalSeconds;
            return string.Create(CultureInfo.InvariantCulture, $"{up:F2} {up:F2}\n");
        });
        yield return Text(fs, "/loadavg", () => $"0.00 0.00 0.00 1/{fs.Vfs.Kernel.Processes.LiveCount} {fs.Vfs.Kernel.Processes.All.LastOrDefault()?.Pid ?? 1}\n");
        yield return Text(fs, "/mounts", () => fs.Vfs.MountsText());
        yield return new ProcDirectory(fs, "/sys", Dir, sys => [
            new ProcDirectory(fs, "/sys/kernel", Dir, kernel => [
                Text(fs, "/sys/kernel/hostname", VirtualFileSystem.HostName + "\n", 0x1A4),
                Text(fs, "/sys/kernel/ostype", "Linux\n", 0x1A4),
                Text(fs, "/sys/kernel/osrelease", OsRelease + "\n", 0x1A4),
            ]),
        ]);
        foreach (var p in fs.Vfs.Kernel.Processes.All)
            yield return ProcessDirectory(fs, p);
    }

    private static ProcDirectory ProcessDirectory(ProcFileSystem fs, KernelProcess p)
    {
        var dir = "/" + p.Pid.ToString(CultureInfo.InvariantCulture);
        return new ProcDirectory(fs, dir, Dir, _ => ProcessEntries(fs, dir, p));
    }

    private static IEnumerable<ProcNode> ProcessEntries(ProcFileSystem fs, string dir, KernelProcess p)
    {
        yield return new ProcFile(fs, dir + "/cmdline", File, _ => ProcessFiles.Cmdline(p));
        yield return new ProcFile(fs, dir + "/comm", 0x1A4, _ => ProcessFiles.Comm(p));
        yield return new ProcFile(fs, dir + "/status", File, o => ProcessFiles.Status(p, o.Caller));
        yield return new ProcFile(fs, dir + "/stat", File, o => ProcessFiles.Stat(p, o.Caller, fs.BootTime));
        yield return new ProcFile(fs, dir + "/environ", Private, _ => ProcessFiles.Environ(p));
        yield return new ProcSymlink(fs, dir + "/cwd", _ => p.State == ProcessState.Zombie ? null : p.Cwd);
        yield return new ProcSymlink(fs, dir + "/exe", _ => p.State == ProcessState.Zombie || p.ExecutablePath.Length == 0 ? null : p.ExecutablePath);
        yield return new ProcSymlink(fs, dir + "/root", _ => "/");
        yield return new ProcFile(fs, dir + "/mounts", File, _ => Encoding.UTF8.GetBytes(fs.Vfs.MountsText()));
        yield return new ProcDirectory(fs, dir + "/fd", 0x140, fdDir => p.Fds.Snapshot()
            .Select(e => (ProcNode)new ProcFdLink(fs, fdDir.Child(e.Fd.ToString(CultureInfo.InvariantCulture)), p, e.Fd, e.Description.Flags)));
    }

    private static ProcFile Text(ProcFileSystem fs, string path, string content, uint mode = File) =>
        new(fs, path, mode, _ => Encoding.UTF8.GetBytes(content));

    private static ProcFile Text(ProcFileSystem fs, string path, Func<string> content, uint mode = File) =>
        new(fs, path, mode, _ => Encoding.UTF8.GetBytes(content()));

    private static string CpuInfo()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < Environment.ProcessorCount; i++)
        {
            sb.Append("processor\t: ").Append(i).Append('\n');
            sb.Append("vendor_id\t: SecureExec\n");
            sb.Append("model name\t: secure-exec virtual CPU\n");
            sb.Append("cpu MHz\t\t: 1000.000\n");
            sb.Append("cpu cores\t: ").Append(Environment.ProcessorCount).Append("\n\n");
        }
        return sb.ToString();
    }

    private static string MemInfo()
    {
        var total = Math.Max(1, GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024);
        var free = Math.Max(0, total - GC.GetTotalMemory(false) / 1024);
        return string.Create(CultureInfo.InvariantCulture,
            $"MemTotal:       {total,8} kB\nMemFree:        {free,8} kB\nMemAvailable:   {free,8} kB\nSwapTotal:             0 kB\nSwapFree:              0 kB\n");
    }
}
