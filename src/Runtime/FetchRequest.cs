namespace SecureExec.Testing;

/// <summary>An HTTP/1.1 request the host sends to a guest server (<see cref="NodeRuntime.FetchAsync"/>).</summary>
public sealed record FetchRequest
{
    public string Method { get; init; } = "GET";
    /// <summary>Path and query, e.g. <c>/items?id=1</c>.</summary>
    public string Path { get; init; } = "/";
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
    /// <summary>The body as UTF-8 text (ignored when <see cref="BodyBytes"/> is set).</summary>
    public string? Body { get; init; }
    public ReadOnlyMemory<byte>? BodyBytes { get; init; }
}

/// <summary>A guest server's answer: status, headers (names lower-cased, repeated fields joined with ", ") and body.</summary>
public sealed record FetchResponse(int Status, string StatusText, IReadOnlyDictionary<string, string> Headers, byte[] BodyBytes)
{
    /// <summary>The body decoded as UTF-8.</summary>
    public string Body => System.Text.Encoding.UTF8.GetString(BodyBytes);

    /// <summary>Every header line as received, in order (names as the server wrote them).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> RawHeaders { get; init; } = [];
}
