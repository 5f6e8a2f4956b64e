using System.Text.Json;

namespace SecureExec.Testing.Adapters;

/// <summary>One test of a node:test file, by its path of names (suite names, then the test's).</summary>
internal sealed record NodeTestInfo(IReadOnlyList<string> Path, string? SkipReason)
{
    public string DisplayName => string.Join(" > ", Path);
    public string PathJson => JsonSerializer.Serialize(Path);
    public static IReadOnlyList<string> PathFromJson(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];
}

/// <summary>What happened to one node:test test when its file ran with only that test selected.</summary>
internal sealed record NodeTestOutcome(bool Found, bool Passed, string? Note, string? Failure);

/// <summary>
/// The node:test tests of a JavaScript test file, as separate .NET test cases: listing runs the file in the guest
/// with SECURE_EXEC_TEST_LIST=1 (suite bodies run, test bodies do not); running one test runs the file with
/// SECURE_EXEC_TEST_PATH selecting it (its ancestors' hooks run, other tests do not). The guest writes node:test's
/// events to a VM file (SECURE_EXEC_TEST_EVENTS), so stdout stays the test's own output.
/// </summary>
internal static class NodeTestFile
{
    private const string EventsFile = "/tmp/.secure-exec-test-events";
    private const string EventMark = "\u001eSE_TEST ";

    /// <summary>Whether the file uses node:test (its text imports or requires it).</summary>
    public static bool UsesNodeTest(string hostFile) =>
        File.ReadAllText(hostFile).Contains("node:test", StringComparison.Ordinal);

    /// <summary>The tests (not suites) of <paramref name="relativeFile"/>, in definition order; an error message when
    /// the file cannot be listed.</summary>
    public static async Task<(IReadOnlyList<NodeTestInfo> Tests, string? Error)> ListAsync(NodeRuntime runtime, string relativeFile, CancellationToken ct = default)
    {
        var (result, events) = await RunAsync(runtime, relativeFile, new Dictionary<string, string> { ["SECURE_EXEC_TEST_LIST"] = "1" }, TimeSpan.FromSeconds(60), ct).ConfigureAwait(false);
        var tests = new List<NodeTestInfo>();
        foreach (var (type, data) in events)
        {
            if (type != "test:list" || data.GetProperty("type").GetString() != "test") continue;
            var path = data.GetProperty("path").EnumerateArray().Select(e => e.GetString() ?? "").ToList();
            string? skip = null;
            if (data.TryGetProperty("skip", out var s)) skip = s.ValueKind == JsonValueKind.String ? s.GetString() : "skipped in the test file";
            tests.Add(new NodeTestInfo(path, skip));
        }
        if (result.ExitCode != 0 && tests.Count == 0)
            return ([], $"listing the node:test tests of {relativeFile} failed (exit {result.ExitCode}): {Tail(result.Stderr)}");
        return (tests, null);
    }

    /// <summary>Runs the file with only the test at <paramref name="path"/> (plus its ancestors' hooks).</summary>
    public static async Task<NodeTestOutcome> RunOneAsync(NodeRuntime runtime, string relativeFile, IReadOnlyList<string> path, TimeSpan? timeout, CancellationToken ct = default)
    {
        var env = new Dictionary<string, string> { ["SECURE_EXEC_TEST_PATH"] = JsonSerializer.Serialize(path) };
        var (result, events) = await RunAsync(runtime, relativeFile, env, timeout, ct).ConfigureAwait(false);
        foreach (var (type, data) in events)
        {
            if (type is not ("test:pass" or "test:fail")) continue;
            var eventPath = data.GetProperty("path").EnumerateArray().Select(e => e.GetString() ?? "").ToList();
            if (!eventPath.SequenceEqual(path)) continue;
            string? note = null;
            if (data.TryGetProperty("skip", out var skip)) note = "skipped: " + (skip.ValueKind == JsonValueKind.String ? skip.GetString() : "SKIP");
            else if (data.TryGetProperty("todo", out var todo)) note = "todo" + (todo.ValueKind == JsonValueKind.String ? ": " + todo.GetString() : "");
            if (type == "test:pass" || note is not null && note.StartsWith("todo", StringComparison.Ordinal))
                return new NodeTestOutcome(true, true, note, null);
            var error = data.GetProperty("details").GetProperty("error");
            var text = error.TryGetProperty("__inspected", out var inspected) ? inspected.GetString() : error.ToString();
            var where = data.TryGetProperty("file", out var f) ? $" (at {f.GetString()}:{data.GetProperty("line")}:{data.GetProperty("column")})" : "";
            return new NodeTestOutcome(true, false, note, $"node:test '{string.Join(" > ", path)}' failed{where}:\n{text}");
        }
        var why = result.TimedOut ? "the file timed out" : $"node exited with {result.ExitCode}";
        return new NodeTestOutcome(false, false, null,
            $"node:test '{string.Join(" > ", path)}' did not run in {relativeFile} ({why}); was it renamed? Rebuild to rediscover the tests.\n{Tail(result.Stderr)}");
    }

    private static async Task<(ExecResult Result, List<(string Type, JsonElement Data)> Events)> RunAsync(
        NodeRuntime runtime, string relativeFile, Dictionary<string, string> env, TimeSpan? timeout, CancellationToken ct)
    {
        env["SECURE_EXEC_TEST_EVENTS"] = EventsFile;
        var guestFile = JsTestFiles.GuestRoot + "/" + relativeFile;
        var dir = guestFile[..guestFile.LastIndexOf('/')];
        var result = await runtime.ExecCommandAsync("node", [guestFile], new ExecOptions { Cwd = dir, Timeout = timeout, Env = env }, ct).ConfigureAwait(false);
        var events = new List<(string, JsonElement)>();
        if (!await runtime.FileSystem.ExistsAsync(EventsFile, ct).ConfigureAwait(false)) return (result, events);
        var text = await runtime.FileSystem.ReadAllTextAsync(EventsFile, ct).ConfigureAwait(false);
        await runtime.FileSystem.DeleteAsync(EventsFile, ct: ct).ConfigureAwait(false);
        foreach (var line in text.Split('\n'))
        {
            if (!line.StartsWith(EventMark, StringComparison.Ordinal)) continue;
            using var doc = JsonDocument.Parse(line[EventMark.Length..]);
            events.Add((doc.RootElement.GetProperty("type").GetString() ?? "", doc.RootElement.GetProperty("data").Clone()));
        }
        return (result, events);
    }

    private static string Tail(string text)
    {
        var lines = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('\n', lines.TakeLast(15));
    }
}
