using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Features.Congregations;
using Microsolidarity.Hub.Features.Updates.Podcast;
using Microsolidarity.Hub.Platform;

namespace Microsolidarity.Hub.Tests.Platform;

/// <summary>Every kind of thing with a web address made from its name gets it from <see cref="Slugs"/>: one name, one address.</summary>
public sealed class SlugsTests
{
    [Theory]
    [InlineData("Lüneburg", "luneburg")]
    [InlineData("  Crème Brûlée Crew  ", "creme-brulee-crew")]
    [InlineData("Río de la Plata, 2027", "rio-de-la-plata-2027")]
    [InlineData("--", "")]
    public void From_Names_AreLettersWithoutAccentsAndHyphens(string name, string slug) =>
        Assert.Equal(slug, Slugs.From(name));

    [Fact]
    public async Task EveryKindWithASlug_Lueneburg_IsLuneburg()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        var host = await hub.CreatePersonAsync("host@test.example", "keeper of keys", admin: true);
        using var scope = hub.Services.CreateScope();

        var (created, congregation) = await scope.ServiceProvider.GetRequiredService<CreateCongregation>().RunAsync(host.Id,
            new CreateCongregation.Input("Lüneburg", "To gather by the river.", "Lüneburg", IsOnline: false, "German", MembershipPolicy.Open, ""));
        Assert.True(created.Succeeded, created.Message);
        Assert.Equal("luneburg", congregation);

        var producer = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, host.Id)], "test"));
        var (published, episode) = await scope.ServiceProvider.GetRequiredService<PublishEpisode>().RunAsync(producer,
            new PublishEpisode.Input("Lüneburg", "Notes.", "1:00", "https://cdn.example/luneburg.mp3", 1000, null, null, null), CancellationToken.None);
        Assert.True(published.Succeeded, published.Message);
        Assert.Equal("luneburg", episode);
    }
}
