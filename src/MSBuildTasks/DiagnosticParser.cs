using System.Globalization;
using System.Text.RegularExpressions;

namespace SecureExec.Testing.MSBuild;

/// <summary>
/// Recognises the error formats build tools print and MSBuild understands:
/// <list type="bullet">
/// <item>canonical: <c>file(line,col): [subcategory] error|warning CODE: message</c> (also <c>(line)</c>,
/// <c>(line-line)</c>, <c>(line,col-col)</c>, <c>(line,col,endline,endcol)</c>, no origin) — what tsc prints without --pretty;</item>
/// <item>tsc --pretty: <c>file:line:col - error TS1234: message</c>;</item>
/// <item>eslint compact: <c>file: line N, col M, Error - message (rule)</c>;</item>
/// <item>eslint unix: <c>file:line:col: message [Error/rule]</c>;</item>
/// <item>gcc-like: <c>file:line[:col]: error|warning: message</c>.</item>
/// </list>
/// ANSI colour sequences are ignored. Unlike MSBuild's Exec, a line without an origin must start with
/// <c>error</c>/<c>warning</c>, so prose such as "an error occurred: retrying" stays a message.
/// </summary>
internal static partial class DiagnosticParser
{
    public static GuestDiagnostic? Parse(string line)
    {
        if (line.Length == 0 || line.Length > 8192) return null;
        if (line.Contains('\u001b')) line = Ansi().Replace(line, "");

        var m = EslintCompact().Match(line);
        if (m.Success)
            return new GuestDiagnostic(IsError(m.Groups["sev"].Value), m.Groups["file"].Value, Int(m, "line"), Int(m, "col"), 0, 0,
                null, Optional(m, "rule"), m.Groups["msg"].Value);

        m = EslintUnix().Match(line);
        if (m.Success)
            return new GuestDiagnostic(IsError(m.Groups["sev"].Value), m.Groups["file"].Value, Int(m, "line"), Int(m, "col"), 0, 0,
                null, Optional(m, "rule"), m.Groups["msg"].Value);

        m = TscPretty().Match(line);
        if (m.Success)
            return new GuestDiagnostic(IsError(m.Groups["cat"].Value), m.Groups["file"].Value, Int(m, "line"), Int(m, "col"), 0, 0,
                null, m.Groups["code"].Value, m.Groups["msg"].Value);

        m = GccLike().Match(line);
        if (m.Success)
            return new GuestDiagnostic(!m.Groups["cat"].Value.Equals("warning", StringComparison.OrdinalIgnoreCase),
                m.Groups["file"].Value, Int(m, "line"), Int(m, "col"), 0, 0, null, null, m.Groups["msg"].Value);

        m = Canonical().Match(line);
        if (m.Success)
        {
            var origin = m.Groups["origin"].Value.Trim();
            // Without an origin only a line that starts with the category counts ("an error occurred: x" is prose).
            if (origin.Length == 0 && Optional(m, "sub") is not null) return null;
            int l = 0, c = 0, el = 0, ec = 0;
            if (m.Groups["loc"].Success) ParseLocation(m.Groups["loc"].Value, out l, out c, out el, out ec);
            return new GuestDiagnostic(IsError(m.Groups["cat"].Value), origin.Length == 0 ? null : origin, l, c, el, ec,
                Optional(m, "sub")?.Trim(), Optional(m, "code"), m.Groups["msg"].Value);
        }
        return null;
    }

    // (line) (line-endline) (line,col) (line,col-endcol) (line,col,endline,endcol)
    private static void ParseLocation(string loc, out int line, out int col, out int endLine, out int endCol)
    {
        line = col = endLine = endCol = 0;
        var parts = loc.Split(',', StringSplitOptions.TrimEntries);
        switch (parts.Length)
        {
            case 1:
                var lr = parts[0].Split('-');
                line = Number(lr[0]);
                if (lr.Length > 1) endLine = Number(lr[1]);
                break;
            case 2:
                line = Number(parts[0]);
                var cr = parts[1].Split('-');
                col = Number(cr[0]);
                if (cr.Length > 1) endCol = Number(cr[1]);
                break;
            case 4:
                line = Number(parts[0]); col = Number(parts[1]); endLine = Number(parts[2]); endCol = Number(parts[3]);
                break;
        }
    }

    private static bool IsError(string severity) => severity.StartsWith('e') || severity.StartsWith('E') || severity.StartsWith('f') || severity.StartsWith('F');

    private static int Int(Match m, string group) => m.Groups[group].Success ? Number(m.Groups[group].Value) : 0;

    private static int Number(string s) => int.TryParse(s.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;

    private static string? Optional(Match m, string group) => m.Groups[group].Success && m.Groups[group].Value.Length > 0 ? m.Groups[group].Value : null;

    [GeneratedRegex(@"\u001b\[[0-9;?]*[A-Za-z]")]
    private static partial Regex Ansi();

    [GeneratedRegex(@"^(?<file>\S.*?): line (?<line>\d+), col (?<col>\d+), (?<sev>Error|Warning) - (?<msg>.*?)(?: \((?<rule>[^()\s]+)\))?\s*$")]
    private static partial Regex EslintCompact();

    [GeneratedRegex(@"^(?<file>[^:\s][^:]*):(?<line>\d+):(?<col>\d+): (?<msg>.*) \[(?<sev>Error|Warning)(?:/(?<rule>[^\]]+))?\]\s*$")]
    private static partial Regex EslintUnix();

    [GeneratedRegex(@"^(?<file>[^:\s][^:]*):(?<line>\d+):(?<col>\d+) - (?<cat>error|warning) (?<code>TS\d+): (?<msg>.*)$")]
    private static partial Regex TscPretty();

    [GeneratedRegex(@"^(?<file>[^:\s][^:]*):(?<line>\d+):(?:(?<col>\d+):)? (?<cat>error|warning|fatal error): (?<msg>.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex GccLike();

    [GeneratedRegex(@"^\s*(?:(?<origin>[^\s(:][^(:]*?)(?:\((?<loc>\d+(?:-\d+)?(?:,\s*\d+(?:-\d+)?(?:,\s*\d+,\s*\d+)?)?)\))?\s*:\s*)?(?:(?<sub>[^:]*?)\s+)?(?<cat>error|warning)(?:\s+\[?(?<code>[^\s:\[\]]+)\]?)?\s*:\s*(?<msg>.*?)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Canonical();
}
