using System.Text;
using System.Text.Json;

namespace SecureExec.Testing.Drivers.Node.Modules;

/// <summary>
/// Points each dynamic <c>import(…)</c> in guest source at the runtime's own implementation:
/// <c>import(x)</c> becomes <c>__secureExecImport("/referrer.js", x)</c>. ClearScript's import() resolves with the
/// module namespace before the module has finished evaluating (a throwing module "succeeds", top-level await is not
/// awaited), which Node code relies on (<c>try { await import('optional') } catch {}</c>).
/// A small tokenizer skips strings, template literals, comments and regular expressions, member calls
/// (<c>obj.import(</c>) and method definitions (<c>import(a) { … }</c>); columns after a rewrite shift on that line.
/// </summary>
internal static class DynamicImportRewriter
{
    public const string FunctionName = "__secureExecImport";

    private static readonly HashSet<string> s_regexAfterKeyword =
        ["return", "typeof", "instanceof", "in", "of", "new", "delete", "void", "throw", "case", "do", "else", "yield", "await"];

    public static string Rewrite(string source, string referrer)
    {
        if (!MayCallImport(source)) return source;
        var hits = Find(source);
        if (hits.Count == 0) return source;
        var prefix = FunctionName + "(" + JsonSerializer.Serialize(referrer) + ", ";
        var sb = new StringBuilder(source.Length + hits.Count * prefix.Length);
        var last = 0;
        foreach (var (start, afterParen) in hits)
        {
            sb.Append(source, last, start - last).Append(prefix);
            last = afterParen;
        }
        return sb.Append(source, last, source.Length - last).ToString();
    }

    /// <summary>
    /// Whether some <c>import</c> is followed (after whitespace) by <c>(</c> or by <c>/</c> (a comment could come before
    /// the parenthesis). Sources without one hold no import() and skip the tokenizer: every ES module says `import`,
    /// and tokenizing prettier's megabytes of modules was 2% of its run.
    /// </summary>
    internal static bool MayCallImport(string source)
    {
        for (var i = source.IndexOf("import", StringComparison.Ordinal); i >= 0; i = source.IndexOf("import", i + 6, StringComparison.Ordinal))
        {
            var j = i + 6;
            while (j < source.Length && char.IsWhiteSpace(source[j])) j++;
            if (j < source.Length && source[j] is '(' or '/') return true;
        }
        return false;
    }

