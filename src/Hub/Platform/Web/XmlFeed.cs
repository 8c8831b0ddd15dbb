using System.Globalization;
using System.Text;
using System.Xml;

namespace Microsolidarity.Hub.Platform.Web;

/// <summary>
/// Every XML document the hub serves (the sitemap, the Atom feeds of updates and of handbook changes, the
/// podcast's RSS) is written with this: an <see cref="XmlWriter"/> that escapes what it is given, declares
/// UTF-8 (what the response is) and indents, and the dates in the forms those formats use.
/// </summary>
public static class XmlFeed
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";

    private static readonly XmlWriterSettings Settings = new() { Indent = true, Encoding = Encoding.UTF8, NewLineChars = "\n" };

    /// <summary>The document <paramref name="body"/> writes, after the XML declaration.</summary>
    public static string Write(Action<XmlWriter> body)
    {
        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(new Utf8StringWriter(builder), Settings))
        {
            writer.WriteStartDocument();
            body(writer);
            writer.WriteEndDocument();
        }
        return builder.ToString();
    }

    /// <summary>An Atom date (RFC 3339, in UTC): 2027-01-31T18:30:00Z.</summary>
    public static string Rfc3339(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A sitemap's day (W3C date): 2027-01-31.</summary>
    public static string Day(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An Atom &lt;link&gt;; the type is left out when null.</summary>
    public static void AtomLink(XmlWriter writer, string href, string rel, string? type = null)
    {
        writer.WriteStartElement("link", AtomNamespace);
        writer.WriteAttributeString("href", href);
        writer.WriteAttributeString("rel", rel);
        if (type is not null)
        {
            writer.WriteAttributeString("type", type);
        }
        writer.WriteEndElement();
    }

    /// <summary>So that the declaration says UTF-8, which is what the response is, not the UTF-16 of a string.</summary>
    private sealed class Utf8StringWriter(StringBuilder builder) : StringWriter(builder, CultureInfo.InvariantCulture)
    {
        public override Encoding Encoding => Encoding.UTF8;
    }
}
