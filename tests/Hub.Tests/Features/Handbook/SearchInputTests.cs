using System.Net;
using Microsolidarity.Hub.Features.Handbook;

namespace Microsolidarity.Hub.Tests.Features.Handbook;

public sealed class SearchInputTests
{
    [Theory]
    [InlineData("/search?q=a%00b")]
    [InlineData("/search?q=%00")]
    [InlineData("/search.json?q=crew%00s")]
    [InlineData("/search.json?q=%E2%80%AE%EF%BF%BE")]
    public async Task Search_ControlCharactersInTheQuery_AnswersWithoutFailing(string url)
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        var response = await hub.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public void Words_SplitOnControlCharactersAndSyntax()
    {
        Assert.Equal(["crew", "s", "café"], HandbookSearch.Words("crew\0s \"café\"\u0001"));
    }
}
