namespace SecureExec.Testing.MSBuild.Tests;

/// <summary>
/// The formats as the tools print them: tsc 5 (without and with --pretty), eslint's compact and unix formatters
/// (eslint-formatter-compact / eslint-formatter-unix), gcc/clang, and MSBuild's canonical format.
/// </summary>
public sealed class DiagnosticParserTests
{
    /// <summary>
    /// Recorded on the host with node v20.20.2 from npm typescript 5.9.3 and eslint 9.39.5:
    /// <c>tsc --noEmit --pretty false|true src/index.ts</c> on <c>const a: string = 1;</c>, and
    /// <c>eslint -f compact|unix src/b.js</c> on <c>let y\ny = x;</c> (rules no-undef: error, semi: warn), the eslint
    /// project folder replaced by /project.
    /// </summary>
    public static TheoryData<string, bool, string, int, int, string, string> RecordedToolOutput => new()
    {
        { "src/index.ts(1,7): error TS2322: Type 'number' is not assignable to type 'string'.", true, "src/index.ts", 1, 7, "TS2322", "Type 'number' is not assignable to type 'string'." },
        { "\u001b[96msrc/index.ts\u001b[0m:\u001b[93m1\u001b[0m:\u001b[93m7\u001b[0m - \u001b[91merror\u001b[0m\u001b[90m TS2322: \u001b[0mType 'number' is not assignable to type 'string'.", true, "src/index.ts", 1, 7, "TS2322", "Type 'number' is not assignable to type 'string'." },
        { "/project/src/b.js: line 1, col 6, Warning - Missing semicolon. (semi)", false, "/project/src/b.js", 1, 6, "semi", "Missing semicolon." },
        { "/project/src/b.js: line 2, col 5, Error - 'x' is not defined. (no-undef)", true, "/project/src/b.js", 2, 5, "no-undef", "'x' is not defined." },
        { "/project/src/b.js:1:6: Missing semicolon. [Warning/semi]", false, "/project/src/b.js", 1, 6, "semi", "Missing semicolon." },
        { "/project/src/b.js:2:5: 'x' is not defined. [Error/no-undef]", true, "/project/src/b.js", 2, 5, "no-undef", "'x' is not defined." },
    };

    [Theory]
    [MemberData(nameof(RecordedToolOutput))]
    public void Parse_RecordedToolOutput_Diagnostic(string line, bool isError, string file, int l, int c, string code, string message) =>
        Assert.Equal(new GuestDiagnostic(isError, file, l, c, 0, 0, null, code, message), DiagnosticParser.Parse(line));

    /// <summary>The other lines of the same recordings: code frames and summaries are no diagnostics.</summary>
    [Theory]
    [InlineData("\u001b[7m1\u001b[0m const a: string = 1;")]
    [InlineData("\u001b[7m \u001b[0m \u001b[91m      ~\u001b[0m")]
    [InlineData("Found 1 error in src/index.ts\u001b[90m:1\u001b[0m")]
    [InlineData("2 problems")]
    public void Parse_RecordedToolNoise_Null(string line) => Assert.Null(DiagnosticParser.Parse(line));

    [Fact]
    public void Parse_Tsc_ErrorWithCodeAndLocation()
    {
        var d = DiagnosticParser.Parse("src/index.ts(2,7): error TS2322: Type 'number' is not assignable to type 'string'.")!;
        Assert.Equal(new GuestDiagnostic(true, "src/index.ts", 2, 7, 0, 0, null, "TS2322", "Type 'number' is not assignable to type 'string'."), d);
    }

    [Fact]
    public void Parse_TscPrettyWithColours_ErrorWithCodeAndLocation()
    {
        var d = DiagnosticParser.Parse("\u001b[96msrc/index.ts\u001b[0m:\u001b[93m2\u001b[0m:\u001b[93m7\u001b[0m - \u001b[91merror\u001b[0m\u001b[90m TS2322: \u001b[0mType 'number' is not assignable to type 'string'.")!;
        Assert.Equal(new GuestDiagnostic(true, "src/index.ts", 2, 7, 0, 0, null, "TS2322", "Type 'number' is not assignable to type 'string'."), d);
    }

