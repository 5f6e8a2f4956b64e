namespace SecureExec.Testing.Drivers.Node.Bridge;

/// <summary>
/// Operation numbers of the single bridge function (<c>bridge(op, a, b, c, d)</c>). The bootstrap receives the
/// names and numbers as JSON, so JS code refers to them by name (<c>OP.Write</c>). Errors come back as -errno.
/// </summary>
internal enum BridgeOp
{
    // ---- loop ----
    Exit = 1,            // (code): ends the process after 'exit' handlers ran
    TicksPending,        // (): the nextTick queue became non-empty
    TimerStart,          // (id, ms, repeatMs) → 0, or the limit when the process has MaxTimers live timers
    TimerClear,          // (id)
    TimerRef,            // (id, ref)
    ImmediateAdd,        // (id) → 0, or the limit when MaxTimers immediates are pending
    ImmediateClear,      // (id)
    Post,                // (id): run JS callback id in the poll phase (fs callbacks)
    HandleRef,           // (id, ref): read watchers and child watches
    HrTime,              // () → ns since start as a double
    // ---- text and blobs ----
    Utf8Encode,          // (string) → byte count in scratch; -1 when it does not fit
    Utf8Decode,          // (len) → string from scratch
    BlobRead,            // (blob, offset) → bytes copied into scratch
    BlobFree,            // (blob)
    BlobLength,          // (blob) → length
    BlobAppend,          // (blob or 0 for a new one, len from scratch) → blob
    // ---- fds ----
    Write,               // (fd, len) from scratch → written
    Read,                // (fd, max) into scratch → read
    Pread,               // (fd, max, position)
    Pwrite,              // (fd, len, position)
    Open,                // (path, flags, mode) → fd
    Close,               // (fd)
    Fstat,               // (fd) → stat string
    Ftruncate,           // (fd, len)
    Fsync,               // (fd)
    ReadStart,           // (fd, id): deliver chunks to dispatch(Read, id, n)
    ReadStop,            // (id)
    IsTty,               // (fd) → bool
    // ---- paths ----
    Stat,                // (path, follow) → stat string
    Readdir,             // (path) → "name\u0001type\u0000…"
    Mkdir,               // (path, mode)
    Rmdir,               // (path)
    Unlink,              // (path)
    Rename,              // (from, to)
    Symlink,             // (target, path)
    Link,                // (existing, path)
    Readlink,            // (path) → string
    Realpath,            // (path) → string
    Access,              // (path, mode)
    Chmod,               // (path, mode)
    Truncate,            // (path, len)
    Utimes,              // (path, atimeMs, mtimeMs, follow)
    ReadFileText,        // (path) → string (module sources)
    // ---- process ----
    Cwd,                 // () → string
    Chdir,               // (path)
    Umask,               // (mask or -1) → old mask
    Kill,                // (pid, signal)
    SignalCatch,         // (signal, catch)
    MemoryUsage,         // () → "rss,heapTotal,heapUsed,external"
    // ---- modules ----
    Resolve,             // (specifier, parentDir, conditions 'require'|'import') → path or "node:x" or -errno
    Compile,             // (source, filename) → true (function handed to the sink) or an error string
    BuiltinFunction,     // (name) → true (the module's function handed to the sink) or false: no such built-in
    ModuleSource,        // (path) → the source of an ES module the process loaded, or null (error reports)
    // ---- child processes ----
    Spawn,               // (json) → "pid,fd0,fd1,fd2" or -errno
    SpawnSync,           // (json) → json result
    ChildWatch,          // (pid, id): dispatch(ChildExit, id, waitStatus) when it exits
    // ---- crypto ----
    RandomFill,          // (len): cryptographically random bytes into scratch
    HashCreate,          // (algorithm, hmacKeyLen or -1; key in scratch) → hash id
    HashUpdate,          // (id, len from scratch)
    HashDigest,          // (id) → digest length in scratch; the hash is gone
    // ---- crypto: kdfs, ciphers, keys (bytes in and out as blobs; every blob argument is consumed) ----
    HashCopy,            // (id) → id of a copy of the running hash
    Pbkdf2,              // (digest, iterations, keylen, passwordBlob, saltBlob) → blob
    Hkdf,                // (digest, keylen, ikmBlob, saltBlob, infoBlob) → blob
    Scrypt,              // (N, r, p, keylen, passwordBlob, saltBlob) → blob
    CipherCreate,        // (name, decrypt, keyBlob, ivBlob or 0, authTagLength) → cipher id
    CipherUpdate,        // (id, blob) → blob
    CipherFinal,         // (id) → blob (gcm encrypt: output then tag); the cipher is gone; -EBADMSG on bad data
    CipherSetAAD,        // (id, blob)
    CipherSetAutoPadding,// (id, on)
    CipherSetAuthTag,    // (id, blob)
    KeyImport,           // (format, type, private, blob, passphrase) → json {type, asymmetricKeyType, blob: der}
    KeyExport,           // (derBlob, private, format, type) → blob
    KeyGenerate,         // (type, json options) → "privateDerBlob,publicDerBlob"
    KeyDetails,          // (derBlob, private) → json of asymmetricKeyDetails
    Sign,                // (digest, derBlob, private, dataBlob, json options) → blob
    Verify,              // (digest, derBlob, private, dataBlob, sigBlob, json options) → 1 or 0
    RsaCrypt,            // (encrypt, derBlob, private, dataBlob, json options) → blob
    EcdhDerive,          // (privateDerBlob, publicDerBlob) → blob
    // ---- zlib ----
    ZlibCreate,          // (mode, json options) → stream id
    ZlibWrite,           // (id, blob, flush) → output blob; -errno with ZlibError for the message
    ZlibError,           // (id) → "code,errno,message" of the last failure
    ZlibClose,           // (id)
    // ---- async context ----
    PromiseHookEnable,   // (settled): V8's promise hook reports to dispatch(PromiseHook) from now on (AsyncLocalStorage,
                         // async hooks); with settled also resolutions (an async hook's promiseResolve)
    // ---- net ----
    NetListen,           // (host, port, backlog) → fd of a non-blocking listening socket
    NetConnect,          // (host, port, tls) → fd of a connected non-blocking socket
    NetShutdown,         // (fd, how)
    NetAddress,          // (fd, peer) → "host\u0000port"
    AcceptStart,         // (fd, id): dispatch(Read, id, newFd or -errno) per incoming connection
    WriteWatch,          // (fd, id): dispatch(Read, id, 0) once, when the fd is writable
    DnsLookup,           // (host) → "addr\u0000addr…"
    LastDenial,          // () → why the last permission check failed, or ""
    // ---- async writes ----
    WriteTry,            // (fd, len) from scratch → written, or -EAGAIN when the fd cannot take data now (then WriteWatch)
    // ---- v8 ----
    HeapStatistics,      // () → "total,executable,physical,available,used,limit,external" (V8 heap info)
    // ---- worker_threads ----
    PortPair,            // () → id of port1 (port2 is id + 1), both owned by the caller
    PortBind,            // (port, id): dispatch(Read, id, 0 = a message is ready | 1 = closed) for this port
    PortStart,           // (port, start): announce messages (start) or keep them queued
    PortPost,            // (port, blob, "id,id" ports in the transfer list, n): the blob's bytes (blob 0: n bytes of scratch) go to the peer
    PortReceive,         // (port) → "blob,port,port…" for the next message (its ports now belong here; "=n,…": n bytes in scratch), "" when none
    PortClose,           // (port): both ends close
    LoopRef,             // (id, ref): handle id keeps the loop alive (a started port, a running worker)
    WorkerStart,         // (json options, workerData blob, port given to the worker, callback id) → threadId; dispatch(Read, id, -1 online | exit code)
    WorkerTerminate,     // (threadId)
    WorkerExitInfo,      // (threadId) → "oom", or the blob id of its uncaught error, or 0
    WorkerOnline,        // () in a worker: its main code starts
    WorkerError,         // (blob) in a worker: its uncaught error, serialized for the parent's 'error' event
    BroadcastJoin,       // (name, id) → channel; dispatch(Read, id, 0) when a message is queued for it
    BroadcastPost,       // (channel, blob): to every other open channel of the same name, in every thread
    BroadcastReceive,    // (channel) → blob id of the next message, 0 when none
    BroadcastClose,      // (channel)
    // ---- vm ----
    VmContextCreate,     // () → context id (its control object handed to the sink), -ENOMEM past the limit
    VmRun,               // (id (0 = this context), source, filename, timeout ms (0 = none)) → true (value to the sink),
                         // V8's syntax error details, -ETIMEDOUT or -EBADF
    // ---- console ----
    WriteText,           // (fd, text) → UTF-8 bytes written, blocking like a synchronous write (console's direct path)
    // ---- dynamic import ----
    ImportResolve,       // (specifier, referrer path) → resolved path or node:NAME, or -errno
    ImportEvaluate,      // (resolved, id) → true; the module's evaluation promise (or the link error, thrown) to the sink
    RequireEvaluate,     // (resolved, facade) → true; require() of an ES module: evaluated now, as ImportEvaluate
}

/// <summary>What the host asks the JS side to run (first argument of the JS <c>dispatch</c> function).</summary>
internal enum DispatchKind
{
    Main = 1,            // (mode, payload)
    RunTicks,
    Timer,               // (id) → repeat?
    Immediate,           // (id)
    Post,                // (id)
    Read,                // (id, n): n bytes in scratch, 0 = EOF, < 0 = -errno
    ChildExit,           // (id, raw wait status)
    Signal,              // (signal number)
    BeforeExit,
    ExitEvent,           // (code) → final code
    Fatal,               // (error value, details): report an uncaught error from the host side
    ModuleExports,       // (kind 'builtin'|'internal', name) → [exports object, keys], for the ESM loader
    // ---- promise rejections ----
    Rejection,           // (0 = rejected without handler | 1 = handler added later, promise, reason)
    ProcessRejections,   // () → true when it ran guest code (ticks or microtasks may be queued)
    // ---- async context ----
    PromiseHook,         // (0 created | 1 settled | 2 before reaction | 3 after reaction, promise[, parent promise])
}
