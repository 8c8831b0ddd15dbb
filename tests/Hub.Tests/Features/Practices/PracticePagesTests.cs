using System.Net;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Features.Practices;

/// <summary>The library's public pages, the site-wide search and the sitemap, on one hub.</summary>
public sealed class PracticePagesTests(SharedHubWithoutMail shared) : IClassFixture<SharedHubWithoutMail>
{
    private FormClient Visitor => shared.Hub.NewClient();

    [Fact]
    public async Task Library_ListsEveryPractice_AndFiltersByScaleAndTime()
    {
        var (response, page) = await Visitor.GetAsync("/practices");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var titles = page.QuerySelectorAll(".practice-list h2 a").Select(a => a.TextContent).ToList();
        Assert.True(titles.Count >= 15, $"{titles.Count} practices listed");
        Assert.Contains("Case clinic", titles);

        var (_, dyadShort) = await Visitor.GetAsync("/practices?scale=dyad&time=15");
        var shown = dyadShort.QuerySelectorAll(".practice-list h2 a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/practices/check-in", shown);
        Assert.DoesNotContain("/practices/peer-coaching-pair", shown); // 50 minutes
        Assert.DoesNotContain("/practices/one-two-four-all", shown); // not for a dyad
        Assert.Equal("dyad", dyadShort.QuerySelector("#scale option[selected]")!.GetAttribute("value"));
        Assert.Contains($"{shown.Count} of {titles.Count} practices", dyadShort.QuerySelector("[role=status]")!.TextContent);

        var (_, self) = await Visitor.GetAsync("/practices?scale=self&q=case+clinic");
        Assert.Empty(self.QuerySelectorAll(".practice-list li"));
        Assert.Contains("No practice fits all of that", self.QuerySelector(".empty")!.TextContent);
    }

    [Fact]
    public async Task Practice_ShowsPurposeRolesTimedStepsAndWhereItComesFrom()
    {
        var (response, page) = await Visitor.GetAsync("/practices/case-clinic");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Case clinic", page.QuerySelector("h1")!.TextContent);
        var facts = page.QuerySelector(".practice-facts")!.TextContent;
        Assert.Contains("55 min", facts);
        Assert.Contains("Crew", facts);
        var steps = page.QuerySelectorAll(".practice-steps > li");
        Assert.Equal(6, steps.Length);
        Assert.Contains("10 min", steps[1].QuerySelector(".step-time")!.TextContent);
        Assert.Contains("from 3 to 13", steps[1].QuerySelector(".step-time")!.TextContent);
        Assert.Contains("The host might say", steps[0].QuerySelector("figcaption")!.TextContent);
        Assert.Contains("Presencing Institute", page.QuerySelector(".practice-origin")!.TextContent);
        Assert.NotNull(page.QuerySelector("#online"));
        Assert.NotNull(page.QuerySelector("#in-person"));

        var (_, self) = await Visitor.GetAsync("/practices/inner-weather");
        Assert.Contains("You might write", self.QuerySelector(".practice-steps figcaption")!.TextContent);

        var (missing, _) = await Visitor.GetAsync("/practices/no-such-practice");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task SiteSearch_FindsPractices_AndSendsToTheLibrarysOwnSearch()
    {
        var (_, page) = await Visitor.GetAsync("/search?q=talking+piece");
        var section = page.QuerySelector("#found-practices")!.ParentElement!;
        Assert.Contains(section.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/practices/speaking-circle");

        var (_, library) = await Visitor.GetAsync("/practices?q=talking+piece");
        Assert.Contains(library.QuerySelectorAll(".practice-list h2 a"), a => a.GetAttribute("href") == "/practices/speaking-circle");
    }

    [Fact]
    public async Task Sitemap_ListsThePracticesAndTheDeck()
    {
        var xml = await Visitor.Http.GetStringAsync("/sitemap.xml");
        Assert.Contains("/practices</loc>", xml);
        Assert.Contains("/practices/case-clinic</loc>", xml);
        Assert.Contains("/practices/cards</loc>", xml);
    }

    [Fact]
    public async Task DrawACard_IsALink_ThatComesBackToThePageWithACard()
    {
        var client = Visitor;
        var (_, deck) = await client.GetAsync("/practices/cards");
        Assert.True(deck.QuerySelectorAll(".deck li").Length >= 44);
        var draw = deck.QuerySelector("#drawn-card a[rel=nofollow]")!;
        Assert.Equal("Draw a card", draw.TextContent);

        var drawn = await client.Http.GetAsync(draw.GetAttribute("href"));
        Assert.Equal(HttpStatusCode.Redirect, drawn.StatusCode);
        var back = drawn.Headers.Location!.OriginalString;
        Assert.StartsWith("/practices/cards?card=", back);
        Assert.EndsWith("#drawn-card", back);

        var (_, withCard) = await client.GetAsync(back.Split('#')[0]);
        var shown = withCard.QuerySelector("#drawn-card .card-text")!.TextContent;
        Assert.False(string.IsNullOrWhiteSpace(shown));
        var again = withCard.QuerySelector("#drawn-card a[rel=nofollow]")!;
        Assert.Equal("Draw another", again.TextContent);
        Assert.Contains("current=", again.GetAttribute("href"));

        // Elsewhere only back to this hub's own pages.
        var outside = await client.Http.GetAsync("/practices/cards/draw?back=%2F%2Fevil.example%2F");
        Assert.StartsWith("/practices/cards?card=", outside.Headers.Location!.OriginalString);
        var keeps = await client.Http.GetAsync("/practices/cards/draw?back=%2Fcrews%3Fview%3Dall");
        Assert.StartsWith("/crews?view=all&card=", keeps.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task CardsPdf_IsPrintedByChromium()
    {
        var response = await Visitor.Http.GetAsync("/practices/cards.pdf");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
    }
}