    [Fact]
    public void Parse_EslintCompact_ErrorAndWarningWithRule()
    {
        var e = DiagnosticParser.Parse("/project/src/b.js: line 1, col 7, Error - 'x' is assigned a value but never used. (no-unused-vars)")!;
        Assert.Equal(new GuestDiagnostic(true, "/project/src/b.js", 1, 7, 0, 0, null, "no-unused-vars", "'x' is assigned a value but never used."), e);
        var w = DiagnosticParser.Parse("/project/src/b.js: line 3, col 12, Warning - Missing semicolon. (semi)")!;
        Assert.Equal(new GuestDiagnostic(false, "/project/src/b.js", 3, 12, 0, 0, null, "semi", "Missing semicolon."), w);
    }

    [Fact]
    public void Parse_EslintUnix_ErrorAndWarningWithRule()
    {
        var e = DiagnosticParser.Parse("/project/src/b.js:1:7: 'x' is assigned a value but never used. [Error/no-unused-vars]")!;
        Assert.Equal(new GuestDiagnostic(true, "/project/src/b.js", 1, 7, 0, 0, null, "no-unused-vars", "'x' is assigned a value but never used."), e);
        var w = DiagnosticParser.Parse("/project/src/b.js:3:12: Missing semicolon. [Warning/semi]")!;
        Assert.False(w.IsError);
        Assert.Equal("semi", w.Code);
    }

    [Fact]
    public void Parse_GccLike_ErrorWithoutCode()
    {
        var d = DiagnosticParser.Parse("main.c:4:5: error: expected ';' before 'return'")!;
        Assert.Equal(new GuestDiagnostic(true, "main.c", 4, 5, 0, 0, null, null, "expected ';' before 'return'"), d);
    }

    [Theory]
    [InlineData("a.cs(10): warning CS0168: m", false, "a.cs", 10, 0, 0, 0, null, "CS0168")]
    [InlineData("a.cs(10-12): error X1: m", true, "a.cs", 10, 0, 12, 0, null, "X1")]
    [InlineData("a.cs(10,3-9): error X1: m", true, "a.cs", 10, 3, 0, 9, null, "X1")]
    [InlineData("a.cs(1,2,3,4): error X1: m", true, "a.cs", 1, 2, 3, 4, null, "X1")]
    [InlineData("gen : Command line error GEN001: m", true, "gen", 0, 0, 0, 0, "Command line", "GEN001")]
    [InlineData("error GEN002: m", true, null, 0, 0, 0, 0, null, "GEN002")]
    [InlineData("warning: m", false, null, 0, 0, 0, 0, null, null)]
    public void Parse_Canonical_AllLocationForms(string line, bool isError, string? file, int l, int c, int el, int ec, string? sub, string? code)
    {
        var d = DiagnosticParser.Parse(line)!;
        Assert.Equal(new GuestDiagnostic(isError, file, l, c, el, ec, sub, code, "m"), d);
    }

    [Fact]
    public void Parse_NodeUncaughtErrorWithCode_ErrorWithoutFile()
    {
        // What guest node prints for an uncaught error with a code; Exec would log it as an error too.
        var d = DiagnosticParser.Parse("Error [ERR_NOT_SUPPORTED_IN_SANDBOX]: node:net is not supported in this sandbox")!;
        Assert.Equal(new GuestDiagnostic(true, null, 0, 0, 0, 0, null, "ERR_NOT_SUPPORTED_IN_SANDBOX", "node:net is not supported in this sandbox"), d);
    }

    [Theory]
    [InlineData("building 3 files")]
    [InlineData("0 errors: none")]
    [InlineData("(node:12) ExperimentalWarning: VM modules are experimental")]
    [InlineData("an error occurred: retrying")]
    [InlineData("")]
    public void Parse_OrdinaryText_Null(string line) => Assert.Null(DiagnosticParser.Parse(line));
}
