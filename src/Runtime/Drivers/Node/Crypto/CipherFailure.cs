namespace SecureExec.Testing.Drivers.Node.Crypto;

/// <summary>Why a cipher's final step failed; the bridge answers with an errno per kind.</summary>
internal enum CipherFailure
{
    None,
    BadDecrypt,            // OpenSSL "bad decrypt" (padding check)
    WrongFinalBlockLength, // OpenSSL "wrong final block length"
    AuthFailed,            // GCM tag mismatch or missing tag
}
