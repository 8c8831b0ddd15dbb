using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Extensions.Localization;
using Microsolidarity.Hub.Data.Conversations;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Platform.Web;
using NodaTime;

namespace Microsolidarity.Hub.Features.Conversations;

/// <summary>
/// The parts of a thread's posts that are the same for every member reading it in one language and zone: who wrote
/// each post and when, its text, its earlier versions, its reaction buttons and who reacted. A thread of 200 posts
/// rendered through Razor on every request (two forms and a dozen strings and times a post) cost about 10 ms of CPU;
/// rendered once here and kept with the thread (<see cref="KeptThread"/>), a request only writes these strings and
/// adds what is the reader's own: the forms to change or delete their posts, and their reactions ("you", pressed),
/// for which <see cref="Reactions"/> and <see cref="Who"/> render that post again for them. The markup is the page's
/// (Show.cshtml); the reaction buttons belong to its one form <see cref="FormId"/>.
/// </summary>
public static class ConversationThreadHtml
{
    /// <summary>The page's one form for every reaction button: 400 forms, each with its anti-forgery token, before.</summary>
    public const string FormId = "reactions";

    /// <summary>One post's shared HTML: its opening and header, its text (or the deleted note), its earlier versions, its reaction buttons, who reacted.</summary>
    public sealed record Post(string Head, string Body, string Versions, string Reactions, string Who);

    /// <summary>The hub's words a post needs, looked up once for a page.</summary>
    public sealed record Words(string ThankYou, string PlusOne, string You, string Nobody, string WhoFormat)
    {
        public static Words Of(IStringLocalizer<Strings> strings) => new(strings["Conversations.Reaction.ThankYou"].Value, strings["Conversations.Reaction.PlusOne"].Value,
            strings["Conversations.You"].Value, strings["Conversations.Reaction.Nobody"].Value, strings["Conversations.Reaction.Who"].Value);

        public string Label(ConversationReactionKind kind) => kind == ConversationReactionKind.ThankYou ? ThankYou : PlusOne;
    }

    private static readonly ConversationReactionKind[] Kinds = [ConversationReactionKind.ThankYou, ConversationReactionKind.PlusOne];

    /// <summary>The key a rendering is kept under: the language of the words and dates, and the zone of the times.</summary>
    public static string KeyFor(DateTimeZone zone) => $"{CultureInfo.CurrentCulture.Name}|{CultureInfo.CurrentUICulture.Name}|{zone.Id}";

    /// <summary>Every post's shared HTML, in the current language and the given zone.</summary>
    public static IReadOnlyList<Post> Render(IReadOnlyList<KeptPost> posts, IStringLocalizer<Strings> strings, HtmlEncoder encoder, DateTimeZone zone)
    {
        var words = Words.Of(strings);
        var someoneWhoLeft = strings["Conversations.SomeoneWhoLeftLower"].Value;
        // Posts come minutes apart, and a thread's versions repeat the times of its posts: each distinct minute is formatted once.
        var times = new Dictionary<DateTime, string>();
        string Time(DateTime utc) => times.TryGetValue(utc, out var shown) ? shown : times[utc] = ViewerClock.FormatIn(utc, zone);
        var rendered = new Post[posts.Count];
        var html = new StringBuilder();
        for (var i = 0; i < posts.Count; i++)
        {
            var post = posts[i];
            html.Clear().Append("<li class=\"card conversation-post\" id=\"post-").Append(post.Id.ToString("N")).Append("\">\n<p class=\"post-meta\"><strong>")
                .Append(encoder.Encode(post.AuthorName ?? someoneWhoLeft)).Append("</strong> <span class=\"muted\">· ").Append(encoder.Encode(Time(post.CreatedAt)));
            if (post.EditedAt is { } edited && post.DeletedAt is null)
            {
                html.Append(" · ").Append(encoder.Encode(strings["Conversations.Show.Edited", Time(edited)].Value));
            }
            var head = html.Append("</span></p>\n").ToString();
            string body;
            var versions = "";
            if (post.DeletedAt is { } deletedAt)
            {
                body = $"<p class=\"muted post-deleted\"><em>{encoder.Encode(strings["Conversations.Show.DeletedOn", DateFormats.Format(TimeZones.ToLocal(deletedAt, zone).ToDateTimeUnspecified(), "d MMM yyyy")].Value)}</em></p>\n";
            }
            else
            {
                body = $"<div class=\"prose\">{ConversationModel.Html(post.Text)}</div>\n";
                if (post.Versions.Count > 0)
                {
                    html.Clear().Append("<details class=\"post-versions\"><summary>")
                        .Append(encoder.Encode(strings.Plural("Conversations.Show.EarlierVersions", post.Versions.Count).Value)).Append("</summary>\n");
                    foreach (var version in post.Versions)
                    {
                        html.Append("<div class=\"post-version\"><p class=\"muted small\">")
                            .Append(encoder.Encode(strings["Conversations.Show.WrittenChanged", Time(version.WrittenAt), Time(version.ReplacedAt)].Value))
                            .Append("</p><div class=\"prose\">").Append(ConversationModel.Html(version.Text)).Append("</div></div>\n");
                    }
                    versions = html.Append("</details>\n").ToString();
                }
            }
            rendered[i] = post.DeletedAt is null
                ? new Post(head, body, versions, Reactions(post, null, words, encoder), Who(post, null, words, encoder))
                : new Post(head, body, "", "", "");
        }
        return rendered;
    }

