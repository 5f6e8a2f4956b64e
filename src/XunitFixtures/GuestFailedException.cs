namespace SecureExec.Testing.Xunit;

/// <summary>A guest command or script did not succeed; the message carries its exit code and the tail of its stderr.</summary>
public sealed class GuestFailedException(string message) : Exception(message);
