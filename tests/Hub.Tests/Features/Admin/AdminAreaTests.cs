using Microsolidarity.Hub.Data.Handbook;
using Microsolidarity.Hub.Data.Platform;
using Microsolidarity.Hub.Tests.Updates;

namespace Microsolidarity.Hub.Tests.Features.Admin;

/// <summary>/admin: linked for administrators only, and it tells them what needs a look.</summary>
public sealed class AdminAreaTests
{
    [Fact]
    public async Task Overview_WithFailedEmailAndImport_NamesWhatNeedsALookAndLinksEveryPart()
    {
        // Development, so the development mailbox is on and must be linked.
        await using var hub = await HubFactory.StartAsync(smtp: false, environment: "Development");
        await hub.CreatePersonAsync("member@test.example", "quiet garden path");
        await hub.CreatePersonAsync("admin@test.example", "keeper of keys", admin: true);
        var member = await hub.SignedInClientAsync("member@test.example", "quiet garden path");
        var admin = await hub.SignedInClientAsync("admin@test.example", "keeper of keys");

        // The header links the area for administrators only.
        var (_, memberPage) = await member.GetAsync("/");
        Assert.DoesNotContain(memberPage.QuerySelectorAll("nav[aria-label=Account] a"), a => a.GetAttribute("href") == "/admin");
        var (_, adminPage) = await admin.GetAsync("/");
        Assert.Contains(adminPage.QuerySelectorAll("nav[aria-label=Account] a"), a => a.GetAttribute("href") == "/admin" && a.TextContent == "Admin");

        // A quiet hub: nothing failing yet, but no treasurer, and every part linked.
        var (_, quiet) = await admin.GetAsync("/admin");
        Assert.Contains("the commons has no treasurer", quiet.QuerySelector(".notice.warn")!.TextContent);
        Assert.Contains("Nothing waiting to be sent", quiet.QuerySelector("#part-email")!.ParentElement!.TextContent);
        Assert.Contains("No handbook yet", quiet.QuerySelector("#part-handbook")!.ParentElement!.TextContent);
        var links = quiet.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")).ToHashSet();
        foreach (var page in new[] { "/admin/handbook", "/admin/webhooks", "/admin/commons", "/newsletter/write", "/podcast/new", "/dev/mailbox" })
        {
            Assert.Contains(page, links);
        }
        // The treasury and imports are the treasurers' own: an administrator who is not one is told where, not sent to a 403.
        Assert.DoesNotContain("/commons/treasury", links);
        Assert.Contains("name yourself or someone else treasurer under Commons roles", quiet.QuerySelector("#part-commons")!.ParentElement!.TextContent);

        // An email being retried, one given up, and an import that failed: each is named at the top and in its part.
        var now = DateTime.UtcNow;
        await hub.WithDbAsync(async db =>
        {
            db.OutgoingEmails.Add(new OutgoingEmail
            {
                Id = Guid.NewGuid(),
                ToAddress = "gone@test.example",
                Subject = "Welcome",
                HtmlBody = "x",
                TextBody = "x",
                CreatedAt = now.AddHours(-3),
                NextAttemptAt = now.AddHours(-2),
                Attempts = 8,
                FailedAt = now.AddHours(-2),
                LastError = "550 No such user here"
            });
            db.OutgoingEmails.Add(new OutgoingEmail
            {
                Id = Guid.NewGuid(),
                ToAddress = "later@test.example",
                Subject = "Reminder",
                HtmlBody = "x",
                TextBody = "x",
                CreatedAt = now.AddMinutes(-30),
                NextAttemptAt = now.AddHours(1),
                Attempts = 2,
                LastError = "Connection refused by the SMTP server"
            });
            db.HandbookImports.Add(new HandbookImport
            {
                Source = "https://git.example/handbook.git",
                StartedAt = now.AddHours(-1),
                FinishedAt = now.AddHours(-1),
                Succeeded = false,
                Stage = "Failed",
                ProblemCount = 1,
                Problems = "SUMMARY.md: missing",
                Trigger = "admin"
            });
            await db.SaveChangesAsync();
        });
        var (_, busy) = await admin.GetAsync("/admin");
        var attention = busy.QuerySelector(".notice.warn")!.TextContent;
        Assert.Contains("1 email could not be sent", attention);
        Assert.Contains("1 email waiting to be tried again", attention);
        Assert.Contains("the last handbook import ended \"Failed\"", attention);
        var email = busy.QuerySelector("#part-email")!.ParentElement!.TextContent;
        Assert.Contains("1 email waiting, 1 after a failed try", email);
        Assert.Contains("Connection refused by the SMTP server", email);
        Assert.Contains("Last import: Failed", busy.QuerySelector("#part-handbook")!.ParentElement!.TextContent);
    }
}
