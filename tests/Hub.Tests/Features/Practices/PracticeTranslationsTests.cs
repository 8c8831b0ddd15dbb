using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Features.Practices;
using Microsolidarity.Hub.Platform.Files;
using Microsolidarity.Hub.Platform.Localization;
using Microsolidarity.Hub.Tests.Updates;

namespace Microsolidarity.Hub.Tests.Features.Practices;

/// <summary>
/// The library and the card deck in the hub's languages: every language has every practice and card, in the English
/// file's shape (so a crew's stored plan and the meeting room's steps mean the same thing in every language), and a
/// German reader reads German where the library's words are shown: the library, a practice, a crew's meeting room,
/// the printed deck.
/// </summary>
public sealed class PracticeTranslationsTests(SharedHub shared) : IClassFixture<SharedHub>
{
    private const string Password = "lanterns along the quay";

    public static TheoryData<string> Translated => [.. Languages.Shipped.Select(l => l.Code).Where(c => c != Languages.English)];

    [Theory]
    [MemberData(nameof(Translated))]
    public void EachLanguage_HasEveryPracticeAndCard_InTheEnglishShape(string language)
    {
        var english = new PracticeLibrary().English;
        var translations = PracticeLibrary.ReadTranslations().Where(t => t.Language == language).ToList();
        Assert.Equal(english.Select(p => p.Slug).Order(), translations.Select(t => t.Slug).Order());
        foreach (var (_, slug, text) in translations)
        {
            var parsed = PracticeText.Parse(slug, text);
            Assert.True(parsed.Practice is not null, $"{language}/{slug}.md: {string.Join(" ", parsed.Problems)}");
            var original = english.Single(p => p.Slug == slug);
            Assert.Empty(PracticeLibrary.ShapeDifferences(original, parsed.Practice!));
            // Translated, not copied: the title and what the host says at the first step are the language's own.
            Assert.NotEqual(original.Title, parsed.Practice!.Title);
            Assert.NotEqual(original.Steps[0].HostSays, parsed.Practice.Steps[0].HostSays);
        }

        var deck = new CardDeck();
        var cards = CardDeck.ReadTranslations().Where(t => t.Language == language).Select(t => new CardDeck(t.Yaml).English).Single();
        Assert.Empty(CardDeck.ShapeDifferences(deck.English, cards));
        Assert.All(cards.Where(c => c.Kind != CardKind.Blank), c => Assert.NotEqual(deck.English.Single(e => e.Id == c.Id).Text, c.Text));
    }

    [Fact]
    public void ATranslationOfAnotherShape_StopsTheStart_NamingItsFile()
    {
        var english = PracticeLibrary.ReadFiles().Single(f => f.Slug == "check-in");
        var german = PracticeLibrary.ReadTranslations().Single(t => t.Language == "de" && t.Slug == "check-in");
        // A step's minutes changed (and so the total): a stored plan's twelve minutes would no longer be this practice's.
        var changed = german.Text.Replace("minutes: 12", "minutes: 13").Replace("    minutes: 1\n    what: Ein Atemzug", "    minutes: 2\n    what: Ein Atemzug");
        var error = Assert.Throws<InvalidOperationException>(() => new PracticeLibrary([english], [("de", "check-in", changed)], pseudo: false));
        Assert.Contains("de/check-in.md", error.Message);
        Assert.Contains("minutes", error.Message);

        var deck = Assert.Throws<InvalidOperationException>(() => new CardDeck("- id: a\n  kind: starter\n  text: \"What?\"", [("de", "- id: b\n  kind: starter\n  text: \"Was?\"")], pseudo: false));
        Assert.Contains("cards.de.yaml", deck.Message);
    }

