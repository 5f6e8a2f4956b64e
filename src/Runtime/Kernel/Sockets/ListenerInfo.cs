namespace SecureExec.Testing.Kernel.Sockets;

/// <summary>A listening stream socket in the VM: the address it listens on and the process that called listen.</summary>
internal sealed record ListenerInfo(string Host, int Port, int Pid);
