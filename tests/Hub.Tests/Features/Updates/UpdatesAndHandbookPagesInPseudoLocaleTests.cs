using System.IO.Compression;
using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Features.Handbook;
using Microsolidarity.Hub.Testing;
using Microsolidarity.Hub.Tests.Features.Congregations;
using Microsolidarity.Hub.Tests.Features.Handbook;
using Microsolidarity.Hub.Tests.Platform.Localization;

namespace Microsolidarity.Hub.Tests.Features.Updates;

/// <summary>
/// The newsletter, podcast and chat webhook pages, and the handbook's reader, search, PDF and import pages, read in the
/// pseudo-locale by a visitor, a member, a host and an administrator: every word the hub itself writes there goes
/// through localisation. What the test made (names, subjects, show notes) and the handbook's own content (its pages,
/// and the import's stored report, English by design) are taken away before looking. Beside them, the words inside
/// the generated files: the updates feed and the EPUB in the request's language, the podcast's RSS in the language it
/// declares.
/// </summary>
public sealed class UpdatesAndHandbookPagesInPseudoLocaleTests(SharedHubWithPseudoLocale shared) : IClassFixture<SharedHubWithPseudoLocale>
{
    private readonly HubFactory hub = shared.Hub;

    private Task<SharedHubWithPseudoLocale.Reader> PersonAsync(string who, bool admin = false) => shared.PersonAsync(who, admin);

    private FormClient Visitor(string language = Hub.Platform.Localization.Languages.Pseudo)
    {
        // By the browser's language rather than the switcher's cookie, which would ride beside the anti-forgery cookie of
        // the forms a visitor sends.
        var visitor = hub.NewClient();
        visitor.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        return visitor;
    }

