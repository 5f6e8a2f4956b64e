using SecureExec.Testing.Drivers.Node.Modules;

namespace SecureExec.Testing.Tests.Drivers.Node.Modules;

/// <summary>Which `import(` the rewriter treats as a dynamic import, and which it leaves alone.</summary>
public sealed class DynamicImportRewriterTests
{
    [Theory]
    [InlineData("import('x')", "__secureExecImport(\"/a.js\", 'x')")]
    [InlineData("await import ( spec )", "await __secureExecImport(\"/a.js\",  spec )")]
    [InlineData("f(import(a), import(b))", "f(__secureExecImport(\"/a.js\", a), __secureExecImport(\"/a.js\", b))")]
    [InlineData("x = `${import('t')}`", "x = `${__secureExecImport(\"/a.js\", 't')}`")]
    [InlineData("if (a) /re/.test(s); import('y')", "if (a) /re/.test(s); __secureExecImport(\"/a.js\", 'y')")]
    [InlineData("const n = a / b; import('z')", "const n = a / b; __secureExecImport(\"/a.js\", 'z')")]
    [InlineData("import /* c */ ('w')", "__secureExecImport(\"/a.js\", 'w')")]
    public void Rewrite_DynamicImports_AreRewritten(string source, string expected) =>
        Assert.Equal(expected, DynamicImportRewriter.Rewrite(source, "/a.js"));

    [Theory]
    [InlineData("obj.import('x')")]
    [InlineData("obj?.import('x')")]
    [InlineData("class K { import(x) { return x; } }")]
    [InlineData("const o = { import (a, b) /* c */ { } }")]
    [InlineData("const s = \"import('x')\" + 'import(\"y\")';")]
    [InlineData("const t = `import('x') ${'import(1)'}`;")]
    [InlineData("// import('x')\n/* import('y') */")]
    [InlineData("const r = /import('x')/g;")]
    [InlineData("import x from 'y'; import.meta.url; export { importer }")]
    [InlineData("class A { #import() {} }")]
    public void Rewrite_NotDynamicImports_AreUnchanged(string source) =>
        Assert.Equal(source, DynamicImportRewriter.Rewrite(source, "/a.js"));

    [Theory]
    [InlineData("import x from 'y';\nimport { a } from \"b\"; export { importer }; import.meta.url", false)]
    [InlineData("import('x')", true)]
    [InlineData("import\n\t (x)", true)]
    [InlineData("import /* c */ ('w')", true)]
    [InlineData("import x from 'y'; obj.import('z')", true)] // a false positive only costs the tokenizer
    public void MayCallImport_SkipsTheTokenizerOnlyWithoutImportParenOrComment(string source, bool expected) =>
        Assert.Equal(expected, DynamicImportRewriter.MayCallImport(source));

    [Fact]
    public void Rewrite_Referrer_IsAJsonStringLiteral() =>
        Assert.Equal("__secureExecImport(\"/d\\u0022q/a.js\", 'x')", DynamicImportRewriter.Rewrite("import('x')", "/d\"q/a.js"));
}
