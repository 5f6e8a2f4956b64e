using SecureExec.Testing.Abi;

namespace SecureExec.Testing.Drivers.Wasm.Extensions;

/// <summary>
/// se_stat_t from secure_exec.h as clang lays it out for wasm32 (uint64 aligned to 8): checked by the
/// se_stat_layout test program.
/// </summary>
internal static class SeStat
{
    public const int Dev = 0, Ino = 8, Mode = 16, Nlink = 20, Uid = 24, Gid = 28, Rdev = 32, FileSize = 40,
        Blksize = 48, Blocks = 56, AtimeSec = 64, AtimeNsec = 72, MtimeSec = 80, MtimeNsec = 88, CtimeSec = 96,
        CtimeNsec = 104, Size = 112;

    public static void Write(GuestMemory m, int p, in StatInfo st)
    {
        m.Slice(p, Size).Clear();
        m.WriteUInt64(p + Dev, st.Dev);
        m.WriteUInt64(p + Ino, st.Ino);
        m.WriteUInt32(p + Mode, st.Mode);
        m.WriteUInt32(p + Nlink, st.Nlink);
        m.WriteUInt32(p + Uid, st.Uid);
        m.WriteUInt32(p + Gid, st.Gid);
        m.WriteUInt64(p + Rdev, st.Rdev);
        m.WriteInt64(p + FileSize, st.Size);
        m.WriteInt64(p + Blksize, st.Blksize);
        m.WriteInt64(p + Blocks, st.Blocks);
        m.WriteInt64(p + AtimeSec, st.Atime.Seconds);
        m.WriteInt64(p + AtimeNsec, st.Atime.Nanoseconds);
        m.WriteInt64(p + MtimeSec, st.Mtime.Seconds);
        m.WriteInt64(p + MtimeNsec, st.Mtime.Nanoseconds);
        m.WriteInt64(p + CtimeSec, st.Ctime.Seconds);
        m.WriteInt64(p + CtimeNsec, st.Ctime.Nanoseconds);
    }
}
