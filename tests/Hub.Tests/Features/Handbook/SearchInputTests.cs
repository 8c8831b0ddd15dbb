using System.Net;
using Microsolidarity.Hub.Features.Handbook;

namespace Microsolidarity.Hub.Tests.Features.Handbook;

public sealed class SearchInputTests
{
    [Theory]
    [InlineData("/search.json?q=%E2%80%AE%EF%BF%BE")]
    [InlineData("/search?q=a%01b%1F")]
    public async Task Search_ControlCharactersInTheQuery_AnswersWithoutFailing(string url)
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        var response = await hub.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    // A NUL byte in any query string is refused before a page sees it, as one in a form is (RequestLimits):
    // the answer is a plain 400 that says why, never a 500 from the search index.
    [Theory]
    [InlineData("/search?q=a%00b")]
    [InlineData("/search?q=%00")]
    [InlineData("/search.json?q=crew%00s")]
    public async Task Search_NulInTheQuery_IsRefusedAsUnreadable(string url)
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        var response = await hub.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public void Words_SplitOnControlCharactersAndSyntax()
    {
        Assert.Equal(["crew", "s", "café"], HandbookSearch.Words("crew\0s \"café\"\u0001"));
    }
}
