using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsolidarity.Hub.Data;
using Microsolidarity.Hub.Data.Notifications;
using Microsolidarity.Hub.Platform.Notifications;
using Microsolidarity.Hub.Testing;

namespace Microsolidarity.Hub.Tests.Platform.Notifications;

/// <summary>
/// Notices land in the hub whatever the person chose; email goes at once, in one daily digest, or not
/// at all, by topic. Dyad proposals are the trigger here because they notify exactly one person.
/// </summary>
public sealed class NotificationTests : IAsyncLifetime
{
    private const string Password = "lanterns and moths";
    private HubFactory hub = null!;
    private readonly Dictionary<string, FormClient> people = [];

    public async Task InitializeAsync()
    {
        // The digest scheduler stays quiet during the test, which runs digests itself.
        hub = await HubFactory.StartAsync(s => s["Notifications:DigestCheckInterval"] = "10:00:00");
        foreach (var name in new[] { "ada", "bo", "cy", "di" })
        {
            await hub.CreatePersonAsync($"{name}@test.example", Password, name: char.ToUpperInvariant(name[0]) + name[1..]);
            people[name] = await hub.SignedInClientAsync($"{name}@test.example", Password);
        }
    }

    public async Task DisposeAsync() => await hub.DisposeAsync();

    private Task<(HttpResponseMessage, AngleSharp.Html.Dom.IHtmlDocument)> ProposeAsync(string from, string to, string kind = "PeerCoaching") =>
        people[from].SubmitAsync("/dyads/new", new Dictionary<string, string> { ["PartnerEmail"] = $"{to}@test.example", ["Kind"] = kind, ["Weeks"] = "6" });

    [Fact]
    public async Task ByDefault_ANoticeShowsInTheHub_AndComesByEmailAtOnce()
    {
        var (before, _) = await people["bo"].GetAsync("/me/notifications");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);

        await ProposeAsync("ada", "bo");
        await hub.Smtp!.WaitForAsync("bo@test.example", "proposes a dyad");

