using System.Text;
using Microsolidarity.Hub.Platform.Web;

namespace Microsolidarity.Hub.Tests.Platform.Web;

/// <summary>The one CSV writer every download uses: OWASP's rule for cells a spreadsheet would run.</summary>
public sealed class SpreadsheetCsvTests
{
    private static string Write(Action<SpreadsheetCsv> row)
    {
        using var csv = new SpreadsheetCsv("a", "b");
        row(csv);
        csv.EndRow();
        return Encoding.UTF8.GetString(csv.ToUtf8());
    }

    [Theory]
    [InlineData("=1+2", "\"'=1+2\"")]
    [InlineData("+1+2", "\"'+1+2\"")]
    [InlineData("-1+2", "\"'-1+2\"")]
    [InlineData("@SUM(A1:A2)", "\"'@SUM(A1:A2)\"")]
    [InlineData("\t=1+2", "\"'\t=1+2\"")]
    [InlineData("\r=1+2", "\"'\r=1+2\"")]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"x\")", "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"")]
    [InlineData("Plain text, with a comma", "\"Plain text, with a comma\"")]
    [InlineData("a = b", "a = b")]
    public void Text_StartingLikeAFormula_IsQuotedWithALeadingApostrophe(string value, string written)
    {
        Assert.Equal($"a,b\r\nx,{written}\r\n", Write(csv => csv.Text("x").Text(value)));
    }

    [Fact]
    public void Number_WrittenByTheHub_StaysANumber()
    {
        Assert.Equal("a,b\r\n-12.50,\r\n", Write(csv => csv.Number(-12.5m, "0.00").Text(null)));
    }
}
