using System.Buffers.Binary;
using System.Text;
using Wasmtime;

namespace SecureExec.Testing.Drivers.Wasm;

/// <summary>
/// A bounds-checked view of a guest's linear memory, valid for the duration of one host call only (memory can
/// move when the guest grows it, which cannot happen while a host call runs). Every pointer and length comes
/// from the guest: an out-of-range access throws <see cref="GuestFaultException"/>, which the import answers
/// with EFAULT. Pointers are wasm32 (unsigned 32-bit).
/// </summary>
internal readonly unsafe ref struct GuestMemory
{
    /// <summary>Longest NUL-terminated string read from the guest (paths, argv entries).</summary>
    public const int MaxCString = 1 << 20;

    private readonly byte* _base;
    private readonly ulong _length;

    public GuestMemory(Memory memory)
    {
        _base = (byte*)memory.GetPointer();
        _length = (ulong)memory.GetLength();
    }

    public ulong Length => _length;

    public Span<byte> Slice(int pointer, int length)
    {
        ulong p = (uint)pointer, n = (uint)length;
        if (n > int.MaxValue || p + n > _length) throw new GuestFaultException();
        return new Span<byte>(_base + p, (int)n);
    }

    public int ReadInt32(int pointer) => BinaryPrimitives.ReadInt32LittleEndian(Slice(pointer, 4));
    public uint ReadUInt32(int pointer) => BinaryPrimitives.ReadUInt32LittleEndian(Slice(pointer, 4));
    public long ReadInt64(int pointer) => BinaryPrimitives.ReadInt64LittleEndian(Slice(pointer, 8));
    public ushort ReadUInt16(int pointer) => BinaryPrimitives.ReadUInt16LittleEndian(Slice(pointer, 2));
    public byte ReadByte(int pointer) => Slice(pointer, 1)[0];

    public void WriteInt32(int pointer, int value) => BinaryPrimitives.WriteInt32LittleEndian(Slice(pointer, 4), value);
    public void WriteUInt32(int pointer, uint value) => BinaryPrimitives.WriteUInt32LittleEndian(Slice(pointer, 4), value);
    public void WriteInt64(int pointer, long value) => BinaryPrimitives.WriteInt64LittleEndian(Slice(pointer, 8), value);
    public void WriteUInt64(int pointer, ulong value) => BinaryPrimitives.WriteUInt64LittleEndian(Slice(pointer, 8), value);
    public void WriteUInt16(int pointer, ushort value) => BinaryPrimitives.WriteUInt16LittleEndian(Slice(pointer, 2), value);
    public void WriteByte(int pointer, byte value) => Slice(pointer, 1)[0] = value;

    /// <summary>A UTF-8 string of exactly <paramref name="length"/> bytes (WASI paths).</summary>
    public string ReadString(int pointer, int length) => Encoding.UTF8.GetString(Slice(pointer, length));

    /// <summary>A NUL-terminated UTF-8 string (the secure_exec module's strings).</summary>
    public string ReadCString(int pointer)
    {
        ulong p = (uint)pointer;
        if (p >= _length) throw new GuestFaultException();
        var available = (int)Math.Min(_length - p, MaxCString);
        var span = new ReadOnlySpan<byte>(_base + p, available);
        var nul = span.IndexOf((byte)0);
        if (nul < 0) throw new GuestFaultException();
        return Encoding.UTF8.GetString(span[..nul]);
    }

    /// <summary>Splits a packed string list ("a\0b\0", <paramref name="length"/> bytes including the NULs).</summary>
    public List<string> ReadPackedList(int pointer, int length)
    {
        var list = new List<string>();
        if (length <= 0) return list;
        var span = Slice(pointer, length);
        while (span.Length > 0)
        {
            var nul = span.IndexOf((byte)0);
            if (nul < 0)
            {
                list.Add(Encoding.UTF8.GetString(span));
                break;
            }
            list.Add(Encoding.UTF8.GetString(span[..nul]));
            span = span[(nul + 1)..];
        }
        return list;
    }
}
