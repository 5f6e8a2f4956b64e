namespace SecureExec.Testing.MSBuild;

/// <summary>An error or warning recognised in a guest output line (File as the guest printed it).</summary>
internal sealed record GuestDiagnostic(
    bool IsError,
    string? File,
    int Line,
    int Column,
    int EndLine,
    int EndColumn,
    string? Subcategory,
    string? Code,
    string Message);
