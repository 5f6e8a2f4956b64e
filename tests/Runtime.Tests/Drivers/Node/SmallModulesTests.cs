namespace SecureExec.Testing.Tests.Drivers.Node;

/// <summary>Issue-7 helper modules beyond the golden cases: module.findPackageJSON over a VFS layout, the
/// punycode deprecation warning, tty over a non-TTY pipe.</summary>
public sealed class SmallModulesTests : IDisposable
{
    private readonly NodeHarness _vm = new();

    public void Dispose() => _vm.Dispose();

    [Fact]
    public void FindPackageJSON_RelativeBareAndUrl_FindNearest()
    {
        _vm.WriteFile("/p/package.json", "{\"name\":\"app\"}");
        _vm.WriteFile("/p/node_modules/dep/package.json", "{\"name\":\"dep\",\"main\":\"lib/i.js\"}");
        _vm.WriteFile("/p/node_modules/dep/lib/i.js", "module.exports = 1;");
        _vm.WriteFile("/p/src/f.js", "const { findPackageJSON } = require('module');\nconsole.log(findPackageJSON('..', __filename), findPackageJSON('dep', __filename), findPackageJSON(require('url').pathToFileURL(__filename)));\n");
        var r = _vm.Node("/p/src/f.js");
        Assert.Equal("/p/package.json /p/node_modules/dep/package.json /p/package.json\n", r.Stdout);
    }

    [Fact]
    public void V8Coverage_DoesNothingWithoutNodeV8Coverage_AndIsRefusedWithIt()
    {
        // Node writes coverage only when NODE_V8_COVERAGE was set (test runners such as AVA call these regardless).
        var r = _vm.Node("-e", "const v8 = require('v8'); v8.takeCoverage(); v8.stopCoverage(); console.log('ok')");
        Assert.Equal(("ok\n", ""), (r.Stdout, r.Stderr));
        r = _vm.Run(["node", "-e", "require('v8').takeCoverage()"], env: [.. NodeHarness.DefaultEnv, "NODE_V8_COVERAGE=/tmp/cov"]);
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("v8.takeCoverage with NODE_V8_COVERAGE is not supported in this sandbox", r.Stderr);
    }

    [Fact]
    public void Punycode_Require_WarnsDep0040Once()
    {
        var r = _vm.Node("-e", "require('punycode'); require('punycode'); console.log(require('punycode').toASCII('bücher.de'))");
        Assert.Equal("xn--bcher-kva.de\n", r.Stdout);
        Assert.Equal(
            "(node:PID) [DEP0040] DeprecationWarning: The `punycode` module is deprecated. Please use a userland alternative instead.\n(Use `node --trace-deprecation ...` to show where the warning was created)\n",
            System.Text.RegularExpressions.Regex.Replace(r.Stderr, @"\(node:\d+\)", "(node:PID)"));
    }

    [Fact]
    public void Tty_OnPipes_IsNotATerminal()
    {
        var r = _vm.Node("-e", "const tty = require('tty'); console.log(tty.isatty(1), process.stdout.isTTY, typeof process.stdout.getColorDepth); try { new tty.ReadStream(0); } catch (e) { console.log(e.code); }");
        Assert.Equal("false undefined undefined\nERR_TTY_INIT_FAILED\n", r.Stdout);
    }
}