    [Fact]
    public async Task NewsletterPodcastAndWebhookPages_ForVisitorMemberHostAndAdmin_ShowNoWordThatSkippedLocalisation()
    {
        var admin = await PersonAsync("keeper", admin: true);
        var host = await PersonAsync("host");
        var member = await PersonAsync("mira");
        var congregation = Unique.Name("Estuary Circle");
        await CongregationTestKit.CreateAsync(host.Client, congregation, "InvitationOnly");
        var visitor = Visitor();
        var reader = Unique.Email("reader");
        var (_, podcastPage) = await visitor.GetAsync("/podcast");
        var feedAddress = podcastPage.QuerySelector(".feed-url")!.TextContent.Trim(); // an address, not words
        string[] data = [admin.Name, host.Name, member.Name, admin.Email, host.Email, member.Email, congregation, reader, feedAddress];

        await PseudoLocalePages.AssertNoLeaksAsync(visitor, "/newsletter", "the newsletter page for a visitor", data);
        await PseudoLocalePages.AssertNoLeaksAsync(visitor, "/podcast", "the podcast page without an episode", data);
        await PseudoLocalePages.AssertNoLeaksAsync(visitor, "/newsletter/confirm?token=nothing", "a confirmation link that is not valid", data);
        await PseudoLocalePages.AssertNoLeaksAsync(visitor, "/newsletter/unsubscribe?token=nothing", "a leaving link that is not valid", data);

        // Refused first (its messages marked too), then subscribed, confirmed and asked about leaving.
        var (refused, refusedPage) = await visitor.SubmitAsync("/newsletter", new Dictionary<string, string> { ["Email"] = "not an address", ["Name"] = "" });
        Assert.True(refused.StatusCode == HttpStatusCode.OK, $"the refused subscription answered {refused.StatusCode}");
        Assert.StartsWith("⟦", refusedPage.QuerySelector("#email-error")!.TextContent.Trim());
        AssertNone(PseudoLocalePages.LeaksIn(refusedPage, [.. data, "not an address"]), "the newsletter form, refused");
        var (subscribed, _) = await visitor.SubmitAsync("/newsletter", new Dictionary<string, string> { ["Email"] = reader, ["Name"] = "" });
        Assert.True(subscribed.StatusCode == HttpStatusCode.Redirect, $"the subscription answered {subscribed.StatusCode}");
        await PseudoLocalePages.AssertNoLeaksAsync(visitor, subscribed.Headers.Location!.OriginalString, "the newsletter page saying a link was sent", data);
        var token = await FromDbAsync(db => db.NewsletterSubscribers.Where(s => s.Email == reader).Select(s => s.Token).SingleAsync());
        await PseudoLocalePages.AssertNoLeaksAsync(visitor, $"/newsletter/confirm?token={token}", "the question before confirming", data);
        var (confirmed, confirmedPage) = await visitor.SubmitAsync($"/newsletter/confirm?token={token}", new Dictionary<string, string>());
        Assert.True(confirmed.StatusCode == HttpStatusCode.OK, $"the confirmation answered {confirmed.StatusCode}");
        AssertNone(PseudoLocalePages.LeaksIn(confirmedPage, data), "the confirmation done");
        await PseudoLocalePages.AssertNoLeaksAsync(visitor, $"/newsletter/unsubscribe?token={token}", "the question before leaving", data);

        // A host writes to their congregation: refused without a subject, previewed, sent.
        await PseudoLocalePages.AssertNoLeaksAsync(host.Client, "/newsletter", "the newsletter page for a host", data);
        await PseudoLocalePages.AssertNoLeaksAsync(host.Client, "/newsletter/write", "the form to write an issue, nothing sent yet", data);
        var (_, form) = await host.Client.GetAsync("/newsletter/write");
        var congregationId = form.QuerySelector("#congregation option[value]:not([value=''])")!.GetAttribute("value")!;
        var subject = Unique.Name("Autumn gathering");
        var text = "We meet in the old library in October.";
        data = [.. data, subject, text];
        Dictionary<string, string> Issue(string subject) => new() { ["Subject"] = subject, ["Markdown"] = text, ["Segment"] = "Congregation", ["CongregationId"] = congregationId };
        var (noSubject, noSubjectPage) = await PostFromAsync(host.Client, "/newsletter/write", "Preview", Issue(""));
        Assert.Equal(HttpStatusCode.OK, noSubject.StatusCode);
        Assert.StartsWith("⟦", noSubjectPage.QuerySelector("#subject-error")!.TextContent.Trim());
        AssertNone(PseudoLocalePages.LeaksIn(noSubjectPage, data), "an issue refused without a subject");
        var (previewed, previewPage) = await PostFromAsync(host.Client, "/newsletter/write", "Preview", Issue(subject));
        Assert.Equal(HttpStatusCode.OK, previewed.StatusCode);
        Assert.NotNull(previewPage.QuerySelector(".preview"));
        AssertNone(PseudoLocalePages.LeaksIn(previewPage, data), "an issue's preview with its recipients");
        var (sent, sentPage) = await PostFromAsync(host.Client, "/newsletter/write", "Send", Issue(subject));
        Assert.True(sent.StatusCode == HttpStatusCode.Redirect, sentPage.QuerySelector("main")?.TextContent);
        await PseudoLocalePages.AssertNoLeaksAsync(host.Client, "/newsletter/write", "the sent issues' table", data);
        var issue = await FromDbAsync(db => db.NewsletterIssues.Where(i => i.Subject == subject).Select(i => i.Id).SingleAsync());
        await PseudoLocalePages.AssertNoLeaksAsync(visitor, $"/newsletter/{issue}", "an issue on the web", data);
        await PseudoLocalePages.AssertNoLeaksAsync(member.Client, "/newsletter", "the newsletter page for a member, with an issue", data);

        // An administrator publishes an episode (the audio kept elsewhere), after a refused try.
        await PseudoLocalePages.AssertNoLeaksAsync(admin.Client, "/podcast/new", "the form to publish an episode", data);
        var title = Unique.Name("Crews that split");
        var notes = "Two hosts talk about endings.";
        data = [.. data, title, notes];
        var (noAudio, noAudioPage) = await admin.Client.SubmitAsync("/podcast/new", new Dictionary<string, string> { ["Title"] = title, ["Duration"] = "12:30" });
        Assert.Equal(HttpStatusCode.OK, noAudio.StatusCode);
        Assert.StartsWith("⟦", noAudioPage.QuerySelector("#audio-error")!.TextContent.Trim());
        AssertNone(PseudoLocalePages.LeaksIn(noAudioPage, data), "an episode refused without audio");
        var (published, publishedPage) = await admin.Client.SubmitAsync("/podcast/new", new Dictionary<string, string>
        {
            ["Title"] = title,
            ["Duration"] = "12:30",
            ["AudioUrl"] = "https://cdn.example/crews.mp3",
            ["AudioLength"] = "123456",
            ["ShowNotes"] = notes,
            ["VideoUrl"] = "https://video.example/crews",
        });
        Assert.True(published.StatusCode == HttpStatusCode.Redirect, publishedPage.QuerySelector("main")?.TextContent);
        await PseudoLocalePages.AssertNoLeaksAsync(admin.Client, published.Headers.Location!.OriginalString, "an episode just published", data);
        await PseudoLocalePages.AssertNoLeaksAsync(visitor, "/podcast", "the podcast page with an episode", data);
        await PseudoLocalePages.AssertNoLeaksAsync(admin.Client, "/podcast", "the podcast page for an administrator", data);

        // The chat webhooks: read by a host, kept by an administrator, a target refused without a name. The chat tools'
        // names are names.
        data = [.. data, "Discord", "Slack", "Matrix"];
        await PseudoLocalePages.AssertNoLeaksAsync(host.Client, "/admin/webhooks", "the chat webhooks for a host", data);
        await PseudoLocalePages.AssertNoLeaksAsync(admin.Client, "/admin/webhooks", "the chat webhooks for an administrator", data);
        var (noName, noNamePage) = await admin.Client.SubmitAsync("/admin/webhooks", new Dictionary<string, string>
        {
            ["Name"] = "",
            ["Format"] = "Discord",
            ["Address"] = "https://chat.example/hook",
            ["Kinds"] = "event",
        }, handler: "Add");
        Assert.Equal(HttpStatusCode.OK, noName.StatusCode);
        Assert.StartsWith("⟦", noNamePage.QuerySelector("#name-error")!.TextContent.Trim());
        AssertNone(PseudoLocalePages.LeaksIn(noNamePage, data), "a chat target refused without a name");

        // The feeds' own words: the updates feed in the reader's language, the podcast in the language its feed declares.
        var german = Visitor("de");
        var feed = await german.Http.GetStringAsync("/feed.xml");
        Assert.Contains(": Neuigkeiten</title>", feed);
        Assert.Contains("<subtitle>Newsletter-Ausgaben und Podcast-Folgen.</subtitle>", feed);
        var podcast = await german.Http.GetStringAsync("/podcast.xml");
        Assert.Contains("<language>en</language>", podcast);
        Assert.Contains(" podcast</title>", podcast);
        Assert.Contains("<description>Conversations about belonging and meaningful work", podcast);
    }

