namespace SecureExec.Testing.Tests.Drivers.Node;

/// <summary>CommonJS and ES module resolution over the VFS: node_modules, package.json exports/main, JSON,
/// createRequire, dynamic import, import.meta.</summary>
public sealed class ModuleTests : IDisposable
{
    private readonly NodeHarness _vm = new();

    public ModuleTests()
    {
        _vm.WriteFile("/app/node_modules/pkg/package.json", """{ "name": "pkg", "exports": { ".": { "require": "./cjs.js", "import": "./esm.mjs" }, "./sub": "./sub.js" } }""");
        _vm.WriteFile("/app/node_modules/pkg/cjs.js", "module.exports = 'pkg-cjs';");
        _vm.WriteFile("/app/node_modules/pkg/esm.mjs", "export default 'pkg-esm';");
        _vm.WriteFile("/app/node_modules/pkg/sub.js", "exports.x = 1;");
        _vm.WriteFile("/app/node_modules/old/package.json", """{ "main": "lib/main.js" }""");
        _vm.WriteFile("/app/node_modules/old/lib/main.js", "module.exports = { old: true };");
        _vm.WriteFile("/app/data.json", """{ "k": 5 }""");
    }

    public void Dispose() => _vm.Dispose();

    [Fact]
    public void Require_PackagesExportsMainJsonAndErrors_ResolveLikeNode()
    {
        _vm.WriteFile("/app/main.js", """
            console.log(require('pkg'), require('pkg/sub').x, require('old').old, require('./data.json').k, require.resolve('pkg'));
            const { createRequire } = require('module');
            console.log(createRequire('/app/node_modules/old/lib/main.js')('../package.json').main);
            try { require('nope'); } catch (e) { console.log(e.code, e.message.split('\n')[0]); }
            import('pkg').then((m) => console.log('dyn', m.default));
            """);
        var r = _vm.Node("/app/main.js");
        Assert.Equal("", r.Stderr);
        Assert.Equal("pkg-cjs 1 true 5 /app/node_modules/pkg/cjs.js\nlib/main.js\nMODULE_NOT_FOUND Cannot find module 'nope'\ndyn pkg-esm\n", r.Stdout);
    }

    [Fact]
    public void Import_PackagesCjsInteropAndImportMeta_Work()
    {
        _vm.WriteFile("/app/m.mjs", """
            import pkg from 'pkg';
            import { x } from 'pkg/sub';
            import { createRequire } from 'node:module';
            const require = createRequire(import.meta.url);
            console.log(pkg, x, require('./data.json').k, import.meta.filename, import.meta.dirname);
            const { default: old } = await import('old');
            console.log(old.old);
            """);
        var r = _vm.Node("/app/m.mjs");
        Assert.Equal("", r.Stderr);
        Assert.Equal("pkg-esm 1 5 /app/m.mjs /app\ntrue\n", r.Stdout);
    }

    [Fact]
    public void TypeModulePackage_JsFileRunsAsEsm()
    {
        _vm.WriteFile("/esm/package.json", """{ "type": "module" }""");
        _vm.WriteFile("/esm/index.js", "import { basename } from 'path'; console.log(basename(import.meta.url), typeof require);");
        var r = _vm.Node("/esm/index.js");
        Assert.Equal("", r.Stderr);
        Assert.Equal("index.js undefined\n", r.Stdout);
    }

    [Fact]
    public void UnsupportedBuiltin_FailsWithSandboxError()
    {
        var r = _vm.Node("-e", "try { require('dgram'); } catch (e) { console.log(e.code, e.message); }");
        Assert.Equal("ERR_NOT_SUPPORTED_IN_SANDBOX node:dgram is not supported in this sandbox\n", r.Stdout);
    }

    [Fact]
    public void ExecPath_RerunsGuestNode()
    {
        var r = _vm.Node("-e", "console.log(process.execPath, require('child_process').execFileSync(process.execPath, ['-p', '1+1']).toString().trim())");
        Assert.Equal("/usr/bin/node 2\n", r.Stdout);
    }
}
