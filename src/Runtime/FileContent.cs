using System.Text;

namespace SecureExec.Testing;

/// <summary>The content of a file seeded into the VM (<see cref="NodeRuntimeOptions.Files"/>): text (UTF-8) or bytes.
/// Converts implicitly from <see cref="string"/> and <see cref="byte"/>[].</summary>
public readonly record struct FileContent
{
    private readonly ReadOnlyMemory<byte> _bytes;

    private FileContent(ReadOnlyMemory<byte> bytes) => _bytes = bytes;

    public ReadOnlyMemory<byte> Bytes => _bytes;

    public static FileContent FromText(string text) => new(Encoding.UTF8.GetBytes(text ?? throw new ArgumentNullException(nameof(text))));

    public static FileContent FromBytes(ReadOnlyMemory<byte> bytes) => new(bytes);

    public static implicit operator FileContent(string text) => FromText(text);

    public static implicit operator FileContent(byte[] bytes) => FromBytes(bytes ?? throw new ArgumentNullException(nameof(bytes)));
}
