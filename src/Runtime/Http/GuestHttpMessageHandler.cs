using System.Net;
using System.Net.Http.Headers;

namespace SecureExec.Testing.Http;

/// <summary>
/// Lets a host <see cref="HttpClient"/> talk to guest servers: each request to a VM address (localhost,
/// 127.0.0.1, ::1) becomes one <see cref="NodeRuntime.FetchAsync"/> exchange over a kernel connection.
/// </summary>
internal sealed class GuestHttpMessageHandler(NodeRuntime runtime) : HttpMessageHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var uri = request.RequestUri ?? throw new InvalidOperationException("the request has no URI");
        if (!uri.IsAbsoluteUri || uri.Scheme != Uri.UriSchemeHttp)
            throw new HttpRequestException($"only http:// URIs to guest servers are supported, not '{uri}'");
        if (!NodeRuntime.IsVmHost(uri.Host))
            throw new HttpRequestException($"'{uri.Host}' is not an address inside the VM; use http://localhost:PORT/");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var h in request.Headers) headers[h.Key] = string.Join(", ", h.Value);
        byte[]? body = null;
        if (request.Content is not null)
        {
            body = await request.Content.ReadAsByteArrayAsync(ct).ConfigureAwait(false);
            foreach (var h in request.Content.Headers) headers[h.Key] = string.Join(", ", h.Value);
            headers["Content-Length"] = body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (!headers.ContainsKey("Host")) headers["Host"] = uri.IsDefaultPort ? uri.Host : $"{uri.Host}:{uri.Port}";
        var response = await runtime.FetchAsync(uri.Port, new FetchRequest
        {
            Method = request.Method.Method,
            Path = uri.PathAndQuery,
            Headers = headers,
            BodyBytes = body,
        }, ct).ConfigureAwait(false);
        var message = new HttpResponseMessage((HttpStatusCode)response.Status)
        {
            ReasonPhrase = response.StatusText,
            RequestMessage = request,
            Content = new ByteArrayContent(response.BodyBytes),
        };
        foreach (var (name, value) in response.RawHeaders)
        {
            if (name.Equals("transfer-encoding", StringComparison.OrdinalIgnoreCase)) continue; // the body is already decoded
            if (!message.Headers.TryAddWithoutValidation(name, value)) message.Content.Headers.TryAddWithoutValidation(name, value);
        }
        return message;
    }
}
