using System.Runtime.InteropServices;

namespace SecureExec.Testing.Drivers.Node;

/// <summary>
/// The one V8 flag the Node driver sets, before V8 starts: <c>--allow-unsafe-function-constructor</c>. ClearScript gives
/// every V8 context its own security token, where Node gives a node:vm context its creator's; V8 then refuses
/// <c>eval</c>/<c>new Function</c> of one context while code entered through another runs ("TypeError: no access"), which
/// breaks jest (its test files run in vm contexts and call the outer realm's code). The flag lifts only that check.
/// The contexts of an isolate all belong to one guest process, so no process reaches another through it.
/// <para>ClearScript has no API for flags; V8's own <c>v8::V8::SetFlagsFromString</c> is exported by ClearScript's
/// native library and is called here. V8 aborts the host process if a flag changes after it started, so the flag is
/// set only while <c>v8::internal::FlagList::IsFrozen()</c> says V8 has not started (another library in the host may
/// have started it first: then the check stays and <see cref="SharedCodeGeneration"/> is false).</para>
/// </summary>
internal static partial class V8Flags
{
    private const string Library = "ClearScriptV8.linux-x64.so";
    private const string Flag = "--allow-unsafe-function-constructor";
    private static readonly Lazy<bool> s_applied = new(Apply);

    /// <summary>Whether code of one node:vm context may compile code of another (as in Node); false only when V8 had
    /// started before the first runtime, or the native library lacks the entry points.</summary>
    public static bool SharedCodeGeneration => s_applied.Value;

    /// <summary>Sets the flag once; call before the first V8 isolate is created.</summary>
    public static void EnsureApplied() => _ = s_applied.Value;

    private static bool Apply()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64) return false;
        try
        {
            if (IsFrozen()) return false;
            SetFlagsFromString(Flag);
            return true;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport(Library, EntryPoint = "_ZN2v88internal8FlagList8IsFrozenEv")]
    [return: MarshalAs(UnmanagedType.U1)]
    private static partial bool IsFrozen();

    [LibraryImport(Library, EntryPoint = "_ZN2v82V818SetFlagsFromStringEPKc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial void SetFlagsFromString(string flags);
}
