namespace SecureExec.Testing.Tests;

/// <summary>
/// Bad input across the public API: each case must throw an argument exception (ArgumentNullException,
/// ArgumentOutOfRangeException or ArgumentException) naming the parameter, with a message that says what is wrong —
/// never a guest error, a hang, or an exception from deep inside .NET.
/// </summary>
public sealed class PublicApiValidationTests : IAsyncLifetime
{
    private static readonly string s_hostDir = Directory.CreateTempSubdirectory("secure-exec-api-").FullName;
    private NodeRuntime _rt = null!;

    public async Task InitializeAsync() => _rt = await NodeRuntime.CreateAsync();

    public async Task DisposeAsync() => await _rt.DisposeAsync();

    private static MountOptions Mount(string guest, string? host = null) => new() { HostPath = host ?? s_hostDir, GuestPath = guest };

    /// <summary>NodeRuntimeOptions that CreateAsync must refuse: (case, options, expected parameter name).</summary>
    public static TheoryData<string, string> BadRuntimeOptions => new()
    {
        { "Cwd empty", "options" }, { "Cwd relative", "options" }, { "Cwd NUL", "options" },
        { "Mount host missing", "options" }, { "Mount host empty", "options" }, { "Mount guest root", "options" },
        { "Mount guest relative", "options" }, { "Mount guest empty", "options" }, { "Mount guest NUL", "options" },
        { "Mount twice at one path", "options" }, { "Mount null entry", "options" }, { "Mount inside another mount", "options" },
        { "Env key empty", "options" }, { "Env key with =", "options" }, { "Env NUL", "options" }, { "Env null value", "options" },
        { "AllowedHosts empty entry", "options" }, { "AllowedHosts without NetworkEgress", "options" },
        { "CpuTimePerProcess zero", "options" }, { "CpuTimePerProcess negative", "options" }, { "JsHeapBytes negative", "options" },
        { "WasmMemoryBytes zero", "options" }, { "MaxProcesses zero", "options" }, { "MaxOpenFiles negative", "options" },
        { "MaxFileSystemBytes negative", "options" }, { "MaxOutputBytes negative", "options" },
        { "Files entry with NUL", "options" }, { "Permissions null", "options" }, { "Limits null", "options" }, { "Mounts null", "options" },
    };