    [Fact]
    public async Task HandbookPages_BeforeAndAfterAnImport_ShowNoWordThatSkippedLocalisation()
    {
        var admin = await PersonAsync("keeper", admin: true);
        var member = await PersonAsync("ines");
        var visitor = Visitor();
        string[] people = [admin.Name, member.Name, admin.Email, member.Email];

        await PseudoLocalePages.AssertNoLeaksAsync(visitor, "/handbook", "the handbook page before there is one, for a visitor", people);
        await PseudoLocalePages.AssertNoLeaksAsync(admin.Client, "/handbook", "the handbook page before there is one, for an administrator", people);
        // The practice's handbook's address is a name, not a word of the hub's.
        string[] admins = [.. people, AdminModel.PracticeHandbookUrl];
        await PseudoLocalePages.AssertNoLeaksAsync(admin.Client, "/admin/handbook", "the import page before any import", admins);

        var (empty, emptyPage) = await admin.Client.SubmitAsync("/admin/handbook", new Dictionary<string, string> { ["Input.Source"] = "" });
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.StartsWith("⟦", emptyPage.QuerySelector("#source-error")!.TextContent.Trim());
        AssertNone(PseudoLocalePages.LeaksIn(emptyPage, admins), "the import form, refused without a source");
        var (folder, folderPage) = await admin.Client.SubmitAsync("/admin/handbook", new Dictionary<string, string> { ["Input.Source"] = "/srv/nowhere" });
        Assert.Equal(HttpStatusCode.OK, folder.StatusCode);
        Assert.StartsWith("⟦", folderPage.QuerySelector("#source-error")!.TextContent.Trim());
        AssertNone(PseudoLocalePages.LeaksIn(folderPage, [.. admins, "/srv/nowhere"]), "the import form, refused a folder it may not read");

        var sample = SampleHandbook.Write();
        try
        {
            using (var scope = hub.Services.CreateScope())
            {
                Assert.True((await scope.ServiceProvider.GetRequiredService<ImportHandbook>().RunAsync(sample)).Succeeded);
            }
            string[] data = [.. admins, .. await HandbookContentAsync(), sample];

            await PseudoLocalePages.AssertNoLeaksAsync(visitor, "/handbook", "the handbook's first page", data);
            await PseudoLocalePages.AssertNoLeaksAsync(visitor, "/handbook/practices/crews", "a handbook page with its outline", data);
            await PseudoLocalePages.AssertNoLeaksAsync(member.Client, "/handbook/practices/retrospectives", "a handbook page for a member", data);
            await PseudoLocalePages.AssertNoLeaksAsync(visitor, "/search", "the search page before a search", data);
            // The hits are content: the handbook's snippets, and what the other features' sources (the practice library,
            // the directory of congregations) say of their own hits.
            var (_, found) = await visitor.GetAsync("/search?q=crew");
            Assert.NotEmpty(found.QuerySelectorAll(".search-results li"));
            string[] hits = [.. found.QuerySelectorAll(".site-results li, .search-results li p").SelectMany(e => e.Descendants<IText>()).Select(t => t.Data.Trim()).Where(t => t.Length > 0)];
            await PseudoLocalePages.AssertNoLeaksAsync(visitor, "/search?q=crew", "the search page with handbook hits", [.. data, .. hits, "crew"]);
            await PseudoLocalePages.AssertNoLeaksAsync(member.Client, "/search?q=zzqx", "the search page with nothing found", [.. data, "zzqx"]);
            await PseudoLocalePages.AssertNoLeaksAsync(admin.Client, "/admin/handbook", "the import page with its last import and history", data);

            // The PDF is printed on demand: the page that says so (or, when printing was quick, the PDF itself).
            var (pdf, pdfPage) = await visitor.GetAsync("/handbook.pdf");
            if (pdf.Content.Headers.ContentType?.MediaType == "text/html")
            {
                AssertNone(PseudoLocalePages.LeaksIn(pdfPage, data), "the page saying the PDF is being printed");
            }

            // The book's own words follow the request's language; the pages stay as written.
            // The handbook's words say they are English (Handbook:Language) wherever the frame is another language.
            var german = Visitor("de");
            using (var epub = new ZipArchive(await german.Http.GetStreamAsync("/handbook.epub")))
            {
                using var nav = new StreamReader(epub.GetEntry("EPUB/nav.xhtml")!.Open());
                var contents = await nav.ReadToEndAsync();
                Assert.Contains("<h1>Inhalt</h1>", contents);
                Assert.Contains("<ol lang=\"en\" xml:lang=\"en\">", contents);
            }
            var book = await german.Http.GetStringAsync("/handbook.html");
            Assert.Contains("zum Handbuch</a>", book); // "Zurück", its ü encoded
            Assert.StartsWith("<!DOCTYPE html><html lang=\"de\">", book);
            Assert.Contains("aria-labelledby=\"p1-title\" lang=\"en\">", book);
            Assert.Contains(": Änderungen</title>", await german.Http.GetStringAsync("/handbook/changes.xml"));

            // A reader in German: the page is German, the handbook's title, text and titles in the navigation and the
            // pager are marked English, and the hub's own words around them are not (the pseudo-locale's check, which
            // takes away everything marked with a lang, still sees every word of the hub's).
            var (_, inGerman) = await german.GetAsync("/handbook/practices/crews");
            Assert.Equal("de", inGerman.DocumentElement.GetAttribute("lang"));
            Assert.Equal("en", inGerman.QuerySelector("#page-title")!.GetAttribute("lang"));
            Assert.Equal("en", inGerman.QuerySelector(".prose")!.GetAttribute("lang"));
            Assert.NotEmpty(inGerman.QuerySelectorAll(".handbook-nav a[lang=en], .handbook-nav summary[lang=en]"));
            Assert.NotEmpty(inGerman.QuerySelectorAll(".pager span[lang=en]"));
            foreach (var hubWords in inGerman.QuerySelectorAll(".pager-label, .outline-title, .page-footer, .handbook-side > summary, label[for=handbook-q]"))
            {
                Assert.Equal("html", hubWords.Closest("[lang]")!.LocalName);
            }
            var (_, inPseudo) = await visitor.GetAsync("/handbook/practices/crews");
            Assert.Equal("en", inPseudo.QuerySelector("#page-title")!.GetAttribute("lang"));
        }
        finally
        {
            Directory.Delete(sample, recursive: true);
        }
    }