        var (_, page) = await people["bo"].GetAsync("/me/notifications");
        var item = Assert.Single(page.QuerySelectorAll(".notices li.unread"));
        Assert.Contains("Ada proposes a dyad", item.TextContent);
        Assert.StartsWith("/dyads/", item.QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("1", page.QuerySelector(".nav-account .count")!.TextContent);

        var (read, _) = await people["bo"].SubmitAsync("/me/notifications", new Dictionary<string, string>(), handler: "Read");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        var (_, after) = await people["bo"].GetAsync("/me/notifications");
        Assert.Empty(after.QuerySelectorAll(".notices li.unread"));
        Assert.True(after.QuerySelector(".nav-account .count") is null, after.QuerySelector(".nav-account")!.InnerHtml + after.QuerySelector(".notices")!.InnerHtml);

        // Nobody else sees Bo's notices.
        var (_, other) = await people["cy"].GetAsync("/me/notifications");
        Assert.DoesNotContain("Ada proposes", other.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task HubOnly_ForATopic_KeepsTheNotice_SendsNoEmail()
    {
        var (saved, _) = await people["cy"].SubmitAsync("/me/notifications", new Dictionary<string, string>
        {
            ["DefaultMode"] = "EmailAtOnce",
            ["Topics[dyad]"] = "HubOnly",
            ["Topics[crew]"] = "",
        }, handler: "Choices");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var (_, form) = await people["cy"].GetAsync("/me/notifications");
        Assert.Equal("HubOnly", form.QuerySelector("#topic-dyad option[selected]")!.GetAttribute("value"));

        await ProposeAsync("ada", "cy");
        await ProposeAsync("cy", "di"); // a second email that must arrive, so the absence of the first is not a timing accident
        await hub.Smtp!.WaitForAsync("di@test.example", "proposes a dyad");
        Assert.DoesNotContain(hub.Smtp.Messages(), m => m.To.ToString().Contains("cy@test.example") && (m.Subject ?? "").Contains("proposes a dyad"));
        var (_, page) = await people["cy"].GetAsync("/me/notifications");
        Assert.Contains("Ada proposes a dyad", page.QuerySelector(".notices")!.TextContent);

        var (refused, refusedPage) = await people["cy"].SubmitAsync("/me/notifications", new Dictionary<string, string>
        {
            ["DefaultMode"] = "EmailAtOnce",
            ["Topics[weather]"] = "HubOnly",
        }, handler: "Choices");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("not a topic", refusedPage.QuerySelector(".notice.error")!.TextContent);
    }

    [Fact]
    public async Task DailyDigest_GathersWaitingNotices_IntoOneEmail_SentOnce()
    {
        // A zone where it is past 08:00 now, so the digest is due: Etc/GMT-N is UTC+N.
        var offset = 12 - DateTime.UtcNow.Hour;
        var zone = offset switch { 0 => "Etc/UTC", > 0 => $"Etc/GMT-{offset}", _ => $"Etc/GMT+{-offset}" };
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var di = await db.Users.SingleAsync(u => u.Email == "di@test.example");
            db.Profiles.Add(new Microsolidarity.Hub.Data.People.Profile { UserId = di.Id, TimeZone = zone });
            db.NotificationPreferences.Add(new NotificationPreference { UserId = di.Id, Topic = "", Mode = NotificationMode.DailyDigest });
            await db.SaveChangesAsync();
        }
        await ProposeAsync("ada", "di", "Mentoring");
        await ProposeAsync("bo", "di", "Accountability");
        // A proposal Di answers before the digest goes is done, and is no longer news for the digest.
        await ProposeAsync("cy", "di", "PeerCoaching");
        Guid fromCy;
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var cy = await db.Users.Where(u => u.Email == "cy@test.example").Select(u => u.Id).SingleAsync();
            fromCy = await db.Dyads.Where(d => d.ProposerUserId == cy).Select(d => d.Id).SingleAsync();
        }
        var (declined, _) = await people["di"].SubmitAsync($"/dyads/{fromCy}", new Dictionary<string, string> { ["Accept"] = "false" }, handler: "Respond");
        Assert.Equal(HttpStatusCode.Redirect, declined.StatusCode);
        var (_, inbox) = await people["di"].GetAsync("/me/notifications");
        Assert.Contains("Cy proposes a dyad", inbox.QuerySelector(".notices li.done")!.TextContent);
        Assert.Equal(2, inbox.QuerySelectorAll(".notices li.unread").Length);

        int first, second;
        using (var scope = hub.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            Assert.Equal(2, await db.Notifications.CountAsync(n => n.Email == NotificationEmail.AwaitingDigest));
            // Three posts of one lively thread wait too: the digest gives them one line, at the first new post.
            var diId = await db.Users.Where(u => u.Email == "di@test.example").Select(u => u.Id).SingleAsync();
            foreach (var (who, post, minutes) in new[] { ("Pilar", "a", 3), ("Kofi", "b", 2), ("Noor", "c", 1) })
            {
                db.Notifications.Add(new Notification
                {
                    Id = Guid.NewGuid(),
                    UserId = diId,
                    Kind = "conversations.post",
                    Title = $"{who} replied in “Lifts to the gathering”",
                    Url = $"/congregations/riverside/conversations/lifts#post-{post}",
                    CreatedAt = DateTime.UtcNow.AddMinutes(-minutes),
                    Email = NotificationEmail.AwaitingDigest,
                });
            }
            await db.SaveChangesAsync();
            first = await scope.ServiceProvider.GetRequiredService<SendDailyDigests>().RunAsync(CancellationToken.None);
        }
        using (var scope = hub.Services.CreateScope())
        {
            second = await scope.ServiceProvider.GetRequiredService<SendDailyDigests>().RunAsync(CancellationToken.None);
        }
        Assert.Equal(1, first);
        Assert.Equal(0, second);
        var digest = await hub.Smtp!.WaitForAsync("di@test.example", "Your daily digest: 5 things new");
        Assert.Contains("Ada proposes a dyad", digest.TextBody);
        Assert.Contains("Bo proposes a dyad", digest.TextBody);
        Assert.DoesNotContain("Cy proposes a dyad", digest.TextBody);
        Assert.Contains("/dyads/", digest.TextBody);
        Assert.Contains("Pilar replied in “Lifts to the gathering” (and 2 more on the same page) — ", digest.TextBody);
        Assert.Contains("/congregations/riverside/conversations/lifts#post-a", digest.TextBody);
        Assert.DoesNotContain("Kofi replied", digest.TextBody);
        Assert.DoesNotContain(hub.Smtp.Messages(), m => m.To.ToString().Contains("di@test.example") && (m.Subject ?? "").Contains("proposes a dyad"));
        using (var scope = hub.Services.CreateScope())
        {
            // Everything queued for Di: the one digest, and no email per proposal.
            var queued = await scope.ServiceProvider.GetRequiredService<HubDbContext>().OutgoingEmails
                .Where(e => e.ToAddress == "di@test.example").Select(e => e.Subject).ToListAsync();
            Assert.Equal(["Your daily digest: 5 things new"], queued);
        }
        await hub.DrainOutboxAsync();
        Assert.Single(hub.Smtp.Messages(), m => m.To.ToString().Contains("di@test.example"));
    }
}