    private static NodeRuntimeOptions OptionsFor(string name) => name switch
    {
        "Cwd empty" => new() { Cwd = "" },
        "Cwd relative" => new() { Cwd = "work" },
        "Cwd NUL" => new() { Cwd = "/wo\0rk" },
        "Mount host missing" => new() { Mounts = [Mount("/data", Path.Combine(s_hostDir, "missing"))] },
        "Mount host empty" => new() { Mounts = [Mount("/data", "")] },
        "Mount guest root" => new() { Mounts = [Mount("/")] },
        "Mount guest relative" => new() { Mounts = [Mount("data")] },
        "Mount guest empty" => new() { Mounts = [Mount("")] },
        "Mount guest NUL" => new() { Mounts = [Mount("/da\0ta")] },
        "Mount twice at one path" => new() { Mounts = [Mount("/data"), Mount("/data/")] },
        "Mount null entry" => new() { Mounts = [null!] },
        "Mount inside another mount" => new() { Mounts = [Mount("/data"), Mount("/data/inner")] },
        "Env key empty" => new() { Env = new Dictionary<string, string> { [""] = "x" } },
        "Env key with =" => new() { Env = new Dictionary<string, string> { ["A=B"] = "x" } },
        "Env NUL" => new() { Env = new Dictionary<string, string> { ["A"] = "x\0y" } },
        "Env null value" => new() { Env = new Dictionary<string, string> { ["A"] = null! } },
        "AllowedHosts empty entry" => new() { Permissions = RuntimePermissions.Default with { NetworkEgress = true, AllowedHosts = [""] } },
        "AllowedHosts without NetworkEgress" => new() { Permissions = RuntimePermissions.Default with { AllowedHosts = ["example.com"] } },
        "CpuTimePerProcess zero" => new() { Limits = new() { CpuTimePerProcess = TimeSpan.Zero } },
        "CpuTimePerProcess negative" => new() { Limits = new() { CpuTimePerProcess = TimeSpan.FromSeconds(-1) } },
        "JsHeapBytes negative" => new() { Limits = new() { JsHeapBytes = -1 } },
        "WasmMemoryBytes zero" => new() { Limits = new() { WasmMemoryBytes = 0 } },
        "MaxProcesses zero" => new() { Limits = new() { MaxProcesses = 0 } },
        "MaxOpenFiles negative" => new() { Limits = new() { MaxOpenFiles = -1 } },
        "MaxFileSystemBytes negative" => new() { Limits = new() { MaxFileSystemBytes = -1 } },
        "MaxOutputBytes negative" => new() { Limits = new() { MaxOutputBytes = -1 } },
        "Files entry with NUL" => new() { Files = new Dictionary<string, FileContent> { ["/a\0b"] = "x" } },
        "Permissions null" => new() { Permissions = null! },
        "Limits null" => new() { Limits = null! },
        "Mounts null" => new() { Mounts = null! },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(BadRuntimeOptions))]
    public async Task CreateAsync_BadOptions_ThrowsArgumentExceptionNamingOptions(string scenario, string parameter)
    {
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(async () => { await using var rt = await NodeRuntime.CreateAsync(OptionsFor(scenario)); });
        Assert.Equal(parameter, ex.ParamName);
        Assert.DoesNotContain("Exception", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateAsync_MountInsideAnotherMount_SaysWhyAndWhatToDo()
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(async () => { await using var rt = await NodeRuntime.CreateAsync(OptionsFor("Mount inside another mount")); });
        Assert.Contains("at /data/inner", ex.Message, StringComparison.Ordinal);
        Assert.Contains("lies inside another mount", ex.Message, StringComparison.Ordinal);
        Assert.Contains("choose a guest path outside that mount", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecAsync_NullOrBadArguments_ThrowArgumentExceptions()
    {
        Assert.Equal("code", (await Assert.ThrowsAsync<ArgumentNullException>(() => _rt.ExecAsync(null!))).ParamName);
        Assert.Equal("code", (await Assert.ThrowsAsync<ArgumentNullException>(() => _rt.SpawnAsync(null!))).ParamName);
        Assert.Equal("code", (await Assert.ThrowsAsync<ArgumentNullException>(() => _rt.RunAsync<int>(null!))).ParamName);
        Assert.Equal("command", (await Assert.ThrowsAsync<ArgumentNullException>(() => _rt.ExecCommandAsync(null!, []))).ParamName);
        Assert.Equal("command", (await Assert.ThrowsAsync<ArgumentException>(() => _rt.ExecCommandAsync("", []))).ParamName);
        Assert.Equal("args", (await Assert.ThrowsAsync<ArgumentNullException>(() => _rt.ExecCommandAsync("sh", null!))).ParamName);
        Assert.Equal("args", (await Assert.ThrowsAsync<ArgumentException>(() => _rt.ExecCommandAsync("sh", ["-c", null!]))).ParamName);
        Assert.Equal("args", (await Assert.ThrowsAsync<ArgumentException>(() => _rt.ExecCommandAsync("sh", ["-c", "echo\0x"]))).ParamName);
        Assert.Equal("command", (await Assert.ThrowsAsync<ArgumentNullException>(() => _rt.SpawnCommandAsync(null!, []))).ParamName);
    }

    public static TheoryData<string> BadExecOptions => ["Timeout zero", "Timeout negative", "Timeout huge", "Cwd relative", "Cwd NUL", "Env key with =", "Env NUL", "FilePath NUL"];

    private static ExecOptions ExecOptionsFor(string name) => name switch
    {
        "Timeout zero" => new() { Timeout = TimeSpan.Zero },
        "Timeout negative" => new() { Timeout = TimeSpan.FromSeconds(-1) },
        "Timeout huge" => new() { Timeout = TimeSpan.MaxValue },
        "Cwd relative" => new() { Cwd = "tmp" },
        "Cwd NUL" => new() { Cwd = "/t\0mp" },
        "Env key with =" => new() { Env = new Dictionary<string, string> { ["A=B"] = "x" } },
        "Env NUL" => new() { Env = new Dictionary<string, string> { ["A"] = "x\0" } },
        "FilePath NUL" => new() { FilePath = "/tmp/a\0.mjs" },
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(BadExecOptions))]
    public async Task ExecAsync_BadOptions_ThrowsArgumentExceptionNamingOptions(string scenario)
    {
        var options = ExecOptionsFor(scenario);
        var exec = await Assert.ThrowsAnyAsync<ArgumentException>(() => _rt.ExecAsync("console.log(1)", options));
        Assert.Equal("options", exec.ParamName);
        var command = await Assert.ThrowsAnyAsync<ArgumentException>(() => _rt.ExecCommandAsync("sh", ["-c", "true"], options));
        Assert.Equal("options", command.ParamName);
        var spawnOptions = new SpawnOptions { Timeout = options.Timeout, Cwd = options.Cwd, Env = options.Env, FilePath = options.FilePath };
        var spawn = await Assert.ThrowsAnyAsync<ArgumentException>(() => _rt.SpawnAsync("1", spawnOptions));
        Assert.Equal("options", spawn.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/tmp/a\0b")]
    public async Task FileSystem_BadPath_ThrowsArgumentExceptionNamingPath(string path)
    {
        var fs = _rt.FileSystem;
        foreach (var call in new Func<Task>[]
        {
            () => fs.WriteFileAsync(path, "x"), () => fs.ReadFileAsync(path), () => fs.ExistsAsync(path), () => fs.ListAsync(path),
            () => fs.CreateDirectoryAsync(path), () => fs.DeleteAsync(path),
        })
        {
            var ex = await Assert.ThrowsAnyAsync<ArgumentException>(call);
            Assert.Equal("path", ex.ParamName);
        }
        Assert.Equal("path", (await Assert.ThrowsAsync<ArgumentNullException>(() => fs.ReadFileAsync(null!))).ParamName);
        Assert.Equal("text", (await Assert.ThrowsAsync<ArgumentNullException>(() => fs.WriteFileAsync("/tmp/x", (string)null!))).ParamName);
    }

    [Fact]
    public async Task FileSystem_DotDotAboveRootAndRelativePaths_StayInTheVm()
    {
        await _rt.FileSystem.WriteFileAsync("relative.txt", "cwd"); // relative paths resolve against NodeRuntimeOptions.Cwd
        Assert.Equal("cwd", await _rt.FileSystem.ReadAllTextAsync("/root/relative.txt"));
        await _rt.FileSystem.WriteFileAsync("/../../tmp/dots.txt", "vm");
        Assert.Equal("vm", await _rt.FileSystem.ReadAllTextAsync("/tmp/dots.txt"));
    }

    [Theory]
    [InlineData(999)]
    [InlineData(-1)]
    [InlineData(65)]
    public async Task Kill_UnknownSignalNumber_ThrowsArgumentOutOfRange(int signal)
    {
        await using var p = await _rt.SpawnAsync("setTimeout(() => {}, 60000)");
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => p.Kill((SecureExec.Testing.Abi.Signal)signal));
        Assert.Equal("signal", ex.ParamName);
        p.Kill();
        await p.WaitAsync();
    }

    [Theory]
    [InlineData("SIGNOPE")]
    [InlineData("")]
    [InlineData("-9")]
    public async Task Kill_UnknownSignalName_ThrowsArgumentException(string signal)
    {
        await using var p = await _rt.SpawnAsync("setTimeout(() => {}, 60000)");
        var ex = Assert.ThrowsAny<ArgumentException>(() => p.Kill(signal));
        Assert.Equal("signal", ex.ParamName);
        Assert.Throws<ArgumentNullException>(() => p.Kill((string)null!));
        p.Kill("SIGKILL");
        await p.WaitAsync();
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(0)]
    [InlineData(65536)]
    [InlineData(int.MaxValue)]
    public async Task FetchAsync_PortOutOfRange_ThrowsArgumentOutOfRange(int port)
    {
        var ex = await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _rt.FetchAsync(port));
        Assert.Equal("port", ex.ParamName);
    }

    [Theory]
    [InlineData("no-slash")]
    [InlineData("/a b")]
    [InlineData("")]
    public async Task FetchAsync_BadPath_ThrowsArgumentException(string path)
    {
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => _rt.FetchAsync(8080, new FetchRequest { Path = path }));
        Assert.Equal("request", ex.ParamName);
    }

    [Theory]
    [InlineData("")]
    [InlineData("GE T")]
    public async Task FetchAsync_BadMethod_ThrowsArgumentException(string method)
    {
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => _rt.FetchAsync(8080, new FetchRequest { Method = method }));
        Assert.Equal("request", ex.ParamName);
    }

    [Fact]
    public async Task WaitForListenerAsync_BadQueryOrTimeout_ThrowsArgumentExceptions()
    {
        Assert.Equal("query", (await Assert.ThrowsAsync<ArgumentNullException>(() => _rt.WaitForListenerAsync(null!))).ParamName);
        Assert.Equal("query", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _rt.WaitForListenerAsync(new ListenerQuery { Port = -1 }))).ParamName);
        Assert.Equal("query", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _rt.WaitForListenerAsync(new ListenerQuery { Port = 70000 }))).ParamName);
        Assert.Equal("timeout", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _rt.WaitForListenerAsync(new ListenerQuery { Port = 1 }, TimeSpan.FromSeconds(-1)))).ParamName);
        Assert.Equal("timeout", (await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _rt.WaitForListenerAsync(new ListenerQuery { Port = 1 }, TimeSpan.MaxValue))).ParamName);
        Assert.Equal("query", Assert.Throws<ArgumentNullException>(() => _rt.FindListener(null!)).ParamName);
    }
}
