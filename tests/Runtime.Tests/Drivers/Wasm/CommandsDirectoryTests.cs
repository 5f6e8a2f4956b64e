using SecureExec.Testing.Drivers.Wasm;

namespace SecureExec.Testing.Tests.Drivers.Wasm;

public sealed class CommandsDirectoryTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("secure-exec-cmddir-");

    public void Dispose() => _root.Delete(recursive: true);

    private string Make(params string[] parts)
    {
        var path = Path.Combine([_root.FullName, .. parts]);
        Directory.CreateDirectory(path);
        return path;
    }

    [Fact]
    public void Resolve_ExplicitOption_WinsOverEverything()
    {
        var explicitDir = Make("explicit");
        Assert.Equal(explicitDir, CommandsDirectory.Resolve(explicitDir, Make("env"), _root.FullName, Make("asm")));
    }

    [Fact]
    public void Resolve_MissingExplicitOption_NamesIt()
    {
        var missing = Path.Combine(_root.FullName, "nope");
        var e = Assert.Throws<DirectoryNotFoundException>(() => CommandsDirectory.Resolve(missing, Make("env"), _root.FullName, null));
        Assert.StartsWith("commands directory not found; looked in: " + missing, e.Message);
    }

    [Fact]
    public void Resolve_EnvironmentVariable_IsSecond()
    {
        var env = Make("env");
        Assert.Equal(env, CommandsDirectory.Resolve(null, env, _root.FullName, Make("asm")));
    }

    [Fact]
    public void Resolve_RepositoryBuildOutput_IsFoundWalkingUp()
    {
        File.WriteAllText(Path.Combine(_root.FullName, "SecureExec.Testing.sln"), "");
        var commands = Make("artifacts", "commands");
        var bin = Make("src", "Cli", "bin", "Debug");
        Assert.Equal(commands, CommandsDirectory.Resolve(null, null, bin, Make("asm")));
    }

    [Fact]
    public void Resolve_VendoredCommands_AreLast()
    {
        var asm = Make("tool");
        var vendored = Make("tool", "commands");
        Assert.Equal(vendored, CommandsDirectory.Resolve(null, null, Make("elsewhere"), asm));
    }

    [Fact]
    public void Resolve_NothingFound_NamesEveryPlaceLooked()
    {
        var asm = Make("tool");
        var e = Assert.Throws<DirectoryNotFoundException>(() => CommandsDirectory.Resolve(null, null, Make("elsewhere"), asm));
        Assert.Contains("$SECURE_EXEC_WASM_COMMANDS_DIR (not set)", e.Message);
        Assert.Contains("SecureExec.Testing.sln above " + Path.Combine(_root.FullName, "elsewhere"), e.Message);
        Assert.Contains(Path.Combine(asm, "commands"), e.Message);
    }

    [Fact]
    public void List_UsesNamesFiles_ForMultiCallModules()
    {
        var dir = Make("cmds");
        File.WriteAllBytes(Path.Combine(dir, "coreutils.wasm"), []);
        File.WriteAllText(Path.Combine(dir, "coreutils.names"), "cat\nls\n\n");
        File.WriteAllBytes(Path.Combine(dir, "sh.wasm"), []);

        var list = CommandsDirectory.List(dir).Select(c => (c.Name, Path.GetFileName(c.File))).ToList();

        Assert.Equal([("cat", "coreutils.wasm"), ("ls", "coreutils.wasm"), ("sh", "sh.wasm")], list);
    }
}
