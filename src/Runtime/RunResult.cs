namespace SecureExec.Testing;

/// <summary>What <see cref="NodeRuntime.RunAsync{T}"/> produced: the value the guest's default export handed
/// back (default when the module failed before exporting one), its output and its exit code.</summary>
public sealed record RunResult<T>(T? Value, string Stdout, string Stderr, int ExitCode);
