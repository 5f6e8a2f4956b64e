using System.Runtime.InteropServices;
using System.Text;

namespace SecureExec.Testing.Tests.Drivers.Wasm;

/// <summary>
/// WebAssembly text → binary with the wat parser inside the Wasmtime native library (what Wasmtime .NET's
/// Module.FromText uses), so tests can write hand-made guest modules without a C toolchain.
/// </summary>
internal static class Wat
{
    [StructLayout(LayoutKind.Sequential)]
    private struct ByteVec
    {
        public nuint Size;
        public IntPtr Data;
    }

    [DllImport("wasmtime")]
    private static extern IntPtr wasmtime_wat2wasm(byte[] wat, nuint length, out ByteVec result);

    [DllImport("wasmtime")]
    private static extern void wasmtime_error_message(IntPtr error, out ByteVec message);

    [DllImport("wasmtime")]
    private static extern void wasmtime_error_delete(IntPtr error);

    [DllImport("wasmtime")]
    private static extern void wasm_byte_vec_delete(ref ByteVec vector);

    public static byte[] ToWasm(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var error = wasmtime_wat2wasm(bytes, (nuint)bytes.Length, out var wasm);
        if (error != IntPtr.Zero)
        {
            wasmtime_error_message(error, out var message);
            var why = Take(ref message);
            wasmtime_error_delete(error);
            throw new ArgumentException("invalid wat: " + Encoding.UTF8.GetString(why), nameof(text));
        }
        return Take(ref wasm);
    }

    private static byte[] Take(ref ByteVec vector)
    {
        var result = new byte[(int)vector.Size];
        if (result.Length > 0) Marshal.Copy(vector.Data, result, 0, result.Length);
        wasm_byte_vec_delete(ref vector);
        return result;
    }
}