    [Fact]
    public async Task AGermanReader_ReadsTheLibraryAndTheMeetingRoomInGerman_AndPrintsTheDeckInGerman()
    {
        var hub = shared.Hub;
        var visitor = hub.NewClient();
        visitor.Http.DefaultRequestHeaders.Add("Cookie", $"{Languages.Cookie}=de");
        var (_, library) = await visitor.GetAsync("/practices");
        Assert.Contains(library.QuerySelectorAll("a"), a => a.TextContent.Trim() == "Check-in-Runde" && a.GetAttribute("href") == "/practices/check-in");
        var (_, checkIn) = await visitor.GetAsync("/practices/check-in");
        Assert.Equal("Check-in-Runde", checkIn.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Lasst uns gemeinsam durchatmen", checkIn.QuerySelector("main")!.TextContent);
        // The same page in Portuguese; an English reader still reads the English file.
        var portuguese = hub.NewClient();
        portuguese.Http.DefaultRequestHeaders.Add("Cookie", $"{Languages.Cookie}=pt-PT");
        Assert.Equal("Ronda de check-in", (await portuguese.GetAsync("/practices/check-in")).Page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Check-in round", (await hub.NewClient().GetAsync("/practices/check-in")).Page.QuerySelector("h1")!.TextContent.Trim());
        // The search finds the reader's words.
        var (_, found) = await visitor.GetAsync("/practices?q=Vorhaben");
        Assert.Contains(found.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/practices/commitments-round");

        // A crew's first meeting (its plan the default: check-in, case clinic, check-out), its room begun by the host.
        var ana = Unique.Email("ana");
        var ben = Unique.Email("ben");
        var cy = Unique.Email("cy");
        await hub.CreatePersonAsync(ana, Password, name: "Ana");
        await hub.CreatePersonAsync(ben, Password, name: "Ben");
        await hub.CreatePersonAsync(cy, Password, name: "Cy");
        var host = await hub.SignedInClientAsync(ana, Password);
        host.Http.DefaultRequestHeaders.Add("Cookie", $"{Languages.Cookie}=de");
        var (called, _) = await host.SubmitAsync("/crews/new", new Dictionary<string, string>
        {
            ["Input.Name"] = Unique.Name("Hafen-Crew"),
            ["Input.Invitees"] = $"{ben}\n{cy}",
            ["Input.Cadence"] = "Weekly",
            ["Input.Meetings"] = "6",
            ["Input.SlotDay"] = "Tuesday",
            ["Input.SlotTime"] = "19:00",
            ["Input.TimeZone"] = "Europe/Berlin",
        });
        Assert.True(called.StatusCode == HttpStatusCode.Redirect, host.LastHtml);
        var crew = called.Headers.Location!.OriginalString;
        foreach (var member in new[] { ben, cy })
        {
            await (await hub.SignedInClientAsync(member, Password)).SubmitAsync(crew, new Dictionary<string, string> { ["Accept"] = "true" }, "Respond");
        }
        var tuesday = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(2));
        while (tuesday.DayOfWeek != DayOfWeek.Tuesday)
        {
            tuesday = tuesday.AddDays(1);
        }
        var (started, _) = await host.SubmitAsync(crew, new Dictionary<string, string> { ["FirstDate"] = tuesday.ToString("yyyy-MM-dd") }, "Start");
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var room = $"{crew}/meetings/1/room";
        var (begun, _) = await host.PostFromAsync(room, $"{room}?handler=Move", new Dictionary<string, string> { ["Version"] = "0", ["To"] = "0" });
        Assert.Equal(HttpStatusCode.Redirect, begun.StatusCode);
        var (_, inRoom) = await host.GetAsync(room);
        Assert.Equal("Check-in-Runde", inRoom.QuerySelector("#room-title")!.TextContent);

        // The printed deck in German: a file of its own beside any other language's.
        var pdf = await visitor.Http.GetAsync("/practices/cards.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..4]));
        var printed = new List<string>();
        await foreach (var file in hub.Services.GetRequiredService<IFileStore>().ListAsync("practices/cards-de-", default))
        {
            printed.Add(file.Key);
        }
        Assert.Single(printed);
        var sheet = ExportCardsPdf.Compose(new CardDeck().English.Take(1), "", new ExportCardsPdf.SheetWords("de", "Praxiskarten", "Microsolidarity-Praxiskarten", k => k.ToString()));
        Assert.Contains("<html lang=\"de\"><head><meta charset=\"utf-8\"><title>Praxiskarten</title>", sheet);
    }
}
