namespace SecureExec.Testing.Tests.Drivers.Node;

public sealed class CryptoTests
{
    [Fact]
    public void Crypto_HashesHmacAndRandom_MatchNode()
    {
        using var vm = new NodeHarness();
        // Expected digests computed with the host's Node v20.20.2.
        var r = vm.Node("-e", """
            const c = require('crypto');
            console.log(c.createHash('sha256').update('hello').digest('hex'));
            console.log(c.createHash('md5').update('a').update(Buffer.from('b')).digest('base64'));
            console.log(c.createHmac('sha1', 'key').update('data').digest('hex'));
            console.log(c.randomBytes(16).length, /^[0-9a-f-]{36}$/.test(c.randomUUID()), crypto.getRandomValues(new Uint8Array(8)).length);
            try { c.createCipheriv('aes-128-cbc', Buffer.alloc(15), Buffer.alloc(16)); } catch (e) { console.log(e.code); }
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("""
            2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824
            GH70Q2Ei0cwvQNwrkvDroA==
            104152c5bfdca07bc633eebd46199f0255c9f49d
            16 true 8
            ERR_CRYPTO_INVALID_KEYLEN

            """, r.Stdout);
    }
}
