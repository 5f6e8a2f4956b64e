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

    [Fact]
    public void OkpKeys_Malformed_FailAsJsErrors()
    {
        using var vm = new NodeHarness();
        // Same lines as Node v22.23.3 prints for this script.
        var r = vm.Node("-e", """
            const c = require('crypto');
            const pre = (oid, n) => Buffer.concat([Buffer.from(`302e020100300506032b65${oid}04220420`, 'hex'), Buffer.alloc(n, 1)]);
            const attempts = [
              () => c.createPrivateKey({ key: pre('70', 31), format: 'der', type: 'pkcs8' }),
              () => c.createPrivateKey({ key: pre('70', 32).subarray(0, 40), format: 'der', type: 'pkcs8' }),
              () => c.createPublicKey({ key: Buffer.from('302a300506032b6570032100', 'hex'), format: 'der', type: 'spki' }),
              () => c.createPrivateKey({ key: { kty: 'OKP', crv: 'Ed25519', x: 'AA', d: 'AAAA' }, format: 'jwk' }),
              () => c.createPublicKey({ key: { kty: 'OKP', crv: 'Ed448', x: 'AA' }, format: 'jwk' }),
              () => c.verify(null, Buffer.from('x'), c.generateKeyPairSync('ed25519').publicKey, Buffer.alloc(3)),
              () => c.diffieHellman({ privateKey: c.generateKeyPairSync('x25519').privateKey, publicKey: c.generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey }),
            ];
            for (const f of attempts) { try { const v = f(); console.log('ok', v); } catch (e) { console.log('error', e instanceof Error); } }
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("error true\nerror true\nerror true\nerror true\nerror true\nok false\nerror true\n", r.Stdout);
    }
}
