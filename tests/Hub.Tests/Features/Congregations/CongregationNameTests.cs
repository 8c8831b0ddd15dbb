using System.Net;

namespace Microsolidarity.Hub.Tests.Features.Congregations;

public sealed class CongregationNameTests
{
    [Fact]
    public async Task NewCongregation_NameOfOverridesNoncharactersAndEmoji_IsRefusedBesideTheName()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        await hub.CreatePersonAsync("host@test.example", "keeper of keys");
        var host = await hub.SignedInClientAsync("host@test.example", "keeper of keys");
        var (response, page) = await host.SubmitAsync("/congregations/new", new Dictionary<string, string>
        {
            ["Input.Name"] = "\u202E\uFFFE😀🌱",
            ["Input.Purpose"] = "To gather.",
            ["Input.Place"] = "Lisbon",
            ["Input.Policy"] = "Open",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("at least one letter or digit", page.QuerySelector("#name-error")!.TextContent);
    }

    [Fact]
    public void Slugify_AnyText_KeepsLettersAndDigitsWithoutThrowing()
    {
        foreach (var (name, slug) in new[]
        {
            ("Garden \u202E🌱 Circle\uFFFE", "garden-circle"),
            ("Lüneburg Commons!", "luneburg-commons"),
            ("\uD800 Río \uDFFF", "rio"),
        })
        {
            Assert.Equal(slug, Microsolidarity.Hub.Platform.Slugs.From(name));
        }
    }
}