    /// <summary>(start of <c>import</c>, index after its <c>(</c>) of each dynamic import.</summary>
    internal static List<(int Start, int AfterParen)> Find(string s)
    {
        var hits = new List<(int, int)>();
        var braces = new Stack<bool>(); // true: the `${` of a template literal
        var regexAllowed = true;        // whether a `/` here starts a regular expression
        var afterDot = false;           // the previous token was `.` or `?.`
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            if (c == '/' && At(s, i + 1) == '/') { i = LineEnd(s, i); continue; }
            if (c == '/' && At(s, i + 1) == '*') { i = CommentEnd(s, i); continue; }
            if (c is '\'' or '"') { i = StringEnd(s, i); regexAllowed = false; afterDot = false; continue; }
            if (c == '`') { i = TemplateEnd(s, i + 1, braces); regexAllowed = false; afterDot = false; continue; }
            if (c == '}' && braces.Count > 0 && braces.Peek())
            {
                braces.Pop();
                i = TemplateEnd(s, i + 1, braces);
                regexAllowed = false;
                afterDot = false;
                continue;
            }
            if (c == '/' && regexAllowed) { i = RegexEnd(s, i); regexAllowed = false; afterDot = false; continue; }
            if (IsIdentifierPart(c))
            {
                var start = i;
                while (i < s.Length && IsIdentifierPart(s[i])) i++;
                var word = s[start..i];
                if (word == "import" && !afterDot && (start == 0 || s[start - 1] != '#'))
                {
                    var j = SkipTrivia(s, i);
                    if (At(s, j) == '(' && !IsMethodDefinition(s, j)) hits.Add((start, j + 1));
                }
                regexAllowed = s_regexAfterKeyword.Contains(word);
                afterDot = false;
                continue;
            }
            if (c == '.' && !char.IsDigit(At(s, i + 1))) { afterDot = true; regexAllowed = true; i++; continue; }
            if (c == '?' && At(s, i + 1) == '.' && !char.IsDigit(At(s, i + 2))) { afterDot = true; regexAllowed = true; i += 2; continue; }
            if (c == '{') braces.Push(false);
            else if (c == '}' && braces.Count > 0) braces.Pop();
            // after `)` `]` a `/` divides; after `}` (usually the end of a block) it starts a regular expression
            regexAllowed = c is not (')' or ']');
            afterDot = false;
            i++;
        }
        return hits;
    }

    /// <summary>Whether the parenthesis at <paramref name="open"/> is a parameter list followed by a body.</summary>
    private static bool IsMethodDefinition(string s, int open)
    {
        var depth = 0;
        for (var i = open; i < s.Length; i++)
        {
            var c = s[i];
            if (c is '\'' or '"') { i = StringEnd(s, i) - 1; continue; }
            if (c == '`') { i = TemplateEnd(s, i + 1, new Stack<bool>()) - 1; continue; }
            if (c == '/' && At(s, i + 1) == '/') { i = LineEnd(s, i) - 1; continue; }
            if (c == '/' && At(s, i + 1) == '*') { i = CommentEnd(s, i) - 1; continue; }
            if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return At(s, SkipTrivia(s, i + 1)) == '{';
        }
        return false;
    }

    private static char At(string s, int i) => i < s.Length ? s[i] : '\0';

    private static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$' or '\\' || c > 0x7f;

    private static int SkipTrivia(string s, int i)
    {
        while (i < s.Length)
        {
            if (char.IsWhiteSpace(s[i])) i++;
            else if (s[i] == '/' && At(s, i + 1) == '/') i = LineEnd(s, i);
            else if (s[i] == '/' && At(s, i + 1) == '*') i = CommentEnd(s, i);
            else break;
        }
        return i;
    }

    private static int LineEnd(string s, int i)
    {
        var n = s.IndexOf('\n', i);
        return n < 0 ? s.Length : n + 1;
    }

    private static int CommentEnd(string s, int i)
    {
        var n = s.IndexOf("*/", i + 2, StringComparison.Ordinal);
        return n < 0 ? s.Length : n + 2;
    }

    private static int StringEnd(string s, int i)
    {
        var quote = s[i++];
        while (i < s.Length && s[i] != quote && s[i] != '\n') i += s[i] == '\\' ? 2 : 1;
        return Math.Min(i + 1, s.Length);
    }

    /// <summary>Scans template text from <paramref name="i"/> to its closing backtick, or into a <c>${</c>
    /// (pushed on <paramref name="braces"/>; the code scanner resumes the template at the matching <c>}</c>).</summary>
    private static int TemplateEnd(string s, int i, Stack<bool> braces)
    {
        while (i < s.Length)
        {
            if (s[i] == '\\') { i += 2; continue; }
            if (s[i] == '`') return i + 1;
            if (s[i] == '$' && At(s, i + 1) == '{') { braces.Push(true); return i + 2; }
            i++;
        }
        return s.Length;
    }

    private static int RegexEnd(string s, int i)
    {
        var inClass = false;
        for (i++; i < s.Length && s[i] != '\n'; i++)
        {
            if (s[i] == '\\') { i++; continue; }
            if (s[i] == '[') inClass = true;
            else if (s[i] == ']') inClass = false;
            else if (s[i] == '/' && !inClass) { i++; break; }
        }
        while (i < s.Length && IsIdentifierPart(s[i])) i++; // flags
        return i;
    }
}
