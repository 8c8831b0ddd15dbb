using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Congregations;
using Microsolidarity.Hub.Data.Crews;
using Microsolidarity.Hub.Data.Formation;
using Microsolidarity.Hub.Data.Gatherings;
using Microsolidarity.Hub.Data.People;
using Microsolidarity.Hub.Testing;
using SkiaSharp;
using static Microsolidarity.Hub.Tests.Features.Congregations.CongregationTestKit;

namespace Microsolidarity.Hub.Tests.Features.Congregations;

/// <summary>A congregation's page leads with what is next, shows who is there to members only, and carries the hosts' cover.</summary>
public sealed class CongregationPageTests
{
    private const string Password = "lanterns along the quay";

    [Fact]
    public async Task Show_WithGatheringsRoundCrewsAndFaces_LeadsWithWhatIsNextAndKeepsNamesToMembers()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        var hostUser = await hub.CreatePersonAsync("ada@test.example", Password, name: "Ada Host");
        var memberUser = await hub.CreatePersonAsync("bea@test.example", Password, name: "Bea Member");
        await hub.CreatePersonAsync("cai@test.example", Password, name: "Cai Outsider");
        var host = await hub.SignedInClientAsync("ada@test.example", Password);
        var member = await hub.SignedInClientAsync("bea@test.example", Password);
        var outsider = await hub.SignedInClientAsync("cai@test.example", Password);
        var path = await CreateAsync(host, "Harbour Circle");
        await member.SubmitAsync(path, new Dictionary<string, string>(), handler: "Join");

        // Nothing planned: the page says what a host can do about it.
        var (_, empty) = await host.GetAsync(path);
        Assert.Contains("Nothing is planned yet", empty.QuerySelector("#next-heading")!.ParentElement!.TextContent);
        Assert.NotNull(empty.QuerySelector("a[href^='/gatherings/new?owner=congregation:']"));

        var now = DateTime.UtcNow;
        Guid roundId = Guid.Empty;
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var congregation = await db.Congregations.SingleAsync(c => c.Slug == SlugOf(path));
            GatheringEvent Event(string title, EventVisibility visibility, int days, int hours) => new()
            {
                Id = Guid.NewGuid(),
                Title = title,
                Kind = EventKind.Gathering,
                Scale = EventScale.Congregation,
                CongregationId = congregation.Id,
                Visibility = visibility,
                Address = "The old net loft, Quay Street",
                StartsAt = now.AddDays(days),
                EndsAt = now.AddDays(days).AddHours(hours),
                TimeZone = "Europe/Lisbon",
                CreatedByUserId = hostUser.Id,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.GatheringEvents.AddRange(Event("Spring weekend by the sea", EventVisibility.Public, 20, 30), Event("Members' pulse call", EventVisibility.CongregationOnly, 5, 1));
            var round = new FormationRound { Id = Guid.NewGuid(), CongregationId = congregation.Id, Title = "Crews for the spring", PreferencesDueAt = now.AddDays(9), Seed = 7, CreatedAt = now };
            roundId = round.Id;
            db.FormationRounds.Add(round);
            db.Crews.Add(new Crew
            {
                Id = Guid.NewGuid(),
                Name = "Thursday Lanterns",
                Purpose = "Peer coaching",
                CongregationId = congregation.Id,
                CallerUserId = hostUser.Id,
                Stage = CrewStage.Meeting,
                JoinedCount = 4,
                CreatedAt = now.AddDays(-10),
                TimeZone = "Europe/Lisbon"
            });
            db.Crews.Add(new Crew
            {
                Id = Guid.NewGuid(),
                Name = "Dawn Walkers",
                Purpose = "Walking and talking",
                CongregationId = congregation.Id,
                CallerUserId = hostUser.Id,
                Stage = CrewStage.Forming,
                JoinedCount = 2,
                CreatedAt = now.AddDays(-1),
                TimeZone = "Europe/Lisbon"
            });
            db.WorkingGroups.Add(new WorkingGroup
            {
                Id = Guid.NewGuid(),
                CongregationId = congregation.Id,
                Name = "Weekend hosts",
                Purpose = "Prepare the spring weekend",
                EndsOn = DateOnly.FromDateTime(now.AddMonths(2)),
                StartedByUserId = hostUser.Id,
                CreatedAt = now.AddDays(-3)
            });
            db.Profiles.Add(new Profile { UserId = memberUser.Id, PhotoFile = "bea.jpg", PhotoVisibility = Visibility.MyGroups, UpdatedAt = now });
            await db.SaveChangesAsync();
        }

        // A member: the sooner members-only call leads, then the public weekend; the round invites; crews and faces by name.
        var (_, mine) = await member.GetAsync(path);
        var next = mine.QuerySelector(".next-gathering")!;
        Assert.Contains("Members' pulse call", next.QuerySelector("h3")!.TextContent);
        Assert.Contains("60 min", next.TextContent);
        Assert.Contains("Spring weekend by the sea", next.TextContent);
        Assert.Equal($"{path}/formation/{roundId}", mine.QuerySelector(".next-round a.button")!.GetAttribute("href"));
        Assert.Contains("Ada Host is calling it: 2 of up to 6", mine.QuerySelector(".next-call")!.TextContent);
        Assert.Contains("Thursday Lanterns", mine.QuerySelector("#crews-heading")!.ParentElement!.TextContent);
        Assert.Contains("Weekend hosts", mine.QuerySelector("#groups-heading")!.ParentElement!.TextContent);
        Assert.Contains("Working group started: Weekend hosts", mine.QuerySelector("#news-heading")!.ParentElement!.TextContent);
        var face = Assert.Single(mine.QuerySelectorAll(".faces li"));
        Assert.Contains("Bea Member", face.TextContent);
        Assert.Equal($"/people/{memberUser.Id}/photo?v=bea.jpg", face.QuerySelector("img")!.GetAttribute("src"));
        Assert.DoesNotContain(mine.QuerySelectorAll("nav.congregation-nav a"), a => a.TextContent == "Hosting");

