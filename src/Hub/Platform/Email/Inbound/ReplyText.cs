using System.Text;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Microsolidarity.Hub.Platform.Email.Inbound;

/// <summary>
/// What a person wrote in a reply, without the message they replied to and without their signature. Mail programs
/// quote in a few known shapes: lines starting with "&gt;", an attribution line ("On 3 Dec 2026, at 10:00, Ana
/// wrote:", which Gmail wraps over two lines) before the quoted message, Outlook's "-----Original Message-----" or
/// its "From: … Sent: … To: … Subject:" block with nothing marking the quoted lines at all. Everything from the first
/// such mark on is the earlier message; a "-- " line starts a signature, and "Sent from my phone" lines at the end
/// are the program's, not the person's.
/// </summary>
public static partial class ReplyText
{
    /// <summary>The person's own words of a plain-text reply; empty when there are none.</summary>
    public static string Strip(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var kept = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.TrimEnd() == "--" || StartsQuote(lines, i))
            {
                break;
            }
            if (line.TrimStart().StartsWith('>'))
            {
                continue; // an interleaved quote; the person's answers around it stay
            }
            kept.Add(line.TrimEnd());
        }
        while (kept.Count > 0 && (kept[^1].Length == 0 || SentFrom().IsMatch(kept[^1])))
        {
            kept.RemoveAt(kept.Count - 1);
        }
        return string.Join('\n', kept).Trim('\n', ' ', '\t');
    }

    /// <summary>The person's own words of an HTML reply: the quoting elements removed, then <see cref="Strip"/>.</summary>
    public static string FromHtml(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        // Gmail, Apple Mail and Thunderbird quote in <blockquote> (Gmail's attribution in div.gmail_attr inside
        // div.gmail_quote); Outlook puts the earlier message after div#appendonsend or div#divRplyFwdMsg.
        foreach (var element in document.QuerySelectorAll("blockquote, .gmail_quote, .gmail_signature, head, script, style").ToList())
        {
            element.Remove();
        }
        if (document.QuerySelector("#appendonsend, #divRplyFwdMsg, #mail-editor-reference-message-container") is { } outlook)
        {
            // Everything after the mark, in document order, is the earlier message.
            for (IElement? at = outlook; at is not null && at != document.Body; at = at.ParentElement)
            {
                while (at.NextSibling is { } next)
                {
                    next.RemoveFromParent();
                }
            }
            outlook.Remove();
        }
        var text = new StringBuilder();
        Write(document.Body ?? (INode)document.DocumentElement, text);
        return Strip(text.ToString());
    }

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "ul", "ol", "table", "section", "article", "hr",
    };

    private static void Write(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText t:
                    text.Append(WhiteSpace().Replace(t.Data, " "));
                    break;
                case IElement { LocalName: "br" }:
                    text.Append('\n');
                    break;
                case IElement e:
                    var block = Blocks.Contains(e.LocalName);
                    if (block && text.Length > 0 && text[^1] != '\n')
                    {
                        text.Append('\n');
                    }
                    Write(e, text);
                    if (block && text.Length > 0 && text[^1] != '\n')
                    {
                        text.Append('\n');
                    }
                    break;
            }
        }
    }

    /// <summary>Whether line <paramref name="i"/> starts the quoted earlier message.</summary>
    private static bool StartsQuote(string[] lines, int i)
    {
        var line = lines[i].Trim();
        if (OriginalMessage().IsMatch(line))
        {
            return true;
        }
        // An attribution, perhaps wrapped over up to three lines by the mail program.
        var joined = line;
        for (var j = i; j < Math.Min(lines.Length, i + 3); j++)
        {
            if (j > i)
            {
                joined += " " + lines[j].Trim();
            }
            // A real attribution names a date or an address; "On Monday, she wrote:" in a person's own words does not.
            if (Attribution().IsMatch(joined) && joined.Any(c => char.IsAsciiDigit(c) || c == '@'))
            {
                return true;
            }
        }
        // Outlook's header block: "From:" followed within a few lines by "Sent:"/"Date:" and "Subject:"/"To:".
        if (HeaderField().Match(line) is { Success: true } from && from.Groups[1].Value is "From" or "Von" or "De")
        {
            var next = lines.Skip(i + 1).Take(5).Select(l => HeaderField().Match(l.Trim())).Where(m => m.Success).Select(m => m.Groups[1].Value).ToList();
            return next.Any(f => f is "Sent" or "Date" or "Gesendet" or "Envoyé" or "Enviado") && next.Any(f => f is "To" or "Subject" or "An" or "Betreff" or "À" or "Objet" or "Para" or "Asunto");
        }
        return false;
    }

    /// <summary>"On … wrote:" in English and its equivalents in the languages the hub's members most often write.</summary>
    [GeneratedRegex(@"^(On\s.{1,250}\swrote|Am\s.{1,250}\sschrieb.{0,120}|Le\s.{1,250}\sa\s+écrit|El\s.{1,250}\sescribió|Op\s.{1,250}\sschreef.{0,120}|Il\s.{1,250}\sha\s+scritto|Em\s.{1,250}\sescreveu)\s*:$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^(-{2,}\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original)\s*-{2,}|_{20,})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OriginalMessage();

    [GeneratedRegex(@"^\*?([A-Za-zÀ-ÿ]+)\*?\s*:\s*\S")]
    private static partial Regex HeaderField();

    [GeneratedRegex(@"^(Sent from my \S.*|Sent from Mail for Windows.*|Sent from Outlook.*|Get Outlook for (iOS|Android).*|Envoyé de mon \S.*|Von meinem \S.* gesendet\.?)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SentFrom();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
