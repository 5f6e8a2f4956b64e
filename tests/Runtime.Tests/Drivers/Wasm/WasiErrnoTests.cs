using SecureExec.Testing.Abi;
using SecureExec.Testing.Drivers.Wasm.Wasi;

namespace SecureExec.Testing.Tests.Drivers.Wasm;

public class WasiErrnoTests
{
    [Fact]
    public void EveryKernelErrno_MapsToAWasiErrno_AndBack()
    {
        foreach (var errno in Enum.GetValues<Errno>())
        {
            var wasi = errno.ToWasi();
            Assert.True(errno == Errno.SUCCESS || wasi != WasiErrno.SUCCESS, $"{errno} maps to SUCCESS");
            Assert.NotEqual(WasiErrno.EIO, errno == Errno.EIO ? WasiErrno.ENOENT : wasi);
            Assert.Equal(errno, wasi.ToKernel());
        }
    }

    [Fact]
    public void EveryWasiErrno_MapsToAKernelErrno_AndBack()
    {
        foreach (var wasi in Enum.GetValues<WasiErrno>())
        {
            if (wasi == WasiErrno.ENOTCAPABLE)
            {
                Assert.Equal(Errno.EACCES, wasi.ToKernel());
                continue;
            }
            Assert.Equal(wasi, wasi.ToKernel().ToWasi());
        }
    }

    [Theory]
    [InlineData(Errno.ENOENT, 44)]
    [InlineData(Errno.EBADF, 8)]
    [InlineData(Errno.EINTR, 27)]
    [InlineData(Errno.ENOTSUP, 58)]
    [InlineData(Errno.EPIPE, 64)]
    public void KnownValues_MatchWasiLibc(Errno errno, int wasi) => Assert.Equal(wasi, (int)errno.ToWasi());

    [Fact]
    public void UnknownValues_AreEio() => Assert.Equal(WasiErrno.EIO, ((Errno)4000).ToWasi());
}
