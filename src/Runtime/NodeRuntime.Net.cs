using SecureExec.Testing.Http;
using SecureExec.Testing.Kernel.Sockets;

namespace SecureExec.Testing;

/// <summary>Driving guest servers from the host: listeners, HTTP exchanges over kernel connections (no host port).</summary>
public sealed partial class NodeRuntime
{
    /// <summary>How long <see cref="WaitForListenerAsync"/> waits by default (the peer's 10 s).</summary>
    public static readonly TimeSpan DefaultListenerTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Guest sockets listening right now, by port.</summary>
    public IReadOnlyList<ListenerInfo> Listeners =>
        [.. _kernel.Sockets.Listeners().Select(l => new ListenerInfo(l.Host, l.Port, l.Pid))];

    /// <summary>The first guest listener matching <paramref name="query"/>, or null.</summary>
    public ListenerInfo? FindListener(ListenerQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckQuery(query);
        return Listeners.FirstOrDefault(l => Matches(l, query));
    }

    private static void CheckQuery(ListenerQuery query)
    {
        if (query.Port is { } port && (port < 0 || port > 65535))
            throw new ArgumentOutOfRangeException(nameof(query), port, $"ListenerQuery.Port must be 0-65535; got {port}");
    }

    /// <summary>
    /// Completes when a guest process listens as <paramref name="query"/> asks. Throws <see cref="TimeoutException"/>
    /// after <paramref name="timeout"/> (default <see cref="DefaultListenerTimeout"/>) naming what was awaited and the
    /// listeners that exist.
    /// </summary>
    public async Task<ListenerInfo> WaitForListenerAsync(ListenerQuery query, TimeSpan? timeout = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        CheckQuery(query);
        ArgumentChecks.Timeout(timeout, "the listener timeout", nameof(timeout));
        var limit = timeout ?? DefaultListenerTimeout;
        using var changed = new SemaphoreSlim(0);
        using var subscription = _kernel.Sockets.ListenersChanged.Subscribe(() =>
        {
            try { changed.Release(); }
            catch (ObjectDisposedException) { }
        });
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(limit);
        while (true)
        {
            if (FindListener(query) is { } found) return found;
            try
            {
                await changed.WaitAsync(deadline.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                if (FindListener(query) is { } late) return late;
                var now = Listeners;
                throw new TimeoutException($"no guest listener with {query} after {limit.TotalSeconds:0.###}s; listening now: " +
                    (now.Count == 0 ? "none" : string.Join(", ", now)));
            }
        }
    }

    /// <summary>
    /// Sends one HTTP/1.1 request to the guest server on <paramref name="port"/> over a kernel connection (works with
    /// guest egress denied; no host socket) and returns its response. Throws <see cref="HttpRequestException"/> when
    /// nothing listens there (the message lists the listeners) or the guest answers with a malformed response.
    /// </summary>
    public async Task<FetchResponse> FetchAsync(int port, FetchRequest? request = null, CancellationToken ct = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(port, 65535);
        if (request is not null) CheckRequest(request);
        using var connection = KernelConnection.Open(_kernel, port);
        return await HttpExchange.SendAsync(connection, request ?? new FetchRequest(), _options.Limits.MaxHttpBodyBytes, ct).ConfigureAwait(false);
    }

    /// <summary>
    /// An <see cref="HttpMessageHandler"/> for <c>new HttpClient(handler)</c> that sends requests for
    /// <c>http://localhost:PORT/…</c> (any VM address) to guest servers through <see cref="FetchAsync"/>.
    /// </summary>
    public HttpMessageHandler CreateHttpMessageHandler() => new GuestHttpMessageHandler(this);

    private static bool Matches(ListenerInfo l, ListenerQuery q) =>
        (q.Port is not { } port || l.Port == port)
        && (q.Pid is not { } pid || l.Pid == pid)
        && (q.Host is not { } host || l.Host is "::" or "0.0.0.0" or "" || SameHost(l.Host, host));

    private static bool SameHost(string a, string b)
    {
        static string Norm(string h) => h.Trim('[', ']').ToLowerInvariant() switch
        {
            "localhost" => "127.0.0.1",
            var x => x,
        };
        return Norm(a) == Norm(b);
    }

    internal static bool IsVmHost(string host) => SocketTable.IsLocal(host);

    /// <summary>An HTTP method is a token and the path an origin-form target ("/" then no spaces or control characters).</summary>
    private static void CheckRequest(FetchRequest request)
    {
        const string p = "request";
        if (string.IsNullOrEmpty(request.Method) || !request.Method.All(c => c is > ' ' and < '\u007f' && !"()<>@,;:\\\"/[]?={}".Contains(c)))
            throw new ArgumentException($"FetchRequest.Method is not an HTTP method: '{request.Method}'", p);
        if (string.IsNullOrEmpty(request.Path) || request.Path[0] != '/' || request.Path.Any(c => c <= ' ' || c == '\u007f'))
            throw new ArgumentException($"FetchRequest.Path must start with '/' and contain no spaces or control characters (percent-encode them): '{request.Path}'", p);
    }
}
