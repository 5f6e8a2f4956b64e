using SecureExec.Testing.Adapters;
using Xunit;
using Xunit.Abstractions;

namespace SecureExec.Testing.Xunit;

/// <summary>
/// One runtime shared by the tests of a class (<c>IClassFixture&lt;SandboxFixture&gt;</c>) or a collection
/// (<c>ICollectionFixture</c>). Subclass it to configure (<see cref="CreateOptions"/>) and seed
/// (<see cref="SeedAsync"/>); call <see cref="ResetAsync"/> between tests (e.g. from the test class's
/// <c>IAsyncLifetime.InitializeAsync</c>) for a fresh VM file system; route guest output to the current test with
/// <see cref="UseOutput"/>. A start-up failure is thrown once by xUnit and reported on every test of the class.
/// </summary>
public class SandboxFixture : IAsyncLifetime
{
    private NodeRuntime? _runtime;
    private ITestOutputHelper? _output;
    private GuestOutput? _guestOutput;

    /// <summary>The shared runtime (valid after InitializeAsync, until DisposeAsync).</summary>
    public NodeRuntime Runtime => _runtime ?? throw new InvalidOperationException(
        "the SandboxFixture has no runtime: use it through IClassFixture<> / ICollectionFixture<> so xUnit initializes it.");

    /// <summary>The options of every runtime this fixture creates. Output routing is added on top.</summary>
    protected virtual NodeRuntimeOptions CreateOptions() => new();

    /// <summary>Runs after each runtime is created (first start and every <see cref="ResetAsync"/>).</summary>
    protected virtual Task SeedAsync(NodeRuntime runtime) => Task.CompletedTask;

    /// <summary>Sends guest output to <paramref name="output"/> (the current test's) until the returned value is disposed.</summary>
    public IDisposable UseOutput(ITestOutputHelper output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _guestOutput?.Flush();
        _output = output;
        _guestOutput = new GuestOutput(line => _output?.WriteLine(line));
        return new Detach(this, output);
    }

    /// <summary>Replaces the runtime with a fresh one (a new VM: empty file system, no processes) and seeds it again.</summary>
    public async Task ResetAsync()
    {
        var old = Interlocked.Exchange(ref _runtime, null);
        if (old is not null) await old.DisposeAsync().ConfigureAwait(false);
        await StartAsync().ConfigureAwait(false);
    }

    async Task IAsyncLifetime.InitializeAsync() => await StartAsync().ConfigureAwait(false);

    async Task IAsyncLifetime.DisposeAsync()
    {
        var old = Interlocked.Exchange(ref _runtime, null);
        if (old is not null) await old.DisposeAsync().ConfigureAwait(false);
    }

    private async Task StartAsync()
    {
        var options = CreateOptions();
        options = options with
        {
            OnStdout = options.OnStdout + (chunk => _guestOutput?.OnStdout(chunk)),
            OnStderr = options.OnStderr + (chunk => _guestOutput?.OnStderr(chunk)),
        };
        var runtime = await NodeRuntime.CreateAsync(options).ConfigureAwait(false);
        try
        {
            await SeedAsync(runtime).ConfigureAwait(false);
        }
        catch
        {
            await runtime.DisposeAsync().ConfigureAwait(false);
            throw;
        }
        _runtime = runtime;
    }

    private sealed class Detach(SandboxFixture fixture, ITestOutputHelper output) : IDisposable
    {
        public void Dispose()
        {
            if (!ReferenceEquals(fixture._output, output)) return;
            fixture._guestOutput?.Flush();
            fixture._guestOutput = null;
            fixture._output = null;
        }
    }
}
