using System.Net;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Features.Demo;
using Microsolidarity.Hub.Platform;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Features.Congregations;

public sealed class DirectorySearchTests
{
    [Theory]
    [InlineData("Kraków", "krakow")]
    [InlineData("LISBÓA", "lisboa")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Straße", "strasse")]
    [InlineData("Ærøskøbing", "aeroskobing")]
    public void Fold_AccentsAndCase_SpelledAsTypedWithoutThem(string text, string folded) =>
        Assert.Equal(folded, TextFolding.Fold(text));

    [Theory]
    [InlineData("riverside", "riverside", 0)]
    [InlineData("riversde", "riverside", 1)] // a missing letter
    [InlineData("rievrside", "riverside", 1)] // two letters swapped
    [InlineData("lisboa", "lisbon", 1)]
    [InlineData("berlni", "berlin", 1)]
    [InlineData("zzzz", "berlin", 2)] // past the limit of 1: limit + 1
    public void Distance_Slips_CountedOnceEach(string a, string b, int expected)
    {
        var limit = DirectorySearch.SlipsAllowed(a.Length);
        Assert.Equal(expected, DirectorySearch.Distance(a, b, limit));
    }

    [Theory]
    [InlineData("lisbóa", true)]
    [InlineData("LISBOA", true)]
    [InlineData("Riversde", true)] // one slip in a word of eight letters
    [InlineData("riversdie gathering", true)]
    [InlineData("portugues", true)] // a language, without its accent
    [InlineData("full moons", true)] // words of the purpose
    [InlineData("rivre", true)] // still typing, with a slip
    [InlineData("rvr", false)] // three letters must appear as typed
    [InlineData("lisbon berlin", false)] // every word must be found
    [InlineData("xqzvyk", false)]
    public void Cost_Query_MatchesNamePurposePlaceAndLanguagesForgivingSlips(string query, bool found)
    {
        var entry = DirectorySearch.Entry.For("Riverside Gathering", "Freelancers who gather at the full moons.", "Lisboa", "English, Português");
        Assert.Equal(found, DirectorySearch.Cost(DirectorySearch.QueryWords(query), entry) is not null);
    }

    [Fact]
    public void Cost_ExactBeforeSlips_NameBeforeElsewhere()
    {
        var words = DirectorySearch.QueryWords("berlin");
        var inName = DirectorySearch.Cost(words, DirectorySearch.Entry.For("Berlin Makers", "", "", ""));
        var inPlace = DirectorySearch.Cost(words, DirectorySearch.Entry.For("Makers", "", "Berlin", ""));
        var slipped = DirectorySearch.Cost(words, DirectorySearch.Entry.For("Makers", "", "Berlim", ""));
        Assert.True(inName < inPlace && inPlace < slipped, $"{inName} {inPlace} {slipped}");
    }

    [Fact]
    public async Task Directory_OneSearchBox_FindsByNamePlaceLanguageAndPurposeDespiteAccentsAndSlips()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        await hub.CreatePersonAsync("ada@test.example", "tea by the river", name: "Ada Host");
        var host = await hub.SignedInClientAsync("ada@test.example", "tea by the river");
        await CreateAsync(host, "Riverside Circle", "Request", place: "Lisboa");
        await host.SubmitAsync("/congregations/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "Kiez Makers",
            ["Input.Purpose"] = "Makers around a cooperative bakery who gather each spring.",
            ["Input.Place"] = "Berlin",
            ["Input.Languages"] = "Deutsch",
            ["Input.Policy"] = "Open",
        });
        var visitor = hub.NewClient();
        async Task<string[]> Search(string q)
        {
            var (response, page) = await visitor.GetAsync($"/congregations?q={Uri.EscapeDataString(q)}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(q, page.QuerySelector("#q")!.GetAttribute("value"));
            return [.. page.QuerySelectorAll(".card-list h2").Select(h => h.TextContent.Trim())];
        }

        Assert.Equal(["Riverside Circle"], await Search("lisbóa"));
        Assert.Equal(["Riverside Circle"], await Search("Riversde"));
        Assert.Equal(["Kiez Makers"], await Search("deutsch"));
        Assert.Equal(["Riverside Circle"], await Search("portugues"));
        Assert.Equal(["Kiez Makers"], await Search("bakry"));
        Assert.Equal(["Riverside Circle", "Kiez Makers"], await Search("gathers")); // as typed before one slip away
        Assert.Empty(await Search("xqzvyk"));
        var (_, none) = await visitor.GetAsync("/congregations?q=xqzvyk");
        Assert.Contains("No congregation matches “xqzvyk”", none.QuerySelector(".empty")!.TextContent);
        var (_, filtered) = await visitor.GetAsync("/congregations?q=gathers&show=open");
        Assert.Equal(["Kiez Makers"], filtered.QuerySelectorAll(".card-list h2").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task Directory_Search_SeesACongregationCreatedAfterTheIndexWasRead()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        await hub.CreatePersonAsync("ada@test.example", "tea by the river", name: "Ada Host");
        var host = await hub.SignedInClientAsync("ada@test.example", "tea by the river");
        await CreateAsync(host, "Riverside Circle", place: "Lisboa");
        var visitor = hub.NewClient();
        var (_, before) = await visitor.GetAsync("/congregations?q=tartu");
        Assert.Empty(before.QuerySelectorAll(".card-list h2"));
        await CreateAsync(host, "Emajõgi Circle", place: "Tartu");
        var (_, after) = await visitor.GetAsync("/congregations?q=tartu");
        Assert.Equal(["Emajõgi Circle"], after.QuerySelectorAll(".card-list h2").Select(h => h.TextContent.Trim()));
    }

    [Fact]
    public async Task Directory_Pages_EachShowTheNextCongregationsAndSayWhereTheReaderIs()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        await SeedSyntheticNetwork.RunAsync(hub.Services, 60, 30, TimeProvider.System);
        var visitor = hub.NewClient();
        async Task<(string[] Names, string Where)> Page(string query)
        {
            var (response, page) = await visitor.GetAsync($"/congregations{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return ([.. page.QuerySelectorAll(".card-list h2").Select(h => h.TextContent.Trim())],
                page.QuerySelector(".pager span")?.TextContent.Trim() ?? "");
        }

        var first = await Page("");
        var second = await Page("?page=2");
        Assert.Equal(DirectoryModel.PageSize, first.Names.Length);
        Assert.Equal(30 - DirectoryModel.PageSize, second.Names.Length);
        Assert.Empty(first.Names.Intersect(second.Names));
        Assert.StartsWith("Page 1 of 2", first.Where);
        Assert.StartsWith("Page 2 of 2", second.Where);
        Assert.Equal(second.Names, (await Page("?page=9")).Names); // past the end: the last page
    }

    [Theory]
    [InlineData("a\uFFFEb", "ab")]
    [InlineData("\uD800 Río", " rio")]
    [InlineData("\uFDD0Kraków\uFFFF", "krakow")]
    public void Fold_CodePointsThatAreNotCharacters_AreDroppedNotThrown(string text, string folded) =>
        Assert.Equal(folded, TextFolding.Fold(text));
}
