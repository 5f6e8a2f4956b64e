namespace SecureExec.Cli;

internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        using var cts = new CancellationTokenSource();
        var interrupts = 0;
        Console.CancelKeyPress += (_, e) =>
        {
            // First Ctrl+C: SIGTERM to the guest (SIGKILL after a grace period). Second: give up at once.
            if (Interlocked.Increment(ref interrupts) > 1) return;
            e.Cancel = true;
            cts.Cancel();
        };
        using var stdin = Console.OpenStandardInput();
        using var stdout = Console.OpenStandardOutput();
        using var stderr = Console.OpenStandardError();
        return await CliApp.RunAsync(args, stdin, stdout, stderr, stdinIsTerminal: !Console.IsInputRedirected, cts.Token);
    }
}