        // Someone who is not a member, and a visitor: the public weekend leads, crews and groups are counts, no faces or names.
        foreach (var other in new[] { outsider, hub.NewClient() })
        {
            var (_, theirs) = await other.GetAsync(path);
            var main = theirs.QuerySelector("main")!.TextContent;
            Assert.Contains("Spring weekend by the sea", theirs.QuerySelector(".next-gathering h3")!.TextContent);
            Assert.Contains("2 days", theirs.QuerySelector(".next-gathering")!.TextContent);
            Assert.DoesNotContain("Members' pulse call", main);
            Assert.Contains("join the congregation first", theirs.QuerySelector(".next-round")!.TextContent);
            Assert.Null(theirs.QuerySelector(".next-call"));
            Assert.DoesNotContain("Thursday Lanterns", main);
            Assert.DoesNotContain("Dawn Walkers", main);
            Assert.DoesNotContain("Weekend hosts", main);
            Assert.DoesNotContain("Bea Member", main);
            Assert.Contains("1 crew meets here", main);
            Assert.Contains("1 working group is", main);
            Assert.Null(theirs.QuerySelector(".faces"));
        }

        // Hosts find "Hosting" wherever they are in the congregation.
        foreach (var page in new[] { path, $"{path}/members", $"{path}/working-groups", $"{path}/formation", $"{path}/formation/{roundId}" })
        {
            var (_, hosting) = await host.GetAsync(page);
            Assert.Contains(hosting.QuerySelectorAll("nav.congregation-nav a"), a => a.TextContent == "Hosting" && a.GetAttribute("href") == $"{path}/host");
        }
    }

    [Fact]
    public async Task Cover_UploadedByAHost_IsCroppedServedAndReplacedWhileOthersAreRefused()
    {
        await using var hub = await HubFactory.StartAsync(smtp: false);
        await hub.CreatePersonAsync("ada@test.example", Password, name: "Ada Host");
        await hub.CreatePersonAsync("bea@test.example", Password, name: "Bea Member");
        var host = await hub.SignedInClientAsync("ada@test.example", Password);
        var member = await hub.SignedInClientAsync("bea@test.example", Password);
        var path = await CreateAsync(host, "Harbour Circle");
        await member.SubmitAsync(path, new Dictionary<string, string>(), handler: "Join");

        // Not an image: refused beside the field, nothing stored.
        var (refused, refusedHtml) = await UploadAsync(host, path, System.Text.Encoding.UTF8.GetBytes("just words"), "cover.png");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("not an image we can read", new AngleSharp.Html.Parser.HtmlParser().ParseDocument(refusedHtml).QuerySelector("#cover-error")!.TextContent);

        var (saved, _) = await UploadAsync(host, path, Png(2400, 2400), "square.png");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, page) = await hub.NewClient().GetAsync(path);
        var src = page.QuerySelector("img.congregation-cover")!.GetAttribute("src")!;
        var image = await hub.NewClient().Http.GetAsync(src);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/jpeg", image.Content.Headers.ContentType!.MediaType);
        using (var bitmap = SKBitmap.Decode(await image.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal((1600, 640), (bitmap.Width, bitmap.Height)); // a wide strip from the middle of the square
        }

        // A member is no host: the hosting page and its upload are refused.
        Assert.Equal(HttpStatusCode.Forbidden, (await member.Http.GetAsync($"{path}/host")).StatusCode);

        // Taking it away removes the file too.
        var file = src.Split("?v=")[1];
        var (removed, _) = await host.SubmitAsync($"{path}/host", new Dictionary<string, string>(), handler: "RemoveCover");
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.False(File.Exists(Path.Combine(hub.DataDirectory, "covers", file)));
        Assert.Equal(HttpStatusCode.NotFound, (await hub.NewClient().Http.GetAsync($"{path}/cover")).StatusCode);
        (_, page) = await hub.NewClient().GetAsync(path);
        Assert.Null(page.QuerySelector("img.congregation-cover"));
    }

    private static async Task<(HttpResponseMessage Response, string Html)> UploadAsync(FormClient client, string path, byte[] file, string name)
    {
        var (_, page) = await client.GetAsync($"{path}/host");
        var token = page.QuerySelector("form[action*='handler=Cover'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        content.Add(new ByteArrayContent(file), "Cover", name);
        var response = await client.Http.PostAsync($"{path}/host?handler=Cover", content);
        return (response, await response.Content.ReadAsStringAsync());
    }

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(SKColors.SteelBlue);
            canvas.DrawCircle(width / 2f, height / 2f, width / 4f, new SKPaint { Color = SKColors.Gold });
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }
}
