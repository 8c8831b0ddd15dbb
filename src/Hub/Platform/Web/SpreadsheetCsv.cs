using System.Globalization;
using System.Text;
using CsvHelper;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// Every CSV file the hub hands out is written with this, so none can carry a spreadsheet formula
/// ("CSV injection"). Following OWASP, a text cell that starts with =, +, -, @, tab or carriage
/// return gets a leading ' and is quoted: Excel, LibreOffice and Google Sheets then show it as the
/// text it is. Text is anything a person typed or imported (descriptions, names, emails), so it is
/// always checked. Numbers the hub formats itself (an amount of -12.50) stay numbers, so a treasurer's
/// spreadsheet can still add them up: they are only a sign, digits and a point, never a formula.
/// </summary>
public sealed class SpreadsheetCsv : IDisposable
{
    public const string ContentType = "text/csv; charset=utf-8";

    private static readonly CsvWriterOptions Options = new() { Injection = CsvInjection.Escape };

    private readonly StringWriter text = new(CultureInfo.InvariantCulture);
    private readonly CsvWriter writer;
    private bool done;

    /// <summary>Starts a file with its header row.</summary>
    public SpreadsheetCsv(params string[] header)
    {
        writer = CsvWriter.Create(text, Options, leaveOpen: true);
        writer.WriteHeader(header);
    }

    /// <summary>A cell of text; null is an empty cell.</summary>
    public SpreadsheetCsv Text(string? value)
    {
        writer.WriteField(value);
        return this;
    }

    /// <summary>A number the hub formats itself, such as an amount with <c>"0.00"</c>.</summary>
    public SpreadsheetCsv Number(decimal value, string format)
    {
        writer.WriteField(value, format);
        return this;
    }

    public void EndRow() => writer.EndRecord();

    /// <summary>The finished file as UTF-8, CRLF line endings as RFC 4180 says.</summary>
    public byte[] ToUtf8()
    {
        if (!done)
        {
            writer.Dispose();
            done = true;
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public void Dispose()
    {
        if (!done)
        {
            writer.Dispose();
            done = true;
        }
        text.Dispose();
    }
}
