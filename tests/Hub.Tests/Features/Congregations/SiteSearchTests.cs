using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Features.Congregations;

/// <summary>The site-wide /search finds congregations the way the directory's own box does, in the reader's language.</summary>
public sealed class SiteSearchTests(SharedHubWithoutMail shared) : IClassFixture<SharedHubWithoutMail>
{
    [Fact]
    public async Task Search_ASlipAndNoAccents_FindsTheCongregationBesideTheHandbook()
    {
        var hub = shared.Hub;
        var email = Unique.Email("ada");
        await hub.CreatePersonAsync(email, "tea by the river", name: "Ada Host");
        var host = await hub.SignedInClientAsync(email, "tea by the river");
        var word = "Quillwort" + Guid.NewGuid().ToString("N")[..6];
        var slug = SlugOf(await CreateAsync(host, $"{word} Circle", place: "Kraków"));

        // One letter missing in the name, and the city typed without its accent.
        var query = $"{word.Remove(2, 1)} krakow";
        var (_, page) = await hub.NewClient().GetAsync($"/search?q={Uri.EscapeDataString(query)}");
        var section = page.QuerySelector("#found-congregations")!.ParentElement!;
        var hit = Assert.Single(section.QuerySelectorAll(".site-results li"));
        Assert.Equal($"/congregations/{slug}", hit.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Kraków", hit.QuerySelector("p")!.TextContent);
        Assert.Contains("1 member", hit.QuerySelector("p")!.TextContent);
        // The handbook's section says it found nothing, rather than vanishing.
        Assert.Contains("No handbook page uses these words", page.QuerySelector("#found-handbook")!.ParentElement!.TextContent);

        // In German: the same section (its anchor is the source's own name), its heading and its line in the reader's words.
        var german = hub.NewClient();
        german.Http.DefaultRequestHeaders.AcceptLanguage.ParseAdd("de");
        var (_, gefunden) = await german.GetAsync($"/search?q={Uri.EscapeDataString(query)}");
        var abschnitt = gefunden.QuerySelector("#found-congregations")!.ParentElement!;
        Assert.StartsWith("Gemeinschaften", abschnitt.QuerySelector("h2")!.TextContent.Trim());
        Assert.Contains("1 Mitglied", abschnitt.QuerySelector(".site-results li p")!.TextContent);

        var (_, none) = await hub.NewClient().GetAsync("/search?q=zzyzx+qqq");
        Assert.Contains("the directory of congregations", none.QuerySelector(".empty")!.TextContent);
        Assert.Null(none.QuerySelector("#found-congregations"));
    }
}
