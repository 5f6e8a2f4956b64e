namespace SecureExec.Testing.Drivers.Node;

/// <summary>
/// `node --env-file=FILE`: the dotenv format as Node 22 reads it. KEY=VALUE lines (an optional `export ` before the
/// key), `#` comments, values in '…', "…" or `…` quotes that may span lines ("…" turns \n into a newline), unquoted
/// values cut at `#` and trimmed; a line without `=` is skipped.
/// </summary>
internal static class DotEnv
{
    public static Dictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var content = Trim(text.Replace("\r", "", StringComparison.Ordinal).AsSpan());
        while (!content.IsEmpty)
        {
            if (content[0] is '\n' or '#')
            {
                content = AfterLine(content, 0);
                continue;
            }
            var eq = content.IndexOfAny('=', '\n');
            if (eq < 0) break;
            if (content[eq] == '\n')
            {
                content = content[(eq + 1)..];
                continue;
            }
            var key = Trim(content[..eq]);
            content = content[(eq + 1)..];
            if (content.IsEmpty || content[0] == '\n')
            {
                if (!key.IsEmpty) values[Key(key)] = "";
                continue;
            }
            content = Trim(content);
            if (key.IsEmpty)
            {
                content = AfterLine(content, 0);
                continue;
            }
            var name = Key(key);
            if (content.IsEmpty)
            {
                values[name] = "";
                break;
            }
            var quote = content[0];
            var closing = quote is '"' or '\'' or '`' ? content[1..].IndexOf(quote) : -1;
            if (closing >= 0)
            {
                closing++;
                var value = content[1..closing].ToString();
                values[name] = quote == '"' ? value.Replace("\\n", "\n", StringComparison.Ordinal) : value;
                content = AfterLine(content, closing + 1);
                continue;
            }
            // unquoted (or an opening quote never closed: the rest of the line, quote included)
            var newline = content.IndexOf('\n');
            var line = newline < 0 ? content : content[..newline];
            if (quote is not ('"' or '\'' or '`'))
            {
                var hash = line.IndexOf('#');
                if (hash >= 0) line = line[..hash];
                line = Trim(line);
            }
            values[name] = line.ToString();
            content = newline < 0 ? [] : content[(newline + 1)..];
        }
        return values;
    }

    private static string Key(ReadOnlySpan<char> key) =>
        (key.StartsWith("export ", StringComparison.Ordinal) ? Trim(key[7..]) : key).ToString();

    private static ReadOnlySpan<char> Trim(ReadOnlySpan<char> s) => s.Trim(" \t");

    private static ReadOnlySpan<char> AfterLine(ReadOnlySpan<char> s, int from)
    {
        var newline = s[from..].IndexOf('\n');
        return newline < 0 ? [] : s[(from + newline + 1)..];
    }
}
