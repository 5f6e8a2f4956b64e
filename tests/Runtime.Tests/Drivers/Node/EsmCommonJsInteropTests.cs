namespace SecureExec.Testing.Tests.Drivers.Node;

/// <summary>
/// ES modules and CommonJS files using each other as Node 22.23 does. An import of CommonJS (node:internal/cjs_esm):
/// named exports are what cjs-module-lexer finds in the source, the files run in graph order, and a missing name gets
/// Node's advice. A require() of an ES module (node:internal/require_esm): evaluated synchronously, its namespace or
/// facade. Expected output recorded with Node v22.23.5 (`node main.mjs` in a folder with the same files).
/// </summary>
public sealed class EsmCommonJsInteropTests
{
    [Fact]
    public void CommonJsFiles_RunWhenEvaluationReachesThem_NotWhenTheGraphLinks()
    {
        using var vm = new NodeHarness();
        vm.WriteFile("/app/main.mjs", "import './a.mjs';\nimport b, { x } from './b.cjs';\nimport * as ns from './c.cjs';\nconsole.log('main', b, x, Object.keys(ns));\n");
        vm.WriteFile("/app/a.mjs", "console.log('a');");
        vm.WriteFile("/app/b.cjs", "console.log('b'); const x = 1, y = 2; module.exports = { x, y };");
        vm.WriteFile("/app/c.cjs", "console.log('c'); function f(){ return {p:1, q:2}; } module.exports = f(); exports.z = 1;");
        var r = vm.Run(["node", "/app/main.mjs"], cwd: "/app");
        Assert.Equal("", r.Stderr);
        Assert.Equal("a\nb\nc\nmain { x: 1, y: 2 } 1 [ 'default', 'z' ]\n", r.Stdout);
    }

    [Fact]
    public void NamedExports_AreTheNamesTheLexerFinds_FollowingReexports()
    {
        using var vm = new NodeHarness();
        vm.WriteFile("/app/main.mjs", """
            import * as reex from './reex.cjs';
            import * as spread from './spread.cjs';
            import * as babel from './babel.cjs';
            import * as ts from './ts.cjs';
            import * as esm from './esmflag.cjs';
            import * as weird from './weird.cjs';
            import * as data from './data.json' with { type: 'json' };
            import { createRequire } from 'module';
            const show = (label, ns) => console.log(label, Object.keys(ns).sort(), ns.default === undefined ? 'no default' : typeof ns.default);
            show('reex', reex); show('spread', spread); show('babel', babel); show('ts', ts); show('esm', esm); show('weird', weird); show('data', data);
            console.log(esm.default, esm.x, weird['a-b'], weird.thrower, babel.value);
            const require = createRequire(import.meta.url);
            console.log(require('./reex.cjs') === reex.default);
            const dyn = await import('./other.cjs');
            console.log(Object.keys(dyn).sort(), dyn.default === reex.default);
            try { await import('./throws.cjs'); } catch (e) { console.log('caught', e.message, e instanceof TypeError); }
            try { await import('./syntax.cjs'); } catch (e) { console.log('caught', e.name, e.message); }
            try { await import('./missing-named.mjs'); } catch (e) { console.log('caught', e.name); console.log(e.message); }
            """);
        vm.WriteFile("/app/other.cjs", "exports.o1 = 1; exports.o2 = 2;");
        vm.WriteFile("/app/reex.cjs", "module.exports = require('./other.cjs');");
        vm.WriteFile("/app/spread.cjs", "module.exports = { ...require('./other.cjs'), s: 3 }; const s = 3;");
        vm.WriteFile("/app/babel.cjs", """
            "use strict";
            Object.defineProperty(exports, "__esModule", { value: true });
            exports.value = void 0;
            const v = 42;
            Object.defineProperty(exports, "getter", { enumerable: true, get: function () { return v; } });
            exports.value = v;
            """);
        vm.WriteFile("/app/ts.cjs", """
            "use strict";
            var __exportStar = (this && this.__exportStar) || function(m, exports) {
                for (var p in m) if (p !== "default" && !Object.prototype.hasOwnProperty.call(exports, p)) exports[p] = m[p];
            };
            Object.defineProperty(exports, "__esModule", { value: true });
            __exportStar(require("./other.cjs"), exports);
            exports.own = 1;
            """);
        vm.WriteFile("/app/esmflag.cjs", "exports.__esModule = true; exports.default = 5; exports.x = 6;");
        vm.WriteFile("/app/weird.cjs", "exports['a-b'] = 1; Object.defineProperty(exports, 'thrower', { enumerable: true, get() { throw new Error('boom'); } }); exports.if = 2;");
        vm.WriteFile("/app/data.json", "{\"k\": 1}");
        vm.WriteFile("/app/throws.cjs", "throw new TypeError('cjs failed');");
        vm.WriteFile("/app/syntax.cjs", "exports.a = ;");
        vm.WriteFile("/app/missing-named.mjs", "import { nope } from './other.cjs';");
        var r = vm.Run(["node", "/app/main.mjs"], cwd: "/app");
        Assert.Equal("", r.Stderr);
        Assert.Equal("""
            reex [ 'default', 'o1', 'o2' ] object
            spread [ 'default', 'o1', 'o2' ] object
            babel [ '__esModule', 'default', 'getter', 'value' ] object
            ts [ '__esModule', 'default', 'o1', 'o2', 'own' ] object
            esm [ '__esModule', 'default', 'x' ] object
            weird [ 'a-b', 'default', 'if' ] object
            data [ 'default' ] object
            { __esModule: true, default: 5, x: 6 } 6 1 undefined 42
            true
            [ 'default', 'o1', 'o2' ] true
            caught cjs failed true
            caught SyntaxError Unexpected token ';'
            caught SyntaxError
            Named export 'nope' not found. The requested module './other.cjs' is a CommonJS module, which may not support all module.exports as named exports.
            CommonJS modules can always be imported via the default export, for example using:

            import pkg from './other.cjs';
            const { nope } = pkg;


            """, r.Stdout);
    }

