using System.Text;

namespace SecureExec.Testing.MSBuild.Tests;

public sealed class LineSplitterTests
{
    [Fact]
    public void Push_ChunksSplitInsideLinesAndCharacters_YieldsWholeLines()
    {
        var lines = new List<string>();
        var splitter = new LineSplitter(lines.Add);
        var bytes = Encoding.UTF8.GetBytes("één\r\ntwo\n\nlast");
        foreach (var b in bytes) splitter.Push([b]);
        splitter.Flush();
        Assert.Equal(["één", "two", "", "last"], lines);
    }
}
