namespace SecureExec.Testing.Tests;

/// <summary>NodeRuntimeOptions.Files and NodeModules, seen by real guest processes.</summary>
public sealed class NodeRuntimeOptionsTests
{
    [Fact]
    public async Task Files_TextBytesAndRelativePaths_AreSeededBeforeAnyProcess()
    {
        await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions
        {
            Cwd = "/work",
            Files = new Dictionary<string, FileContent>
            {
                ["/etc/app/config.json"] = """{"name":"demo"}""",
                ["data/raw.bin"] = new byte[] { 0, 1, 2, 255 },
                ["lib/util.mjs"] = "export const twice = (x) => x * 2;",
            },
        });
        var r = await rt.ExecAsync("""
            import { readFileSync } from "node:fs";
            import { twice } from "./lib/util.mjs";
            console.log(JSON.parse(readFileSync("/etc/app/config.json", "utf8")).name, twice(21));
            console.log([...readFileSync("/work/data/raw.bin")].join(","));
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("demo 42\n0,1,2,255\n", r.Stdout);
        var sh = await rt.ExecCommandAsync("sh", ["-c", "wc -c < data/raw.bin"]);
        Assert.Equal("4\n", sh.Stdout.TrimStart());
    }

    [Theory]
    [InlineData("")]
    [InlineData("dir/")]
    [InlineData("/root")]
    public async Task Files_BadPath_ThrowsArgumentExceptionNamingTheEntry(string path)
    {
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => NodeRuntime.CreateAsync(new NodeRuntimeOptions
        {
            Files = new Dictionary<string, FileContent> { [path] = "x" },
        }));
        Assert.Contains($"Files entry '{path}'", ex.Message);
    }

    [Fact]
    public async Task Files_UnderReadOnlyMount_ThrowsArgumentException()
    {
        var host = Directory.CreateTempSubdirectory("secure-exec-ro-").FullName;
        try
        {
            var ex = await Assert.ThrowsAsync<ArgumentException>(() => NodeRuntime.CreateAsync(new NodeRuntimeOptions
            {
                Mounts = [new MountOptions { HostPath = host, GuestPath = "/data" }],
                Files = new Dictionary<string, FileContent> { ["/data/x.txt"] = "x" },
            }));
            Assert.Contains("Files entry '/data/x.txt'", ex.Message);
            Assert.Contains("EROFS", ex.Message);
            Assert.False(File.Exists(Path.Combine(host, "x.txt")));
        }
        finally
        {
            Directory.Delete(host, recursive: true);
        }
    }

    [Fact]
    public async Task NodeModules_HostPackage_ResolvesFromCwdAndIsReadOnly()
    {
        var host = Directory.CreateTempSubdirectory("secure-exec-nm-").FullName;
        try
        {
            var pkg = Directory.CreateDirectory(Path.Combine(host, "left-pad")).FullName;
            await File.WriteAllTextAsync(Path.Combine(pkg, "package.json"), """{"name":"left-pad","main":"index.js"}""");
            await File.WriteAllTextAsync(Path.Combine(pkg, "index.js"), "module.exports = (s, n) => String(s).padStart(n, '0');");
            await using var rt = await NodeRuntime.CreateAsync(new NodeRuntimeOptions { NodeModules = host, Cwd = "/home/app" });
            var r = await rt.ExecAsync("""
                import pad from "left-pad";
                import { createRequire } from "node:module";
                import { writeFileSync } from "node:fs";
                console.log(pad(7, 3), createRequire(import.meta.url).resolve("left-pad"));
                try { writeFileSync("/node_modules/evil.js", "x"); } catch (e) { console.log(e.code); }
                """);
            Assert.Equal("", r.Stderr);
            Assert.Equal("007 /node_modules/left-pad/index.js\nEROFS\n", r.Stdout);
            Assert.False(File.Exists(Path.Combine(host, "evil.js")));
        }
        finally
        {
            Directory.Delete(host, recursive: true);
        }
    }

    [Fact]
    public async Task NodeModules_MissingHostDirectory_ThrowsArgumentException()
    {
        var missing = Path.Combine(Path.GetTempPath(), "secure-exec-missing-" + Guid.NewGuid().ToString("N"));
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => NodeRuntime.CreateAsync(new NodeRuntimeOptions { NodeModules = missing }));
        Assert.Contains(missing, ex.Message);
        Assert.Contains("NodeModules", ex.Message);
    }
}
