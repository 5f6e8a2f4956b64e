namespace SecureExec.Testing.Tests.Drivers.Node;

public sealed class FsTests : IDisposable
{
    private readonly NodeHarness _vm = new();

    public void Dispose() => _vm.Dispose();

    [Fact]
    public void SyncApi_RoundTripsThroughKernel()
    {
        var r = _vm.Node("-e", """
            const fs = require('fs');
            fs.mkdirSync('/work/a/b', { recursive: true });
            fs.writeFileSync('/work/a/b/f.txt', 'héllo');
            fs.appendFileSync('/work/a/b/f.txt', ' world');
            console.log(fs.readFileSync('/work/a/b/f.txt', 'utf8'), fs.statSync('/work/a/b/f.txt').size, fs.existsSync('/work/nope'));
            fs.copyFileSync('/work/a/b/f.txt', '/work/a/copy.txt');
            fs.renameSync('/work/a/copy.txt', '/work/a/moved.txt');
            fs.symlinkSync('/work/a/moved.txt', '/work/link');
            console.log(fs.readlinkSync('/work/link'), fs.lstatSync('/work/link').isSymbolicLink(), fs.realpathSync('/work/link'));
            console.log(fs.readdirSync('/work/a'), fs.readdirSync('/work/a', { withFileTypes: true }).map((d) => d.name + ':' + d.isDirectory()));
            const fd = fs.openSync('/work/bin', 'w+'); fs.writeSync(fd, Buffer.from([1, 2, 3, 4])); const buf = Buffer.alloc(2); fs.readSync(fd, buf, 0, 2, 1); fs.closeSync(fd);
            console.log(buf);
            fs.rmSync('/work/a', { recursive: true, force: true });
            console.log(fs.existsSync('/work/a'));
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("""
            héllo world 12 false
            /work/a/moved.txt true /work/a/moved.txt
            [ 'b', 'moved.txt' ] [ 'b:true', 'moved.txt:false' ]
            <Buffer 02 03>
            false

            """, r.Stdout);
        Assert.Equal("\u0001\u0002\u0003\u0004", _vm.ReadFile("/work/bin"));
    }

    [Fact]
    public void CallbackAndPromiseApi_Work()
    {
        var r = _vm.Node("-e", """
            const fs = require('fs');
            fs.writeFile('/tmp/x.txt', 'data', (err) => {
              if (err) throw err;
              fs.readFile('/tmp/x.txt', 'utf8', (err, text) => {
                console.log('cb', text);
                fs.promises.readFile('/tmp/x.txt', 'utf8').then(async (t) => {
                  console.log('promise', t);
                  await fs.promises.mkdir('/tmp/d/e', { recursive: true });
                  console.log((await fs.promises.readdir('/tmp/d')).join());
                  const h = await fs.promises.open('/tmp/x.txt', 'r'); console.log((await h.stat()).size); await h.close();
                });
              });
            });
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("cb data\npromise data\ne\n4\n", r.Stdout);
    }

    [Fact]
    public void Streams_CreateReadAndWriteStream_Pipe()
    {
        _vm.WriteFile("/tmp/in.txt", string.Concat(Enumerable.Repeat("0123456789", 20000)));
        var r = _vm.Node("-e", """
            const fs = require('fs');
            fs.createReadStream('/tmp/in.txt').pipe(fs.createWriteStream('/tmp/out.txt')).on('finish', () => console.log('copied', fs.statSync('/tmp/out.txt').size));
            """);
        Assert.Equal("", r.Stderr);
        Assert.Equal("copied 200000\n", r.Stdout);
    }
}
