using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SecureExec.Testing.Drivers.Node.Crypto;

/// <summary>
/// One createCipheriv/createDecipheriv stream over AES (ECB, CBC, CTR, GCM), with OpenSSL's EVP buffering:
/// block modes emit whole blocks and, when decrypting with padding, hold the last block back for final.
/// </summary>
internal sealed class NodeCipher : IDisposable
{
    private readonly Aes _aes;
    private readonly string _mode;
    private readonly bool _decrypt;
    private readonly int _tagLength;
    private byte[] _iv;
    private readonly List<byte> _buffer = [];
    private bool _autoPadding = true;
    // ctr/gcm: the counter block and the unused keystream of the last one
    private byte[] _keystream = [];
    private int _keystreamUsed;
    private readonly Ghash? _ghash;
    private readonly byte[] _tagMask = new byte[16];
    private long _aadLength, _textLength;
    private bool _textStarted;
    private byte[]? _expectedTag;

    /// <summary>Block modes and key sizes this cipher table knows, as Node names them.</summary>
    public static (int KeyLength, int IvLength, string Mode)? Describe(string name) => name.ToLowerInvariant() switch
    {
        "aes-128-ecb" => (16, 0, "ecb"), "aes-192-ecb" => (24, 0, "ecb"), "aes-256-ecb" => (32, 0, "ecb"),
        "aes-128-cbc" or "aes128" => (16, 16, "cbc"), "aes-192-cbc" or "aes192" => (24, 16, "cbc"), "aes-256-cbc" or "aes256" => (32, 16, "cbc"),
        "aes-128-ctr" => (16, 16, "ctr"), "aes-192-ctr" => (24, 16, "ctr"), "aes-256-ctr" => (32, 16, "ctr"),
        "aes-128-gcm" => (16, 12, "gcm"), "aes-192-gcm" => (24, 12, "gcm"), "aes-256-gcm" => (32, 12, "gcm"),
        _ => null,
    };

    public NodeCipher(string mode, bool decrypt, byte[] key, byte[] iv, int tagLength)
    {
        _mode = mode;
        _decrypt = decrypt;
        _tagLength = tagLength;
        _aes = Aes.Create();
        _aes.Key = key;
        _iv = iv;
        if (mode == "ctr") _keystream = [];
        if (mode == "gcm")
        {
            var h = BinaryPrimitives.ReadUInt128BigEndian(EncryptBlock(new byte[16]));
            _ghash = new Ghash(h);
            byte[] j0;
            if (iv.Length == 12) j0 = [.. iv, 0, 0, 0, 1];
            else
            {
                var g = new Ghash(h);
                g.Update(iv);
                g.Pad();
                var lengths = new byte[16];
                BinaryPrimitives.WriteUInt64BigEndian(lengths.AsSpan(8), (ulong)iv.Length * 8);
                g.Update(lengths);
                j0 = new byte[16];
                BinaryPrimitives.WriteUInt128BigEndian(j0, g.Value);
            }
            EncryptBlock(j0).CopyTo(_tagMask, 0);
            _iv = j0;
            Increment32(_iv);
        }
    }

    public bool IsGcm => _mode == "gcm";

    public bool SetAutoPadding(bool on)
    {
        _autoPadding = on;
        return _mode is "ecb" or "cbc";
    }

    /// <summary>GCM: additional data, before any text.</summary>
    public bool SetAad(byte[] aad)
    {
        if (_ghash is null || _textStarted) return false;
        _ghash.Update(aad);
        _aadLength += aad.Length;
        return true;
    }

    public bool SetAuthTag(byte[] tag)
    {
        if (_ghash is null || !_decrypt) return false;
        _expectedTag = tag;
        return true;
    }

    public byte[] Update(byte[] input)
    {
        switch (_mode)
        {
            case "ctr": return XorKeystream(input, Increment128);
            case "gcm":
            {
                if (!_textStarted) { _ghash!.Pad(); _textStarted = true; }
                if (_decrypt) _ghash!.Update(input);
                var output = XorKeystream(input, Increment32);
                if (!_decrypt) _ghash!.Update(output);
                _textLength += input.Length;
                return output;
            }
            default:
            {
                _buffer.AddRange(input);
                var whole = _buffer.Count / 16 * 16;
                // Decrypting with padding keeps the last block for final (it holds the padding).
                if (_decrypt && _autoPadding && whole == _buffer.Count && whole > 0) whole -= 16;
                var blocks = _buffer.GetRange(0, whole).ToArray();
                _buffer.RemoveRange(0, whole);
                return Transform(blocks);
            }
        }
    }

