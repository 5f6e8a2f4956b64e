namespace SecureExec.Testing.Tests.Security;

/// <summary>
/// Escape suite, host files: attacks through the public API that try to read a host file (a secret written by the
/// test next to a mount, the host's /etc/passwd, the test assembly). Each must fail or see only the VM's own files.
/// </summary>
public sealed class EscapeFileTests : IDisposable
{
    private const string Secret = "HOST-SECRET-3f9c1a";
    private readonly string _root = Directory.CreateTempSubdirectory("secure-exec-escape-").FullName;
    private readonly string _mounted;
    private readonly string _secretPath;

    public EscapeFileTests()
    {
        _mounted = Directory.CreateDirectory(Path.Combine(_root, "mounted")).FullName;
        _secretPath = Path.Combine(_root, "secret.txt");
        File.WriteAllText(_secretPath, Secret);
        File.WriteAllText(Path.Combine(_root, "secret.js"), $"module.exports = '{Secret}';");
        File.WriteAllText(Path.Combine(_mounted, "inside.txt"), "inside");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private Task<NodeRuntime> CreateAsync(bool readOnly = true) => NodeRuntime.CreateAsync(new NodeRuntimeOptions
    {
        Mounts = [new MountOptions { HostPath = _mounted, GuestPath = "/data", ReadOnly = readOnly }],
    });

    /// <summary>Runs CommonJS guest code with `node -e` (the `require` attacks need CommonJS).</summary>
    private static Task<ExecResult> NodeAsync(NodeRuntime rt, string code) => rt.ExecCommandAsync("node", ["-e", code]);

    private const string TryRead = """
        const fs = require('fs');
        const tryRead = (p) => { try { return 'READ:' + fs.readFileSync(p, 'utf8'); } catch (e) { return e.code; } };
        """;

    [Fact]
    public async Task ReadFile_HostAbsolutePath_IsENOENT()
    {
        await using var rt = await CreateAsync();
        var js = await NodeAsync(rt, TryRead + $"console.log(tryRead({Js(_secretPath)}), tryRead({Js(_root + "/mounted/inside.txt")}))");
        Assert.Equal("ENOENT ENOENT\n", js.Stdout);
        var sh = await rt.ExecCommandAsync("sh", ["-c", $"cat {_secretPath}; echo \"status $?\""]);
        Assert.DoesNotContain(Secret, sh.Stdout + sh.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("status 1\n", sh.Stdout, StringComparison.Ordinal);
        Assert.Equal("inside", await rt.FileSystem.ReadAllTextAsync("/data/inside.txt")); // the mount itself works
    }

    [Fact]
    public async Task ReadFile_EtcPasswd_IsNeverTheHosts()
    {
        var host = await File.ReadAllTextAsync("/etc/passwd");
        await using var rt = await CreateAsync();
        var js = await NodeAsync(rt, TryRead + "process.stdout.write(tryRead('/etc/passwd'))");
        var sh = await rt.ExecCommandAsync("sh", ["-c", "cat /etc/passwd 2>&1"]);
        Assert.NotEqual("READ:" + host, js.Stdout);
        Assert.NotEqual(host, sh.Stdout);
        // Every host account but root is unknown to the VM (root may exist in the VM's own /etc/passwd).
        foreach (var user in host.Split('\n').Select(l => l.Split(':')[0]).Where(u => u.Length > 0 && u != "root"))
        {
            Assert.DoesNotContain(user + ":", js.Stdout, StringComparison.Ordinal);
            Assert.DoesNotContain(user + ":", sh.Stdout, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReadFile_DotDotFromMount_StaysInGuestNamespace()
    {
        await using var rt = await CreateAsync();
        var js = await NodeAsync(rt, TryRead + """
            console.log(['/data/../secret.txt', '/data/../../../../secret.txt', '/data/./../mounted/../secret.txt',
              '/data/' + '../'.repeat(20) + 'etc/../secret.txt'].map(tryRead).join(' '));
            process.chdir('/data'); console.log(tryRead('../secret.txt'), tryRead('inside.txt'));
            """);
        Assert.Equal("ENOENT ENOENT ENOENT ENOENT\nENOENT READ:inside\n", js.Stdout);
        var sh = await rt.ExecCommandAsync("sh", ["-c", "cd /data && cat ../secret.txt ../../secret.txt; echo \"status $?\""]);
        Assert.DoesNotContain(Secret, sh.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("status 1\n", sh.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Symlink_CreatedByGuestInMount_ResolvesInGuestNamespace()
    {
        await using var rt = await CreateAsync(readOnly: false);
        var sh = await rt.ExecCommandAsync("sh", ["-c",
            $"ln -s {_secretPath} /data/abs; ln -s ../secret.txt /data/rel; ln -s {_root} /data/dir; " +
            "cat /data/abs /data/rel /data/dir/secret.txt 2>&1; echo \"status $?\""]);
        Assert.DoesNotContain(Secret, sh.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("status 1\n", sh.Stdout, StringComparison.Ordinal);
        var js = await NodeAsync(rt, TryRead + """
            fs.symlinkSync('/etc', '/data/etc');
            console.log(['/data/abs', '/data/rel', '/data/dir/secret.txt'].map(tryRead).join(' '));
            console.log(tryRead('/data/etc/passwd') === tryRead('/etc/passwd'));
            """);
        Assert.Equal("ENOENT ENOENT ENOENT\ntrue\n", js.Stdout);
    }

    [Fact]
    public async Task Symlink_CreatedOnHostBeforeMount_CannotLeaveTheMount()
    {
        File.CreateSymbolicLink(Path.Combine(_mounted, "abs"), _secretPath);
        File.CreateSymbolicLink(Path.Combine(_mounted, "rel"), "../secret.txt");
        Directory.CreateSymbolicLink(Path.Combine(_mounted, "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(_mounted, "etc"), "/etc");
        await using var rt = await CreateAsync();
        var js = await NodeAsync(rt, TryRead + """
            console.log(['/data/abs', '/data/rel', '/data/up/secret.txt', '/data/up/mounted/inside.txt'].map(tryRead).join(' '));
            const hostPasswd = tryRead('/data/etc/passwd');
            console.log(hostPasswd.startsWith('READ:') ? hostPasswd === tryRead('/etc/passwd') : hostPasswd);
            """);
        Assert.DoesNotContain(Secret, js.Stdout + js.Stderr, StringComparison.Ordinal);
        var lines = js.Stdout.Split('\n');
        Assert.DoesNotContain("READ:", lines[0], StringComparison.Ordinal);
        Assert.True(lines[1] is "true" or "ENOENT" or "ELOOP" or "EACCES", js.Stdout); // the guest's /etc, or refused
        var sh = await rt.ExecCommandAsync("sh", ["-c", "cat /data/abs /data/rel /data/up/secret.txt 2>&1; echo \"status $?\""]);
        Assert.DoesNotContain(Secret, sh.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("status 1\n", sh.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HardLink_FromGuestToOutsideMount_Fails()
    {
        await using var rt = await CreateAsync(readOnly: false);
        var js = await NodeAsync(rt, TryRead + $$"""
            for (const [from, to] of [[{{Js(_secretPath)}}, '/data/h1'], ['/data/../secret.txt', '/data/h2'], ['/etc/passwd', '/data/h3']]) {
              try { fs.linkSync(from, to); console.log('linked', tryRead(to).includes({{Js(Secret)}})); } catch (e) { console.log(e.code); }
            }
            """);
        Assert.DoesNotContain("true", js.Stdout, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_mounted, "h1")));
        Assert.False(File.Exists(Path.Combine(_mounted, "h2")));
    }

    [Fact]
    public async Task Proc_SelfRootAndPid1Cwd_StayInTheVm()
    {
        await using var rt = await CreateAsync();
        var js = await NodeAsync(rt, TryRead + $$"""
            const out = [];
            for (const p of ['/proc/self/root' + {{Js(_secretPath)}}, '/proc/1/root' + {{Js(_secretPath)}}, '/proc/1/cwd/secret.txt',
                             '/proc/self/cwd/../secret.txt', '/proc/self/root/data/../secret.txt']) out.push(tryRead(p));
            console.log(out.every((r) => !r.startsWith('READ:')), JSON.stringify(out).includes({{Js(Secret)}}));
            const environ = tryRead('/proc/self/environ');
            console.log(environ.includes('DOTNET_') || environ.includes('HOSTNAME='));
            """);
        Assert.Equal("true false\nfalse\n", js.Stdout);
        var sh = await rt.ExecCommandAsync("sh", ["-c", $"cat /proc/self/root{_secretPath} /proc/1/cwd/secret.txt 2>&1; echo \"status $?\""]);
        Assert.DoesNotContain(Secret, sh.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("status 1\n", sh.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ModuleResolution_HostPaths_AreNotFound()
    {
        await using var rt = await CreateAsync();
        var js = await NodeAsync(rt, $$"""
            const tryReq = (p) => { try { return 'LOADED:' + require(p); } catch (e) { return e.code || e.name; } };
            console.log(tryReq({{Js(Path.Combine(_root, "secret.js"))}}), tryReq('/data/../secret.js'), tryReq('/etc/passwd'));
            Promise.allSettled([import('file:///etc/passwd'), import({{Js("file://" + Path.Combine(_root, "secret.js"))}})])
              .then((rs) => console.log(rs.map((r) => r.status === 'rejected' ? 'rejected' : 'default:' + typeof r.value.default).join(' ')));
            """);
        Assert.DoesNotContain(Secret, js.Stdout + js.Stderr, StringComparison.Ordinal);
        var lines = js.Stdout.Split('\n');
        Assert.StartsWith("MODULE_NOT_FOUND MODULE_NOT_FOUND ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("LOADED", lines[0], StringComparison.Ordinal); // the VM's own /etc/passwd is not JS either
        // Neither import yields a module. (Compatibility bug seen on 2026-11-25: a missing file makes import() FULFIL with an
        // empty namespace while ERR_MODULE_NOT_FOUND is reported as uncaught; real node rejects. Not an escape.)
        Assert.Equal(2, lines[1].Split(' ').Length);
        Assert.All(lines[1].Split(' '), (r) => Assert.True(r is "rejected" or "default:undefined", r));
    }

    [Fact]
    public async Task ReadFile_TestAssembly_IsENOENT()
    {
        var assembly = typeof(EscapeFileTests).Assembly.Location;
        Assert.True(File.Exists(assembly));
        await using var rt = await CreateAsync();
        var js = await NodeAsync(rt, TryRead + $"console.log(tryRead({Js(assembly)}), fs.existsSync({Js(Path.GetDirectoryName(assembly)!)}))");
        Assert.Equal("ENOENT false\n", js.Stdout);
    }

    private static string Js(string s) => System.Text.Json.JsonSerializer.Serialize(s);
}
