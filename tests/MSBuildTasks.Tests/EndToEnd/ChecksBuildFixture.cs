using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using SecureExec.Testing.MSBuild.Tests.Support;

namespace SecureExec.Testing.MSBuild.Tests.EndToEnd;

/// <summary>Builds Projects/Checks once out of process (the default) and once in process, for every test of the class.</summary>
public sealed class ChecksBuildFixture : IAsyncLifetime
{
    private readonly TestDirectory _dir = new();

    public string ProjectDirectory => _dir.Path;
    public BuildOutcome OutOfProc { get; private set; } = null!;
    public BuildOutcome InProc { get; private set; } = null!;
    /// <summary>Whether the default (network denied) guest's connection attempt reached its listener (it must not).</summary>
    public bool DeniedProbeWasReached { get; private set; }

    /// <summary>Whether the AllowNetwork guest reached its listener.</summary>
    public bool AllowedProbeWasReached { get; private set; }

    /// <summary>This machine has a non-loopback address for the listeners (else they sit on loopback, which the VM's own loopback shadows).</summary>
    public bool HasHostAddress { get; private set; }

    public async Task InitializeAsync()
    {
        DotnetBuild.CopySample("Checks", _dir.Path);
        var project = Path.Combine(_dir.Path, "checks.proj");
        // A listener on this machine's own non-loopback address (never another host): what the guest must not reach.
        var address = NetworkInterface.GetAllNetworkInterfaces()
            .Where(n => n.OperationalStatus == OperationalStatus.Up && n.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address)
            .FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a)) ?? IPAddress.Loopback;
        HasHostAddress = !IPAddress.IsLoopback(address);
        using var denied = new TcpListener(address, 0);
        using var allowed = new TcpListener(address, 0);
        denied.Start();
        allowed.Start();
        OutOfProc = await DotnetBuild.RunAsync(project, "--no-restore", "-v:d",
            $"-p:NetProbe={address}:{((IPEndPoint)denied.LocalEndpoint).Port}", $"-p:AllowedProbe={address}:{((IPEndPoint)allowed.LocalEndpoint).Port}");
        DeniedProbeWasReached = denied.Pending();
        AllowedProbeWasReached = allowed.Pending();
        InProc = await DotnetBuild.RunAsync(project, "--no-restore", "-v:d", "-t:InProc", "-p:SandboxedNodeOutOfProc=false");
    }

    public Task DisposeAsync()
    {
        _dir.Dispose();
        return Task.CompletedTask;
    }
}