    [Fact]
    public void MissingNamedExport_OfTheMainModule_IsReportedAsNodeReportsIt()
    {
        using var vm = new NodeHarness();
        vm.WriteFile("/app/other.cjs", "exports.o1 = 1;");
        vm.WriteFile("/app/main.mjs", "const x = 1;\nimport { nope, o1 as one } from './other.cjs';\n");
        var r = vm.Run(["node", "/app/main.mjs"], cwd: "/app");
        Assert.Equal(1, r.ExitCode);
        // Node 22 prints its own loader's frames after the message, the runtime its own (both node:… frames).
        Assert.Equal("""
            file:///app/main.mjs:2
            import { nope, o1 as one } from './other.cjs';
                     ^^^^
            SyntaxError: Named export 'nope' not found. The requested module './other.cjs' is a CommonJS module, which may not support all module.exports as named exports.
            CommonJS modules can always be imported via the default export, for example using:

            import pkg from './other.cjs';
            const { nope, o1: one } = pkg;


            Node.js v22.0.0

            """, WithoutInternalFrames(r.Stderr));
    }

    [Fact]
    public void MissingNamedExport_OfAnEsModule_KeepsV8sMessage_UnderlinedAsInNode()
    {
        using var vm = new NodeHarness();
        vm.WriteFile("/app/a.mjs", "export const a = 1;");
        vm.WriteFile("/app/main.mjs", "import { nope } from './a.mjs';\n");
        var r = vm.Run(["node", "/app/main.mjs"], cwd: "/app");
        Assert.Equal("""
            file:///app/main.mjs:1
            import { nope } from './a.mjs';
                     ^^^^
            SyntaxError: The requested module './a.mjs' does not provide an export named 'nope'

            Node.js v22.0.0

            """, WithoutInternalFrames(r.Stderr));
    }

    [Fact]
    public void Require_OfAnEsModule_GivesItsNamespace_OrNodesFacade()
    {
        using var vm = new NodeHarness();
        vm.WriteFile("/app/e.mjs", "export const e = 1; export default 'd';");
        vm.WriteFile("/app/a.mjs", "export const a = 1;");
        vm.WriteFile("/app/me.mjs", "const v = {hello: 1}; export { v as 'module.exports' }; export const other = 2;");
        vm.WriteFile("/app/esf.mjs", "export const __esModule = false; export default 3;");
        vm.WriteFile("/app/thr.mjs", "throw new RangeError('top');");
        vm.WriteFile("/app/bad.mjs", "import './nonexist.mjs';");
        vm.WriteFile("/app/pkg/package.json", "{ \"type\": \"module\" }");
        vm.WriteFile("/app/pkg/index.js", "import { e } from '../e.mjs'; export const fromJs = e + 1;");
        vm.WriteFile("/app/main.js", """
            const m = require('./e.mjs'); console.log(m, m.e, m.default, require('./e.mjs') === m);
            console.log(require('./a.mjs'), require('./me.mjs'), require('./esf.mjs'), require('./pkg/index.js'));
            const interop = (x) => (x && x.__esModule ? x : { default: x });
            console.log(interop(m).default);
            try { require('./thr.mjs') } catch (e) { console.log(e instanceof RangeError, e.message) }
            try { require('./thr.mjs') } catch (e) { console.log('again', e.message) }
            try { require('./bad.mjs') } catch (e) { console.log(e.code, e.message) }
            """);
        var r = vm.Run(["node", "/app/main.js"], cwd: "/app");
        Assert.Equal("", r.Stderr);
        Assert.Equal("""
            [Module: null prototype] { __esModule: true, default: 'd', e: 1 } 1 d true
            [Module: null prototype] { a: 1 } { hello: 1 } [Module: null prototype] { __esModule: false, default: 3 } [Module: null prototype] { fromJs: 2 }
            d
            true top
            again top
            ERR_MODULE_NOT_FOUND Cannot find module '/app/nonexist.mjs' imported from /app/bad.mjs

            """, r.Stdout);
    }

    [Fact]
    public void Require_OfAGraphWithTopLevelAwait_FailsWithNodesError()
    {
        using var vm = new NodeHarness();
        vm.WriteFile("/app/tla.mjs", "await 1; export const t = 1;");
        vm.WriteFile("/app/main.js", "try { require('./tla.mjs') } catch (e) { console.log(e.code, e.message) }");
        var r = vm.Run(["node", "/app/main.js"], cwd: "/app");
        Assert.Equal("", r.Stderr);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("ERR_REQUIRE_ASYNC_MODULE require() cannot be used on an ESM graph with top-level await. Use import() instead. " +
            "To see where the top-level await comes from, use --experimental-print-required-tla.\n  From /app/main.js \n  Requiring /app/tla.mjs \n", r.Stdout);
    }

    /// <summary>Drops stack frames inside the runtime's own modules (`at … (node:…)`), whose names and lines are not Node's.</summary>
    private static string WithoutInternalFrames(string text) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"^    at [^\n]*\(node:[^)\n]*\)\n", "", System.Text.RegularExpressions.RegexOptions.Multiline);
}