    /// <summary>
    /// The two reaction buttons of a post, for a reader (pressed where they reacted) or, with no reader, for anyone who
    /// has not. A screen reader hears the count apart from the word ("Thank you (2)", the brackets hidden from sight, so
    /// the name still holds what the button shows); the title names who.
    /// </summary>
    public static string Reactions(KeptPost post, string? reader, Words words, HtmlEncoder encoder)
    {
        var html = new StringBuilder();
        foreach (var kind in Kinds)
        {
            var count = 0;
            var pressed = false;
            var who = new StringBuilder();
            foreach (var reaction in post.Reactions)
            {
                if (reaction.Kind == kind)
                {
                    count++;
                    var mine = reaction.UserId == reader;
                    pressed |= mine;
                    who.Append(who.Length > 0 ? ", " : "").Append(mine ? words.You : reaction.Name);
                }
            }
            var label = encoder.Encode(words.Label(kind));
            html.Append("<button type=\"submit\" form=\"").Append(FormId).Append("\" name=\"reaction\" value=\"").Append(kind).Append(':').Append(post.Id.ToString("N"))
                .Append(pressed ? "\" class=\"reaction pressed\" aria-pressed=\"true\"" : "\" class=\"reaction\" aria-pressed=\"false\"")
                .Append(" title=\"").Append(encoder.Encode(count > 0 ? who.ToString() : words.Nobody)).Append("\">")
                .Append(label).Append(" <span class=\"count\"><span class=\"visually-hidden\">(</span>").Append(count.ToString(CultureInfo.InvariantCulture))
                .Append("<span class=\"visually-hidden\">)</span></span></button>\n");
        }
        return html.ToString();
    }

    /// <summary>"Thank you: Kai, you · +1: Ash" under a post, or nothing when nobody reacted.</summary>
    public static string Who(KeptPost post, string? reader, Words words, HtmlEncoder encoder)
    {
        if (post.Reactions.Count == 0)
        {
            return "";
        }
        var lines = new List<string>(2);
        foreach (var kind in Kinds)
        {
            var names = post.Reactions.Where(r => r.Kind == kind).Select(r => r.UserId == reader ? words.You : r.Name).ToList();
            if (names.Count > 0)
            {
                lines.Add(string.Format(CultureInfo.CurrentCulture, words.WhoFormat, words.Label(kind), string.Join(", ", names)));
            }
        }
        return $"<p class=\"muted small reaction-who\">{encoder.Encode(string.Join(" · ", lines))}</p>\n";
    }
}