    public (byte[] Output, CipherFailure Failure) Final()
    {
        switch (_mode)
        {
            case "ctr": return ([], CipherFailure.None);
            case "gcm":
            {
                if (!_textStarted) _ghash!.Pad();
                _ghash!.Pad();
                var lengths = new byte[16];
                BinaryPrimitives.WriteUInt64BigEndian(lengths, (ulong)_aadLength * 8);
                BinaryPrimitives.WriteUInt64BigEndian(lengths.AsSpan(8), (ulong)_textLength * 8);
                _ghash.Update(lengths);
                var tag = new byte[16];
                BinaryPrimitives.WriteUInt128BigEndian(tag, _ghash.Value);
                for (var i = 0; i < 16; i++) tag[i] ^= _tagMask[i];
                if (!_decrypt) return (tag[.._tagLength], CipherFailure.None);
                var ok = _expectedTag is { Length: > 0 } expected && expected.Length <= 16 &&
                         CryptographicOperations.FixedTimeEquals(expected, tag.AsSpan(0, expected.Length));
                return ([], ok ? CipherFailure.None : CipherFailure.AuthFailed);
            }
        }
        if (!_autoPadding)
            return _buffer.Count == 0 ? ([], CipherFailure.None) : ([], CipherFailure.WrongFinalBlockLength);
        if (!_decrypt)
        {
            var pad = 16 - _buffer.Count;
            for (var i = 0; i < pad; i++) _buffer.Add((byte)pad);
            return (Transform([.. _buffer]), CipherFailure.None);
        }
        if (_buffer.Count != 16) return ([], CipherFailure.WrongFinalBlockLength);
        var last = Transform([.. _buffer]);
        var n = last[15];
        if (n is < 1 or > 16) return ([], CipherFailure.BadDecrypt);
        for (var i = 16 - n; i < 16; i++)
            if (last[i] != n) return ([], CipherFailure.BadDecrypt);
        return (last[..(16 - n)], CipherFailure.None);
    }

    private byte[] Transform(byte[] blocks)
    {
        if (blocks.Length == 0) return blocks;
        if (_mode == "ecb")
            return _decrypt ? _aes.DecryptEcb(blocks, PaddingMode.None) : _aes.EncryptEcb(blocks, PaddingMode.None);
        var output = _decrypt ? _aes.DecryptCbc(blocks, _iv, PaddingMode.None) : _aes.EncryptCbc(blocks, _iv, PaddingMode.None);
        _iv = (_decrypt ? blocks : output)[^16..];
        return output;
    }

    private byte[] XorKeystream(byte[] input, Action<byte[]> increment)
    {
        var output = new byte[input.Length];
        var done = 0;
        while (done < input.Length)
        {
            if (_keystreamUsed == _keystream.Length)
            {
                // Enough counter blocks for the rest of this input, encrypted in one call.
                var blocks = Math.Max(1, (input.Length - done + 15) / 16);
                var counters = new byte[blocks * 16];
                for (var b = 0; b < blocks; b++)
                {
                    _iv.CopyTo(counters, b * 16);
                    increment(_iv);
                }
                _keystream = _aes.EncryptEcb(counters, PaddingMode.None);
                _keystreamUsed = 0;
            }
            var n = Math.Min(_keystream.Length - _keystreamUsed, input.Length - done);
            for (var i = 0; i < n; i++) output[done + i] = (byte)(input[done + i] ^ _keystream[_keystreamUsed + i]);
            _keystreamUsed += n;
            done += n;
        }
        return output;
    }

    private byte[] EncryptBlock(byte[] block) => _aes.EncryptEcb(block, PaddingMode.None);

    private static void Increment128(byte[] counter)
    {
        for (var i = 15; i >= 0 && ++counter[i] == 0; i--) { }
    }

    private static void Increment32(byte[] counter)
    {
        for (var i = 15; i >= 12 && ++counter[i] == 0; i--) { }
    }

    public void Dispose() => _aes.Dispose();
}
