using System.Globalization;
using System.Text;

namespace SecureExec.Testing.Http;

/// <summary>
/// One HTTP/1.1 request/response over a <see cref="KernelConnection"/> (RFC 9112 framing: Content-Length,
/// chunked, or until the server closes; interim 1xx responses are skipped; HEAD, 204 and 304 have no body).
/// The request asks for <c>Connection: close</c>, so each exchange uses a fresh connection.
/// </summary>
internal static class HttpExchange
{
    private const int MaxHeadBytes = 64 * 1024;

    /// <param name="maxBody">RuntimeLimits.MaxHttpBodyBytes: the most body bytes read into host memory.</param>
    public static async Task<FetchResponse> SendAsync(KernelConnection connection, FetchRequest request, long maxBody, CancellationToken ct)
    {
        var method = string.IsNullOrEmpty(request.Method) ? "GET" : request.Method.ToUpperInvariant();
        var path = string.IsNullOrEmpty(request.Path) ? "/" : request.Path;
        if (!path.StartsWith('/') && path != "*") path = "/" + path;
        if (path.Any(c => c <= ' ' || c == 0x7f)) throw new ArgumentException($"the request path contains spaces or control characters: '{path}'", nameof(request));
        ReadOnlyMemory<byte>? body = request.BodyBytes ?? (request.Body is null ? null : Encoding.UTF8.GetBytes(request.Body));
        var head = new StringBuilder();
        head.Append(method).Append(' ').Append(path).Append(" HTTP/1.1\r\n");
        var headers = request.Headers ?? new Dictionary<string, string>();
        bool Has(string name) => headers.Keys.Any(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        foreach (var (name, value) in headers)
        {
            if (name.Any(c => c <= ' ' || c == ':' || c >= 0x7f) || value.Contains('\r') || value.Contains('\n'))
                throw new ArgumentException($"invalid header '{name}'", nameof(request));
            if (string.Equals(name, "connection", StringComparison.OrdinalIgnoreCase)) continue;
            head.Append(name).Append(": ").Append(value).Append("\r\n");
        }
        if (!Has("host")) head.Append("Host: localhost\r\n");
        if (body is { } sized && !Has("content-length") && !Has("transfer-encoding"))
            head.Append("Content-Length: ").Append(sized.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n");
        head.Append("Connection: close\r\n\r\n");
        await connection.WriteAsync(Encoding.Latin1.GetBytes(head.ToString()), ct).ConfigureAwait(false);
        if (body is { Length: > 0 } b) await connection.WriteAsync(b, ct).ConfigureAwait(false);
        var reader = new Reader(connection, maxBody);
        return await ReadResponseAsync(reader, method == "HEAD", ct).ConfigureAwait(false);
    }

    private static async Task<FetchResponse> ReadResponseAsync(Reader reader, bool head, CancellationToken ct)
    {
        while (true)
        {
            var statusLine = await reader.ReadLineAsync(ct).ConfigureAwait(false)
                ?? throw new HttpRequestException("the guest closed the connection before sending a response");
            var parts = statusLine.Split(' ', 3);
            if (parts.Length < 2 || !parts[0].StartsWith("HTTP/1.", StringComparison.Ordinal) || parts[1].Length != 3
                || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var status))
                throw new HttpRequestException($"malformed status line from the guest: '{statusLine}'");
            var statusText = parts.Length > 2 ? parts[2] : "";
            var raw = new List<KeyValuePair<string, string>>();
            while (true)
            {
                var line = await reader.ReadLineAsync(ct).ConfigureAwait(false)
                    ?? throw new HttpRequestException("the guest closed the connection in the middle of the response headers");
                if (line.Length == 0) break;
                var colon = line.IndexOf(':');
                if (colon <= 0) throw new HttpRequestException($"malformed header line from the guest: '{line}'");
                raw.Add(new(line[..colon], line[(colon + 1)..].Trim(' ', '\t')));
            }
            if (status is >= 100 and < 200 && status != 101) continue; // interim response (100 Continue, 103)
            var headers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var (k, v) in raw)
            {
                var key = k.ToLowerInvariant();
                headers[key] = headers.TryGetValue(key, out var prev) ? prev + ", " + v : v;
            }
            byte[] body;
            if (head || status is 204 or 304 || status is >= 100 and < 200) body = [];
            else if (headers.TryGetValue("transfer-encoding", out var te) && te.TrimEnd().EndsWith("chunked", StringComparison.OrdinalIgnoreCase))
                body = await reader.ReadChunkedAsync(ct).ConfigureAwait(false);
            else if (headers.TryGetValue("content-length", out var cl))
            {
                if (!long.TryParse(cl, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
                    throw new HttpRequestException($"invalid Content-Length from the guest: '{cl}'");
                reader.CheckBody(length);
                body = await reader.ReadExactlyAsync((int)length, ct).ConfigureAwait(false);
            }
            else body = await reader.ReadToEndAsync(ct).ConfigureAwait(false);
            return new FetchResponse(status, statusText, headers, body) { RawHeaders = raw };
        }
    }

    /// <summary>Buffered reads over the connection.</summary>
    private sealed class Reader(KernelConnection connection, long maxBody)
    {
        private readonly byte[] _buffer = new byte[16384];
        private int _start, _end;
        private bool _eof;

        private async Task<bool> FillAsync(CancellationToken ct)
        {
            if (_eof) return false;
            if (_start == _end) _start = _end = 0;
            if (_end == _buffer.Length) return true;
            var n = await connection.ReadAsync(_buffer.AsMemory(_end), ct).ConfigureAwait(false);
            if (n == 0) _eof = true;
            _end += n;
            return n > 0;
        }

        public async Task<string?> ReadLineAsync(CancellationToken ct)
        {
            var line = new List<byte>();
            while (true)
            {
                for (var i = _start; i < _end; i++)
                {
                    if (_buffer[i] != (byte)'\n') continue;
                    line.AddRange(_buffer.AsSpan(_start, i - _start).ToArray());
                    _start = i + 1;
                    if (line.Count > 0 && line[^1] == '\r') line.RemoveAt(line.Count - 1);
                    return Encoding.Latin1.GetString(line.ToArray());
                }
                line.AddRange(_buffer.AsSpan(_start, _end - _start).ToArray());
                _start = _end;
                if (line.Count > MaxHeadBytes) throw new HttpRequestException("the guest's response head is larger than 64 KiB");
                if (!await FillAsync(ct).ConfigureAwait(false)) return line.Count == 0 ? null : throw new HttpRequestException("the guest closed the connection in the middle of a line");
            }
        }

        /// <summary>Fails when a body of <paramref name="length"/> bytes would pass the limit.</summary>
        public void CheckBody(long length)
        {
            if (length > maxBody)
                throw new HttpRequestException($"the guest's response body is larger than RuntimeLimits.MaxHttpBodyBytes ({maxBody} bytes); " +
                    "raise that limit in NodeRuntimeOptions.Limits if the guest is expected to send more");
        }

        public async Task<byte[]> ReadExactlyAsync(int length, CancellationToken ct)
        {
            var result = new byte[length];
            var off = 0;
            while (off < length)
            {
                if (_start == _end && !await FillAsync(ct).ConfigureAwait(false))
                    throw new HttpRequestException($"the guest closed the connection after {off} of {length} body bytes");
                var n = Math.Min(length - off, _end - _start);
                _buffer.AsSpan(_start, n).CopyTo(result.AsSpan(off));
                _start += n;
                off += n;
            }
            return result;
        }

        public async Task<byte[]> ReadToEndAsync(CancellationToken ct)
        {
            var ms = new MemoryStream();
            while (true)
            {
                CheckBody(ms.Length + (_end - _start));
                ms.Write(_buffer, _start, _end - _start);
                _start = _end;
                if (!await FillAsync(ct).ConfigureAwait(false)) return ms.ToArray();
            }
        }

        public async Task<byte[]> ReadChunkedAsync(CancellationToken ct)
        {
            var ms = new MemoryStream();
            while (true)
            {
                var line = await ReadLineAsync(ct).ConfigureAwait(false) ?? throw new HttpRequestException("the guest closed the connection in a chunked body");
                var semi = line.IndexOf(';');
                var size = (semi < 0 ? line : line[..semi]).Trim();
                if (!int.TryParse(size, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var n) || n < 0)
                    throw new HttpRequestException($"invalid chunk size from the guest: '{line}'");
                if (n == 0) break;
                CheckBody(ms.Length + n);
                ms.Write(await ReadExactlyAsync(n, ct).ConfigureAwait(false));
                if (await ReadLineAsync(ct).ConfigureAwait(false) != "") throw new HttpRequestException("missing CRLF after a chunk from the guest");
            }
            while (!string.IsNullOrEmpty(await ReadLineAsync(ct).ConfigureAwait(false))) { } // trailers
            return ms.ToArray();
        }
    }
}
