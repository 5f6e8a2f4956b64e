using System.Security.Cryptography;

namespace SecureExec.Testing.Drivers.Node.Crypto;

/// <summary>Node digest names (case-insensitive, as OpenSSL accepts them) → .NET hash algorithms.</summary>
internal static class Digests
{
    /// <summary>The algorithm for a Node digest name, or null when this host has none.</summary>
    public static HashAlgorithmName? Find(string name) => name.ToLowerInvariant() switch
    {
        "md5" => HashAlgorithmName.MD5,
        "sha1" or "sha-1" or "rsa-sha1" => HashAlgorithmName.SHA1,
        "sha256" or "sha-256" or "rsa-sha256" => HashAlgorithmName.SHA256,
        "sha384" or "sha-384" or "rsa-sha384" => HashAlgorithmName.SHA384,
        "sha512" or "sha-512" or "rsa-sha512" => HashAlgorithmName.SHA512,
        "sha3-256" when SHA3_256.IsSupported => HashAlgorithmName.SHA3_256,
        "sha3-384" when SHA3_384.IsSupported => HashAlgorithmName.SHA3_384,
        "sha3-512" when SHA3_512.IsSupported => HashAlgorithmName.SHA3_512,
        _ => null,
    };

    /// <summary>Digest size in bytes.</summary>
    public static int Size(HashAlgorithmName name) => name.Name switch
    {
        "MD5" => 16,
        "SHA1" => 20,
        "SHA256" or "SHA3-256" => 32,
        "SHA384" or "SHA3-384" => 48,
        _ => 64,
    };
}