    /// <summary>
    /// The handbook's own words: its pages' text, titles, descriptions and the attributes rendered into them at import, the
    /// navigation's titles, and the last import's report and list of changes (stored in English, shown as written).
    /// </summary>
    private async Task<string[]> HandbookContentAsync() => await FromDbAsync(async db =>
    {
        var parser = new HtmlParser();
        var pages = await db.HandbookPages.AsNoTracking().Select(p => new { p.Title, p.Description, p.Html, p.Author }).ToListAsync();
        var info = await db.Handbooks.AsNoTracking().SingleAsync();
        var import = await db.HandbookImports.AsNoTracking().OrderByDescending(i => i.Id).FirstAsync();
        var words = new List<string> { info.Title, info.Author, info.LicenceName, info.Source };
        foreach (var page in pages)
        {
            words.AddRange([page.Title, page.Description ?? "", page.Author ?? ""]);
            var body = parser.ParseDocument($"<body>{page.Html}</body>").Body!;
            words.AddRange(body.Descendants<IText>().Select(t => t.Data));
            words.AddRange(body.Descendants<IElement>().SelectMany(e => new[] { e.GetAttribute("aria-label"), e.GetAttribute("title"), e.GetAttribute("alt") }).OfType<string>());
        }
        words.AddRange(System.Text.RegularExpressions.Regex.Matches(info.NavigationJson, "\"Title\":\"((?:[^\"\\\\]|\\\\.)*)\"").Select(m => System.Text.Json.JsonSerializer.Deserialize<string>($"\"{m.Groups[1].Value}\"")!));
        words.AddRange(import.Problems.Split('\n'));
        words.AddRange(import.Changes.Split('\n'));
        return words.Select(w => w.Trim()).Where(w => w.Length > 0).Distinct().ToArray();
    });

    /// <summary>Posts to a handler a button names by a relative formaction ("?handler=Preview"), with the page's anti-forgery token.</summary>
    private static async Task<(HttpResponseMessage Response, AngleSharp.Html.Dom.IHtmlDocument Page)> PostFromAsync(
        FormClient client, string path, string handler, Dictionary<string, string> fields)
    {
        var (_, page) = await client.GetAsync(path);
        var token = page.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync($"{path}?handler={handler}", new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token });
    }

    private async Task<T> FromDbAsync<T>(Func<HubDbContext, Task<T>> query)
    {
        using var scope = hub.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    private static void AssertNone(IReadOnlyList<string> leaks, string what) =>
        Assert.True(leaks.Count == 0, $"{what} shows words that skipped localisation: {string.Join(" | ", leaks)}");
}
