namespace Sample;

// Compiles only when the generator ran: Sample.Generated.Names is its output.
public static class Lib
{
    public static int Count => Generated.Names.All.Length;
}
